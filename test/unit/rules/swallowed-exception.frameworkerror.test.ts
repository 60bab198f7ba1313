import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Error answers made by a call, not `new` (session 26, se26; a class left from session 25): h3's
// `createError(…)` (Nuxt, Nitro), http-errors' `createError(500, …)` and SvelteKit's `error(500, …)`
// thrown in a catch are new errors, like `new HttpException(…)`. Hand-written analogues. Each is
// known by its import (or Nuxt's and Nitro's auto-import), not by its name (review rv27).
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

// An Express route whose catch answers with http-errors' default export (review rv27: keyed on the import).
const express = (thrown: string, head = 'import createHttpError from "http-errors";'): string => dedent`
  ${head}

  router.post("/pay", async (req, res, next) => {
    try {
      res.json(await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }));
    } catch (error) {
      next(${thrown});
    }
  });
`;

const H3_500 = 'createError({ statusCode: 500, message: "Failed to create payment intent" })';
const NO_LOG = "if (error.statusCode) throw error;";
const HTTP_ERRORS = express('createHttpError(502, "Payment provider failed")');
const HTTP_ERRORS_PROPS = express('createHttpError(502, "Payment provider failed", { expose: false })');
const HTTP_ERRORS_PROPS_NAMED = express('createHttpError(502, "Payment provider failed", PROVIDER_PROPS)');
const HTTP_ERRORS_OWN_CAUSE = express('createHttpError(502, "Payment provider failed", { cause: "upstream" })');
const HTTP_ERRORS_REQUIRED = express('createError(502, "Payment provider failed")', 'const createError = require("http-errors");');
// Nuxt auto-imports createError in its app code too (composables, utils), not only under server/.
const NUXT_COMPOSABLE = dedent`
  export async function usePayment() {
    try {
      return await $fetch("/api/pay", { method: "POST" });
    } catch (error) {
      throw ${H3_500};
    }
  }
`;
const NUXT_PACKAGE = { "package.json": '{ "name": "shop", "dependencies": { "nuxt": "^3.12.0" } }\n' };
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
    // createError is known by its import, not its name (review rv27): a project's own helper may make anything.
    { name: "a createError imported from the project is no framework's error answer", code: express('createError(502, "Payment provider failed")', 'import { createError } from "../lib/errors";'), filename: "src/routes/pay.ts" },
    { name: "a createError the file declares is no framework's error answer", code: express('createError(502, "Payment provider failed")', "function createError(status: number, message: string) { return { status, message }; }"), filename: "src/routes/pay.ts" },
    { name: "a createError neither imported nor auto-imported (no Nuxt or Nitro) is unknown", code: NUXT_COMPOSABLE, filename: "composables/usePayment.ts" },
    { name: "http-errors' createError with a client status is an explicit failure", code: express('createHttpError(400, "Invalid amount")'), filename: "src/routes/pay.ts" },
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
      filename: "src/routes/pay.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18, suggestions: [{ title: "Pass the caught error to createHttpError as cause", output: HTTP_ERRORS.replace('failed")', 'failed", { cause: error })') }] }],
      output: null,
    },
    {
      name: "http-errors' createError required under its usual name",
      code: HTTP_ERRORS_REQUIRED,
      filename: "src/routes/pay.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18, suggestions: [{ title: "Pass the caught error to createError as cause", output: HTTP_ERRORS_REQUIRED.replace('failed")', 'failed", { cause: error })') }] }],
      output: null,
    },
    // Its last object is the properties it sets: a second object would replace them (review rv27).
    {
      name: "http-errors' createError with properties: the cause joins them",
      code: HTTP_ERRORS_PROPS,
      filename: "src/routes/pay.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18, suggestions: [{ title: "Pass the caught error to createHttpError as cause", output: HTTP_ERRORS_PROPS.replace("expose: false }", "expose: false, cause: error }") }] }],
      output: null,
    },
    {
      name: "http-errors' createError with properties held in a name: no fix (a second object would replace them)",
      code: HTTP_ERRORS_PROPS_NAMED,
      filename: "src/routes/pay.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: "http-errors' createError with a cause of its own among its properties: no fix (a second cause would replace it)",
      code: HTTP_ERRORS_OWN_CAUSE,
      filename: "src/routes/pay.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: "Nuxt's auto-imported createError in a composable of a Nuxt project",
      code: NUXT_COMPOSABLE,
      filename: "composables/usePayment.ts",
      files: NUXT_PACKAGE,
      findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 18, suggestions: [{ title: "Pass the caught error to createError as cause", output: NUXT_COMPOSABLE.replace('intent" }', 'intent", cause: error }') }] }],
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
