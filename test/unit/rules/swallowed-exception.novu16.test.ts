import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes left from the novu production audit (issue 11, hand-written analogues): an optional
// module switched on by a setting inside the try, whose catch goes on like the setting-off path; a
// try whose every await is a cache client's read or write (judged by the call, not the log words);
// a fixed-message throw in the `else` of `e instanceof Error` whose branch keeps the error; a catch
// that falls to `return false`; a project class extending a 4xx Nest exception; a log line whose own
// sentence names the answer given instead; the raw input kept where the try keeps a copy of its
// parse (`{ ...JSON.parse(raw) }`). This table declares
// only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "an enterprise module list behind process.env: the catch goes on to the list the function returns when the setting is off",
      code: dedent`
        const enterpriseImports = () => {
          const modules: Module[] = [];
          try {
            if (process.env.ACME_ENTERPRISE === "true" || process.env.CI_EE_TEST === "true") {
              if (require("@acme/ee-billing")?.BillingModule) {
                modules.push(require("@acme/ee-billing").BillingModule);
              }
            }
          } catch (e) {
            Logger.error(e, "Unexpected error while importing enterprise modules", "EnterpriseImport");
          }
          return modules;
        };
      `,
    },
    {
      name: "an optional enterprise use case run through the module ref: the catch answers nothing, like the setting-off path",
      code: dedent`
        export class CreateTeam {
          private async startTrial(userId: string, teamId: string) {
            try {
              if (process.env.ACME_ENTERPRISE === "true") {
                const usecase = this.moduleRef.get(require("@acme/ee-billing")?.StartTrial, { strict: false });
                await usecase.execute({ userId, teamId });
              }
            } catch (e) {
              this.logger.warn({ err: e }, "enterprise billing unavailable");
            }
          }
        }
      `,
    },
    {
      name: "a feature behind an UPPER_CASE setting loaded with a dynamic import, the local keeps its setting-off value",
      code: dedent`
        export async function loadFlags() {
          let flags = {};
          try {
            if (FLAGS_SERVICE_URL) {
              const { FlagClient } = await import("@acme/flags");
              flags = await new FlagClient(FLAGS_SERVICE_URL).all();
            }
          } catch (err) {
            console.error(err);
          }
          return flags;
        }
      `,
    },
    {
      name: "a development-only lookup: the catch returns what the statement after the try returns",
      code: dedent`
        export async function tunnelUrl(): Promise<string> {
          try {
            if (process.env.NODE_ENV === "development") {
              const res = await fetch("http://localhost:2022/.well-known/tunnel");
              return (await res.json()).url;
            }
          } catch (error) {
            console.error(error);
            return "";
          }
          return "";
        }
      `,
    },
    {
      name: "a cache read in a method decorator that falls back to the original method; the log line never says cache",
      code: dedent`
        export function Cached(builder: (...args: unknown[]) => string) {
          return (target: object, key: string, descriptor: PropertyDescriptor) => {
            const original = descriptor.value;
            descriptor.value = async function (...args: unknown[]) {
              const cacheKey = builder(...args);
              try {
                const value = await this.cacheService.get(cacheKey);
                if (value) return JSON.parse(value);
              } catch (err) {
                Logger.error(err, \`An error has occurred when extracting "key: \${cacheKey}" in "method: \${key}"\`);
              }
              const response = await original.apply(this, args);
              try {
                await this.cacheService.set(cacheKey, JSON.stringify(response));
                return response;
              } catch (err) {
                Logger.error(err, \`An error has occurred when inserting key: \${cacheKey}\`);
              }
              return response;
            };
          };
        }
      `,
    },
    {
      name: "a cache manager lookup before the database, logged without the word",
      code: dedent`
        export async function findUser(id: string) {
          try {
            const hit = await cacheManager.get<User>(\`user:\${id}\`);
            if (hit) return hit;
          } catch (err) {
            logger.warn({ err, id }, "lookup failed");
          }
          return db.user.findUnique({ where: { id } });
        }
      `,
    },
    {
      name: "a fixed message in the else of `e instanceof Error`, whose branch keeps the error's message",
      code: dedent`
        export async function insertMany(rows: Row[]) {
          try {
            return await this.model.insertMany(rows);
          } catch (e: unknown) {
            if (e instanceof Error) {
              throw new DalException(e.message);
            } else {
              throw new DalException("An unknown error occurred");
            }
          }
        }
      `,
    },
    {
      name: "a predicate probe: the command's failure falls to the `return false` right after the try",
      code: dedent`
        function isInMercurialRepository(): boolean {
          try {
            execSync("hg --cwd . root", { stdio: "ignore" });
            return true;
          } catch (_) {}
          return false;
        }
      `,
    },
    {
      name: "a project exception imported from a relative module that extends Nest's BadRequestException is a 4xx answer",
      files: { "src/utils/exceptions.ts": "export class ApiException extends BadRequestException {}\n" },
      code: dedent`
        import { ApiException } from "./utils/exceptions";

        export function extractVariables(content: string) {
          try {
            return Handlebars.parseWithoutProcessing(content);
          } catch (e) {
            throw new ApiException("Failed to extract variables");
          }
        }
      `,
    },
    {
      name: "a project exception declared in the same file that extends a 4xx exception",
      code: dedent`
        class TemplateException extends ForbiddenException {}

        export function render(tpl: string) {
          try {
            return compile(tpl)();
          } catch (e) {
            throw new TemplateException("Template not allowed");
          }
        }
      `,
    },
    {
      name: "a log line whose own sentence names the answer given instead (\"… Set spam score to 0.\")",
      code: dedent`
        export function computeSpamScore(connection: Connection, raw: string) {
          return mail.computeSpamScoreAsync(raw).catch(function (err) {
            logger.error(\`\${connection.id} Unable to compute spam score. Set spam score to 0.\`);
            logger.error(err);
            return 0.0;
          });
        }
      `,
    },
    {
      name: "the raw content kept in the payload where the try keeps a copy of its parse",
      code: dedent`
        export async function send(data: ChatOptions) {
          let payload;
          try {
            payload = { ...JSON.parse(data.content) };
          } catch (err) {
            payload = { text: data.content };
          }
          return client.post(data.webhookUrl, payload);
        }
      `,
    },
  ],
  invalid: [
    {
      name: "a try that does more than the branch on the setting stays reported",
      code: dedent`
        export async function setup(orgId: string) {
          try {
            if (process.env.ACME_ENTERPRISE === "true") {
              await require("@acme/ee-billing").startTrial(orgId);
            }
            await audit.record(orgId, "setup");
          } catch (e) {
            logger.error(e, "setup failed");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function setup(orgId: string) {
              try {
                if (process.env.ACME_ENTERPRISE === "true") {
                  await require("@acme/ee-billing").startTrial(orgId);
                }
                await audit.record(orgId, "setup");
              } catch (e) {
                logger.error(e, "setup failed");
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function setup(orgId: string) {
              try {
                if (process.env.ACME_ENTERPRISE === "true") {
                  await require("@acme/ee-billing").startTrial(orgId);
                }
                await audit.record(orgId, "setup");
              } catch (e) {
                // Intentionally ignored: <reason>
                logger.error(e, "setup failed");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a branch on an input (not a setting) inside the try stays reported",
      code: dedent`
        export async function promote(user: User) {
          try {
            if (user.isAdmin) {
              await roles.grant(user.id, "owner");
            }
          } catch (e) {
            logger.error(e, "promotion failed");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function promote(user: User) {
              try {
                if (user.isAdmin) {
                  await roles.grant(user.id, "owner");
                }
              } catch (e) {
                logger.error(e, "promotion failed");
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function promote(user: User) {
              try {
                if (user.isAdmin) {
                  await roles.grant(user.id, "owner");
                }
              } catch (e) {
                // Intentionally ignored: <reason>
                logger.error(e, "promotion failed");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that returns other than the statement after the try (the setting-off answer) stays reported",
      code: dedent`
        export function loadModules() {
          const modules = [BaseModule];
          try {
            if (process.env.ACME_ENTERPRISE === "true") {
              modules.push(require("@acme/ee").EnterpriseModule);
            }
          } catch (e) {
            console.error(e);
            return [];
          }
          return modules;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function loadModules() {
              const modules = [BaseModule];
              try {
                if (process.env.ACME_ENTERPRISE === "true") {
                  modules.push(require("@acme/ee").EnterpriseModule);
                }
              } catch (e) {
                console.error(e);
                throw e;
              }
              return modules;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function loadModules() {
              const modules = [BaseModule];
              try {
                if (process.env.ACME_ENTERPRISE === "true") {
                  modules.push(require("@acme/ee").EnterpriseModule);
                }
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
                return [];
              }
              return modules;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a failed cache deletion (a stale entry) stays reported",
      code: dedent`
        export async function rename(id: string, name: string) {
          await db.update(id, { name });
          try {
            await cacheService.del(\`user:\${id}\`);
          } catch (err) {
            Logger.error(err, \`An error has occurred for key user:\${id}\`);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function rename(id: string, name: string) {
              await db.update(id, { name });
              try {
                await cacheService.del(\`user:\${id}\`);
              } catch (err) {
                Logger.error(err, \`An error has occurred for key user:\${id}\`);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function rename(id: string, name: string) {
              await db.update(id, { name });
              try {
                await cacheService.del(\`user:\${id}\`);
              } catch (err) {
                // Intentionally ignored: <reason>
                Logger.error(err, \`An error has occurred for key user:\${id}\`);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that awaits the real work next to the cache write stays reported",
      code: dedent`
        export async function save(item: Item) {
          try {
            await this.repo.insert(item);
            await this.cache.set(item.id, JSON.stringify(item));
          } catch (err) {
            this.logger.error(err, "insert failed");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function save(item: Item) {
              try {
                await this.repo.insert(item);
                await this.cache.set(item.id, JSON.stringify(item));
              } catch (err) {
                this.logger.error(err, "insert failed");
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function save(item: Item) {
              try {
                await this.repo.insert(item);
                await this.cache.set(item.id, JSON.stringify(item));
              } catch (err) {
                // Intentionally ignored: <reason>
                this.logger.error(err, "insert failed");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a cache write in a function whose job is the cache stays reported",
      code: dedent`
        export async function warmCache(keys: string[]) {
          const rows = await db.load(keys);
          try {
            await cacheService.set("rows", JSON.stringify(rows));
          } catch (err) {
            console.error("set failed", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function warmCache(keys: string[]) {
              const rows = await db.load(keys);
              try {
                await cacheService.set("rows", JSON.stringify(rows));
              } catch (err) {
                console.error("set failed", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function warmCache(keys: string[]) {
              const rows = await db.load(keys);
              try {
                await cacheService.set("rows", JSON.stringify(rows));
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("set failed", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the else of a test that is not `instanceof Error` holds real errors: stays reported",
      code: dedent`
        export async function upsertMany(ops: Op[]) {
          try {
            return await collection.bulkWrite(ops);
          } catch (e: unknown) {
            if (hasWriteErrors(e)) {
              throw new DalException(e.message);
            } else {
              throw new DalException("An unknown error occurred");
            }
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 23, suggestions: [
          { title: "Pass the caught error to DalException as { cause }", output: dedent`
            export async function upsertMany(ops: Op[]) {
              try {
                return await collection.bulkWrite(ops);
              } catch (e: unknown) {
                if (hasWriteErrors(e)) {
                  throw new DalException(e.message);
                } else {
                  throw new DalException("An unknown error occurred", { cause: e });
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an `instanceof Error` branch that drops the error too: reported once for the catch, at its first throw",
      code: dedent`
        export async function removeAll(query: Query) {
          try {
            return await this.model.delete(query);
          } catch (e: unknown) {
            if (e instanceof Error) {
              throw new DalException("Delete failed");
            } else {
              throw new DalException("An unknown error occurred");
            }
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 23, suggestions: [
          { title: "Pass the caught error to DalException as { cause }", output: dedent`
            export async function removeAll(query: Query) {
              try {
                return await this.model.delete(query);
              } catch (e: unknown) {
                if (e instanceof Error) {
                  throw new DalException("Delete failed", { cause: e });
                } else {
                  throw new DalException("An unknown error occurred");
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a constant handed to a call in the condition (a file-existence test) is no setting: stays reported",
      code: dedent`
        function loadTracked() {
          try {
            if (fs.existsSync(TRACKED_FILE)) {
              return JSON.parse(fs.readFileSync(TRACKED_FILE, "utf8"));
            }
          } catch (error) {
            console.error("Error loading tracked servers:", error);
          }
          return [];
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            function loadTracked() {
              try {
                if (fs.existsSync(TRACKED_FILE)) {
                  return JSON.parse(fs.readFileSync(TRACKED_FILE, "utf8"));
                }
              } catch (error) {
                console.error("Error loading tracked servers:", error);
                throw error;
              }
              return [];
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function loadTracked() {
              try {
                if (fs.existsSync(TRACKED_FILE)) {
                  return JSON.parse(fs.readFileSync(TRACKED_FILE, "utf8"));
                }
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error loading tracked servers:", error);
              }
              return [];
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a configured job behind settings (an e-mail sent when the API key is set) is no optional module: stays reported",
      code: dedent`
        export async function notifyInviter(inviter: User) {
          try {
            if (process.env.NODE_ENV === "production" && process.env.MAIL_API_KEY) {
              const mailer = new Mailer(process.env.MAIL_API_KEY);
              await mailer.trigger("invite-accepted", { to: inviter.email });
            }
          } catch (e) {
            Logger.error(e.message, e.stack, "Accept inviter send email");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function notifyInviter(inviter: User) {
              try {
                if (process.env.NODE_ENV === "production" && process.env.MAIL_API_KEY) {
                  const mailer = new Mailer(process.env.MAIL_API_KEY);
                  await mailer.trigger("invite-accepted", { to: inviter.email });
                }
              } catch (e) {
                // Intentionally ignored: <reason>
                Logger.error(e.message, e.stack, "Accept inviter send email");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that falls to `return true` after the try answers success: stays reported",
      code: dedent`
        function removeLock(path: string): boolean {
          try {
            fs.unlinkSync(path);
          } catch (_) {}
          return true;
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 4, endColumn: 17, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function removeLock(path: string): boolean {
              try {
                fs.unlinkSync(path);
              } catch (_) {
                console.error("fs.unlinkSync failed in removeLock", { path }, _);
                throw _;
              }
              return true;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function removeLock(path: string): boolean {
              try {
                fs.unlinkSync(path);
              } catch (_) {
                // Intentionally ignored: <reason>
              }
              return true;
            }
          ` },
        ] },
      ],
      output: dedent`
        function removeLock(path: string): boolean {
          try {
            fs.unlinkSync(path);
          } catch (_) {
            console.error("fs.unlinkSync failed in removeLock", { path }, _);
          }
          return true;
        }
      `,
    },
    {
      name: "a project class extending a 5xx Nest exception (imported) is no client error: stays reported",
      files: {"src/utils/exceptions.ts":"export class RenderException extends InternalServerErrorException {}\n"},
      code: dedent`
        import { RenderException } from "./utils/exceptions";

        export function extract(content: string) {
          try {
            return Handlebars.parseWithoutProcessing(content);
          } catch (e) {
            throw new RenderException("Failed to extract variables");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 6, column: 5, endLine: 6, endColumn: 14, suggestions: [
          { title: "Pass the caught error to RenderException as { cause }", output: dedent`
            import { RenderException } from "./utils/exceptions";

            export function extract(content: string) {
              try {
                return Handlebars.parseWithoutProcessing(content);
              } catch (e) {
                throw new RenderException("Failed to extract variables", { cause: e });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log line that only says what failed to be set (no sentence of its own naming the answer) stays reported",
      code: dedent`
        export async function markDone(id: string) {
          try {
            await jobs.update(id, { status: 0 });
          } catch (err) {
            logger.error(err, "Failed to set status to 0");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function markDone(id: string) {
              try {
                await jobs.update(id, { status: 0 });
              } catch (err) {
                logger.error(err, "Failed to set status to 0");
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function markDone(id: string) {
              try {
                await jobs.update(id, { status: 0 });
              } catch (err) {
                // Intentionally ignored: <reason>
                logger.error(err, "Failed to set status to 0");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a parse copied into the payload whose catch assigns a made-up value (not the raw input) stays reported",
      code: dedent`
        export async function send(data: ChatOptions) {
          let payload;
          try {
            payload = { ...JSON.parse(data.content) };
          } catch (err) {
            payload = { text: "" };
          }
          return client.post(data.webhookUrl, payload);
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function send(data: ChatOptions) {
              let payload;
              try {
                payload = { ...JSON.parse(data.content) };
              } catch (err) {
                console.error("JSON.parse failed in send", err);
                payload = { text: "" };
              }
              return client.post(data.webhookUrl, payload);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function send(data: ChatOptions) {
              let payload;
              try {
                payload = { ...JSON.parse(data.content) };
              } catch (err) {
                // Intentionally ignored: <reason>
                payload = { text: "" };
              }
              return client.post(data.webhookUrl, payload);
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
