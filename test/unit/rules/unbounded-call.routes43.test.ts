import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 46 (session 43, hsuc): rinfit-chat's five unbounded-call FNs in React Router 7 route modules
// (`app/routes/auth.url.jsx:31/32`, `chat.jsx:579/582`, `auth.callback.jsx:137`). React Router 7's framework mode
// (Remix's successor: `@react-router/node`, `@react-router/serve`, `@react-router/express`, `@react-router/cloudflare`)
// renders on the server, and its route modules export the loader and action the server runs: a `.jsx`/`.tsx` file there
// is the server's unless it says "use client", as in Remix and Next.js. The profile read every `.jsx`/`.tsx` of such a
// project as the browser's (the component's extension) and the rule skipped their calls.

const RR7 = { "package.json": '{ "name": "shop-chat-agent", "type": "module", "dependencies": { "@react-router/dev": "^7.9.1", "@react-router/node": "^7.9.1", "@react-router/serve": "^7.9.1", "react-router": "^7.9.1", "react": "^18.2.0", "react-dom": "^18.2.0", "vite": "^6.0.0" } }' };
// Another style: a React Router 7 app served by Express through its adapter.
const RR7_EXPRESS = { "package.json": '{ "name": "divestreams", "type": "module", "dependencies": { "@react-router/express": "^7.1.0", "react-router": "^7.1.0", "react": "^19.0.0", "react-dom": "^19.0.0", "express": "^4.21.0", "vite": "^6.0.0" } }' };
// A single-page app with React Router's library only (no server runtime): its `.jsx` runs in the browser.
const SPA = { "package.json": '{ "name": "spa", "type": "module", "dependencies": { "react-router": "^7.9.1", "react": "^18.2.0", "react-dom": "^18.2.0", "vite": "^6.0.0" } }' };

// rinfit-chat's style: a loader that caches the shop's well-known URLs.
const AUTH_URL = (options: string) => `export async function loader({ request }) {
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop_id");
  const res = await fetch(\`https://\${shop}/.well-known/openid-configuration\`${options});
  return Response.json({ ok: res.ok });
}

export default function AuthUrl() {
  return <p>Redirecting…</p>;
}
`;
// Another style: a TypeScript action re-downloading an image (divestreams's course catalog).
const REUPLOAD = (options: string) => `import type { ActionFunctionArgs } from "react-router";
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const res = await fetch(String(form.get("externalUrl"))${options});
  return { ok: res.ok };
}
`;
const SIGNAL = ", { signal: AbortSignal.timeout(10000) }";

const valid: ValidCase[] = [
  { name: "the React Router 7 loader's fetch with a signal", code: AUTH_URL(SIGNAL), filename: "app/routes/auth.url.jsx", files: RR7 },
  { name: "the action's fetch with a signal (tsx)", code: REUPLOAD(SIGNAL), filename: "app/routes/admin/reupload.tsx", files: RR7_EXPRESS },
  { name: "a component of a React Router single-page app (no server runtime)", code: AUTH_URL(""), filename: "src/routes/auth.url.jsx", files: SPA },
];

const invalid: InvalidCase[] = [
  { name: "a React Router 7 loader in a .jsx route module, fetch with no timeout", code: AUTH_URL(""), filename: "app/routes/auth.url.jsx", files: RR7, output: null, findings: [
    { case: "call", line: 4, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: AUTH_URL(SIGNAL) }] },
  ] },
  { name: "a React Router 7 action in a .tsx route module (Express adapter), fetch with no timeout", code: REUPLOAD(""), filename: "app/routes/admin/reupload.tsx", files: RR7_EXPRESS, output: null, findings: [
    { case: "call", line: 4, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: REUPLOAD(SIGNAL) }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
