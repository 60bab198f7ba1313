import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 22 experiment "does the try do I/O?" (issue 11): an empty catch whose try only computes on
// values the code already holds (a parse, a URL, a date, string and array work, functions of the
// file followed two calls deep) and reads no setting is not reported; a try that awaits, reads a
// setting, or calls something the rule cannot see through stays reported. Hand-written rows, no
// fetched code. The convention covers the empty catch only: a log-only catch around the same parse
// stays logAndContinue. This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a body parsed from the text in hand, falling back to the empty object it starts with", code: dedent`
        export function readOptions(raw: string) {
          let options: Record<string, unknown> = {};
          try {
            options = JSON.parse(raw);
          } catch {}
          return { verbose: options.verbose === true };
        }
      ` },
    { name: "a URL probe in a loop whose catch skips the item, where the try does not end the loop's body", code: dedent`
        export function localIndex(links: string[]) {
          let index = 0;
          for (const link of links) {
            try {
              if (new URL(link).hostname === "localhost") return index;
            } catch {
              continue;
            }
            index++;
          }
          return -1;
        }
      ` },
    { name: "a local helper that only does string work, followed from the try", code: dedent`
        function slugOf(title: string): string {
          return decodeURIComponent(title).trim().toLowerCase().replace(/\\s+/g, "-");
        }

        export function linkFor(title: string) {
          let slug = title;
          try {
            slug = slugOf(title);
          } catch {}
          return "/posts/" + slug;
        }
      ` },
    { name: "a date label formatted with Intl, the raw stamp kept when the locale is unknown", code: dedent`
        export function stampLabel(stamp: number, locale: string) {
          let label = String(stamp);
          try {
            label = new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(stamp));
          } catch {}
          return label;
        }
      ` },
  ],
  invalid: [
    {
      name: "a setting parsed in the try stays reported: a typo in the configuration is hidden",
      code: dedent`
        export function retryLimits() {
          let limits = { max: 3 };
          try {
            limits = JSON.parse(process.env.RETRY_LIMITS ?? "{}");
          } catch {}
          return limits;
        }
      `,
      findings: [{ case: "emptyCatch", line: 5, column: 11, endLine: 5, endColumn: 13, suggestions: [
        { title: "Log with console and rethrow", output: dedent`
            export function retryLimits() {
              let limits = { max: 3 };
              try {
                limits = JSON.parse(process.env.RETRY_LIMITS ?? "{}");
              } catch (err) {
                console.error("JSON.parse failed in retryLimits", err);
                throw err;
              }
              return limits;
            }
          ` },
        { title: "Mark as intentionally ignored\u2026", output: dedent`
            export function retryLimits() {
              let limits = { max: 3 };
              try {
                limits = JSON.parse(process.env.RETRY_LIMITS ?? "{}");
              } catch {
                // Intentionally ignored: <reason>
              }
              return limits;
            }
          ` },
      ] }],
      output: dedent`
        export function retryLimits() {
          let limits = { max: 3 };
          try {
            limits = JSON.parse(process.env.RETRY_LIMITS ?? "{}");
          } catch (err) {
            console.error("JSON.parse failed in retryLimits", err);
          }
          return limits;
        }
      `,
    },
    {
      name: "a local helper that reads a file, followed from the try, stays reported",
      code: dedent`
        import { readFileSync } from "node:fs";

        function loadPrices(file: string) {
          return JSON.parse(readFileSync(file, "utf8"));
        }

        export function priceList(file: string) {
          let prices = {};
          try {
            prices = loadPrices(file);
          } catch {}
          return prices;
        }
      `,
      findings: [{ case: "emptyCatch", line: 11, column: 11, endLine: 11, endColumn: 13, suggestions: [
        { title: "Log with console and rethrow", output: dedent`
            import { readFileSync } from "node:fs";

            function loadPrices(file: string) {
              return JSON.parse(readFileSync(file, "utf8"));
            }

            export function priceList(file: string) {
              let prices = {};
              try {
                prices = loadPrices(file);
              } catch (err) {
                console.error("loadPrices failed in priceList", { file }, err);
                throw err;
              }
              return prices;
            }
          ` },
        { title: "Mark as intentionally ignored\u2026", output: dedent`
            import { readFileSync } from "node:fs";

            function loadPrices(file: string) {
              return JSON.parse(readFileSync(file, "utf8"));
            }

            export function priceList(file: string) {
              let prices = {};
              try {
                prices = loadPrices(file);
              } catch {
                // Intentionally ignored: <reason>
              }
              return prices;
            }
          ` },
      ] }],
      output: dedent`
        import { readFileSync } from "node:fs";

        function loadPrices(file: string) {
          return JSON.parse(readFileSync(file, "utf8"));
        }

        export function priceList(file: string) {
          let prices = {};
          try {
            prices = loadPrices(file);
          } catch (err) {
            console.error("loadPrices failed in priceList", { file }, err);
          }
          return prices;
        }
      `,
    },
    {
      name: "a call to an imported function the rule cannot see through stays reported",
      code: dedent`
        import { decodeSession } from "./session";

        export function currentUser(cookie: string) {
          let user = null;
          try {
            user = decodeSession(cookie);
          } catch {}
          return user;
        }
      `,
      findings: [{ case: "emptyCatch", line: 7, column: 11, endLine: 7, endColumn: 13, suggestions: [
        { title: "Log with console and rethrow", output: dedent`
            import { decodeSession } from "./session";

            export function currentUser(cookie: string) {
              let user = null;
              try {
                user = decodeSession(cookie);
              } catch (err) {
                console.error("decodeSession failed in currentUser", err);
                throw err;
              }
              return user;
            }
          ` },
        { title: "Mark as intentionally ignored\u2026", output: dedent`
            import { decodeSession } from "./session";

            export function currentUser(cookie: string) {
              let user = null;
              try {
                user = decodeSession(cookie);
              } catch {
                // Intentionally ignored: <reason>
              }
              return user;
            }
          ` },
      ] }],
      output: dedent`
        import { decodeSession } from "./session";

        export function currentUser(cookie: string) {
          let user = null;
          try {
            user = decodeSession(cookie);
          } catch (err) {
            console.warn("decodeSession failed in currentUser", err);
          }
          return user;
        }
      `,
    },
    {
      name: "a log-only catch around a parse of the text in hand stays logAndContinue: the convention is the empty catch's",
      code: dedent`
        export function readOptions(raw: string) {
          let options: Record<string, unknown> = {};
          try {
            options = JSON.parse(raw);
          } catch (err) {
            console.error("options are not JSON", err);
          }
          return { verbose: options.verbose === true };
        }
      `,
      findings: [{ case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
        { title: "Rethrow the error", output: dedent`
            export function readOptions(raw: string) {
              let options: Record<string, unknown> = {};
              try {
                options = JSON.parse(raw);
              } catch (err) {
                console.error("options are not JSON", err);
                throw err;
              }
              return { verbose: options.verbose === true };
            }
          ` },
        { title: "Mark as intentionally ignored\u2026", output: dedent`
            export function readOptions(raw: string) {
              let options: Record<string, unknown> = {};
              try {
                options = JSON.parse(raw);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("options are not JSON", err);
              }
              return { verbose: options.verbose === true };
            }
          ` },
      ] }],
      output: null,
    },
  ],
});
