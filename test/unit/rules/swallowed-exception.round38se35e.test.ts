import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a supabase-js write whose `if (error)` branch logs and answers that
// the write worked, with data made up (the retired held round 38's create-user-profile route, the
// lead's decision, debatable): the "branch that answers" exemption means a failure answer; here the
// caller is told the profile exists. A branch answering a failure stays unreported.
// This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Next.js route (held round 38).
const profile = (answer: string): string => dedent`
  export async function POST(request: Request) {
    const { userId, username, email } = await readBody(request);
    const { data, error } = await supabase
      .from("user_profiles")
      .insert({ id: userId, username, email })
      .select()
      .maybeSingle();
    if (error) {
      console.error("Profile creation error:", error);
      return Response.json(${answer});
    }
    return Response.json({ success: true, data });
  }
`;
const madeUp = profile("{ success: true, warning: `Profile creation failed: ${error.message}`, data: { id: userId, username, email } }");
const failure = profile("{ success: false, error: error.message }, { status: 500 }");

// A Deno edge function, hand-written: `ok: true` with a made-up order.
const edge = dedent`
  Deno.serve(async (req) => {
    const { items } = await req.json();
    const { error: orderError } = await supabase.from("orders").insert({ items, status: "pending" });
    if (orderError) {
      console.warn("order insert failed", orderError);
      return new Response(JSON.stringify({ ok: true, order: { items, status: "pending" } }), { headers: { "Content-Type": "application/json" } });
    }
    return new Response(JSON.stringify({ ok: true }), { status: 201 });
  });
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "the insert error answered as a failure", code: failure, filename: "app/api/create-user-profile/route.ts" },
  ],
  invalid: [
    { name: "the insert error logged and answered success with made-up data (held round 38)", code: madeUp, filename: "app/api/create-user-profile/route.ts", findings: [{ case: "resultErrorLogOnly", line: 3, column: 27, endLine: 8, endColumn: 13, suggestions: [] }], output: null },
    { name: "Deno: an order insert failure answered ok with the order made up", code: edge, filename: "supabase/functions/orders/index.ts", findings: [{ case: "resultErrorLogOnly", line: 3, column: 33, endLine: 4, endColumn: 18, suggestions: [] }], output: null },
  ],
});
