import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: a supabase-js client built by a project module whose name does not
// say Supabase (a Supabase Edge Function's `../_shared/client.ts`, a Node app's `../lib/db`): the
// module itself imports supabase-js, so its client's dropped write results are as lost as those of
// a client the file builds (the retired held round 39's Dynamic-Capital/chatty-telly-bot, decided
// findings), and a try around its RPC whose error is read at the call catches nothing.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorIgnored", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const sharedClient = dedent`
  import { createClient as createSupabaseClient } from "https://esm.sh/@supabase/supabase-js@2";
  export function createClient() {
    return createSupabaseClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
  }
`;
// The same factory over another store: no supabase-js anywhere.
const otherClient = dedent`
  import { connect } from "https://deno.land/x/postgrest_lite/mod.ts";
  export function createClient() {
    return connect(Deno.env.get("DB_URL")!);
  }
`;
const edge = { "supabase/functions/_shared/client.ts": sharedClient };

// An admin's review of a payment (held round 39): the rejection's update result is dropped.
const review = dedent`
  import { serve } from "https://deno.land/std@0.224.0/http/server.ts";
  import { createClient } from "../_shared/client.ts";

  serve(async (req) => {
    const body = await req.json();
    const supa = createClient();
    await supa.from("payments").update({ status: "failed" }).eq("id", body.payment_id);
    return new Response(JSON.stringify({ status: "failed" }));
  });
`;

// The RPC that grants the subscription, its error read at the call, in a try that catches nothing.
const finalize = dedent`
  import { createClient } from "../_shared/client.ts";

  export async function activate(supa: ReturnType<typeof createClient>, paymentId: string) {
    try {
      const { error } = await supa.rpc("finalize_completed_payment", { p_payment_id: paymentId });
      if (error) {
        console.error("finalize_completed_payment error", error);
      }
    } catch (err) {
      console.error("finalize_completed_payment exception", err);
    }
    return new Response(JSON.stringify({ status: "completed" }));
  }
`;

// A CommonJS Express app, hand-written: the client comes from `../lib/db`, which requires supabase-js.
const dbModule = dedent`
  const { createClient } = require("@supabase/supabase-js");
  module.exports.db = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);
`;
const route = dedent`
  const { db } = require("../lib/db");
  async function closeTicket(req, res) {
    await db.from("tickets").update({ closed: true }).eq("id", req.params.id);
    res.json({ ok: true });
  }
  module.exports = { closeTicket };
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "neighbour: the same handler over a shared client that is not supabase-js", code: review, filename: "supabase/functions/admin-review-payment/index.ts", files: { "supabase/functions/_shared/client.ts": otherClient } },
    { name: "neighbour: the same handler when the shared module is missing", code: review, filename: "supabase/functions/admin-review-payment/index.ts" },
    { name: "neighbour: the Express route over a db module that is not supabase-js", code: route, filename: "src/routes/tickets.js", files: { "src/lib/db.js": "const knex = require(\"knex\");\nmodule.exports.db = knex({ client: \"pg\" });\n" } },
  ],
  invalid: [
    { name: "a dropped update through the Edge Functions' shared client (held round 39)", code: review, filename: "supabase/functions/admin-review-payment/index.ts", files: edge, findings: [{ case: "resultErrorIgnored", line: 7, column: 3, endColumn: 85, suggestions: [
      { title: "Throw the error", output: review.replace("  await supa.from", "  const { error } = await supa.from").replace("body.payment_id);\n", "body.payment_id);\n  if (error) throw error;\n") },
    ] }], output: review.replace("  await supa.from", "  const { error } = await supa.from").replace("body.payment_id);\n", 'body.payment_id);\n  if (error) console.error("update on payments failed", error);\n') },
    { name: "an RPC error only logged through the shared client's type; the try around it is not judged (held round 39)", code: finalize, filename: "supabase/functions/crypto-webhook/index.ts", files: edge, findings: [{ case: "resultErrorLogOnly", line: 5, column: 23, endLine: 6, endColumn: 15, suggestions: [
      { title: "Throw the error after logging it", output: finalize.replace('console.error("finalize_completed_payment error", error);\n', 'console.error("finalize_completed_payment error", error);\n      throw error;\n') },
    ] }], output: null },
    { name: "neighbour: the same try over a shared client that is not supabase-js: the catch is judged", code: finalize, filename: "supabase/functions/crypto-webhook/index.ts", files: { "supabase/functions/_shared/client.ts": otherClient }, findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 16, suggestions: [
      { title: "Mark as intentionally ignored…", output: finalize.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a CommonJS route's dropped update through `../lib/db`, which requires supabase-js", code: route, filename: "src/routes/tickets.js", files: { "src/lib/db.js": dbModule }, findings: [{ case: "resultErrorIgnored", line: 3, column: 3, endColumn: 76, suggestions: [
      { title: "Throw the error", output: route.replace("  await db.from", "  const { error } = await db.from").replace("req.params.id);\n", "req.params.id);\n  if (error) throw error;\n") },
    ] }], output: route.replace("  await db.from", "  const { error } = await db.from").replace("req.params.id);\n", 'req.params.id);\n  if (error) console.error("update on tickets failed", error);\n') },
  ],
});
