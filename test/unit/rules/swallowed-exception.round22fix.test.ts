import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fix safety of promise handlers (session 22): a rejection handler on a chain inside a catch block
// (at any depth, not across a function boundary) handles a secondary error; a rethrow there would
// replace the original, so only the log fix (and the mark) is offered. Outside a catch, and in a
// function defined inside one, the rethrow stays. Hand-written rows. This table declares only the
// cases its invalid rows name.
const named = new Set(["promiseCatchLogOnly", "promiseCatchNoop"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "an empty handler on a bookkeeping call inside a catch that rethrows the original: log only, no rethrow of the secondary error",
      code: dedent`
        export async function runJob(id: string) {
          try {
            await execute(id);
          } catch (err) {
            await markFailed(id).catch(() => {});
            throw err;
          }
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 5, column: 32, endLine: 5, endColumn: 40, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function runJob(id: string) {
              try {
                await execute(id);
              } catch (err) {
                await markFailed(id).catch(() => {
                  // Intentionally ignored: <reason>
                });
                throw err;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function runJob(id: string) {
          try {
            await execute(id);
          } catch (err) {
            await markFailed(id).catch((err) => {
              console.error("markFailed failed in runJob", { id }, err);
            });
            throw err;
          }
        }
      `,
    },
    {
      name: "a log-only handler deeper in a catch that reads its error elsewhere: the error is added to the log, no rethrow",
      code: dedent`
        export async function sync(id: string) {
          try {
            await pull(id);
          } catch (err) {
            if (id) {
              await recordFailure(id, String(err)).catch((e) => console.error("could not record the failure"));
            }
            return { ok: false };
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 50, endLine: 6, endColumn: 102, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function sync(id: string) {
              try {
                await pull(id);
              } catch (err) {
                if (id) {
                  await recordFailure(id, String(err)).catch((e) => /* Intentionally ignored: <reason> */ console.error("could not record the failure"));
                }
                return { ok: false };
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function sync(id: string) {
          try {
            await pull(id);
          } catch (err) {
            if (id) {
              await recordFailure(id, String(err)).catch((e) => console.error("could not record the failure", e));
            }
            return { ok: false };
          }
          return { ok: true };
        }
      `,
    },
    {
      name: "the same empty handler outside a catch: the rethrow is still offered as a suggestion",
      code: dedent`
        export async function finishJob(id: string) {
          await execute(id);
          await markDone(id).catch(() => {});
          return id;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 28, endLine: 3, endColumn: 36, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function finishJob(id: string) {
              await execute(id);
              await markDone(id).catch((err) => {
                console.error("markDone failed in finishJob", { id }, err);
                throw err;
              });
              return id;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function finishJob(id: string) {
              await execute(id);
              await markDone(id).catch(() => {
                // Intentionally ignored: <reason>
              });
              return id;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function finishJob(id: string) {
          await execute(id);
          await markDone(id).catch((err) => {
            console.error("markDone failed in finishJob", { id }, err);
          });
          return id;
        }
      `,
    },
    {
      name: "a function defined inside a catch is judged on its own: its handler is not secondary, the rethrow stays",
      code: dedent`
        export async function runJob(id: string) {
          try {
            await execute(id);
          } catch (error) {
            const retry = async () => {
              await execute(id).catch(() => {});
            };
            await retry();
            throw error;
          }
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 6, column: 31, endLine: 6, endColumn: 39, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function runJob(id: string) {
              try {
                await execute(id);
              } catch (error) {
                const retry = async () => {
                  await execute(id).catch((err) => {
                    console.error("execute failed in retry", { id }, err);
                    throw err;
                  });
                };
                await retry();
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function runJob(id: string) {
              try {
                await execute(id);
              } catch (error) {
                const retry = async () => {
                  await execute(id).catch(() => {
                    // Intentionally ignored: <reason>
                  });
                };
                await retry();
                throw error;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function runJob(id: string) {
          try {
            await execute(id);
          } catch (error) {
            const retry = async () => {
              await execute(id).catch((err) => {
                console.error("execute failed in retry", { id }, err);
              });
            };
            await retry();
            throw error;
          }
        }
      `,
    },
  ],
});
