import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 32, developer se32a (the retired held round 35, with its lead's decisions
// and held round 30's on read-only scripts; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchLogOnly", "resultErrorLogOnly", "resultErrorIgnored"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A program that asks a provider for results and prints them, `after` the search, run by `entry`.
const printer = (after: string, entry = "runShowcase().catch(console.error);"): string => dedent`
  import { findGrants, activeProvider } from "./providers";

  async function showProvider() {
    try {
      const rows = await findGrants("physics");
      console.log(\`\${activeProvider()} answered \${rows.length} rows\`);
      printTable(rows);${after}
    } catch (error) {
      console.error("provider failed:", error);
    }
  }

  async function runShowcase() {
    console.log("== providers ==");
    await showProvider();
  }

  ${entry}
`;

// A one-off script whose step answers its outcome from the catch, and a `main` that `uses` it.
const steps = (uses: string): string => dedent`
  const fs = require("fs");
  const path = require("path");

  async function applyPatch(file) {
    try {
      const sql = fs.readFileSync(file, "utf8");
      const res = await fetch(\`\${BASE}/pg/query\`, { method: "POST", body: JSON.stringify({ sql }) });
      return res.ok;
    } catch (err) {
      console.error("patch failed:", err.message);
      return false;
    }
  }

  async function main() {
    const file = path.join(__dirname, "patch.sql");
    ${uses}
  }

  main().catch(console.error);
`;

// A migration loop whose statements' errors are printed, with an else, then \`done\` logged.
const statements = (done: string): string => dedent`
  const { createClient } = require("@supabase/supabase-js");
  const supabase = createClient(URL, KEY);

  async function migrate(parts) {
    for (let i = 0; i < parts.length; i++) {
      try {
        const { error } = await supabase.rpc("run_sql", { query: parts[i] });
        if (error) {
          console.log(\`statement \${i + 1} failed: \${error.message}\`);
          if (error.message.includes("run_sql does not exist")) {
            return false;
          }
        } else {
          console.log(\`statement \${i + 1} ok\`);
        }
      } catch (err) {
        console.log(\`statement \${i + 1} error: \${err.message}\`);
      }
    }
    ${done}
    return true;
  }

  migrate(PARTS);
`;

// A clean-up script whose try runs \`query\` and prints its count.
const cleanup = (query: string): string => dedent`
  const postgres = require("postgres");

  async function purgeStaging() {
    const sql = postgres(process.env.DB_URL);
    try {
      const removed = await sql\`${query}\`;
      console.log(\`removed \${removed.count} rows\`);
    } catch (e) {
      console.error("purge failed:", e);
    } finally {
      await sql.end();
    }
  }

  purgeStaging();
`;

// A sign-in helper whose try reads with supabase-js and inserts, then \`after\` the catch's log.
const bootstrap = (after: string): string => dedent`
  import { supabase } from "./supabase";

  export async function promoteFirstUser(userId: string) {
    try {
      const { data: admins, error: readError } = await supabase.from("admins").select("id").limit(1);
      if (readError) {
        console.error("could not read admins", readError);
        return;
      }
      if (!admins || admins.length === 0) {
        const { error: insertError } = await supabase.from("admins").insert({ id: userId });
        if (insertError) {
          console.error("could not promote", insertError);
        } else {
          console.log("promoted");
        }
      }
    } catch (error) {
      console.error("promoteFirstUser failed", error);${after}
    }
  }
`;

// A clean-up job that archives each source, then \`counts\` it, and answers the count.
const archive = (counts: string): string => dedent`
  export async function archiveSources(supabase: SupabaseClient, sources: Source[]) {
    const result = { archived: 0 };
    for (const source of sources) {
      const { error: archiveError } = await supabase.from("sources_archive").insert({ source_id: source.id });
      if (archiveError) {
        console.error(\`could not archive \${source.name}:\`, archiveError.message);
        continue;
      }
      ${counts}
    }
    return Response.json({ success: true, ...result });
  }
`;

// A backfill that updates each row and \`counts\` the ones whose error is not set.
const backfill = (counts: string): string => dedent`
  export async function backfill(supabase: SupabaseClient, rows: Row[]) {
    let updated = 0;
    for (const row of rows) {
      const { error } = await supabase.from("events").update({ image_url: row.image }).eq("id", row.id);
      ${counts}
    }
    return updated;
  }
`;

// A migration helper whose statements \`rpc\` and print their failures, run by a caller that claims completion.
const runner = (rpc: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(URL, KEY);

  async function runFile(parts) {
    for (const part of parts) {
      const { error: partError } = await supabase.${rpc};
      if (partError) {
        console.error("  failed:", partError.message);
      } else {
        console.log("  ok");
      }
    }
  }

  async function runAll() {
    for (const file of FILES) {
      await runFile(split(file));
    }
    console.log("🎉 All migrations completed!");
  }

  runAll();
`;

const demo = printer("");
const checkScript = printer("");
const writingDemo = printer('\n      await saveGrants(rows);');
const dropped = steps("await applyPatch(file);");
const loggedSteps = dedent`
  async function checkApi() {
    try {
      const res = await fetch(\`\${BASE}/health\`);
      console.log("api", res.status);
    } catch (err) {
      console.log("api failed:", err.message);
    }
  }

  async function runAll() {
    await checkApi();
    console.log("checks done");
  }

  runAll().catch(console.error);
`;
const claimed = statements('console.log("✅ Migration completed");');
const deleting = cleanup("DELETE FROM staging_rows");
const madeUp = bootstrap('\n      return { role: "admin" };');
const archived = archive("result.archived++;");
const counted = backfill("if (!error) updated++;");
const migrationRunner = runner('rpc("exec_sql", { sql_query: part })');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a demo program (named so) that only reads and prints: each provider failure is its output", code: demo, filename: "src/services/search/demo.ts" },
    { name: "a read-only report program named for an audit", code: printer(""), filename: "src/scripts/audit-grants.ts" },
    { name: "a read-only report program named for a monitor (snake case)", code: printer(""), filename: "scripts/monitor_providers.cjs" },
    { name: "a read-only print program run by the project's `test:` npm script", code: printer(""), filename: "src/tools/showcase.ts", files: { "package.json": JSON.stringify({ name: "app", scripts: { "test:providers": "tsx src/tools/showcase.ts" } }) } },
    { name: "a demo entry under an is-main test (`if (isMain) runShowcase().catch(…)`)", code: printer("", "if (import.meta.url === `file://${process.argv[1]}`) {\n    runShowcase().catch(console.error);\n  }"), filename: "src/ai/DEMO.ts" },
    { name: "a top-level handler over a main whose step answers its outcome, which main reads", code: steps('const ok = await applyPatch(file);\n    if (!ok) console.log("apply it by hand");') },
    { name: "a migration loop's log-only if/else and per-statement catch, with no completion claimed after", code: statements('console.log("see the log above");') },
    { name: "a log-only catch around a supabase-js read whose error the try reads, and a write with an if/else", code: bootstrap("") },
    { name: "a skipped failure in a loop whose count sits in another write's branch (it counts that write)", code: archive('if (source.primary) {\n      const { error } = await supabase.from("sources").update({ archived: true }).eq("id", source.id);\n      if (error) console.error(error);\n      else result.archived++;\n    }') },
    { name: "a skipped failure in a loop that counts failures too", code: archive("result.archived++;").replace("continue;", "result.failedCount++;\n      continue;") },
    { name: "an error read to count a success and keep the row (the result is used)", code: backfill("if (!error) {\n      done.push(row.id);\n      updated++;\n    }") },
    { name: "an error read to count a success, with an else that handles the failure", code: backfill("if (!error) updated++;\n    else console.error(\"update failed\", error);") },
    { name: "a seed's inserts printed one by one before a caller's completion line keep the else rule (not SQL run by an RPC)", code: runner('from("profiles").insert(part)') },
    { name: "a clean-up script whose try only counts rows for its printout (a read)", code: cleanup("SELECT COUNT(*) AS count FROM staging_rows") },
  ],
  invalid: [
    { name: "neighbour: the same program named as a check script, a verdict (held rounds 21 to 27: reported)", code: checkScript, filename: "scripts/check-providers.ts", findings: [
      { case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: [
        { title: "Mark as intentionally ignored…", output: checkScript.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
      ] },
      { case: "promiseCatchLogOnly", line: 18, column: 21, endColumn: 34, suggestions: [
        { title: "Set process.exitCode after logging", output: checkScript.replace("runShowcase().catch(console.error);", "runShowcase().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});") },
      ] },
    ], output: null },
    { name: "neighbour: a demo that stores what it found is no print program", code: writingDemo, filename: "src/services/search/demo.ts", findings: [
      { case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [
        { title: "Rethrow the error", output: writingDemo.replace('"provider failed:", error);\n', '"provider failed:", error);\n    throw error;\n') },
        { title: "Mark as intentionally ignored…", output: writingDemo.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
      ] },
      { case: "promiseCatchLogOnly", line: 19, column: 21, endColumn: 34, suggestions: [
        { title: "Set process.exitCode after logging", output: writingDemo.replace("runShowcase().catch(console.error);", "runShowcase().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});") },
      ] },
    ], output: null },
    { name: "a one-off script's step that logs and answers false, which main drops: exit 0 after the failure", code: dropped, filename: "apply-patch.cjs", findings: [
      { case: "catchReturnsDefault", line: 9, column: 5, endColumn: 16, suggestions: [
        { title: "Log the error with console", output: dropped.replace("} catch (err) {\n", '} catch (err) {\n    console.error("applyPatch failed", { file }, err);\n') },
        { title: "Mark as intentionally ignored…", output: dropped.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
      ] },
    ], output: null },
    { name: "neighbour: a top-level handler over steps that only log stays reported", code: loggedSteps, filename: "check-api.js", findings: [
      { case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
        { title: "Rethrow the error", output: loggedSteps.replace('err.message);\n', "err.message);\n    throw err;\n") },
        { title: "Mark as intentionally ignored…", output: loggedSteps.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
      ] },
      { case: "promiseCatchLogOnly", line: 15, column: 16, endColumn: 29, suggestions: [
        { title: "Set process.exitCode after logging", output: loggedSteps.replace("runAll().catch(console.error);", "runAll().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});") },
      ] },
    ], output: null },
    { name: "a migration loop that prints each failed statement and then says it completed", code: claimed, filename: "apply-statements.cjs", findings: [
      { case: "resultErrorLogOnly", line: 7, column: 25, endLine: 8, endColumn: 17, suggestions: [
        { title: "Throw the error after logging it", output: claimed.replace("          return false;\n        }\n", "          return false;\n        }\n        throw error;\n") },
      ] },
    ], output: null },
    { name: "a clean-up script whose try deletes rows and prints the count", code: deleting, filename: "scripts/purge.cjs", findings: [
      { case: "logAndContinue", line: 8, column: 5, endColumn: 14, suggestions: [
        { title: "Mark as intentionally ignored…", output: deleting.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") },
      ] },
    ], output: null },
    { name: "neighbour: the supabase-js read's catch that answers a made-up value stays reported", code: madeUp, findings: [
      { case: "logAndContinue", line: 18, column: 5, endColumn: 18, suggestions: [
        { title: "Mark as intentionally ignored…", output: madeUp.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
      ] },
    ], output: null },
    { name: "a failure skipped in a loop whose answer counts only the archived rows", code: archived, findings: [
      { case: "resultErrorLogOnly", line: 4, column: 37, endLine: 5, endColumn: 22, suggestions: [
        { title: "Throw the error after logging it", output: archived.replace("      continue;\n", "      throw archiveError;\n") },
      ] },
    ], output: null },
    { name: "an error read only to count a success (`if (!error) updated++`)", code: counted, findings: [
      { case: "resultErrorIgnored", line: 4, column: 23, endColumn: 102, suggestions: [
        { title: "Throw the error", output: counted.replace("    if (!error) updated++;\n", "    if (error) throw error;\n    if (!error) updated++;\n") },
      ] },
    ], output: counted.replace("    if (!error) updated++;\n", '    if (error) console.error("update on events failed", error);\n    if (!error) updated++;\n') },
    { name: "a migration helper's statements printed one by one, its caller then claiming every migration completed", code: migrationRunner, filename: "push-migrations.mjs", findings: [
      { case: "resultErrorLogOnly", line: 6, column: 34, endLine: 7, endColumn: 19, suggestions: [
        { title: "Throw the error after logging it", output: migrationRunner.replace('partError.message);\n', "partError.message);\n      throw partError;\n") },
      ] },
    ], output: null },
  ],
});
