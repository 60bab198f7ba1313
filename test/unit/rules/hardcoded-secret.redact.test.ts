import * as assert from "node:assert/strict";
import { locate } from "../../../src/engine/audit";
import { redactSecret, scrub, secretSpans, withoutSecretFixes } from "../../../src/engine/redact";
import type { AnalysisResult, Finding } from "../../../src/engine/types";

// Fabricated values (see test/fixtures/hardcoded-secret/secrets.json).
const GITHUB = "ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X";
const PEM_LINE = "YIA+1aDqoXN6xlOm25afxIY7dnJMlmsDhbY8JQpzdn+RVGauA9OAKDBFr0YgNwYr";

function finding(ruleId: string, start: number, end: number, fixes: Finding["fixes"]): Finding {
  return { ruleId, caseId: "x", code: `${ruleId}/x`, severity: "error", message: "m", range: { start, end }, related: [], fixes } as unknown as Finding;
}

describe("redact: no secret leaves the editor in a fix or a diff", () => {
  const text = `const user = await fetch("https://api.example.net/me?token=${GITHUB}").json();\n`;
  const lit = text.indexOf('"');
  const litEnd = text.indexOf('"', lit + 1) + 1;
  const secret = finding("hardcoded-secret", lit, litEnd, [{ title: "Move secret to `process.env.GITHUB_TOKEN`", kind: "suggestion", edits: [{ start: lit, end: litEnd, text: "`…${process.env.GITHUB_TOKEN}`" }] }]);
  const copying = finding("unvalidated-boundary", 19, text.length - 2, [
    { title: "Validate the response with Zod", kind: "suggestion", edits: [{ start: 19, end: text.length - 2, text: `Schema.parse(${text.slice(19, text.length - 2)})` }] },
    { title: "Mark as validated elsewhere…", kind: "suggestion", edits: [{ start: 0, end: 0, text: "// hardening-hints-ignore-next-line unvalidated-boundary -- <reason>\n" }] },
  ]);

  it("JSON and SARIF (audit results) drop a fix whose text copies a secret of the file, and keep the others", () => {
    const result: AnalysisResult = { path: "/p/a.ts", findings: [secret, copying], problems: [], analyzed: true };
    const located = locate(result, text, "/p");
    assert.deepEqual(located.findings.map((f) => f.fixes.map((x) => x.title)), [["Move secret to `process.env.GITHUB_TOKEN`"], ["Mark as validated elsewhere…"]]);
    assert.ok(!JSON.stringify(located).includes(GITHUB));
  });

  it("a file without secret findings keeps every fix", () => {
    assert.deepEqual(withoutSecretFixes([copying], text), [copying]);
  });

  it("secret spans are the literal as written, with and without its quotes", () => {
    assert.deepEqual(secretSpans([secret, copying], text), [text.slice(lit, litEnd), text.slice(lit + 1, litEnd - 1)]);
  });

  it("scrub masks a multi-line key line by line, as a diff shows it", () => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_LINE}\n-----END RSA PRIVATE KEY-----`;
    const diff = `--- a/k.ts\n+++ b/k.ts\n@@ -1,3 +1,1 @@\n-const key = \`-----BEGIN RSA PRIVATE KEY-----\n-${PEM_LINE}\n------END RSA PRIVATE KEY-----\`;\n+const key = process.env.KEY;\n`;
    const out = scrub(diff, [`\`${pem}\``]);
    assert.ok(!out.includes(PEM_LINE));
    assert.ok(out.includes(`-${redactSecret(PEM_LINE)}\n`));
    // An escaped one-line PEM string is masked whole, and its body too.
    const escaped = `-----BEGIN RSA PRIVATE KEY-----\\n${PEM_LINE}\\n-----END RSA PRIVATE KEY-----`;
    assert.ok(!scrub(`x ${PEM_LINE} y`, [escaped]).includes(PEM_LINE));
  });
});
