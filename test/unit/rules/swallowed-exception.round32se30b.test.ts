import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer se30, second part (the retired held round 32, with its lead's
// decisions, and production capgo's sampled false findings; hand-written analogues, no fetched code):
// what a log-only or no-op catch leaves out. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A model call whose catch logs and answers \`reply\` to the chat handler.
const answer = (reply: string): string => dedent`
  export async function generateReply(prompt: string) {
    try {
      const result = await model.generateContent(prompt);
      return result.response.text();
    } catch (error) {
      console.error("AI reply failed:", error);
      return ${reply};
    }
  }
`;

// A clean-up method whose try does \`work\` under an existence check.
const cleanup = (work: string): string => dedent`
  import fs from "fs";
  export class Migrator {
    cleanupTempDir() {
      try {
        if (fs.existsSync(TEMP_DIR)) {
          ${work}
        }
      } catch (error) {
        console.error("cleanup failed", error);
      }
    }
  }
`;

// A command that records \`ping\` with a no-op rejection handler.
const command = (ping: string): string => dedent`
  export async function deleteBundle(appId: string, bundleId: string) {
    await removeBundle(appId, bundleId);
    await ${ping}.catch(() => {});
    return true;
  }
`;

// An event sender of the file that opens with \`guard\`, and a command that fires it.
const sender = (guard: string): string => dedent`
  async function sendEvent(key: string, payload: Record<string, unknown>) {
    ${guard}
    await fetch(EVENTS_URL, { method: "POST", headers: { capgkey: key }, body: JSON.stringify(payload) });
  }
  export async function setOrg(key: string, orgId: string) {
    await updateOrg(orgId);
    await sendEvent(key, { event: "Organization Updated", org_id: orgId }).catch(() => {});
  }
`;

// A checkout click whose catch logs the message under \`note\`.
const checkout = (note: string): string => dedent`
  export async function openPayment(sessionUrl: string) {
    try {
      const stripe = await loadStripe(KEY);
      await stripe.redirectToCheckout({ sessionId: sessionUrl });
    } catch (e) {
      console.error("Error opening checkout:", e.message);
      // ${note}
    }
  }
`;

// A script whose \`run\` ends its own failures with \`exit\`, imported from \`from\`.
const script = (from: string): string => dedent`
  import { exit } from "${from}";
  async function run() {
    const email = process.argv[2];
    if (!email) {
      console.error("Usage: node link.mjs <email>");
      exit(1);
    }
    try {
      await sendMagicLink(email);
    } catch (error) {
      console.error("Unexpected error:", error);
      exit(1);
    }
  }
  run().catch(console.error);
`;

// The fixes of a log-only catch: the rethrow, and the ignore comment.
const logOnlyFixes = (code: string, log: string, err: string) => [
  { title: "Rethrow the error", output: code.replace(`${log}\n`, `${log}\n    throw ${err};\n`) },
  { title: "Mark as intentionally ignored…", output: code.replace(`} catch (${err}) {\n`, `} catch (${err}) {\n    // Intentionally ignored: <reason>\n`) },
];

// The fixes of a no-op handler: log and rethrow with \`log\` (its arguments), and the ignore comment.
const noopFixes = (code: string, callee: string, log: string) => [
  { title: "Rethrow in the handler after logging", output: code.replace(`${callee}.catch(() => {});`, `${callee}.catch((err) => {\n    console.error(${log}, err);\n    throw err;\n  });`) },
  { title: "Mark as intentionally ignored…", output: code.replace(`${callee}.catch(() => {});`, `${callee}.catch(() => {\n    // Intentionally ignored: <reason>\n  });`) },
];

// The safe fix of a no-op handler: the error logged in it.
const noopLogged = (code: string, callee: string, log: string): string => code.replace(`${callee}.catch(() => {});`, `${callee}.catch((err) => {\n    console.error(${log}, err);\n  });`);

const madeUp = answer('"Thanks for your message! We will get back to you soon."');
const alsoWrites = cleanup('fs.writeFileSync(LOG_FILE, "cleaned"); fs.rmSync(TEMP_DIR, { recursive: true, force: true });');
const billed = command("trackUsage(appId, 1)");
const billedLogged = noopLogged(billed, "trackUsage(appId, 1)", '"trackUsage failed in deleteBundle", { appId }');
const ownExit = script("./exit");
const ungated = sender("if (!key) return;");
const undone = checkout('Display error to user (e.g., "Failed to open payment. Please try again.")');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a reply that opens with \"I apologize\" says it failed (held round 32)", code: answer('"I apologize, but I am having trouble processing your request. Please try again."') },
    { name: "an Arabic reply that apologizes and says a technical error happened", code: answer('"أعتذر، حدث خطأ تقني. يرجى المحاولة مرة أخرى."') },
    { name: "a clean-up method's delete under an existence check, its failure logged (held round 32)", code: cleanup('fs.rmSync(TEMP_DIR, { recursive: true, force: true });\n          console.log("cleaned up");') },
    { name: "a no-op handler on a sender that turns itself off with a telemetry setting (capgo)", code: sender("if (isTruthy(env.APP_DISABLE_TELEMETRY)) return;") },
    { name: "a script's run() that ends its own failures with exit from node:process (capgo)", code: script("node:process") },
    { name: "a comment that explains why the click may fail quietly", code: checkout("Stripe.js shows its own error page when the redirect fails") },
  ],
  invalid: [
    { name: "neighbour: a made-up reply that says nothing of the failure", code: madeUp, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: madeUp.replace('    return "Thanks for your message! We will get back to you soon.";\n', "    throw error;\n") },
      { title: "Mark as intentionally ignored…", output: madeUp.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: a clean-up step that also writes", code: alsoWrites, findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: alsoWrites.replace('failed", error);\n', 'failed", error);\n      throw error;\n') },
      { title: "Mark as intentionally ignored…", output: alsoWrites.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: a tracking helper known only by its name (the labelled sets: a finding)", code: billed, findings: [{ case: "promiseCatchNoop", line: 3, column: 36, endColumn: 44, suggestions: noopFixes(billed, "trackUsage(appId, 1)", '"trackUsage failed in deleteBundle", { appId }') }], output: noopLogged(billed, "trackUsage(appId, 1)", '"trackUsage failed in deleteBundle", { appId }') },
    { name: "neighbour: the same, its failure only logged", code: billedLogged, findings: [{ case: "promiseCatchLogOnly", line: 3, column: 36, endLine: 5, endColumn: 4, suggestions: [
      { title: "Rethrow in the handler after logging", output: billedLogged.replace("{ appId }, err);\n", "{ appId }, err);\n    throw err;\n") },
      { title: "Mark as intentionally ignored…", output: billedLogged.replace(".catch((err) => {\n", ".catch((err) => {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: a project's own exit may do anything", code: ownExit, findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: ownExit.replace("    exit(1);\n  }\n}", "    exit(1);\n    throw error;\n  }\n}") },
      { title: "Mark as intentionally ignored…", output: ownExit.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }, { case: "promiseCatchLogOnly", line: 15, column: 13, endColumn: 26, suggestions: [
      { title: "Set process.exitCode after logging", output: ownExit.replace("run().catch(console.error);", "run().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});") },
    ] }], output: null },
    { name: "neighbour: a sender without a telemetry setting", code: ungated, findings: [{ case: "promiseCatchNoop", line: 7, column: 80, endColumn: 88, suggestions: noopFixes(ungated, 'sendEvent(key, { event: "Organization Updated", org_id: orgId })', '"sendEvent failed in setOrg", { key, orgId }') }], output: noopLogged(ungated, 'sendEvent(key, { event: "Organization Updated", org_id: orgId })', '"sendEvent failed in setOrg", { key, orgId }') },
    { name: "a comment that asks for the missing handling is a to-do (held round 32)", code: undone, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 14, suggestions: logOnlyFixes(undone, 'console.error("Error opening checkout:", e.message);', "e") }], output: null },
  ],
});
