import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes left from the unkey and Dokploy production audits (issue 11, hand-written analogues): a
// capability probe whose failing shell command is the negative answer, logged at debug level; a
// node-schedule job callback; a getServerSideProps try that only prefetches (TanStack Query and tRPC
// prefetches never reject); a JSON.parse of the function's own input whose catch falls through to
// the answer the try gives when the parsed value is not the expected shape. This table declares
// only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a capability probe: `command -v` logged at debug, the function answers the flag the try sets (still false)",
      code: dedent`
        export async function checkRuntime(serverId?: string) {
          let runtimeInstalled = false;
          try {
            const { stdout } = serverId ? await execAsyncRemote(serverId, "command -v nvidia-container-runtime") : await execAsync("command -v nvidia-container-runtime");
            runtimeInstalled = !!stdout.trim();
          } catch (error) {
            console.debug("Runtime binary check:", error);
          }
          return { runtimeInstalled };
        }
      `,
    },
    {
      name: "a probe whose try destructures the command's output into locals declared without a value, logged at debug by a logger",
      code: dedent`
        export async function gpuInfo() {
          let model: string | undefined;
          let memory: string | undefined;
          try {
            const { stdout } = await execa("nvidia-smi", ["--query-gpu=name,memory.total", "--format=csv,noheader"]);
            [model, memory] = stdout.split(",").map((s) => s.trim());
          } catch (err) {
            logger.debug({ err }, "no GPU");
          }
          return { model, memory };
        }
      `,
    },
    {
      name: "a version probe in a method: execSync's failure is the `null` the local starts with, logged at trace",
      code: dedent`
        export class Host {
          dockerVersion(): string | null {
            let version: string | null = null;
            try {
              version = execSync("docker --version").toString().trim();
            } catch (e) {
              this.logger.trace("docker not installed", e);
            }
            return version;
          }
        }
      `,
    },
    {
      name: "a node-schedule job callback that ends in a log-only try: no caller to tell",
      code: dedent`
        import { scheduleJob } from "node-schedule";
        export function startCleanup(expr: string) {
          scheduleJob("access-log-cleanup", expr, async () => {
            try {
              await execAsync("tail -n 1000 access.log > access.log.tmp && mv access.log.tmp access.log");
            } catch (error) {
              console.error("Error during log cleanup:", error);
            }
          });
        }
      `,
    },
    {
      name: "a function handed by name to node-schedule's schedule.scheduleJob, ending in a log-only try",
      code: dedent`
        import schedule from "node-schedule";
        async function rotateBackups() {
          try {
            await removeOldBackups();
          } catch (err) {
            logger.error({ err }, "rotating backups failed");
          }
        }
        schedule.scheduleJob("0 3 * * *", rotateBackups);
      `,
    },
    {
      name: "getServerSideProps whose try only prefetches through tRPC's server-side helpers (prefetch never rejects)",
      code: dedent`
        export async function getServerSideProps(ctx: GetServerSidePropsContext) {
          const helpers = createServerSideHelpers({ router: appRouter, ctx: await createContext(ctx), transformer: superjson });
          try {
            await helpers.user.get.prefetch();
            await helpers.settings.isCloud.prefetch();
            return { props: { trpcState: helpers.dehydrate() } };
          } catch {
            return { props: {} };
          }
        }
      `,
    },
    {
      name: "getServerSideProps whose try only runs TanStack Query's prefetchQuery and dehydrate",
      code: dedent`
        export const getServerSideProps = async () => {
          const queryClient = new QueryClient();
          try {
            await queryClient.prefetchQuery({ queryKey: ["posts"], queryFn: () => getPosts() });
            return { props: { dehydratedState: dehydrate(queryClient) } };
          } catch (error) {
            console.error(error);
            return { props: {} };
          }
        };
      `,
    },
    {
      name: "a JSON.parse of the function's input whose empty catch falls through to the answer the try gives for a non-array",
      code: dedent`
        const extractErrorMessage = (err: unknown) => {
          if (!(err instanceof Error)) return undefined;
          try {
            const issues = JSON.parse(err.message) as { message?: string }[];
            if (Array.isArray(issues)) {
              return issues.map((issue) => issue.message).filter(Boolean).join(", ");
            }
          } catch {}
          return err.message;
        };
      `,
    },
    {
      name: "a JSON.parse of an error body whose logged catch falls through like the try's own no-error-field path",
      code: dedent`
        function describeFailure(body: string): string {
          try {
            const parsed = JSON.parse(body);
            if (parsed && typeof parsed.error === "string") return parsed.error;
          } catch (e) {
            console.warn("error body is not JSON", e);
          }
          return body.slice(0, 200);
        }
      `,
    },
    {
      name: "a JSON.parse probe in a lodash .map whose null the next .compact() drops, after a .filter that drops non-JSON lines",
      code: dedent`
        export function parseRawConfig(rawConfig: string) {
          return _(rawConfig)
            .split("\\n")
            .filter((line) => line.trim().startsWith("{"))
            .map((line) => {
              try {
                return JSON.parse(line) as LogEntry;
              } catch (error) {
                console.error("Error parsing log line:", error);
                return null;
              }
            })
            .compact()
            .value();
        }
      `,
    },
    {
      name: "a JSON.parse probe in .map whose empty catch answers null, dropped by .filter(Boolean) after a blank-line filter",
      code: dedent`
        const events = text
          .split("\\n")
          .filter((l) => l.trim() !== "")
          .map((l) => {
            try {
              return JSON.parse(l);
            } catch {
              return null;
            }
          })
          .filter(Boolean);
      `,
    },
  ],
  invalid: [
    {
      name: "a command wrapper whose catch logs at error level stays reported (the failure is not expected)",
      code: dedent`
        export async function checkRuntime() {
          let runtimeInstalled = false;
          try {
            const { stdout } = await execAsync("command -v nvidia-container-runtime");
            runtimeInstalled = !!stdout.trim();
          } catch (error) {
            console.error("Runtime binary check:", error);
          }
          return { runtimeInstalled };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function checkRuntime() {
              let runtimeInstalled = false;
              try {
                const { stdout } = await execAsync("command -v nvidia-container-runtime");
                runtimeInstalled = !!stdout.trim();
              } catch (error) {
                console.error("Runtime binary check:", error);
                throw error;
              }
              return { runtimeInstalled };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function checkRuntime() {
              let runtimeInstalled = false;
              try {
                const { stdout } = await execAsync("command -v nvidia-container-runtime");
                runtimeInstalled = !!stdout.trim();
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Runtime binary check:", error);
              }
              return { runtimeInstalled };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a debug-logged command whose local starts at a real default stays reported",
      code: dedent`
        export async function listRuntimes() {
          let runtimes: string[] = ["runc"];
          try {
            const { stdout } = await execAsync("docker info --format '{{json .Runtimes}}'");
            runtimes = Object.keys(JSON.parse(stdout));
          } catch (error) {
            console.debug("runtime list:", error);
          }
          return runtimes;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function listRuntimes() {
              let runtimes: string[] = ["runc"];
              try {
                const { stdout } = await execAsync("docker info --format '{{json .Runtimes}}'");
                runtimes = Object.keys(JSON.parse(stdout));
              } catch (error) {
                // Intentionally ignored: <reason>
                console.debug("runtime list:", error);
              }
              return runtimes;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a debug-logged command that does work and whose result the function does not answer stays reported",
      code: dedent`
        export async function pruneImages(serverId: string) {
          let freed = 0;
          try {
            const { stdout } = await execAsyncRemote(serverId, "docker image prune -af");
            freed = parseFreed(stdout);
          } catch (error) {
            console.debug("prune:", error);
          }
          await recordCleanup(serverId);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function pruneImages(serverId: string) {
              let freed = 0;
              try {
                const { stdout } = await execAsyncRemote(serverId, "docker image prune -af");
                freed = parseFreed(stdout);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.debug("prune:", error);
              }
              await recordCleanup(serverId);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "getServerSideProps whose try also fetches (fetch throws) stays reported",
      code: dedent`
        export async function getServerSideProps(ctx: GetServerSidePropsContext) {
          const helpers = createServerSideHelpers({ router: appRouter, ctx: await createContext(ctx), transformer: superjson });
          try {
            await helpers.settings.isCloud.prefetch();
            const permissions = await helpers.user.getPermissions.fetch();
            if (!permissions.read) return { redirect: { permanent: false, destination: "/" } };
            return { props: { trpcState: helpers.dehydrate() } };
          } catch {
            return { props: {} };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function getServerSideProps(ctx: GetServerSidePropsContext) {
              const helpers = createServerSideHelpers({ router: appRouter, ctx: await createContext(ctx), transformer: superjson });
              try {
                await helpers.settings.isCloud.prefetch();
                const permissions = await helpers.user.getPermissions.fetch();
                if (!permissions.read) return { redirect: { permanent: false, destination: "/" } };
                return { props: { trpcState: helpers.dehydrate() } };
              } catch (err) {
                console.error("getServerSideProps failed", err);
                return { props: {} };
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function getServerSideProps(ctx: GetServerSidePropsContext) {
              const helpers = createServerSideHelpers({ router: appRouter, ctx: await createContext(ctx), transformer: superjson });
              try {
                await helpers.settings.isCloud.prefetch();
                const permissions = await helpers.user.getPermissions.fetch();
                if (!permissions.read) return { redirect: { permanent: false, destination: "/" } };
                return { props: { trpcState: helpers.dehydrate() } };
              } catch {
                // Intentionally ignored: <reason>
                return { props: {} };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a node-schedule job callback whose catch is empty stays reported",
      code: dedent`
        import { scheduleJob } from "node-schedule";
        export function startBackups(expr: string) {
          scheduleJob("backups", expr, async () => {
            try {
              await runBackup();
            } catch {}
          });
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 13, endLine: 6, endColumn: 15, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            import { scheduleJob } from "node-schedule";
            export function startBackups(expr: string) {
              scheduleJob("backups", expr, async () => {
                try {
                  await runBackup();
                } catch (err) {
                  console.error("runBackup failed", err);
                  throw err;
                }
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { scheduleJob } from "node-schedule";
            export function startBackups(expr: string) {
              scheduleJob("backups", expr, async () => {
                try {
                  await runBackup();
                } catch {
                  // Intentionally ignored: <reason>
                }
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        import { scheduleJob } from "node-schedule";
        export function startBackups(expr: string) {
          scheduleJob("backups", expr, async () => {
            try {
              await runBackup();
            } catch (err) {
              console.error("runBackup failed", err);
            }
          });
        }
      `,
    },
    {
      name: "a JSON.parse of stored data that falls through stays reported (the try reads localStorage)",
      code: dedent`
        function savedFilters(key: string) {
          try {
            const saved = JSON.parse(localStorage.getItem(key) ?? "");
            if (Array.isArray(saved)) return saved;
          } catch {}
          return [];
        }
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 11, endLine: 5, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function savedFilters(key: string) {
              try {
                const saved = JSON.parse(localStorage.getItem(key) ?? "");
                if (Array.isArray(saved)) return saved;
              } catch (err) {
                console.error("savedFilters failed", { key }, err);
                throw err;
              }
              return [];
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function savedFilters(key: string) {
              try {
                const saved = JSON.parse(localStorage.getItem(key) ?? "");
                if (Array.isArray(saved)) return saved;
              } catch {
                // Intentionally ignored: <reason>
              }
              return [];
            }
          ` },
        ] },
      ],
      output: dedent`
        function savedFilters(key: string) {
          try {
            const saved = JSON.parse(localStorage.getItem(key) ?? "");
            if (Array.isArray(saved)) return saved;
          } catch (err) {
            console.error("savedFilters failed", { key }, err);
          }
          return [];
        }
      `,
    },
    {
      name: "a JSON.parse probe in .map without an earlier filter stays reported",
      code: dedent`
        export function parseLines(raw: string) {
          return raw
            .split("\\n")
            .map((line) => {
              try {
                return JSON.parse(line);
              } catch {
                return null;
              }
            })
            .filter(Boolean);
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 9, endLine: 7, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function parseLines(raw: string) {
              return raw
                .split("\\n")
                .map((line) => {
                  try {
                    return JSON.parse(line);
                  } catch (err) {
                    console.error("JSON.parse failed", err);
                    return null;
                  }
                })
                .filter(Boolean);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function parseLines(raw: string) {
              return raw
                .split("\\n")
                .map((line) => {
                  try {
                    return JSON.parse(line);
                  } catch {
                    // Intentionally ignored: <reason>
                    return null;
                  }
                })
                .filter(Boolean);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a JSON.parse probe in .map whose nulls the next link keeps stays reported",
      code: dedent`
        export function parseLines(raw: string) {
          return raw
            .split("\\n")
            .filter((line) => line.startsWith("{"))
            .map((line) => {
              try {
                return JSON.parse(line);
              } catch {
                return null;
              }
            })
            .map((entry) => render(entry));
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 9, endLine: 8, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function parseLines(raw: string) {
              return raw
                .split("\\n")
                .filter((line) => line.startsWith("{"))
                .map((line) => {
                  try {
                    return JSON.parse(line);
                  } catch (err) {
                    console.error("JSON.parse failed", err);
                    return null;
                  }
                })
                .map((entry) => render(entry));
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function parseLines(raw: string) {
              return raw
                .split("\\n")
                .filter((line) => line.startsWith("{"))
                .map((line) => {
                  try {
                    return JSON.parse(line);
                  } catch {
                    // Intentionally ignored: <reason>
                    return null;
                  }
                })
                .map((entry) => render(entry));
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
