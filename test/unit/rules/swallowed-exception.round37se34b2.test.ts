import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34b: the next tick retries (the retired held round 37's reminder crons;
// hand-written analogues, no fetched code): a Cloudflare Worker's `scheduled` entry starts a job of
// the module like a cron callback, and a scheduled job's write that takes an item out of the pending
// set it read, whose error is only logged, leaves the item for the next run.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// 1. A Worker whose cron trigger runs a job of the module; `fetchBody` is its fetch handler.
const worker = (fetchBody: string): string => dedent`
  export default {
    async fetch(request: Request, env: Env): Promise<Response> {
      ${fetchBody}
    },
    async scheduled(event: ScheduledEvent, env: Env): Promise<void> {
      await sendDueReminders(env);
    },
  };
  async function sendDueReminders(env: Env): Promise<void> {
    const due = await env.DB.prepare("SELECT * FROM reminders WHERE due_at <= ?").bind(Date.now()).all();
    for (const r of due.results) {
      try {
        await postToChannel(env, r);
        await env.DB.prepare("UPDATE reminders SET active = 0 WHERE id = ?").bind(r.id).run();
      } catch (error) {
        console.error("reminder failed", error);
      }
    }
  }
`;
const awaitedByRoute = worker("await sendDueReminders(env);\n    return new Response(\"sent\");");
// The second shape: the entry as a function property, the job a `const` arrow.
const sweepWorker = dedent`
  const sweepExpired = async (env: Env) => {
    try {
      await env.SESSIONS.delete(await oldestKey(env));
    } catch (err) {
      console.warn("sweep failed", err);
    }
  };
  export default {
    scheduled: async function (controller: ScheduledController, env: Env) {
      await sweepExpired(env);
    },
  };
`;

// 2. A scheduled job's loop over the rows it reads as pending, marking each one done in `table`.
const digestCron = (table: string, after = ""): string => dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(URL, KEY);
  Deno.serve(async () => {
    const { data: digests, error } = await supabase.from("digests").select("*").eq("sent", false);
    if (error) return new Response(error.message, { status: 500 });
    for (const d of digests) {
      await postDigest(d);
      const { error: markError } = await supabase.from("${table}").update({ sent: true }).eq("id", d.id);
      if (markError) {
        console.error("Failed to mark digest sent:", markError);
      }${after}
    }
    return new Response("ok");
  });
`;
const otherTable = digestCron("digest_stats");
const laterWrite = digestCron("digests", "\n    await markDelivered(d.id);");
// The second shape: a Next.js cron route expiring trials, `continue` after the logged failure.
const expireTrials = (loop: string, helper = ""): string => dedent`
  import { supabaseAdmin } from "@/lib/supabase-admin";
  export async function GET() {
    const { data: trials } = await supabaseAdmin.from("trials").select("id, user_id").eq("expired", false).lt("ends_at", new Date().toISOString());
    ${loop}
    return Response.json({ checked: trials?.length ?? 0 });
  }${helper}
`;
const ownLoop = expireTrials('for (const t of trials ?? []) {\n    await downgrade(t.user_id);\n    const { error } = await supabaseAdmin.from("trials").update({ expired: true }).eq("id", t.id);\n    if (error) console.error("expire failed", error);\n  }');
const handedList = expireTrials("await expireAll(trials ?? []);", '\nasync function expireAll(list: Trial[]) {\n  for (const t of list) {\n    const { error } = await supabaseAdmin.from("trials").update({ expired: true }).eq("id", t.id);\n    if (error) console.error("expire failed", error);\n  }\n}');

// The same suggestion on the digest cron's block branch.
const markLog = '      console.error("Failed to mark digest sent:", markError);\n';
const throwMark = (code: string) => ({ title: "Throw the error after logging it", output: code.replace(markLog, `${markLog}      throw markError;\n`) });
// The "Throw the error after logging it" suggestion on a one-line log-only branch of `err`.
const throwAfter = (code: string, check: string, log: string, err: string) => ({ title: "Throw the error after logging it", output: code.replace(check, `if (${err}) { ${log} throw ${err}; }`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a Worker's scheduled entry awaits a job of the module whose per-item catch only logs (held round 37)", code: worker('return new Response("ok");'), filename: "src/index.ts" },
    { name: "a scheduled function property starting a const arrow job", code: sweepWorker, filename: "src/index.ts" },
    { name: "a cron's mark-done update on the table its pending rows come from, error only logged", code: digestCron("digests"), filename: "supabase/functions/digest-cron/index.ts" },
    { name: "a Next.js cron route's expire update on the trials it read as not expired, logged", code: ownLoop, filename: "app/api/cron/expire-trials/route.ts" },
  ],
  invalid: [
    {
      name: "the job is also awaited by the fetch handler, which answers someone",
      code: awaitedByRoute,
      filename: "src/index.ts",
      findings: [{ case: "logAndContinue", line: 16, column: 7, endColumn: 20, suggestions: [ignore(awaitedByRoute, "    } catch (error) {", "      ")] }],
      output: null,
    },
    {
      name: "the update writes another table than the pending rows' own",
      code: otherTable,
      filename: "supabase/functions/digest-cron/index.ts",
      findings: [{ case: "resultErrorLogOnly", line: 8, column: 34, endLine: 9, endColumn: 19, suggestions: [throwMark(otherTable)] }],
      output: null,
    },
    {
      name: "a later write of the item's work after the failed update",
      code: laterWrite,
      filename: "supabase/functions/digest-cron/index.ts",
      findings: [{ case: "resultErrorLogOnly", line: 8, column: 34, endLine: 9, endColumn: 19, suggestions: [throwMark(laterWrite)] }],
      output: null,
    },
    {
      name: "a loop over a list the function was handed: nobody reads it again",
      code: handedList,
      filename: "app/api/cron/expire-trials/route.ts",
      findings: [{ case: "resultErrorLogOnly", line: 9, column: 23, endLine: 10, endColumn: 15, suggestions: [throwAfter(handedList, 'if (error) console.error("expire failed", error);', 'console.error("expire failed", error);', "error")] }],
      output: null,
    },
  ],
});
