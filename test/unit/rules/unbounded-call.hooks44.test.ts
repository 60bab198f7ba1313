import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 44 (hsuc), production umami's `src/lib/fetch.ts:24`, an unbounded-call/call false finding: a module of a
// Next.js app imported only by client hooks. Besides React's state and effect hooks (session 41), an importer that calls
// React's `useContext` (not in React's server build), a Next.js navigation hook (`usePathname`, `useSearchParams`,
// `useRouter`, `useParams`: Next's "Client Component hooks") or a TanStack Query hook (`useQuery`, `useMutation`…, which
// read the `QueryClientProvider`'s context) is a client module, so the helper runs in the browser. `useCallback` and
// `useMemo`, which a server component may call, say nothing; a route importing the helper too keeps it reported.

const NEXT_APP = { "package.json": '{ "name": "umami", "dependencies": { "next": "15.3.0", "react": "19.0.0", "@tanstack/react-query": "^5.0.0" } }\n' };

// umami's style: a fetch helper in src/lib, read by a hook module under src/components/hooks.
const FETCH = dedent`
  export async function request(method: string, url: string, body?: string, headers: object = {}) {
    const res = await fetch(url, { method, cache: "no-cache", headers: { Accept: "application/json", ...headers }, body });
    return { ok: res.ok, status: res.status, data: await res.json() };
  }

  export const httpGet = (url: string, headers?: object) => request("GET", url, undefined, headers);
`;
const USE_API = (hooks: string, body: string) => `import { ${hooks} } from "${hooks.startsWith("usePathname") ? "next/navigation" : hooks.startsWith("useQuery") ? "@tanstack/react-query" : "react"}";
import { httpGet } from "@/lib/fetch";

export function useApi() {
  ${body}
  return { get: (url: string) => httpGet(url, headers) };
}
`;
const PATHNAME = USE_API("usePathname", "const headers = usePathname()?.startsWith(\"/share\") ? { \"x-share\": \"1\" } : {};");
const QUERY = USE_API("useQuery", "const headers = {};\n  useQuery({ queryKey: [\"me\"], queryFn: () => httpGet(\"/api/me\") });");
const CONTEXT = USE_API("useContext, createContext", "const headers = useContext(createContext({}));");
const CALLBACK = USE_API("useCallback", "const headers = {};\n  useCallback(() => null, []);");
const ROUTE = 'import { httpGet } from "@/lib/fetch";\nexport async function GET() {\n  return Response.json(await httpGet("https://api.acme.io/stats"));\n}\n';
const TSCONFIG = { "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n' };

const reported: InvalidCase["findings"] = [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: FETCH.replace("body });", "body, signal: AbortSignal.timeout(10000) });") }] }];

const valid: ValidCase[] = [
  { name: "a helper imported only by a hook that calls usePathname (umami)", code: FETCH, filename: "src/lib/fetch.ts", files: { ...NEXT_APP, ...TSCONFIG, "src/components/hooks/useApi.ts": PATHNAME } },
  { name: "a helper imported only by a hook that calls TanStack's useQuery", code: FETCH, filename: "src/lib/fetch.ts", files: { ...NEXT_APP, ...TSCONFIG, "src/components/hooks/useApi.ts": QUERY } },
  { name: "a helper imported only by a hook that calls useContext", code: FETCH, filename: "src/lib/fetch.ts", files: { ...NEXT_APP, ...TSCONFIG, "src/components/hooks/useApi.ts": CONTEXT } },
];

const invalid: InvalidCase[] = [
  { name: "neighbour: the only importer calls useCallback, which a server component may call", code: FETCH, filename: "src/lib/fetch.ts", files: { ...NEXT_APP, ...TSCONFIG, "src/components/hooks/useApi.ts": CALLBACK }, findings: reported, output: null },
  { name: "neighbour: a route imports the helper too", code: FETCH, filename: "src/lib/fetch.ts", files: { ...NEXT_APP, ...TSCONFIG, "src/components/hooks/useApi.ts": PATHNAME, "src/app/api/stats/route.ts": ROUTE }, findings: reported, output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
