import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 45, developer produb2: production homepage (gethomepage/homepage) and OpenSign (OpenSignLabs/OpenSign),
// triaged blind at cebb3c43.
// - A request value only the key of the `memory-cache` module's store (`cache.get(`${prefix}.${service}`)`,
//   `cache.put(key, token, ttl)`): the process's in-memory store of server-written entries, no use (homepage's widget
//   proxies, `src/widgets/npm/proxy.js:39`). Another cache module's key, and a request value stored as the entry, stay uses.
// - `const extUser = localStorage.getItem("k") && JSON.parse(localStorage.getItem("k"))?.[0]` into a local no code reads:
//   decided as the local is (OpenSign `DocumentsReport.jsx:208`). Read, it stays a use.
// - `if (extClass && extClass.length > 0)` and `extClass?.[0]?.UserRole !== "contracts_User"`: a count of a value tested
//   present in the same test, compared with a number, and a first element's field through optional links compared with
//   a literal: booleans only (OpenSign `ReportJson.js:507`). A plain element read stays a use.
// - The app's own rows read through its Parse Server's REST API (`/classes/…`, `/users/me`, the request sending the
//   `X-Parse-Application-Id` header): info, low confidence (`parseServerRows`; OpenSign `docxtopdf.js:133`, `:140`). A
//   cloud function's reply (`/functions/…`), or a `/classes/` path without the header, stays at warning.

const PKG = { "package.json": '{ "dependencies": { "next": "^14.0.0", "memory-cache": "^0.2.0", "react": "^18.0.0" } }' };

const proxy = (binding: string) => dedent`
  ${binding}
  import getServiceWidget from "utils/config/service-helpers";

  export default async function npmProxyHandler(req, res) {
    const { group, service } = req.query;
    const widget = await getServiceWidget(group, service);
    if (!widget) return res.status(403).json({ error: "Unknown service" });
    let token = cache.get(\`npmProxyHandler__token.\${service}\`);
    if (!token) {
      token = await login(widget.url);
      cache.put(\`npmProxyHandler__token.\${service}\`, token, 60000);
    }
    return res.json({ token });
  }
`;
const MEMORY_CACHE = proxy('import cache from "memory-cache";');
const MEMORY_CACHE_REQUIRE = proxy('const cache = require("memory-cache");');
const OTHER_CACHE = proxy('import cache from "./redis-cache";');
const STORED_VALUE = dedent`
  import cache from "memory-cache";

  export default async function handler(req, res) {
    cache.put("last-search", req.query.q);
    return res.json({ ok: true });
  }
`;

const guardedLocal = (after: string) => dedent`
  export function useMailDefaults(tenantDetails, setSubject) {
    const extUser =
      localStorage.getItem("Extand_Class") &&
      JSON.parse(localStorage.getItem("Extand_Class"))?.[0];
    setSubject(tenantDetails?.RequestSubject ?? "");${after}
  }
`;
const GUARDED_UNREAD = guardedLocal("");
const GUARDED_READ = guardedLocal('\n  setSubject(extUser.Name.trim());');

const actions = (roleRead: string) => dedent`
  export function templateActions(templateAct) {
    const Extand_Class = localStorage.getItem("Extand_Class");
    const extClass = Extand_Class && JSON.parse(Extand_Class);
    let actions = templateAct;
    if (extClass && extClass.length > 0) {
      if (${roleRead} !== "contracts_User") {
        actions = templateAct.filter((item) => item.action !== "option");
      }
    }
    return actions;
  }
`;
const COUNTED_COMPARED = actions("extClass?.[0]?.UserRole");
const gate = (test: string) => dedent`
  export function canEdit() {
    const Extand_Class = localStorage.getItem("Extand_Class");
    const extClass = Extand_Class && JSON.parse(Extand_Class);
    if (${test}) return "editor";
    return "viewer";
  }
`;
const COUNTED_ONLY = gate("extClass && extClass.length > 0");
const COMPARED_ONLY = gate('extClass?.[0]?.UserRole === "contracts_Admin"');
const PLAIN_ELEMENT = actions("extClass[0].UserRole");

const valid: ValidCase[] = [
  { name: "a query value only the key of memory-cache's store (homepage npm/proxy.js:39)", code: MEMORY_CACHE, filename: "src/widgets/npm/proxy.js", files: PKG },
  { name: "another style: memory-cache bound by require", code: MEMORY_CACHE_REQUIRE, filename: "src/widgets/npm/proxy.js", files: PKG },
  { name: "a guarded parse's first element into a local nothing reads (OpenSign DocumentsReport.jsx:208)", code: GUARDED_UNREAD, filename: "src/reports/DocumentsReport.jsx", files: PKG },
  { name: "a count under its presence test and a first element's field compared with a literal (OpenSign ReportJson.js:507)", code: COUNTED_COMPARED, filename: "src/json/ReportJson.js", files: PKG },
  { name: "only a count under its presence test, compared with a number", code: COUNTED_ONLY, filename: "src/json/ReportJson.js", files: PKG },
  { name: "only a first element's field through optional links compared with a literal", code: COMPARED_ONLY, filename: "src/json/ReportJson.js", files: PKG },
];

