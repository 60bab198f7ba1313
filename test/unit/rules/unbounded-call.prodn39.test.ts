import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 39, developer prodn39: production NodeBB (public/src/modules/iconSelect.js:405, triaged false). NodeBB
// keeps no package.json at its root (it writes one from install/package.json at install), so the profile's root
// was each file's own folder and its browser folders (`public/src/modules/`) went unseen. With no manifest, the
// folders of the whole path are read. Hand-written rows: NodeBB's AMD module, a jQuery page script under
// `static/js/` of another manifest-less project, and that project's server route, still reported.

const NO_MANIFEST = { "package.json": null, "install/package.json": '{ "name": "nodebb", "dependencies": { "express": "4.21.2" } }' };

const amdModule = dedent`
  define('iconSelect', ['benchpress', 'modals'], function (Benchpress, modals) {
    const iconSelect = {};
    iconSelect.findIcons = async function (searchString) {
      const request = await fetch('https://api.fontawesome.com', { method: 'POST', body: JSON.stringify({ query: searchString }) });
      return request.json();
    };
    return iconSelect;
  });
`;

// Another style: an ES module page script under static/js/, posting to an absolute URL.
const pageScript = dedent`
  export async function lookup(term) {
    const res = await fetch("https://search.example.com/api?q=" + encodeURIComponent(term));
    document.querySelector("#results").textContent = await res.text();
  }
`;

const serverRoute = dedent`
  const express = require("express");
  const router = express.Router();
  router.get("/icons", async (req, res) => {
    const r = await fetch("https://api.fontawesome.com");
    res.json(await r.json());
  });
  module.exports = router;
`;

const valid: ValidCase[] = [
  { name: "call: NodeBB's AMD module under public/src/ in a project with no root manifest", filename: "public/src/modules/iconSelect.js", files: NO_MANIFEST, code: amdModule },
  { name: "call: another style, an ES module page script under static/js/ with no manifest", filename: "static/js/search.mjs", files: { "package.json": null }, code: pageScript },
];

const invalid: InvalidCase[] = [
  {
    name: "call: the same project's server route outside the browser folders stays reported",
    filename: "src/routes/icons.js",
    files: NO_MANIFEST,
    code: serverRoute,
    findings: [
      {
        case: "call",
        line: 4,
        column: 19,
        endColumn: 24,
        suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: serverRoute.replace('fetch("https://api.fontawesome.com")', 'fetch("https://api.fontawesome.com", { signal: AbortSignal.timeout(10000) })') }],
      },
    ],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
