import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production CapSoftware/Cap (session 36, triaged blind at 6b5c0b5). Hand-written rows. A name ending in
// `action` holds what a form asks for (`passwordAction === "set"` / `"remove"`), an action mode, not the
// password: like a token compared with a word, it checks a mode. The password beside it stays reported.

const ACTION = '"use server";\nexport async function updateSpace(formData: FormData) {\n  const passwordAction = formData.get("passwordAction");\n  const password = formData.get("password");\n  if (passwordAction === "set") return hashPassword(String(password));\n  if (passwordAction === "remove") return null;\n  if (password === "hunter2024") return "master";\n}\n';

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};

const invalid: InvalidCase[] = [
  {
    name: "a password compared with a literal beside the action mode stays reported",
    code: ACTION,
    filename: "apps/web/actions/organization/update-space.ts",
    findings: [{ case: "suspiciousName", ...span(ACTION, '"hunter2024"'), suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: ACTION.replace('"hunter2024"', '(process.env.PASSWORD ?? (() => { throw new Error("PASSWORD is not set"); })())') },
      { title: "Mark as not a secret…", output: ACTION.replace('  if (password ===', '  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  if (password ===') },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "Express: a password action compared with words", filename: "src/routes/account.js", code: 'router.post("/account", (req, res) => {\n  const { passwordAction, password } = req.body;\n  if (passwordAction === "change") return change(req.user, password);\n  if (req.body.PASSWORD_ACTIONS === "reset") return reset(req.user);\n  res.sendStatus(400);\n});\n' },
    { name: "a form's secret action set as a default", filename: "src/components/SecretForm.tsx", code: 'export const defaults = { secretAction: "rotate", tokenAction: "revoke" };\n' },
  ],
  invalid,
});
