import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 27's review (rv27) of session 26's code, hand-written rows. An object holding the input
// whose own initializer names it (`var entry = { text, previous: entry }`, legal with `var`; typed
// half-way, `const x = { … x … }` as two lines merge) sent the flow into an endless loop: the uses of
// the name were looked for from the end of the name, so the reference in its own initializer led
// back to the same declaration (Maximum call stack size exceeded: the rule stopped for the file).
const SELF_NAMED = dedent`
  const express = require("express");
  const app = express();
  app.post("/summary", async (req, res) => {
    const { summary } = req.body;
    var entry = { text: summary, previous: entry };
    await db.collection("summaries").insertOne(entry);
    res.json({ ok: true });
  });
`;

const valid: ValidCase[] = [];

const invalid: InvalidCase[] = [
  {
    name: "an object whose own initializer names it: judged by its uses after the declaration (the rule crashed on it)",
    code: SELF_NAMED,
    filename: "src/app.js",
    findings: [{ case: "expressBody", line: 4, column: 23, endColumn: 31, suggestions: [mark(SELF_NAMED, "expressBody", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
