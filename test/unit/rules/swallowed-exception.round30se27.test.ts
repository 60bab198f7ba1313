import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 27, developer se27 (issue 11; the retired held round 30, with its lead's
// decisions on its labellers' conflicts; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorIgnored", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A webhook step whose try builds the client and marks an installment paid, then `after` the update.
const markPaid = (after: string): string => dedent`
  import { createServiceClient } from "@/lib/supabase/server";
  export async function markPaid(id: string) {
    try {
      const supabase = createServiceClient();
      const { error } = await supabase.from("installments").update({ status: "paid", paid_at: new Date().toISOString() }).eq("id", id);
      ${after}
    } catch (err) {
      console.error("markPaid failed", err);
    }
  }
`;

// A payment webhook's confirming update whose error is logged, with an \`else\` of \`success\`.
const confirm = (success: string): string => dedent`
  export async function onPaid(supabase: SupabaseClient, id: string) {
    const { error } = await supabase.from("payments").update({ status: "succeeded" }).eq("id", id);
    if (error) {
      console.error("Error updating payment:", error);
    } else {
      ${success}
    }
  }
`;

// A ledger write whose error is read only by \`test\` (then a legacy fallback).
const ledger = (test: string): string => dedent`
  export async function record(supabase: SupabaseClient, row: Row) {
    const result = await supabase.from("financial_transactions").upsert(row);
    if (${test}) {
      await recordLegacy(row);
    }
    return { ok: true };
  }
`;

// The same with the error destructured, on \`table\`.
const notice = (table: string): string => dedent`
  export async function notify(supabase: SupabaseClient, row: Row) {
    const { error } = await supabase.from("${table}").insert(row);
    if (error && isMissingColumnError(error, "payload")) {
      await insertWithoutPayload(row);
    }
  }
`;

// An analytics helper named \`name\` whose catch logs the error.
const tracker = (name: string): string => dedent`
  export async function ${name}(event: string, properties?: Record<string, unknown>) {
    try {
      const userId = await getCurrentUserId();
      posthog.capture({ distinctId: userId, event, properties });
    } catch (error) {
      console.error("Failed to send the event:", error);
    }
  }
`;

const rethrown = markPaid("if (error) throw error;");
const webhookConfirm = confirm('console.log("Payment record updated successfully");');
const oneCase = ledger('result.error && isMissingTableError(result.error, "financial_transactions")');
const oneCode = notice("ledger_entries");
const usage = tracker("trackUsage");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log-only catch whose try holds only the client factory and a supabase-js update whose error the try reads", code: markPaid('if (error) {\n      console.error("update failed", error);\n      return false;\n    }\n    return true;') },
    { name: "a webhook's confirming update whose else does more than log (the success path's work)", code: confirm("await sendReceipt(id);"), filename: "supabase/functions/stripe-webhook/index.ts" },
    { name: "the same if/else that only logs, outside a webhook (a one-off script)", code: webhookConfirm, filename: "scripts/backfill-payments.ts" },
    { name: "an error tested for every kind but one (`&& !isMissingTableError`): the others are acted on", code: ledger('result.error && !isMissingTableError(result.error, "financial_transactions")') },
    { name: "a notification insert whose error is read only for a missing column (best-effort notice)", code: notice("notifications") },
    { name: "a request body kept in a local with an empty-object fallback", code: 'app.post("/api/commands", async (c) => {\n  const body = await c.req.json<Body>().catch(() => ({}));\n  return ok(await queue(body.type ?? "LOCK"));\n});' },
    { name: "a request body read into locals through optional links", code: "export async function POST(req: Request) {\n  const payload = await req.json().catch(() => ({}));\n  const kind = payload?.event || payload?.type;\n  return Response.json(await handle(kind));\n}" },
    { name: "a request body fallback destructured, a field without its default", code: "export async function handler(req: Request) {\n  const { lat, lon = 0 }: Query = await req.json().catch(() => ({}));\n  await store.save({ lat, lon });\n  return new Response(\"saved\");\n}" },
    { name: "an analytics helper's own catch that logs: telemetry is best effort, its callers rely on it never rejecting", code: tracker("trackServerEvent") },
  ],
  invalid: [
    { name: "neighbour: the try throws the update's error into the log-only catch", code: rethrown, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: rethrown.replace('"markPaid failed", err);\n', '"markPaid failed", err);\n    throw err;\n') },
      { title: "Mark as intentionally ignored…", output: rethrown.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "an if/else that only logs, in a payment webhook answered 200", code: webhookConfirm, filename: "supabase/functions/stripe-webhook/index.ts", findings: [{ case: "resultErrorLogOnly", line: 2, column: 21, endLine: 3, endColumn: 13, suggestions: [
      { title: "Throw the error after logging it", output: webhookConfirm.replace("error);\n  } else", "error);\n    throw error;\n  } else") },
    ] }], output: null },
    { name: "a ledger result kept whole whose error is read only for a missing table", code: oneCase, findings: [{ case: "resultErrorIgnored", line: 2, column: 18, endColumn: 75, suggestions: [] }], output: oneCase.replace("upsert(row);\n", 'upsert(row);\n  if (result.error) console.error("upsert into financial_transactions failed", result.error);\n') },
    { name: "neighbour: a helper that tracks usage (billed) only logs its failure", code: usage, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: usage.replace('event:", error);\n', 'event:", error);\n    throw error;\n') },
      { title: "Mark as intentionally ignored…", output: usage.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a destructured error read only for a missing column", code: oneCode, findings: [{ case: "resultErrorIgnored", line: 2, column: 21, endColumn: 70, suggestions: [] }], output: oneCode.replace("insert(row);\n", 'insert(row);\n  if (error) console.error("insert into ledger_entries failed", error);\n') },
  ],
});
