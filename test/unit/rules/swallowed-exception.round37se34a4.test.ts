import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34a: a scheduled job's retention delete (the retired held round 37's
// cron clean-up step, decided clean; hand-written analogues): the rows older than a cutoff that a
// failed delete leaves in place are deleted by the next run, as a per-item failure left pending is.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Next.js cron route: a second clean-up step with supabase-js.
const cronRoute = (filter: string): string => dedent`
  export async function GET() {
    let jobsDeleted = 0;
    try {
      const cutoff = new Date(Date.now() - 86_400_000).toISOString();
      const { count, error } = await supabase.from("processing_jobs").delete()${filter}.select("id", { count: "exact", head: true });
      if (error) throw error;
      jobsDeleted = count ?? 0;
    } catch (jobErr) {
      console.error("processing_jobs cleanup failed:", jobErr);
    }
    return NextResponse.json({ ok: true, jobsDeleted });
  }
`;
const byCutoff = cronRoute('.lt("created_at", cutoff)');
const byId = cronRoute('.eq("status", "failed")');

// A worker scheduled with node-cron: a Prisma purge of expired sessions.
const purge = dedent`
  cron.schedule("0 * * * *", () => {
    void purgeSessions();
  });
  async function purgeSessions() {
    try {
      const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
      logger.info({ count }, "expired sessions purged");
    } catch (err) {
      logger.error({ err }, "session purge failed");
    }
    await notifyOps("purge ran");
  }
`;

// The same delete in an admin route: nobody runs it again.
const adminPurge = dedent`
  export async function POST() {
    try {
      const { error } = await supabase.from("usage_logs").delete().lt("created_at", cutoffOf(90));
      if (error) throw error;
    } catch (err) {
      console.error("purge failed", err);
    }
    return NextResponse.json({ ok: true });
  }
`;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened above `line` at `indent`.
const ignore = (code: string, line: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${line}\n`, `${indent}// Intentionally ignored: <reason>\n${line}\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a cron route's retention delete by an age cutoff (held round 37)", code: byCutoff, filename: "app/api/cron/cleanup-usage-logs/route.ts" },
    { name: "a node-cron worker's Prisma purge of expired sessions", code: purge, filename: "src/purge.ts" },
  ],
  invalid: [
    { name: "a cron delete of rows picked by status, not age", code: byId, filename: "app/api/cron/cleanup/route.ts", findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 19, suggestions: [
      { title: "Rethrow the error", output: byId.replace("jobErr);\n  }\n", "jobErr);\n    throw jobErr;\n  }\n") },
      ignore(byId, '    console.error("processing_jobs cleanup failed:", jobErr);', "    "),
    ] }], output: null },
    { name: "a retention delete in an admin route: nobody runs it again", code: adminPurge, filename: "app/api/admin/purge/route.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: adminPurge.replace("err);\n  }\n", "err);\n    throw err;\n  }\n") },
      ignore(adminPurge, '    console.error("purge failed", err);', "    "),
    ] }], output: null },
  ],
});
