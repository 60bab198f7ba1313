import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Retired held round 33 (session 31, hs31): suspiciousName recall classes of tikitaka's sign-up scripts and
// push notifications. Hand-written rows, fake values.
// - A web-push VAPID private key: under a name that says so (`VAPID_PRIVATE`, `vapidPrivate`), and as the
//   third argument of `setVapidDetails(subject, publicKey, privateKey)`, which signs every push request.
// - A credential in a header of a shell command held in a string (`execSync('curl … -H "x-api-key: …"')`,
//   `-H "Authorization: Bearer …"`): a secret-named header with a random-looking value, named by the header.
// - A password typed by a script's own typing helper, the password field's selector just before the value
//   (`cdpType(client, page, "#password", "…")`), and by `page.keyboard.type("…")` right after a click on the
//   password field (`page.mouse.click(pwField.x, pwField.y)`).

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string, before: string, id = "suspiciousName") => code.replace(before, `${/^ */.exec(before)![0]}// hardening-hints-ignore-next-line hardcoded-secret/${id} -- <reason>\n${before}`);
const read = (env: string) => `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`;
const move = (code: string, literal: string, env: string) => code.replace(literal, `(${read(env)})`);

const VAPID = 'import webpush from "web-push";\nconst VAPID_PUBLIC = "BNYhhxgzt7qDXmsp0ytjm6_sqyR62wioYxGFTHn05CLg";\nconst VAPID_PRIVATE = "Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1";\nwebpush.setVapidDetails("mailto:ops@acme.io", VAPID_PUBLIC, VAPID_PRIVATE);\n';
const VAPID_ARG = 'import webpush from "web-push";\nwebpush.setVapidDetails("mailto:ops@acme.io", process.env.VAPID_PUBLIC_KEY!, "Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1");\n';
const CURL = 'import { execSync } from "node:child_process";\nexport const inbox = () => execSync(\'curl -s "https://api.mailbox.io/v1/messages" -H "x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw"\');\n';
const CURL_T = 'import { execSync } from "node:child_process";\nexport const message = (id: string) => execSync(`curl -s "https://api.mailbox.io/v1/messages/${id}" -H "x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw"`);\n';
const CURL_DENO = "export const inbox = () => new Deno.Command('curl', { args: ['-s', 'https://api.mailbox.io/v1/messages', '-H', 'x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw'] }).output();\nexport const raw = 'curl -s https://api.mailbox.io/v1/messages -H \"x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw\"';\n";
const CURL_BEARER = 'export const command = \'curl -H "Authorization: Bearer Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb9" https://api.acme.io/v1/me\';\n';
const HELPER = 'export async function signUp(client: unknown, page: unknown) {\n  await cdpType(client, page, "#email", "ops@acme.io");\n  await cdpType(client, page, "#password", "Zq8p!v1p_2026#secure");\n}\ndeclare function cdpType(c: unknown, p: unknown, selector: string, text: string): Promise<void>;\n';
const KEYBOARD = 'export async function signUp(page: any, pwField: { x: number; y: number }) {\n  await page.mouse.click(pwField.x, pwField.y);\n  await page.keyboard.press("Backspace");\n  await page.keyboard.type("Zq8p!v1p_2026#secure", { delay: 60 });\n}\n';

