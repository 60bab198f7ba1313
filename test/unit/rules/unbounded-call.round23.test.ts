import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 22 (issue 11), as hand-written analogues: a page script of a Koa app keeps its API's
// page-relative path in a class field (`this.apiUrl = "/api/notes"`) and asks `${this.apiUrl}/${id}`:
// Node's fetch rejects a URL with no scheme and host, so only a page runs it. An Electron app's main
// process (its `electron/` folder) is Node: its fetch holds the IPC reply the renderer waits for
// (tavardanyan/parz electron/supabase.ts:23); the renderer and the preload script are not reported.
// A script that an HTML page of the project loads is the page's, whatever URL it asks.

const KOA_PKG = '{ "name": "notes", "dependencies": { "koa": "2.15.0", "koa-static": "5.0.0" } }\n';

const PAGE = (field: string, later = "") => dedent`
  class NotesPage {
    constructor() {
      this.apiUrl = ${field};${later}
    }
    async load() {
      const res = await fetch(this.apiUrl);
      return res.json();
    }
    async remove(id) {
      await fetch(\`\${this.apiUrl}/\${id}\`, { method: "DELETE" });
    }
  }
`;

const FIELD = dedent`
  class NotesPage {
    base = "/api";
    async load() {
      const res = await fetch(this.base + "/notes");
      return res.json();
    }
  }
`;

const CONST_BASE = dedent`
  const API = "/api/notes";
  export async function load(id) {
    const res = await fetch(\`\${API}/\${id}\`);
    return res.json();
  }
`;

const ELECTRON_PKG = '{ "name": "pos", "main": "dist-electron/main.js", "dependencies": { "electron": "31.0.0", "react-dom": "18.3.0" } }\n';

const REST = dedent`
  export async function listItems(base: string, key: string) {
    const res = await fetch(\`\${base}/rest/v1/items\`, { headers: { apikey: key } });
    return res.json();
  }
`;

const WEATHER = dedent`
  async function showWeather(city) {
    const res = await fetch(\`https://api.weather.example/v1/now?q=\${city}\`);
    document.getElementById("temp").textContent = (await res.json()).temp;
  }
  showWeather("Sofia");
`;
const PAGE_HTML = (src: string) => `<!doctype html>\n<html><body><p id="temp"></p><script src="${src}"></script></body></html>\n`;

const valid: (string | ValidCase)[] = [
  { code: WEATHER, filename: "site/app.js", files: { "package.json": KOA_PKG, "site/index.html": PAGE_HTML("./app.js") } },
  { code: WEATHER, filename: "site/js/app.js", files: { "package.json": KOA_PKG, "site/index.html": PAGE_HTML("js/app.js") } },
  { code: REST, filename: "src/api.ts", files: { "package.json": ELECTRON_PKG } },
  { code: REST, filename: "electron/preload.ts", files: { "package.json": ELECTRON_PKG } },
  { code: PAGE('"/api/notes"'), filename: "script.js", files: { "package.json": KOA_PKG } },
  { code: FIELD, filename: "notes.js", files: { "package.json": KOA_PKG } },
  { code: CONST_BASE, filename: "notes.js", files: { "package.json": KOA_PKG } },
];

const ABSOLUTE = PAGE('"https://notes.acme.io/api/notes"');
const REASSIGNED = PAGE('"/api/notes"', '\n    if (process.env.NOTES_URL) this.apiUrl = process.env.NOTES_URL;');
const FROM_PARAM = dedent`
  export class NotesClient {
    constructor(apiUrl) {
      this.apiUrl = apiUrl;
    }
    async load() {
      const res = await fetch(\`\${this.apiUrl}/notes\`);
      return res.json();
    }
  }
`;

const timeout = (code: string, from: string, to: string) => [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: code.replace(from, to) }];

const invalid: InvalidCase[] = [
  {
    name: "a field holding an absolute URL is another service",
    code: ABSOLUTE,
    filename: "server/notes.js",
    files: { "package.json": KOA_PKG },
    findings: [
      { case: "call", line: 6, column: 23, endLine: 6, endColumn: 28, suggestions: timeout(ABSOLUTE, "fetch(this.apiUrl)", "fetch(this.apiUrl, { signal: AbortSignal.timeout(10000) })") },
      { case: "call", line: 10, column: 11, endLine: 10, endColumn: 16, suggestions: timeout(ABSOLUTE, '{ method: "DELETE" }', '{ method: "DELETE", signal: AbortSignal.timeout(10000) }') },
    ],
    output: null,
  },
  {
    name: "a field also given a value from the environment may be absolute",
    code: REASSIGNED,
    filename: "server/notes.js",
    files: { "package.json": KOA_PKG },
    findings: [
      { case: "call", line: 7, column: 23, endLine: 7, endColumn: 28, suggestions: timeout(REASSIGNED, "fetch(this.apiUrl)", "fetch(this.apiUrl, { signal: AbortSignal.timeout(10000) })") },
      { case: "call", line: 11, column: 11, endLine: 11, endColumn: 16, suggestions: timeout(REASSIGNED, '{ method: "DELETE" }', '{ method: "DELETE", signal: AbortSignal.timeout(10000) }') },
    ],
    output: null,
  },
  {
    name: "a field given the constructor's parameter is the caller's URL",
    code: FROM_PARAM,
    filename: "server/notes.js",
    files: { "package.json": KOA_PKG },
    findings: [{ case: "call", line: 6, column: 23, endLine: 6, endColumn: 28, suggestions: timeout(FROM_PARAM, "fetch(`${this.apiUrl}/notes`)", "fetch(`${this.apiUrl}/notes`, { signal: AbortSignal.timeout(10000) })") }],
    output: null,
  },
  {
    name: "an Electron main-process module is server-side",
    code: REST,
    filename: "electron/db.ts",
    files: { "package.json": ELECTRON_PKG },
    findings: [{ case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: timeout(REST, "{ headers: { apikey: key } }", "{ headers: { apikey: key }, signal: AbortSignal.timeout(10000) }") }],
    output: null,
  },
  {
    name: "a script no page of the project loads stays judged by its project",
    code: WEATHER,
    filename: "site/app.js",
    files: { "package.json": KOA_PKG, "site/index.html": PAGE_HTML("vendor.js") },
    findings: [{ case: "call", line: 2, column: 21, endLine: 2, endColumn: 26, suggestions: timeout(WEATHER, "?q=${city}`)", "?q=${city}`, { signal: AbortSignal.timeout(10000) })") }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
