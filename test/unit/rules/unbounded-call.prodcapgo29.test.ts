import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production capgo (eval/production, seed 20261243), session 29, developer prodhs29: a loop that
// waits for a person at an interactive prompt each turn (`while (true)` around `await pText({ message:
// 'Type "ready"…' })`, cli/src/init/command.ts:925 and :1670) and a recursion that calls itself again
// only after the person answered a prompt (`if (retry) return uploadBundle(appid, options)` after `await
// pConfirm(…)`, cli/src/bundle/upload.ts:1983) repeat nothing on their own: a person decides each
// attempt. A prompt skipped on some turns (under an `if`, after a `continue`) leaves the retry as it
// was. Hand-written rows.

// The "Type ready" loop, with the project's own prompt module (`./prompts`, an Ink wrapper) or @clack/prompts.
const READY = (spec: string, body = "") => dedent`
  import { isCancel as pIsCancel, text as pText } from "${spec}";
  export async function waitUntilSetupIsDone(orgId: string) {
    while (true) {
      const ready = await pText({ message: 'Type "ready" when the setup is done.', placeholder: "ready" });
      if (pIsCancel(ready)) {
        await markSnag(orgId, "canceled");
        continue;
      }${body}
      if (typeof ready === "string" && ready.trim().toLowerCase() === "ready")
        return;
    }
  }
`;

// A retry loop whose failure path asks the person first (inquirer), or whose turn starts with readline's question.
const INQUIRER = dedent`
  import inquirer from "inquirer";
  export async function deploy(api: { deploy(): Promise<string> }) {
    while (true) {
      try {
        return await api.deploy();
      } catch (err) {
        const { again } = await inquirer.prompt([{ type: "confirm", name: "again", message: "Deploy failed, try again?" }]);
        if (!again) throw err;
      }
    }
  }
`;
const READLINE = dedent`
  import * as readline from "node:readline";
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  export async function pull(url: string) {
    while (true) {
      await new Promise((resolve) => rl.question("Press enter to pull the latest build ", resolve));
      const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
      if (res.ok) return res.json();
    }
  }
`;

// The upload that asks before it calls itself again: under a test of the answer, after a guarded exit,
// or through a function of the file that asks (`selectRecoveryOption` around `select`).
const UPLOAD = (...failure: string[]) => [
  'import { confirm as pConfirm, isCancel as pIsCancel, select as pSelect } from "@clack/prompts";',
  "async function selectRecoveryOption(message: string) {",
  "  while (true) {",
  '    const choice = await pSelect({ message, options: [{ value: "retry", label: "Retry" }, { value: "skip", label: "Skip" }] });',
  "    if (!pIsCancel(choice)) return choice;",
  "  }",
  "}",
  "export async function uploadBundle(appid: string, options: { ignoreChecksumCheck?: boolean }): Promise<void> {",
  "  try {",
  "    await sendBundle(appid, options);",
  "  } catch (error) {",
  ...failure.map((line) => `    ${line}`),
  "    throw error;",
  "  }",
  "}",
  "",
].join("\n");

// The same loop asking the service first, and going round on a 503 before the prompt.
const EARLY = READLINE.replace("  while (true) {\n    await new Promise", "  while (true) {\n    const early = await fetch(url, { signal: AbortSignal.timeout(10000) });\n    if (early.ok) return early.json();\n    if (early.status === 503) continue;\n    await new Promise");
const WAIT = "    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n";

const ASK = 'const retry = await pConfirm({ message: "Would you like to retry the upload?" });';
// The prompt only where there is a terminal: in CI the failure calls the upload again at once.
const TTY_ONLY = UPLOAD("if (process.stdout.isTTY) {", `  ${ASK}`, "  if (!retry) throw error;", "}", "return uploadBundle(appid, options);");

// This table declares only the case its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "retry")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { code: READY("./prompts"), filename: "cli/src/init/command.ts" },
    { code: READY("@clack/prompts"), filename: "cli/src/init/command.ts" },
    { code: INQUIRER, filename: "cli/src/deploy.ts" },
    { code: READLINE, filename: "cli/src/pull.ts" },
    { code: UPLOAD(ASK, "if (retry) return uploadBundle(appid, options);"), filename: "cli/src/bundle/upload.ts" },
    { code: UPLOAD(ASK, "if (pIsCancel(retry) || !retry) throw error;", "return uploadBundle(appid, options);"), filename: "cli/src/bundle/upload.ts" },
    { code: UPLOAD('const choice = await selectRecoveryOption("Upload failed. What do you want to do?");', 'if (choice === "retry") return uploadBundle(appid, { ...options, ignoreChecksumCheck: true });'), filename: "cli/src/bundle/upload.ts" },
  ],
  invalid: [
    {
      name: "a prompt asked only on some failures leaves the other failures retried at once",
      code: TTY_ONLY,
      filename: "cli/src/bundle/upload.ts",
      findings: [{ case: "retry", line: 16, column: 12, endColumn: 40, suggestions: [{ title: "Wait 5000 ms before trying again", output: TTY_ONLY.replace("    return uploadBundle", "    await new Promise((resolve) => setTimeout(resolve, 5000));\n    return uploadBundle") }] }],
      output: null,
    },
    {
      name: "a loop that goes round before its prompt retries the failure at once",
      code: EARLY,
      filename: "cli/src/pull.ts",
      findings: [{ case: "retry", line: 4, column: 3, endColumn: 8, suggestions: [{ title: "Wait between attempts and give up after 5", output: EARLY.replace("  while (true) {\n", "  let attempt = 0;\n  while (true) {\n").replace("    if (res.ok) return res.json();\n", `    if (res.ok) return res.json();\n    if (++attempt >= 5) throw new Error("Gave up after 5 attempts");\n${WAIT}`) }] }],
      output: null,
    },
  ],
});
