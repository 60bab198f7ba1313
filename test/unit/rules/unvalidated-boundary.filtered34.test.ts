import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34, developer ub34a: checks of every element and allowlists read one hop away. Hand-written analogues of
// held round 37's decided false positives (rt-app's zip codes, mitoujr's Mattermost members, ScrapifySAAS's credit
// packs; retired to tune), in other frameworks and shapes than the repositories' code.

const EXPRESS = { "package.json": '{ "dependencies": { "express": "^4.19.0", "joi": "^17.13.0" } }' };

// A list tested to be an array, then filtered to the elements a typeof and a regex test pass.
const tagsRoute = (keep: string): string => dedent`
  const express = require("express");
  const db = require("../db");
  const router = express.Router();
  router.post("/billing/tags", async (req, res) => {
    const { tags } = req.body;
    if (!Array.isArray(tags)) return res.status(400).json({ error: "tags" });
    const clean = tags.filter((t) => ${keep});
    await db.account.update({ where: { id: req.user.id }, data: { tags: clean } });
    res.json({ tags: clean });
  });
  module.exports = router;
`;

// A body field handed to an imported allowlist lookup; the request ends when nothing matched.
const PLANS = dedent`
  const PLANS = [
    { slug: "starter", seats: 3 },
    { slug: "team", seats: 20 },
  ];
  exports.findPlan = (wanted) => PLANS.find((plan) => plan.slug === wanted);
  exports.planLike = (wanted) => PLANS.find((plan) => plan.slug.startsWith(wanted));
`;
const planRoute = (finder: string): string => dedent`
  const express = require("express");
  const { ${finder} } = require("../lib/plans");
  const db = require("../db");
  const router = express.Router();
  router.post("/billing/plan", async (req, res) => {
    const { plan } = req.body;
    const chosen = ${finder}(plan);
    if (!chosen) return res.status(400).json({ error: "unknown plan" });
    await db.account.update({ where: { id: req.user.id }, data: { plan, seats: chosen.seats } });
    res.json({ ok: true });
  });
  module.exports = router;
`;

// A remote reply that is an array, or holds one, or becomes an empty list; every element's field typeof-checked.
const labelsReply = (fallback: string): string => dedent`
  import { db } from "./db";
  export async function syncLabels(token: string) {
    const res = await fetch("https://api.github.com/repos/acme/site/labels", { headers: { authorization: \`Bearer \${token}\` } });
    if (!res.ok) return 0;
    const body = await res.json();
    const labels = Array.isArray(body) ? body : Array.isArray(body?.items) ? body.items : ${fallback};
    for (const label of labels) {
      const name = label?.name;
      if (typeof name === "string" && name.length > 0) await db.label.upsert({ where: { name }, create: { name }, update: {} });
    }
    return labels.length;
  }
`;

const valid: ValidCase[] = [
  { name: "an array filtered to the strings a regex accepts, only they stored", code: tagsRoute('typeof t === "string" && /^[a-z0-9-]{1,32}$/.test(t)'), filename: "src/routes/tags.js", files: EXPRESS },
  { name: "a body field found in an imported module's own list by ===, the request ended when absent", code: planRoute("findPlan"), filename: "src/routes/billing.js", files: { ...EXPRESS, "src/lib/plans.js": PLANS } },
  { name: "a reply that is an array, holds one, or becomes []: its count and its typeof-checked fields", code: labelsReply("[]"), filename: "src/sync.ts", files: { "package.json": '{ "dependencies": { "joi": "^17.13.0" } }' } },
];

const invalid: InvalidCase[] = [
  {
    name: "the same list filtered by a test of nothing but its length: elements of any shape stored",
    code: tagsRoute("t.length > 0"),
    filename: "src/routes/tags.js",
    files: EXPRESS,
    findings: [{ case: "expressBody", line: 5, column: 20, endColumn: 28, suggestions: [mark(tagsRoute("t.length > 0"), "expressBody", 5)] }],
    output: null,
  },
  {
    name: "a list lookup that does more than compare (a prefix): reported",
    code: planRoute("planLike"),
    filename: "src/routes/billing.js",
    files: { ...EXPRESS, "src/lib/plans.js": PLANS },
    findings: [{ case: "expressBody", line: 6, column: 20, endColumn: 28, suggestions: [mark(planRoute("planLike"), "expressBody", 6)] }],
    output: null,
  },
  {
    name: "a non-array wrapped into the list instead ([body]): its count reads a value of any shape",
    code: labelsReply("[body]"),
    filename: "src/sync.ts",
    files: { "package.json": '{ "dependencies": { "joi": "^17.13.0" } }' },
    findings: [{ case: "fetchJson", line: 5, column: 22, endColumn: 32, suggestions: [mark(labelsReply("[body]"), "fetchJson", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
