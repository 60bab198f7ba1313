import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 25, developer se28b (issue 11; false positives of the retired held round 27,
// with its labellers' conventions; hand-written analogues, no fetched code). Each class is a builder
// whose one argument makes the valid row or its reported neighbour. This table declares only the
// cases its invalid rows name.
const named = new Set(["rethrowWithoutCause", "resultErrorIgnored", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Firebase callable whose catch logs and throws the framework's error answer.
const callable = (logged: string): string => dedent`
  import { HttpsError, onCall } from "firebase-functions/v2/https";

  export const createAlbum = onCall(async (request) => {
    try {
      return await albums.create(request.auth.uid, request.data.name);
    } catch (error) {
      console.error("Error creating album:", ${logged});
      throw new HttpsError("internal", "Failed to create album.");
    }
  });
`;

// A service whose catch throws the project's AppError with the status as an argument of its own.
const upload = (log: string): string => dedent`
  export async function uploadProof(buffer: Buffer, key: string) {
    try {
      return await storage.upload(buffer, key);
    } catch (error) {
      ${log}
      throw new AppError("Failed to upload file. Please try again.", 500, true, "INTERNAL_ERROR");
    }
  }
`;

// Expected errors picked out through a const holding the error's text, or a fixed one for a non-Error.
const embed = (last: string): string => dedent`
  export async function embed(chunks: string[]) {
    try {
      return (await openai.embeddings.create({ model: "text-embedding-3-small", input: chunks })).data;
    } catch (err) {
      const errorMessage = err instanceof Error ? err.message : "Unknown error";
      console.error("Error embedding text:", errorMessage);
      if (errorMessage.includes("API key")) {
        throw new Error("Invalid OpenAI API key. Please check your environment variables.");
      } else if (errorMessage.includes("rate limit")) {
        throw new Error("OpenAI rate limit exceeded. Please try again later.");
      }
      throw new Error(${last});
    }
  }
`;

// A best-effort counter update whose error branch holds only a comment, or nothing.
const join = (branch: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";

  export async function joinGroup(supabase: ReturnType<typeof createClient>, group: Group) {
    const { error: incErr } = await supabase.from("groups").update({ uses: group.uses + 1 }).eq("id", group.id);
    if (incErr) {${branch}}
    return { data: group };
  }
`;

// A price update per asset whose error branch counts the failure, or a success counter only.
const prices = (branch: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";

  export async function updatePrices(supabase: ReturnType<typeof createClient>, assets: Asset[]) {
    let updated = 0;
    let failed = 0;
    for (const asset of assets) {
      const { error: updateError } = await supabase.from("assets").update({ price: asset.price }).eq("id", asset.id);
      if (updateError) {${branch}} else {
        updated++;
      }
    }
    return { updated, failed };
  }
`;

// A reset of stuck jobs whose error is only warned, in words that say the run goes on, or not.
const reset = (message: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";

  export async function dispatch(supabase: ReturnType<typeof createClient>, threshold: string) {
    const { error: resetError } = await supabase.from("sync_jobs").update({ status: "pending" }).eq("status", "in_progress").lt("started_at", threshold);
    if (resetError) {
      console.warn("${message}", resetError);
    }
    return runPending(supabase);
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a Firebase HttpsError after a log of the error itself is the callable's error answer", code: callable("error"), filename: "functions/createAlbum.ts" },
    { name: "a project's error given a 500 as an argument after a log of the error itself", code: upload('logger.error({ err: error, key }, "Failed to upload payment proof");'), filename: "src/modules/registrations/registrations.service.ts" },
    { name: "expected errors picked out through a const of the error's text; the others keep it", code: embed("`OpenAI embedding failed: ${errorMessage}`"), filename: "src/app/embed.ts" },
    { name: "an error branch that holds only a comment explaining the carry-on", code: join("\n    // best-effort: continue anyway\n  "), filename: "src/lib/services/groups.service.ts" },
    { name: "an error branch that counts the failure in the answer", code: prices("\n        failed++;\n      "), filename: "supabase/functions/fetch-daily-prices/index.ts" },
    { name: "an error only warned by a line saying the failure is tolerated", code: reset("Error resetting stuck jobs (non-fatal):"), filename: "supabase/functions/dispatch-sync-jobs/index.ts" },
  ],
  invalid: [
    {
      name: "a Firebase HttpsError after a log of the message alone stays reported",
      code: callable("(error as Error).message"),
      filename: "functions/createAlbum.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: "the same 500 with no log of the error stays reported",
      code: upload('logger.error({ key }, "Failed to upload payment proof");'),
      filename: "src/modules/registrations/registrations.service.ts",
      findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: "expected errors mapped while the others lose the text: one finding for the catch",
      code: embed('"OpenAI embedding failed"'),
      filename: "src/app/embed.ts",
      findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 16 }],
      // Reported at the throw every other error reaches; once it keeps the cause, the branches are mapped.
      output: embed('"OpenAI embedding failed", { cause: err }'),
    },
    {
      name: "an error branch that only counts a success elsewhere stays reported",
      code: prices(""),
      filename: "supabase/functions/fetch-daily-prices/index.ts",
      findings: [{ case: "resultErrorIgnored", line: 7, column: 36, endLine: 7, endColumn: 115, suggestions: [{ title: "Throw the error", output: prices("").replace("    if (updateError) {}", "    if (updateError) throw updateError;\n    if (updateError) {}") }] }],
      output: prices("").replace("    if (updateError) {}", '    if (updateError) console.error("update on assets failed", updateError);\n    if (updateError) {}'),
    },
    {
      name: "an error only warned by a line that says nothing of carrying on stays reported",
      code: reset("Error resetting stuck jobs:"),
      filename: "supabase/functions/dispatch-sync-jobs/index.ts",
      findings: [{ case: "resultErrorLogOnly", line: 4, column: 33, endLine: 5, endColumn: 18, suggestions: [{ title: "Throw the error after logging it", output: reset("Error resetting stuck jobs:").replace("resetError);\n  }", "resetError);\n    throw resetError;\n  }") }] }],
      output: null,
    },
    {
      name: "an empty error branch stays reported",
      code: join(""),
      filename: "src/lib/services/groups.service.ts",
      findings: [{ case: "resultErrorIgnored", line: 4, column: 29, endColumn: 110, suggestions: [{ title: "Throw the error", output: join("").replace("  if (incErr) {}", "  if (incErr) throw incErr;\n  if (incErr) {}") }] }],
      output: join("").replace("  if (incErr) {}", '  if (incErr) console.error("update on groups failed", incErr);\n  if (incErr) {}'),
    },
  ],
});