const invalid: InvalidCase[] = [
  {
    name: "a VAPID private key under a name that says so",
    code: VAPID,
    findings: [{ case: "suspiciousName", ...span(VAPID, '"Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1"'), suggestions: [
      { title: "Move secret to process.env.VAPID_PRIVATE", output: VAPID.replace('"Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1"', read("VAPID_PRIVATE")) },
      { title: "Mark as not a secret…", output: mark(VAPID, "const VAPID_PRIVATE") },
    ] }],
    output: null,
  },
  {
    name: "a VAPID private key passed to setVapidDetails",
    code: VAPID_ARG,
    findings: [{ case: "signingSecret", ...span(VAPID_ARG, '"Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1"'), suggestions: [
      { title: "Move secret to process.env.VAPID_PRIVATE_KEY", output: VAPID_ARG.replace('"Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1"', read("VAPID_PRIVATE_KEY")) },
      { title: "Mark as not a secret…", output: mark(VAPID_ARG, "webpush.setVapidDetails", "signingSecret") },
    ] }],
    output: null,
  },
  {
    name: "an API key in a curl command's header",
    code: CURL,
    findings: [{ case: "suspiciousName", ...span(CURL, '\'curl -s "https://api.mailbox.io/v1/messages" -H "x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw"\''), suggestions: [
      { title: "Move secret to process.env.MAILBOX_API_KEY", output: CURL.replace('\'curl -s "https://api.mailbox.io/v1/messages" -H "x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw"\'', `\`curl -s "https://api.mailbox.io/v1/messages" -H "x-api-key: \${${read("MAILBOX_API_KEY")}}"\``) },
      { title: "Mark as not a secret…", output: mark(CURL, "export const inbox") },
    ] }],
    output: null,
  },
  {
    name: "an API key in a curl command template: only marked (the template's parts are code)",
    code: CURL_T,
    findings: [{ case: "suspiciousName", ...span(CURL_T, '`curl -s "https://api.mailbox.io/v1/messages/${id}" -H "x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw"`'), suggestions: [
      { title: "Mark as not a secret…", output: mark(CURL_T, "export const message") },
    ] }],
    output: null,
  },
  {
    name: "a curl command's key in a Supabase Edge Function moves to Deno.env",
    code: CURL_DENO,
    filename: "supabase/functions/inbox/index.ts",
    files: { "supabase/functions/inbox/deno.json": "{}" },
    findings: [{ case: "suspiciousName", ...span(CURL_DENO, "'curl -s https://api.mailbox.io/v1/messages -H \"x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw\"'"), suggestions: [
      { title: "Move secret to Deno.env.get('MAILBOX_API_KEY')", output: CURL_DENO.replace("'curl -s https://api.mailbox.io/v1/messages -H \"x-api-key: ak_Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw\"'", "`curl -s https://api.mailbox.io/v1/messages -H \"x-api-key: ${Deno.env.get('MAILBOX_API_KEY') ?? (() => { throw new Error('MAILBOX_API_KEY is not set'); })()}\"`") },
      { title: "Mark as not a secret…", output: mark(CURL_DENO, "export const raw") },
    ] }],
    output: null,
  },
  {
    name: "a Bearer token in a curl command's Authorization header",
    code: CURL_BEARER,
    findings: [{ case: "suspiciousName", ...span(CURL_BEARER, '\'curl -H "Authorization: Bearer Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb9" https://api.acme.io/v1/me\''), suggestions: [
      { title: "Move secret to process.env.ACME_API_TOKEN", output: CURL_BEARER.replace('\'curl -H "Authorization: Bearer Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb9" https://api.acme.io/v1/me\'', `\`curl -H "Authorization: Bearer \${${read("ACME_API_TOKEN")}}" https://api.acme.io/v1/me\``) },
      { title: "Mark as not a secret…", output: mark(CURL_BEARER, "export const command") },
    ] }],
    output: null,
  },
  {
    name: "a password typed by the script's own typing helper into the password field",
    code: HELPER,
    findings: [{ case: "suspiciousName", ...span(HELPER, '"Zq8p!v1p_2026#secure"'), suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: move(HELPER, '"Zq8p!v1p_2026#secure"', "PASSWORD").replace(`(${read("PASSWORD")})`, read("PASSWORD")) },
      { title: "Mark as not a secret…", output: mark(HELPER, '  await cdpType(client, page, "#password"') },
    ] }],
    output: null,
  },
  {
    name: "a password typed with the keyboard right after a click on the password field",
    code: KEYBOARD,
    findings: [{ case: "suspiciousName", ...span(KEYBOARD, '"Zq8p!v1p_2026#secure"'), suggestions: [
      { title: "Move secret to process.env.PASSWORD", output: KEYBOARD.replace('"Zq8p!v1p_2026#secure"', read("PASSWORD")) },
      { title: "Mark as not a secret…", output: mark(KEYBOARD, "  await page.keyboard.type") },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "a VAPID public key", code: 'export const VAPID_PUBLIC = "BNYhhxgzt7qDXmsp0ytjm6_sqyR62wioYxGFTHn05CLgllIedJb5TzKsrNFpm2Fxxc4EOIwO3zKPvVKgiOeucpo";\n' },
    { name: "a VAPID private key read from the environment", code: 'import webpush from "web-push";\nwebpush.setVapidDetails("mailto:ops@acme.io", process.env.VAPID_PUBLIC_KEY!, process.env.VAPID_PRIVATE_KEY!);\n' },
    { name: "curl commands whose header holds a placeholder", code: 'export const docs = [\n  \'curl -H "Authorization: Bearer YOUR_API_KEY" https://api.acme.io/v1/me\',\n  \'curl -H "x-api-key: sk-your-api-key" https://api.acme.io/v1/me\',\n  \'curl -H "Authorization: Bearer oc_live_YOUR_KEY" https://api.acme.io/v1/me\',\n];\n' },
    { name: "a curl command whose header value is interpolated", code: 'export const example = (key: string) => `curl -H "x-api-key: ${key}" https://api.acme.io/v1/me`;\n' },
    { name: "a curl command with a Supabase anon key", code: 'export const ping = \'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIn0.Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb8NcJ3hYs6" https://x.supabase.co/rest/v1/\';\n' },
    { name: "a curl command whose header is no credential", code: 'export const command = \'curl -H "x-request-id: Zq8pL2vWk3HqT5nBq7LmZ2pR9tKw4Vb9" https://api.acme.io/v1/me\';\n' },
    { name: "a show-password toggle setting the field's type", code: 'export async function reveal() {\n  await setInputType("#password", "text");\n}\ndeclare function setInputType(selector: string, type: string): Promise<void>;\n' },
    { name: "a typing helper filling a field that is no password field", code: 'export async function signUp(client: unknown, page: unknown) {\n  await cdpType(client, page, "#name", "Zq8p!v1p_2026#secure");\n}\ndeclare function cdpType(c: unknown, p: unknown, selector: string, text: string): Promise<void>;\n' },
    { name: "a typed password in an end-to-end test's typing helper", filename: "e2e/signup.spec.ts", code: 'export async function signUp(page: unknown) {\n  await typeInto(page, "#password", "admin123");\n}\ndeclare function typeInto(p: unknown, selector: string, text: string): Promise<void>;\n' },
    { name: "keyboard text typed after a click on another field", code: 'export async function signUp(page: any, pwField: { x: number; y: number }, emailField: { x: number; y: number }) {\n  await page.mouse.click(pwField.x, pwField.y);\n  await page.mouse.click(emailField.x, emailField.y);\n  await page.keyboard.type("Zq8p!v1p_2026#secure");\n}\n' },
    { name: "keyboard text typed with no click before it", code: 'export async function search(page: any) {\n  await page.keyboard.type("Zq8p!v1p_2026#secure");\n}\n' },
  ],
  invalid,
});
