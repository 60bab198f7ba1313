import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Round 3 (issue 11, hand-written analogues of novu's remaining false classes): a property-path read
// (`path.split(".")` then one key after another) whose only throw is a missing intermediate, answered
// absent (`null`/`undefined`) like a `?.` chain; a try made only of calls that set a logger's or error
// tracker's context (nestjs-pino `assign`, `setContext`, `Sentry.setUser`), whose job was a log; a synchronous command reading a setting (`execSync("npm config get …")`) whose catch
// answers the try's own "not set" (a bare `return` is `undefined`).
// This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a reduce over a split path, the catch sets the value to null (checked below as missing)",
      code: dedent`
        export function missingKeys(fields: { name: string }[], data: Record<string, unknown>) {
          const missing: string[] = [];
          for (const field of fields) {
            let value;
            try {
              value = field.name.split(".").reduce((acc: any, key) => acc[key], data);
            } catch (e) {
              value = null;
            }
            if (value == null) missing.push(field.name);
          }
          return missing;
        }
      `,
    },
    {
      name: "a loop over the path's keys, the catch logs and answers undefined like the loop's own absent branch",
      code: dedent`
        export function getNested(obj: any, path: string) {
          try {
            let current = obj;
            for (const part of path.split(".")) {
              if (current === undefined) return undefined;
              current = current[part];
            }
            return current;
          } catch (err) {
            logger.error(err, "could not read nested key");
            return undefined;
          }
        }
      `,
    },
    {
      name: "a path walk with an empty return in an arrow function",
      code: dedent`
        export const pick = (source: any, dotted: string) => {
          try {
            return dotted.trim().split(".").reduce((o, k) => o[k], source);
          } catch {
            return;
          }
        };
      `,
    },
    {
      name: "a try that only assigns a nestjs-pino logger's context fields, the catch logs",
      code: dedent`
        export class RunTask {
          private bindLogger(task: { id: string; orgId: string }) {
            try {
              this.logger?.assign({ taskId: task.id, orgId: task.orgId });
            } catch (e) {
              Logger.error(e, "RunTask");
            }
          }
        }
      `,
    },
    {
      name: "a try that only sets Sentry's user and tag and a logger's context",
      code: dedent`
        export function tagRequest(user: { id: string }, route: string) {
          try {
            Sentry.setUser({ id: user.id });
            Sentry.setTag("route", route);
            logger.setContext(route);
          } catch (err) {
            console.warn("could not set context", err);
          }
        }
      `,
    },
    {
      name: "a synchronous command reading a setting: the catch's bare return is the try's own `undefined` (not set)",
      code: dedent`
        function npmProxy(): string | undefined {
          if (process.env.HTTPS_PROXY) return process.env.HTTPS_PROXY;
          try {
            const proxy = execSync("npm config get https-proxy").toString().trim();
            return proxy !== "null" ? proxy : undefined;
          } catch (e) {
            return;
          }
        }
      `,
    },
    {
      name: "a git setting read with execFileSync, the catch answers the try's own null",
      code: dedent`
        export function gitEmail(): string | null {
          try {
            const out = execFileSync("git", ["config", "user.email"], { encoding: "utf8" }).trim();
            return out || null;
          } catch {
            return null;
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: "a path walk whose catch answers a made-up value stays reported",
      code: dedent`
        export function label(obj: any, path: string) {
          try {
            return path.split(".").reduce((o, k) => o[k], obj);
          } catch {
            return "unknown";
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function label(obj: any, path: string) {
              try {
                return path.split(".").reduce((o, k) => o[k], obj);
              } catch (err) {
                console.error("path.split failed in label", err);
                return "unknown";
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function label(obj: any, path: string) {
              try {
                return path.split(".").reduce((o, k) => o[k], obj);
              } catch {
                // Intentionally ignored: <reason>
                return "unknown";
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also fetches stays reported",
      code: dedent`
        export async function remoteValue(url: string, path: string) {
          try {
            const body = await fetch(url).then((r) => r.json());
            return path.split(".").reduce((o: any, k) => o[k], body);
          } catch (e) {
            console.error(e);
            return undefined;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function remoteValue(url: string, path: string) {
              try {
                const body = await fetch(url).then((r) => r.json());
                return path.split(".").reduce((o: any, k) => o[k], body);
              } catch (e) {
                console.error(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function remoteValue(url: string, path: string) {
              try {
                const body = await fetch(url).then((r) => r.json());
                return path.split(".").reduce((o: any, k) => o[k], body);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
                return undefined;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a write along the path stays reported",
      code: dedent`
        export function setPath(obj: any, path: string, value: unknown) {
          try {
            const keys = path.split(".");
            let cur = obj;
            for (const k of keys.slice(0, -1)) cur = cur[k];
            cur[keys[keys.length - 1]] = value;
          } catch (e) {
            console.error(e);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function setPath(obj: any, path: string, value: unknown) {
              try {
                const keys = path.split(".");
                let cur = obj;
                for (const k of keys.slice(0, -1)) cur = cur[k];
                cur[keys[keys.length - 1]] = value;
              } catch (e) {
                console.error(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function setPath(obj: any, path: string, value: unknown) {
              try {
                const keys = path.split(".");
                let cur = obj;
                for (const k of keys.slice(0, -1)) cur = cur[k];
                cur[keys[keys.length - 1]] = value;
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that sets log context and also saves stays reported",
      code: dedent`
        export async function start(job: { id: string }) {
          try {
            this.logger.assign({ jobId: job.id });
            await this.jobs.save(job);
          } catch (e) {
            console.error(e);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function start(job: { id: string }) {
              try {
                this.logger.assign({ jobId: job.id });
                await this.jobs.save(job);
              } catch (e) {
                console.error(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function start(job: { id: string }) {
              try {
                this.logger.assign({ jobId: job.id });
                await this.jobs.save(job);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an assign on something that is not a logger stays reported",
      code: dedent`
        export function merge(settings: object) {
          try {
            this.config.assign(settings);
          } catch (e) {
            console.error(e);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function merge(settings: object) {
              try {
                this.config.assign(settings);
              } catch (e) {
                console.error(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function merge(settings: object) {
              try {
                this.config.assign(settings);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a command whose try never answers undefined: the catch's bare return is made up, stays reported",
      code: dedent`
        export function headCommit(): string | undefined {
          try {
            return execSync("git rev-parse HEAD").toString().trim();
          } catch (e) {
            return;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 6, endColumn: 4, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            export function headCommit(): string | undefined {
              try {
                return execSync("git rev-parse HEAD").toString().trim();
              } catch (e) {
                console.error("execSync failed in headCommit", e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function headCommit(): string | undefined {
              try {
                return execSync("git rev-parse HEAD").toString().trim();
              } catch (e) {
                // Intentionally ignored: <reason>
                return;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export function headCommit(): string | undefined {
          try {
            return execSync("git rev-parse HEAD").toString().trim();
          } catch (e) {
            console.error("execSync failed in headCommit", e);
            return;
          }
        }
      `,
    },
  ],
});
