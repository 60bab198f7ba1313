import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer se29 (the retired held round 31 and the tune part; hand-written
// analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A payment webhook's plan update whose error goes to the file's own helper `helper`, declared as `decl`.
const webhook = (decl: string, branch: string, rest = ""): string => `${decl}\n` + dedent`
  export async function onSubscription(supabase: SupabaseClient, userId: string, plan: string) {
    const { error: planError } = await supabase.from("users").update({ plan }).eq("clerk_user_id", userId);
    if (planError) {
      ${branch}
    }${rest}
  }
`;

const logStep = 'const logStep = (step: string, details?: any) => {\n  const detailsStr = details ? ` - ${JSON.stringify(details)}` : "";\n  console.log(`[STRIPE-WEBHOOK] ${step}${detailsStr}`);\n};';
const stepped = webhook(logStep, 'logStep("ERROR: Failed to update user plan", { error: planError.message });', ' else {\n    logStep("User plan updated", { userId, plan });\n  }');
const declared = webhook('function debugLog(message: string) {\n  if (DEBUG) console.error(message);\n}', 'debugLog("plan update failed");');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a helper named for logging whose body also writes (an audit row): no log line", code: webhook('const logStep = async (step: string) => {\n  console.log(step);\n  await audit.insert({ step });\n};', 'logStep("ERROR: Failed to update user plan");'), filename: "supabase/functions/stripe-webhook/index.ts" },
    { name: "a helper that only prints, not named for logging", code: webhook("const step = (s: string) => console.log(s);", 'step("ERROR: Failed to update user plan");'), filename: "supabase/functions/stripe-webhook/index.ts" },
    { name: "a log helper's if/else outside a webhook (the else rule stands)", code: stepped, filename: "scripts/sync-plans.ts" },
  ],
  invalid: [
    { name: "a webhook's write error only passed to the file's log helper, with a success else", code: stepped, filename: "supabase/functions/stripe-webhook/index.ts", findings: [{ case: "resultErrorLogOnly", line: 6, column: 32, endLine: 7, endColumn: 17, suggestions: [
      { title: "Throw the error after logging it", output: stepped.replace("planError.message });\n", "planError.message });\n    throw planError;\n") },
    ] }], output: null },
    { name: "a function declaration that logs under an if is a log helper; no error added to its call", code: declared, findings: [{ case: "resultErrorLogOnly", line: 5, column: 32, endLine: 6, endColumn: 17, suggestions: [
      { title: "Throw the error after logging it", output: declared.replace('failed");\n', 'failed");\n    throw planError;\n') },
    ] }], output: null },
  ],
});
