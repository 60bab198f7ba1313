import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes of session 24's production records (issue 11; typebot, ghostfolio and vendure, false
// findings still reported at main; hand-written analogues, no fetched code): an Angular signal read
// in a try that only formats for display, and an Intl display name of the code given (through a
// local bound to the Intl constructor, or of the code's spelling normalised) answered as that code
// when the rendering fails. This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "catchReturnsDefault", "logAndContinue", "rethrowWithoutCause", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    // An Angular signal read is a memory read; a computed is as pure as its callback.
    { name: "an empty catch around toLocaleString given an Angular input and a computed of it", code: dedent`
        import { Component, computed, input } from "@angular/core";

        @Component({ selector: "app-amount", template: "{{ label }}" })
        export class AmountComponent {
          readonly digits = input<number>();
          readonly amount = input.required<number>();
          private readonly options = computed(() => ({ minimumFractionDigits: this.digits() ?? 2 }));
          label = "";

          ngOnChanges() {
            try {
              this.label = this.amount().toLocaleString("en-US", this.options());
            } catch {}
          }
        }
      ` },
    // An Intl display name answered as the code it was given.
    { name: "an Intl constructor bound to a local before the try, the code's spelling normalised", code: dedent`
        export function languageName(code: string, locale: string): string {
          const DisplayNames = (Intl as any).DisplayNames;
          try {
            return new DisplayNames([locale.replace("_", "-")], { type: "language" }).of(code.replace("_", "-"));
          } catch (e) {
            return code;
          }
        }
      ` },
    { name: "an Intl display name of the code trimmed and upper-cased, else the code", code: dedent`
        export const regionName = (code: string, lang: string): string => {
          try {
            return new Intl.DisplayNames([lang], { type: "region" }).of(code.trim().toUpperCase()) ?? code;
          } catch {
            return code;
          }
        };
      ` },
    // The input kept under a cast where the try assigns its conversion.
    { name: "the entity kept (cast) where the try assigns its translation", code: dedent`
        export function localise<T extends Entity>(entity: T, lang: string): Localised<T> {
          let localised: Localised<T>;
          try {
            localised = toLocale(entity, lang);
          } catch (e: any) {
            localised = entity as any;
          }
          return localised;
        }
      ` },
    // A log of the error, then the failure answered with an error status right after the try.
    { name: "a health check logging the error and falling through to a 503 answer", code: dedent`
        export class HealthController {
          async checkMail(@Res() res: Response) {
            try {
              const ok = await this.mailer.verify();
              if (ok) {
                return res.status(HttpStatus.OK).json({ status: "OK" });
              }
            } catch (error) {
              this.logger.error(error);
            }
            return res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: "Service Unavailable" });
          }
        }
      ` },
    { name: "a status check logging the error and falling through to new Response with status 502", code: dedent`
        export async function upstreamStatus(): Promise<Response> {
          try {
            const ok = await pingUpstream();
            if (ok) return new Response("ok");
          } catch (err) {
            console.error("upstream failed", err);
          }
          return new Response("upstream unavailable", { status: 502 });
        }
      ` },
    // A test that the error is an error-like object is no check for one error.
    { name: "a batch item whose catch logs the message of an error-like value and answers none, filtered out", code: dedent`
        export async function listTabs(doc: Spreadsheet) {
          const tabs = (
            await Promise.all(
              doc.sheets.map(async (sheet) => {
                try {
                  await sheet.loadHeaderRow();
                } catch (err) {
                  if (err && typeof err === "object" && "message" in err) console.log(err.message);
                  return;
                }
                return { id: sheet.id, columns: sheet.headerValues };
              }),
            )
          ).filter(isDefined);
          return { tabs };
        }
      ` },
    // A URL probe answering the sentinel the guard on the same value answers.
    { name: "a referrer's host in an IIFE: the guard and the catch both answer the same sentinel", code: dedent`
        export function pageView(ctx: Ctx) {
          return {
            referrer: ctx.data.referrer,
            referringDomain: (() => {
              if (!ctx.data.referrer) return "$direct";
              try {
                return new URL(ctx.data.referrer).hostname;
              } catch {
                return "$direct";
              }
            })(),
          };
        }
      ` },
    // A comment above the local that only words the log line speaks of the whole catch.
    { name: "a comment saying when the catch is reached, above a local that words the error for the log", code: dedent`
        export class Scheduler {
          private async pollTriggered() {
            let rows: Row[] = [];
            try {
              rows = await this.db.findTriggered();
            } catch (e) {
              // Reached when the connection is closed and the interval fires once more at shutdown.
              const message = e instanceof Error ? e.message : "Unknown error";
              Logger.error(\`Could not poll triggered tasks: \${message}\`);
            }
            for (const row of rows) await this.run(row);
          }
        }
      ` },
    // A URL parse whose tests throw the very error the catch throws.
    { name: "an http(s) URL parse: the try throws the catch's own error for another scheme", code: dedent`
        const INVALID_LINK = "Attachment links must be http(s) URLs";

        export const parseLink = (raw: string): URL => {
          try {
            const parsed = new URL(raw);
            if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(INVALID_LINK);
            return parsed;
          } catch {
            throw new Error(INVALID_LINK);
          }
        };
      ` },
    // The failed-response body one call away.
    { name: "a helper that words a failed upload's error from its body, called only in the !ok branch", code: dedent`
        export async function uploadAll(files: File[]) {
          const errors: string[] = [];
          for (const file of files) {
            const res = await fetch("/upload", { method: "POST", body: file });
            if (!res.ok) {
              errors.push(await describeFailure(res));
              continue;
            }
          }
          return errors;
        }

        const describeFailure = async (response: Response) => {
          const body = await response.text().catch(() => undefined);
          return body || response.statusText || \`Upload failed with status \${response.status}\`;
        };
      ` },
    // A cheerio document query reads the parsed page in memory.
    { name: "an empty catch around a cheerio query of a page already loaded", code: dedent`
        import * as cheerio from "cheerio";

        export async function pageLocale(url: string): Promise<string | undefined> {
          const res = await fetch(url);
          const $ = cheerio.load(await res.text());
          let locale: string | undefined;
          try {
            locale = $("html").attr("lang");
          } catch {}
          return locale;
        }
      ` },
  ],
  invalid: [
    {
      name: "a catch that logs and falls through to a success answer named by the axios enum (HttpStatusCode.Ok): no error status, stays reported",
      code: dedent`
        import { HttpStatusCode } from "axios";

        export async function upstreamStatus(c: Ctx) {
          try {
            await pingUpstream();
          } catch (err) {
            console.error("upstream failed", err);
          }
          return c.json({ ok: true }, HttpStatusCode.Ok);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import { HttpStatusCode } from "axios";

            export async function upstreamStatus(c: Ctx) {
              try {
                await pingUpstream();
              } catch (err) {
                console.error("upstream failed", err);
                throw err;
              }
              return c.json({ ok: true }, HttpStatusCode.Ok);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { HttpStatusCode } from "axios";

            export async function upstreamStatus(c: Ctx) {
              try {
                await pingUpstream();
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("upstream failed", err);
              }
              return c.json({ ok: true }, HttpStatusCode.Ok);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that logs and carries on around the same signal reads: judged by its own case, stays reported",
      code: dedent`
        import { Component, input } from "@angular/core";

        @Component({ selector: "app-amount", template: "{{ label }}" })
        export class AmountComponent {
          readonly amount = input.required<number>();
          label = "";

          ngOnChanges() {
            try {
              this.label = this.amount().toLocaleString("en-US");
            } catch (err) {
              console.warn("could not format", err);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 11, column: 7, endLine: 11, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { Component, input } from "@angular/core";

            @Component({ selector: "app-amount", template: "{{ label }}" })
            export class AmountComponent {
              readonly amount = input.required<number>();
              label = "";

              ngOnChanges() {
                try {
                  this.label = this.amount().toLocaleString("en-US");
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.warn("could not format", err);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a computed-like property made by a function not from @angular/core: stays reported",
      code: dedent`
        import { computed } from "./store";

        export class Amount {
          private readonly options = computed(() => loadOptions());
          label = "";

          refresh(amount: number) {
            try {
              this.label = amount.toLocaleString("en-US", this.options());
            } catch {}
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 10, column: 13, endLine: 10, endColumn: 15, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            import { computed } from "./store";

            export class Amount {
              private readonly options = computed(() => loadOptions());
              label = "";

              refresh(amount: number) {
                try {
                  this.label = amount.toLocaleString("en-US", this.options());
                } catch (err) {
                  console.error("Amount.refresh failed", err);
                  throw err;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { computed } from "./store";

            export class Amount {
              private readonly options = computed(() => loadOptions());
              label = "";

              refresh(amount: number) {
                try {
                  this.label = amount.toLocaleString("en-US", this.options());
                } catch {
                  // Intentionally ignored: <reason>
                }
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { computed } from "./store";

        export class Amount {
          private readonly options = computed(() => loadOptions());
          label = "";

          refresh(amount: number) {
            try {
              this.label = amount.toLocaleString("en-US", this.options());
            } catch (err) {
              console.error("Amount.refresh failed", err);
            }
          }
        }
      `,
    },
    {
      name: "an Intl display name of a part of the code (not its spelling normalised): stays reported",
      code: dedent`
        export function languageName(code: string, locale: string): string {
          try {
            return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
          } catch {
            return code;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function languageName(code: string, locale: string): string {
              try {
                return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
              } catch (err) {
                console.error("languageName failed", err);
                return code;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function languageName(code: string, locale: string): string {
              try {
                return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
              } catch {
                // Intentionally ignored: <reason>
                return code;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log of the error falling through to a success answer: stays reported",
      code: dedent`
        export class HealthController {
          async checkMail(@Res() res: Response) {
            try {
              await this.mailer.verify();
            } catch (error) {
              this.logger.error(error);
            }
            return res.status(HttpStatus.OK).json({ status: "OK" });
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export class HealthController {
              async checkMail(@Res() res: Response) {
                try {
                  await this.mailer.verify();
                } catch (error) {
                  // Intentionally ignored: <reason>
                  this.logger.error(error);
                }
                return res.status(HttpStatus.OK).json({ status: "OK" });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an error-like test in a catch that logs and carries on with a made-up answer: judged as logAndContinue",
      code: dedent`
        export async function loadTitle(doc: Spreadsheet): Promise<string> {
          try {
            await doc.loadInfo();
            return doc.title;
          } catch (err) {
            if (err && typeof err === "object" && "message" in err) console.log(err.message);
            return "Untitled";
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function loadTitle(doc: Spreadsheet): Promise<string> {
              try {
                await doc.loadInfo();
                return doc.title;
              } catch (err) {
                if (err && typeof err === "object" && "message" in err) console.log(err.message);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadTitle(doc: Spreadsheet): Promise<string> {
              try {
                await doc.loadInfo();
                return doc.title;
              } catch (err) {
                // Intentionally ignored: <reason>
                if (err && typeof err === "object" && "message" in err) console.log(err.message);
                return "Untitled";
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL probe answering a sentinel no guard on that value answers: stays reported",
      code: dedent`
        export function pageView(ctx: Ctx) {
          return {
            referringDomain: (() => {
              if (!ctx.data.url) return "$direct";
              try {
                return new URL(ctx.data.referrer).hostname;
              } catch {
                return "$direct";
              }
            })(),
          };
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 9, endLine: 7, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function pageView(ctx: Ctx) {
              return {
                referringDomain: (() => {
                  if (!ctx.data.url) return "$direct";
                  try {
                    return new URL(ctx.data.referrer).hostname;
                  } catch (err) {
                    console.error("referringDomain failed", err);
                    return "$direct";
                  }
                })(),
              };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function pageView(ctx: Ctx) {
              return {
                referringDomain: (() => {
                  if (!ctx.data.url) return "$direct";
                  try {
                    return new URL(ctx.data.referrer).hostname;
                  } catch {
                    // Intentionally ignored: <reason>
                    return "$direct";
                  }
                })(),
              };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a parse of stored data the function read itself, none like the guard on it: stays reported",
      code: dedent`
        export async function modelTable(): Promise<Record<string, Model> | null> {
          const cached = await readCache(KEY);
          if (!cached) return null;
          try {
            return index(JSON.parse(cached) as Model[]);
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function modelTable(): Promise<Record<string, Model> | null> {
              const cached = await readCache(KEY);
              if (!cached) return null;
              try {
                return index(JSON.parse(cached) as Model[]);
              } catch (err) {
                console.error("modelTable failed", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function modelTable(): Promise<Record<string, Model> | null> {
              const cached = await readCache(KEY);
              if (!cached) return null;
              try {
                return index(JSON.parse(cached) as Model[]);
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same comment above a local made by a call of the project's (work of the catch's own): stays reported",
      code: dedent`
        export class Scheduler {
          private async pollTriggered() {
            let rows: Row[] = [];
            try {
              rows = await this.db.findTriggered();
            } catch (e) {
              // Reached when the connection is closed and the interval fires once more at shutdown.
              const attempts = this.failures.bump("poll");
              Logger.error(\`Could not poll triggered tasks (\${attempts})\`, e);
            }
            for (const row of rows) await this.run(row);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Scheduler {
              private async pollTriggered() {
                let rows: Row[] = [];
                try {
                  rows = await this.db.findTriggered();
                } catch (e) {
                  // Intentionally ignored: <reason>
                  // Reached when the connection is closed and the interval fires once more at shutdown.
                  const attempts = this.failures.bump("poll");
                  Logger.error(\`Could not poll triggered tasks (\${attempts})\`, e);
                }
                for (const row of rows) await this.run(row);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL parse whose catch throws another error than the try's own: stays reported",
      code: dedent`
        export const parseLink = (raw: string): URL => {
          try {
            const parsed = new URL(raw);
            if (parsed.protocol !== "https:") throw new Error("Links must use https");
            return parsed;
          } catch {
            throw new Error("Could not read the link");
          }
        };
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [] },
      ],
      output: dedent`
        export const parseLink = (raw: string): URL => {
          try {
            const parsed = new URL(raw);
            if (parsed.protocol !== "https:") throw new Error("Links must use https");
            return parsed;
          } catch (err) {
            throw new Error("Could not read the link", { cause: err });
          }
        };
      `,
    },
    {
      name: "the same helper also called on a response nobody tested: stays reported",
      code: dedent`
        export async function uploadAll(files: File[]) {
          const errors: string[] = [];
          for (const file of files) {
            const res = await fetch("/upload", { method: "POST", body: file });
            errors.push(await describeFailure(res));
          }
          return errors;
        }

        const describeFailure = async (response: Response) => {
          const body = await response.text().catch(() => undefined);
          return body || response.statusText || \`Upload failed with status \${response.status}\`;
        };
      `,
      findings: [
        { case: "promiseCatchNoop", line: 11, column: 44, endLine: 11, endColumn: 59, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function uploadAll(files: File[]) {
              const errors: string[] = [];
              for (const file of files) {
                const res = await fetch("/upload", { method: "POST", body: file });
                errors.push(await describeFailure(res));
              }
              return errors;
            }

            const describeFailure = async (response: Response) => {
              const body = await response.text().catch((err) => {
                console.error("response.text failed in describeFailure", err);
                throw err;
              });
              return body || response.statusText || \`Upload failed with status \${response.status}\`;
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function uploadAll(files: File[]) {
              const errors: string[] = [];
              for (const file of files) {
                const res = await fetch("/upload", { method: "POST", body: file });
                errors.push(await describeFailure(res));
              }
              return errors;
            }

            const describeFailure = async (response: Response) => {
              const body = await response.text().catch(() => /* Intentionally ignored: <reason> */ undefined);
              return body || response.statusText || \`Upload failed with status \${response.status}\`;
            };
          ` },
        ] },
      ],
      output: dedent`
        export async function uploadAll(files: File[]) {
          const errors: string[] = [];
          for (const file of files) {
            const res = await fetch("/upload", { method: "POST", body: file });
            errors.push(await describeFailure(res));
          }
          return errors;
        }

        const describeFailure = async (response: Response) => {
          const body = await response.text().catch((err) => {
            console.error("response.text failed in describeFailure", err);
            return undefined;
          });
          return body || response.statusText || \`Upload failed with status \${response.status}\`;
        };
      `,
    },
    {
      name: "a helper logging a failed body read of a response nobody tested: judged as promiseCatchLogOnly",
      code: dedent`
        export async function uploadOne(file: File) {
          const res = await fetch("/upload", { method: "POST", body: file });
          return describeFailure(res);
        }

        const describeFailure = async (response: Response) => {
          const body = await response.text().catch((err) => {
            console.error("could not read the body", err);
            return undefined;
          });
          return body || response.statusText;
        };
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 7, column: 44, endLine: 10, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function uploadOne(file: File) {
              const res = await fetch("/upload", { method: "POST", body: file });
              return describeFailure(res);
            }

            const describeFailure = async (response: Response) => {
              const body = await response.text().catch((err) => {
                // Intentionally ignored: <reason>
                console.error("could not read the body", err);
                return undefined;
              });
              return body || response.statusText;
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an empty catch around a call of a function another library handed back: stays reported",
      code: dedent`
        import { connect } from "./db";

        export async function pageLocale(id: string): Promise<string | undefined> {
          const q = connect(process.env.DB_URL);
          let locale: string | undefined;
          try {
            locale = q("pages").attr(id);
          } catch {}
          return locale;
        }
      `,
      findings: [
        { case: "emptyCatch", line: 8, column: 11, endLine: 8, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            import { connect } from "./db";

            export async function pageLocale(id: string): Promise<string | undefined> {
              const q = connect(process.env.DB_URL);
              let locale: string | undefined;
              try {
                locale = q("pages").attr(id);
              } catch (err) {
                console.error("q failed in pageLocale", { id }, err);
                throw err;
              }
              return locale;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { connect } from "./db";

            export async function pageLocale(id: string): Promise<string | undefined> {
              const q = connect(process.env.DB_URL);
              let locale: string | undefined;
              try {
                locale = q("pages").attr(id);
              } catch {
                // Intentionally ignored: <reason>
              }
              return locale;
            }
          ` },
        ] },
      ],
      output: dedent`
        import { connect } from "./db";

        export async function pageLocale(id: string): Promise<string | undefined> {
          const q = connect(process.env.DB_URL);
          let locale: string | undefined;
          try {
            locale = q("pages").attr(id);
          } catch (err) {
            console.error("q failed in pageLocale", { id }, err);
          }
          return locale;
        }
      `,
    },
  ],
});