const AXIOS_PKG = { "package.json": '{ "dependencies": { "axios": "^1.6.0" } }' };
const PARSE_ROWS = dedent`
  import axios from "axios";

  export async function reportRows(serverUrl, appId, sessionToken) {
    const parseAppKey = { "X-Parse-Application-Id": appId };
    const sessionHeader = { ...parseAppKey, "X-Parse-Session-Token": sessionToken };
    const userRes = await axios.get(\`\${serverUrl}/users/me\`, { headers: sessionHeader });
    const where = JSON.stringify({ UserId: userRes.data.objectId });
    const rows = await axios.get(\`\${serverUrl}/classes/contracts_Users?where=\${where}\`, { headers: sessionHeader });
    return rows.data.results;
  }
`;
const PARSE_FUNCTION = dedent`
  import axios from "axios";

  export async function reportRows(serverUrl, appId, sessionToken) {
    const headers = { "X-Parse-Application-Id": appId, "X-Parse-Session-Token": sessionToken };
    const res = await axios.post(\`\${serverUrl}/functions/getReport\`, { reportId: "1" }, { headers });
    return res.data.result;
  }
`;
const CLASSES_NO_APP_ID = dedent`
  import axios from "axios";

  export async function reportRows(serverUrl, token) {
    const res = await axios.get(\`\${serverUrl}/classes/contracts_Users\`, { headers: { Authorization: token } });
    return res.data.results;
  }
`;
const fetchRow = (name: string, code: string, line: number, column: number, endColumn: number, low: boolean): InvalidCase => ({
  name,
  code,
  filename: "src/server/report.js",
  files: AXIOS_PKG,
  findings: [{ case: "fetchJson", line, column, endColumn, confidence: low ? "low" : "high", severity: low ? "info" : "warning", suggestions: [mark(code, "fetchJson", line)] }],
  output: null,
});

// The Zod suggestion of the two query rows (the project has no zod yet).
const ZOD_TITLE = "Validate req.query with Zod (adds the zod dependency)";
const OTHER_CACHE_ZOD = OTHER_CACHE.replace(
  'service-helpers";\n',
  'service-helpers";\nimport { z } from "zod";\n\nconst NpmProxyHandlerQuery = z.object({ group: z.string(), service: z.string() });\n',
).replace(
  "  const { group, service } = req.query;\n",
  "  const parsed = NpmProxyHandlerQuery.safeParse(req.query);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const { group, service } = parsed.data;\n",
);
const STORED_VALUE_ZOD = dedent`
  import cache from "memory-cache";
  import { z } from "zod";

  const QuerySchema = z.object({ q: z.string() });

  export default async function handler(req, res) {
    const parsed = QuerySchema.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.issues });
      return;
    }
    cache.put("last-search", parsed.data.q);
    return res.json({ ok: true });
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "the key of another cache module stays a use",
    code: OTHER_CACHE,
    filename: "src/widgets/npm/proxy.js",
    files: PKG,
    findings: [{ case: "expressQuery", line: 5, column: 30, endColumn: 39, suggestions: [{ title: ZOD_TITLE, output: OTHER_CACHE_ZOD }, mark(OTHER_CACHE, "expressQuery", 5)] }],
    output: null,
  },
  {
    name: "a query value stored as memory-cache's entry stays a use",
    code: STORED_VALUE,
    filename: "src/search.js",
    files: PKG,
    findings: [{ case: "expressQuery", line: 4, column: 28, endColumn: 37, suggestions: [{ title: ZOD_TITLE, output: STORED_VALUE_ZOD }, mark(STORED_VALUE, "expressQuery", 4)] }],
    output: null,
  },
  markedRow("the guarded parse's local read on stays a use", GUARDED_READ, "src/reports/DocumentsReport.jsx", PKG, "jsonParseExternal", 4, 5, 53),
  markedRow("a plain element read of the parsed value stays a use", PLAIN_ELEMENT, "src/json/ReportJson.js", PKG, "jsonParseExternal", 3, 36, 60),
  {
    name: "parseServerRows: the own user row and a class's rows through the Parse REST API: info, low confidence (OpenSign docxtopdf.js)",
    code: PARSE_ROWS,
    filename: "src/server/report.js",
    files: AXIOS_PKG,
    findings: [
      { case: "fetchJson", line: 7, column: 42, endColumn: 54, confidence: "low", severity: "info", suggestions: [mark(PARSE_ROWS, "fetchJson", 7)] },
      { case: "fetchJson", line: 9, column: 10, endColumn: 19, confidence: "low", severity: "info", suggestions: [mark(PARSE_ROWS, "fetchJson", 9)] },
    ],
    output: null,
  },
  fetchRow("parseServerRows' neighbour: a cloud function's reply stays at warning", PARSE_FUNCTION, 6, 10, 18, false),
  fetchRow("parseServerRows' neighbour: a /classes/ path without the Parse application id stays at warning", CLASSES_NO_APP_ID, 5, 10, 18, false),
];

runWithNamedCases(valid, invalid);
