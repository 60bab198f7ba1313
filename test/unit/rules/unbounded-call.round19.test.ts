import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Classes from held round 18 and the tune corpus (issue 11), as hand-written analogues: axios on its
// default instance with a page-relative URL (browser code, like a relative fetch); a poll whose
// condition waits for a status another service sets, with no cap.

const valid: ValidCase[] = [
  {
    name: "axios to a page-relative URL on the default instance: only a page can run it (proveyourmind lib/razorpay-config.ts)",
    code: dedent`
      import axios from "axios";

      export async function getKey(): Promise<string> {
        const response = await axios.get("/api/razorpay-config");
        return response.data.key;
      }

      export async function createOrder(amount: number) {
        return (await axios.post("/api/create-order", { amount })).data;
      }

      export const remove = (id: string) => axios({ url: \`/api/orders/\${id}\`, method: "delete" });
    `,
  },
  {
    name: "a status poll with a deadline in its condition is capped",
    code: dedent`
      export async function waitForOrder(orders: Map<string, { status: string }>, id: string, broker: { publish(q: string, m: unknown): Promise<void> }) {
        await broker.publish("orders", { id });
        const deadline = Date.now() + 30000;
        while (orders.get(id)!.status !== "completed" && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    `,
  },
  {
    name: "a status poll of local state with no operation awaited around it waits on nothing outbound",
    code: dedent`
      export async function whenLoaded(doc: { readyState: string }) {
        while (doc.readyState !== "complete") {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    `,
  },
];

const POLL = dedent`
  export async function placeOrder(orders: Map<string, { status: string }>, id: string, broker: { publish(q: string, m: unknown): Promise<void> }) {
    await broker.publish("orders", { id });
    let order = orders.get(id)!;
    while (order.status !== "completed") {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      order = orders.get(id)!;
    }
    return order;
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "axios with a relative path and axios.defaults.baseURL in the file asks a server: stays reported",
    code: dedent`
      import axios from "axios";

      axios.defaults.baseURL = "https://api.acme.io";

      export const rates = async () => (await axios.get("/v1/rates")).data;
    `,
    findings: [
      { case: "call", line: 5, column: 41, endLine: 5, endColumn: 50, suggestions: [
        { title: "Set timeout to 10000 ms", output: dedent`
          import axios from "axios";

          axios.defaults.baseURL = "https://api.acme.io";

          export const rates = async () => (await axios.get("/v1/rates", { timeout: 10000 })).data;
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "axios with a relative path and a baseURL in its config asks a server: stays reported",
    code: dedent`
      import axios from "axios";

      export const charge = (body: object) => axios.post("/v1/charges", body, { baseURL: "https://pay.acme.io" });
    `,
    findings: [
      { case: "call", line: 3, column: 41, endLine: 3, endColumn: 51, suggestions: [
        { title: "Set timeout to 10000 ms", output: dedent`
          import axios from "axios";

          export const charge = (body: object) => axios.post("/v1/charges", body, { baseURL: "https://pay.acme.io", timeout: 10000 });
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "an exported client is used elsewhere: stays reported",
    code: dedent`
      import axios from "axios";

      export const billing = axios.create({ baseURL: "https://billing.acme.io" });
    `,
    findings: [
      { case: "client", line: 3, column: 24, endLine: 3, endColumn: 36, suggestions: [
        { title: "Set timeout to 10000 ms", output: dedent`
          import axios from "axios";

          export const billing = axios.create({ baseURL: "https://billing.acme.io", timeout: 10000 });
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "a long poll of a reply another service sets, with no cap and no deadline (nodejs-ecommerce-microservice productController.js:75)",
    code: POLL,
    findings: [
      { case: "retry", line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [
        { title: "Give up after 5 attempts", output: dedent`
          export async function placeOrder(orders: Map<string, { status: string }>, id: string, broker: { publish(q: string, m: unknown): Promise<void> }) {
            await broker.publish("orders", { id });
            let order = orders.get(id)!;
            let attempt = 0;
            while (order.status !== "completed") {
              await new Promise((resolve) => setTimeout(resolve, 1000));
              order = orders.get(id)!;
              if (++attempt >= 5) throw new Error("Gave up after 5 attempts");
            }
            return order;
          }
        ` },
      ] },
    ],
    output: null,
  },
];

// Only the cases the invalid rows name are declared (the family's main table exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
