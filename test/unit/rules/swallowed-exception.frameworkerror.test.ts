import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Error answers made by a call, not `new` (session 26, se26; a class left from session 25): h3's
// `createError(…)` (Nuxt, Nitro), http-errors' `createError(500, …)` and SvelteKit's `error(500, …)`
// thrown in a catch are new errors, like `new HttpException(…)`. Hand-written analogues.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Nitro handler whose catch answers with createError.
const nitro = (log: string, thrown: string): string => dedent`
  export default defineEventHandler(async (event) => {
    try {
      const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
      return { clientSecret: intent.client_secret };
    } catch (error: any) {
      ${log}
      throw ${thrown};
    }
  });
`;

// A SvelteKit load whose catch answers with the kit's error().
const kit = (log: string, status: string): string => dedent`
  import { error } from "@sveltejs/kit";

  export async function load({ params }) {
    try {
      return { post: await db.post.findUnique({ where: { id: params.id } }) };
    } catch (e) {
      ${log}
      throw error(${status}, "Failed to load post");
    }
  }
`;

const H3_500 = 'createError({ statusCode: 500, message: "Failed to create payment intent" })';
const NO_LOG = "if (error.statusCode) throw error;";
const HTTP_ERRORS = nitro(NO_LOG, 'createError(502, "Payment provider failed")');
const KIT_500 = kit('console.error("Failed to load post");', "500");

new RuleTester().run(narrowed, {
  valid: [
    { name: "createError after a log of the error itself is the HTTP answer", code: nitro('console.error("payment intent failed", error);', H3_500), filename: "server/api/pay.post.ts" },
    { name: "createError with a client status is an explicit failure", code: nitro(NO_LOG, 'createError({ statusCode: 400, message: "Invalid amount" })'), filename: "server/api/pay.post.ts" },
    { name: "createError with a status the code computes is not judged", code: nitro(NO_LOG, 'createError({ statusCode: error.status ?? 500, message: "Payment failed" })'), filename: "server/api/pay.post.ts" },
    // Written as a shorthand, or spread from options, the status is still the code's own (review rv26).
    { name: "createError with a computed status written as a shorthand is not judged", code: nitro("const statusCode = retryable ? 503 : 500;", 'createError({ statusCode, message: "Payment failed" })'), filename: "server/api/pay.post.ts" },
    { name: "createError with options spread in and no status of its own is not judged", code: nitro(NO_LOG, 'createError({ ...PAYMENT_FAILED, message: "Payment failed" })'), filename: "server/api/pay.post.ts" },
    { name: "SvelteKit's error(500) after a log of the error itself", code: kit('console.error("Failed to load post", e);', "500"), filename: "src/routes/post/[id]/+page.server.ts" },
    { name: "SvelteKit's error(404) is a client answer", code: kit('console.error("Failed to load post");', "404"), filename: "src/routes/post/[id]/+page.server.ts" },
    { name: "an error() that is not SvelteKit's is no error answer", code: kit('console.error("Failed to load post");', "500").replace('import { error } from "@sveltejs/kit";', 'import { error } from "./log";'), filename: "src/routes/post/[id]/+page.server.ts" },
  ],
  invalid: [
    {
      name: "h3's createError with a 500 and no log of the error drops the cause",
      code: nitro(NO_LOG, H3_500),
      filename: "server/api/pay.post.ts",
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 23, suggestions: [{ title: "Pass the caught error to createError as cause", output: nitro(NO_LOG, H3_500.replace('intent" }', 'intent", cause: error }')) }] }],
      output: null,
    },
    {
      name: "http-errors' createError(502, …) gets the cause among its properties",
      code: HTTP_ERRORS,
      filename: "server/api/pay.post.ts",
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 23, suggestions: [{ title: "Pass the caught error to createError as cause", output: HTTP_ERRORS.replace('failed")', 'failed", { cause: error })') }] }],
      output: null,
    },
    {
      name: "SvelteKit's error(500) after a log without the error drops the cause (no fix: error() takes none)",
      code: KIT_500,
      filename: "src/routes/post/[id]/+page.server.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 14 }],
      output: null,
    },
  ],
});
