import * as assert from "node:assert/strict";
import { locate } from "../../../src/engine/audit";
import { analyze } from "../../../src/engine/analyze";
import { normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { CARRIES_SECRET_NOTE, describeSecret, labelSecretFixes, redactSecret, scrub, secretSpans, withoutSecretFixes } from "../../../src/engine/redact";
import type { AnalysisResult, Finding } from "../../../src/engine/types";
import rule from "../../../src/rules/hardcoded-secret/rule";

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
  const secret = finding("hardcoded-secret", lit, litEnd, [{ title: "Move secret to process.env.GITHUB_TOKEN", kind: "suggestion", edits: [{ start: lit, end: litEnd, text: "`…${process.env.GITHUB_TOKEN}`" }] }]);
  const copying = finding("unvalidated-boundary", 19, text.length - 2, [
    { title: "Validate the response with Zod", kind: "suggestion", edits: [{ start: 19, end: text.length - 2, text: `Schema.parse(${text.slice(19, text.length - 2)})` }] },
    { title: "Mark as validated elsewhere…", kind: "suggestion", edits: [{ start: 0, end: 0, text: "// hardening-hints-ignore-next-line unvalidated-boundary -- <reason>\n" }] },
  ]);

  it("JSON and SARIF (audit results) drop a fix whose text copies a secret of the file, and keep the others", () => {
    const result: AnalysisResult = { path: "/p/a.ts", findings: [secret, copying], problems: [], analyzed: true };
    const located = locate(result, text, "/p");
    assert.deepEqual(located.findings.map((f) => f.fixes.map((x) => x.title)), [["Move secret to process.env.GITHUB_TOKEN"], ["Mark as validated elsewhere…"]]);
    assert.ok(!JSON.stringify(located).includes(GITHUB));
  });

  it("in the editor, a fix whose text copies a secret says so in its title (once), and no title shows the secret", () => {
    const findings = [structuredClone(secret), structuredClone(copying)];
    labelSecretFixes(findings, text);
    labelSecretFixes(findings, text);
    assert.deepEqual(findings.map((f) => f.fixes.map((x) => x.title)), [["Move secret to process.env.GITHUB_TOKEN"], [`Validate the response with Zod${CARRIES_SECRET_NOTE}`, "Mark as validated elsewhere…"]]);
    assert.ok(findings.every((f) => f.fixes.every((x) => !x.title.includes(GITHUB))));
    // JSON and SARIF still leave it out, labelled or not.
    const located = locate({ path: "/p/a.ts", findings, problems: [], analyzed: true }, text, "/p");
    assert.deepEqual(located.findings[1]!.fixes.map((x) => x.title), ["Mark as validated elsewhere…"]);
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

describe("hardcoded-secret messages: plain text, the secret by kind and length", () => {
  it("describeSecret reads the number aloud for its article", () => {
    assert.equal(describeSecret("password", "hunter22x"), "a 9-character password");
    assert.equal(describeSecret("GitHub token", GITHUB), "a 40-character GitHub token");
    assert.equal(describeSecret("token", "x".repeat(8)), "an 8-character token");
    assert.equal(describeSecret("token", "x".repeat(11)), "an 11-character token");
    assert.equal(describeSecret("token", "x".repeat(18)), "an 18-character token");
    assert.equal(describeSecret("token", "x".repeat(83)), "an 83-character token");
    assert.equal(describeSecret("token", "x".repeat(110)), "a 110-character token");
  });

  // One finding of every case, in a file the parser reads and in one it cannot (the value-shaped scan).
  const samples: [string, string][] = [
    ["providerKey", `const octokit = new Octokit({ auth: "${GITHUB}" });`],
    ["privateKey", `const key = "-----BEGIN RSA PRIVATE KEY-----\\n${PEM_LINE}";`],
    ["signingSecret", 'const t = jwt.sign(payload, "keyboard cat");'],
    ["suspiciousName", 'const db = { password: "Tr0ub4dor&3" };'],
    ["connectionString", 'const url = "postgres://app:Zq8pL2vW@db.internal:5432/app";'],
    ["authorizationHeader", 'const h = { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" };'],
    ["secretInComment", `// old: ${GITHUB}\nconst x = 1;`],
    ["envFallbackLiteral", 'const s = process.env.JWT_SECRET || "supersecret";'],
  ];
  const config = normalize({} as never, "/project", [rule]);
  const host = new MemoryProjectHost(new Map([["/project/package.json", "{}\n"]]));

  for (const [caseId, code] of samples) {
    it(`${caseId}: no backticks, no value, a length and what to do`, () => {
      const unparsable = `${code}\nconst deep = ${"(".repeat(900)}1${")".repeat(900)};\n`;
      for (const text of [code, unparsable]) {
        const found = analyze({ path: "/project/src/a.ts", text, config, project: host, rules: [rule] }).findings.filter((f) => f.code === `hardcoded-secret/${caseId}`);
        if (text === unparsable && !["providerKey", "privateKey", "connectionString"].includes(caseId)) continue; // needs the syntax tree
        assert.equal(found.length, 1, `${caseId} in ${text === code ? "a parsed" : "an unparsable"} file`);
        const m = found[0]!.message;
        assert.ok(!m.includes("`"), m);
        assert.ok(!/ghp_|Tr0ub4dor|keyboard|Zq8pL2vW|rhJrXKI4|supersecret|YIA\+1a/.test(m), m);
        assert.match(m, /\b(?:a|an) \d+-character /i);
        assert.match(m, /(?:environment variable|comment|server|startup instead|build-time variable)\.(?: If this file was ever committed, rotate it: it stays in git history\.)?$/);
      }
    });
  }
});
