import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 21 (issue 11; the false positives of the production records of medusa and
// logto in eval/production/, hand-written analogues, no fetched code), and the lead's decision on
// clean-up in test code. This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly", "rethrowWithoutCause", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a teardown hook drops a failed delete of its fixture", filename: "src/invoices.test.ts", code: dedent`
        describe("invoices", () => {
          let id = "";

          afterEach(async () => {
            await removeInvoice(id).catch(() => {});
          });

          it("creates an invoice", async () => {
            id = (await createInvoice()).id;
            expect(id).toBeTruthy();
          });
        });
      ` },
    { name: "an afterAll in a shared test helper logs a failed drop of the temp database", filename: "src/testing/db-hooks.ts", code: dedent`
        export function dropTempDatabaseAfterAll(name: string) {
          afterAll(async () => {
            try {
              await dropDatabase(name);
            } catch (e) {
              console.error(\`could not drop \${name}: \${e.message}\`);
            }
          });
        }
      ` },
    { name: "the finally of a test body settles its clean-up calls without reading them", filename: "src/access.test.ts", code: dedent`
        it("lets a member in", async () => {
          const user = await createUser();
          const app = await createApp(user.id);
          try {
            await signIn(app.id, user.name);
            await page.waitForSelector("#welcome");
          } finally {
            await Promise.allSettled([deleteApp(app.id), deleteUser(user.id)]);
          }
        });
      ` },
    { name: "the finally of a try that asserts drops a failed delete (mocha's after hook too)", filename: "test/roles.spec.ts", code: dedent`
        describe("roles", () => {
          after(async () => {
            await dropRoles().catch(() => {});
          });

          it("defaults", async () => {
            await check();
          });

          async function check() {
            const role = await createRole();
            try {
              assert.equal(role.isDefault, true);
            } finally {
              await deleteRole(role.id).catch(() => {});
            }
          }
        });
      ` },
    { name: "a project error class given a 500, thrown after the error is logged through a logger getter", filename: "src/routes/uploads.ts", code: dedent`
        export async function upload(ctx: Context, next: Next) {
          try {
            ctx.body = await putObject(ctx.request.file);
          } catch (error: unknown) {
            getLoggerFromContext(ctx).error(error);
            throw new RequestError({ code: "storage.upload_error", status: 500 });
          }
          return next();
        }
      ` },
    { name: "a failed read of an error body answered with the page's error toast", filename: "src/hooks/use-error-handler.ts", code: dedent`
        export function useErrorHandler() {
          const { setToast } = useContext(PageContext);
          const { t } = useTranslation();
          return async (error: HTTPError) => {
            try {
              const body = await error.response.json();
              setToast(body.message);
            } catch (readError) {
              setToast(t("error.unknown"));
              console.error(readError);
            }
          };
        }
      ` },
    { name: "a formatter answers the input when its parse fails: a template of the parse, a method chain after a log", filename: "src/utils/phone.ts", code: dedent`
        export const withCallingCode = (value: string) => {
          try {
            const parsed = PhoneParser.parse(value);
            return \`+\${parsed.callingCode} \${parsed.national}\`;
          } catch {
            return value;
          }
        };

        export const toInternational = (phone: string) => {
          try {
            return parsePhone(normalizeE164(phone)).formatInternational();
          } catch {
            console.warn(\`not a phone number: \${phone}\`);
            return phone;
          }
        };
      ` },
    { name: "a label answered as the caller gave it when the field is not a built-in one", filename: "src/forms/field-label.ts", code: dedent`
        export function fieldLabel(field: string, label = "") {
          try {
            assert(field, builtInFieldGuard);
            return label || translate(\`fields.\${field}\`);
          } catch {
            return label;
          }
        }
      ` },
    { name: "a JSON.parse probe falls off its function after a guard answering none for a missing sample", filename: "src/utils/sample.ts", code: dedent`
        export const readSample = (sample?: string) => {
          if (!sample) {
            return;
          }

          try {
            return JSON.parse(sample) as Record<string, unknown>;
          } catch {}
        };
      ` },
    { name: "a parser class probe in an IIFE falls off like its guard on the outer value", filename: "src/middleware/audit.ts", code: dedent`
        export function auditEntry(req: IncomingMessage) {
          const agent = req.headers["user-agent"];
          const device = (() => {
            if (!agent) return;
            try {
              return new AgentParser(agent).getResult();
            } catch {}
          })();
          return { agent, device };
        }
      ` },
    { name: "a passkey verifier answers { result: false } like its own not-verified branch", filename: "src/auth/passkey.ts", code: dedent`
        export const checkPasskey = async (payload: AssertionPayload, expected: Expected) => {
          try {
            const { verified, info } = await verifyAssertion(payload, expected);
            if (!verified) {
              return { result: false };
            }
            return { result: { id: expected.id }, counter: info.counter };
          } catch {
            return { result: false };
          }
        };
      ` },
    { name: "a constant fallback checked next and answered by a helper named for building the error message", filename: "src/cli/validate.ts", code: dedent`
        const buildDirErrorMessage = (dir: string) => \`\${dir} does not hold an Acme instance.\`;

        export const validateDir = async (dir: string) => {
          const name = await readPackageName(dir).catch(() => "");
          if (name !== "@acme/core") {
            return buildDirErrorMessage(dir);
          }
          return true;
        };
      ` },
    { name: "a batch item answers its own name when it fails, through a concurrency limiter, and the failed names are reported", filename: "src/cli/plugins.ts", code: dedent`
        export const addPlugins = async (names: string[]) => {
          const results = await Promise.all(
            names.map(async (name) => {
              const run = async () => install(name);
              return limit(async () => {
                try {
                  await pRetry(run, { retries: 2 });
                } catch (error: unknown) {
                  log.error(\`[\${name}]\`, error);
                  return name;
                }
              });
            })
          );
          const failed = results.filter(Boolean);
          if (failed.length) log.warn("Failed to add " + failed.join(", "));
        };
      ` },
    { name: "a CLI reporter's failed step tells the user, and the error is printed", filename: "src/commands/create.ts", code: dedent`
        const migrate = async (root: string) => {
          const step = reporter.activity("Applying migrations...");
          return await execa("app", ["migrate"], { cwd: root })
            .then(() => reporter.success(step, "Migrations applied."))
            .catch((err) => {
              reporter.failure(step, "Failed to apply migrations: run them by hand before you start.");
              console.error(err);
            });
        };
      ` },
    { name: "a flush whose finally writes the contents back when its success flag is still unset", filename: "src/telemetry/outbox.ts", code: dedent`
        export async function flushBuffer(path: string, send: (s: string) => Promise<boolean>) {
          let sent = false;
          let contents = "";
          try {
            contents = await readAndClear(path);
            sent = await send(contents);
          } catch (e) {
            console.error("flush failed", e);
          } finally {
            if (!sent) {
              appendToBuffer(path, contents);
            }
          }
          return true;
        }
      ` },
    { name: "the steps of a destroy method each delete one thing and log their error while the others go on", filename: "src/ai/assistant.ts", code: dedent`
        export class AssistantHelper {
          async destroyAssistant() {
            if (!this.assistant) return;
            await Promise.all(
              this.assistant.fileIds.map(async (fileId) => {
                try {
                  await this.api.files.del(fileId);
                } catch (e) {
                  console.error(\`could not delete assistant file \${fileId}: \${e}\`);
                }
              })
            );
            try {
              await this.api.assistants.del(this.assistant.id);
            } catch (e) {
              console.error(\`could not delete assistant \${this.assistant.id}: \${e}\`);
            }
            this.assistant = undefined;
          }
        }
      ` },
  ],
  invalid: [
    {
      name: "a setup hook's clean-up of a stale fixture stays reported",
      filename: "src/invoices.test.ts",
      code: dedent`
        describe("invoices", () => {
          beforeAll(async () => {
            await removeInvoice("stale").catch(() => {});
          });

          it("creates an invoice", async () => {
            const invoice = await createInvoice();
            expect(invoice.total).toBe(0);
          });
        });
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 40, endLine: 3, endColumn: 48, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            describe("invoices", () => {
              beforeAll(async () => {
                await removeInvoice("stale").catch((err) => {
                  console.error("removeInvoice failed", err);
                  throw err;
                });
              });

              it("creates an invoice", async () => {
                const invoice = await createInvoice();
                expect(invoice.total).toBe(0);
              });
            });
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            describe("invoices", () => {
              beforeAll(async () => {
                await removeInvoice("stale").catch(() => {
                  // Intentionally ignored: <reason>
                });
              });

              it("creates an invoice", async () => {
                const invoice = await createInvoice();
                expect(invoice.total).toBe(0);
              });
            });
          ` },
        ] },
      ],
      output: dedent`
        describe("invoices", () => {
          beforeAll(async () => {
            await removeInvoice("stale").catch((err) => {
              console.error("removeInvoice failed", err);
            });
          });

          it("creates an invoice", async () => {
            const invoice = await createInvoice();
            expect(invoice.total).toBe(0);
          });
        });
      `,
    },
    {
      name: "a clean-up written as the last statement of a test body stays reported",
      filename: "src/invoices.test.ts",
      code: dedent`
        describe("invoices", () => {
          it("creates an invoice", async () => {
            const invoice = await createInvoice();
            expect(invoice.total).toBe(0);
            await removeInvoice(invoice.id).catch((e) => console.log(e));
          });
        });
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 5, column: 43, endLine: 5, endColumn: 64, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            describe("invoices", () => {
              it("creates an invoice", async () => {
                const invoice = await createInvoice();
                expect(invoice.total).toBe(0);
                await removeInvoice(invoice.id).catch((e) => {
                  console.log(e);
                  throw e;
                });
              });
            });
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            describe("invoices", () => {
              it("creates an invoice", async () => {
                const invoice = await createInvoice();
                expect(invoice.total).toBe(0);
                await removeInvoice(invoice.id).catch((e) => /* Intentionally ignored: <reason> */ console.log(e));
              });
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a project error class given a 500 with no log of the error stays reported",
      filename: "src/routes/secrets.ts",
      code: dedent`
        export async function rotateSecret(ctx: Context, next: Next) {
          try {
            await syncToEdge(ctx.params.id);
          } catch {
            throw new RequestError({ code: "secret.sync_failed", status: 500 });
          }
          return next();
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Pass the caught error to RequestError as { cause }", output: dedent`
            export async function rotateSecret(ctx: Context, next: Next) {
              try {
                await syncToEdge(ctx.params.id);
              } catch (err) {
                throw new RequestError({ code: "secret.sync_failed", status: 500 }, { cause: err });
              }
              return next();
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a toast setter whose message says nothing of a failure stays reported",
      filename: "src/hooks/use-save.ts",
      code: dedent`
        export function useSave() {
          const { setToast } = useContext(PageContext);
          const { t } = useTranslation();
          return async (draft: Draft) => {
            try {
              await saveDraft(draft);
            } catch (error) {
              setToast(t("common.saved"));
              console.error(error);
            }
          };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function useSave() {
              const { setToast } = useContext(PageContext);
              const { t } = useTranslation();
              return async (draft: Draft) => {
                try {
                  await saveDraft(draft);
                } catch (error) {
                  setToast(t("common.saved"));
                  console.error(error);
                  throw error;
                }
              };
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export function useSave() {
              const { setToast } = useContext(PageContext);
              const { t } = useTranslation();
              return async (draft: Draft) => {
                try {
                  await saveDraft(draft);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  setToast(t("common.saved"));
                  console.error(error);
                }
              };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a rendering that also holds a value not made from the input stays reported",
      filename: "src/utils/phone.ts",
      code: dedent`
        export const withRegion = (phone: string, region: string) => {
          try {
            const p = PhoneParser.parse(phone);
            return \`\${p.national} \${region}\`;
          } catch {
            return phone;
          }
        };
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export const withRegion = (phone: string, region: string) => {
              try {
                const p = PhoneParser.parse(phone);
                return \`\${p.national} \${region}\`;
              } catch (err) {
                console.error("PhoneParser.parse failed in withRegion", { region }, err);
                return phone;
              }
            };
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export const withRegion = (phone: string, region: string) => {
              try {
                const p = PhoneParser.parse(phone);
                return \`\${p.national} \${region}\`;
              } catch {
                // Intentionally ignored: <reason>
                return phone;
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an object of false flags answered by a function that verifies nothing stays reported",
      filename: "src/flags.ts",
      code: dedent`
        export async function loadFlags(userId: string) {
          try {
            const flags = await flagService.fetch(userId);
            return { beta: flags.beta };
          } catch {
            return { beta: false };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function loadFlags(userId: string) {
              try {
                const flags = await flagService.fetch(userId);
                return { beta: flags.beta };
              } catch (err) {
                console.error("flagService.fetch failed in loadFlags", { userId }, err);
                return { beta: false };
              }
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function loadFlags(userId: string) {
              try {
                const flags = await flagService.fetch(userId);
                return { beta: flags.beta };
              } catch {
                // Intentionally ignored: <reason>
                return { beta: false };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a fallback checked and answered by a helper not named for an error stays reported",
      filename: "src/cli/validate.ts",
      code: dedent`
        export const validateDir = async (dir: string) => {
          const name = await readPackageName(dir).catch(() => "");
          if (name !== "@acme/core") {
            return formatDirHint(dir);
          }
          return true;
        };
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 49, endLine: 2, endColumn: 57, suggestions: [
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export const validateDir = async (dir: string) => {
              const name = await readPackageName(dir).catch(() => /* Intentionally ignored: <reason> */ "");
              if (name !== "@acme/core") {
                return formatDirHint(dir);
              }
              return true;
            };
          ` },
        ] },
      ],
      output: dedent`
        export const validateDir = async (dir: string) => {
          const name = await readPackageName(dir).catch((err) => {
            console.error("readPackageName failed in validateDir", { dir }, err);
            return "";
          });
          if (name !== "@acme/core") {
            return formatDirHint(dir);
          }
          return true;
        };
      `,
    },
    {
      name: "a batch whose items answer the failed item, its results returned as they are, stays reported",
      filename: "src/cli/plugins.ts",
      code: dedent`
        export const addAll = async (names: string[]) => {
          const results = await Promise.all(
            names.map(async (name) =>
              limit(async () => {
                try {
                  await install(name);
                } catch (error: unknown) {
                  log.error(\`[\${name}]\`, error);
                  return name;
                }
              })
            )
          );
          return results;
        };
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 11, endLine: 7, endColumn: 33, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export const addAll = async (names: string[]) => {
              const results = await Promise.all(
                names.map(async (name) =>
                  limit(async () => {
                    try {
                      await install(name);
                    } catch (error: unknown) {
                      log.error(\`[\${name}]\`, error);
                      throw error;
                    }
                  })
                )
              );
              return results;
            };
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export const addAll = async (names: string[]) => {
              const results = await Promise.all(
                names.map(async (name) =>
                  limit(async () => {
                    try {
                      await install(name);
                    } catch (error: unknown) {
                      // Intentionally ignored: <reason>
                      log.error(\`[\${name}]\`, error);
                      return name;
                    }
                  })
                )
              );
              return results;
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a finally that only logs when the flag is unset recovers nothing and the catch stays reported",
      filename: "src/telemetry/outbox.ts",
      code: dedent`
        export async function flushBuffer(path: string, send: (s: string) => Promise<boolean>) {
          let sent = false;
          let contents = "";
          try {
            contents = await readAndClear(path);
            sent = await send(contents);
          } catch (e) {
            console.error("flush failed", e);
          } finally {
            if (!sent) {
              console.warn("flush did not succeed", path);
            }
          }
          return sent;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function flushBuffer(path: string, send: (s: string) => Promise<boolean>) {
              let sent = false;
              let contents = "";
              try {
                contents = await readAndClear(path);
                sent = await send(contents);
              } catch (e) {
                console.error("flush failed", e);
                throw e;
              } finally {
                if (!sent) {
                  console.warn("flush did not succeed", path);
                }
              }
              return sent;
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function flushBuffer(path: string, send: (s: string) => Promise<boolean>) {
              let sent = false;
              let contents = "";
              try {
                contents = await readAndClear(path);
                sent = await send(contents);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error("flush failed", e);
              } finally {
                if (!sent) {
                  console.warn("flush did not succeed", path);
                }
              }
              return sent;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a clean-up step that also saves stays reported",
      filename: "src/session.ts",
      code: dedent`
        export class Session {
          async cleanup() {
            try {
              await this.store.save(this.state);
              await this.client.close();
            } catch (e) {
              console.error(\`cleanup failed: \${e}\`);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Session {
              async cleanup() {
                try {
                  await this.store.save(this.state);
                  await this.client.close();
                } catch (e) {
                  console.error(\`cleanup failed: \${e}\`);
                  throw e;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export class Session {
              async cleanup() {
                try {
                  await this.store.save(this.state);
                  await this.client.close();
                } catch (e) {
                  // Intentionally ignored: <reason>
                  console.error(\`cleanup failed: \${e}\`);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
