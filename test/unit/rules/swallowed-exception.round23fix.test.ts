import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fixes (session 22, review R37/R58/R79 and R10/R25/R55/R67), hand-written rows:
// - a catch whose try holds no statements (comments or code commented out only) can never run: no
//   finding in any case;
// - an error-first callback that already branches on its error (`if (err) { … } else { … }`) and
//   logs there without it: the fix adds the error to that log line; no second `if (err)` is added
//   beside the existing one, and no "check, log and return" makes its branch dead code;
// - the log of a `Promise.allSettled` batch names its calls (up to three), not the function around
//   it, whose name may say what succeeded (R16: "signIn failed" for an analytics call).
// This table declares only the cases its invalid rows name.
const named = new Set(["ignoredCallbackError", "allSettledUnchecked"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a template's try with only code commented out, and a catch that would rethrow a new error",
      code: dedent`
        export async function onUploaded(blob: { url: string }) {
          try {
            // await db.file.update({ where: { url: blob.url }, data: { ready: true } });
          } catch (error) {
            // throw new Error("Could not update the file");
          }
        }
      `,
    },
    {
      name: "a try with no statements whose catch throws a new error: it can never run",
      code: dedent`
        export function load() {
          try {
            /* nothing to load yet */
          } catch (e) {
            throw new Error("load failed");
          }
        }
      `,
    },
    {
      name: "a try with no statements whose catch only logs",
      code: "export function warm() { try { } catch (e) { console.log(\"warm failed\"); } }",
    },
  ],
  invalid: [
    {
      name: "a callback that branches on err and logs without it: the error joins that log line, nothing else offered",
      code: dedent`
        export function notify(mailer: any, to: string) {
          mailer.sendMail({ to }, (err: Error | null, info: any) => {
            if (err) {
              console.log("Sending the notice failed:");
            } else {
              console.log("Notice sent:", info.messageId);
            }
          });
        }
      `,
      findings: [{ case: "ignoredCallbackError", line: 2, column: 28, endLine: 2, endColumn: 45, suggestions: [] }],
      output: dedent`
        export function notify(mailer: any, to: string) {
          mailer.sendMail({ to }, (err: Error | null, info: any) => {
            if (err) {
              console.log("Sending the notice failed:", err);
            } else {
              console.log("Notice sent:", info.messageId);
            }
          });
        }
      `,
    },
    {
      name: "a check that logs without err and returns: the error joins the log line, no check is added",
      code: dedent`
        export function save(path: string, data: string) {
          fs.writeFile(path, data, (err) => {
            if (err) {
              logger.warn("could not save the draft");
              return;
            }
            markSaved(path);
          });
        }
      `,
      findings: [{ case: "ignoredCallbackError", line: 2, column: 29, endLine: 2, endColumn: 32, suggestions: [] }],
      output: dedent`
        export function save(path: string, data: string) {
          fs.writeFile(path, data, (err) => {
            if (err) {
              logger.warn("could not save the draft", err);
              return;
            }
            markSaved(path);
          });
        }
      `,
    },
    {
      name: "a check with an else whose branch does not log: the log goes into that branch, no check-and-return",
      code: dedent`
        export function send(mailer: any, to: string) {
          mailer.sendMail({ to }, (err: Error | null, info: any) => {
            if (err) {
              return;
            } else {
              console.log("sent", info.messageId);
            }
          });
        }
      `,
      findings: [{ case: "ignoredCallbackError", line: 2, column: 28, endLine: 2, endColumn: 45, suggestions: [] }],
      output: dedent`
        export function send(mailer: any, to: string) {
          mailer.sendMail({ to }, (err: Error | null, info: any) => {
            if (err) {
              console.error("mailer.sendMail failed in send", err);
              return;
            } else {
              console.log("sent", info.messageId);
            }
          });
        }
      `,
    },
    {
      name: "a batch of two calls in a named function: the log names the calls, not the function",
      code: dedent`
        export async function publishPost(postId: string) {
          await Promise.allSettled([pingSearchIndex(postId), purgeCdn(postId)]);
          return { postId };
        }
      `,
      findings: [{ case: "allSettledUnchecked", line: 2, column: 3, endLine: 2, endColumn: 72, suggestions: [
        { title: "Throw the first rejection after all settle", output: dedent`
          export async function publishPost(postId: string) {
            const settled = await Promise.allSettled([pingSearchIndex(postId), purgeCdn(postId)]);
            for (const result of settled) if (result.status === "rejected") throw result.reason;
            return { postId };
          }
        ` },
      ] }],
      output: dedent`
        export async function publishPost(postId: string) {
          const settled = await Promise.allSettled([pingSearchIndex(postId), purgeCdn(postId)]);
          for (const result of settled) if (result.status === "rejected") console.error("pingSearchIndex or purgeCdn failed in publishPost", result.reason);
          return { postId };
        }
      `,
    },
  ],
});
