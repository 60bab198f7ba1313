import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 33, developer se33b: a log-only catch around an awaited helper that answers its own
// failures (its work in a try whose catch logs and returns `false`, `null` or a fallback). The helper
// cannot reject, so nothing reaches the caller's catch (held rounds 23 to 25, "a catch whose helpers
// all end their own failures"); now also for a helper another module exports (ES `export`, CommonJS
// `module.exports`), a result kept (`const s = await h()`, `x = await h()`, `return await h()`), and
// a one-line delegate to such a helper. Hand-written analogues, no fetched code.

// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A CommonJS SMS module whose sender answers `false` for every failure; `handler` is its catch.
const smsModule = (handler = 'console.error("sms send error:", err.message);\n    return false;', head = "if (!API_KEY) { console.warn(\"sms not configured\"); return false; }"): string => dedent`
  const API_KEY = process.env.SMS_API_KEY;

  async function sendSms(to, text) {
    ${head}
    try {
      const res = await postJson("https://sms.example.test/messages", { to, text });
      return res.status === 201;
    } catch (err) {
      ${handler}
    }
  }

  module.exports = { sendSms };
`;

// A reminder job that texts a member and goes on with its push fallback.
const REMINDER = dedent`
  const { sendSms } = require("./sms");

  async function remind(member, text) {
    if (member.phone) {
      try { await sendSms(member.phone, text); } catch (e) { console.error("sms reminder failed:", e.message); }
    }
    await pushFallback(member, text);
  }

  module.exports = { remind };
`;

// An ES module store whose reader answers `null` (or a fallback) for every failure.
const sessionStore = dedent`
  import { readFile } from "node:fs/promises";
  import { join } from "node:path";

  export async function readJson<T>(dir: string, id: string, fallback: T): Promise<T> {
    const file = join(dir, \`\${id}.json\`);
    try {
      const raw = await readFile(file, "utf8");
      return JSON.parse(raw) as T;
    } catch (error) {
      if (error instanceof Error && error.message.includes("ENOENT")) return fallback;
      logger.warn(\`could not read \${file}\`, error);
      return fallback;
    }
  }

  export const loadPrefs = (userId: string) => readJson(PREFS_DIR, userId, {});
`;

const prefsCaller = (line: string): string => dedent`
  import { readJson, loadPrefs } from "./store";

  export async function prefsFor(userId: string) {
    let prefs = {};
    try {
      ${line}
    } catch (err) {
      logger.error("prefs load failed", err);
    }
    return prefs;
  }
`;

// The caller that keeps the reader's answer.
const KEPT = prefsCaller("prefs = await readJson(PREFS_DIR, userId, {});");

// The reader and a caller in one file: the reader's own catch is judged where it answers the fallback.
const OWN_FILE = sessionStore + "\nexport async function prefsOrEmpty(userId: string) {\n  try {\n    return await readJson(PREFS_DIR, userId, {});\n  } catch (err) {\n    logger.error(\"prefs load failed\", err);\n  }\n}\n";

function stillReported(name: string, files: Record<string, string>): InvalidCase {
  return {
    name,
    code: REMINDER,
    filename: "src/reminder.js",
    files,
    findings: [{ case: "logAndContinue", line: 5, column: 48, endColumn: 57, suggestions: [{ title: "Mark as intentionally ignored…", output: REMINDER.replace("catch (e) { console", "catch (e) { /* Intentionally ignored: <reason> */ console") }] }],
    output: null,
  };
}

new RuleTester().run(narrowed, {
  valid: [
    { name: "a CommonJS helper of another module whose catch logs and answers false: nothing reaches the caller's catch", code: REMINDER, filename: "src/reminder.js", files: { "src/sms.js": smsModule() } },
    { name: "the helper's result kept in a local", code: prefsCaller("prefs = await readJson(PREFS_DIR, userId, {});"), filename: "src/prefs.ts", files: { "src/store.ts": sessionStore } },
    { name: "a one-line delegate exported as a const, followed to the reader it hands the call to", code: prefsCaller("prefs = await loadPrefs(userId);"), filename: "src/prefs.ts", files: { "src/store.ts": sessionStore } },
  ],
  invalid: [
    {
      name: "the helper in the caller's own file, its answer returned from the try: only the helper's catch is reported",
      code: OWN_FILE,
      filename: "src/store.ts",
      findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: OWN_FILE.replace("(error) {\n", "(error) {\n    // Intentionally ignored: <reason>\n") }] }],
      output: null,
    },
    stillReported("the helper's catch only logs (the caller is told nothing): stays reported", { "src/sms.js": smsModule('console.error("sms send error:", err.message);') }),
    stillReported("the helper's catch rethrows: stays reported", { "src/sms.js": smsModule('console.error("sms send error:", err.message);\n    throw err;') }),
    stillReported("the helper awaits a call before its try: it may reject, stays reported", { "src/sms.js": smsModule(undefined, "await refreshToken();") }),
    stillReported("the module is not in the project: stays reported", {}),
    {
      name: "a reader whose try hands back an unawaited promise: its rejection passes the reader's catch, stays reported",
      code: KEPT,
      filename: "src/prefs.ts",
      files: { "src/store.ts": sessionStore.replace("return JSON.parse(raw) as T;", "return fetchPrefs(raw);") },
      findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: KEPT.replace('failed", err);\n', 'failed", err);\n    throw err;\n') }, { title: "Mark as intentionally ignored…", output: KEPT.replace("(err) {\n", "(err) {\n    // Intentionally ignored: <reason>\n") }] }],
      output: null,
    },
  ],
});
