import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 23's production samples (issue 11; nango's and logto's false findings;
// hand-written analogues, no fetched code): a library hook a class implements, a teardown step in an
// async IIFE of a destroy function, a command probe answered like its empty output, a listener's
// failure isolated from the dispatch, one round of a polling loop, the default language's strings
// set when a translation fails to load. This table
// declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "an on… hook declared void in a plain class that implements a library's interface", code: dedent`
        import type { SpanProcessor, Span } from "@opentelemetry/sdk-trace-base";
        export class TenantSpanProcessor implements SpanProcessor {
          onEnd(span: Span): void {
            try {
              this.pick(span)?.onEnd(span);
            } catch (err) {
              logger.error("span routing failed", err);
            }
          }
        }
      ` },
    { name: "a release step with log lines in an async IIFE of a destroy function", code: dedent`
        let closing: Promise<void> | undefined;
        export async function destroy(): Promise<void> {
          const pending = clientPromise;
          if (!pending) return;
          closing = (async () => {
            try {
              logger.info("closing the flags client");
              const client = await pending;
              await client.close();
            } catch (err) {
              logger.error("could not close the flags client", err);
            }
          })();
          return closing;
        }
      ` },
    { name: "a command probe whose catch answers what the guard on its empty output answers", code: dedent`
        import { execSync } from "node:child_process";
        function freePort(port: number): void {
          let pids: string;
          try {
            pids = execSync(\`lsof -ti :\${port}\`, { encoding: "utf-8" }).trim();
          } catch {
            return;
          }
          if (!pids) return;
          throw new Error(\`port \${port} is held by \${pids}\`);
        }
      ` },
    { name: "a hook held in a field, called in a try whose catch logs its error, in a method that answers nothing", code: dedent`
        export class Meter {
          private fire(bytes: number): void {
            if (!this.onBytes) return;
            try {
              this.onBytes(bytes);
            } catch (err) {
              logger.error("onBytes failed", err);
            }
          }
        }
      ` },
    { name: "each subscriber of a channel called in turn, its failure logged", code: dedent`
        export function publish(channel: string, message: string) {
          subscribers.get(channel)?.forEach((callback) => {
            try {
              callback(message);
            } catch (error) {
              console.error("subscriber failed", error);
            }
          });
        }
      ` },
    { name: "one round of a polling loop that waits on a timer and logs a failed reload", code: dedent`
        import { setTimeout } from "node:timers/promises";
        export async function pollCatalog(url: string) {
          while (polling) {
            await setTimeout(60_000);
            try {
              const raw = await fetchCatalog(url);
              updateCache(JSON.parse(raw));
            } catch (err) {
              logger.error("catalog reload failed", err);
            }
          }
        }
      ` },
    { name: "a failed translation load that sets the default language's strings", code: dedent`
        export function useTranslations(lang: string) {
          const [strings, setStrings] = useState(englishTranslation);
          useEffect(() => {
            const load = async () => {
              try {
                const mod = await import(\`./translations/\${lang}.ts\`);
                setStrings(mod.default);
              } catch (err) {
                console.error("translations failed to load", err);
                setStrings(englishTranslation);
              }
            };
            void load();
          }, [lang]);
          return strings;
        }
      ` },
  ],
  invalid: [
    {
      name: "an on… hook of a decorated class (a framework component) stays reported",
      code: dedent`
        @Component({ selector: "app-form" })
        export class FormComponent implements OnInit {
          onSave(): void {
            try {
              this.store.save(this.form.value);
            } catch (err) {
              console.error("save failed", err);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            @Component({ selector: "app-form" })
            export class FormComponent implements OnInit {
              onSave(): void {
                try {
                  this.store.save(this.form.value);
                } catch (err) {
                  console.error("save failed", err);
                  throw err;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            @Component({ selector: "app-form" })
            export class FormComponent implements OnInit {
              onSave(): void {
                try {
                  this.store.save(this.form.value);
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("save failed", err);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a command probe whose catch answers otherwise than its empty-output guard",
      code: dedent`
        import { execSync } from "node:child_process";
        function branchName(): string {
          let name: string;
          try {
            name = execSync("git branch --show-current").toString().trim();
          } catch {
            return "main";
          }
          if (!name) return "detached";
          return name;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            import { execSync } from "node:child_process";
            function branchName(): string {
              let name: string;
              try {
                name = execSync("git branch --show-current").toString().trim();
              } catch (err) {
                console.error("execSync failed in branchName", err);
                return "main";
              }
              if (!name) return "detached";
              return name;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { execSync } from "node:child_process";
            function branchName(): string {
              let name: string;
              try {
                name = execSync("git branch --show-current").toString().trim();
              } catch {
                // Intentionally ignored: <reason>
                return "main";
              }
              if (!name) return "detached";
              return name;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a subscriber called with other work in the same try stays reported",
      code: dedent`
        export function publish(channel: string, message: string) {
          subscribers.get(channel)?.forEach((callback) => {
            try {
              callback(message);
              audit.record(channel, message);
            } catch (error) {
              console.error("subscriber failed", error);
            }
          });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function publish(channel: string, message: string) {
              subscribers.get(channel)?.forEach((callback) => {
                try {
                  callback(message);
                  audit.record(channel, message);
                } catch (error) {
                  console.error("subscriber failed", error);
                  throw error;
                }
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function publish(channel: string, message: string) {
              subscribers.get(channel)?.forEach((callback) => {
                try {
                  callback(message);
                  audit.record(channel, message);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("subscriber failed", error);
                }
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a loop bounded by a count is a retry, not a polling loop",
      code: dedent`
        export async function loadCatalog(url: string) {
          let tries = 0;
          while (tries < 3) {
            tries++;
            try {
              updateCache(JSON.parse(await fetchCatalog(url)));
            } catch (err) {
              logger.error("catalog load failed", err);
            }
            await sleep(1000);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadCatalog(url: string) {
              let tries = 0;
              while (tries < 3) {
                tries++;
                try {
                  updateCache(JSON.parse(await fetchCatalog(url)));
                } catch (err) {
                  // Intentionally ignored: <reason>
                  logger.error("catalog load failed", err);
                }
                await sleep(1000);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
