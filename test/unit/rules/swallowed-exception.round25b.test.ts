import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 23, developer se25b (issue 11; decided misses and false positives of the
// tune part left by se25; hand-written analogues, no fetched code). This table declares only the
// cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a logged catch answering a text put together with the caught error's message: it tells what failed", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Order " + orderId + " is not available now: " + err.message;
          }
        }
      ` },
    { name: "a logged catch answering a text put together that says it failed", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Could not look up order " + orderId + ", please try later.";
          }
        }
      ` },
    { name: "a logged catch answering a text built with a call's answer: unjudged", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return \`Shipping update: \${describeOutage()}\`;
          }
        }
      ` },
  ],
  invalid: [
    {
      name: "a logged catch answering a made-up reply put together by concatenation of words and the input",
      code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Looking up order " + orderId + "... (tracking is coming soon).";
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  console.error("status lookup", err);
                  throw err;
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("status lookup", err);
                  return "Looking up order " + orderId + "... (tracking is coming soon).";
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a logged catch answering a made-up reply as a template whose opening differs from the try's",
      code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return \`Your order \${orderId} is on its way\`;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  console.error("status lookup", err);
                  throw err;
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("status lookup", err);
                  return \`Your order \${orderId} is on its way\`;
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
  ],
});
