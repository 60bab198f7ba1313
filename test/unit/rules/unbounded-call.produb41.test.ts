import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 41, developer produb41: production growthbook, sampled false findings (browser code). A module
// of a Next.js app imported only by modules that call React's state or effect hooks runs in the browser, as one
// imported only by `"use client"` components does: a server component may not call those hooks, so such an importer is
// a pages-router component (growthbook's `services/importing/statsig-importing.ts`, imported by
// `components/importing/ImportFromStatsig/ImportFromStatsig.tsx`) or a client hook (hand-made below, in JavaScript with
// axios). A test importing it too is the suite's import, not the product's.

const PAGES_APP = { "package.json": '{ "name": "front-end", "dependencies": { "next": "14.2.0", "react": "18.3.0", "react-dom": "18.3.0" } }\n' };

// growthbook's style: a TypeScript service of the front-end, a pages-router component and a test importing it.
const STATSIG = dedent`
  export async function fetchStatsig(apiKey: string, path: string) {
    const res = await fetch(\`https://statsigapi.net/console/v1/\${path}\`, { headers: { "STATSIG-API-KEY": apiKey } });
    if (!res.ok) throw new Error(\`Statsig: \${res.status}\`);
    return res.json();
  }
`;
const IMPORT_FORM = dedent`
  import { useState } from "react";
  import { fetchStatsig } from "../../services/statsig-importing";

  export default function ImportFromStatsig() {
    const [gates, setGates] = useState([]);
    return <button onClick={async () => setGates(await fetchStatsig("key", "gates"))}>Import ({gates.length})</button>;
  }
`;
const IMPORT_TEST = 'import { fetchStatsig } from "../services/statsig-importing";\nit("builds the path", () => { expect(typeof fetchStatsig).toBe("function"); });\n';

// Another style: plain JavaScript with axios, reached through a hook module under components/hooks.
const HTTP = dedent`
  import axios from "axios";

  export async function httpGet(url, params) {
    const { data } = await axios.get(url, { params });
    return data;
  }
`;
const USE_API = 'import { useEffect, useState } from "react";\nimport { httpGet } from "../../lib/fetch";\nexport function useApi(url) {\n  const [d, setD] = useState(null);\n  useEffect(() => { httpGet(url).then(setD); }, [url]);\n  return d;\n}\n';
const AXIOS_APP = { "package.json": '{ "name": "analytics", "dependencies": { "next": "15.0.0", "react": "19.0.0", "axios": "^1.7.0" } }\n' };

const valid: ValidCase[] = [
  { name: "a front-end service imported by a pages-router component that calls useState, and by a test (growthbook)", code: STATSIG, filename: "services/statsig-importing.ts", files: { ...PAGES_APP, "components/importing/ImportFromStatsig.tsx": IMPORT_FORM, "test/statsig.test.ts": IMPORT_TEST } },
  { name: "another style: an axios helper imported only by a hook under components/hooks that calls useEffect", code: HTTP, filename: "src/lib/fetch.js", files: { ...AXIOS_APP, "src/components/hooks/useApi.js": USE_API } },
];

// A pages-router page that fetches on the server too (getServerSideProps), whatever hooks it calls.
const SSR_PAGE = dedent`
  import { useState } from "react";
  import { fetchStatsig } from "../services/statsig-importing";

  export async function getServerSideProps() {
    return { props: { gates: await fetchStatsig("key", "gates") } };
  }
  export default function Gates({ gates }) {
    const [open, setOpen] = useState(false);
    return <button onClick={() => setOpen(!open)}>{gates.length}</button>;
  }
`;

const reported: InvalidCase["findings"] = [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: STATSIG.replace('{ headers: { "STATSIG-API-KEY": apiKey } }', '{ headers: { "STATSIG-API-KEY": apiKey }, signal: AbortSignal.timeout(10000) }') }] }];

const invalid: InvalidCase[] = [
  { name: "neighbour: the service is imported by nothing but a test", code: STATSIG, filename: "services/statsig-importing.ts", files: { ...PAGES_APP, "test/statsig.test.ts": IMPORT_TEST }, findings: reported, output: null },
  { name: "neighbour: a page that also fetches in getServerSideProps imports it", code: STATSIG, filename: "services/statsig-importing.ts", files: { ...PAGES_APP, "components/importing/ImportFromStatsig.tsx": IMPORT_FORM, "pages/gates.tsx": SSR_PAGE }, findings: reported, output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
