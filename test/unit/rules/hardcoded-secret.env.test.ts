import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyze } from "../../../src/engine/analyze";
import { normalize } from "../../../src/engine/config/load";
import { FsProjectHost, MemoryProjectHost } from "../../../src/engine/project-host";
import type { Finding, Fix, ProjectHost } from "../../../src/engine/types";
import rule from "../../../src/rules/hardcoded-secret/rule";
import { acceptAll } from "./hardcoded-secret.helpers";

// Every secret-shaped value below is fabricated (see test/fixtures/hardcoded-secret/secrets.json).
const STRIPE_A = "sk_live_ZoDMOsPrQ4b94QnuRYSbd38o";
const STRIPE_B = "sk_live_SrK6pq0nTwPgBflrMDtKKdHA";
const GITHUB = "ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X";

function memory(files: Record<string, string>): MemoryProjectHost {
  return new MemoryProjectHost(new Map(Object.entries(files).map(([rel, text]) => [path.posix.join("/project", rel), text])));
}

function findingsOf(file: string, text: string, project: ProjectHost, root = "/project"): Finding[] {
  const config = normalize({} as never, root, [rule]);
  return analyze({ path: path.isAbsolute(file) ? file : path.posix.join(root, file), text, config, project, rules: [rule] }).findings;
}

/** The one "Move secret(s) to …" suggestion of the only finding, or undefined. */
function moveOf(findings: Finding[]): Fix | undefined {
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.code).join(", ")}`);
  return findings[0]!.fixes.find((f) => f.title.startsWith("Move secret"));
}

describe("hardcoded-secret: the move fits the project", () => {
  it("is a suggestion, never applied in bulk, and the only safe fix left is the comment redaction", () => {
    const fixes = findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n// old: ${GITHUB}\n`, memory({ "package.json": "{}" })).flatMap((f) => f.fixes);
    assert.deepEqual(fixes.filter((f) => f.kind === "safe").map((f) => f.title), ["Remove the secret from the comment"]);
    assert.equal(fixes.find((f) => f.title.startsWith("Move secret"))?.kind, "suggestion");
  });

  it("creates .env.example at the project root when the project has no env example file", () => {
    const move = moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory({ "package.json": "{}" })))!;
    assert.deepEqual(move.edits.slice(1), [{ file: "/project/.env.example", start: 0, end: 0, text: "STRIPE_SECRET_KEY=\n", create: true }]);
  });

  for (const name of [".env.sample", ".env.template", ".env.dist"]) {
    it(`appends to the project's existing ${name} and creates no .env.example`, () => {
      const move = moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory({ "package.json": "{}", [name]: "PORT=3000" })))!;
      assert.deepEqual(move.edits.slice(1), [{ file: `/project/${name}`, start: 9, end: 9, text: "\nSTRIPE_SECRET_KEY=\n" }]);
    });
  }

  it("lists the name in every variant template (env-example-relational, env-example-document) when the project has no .env.example", () => {
    const move = moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory({ "package.json": "{}", "env-example-relational": "PORT=3000\n", "env-example-document": "PORT=3000\nDATABASE_URL=", "environment.ts": "" })))!;
    assert.deepEqual(move.edits.slice(1), [
      { file: "/project/env-example-document", start: 23, end: 23, text: "\nSTRIPE_SECRET_KEY=\n" },
      { file: "/project/env-example-relational", start: 10, end: 10, text: "STRIPE_SECRET_KEY=\n" },
    ]);
    const both = moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory({ "package.json": "{}", "env-example-relational": "PORT=3000\n", ".env.production.example": "" })))!;
    assert.deepEqual(both.edits.slice(1), [
      { file: "/project/.env.production.example", start: 0, end: 0, text: "STRIPE_SECRET_KEY=\n" },
      { file: "/project/env-example-relational", start: 10, end: 10, text: "STRIPE_SECRET_KEY=\n" },
    ]);
  });

  it("keeps the env example's CRLF line ends", () => {
    const move = moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory({ "package.json": "{}", ".env.example": "PORT=3000\r\n" })))!;
    assert.deepEqual(move.edits.slice(1), [{ file: "/project/.env.example", start: 11, end: 11, text: "STRIPE_SECRET_KEY=\r\n" }]);
  });

  it("never writes through an env example link that leaves the project, and says so in the title", function () {
    if (process.platform === "win32") {
      // Said where the run shows it: symbolic links need extra rights on Windows.
      this.test!.title += " (SKIPPED: symbolic links need administrator rights on Windows)";
      this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-envlink-"));
    try {
      fs.mkdirSync(path.join(dir, "project"));
      fs.writeFileSync(path.join(dir, "project/package.json"), "{}\n");
      fs.writeFileSync(path.join(dir, "outside.env"), "PORT=1\n");
      fs.symlinkSync(path.join(dir, "outside.env"), path.join(dir, "project/.env.sample"));
      const root = path.join(dir, "project");
      const move = moveOf(findingsOf(path.join(root, "a.ts"), `const stripe = new Stripe("${STRIPE_A}");\n`, new FsProjectHost(), root))!;
      assert.equal(move.title, "Move secret to process.env.STRIPE_SECRET_KEY (.env.sample links outside the project: list STRIPE_SECRET_KEY there yourself)");
      assert.equal(move.edits.filter((e) => e.file !== undefined).length, 0);
      // A dangling link is where a write would land, too.
      fs.unlinkSync(path.join(root, ".env.sample"));
      fs.symlinkSync(path.join(dir, "nowhere/.env"), path.join(root, ".env.example"));
      const dangling = moveOf(findingsOf(path.join(root, "b.ts"), `const stripe = new Stripe("${STRIPE_A}");\n`, new FsProjectHost(), root))!;
      assert.equal(dangling.edits.filter((e) => e.file !== undefined).length, 0);
      assert.match(dangling.title, / \(\.env\.example links outside the project/);
      // A link inside the project is followed as usual.
      fs.unlinkSync(path.join(root, ".env.example"));
      fs.writeFileSync(path.join(root, "env.shared"), "PORT=1\n");
      fs.symlinkSync(path.join(root, "env.shared"), path.join(root, ".env.example"));
      const inside = moveOf(findingsOf(path.join(root, "c.ts"), `const stripe = new Stripe("${STRIPE_A}");\n`, new FsProjectHost(), root))!;
      assert.deepEqual(inside.edits.slice(1).map((e) => e.text), ["STRIPE_SECRET_KEY=\n"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads Deno.env in Deno and Supabase Edge Functions", () => {
    const code = `const stripe = new Stripe('${STRIPE_A}')\n`;
    const move = moveOf(findingsOf("supabase/functions/pay/index.ts", code, memory({ "supabase/functions/pay/deno.json": "{}" })))!;
    assert.equal(move.title, "Move secret to Deno.env.get('STRIPE_SECRET_KEY')");
    assert.equal(move.edits[0]!.text, "Deno.env.get('STRIPE_SECRET_KEY') ?? (() => { throw new Error('STRIPE_SECRET_KEY is not set') })()");
  });

  it("reads Bun.env in Bun when the file already does, else process.env", () => {
    const files = { "package.json": "{}", "bun.lock": "" };
    assert.equal(moveOf(findingsOf("src/a.ts", `const port = Bun.env.PORT;\nconst stripe = new Stripe("${STRIPE_A}");\n`, memory(files)))!.title, "Move secret to Bun.env.STRIPE_SECRET_KEY");
    assert.equal(moveOf(findingsOf("src/a.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory(files)))!.title, "Move secret to process.env.STRIPE_SECRET_KEY");
  });

  describe("Cloudflare Workers", () => {
    const files = { "package.json": "{}", "wrangler.toml": 'name = "w"\n' };

    it("reads the handler's env binding and declares it in the file's Env interface; no .env.example is created", () => {
      const code = `interface Env {\n  KV: KVNamespace;\n}\nexport default {\n  async fetch(req: Request, env: Env) {\n    return fetch(url, { headers: { Authorization: "Bearer ${GITHUB}" } });\n  },\n};\n`;
      const move = moveOf(findingsOf("src/index.ts", code, memory(files)))!;
      assert.equal(move.title, "Move secret to env.GITHUB_TOKEN");
      assert.deepEqual(
        move.edits.map((e) => e.text),
        ['`Bearer ${env.GITHUB_TOKEN ?? (() => { throw new Error("GITHUB_TOKEN is not set"); })()}`', "  GITHUB_TOKEN: string;\n"],
      );
      assert.equal(move.edits[1]!.start, code.indexOf("}\nexport"));
    });

    it("names what is missing when env's type is declared elsewhere", () => {
      const code = `import type { Env } from "./env";\nexport default { fetch(req: Request, env: Env) { return new Stripe("${STRIPE_A}"); } };\n`;
      assert.equal(moveOf(findingsOf("src/index.ts", code, memory(files)))!.title, "Move secret to env.STRIPE_SECRET_KEY (declare STRIPE_SECRET_KEY in Env)");
    });

    it("offers no move outside a handler that receives env (a Worker has no process.env)", () => {
      assert.equal(moveOf(findingsOf("src/index.ts", `const stripe = new Stripe("${STRIPE_A}");\n`, memory(files))), undefined);
    });
  });

  describe("distinct values never share a name", () => {
    it("two different keys in two files: the second file's gets a name of its own", () => {
      const host = memory({ "package.json": "{}" });
      const a = acceptAll("billing.ts", `export const stripe = new Stripe("${STRIPE_A}");\n`, host);
      const b = acceptAll("payouts.ts", `export const stripe = new Stripe("${STRIPE_B}");\n`, host);
      assert.deepEqual([a.titles, b.titles], [["Move secret to process.env.STRIPE_SECRET_KEY"], ["Move secret to process.env.PAYOUTS_STRIPE_SECRET_KEY"]]);
      assert.equal(b.envExample, "STRIPE_SECRET_KEY=\nPAYOUTS_STRIPE_SECRET_KEY=\n");
    });

    it("a name the env example lists is reused only where this file already reads it", () => {
      const files = { "package.json": "{}", ".env.example": "JWT_SECRET=\n" };
      const reads = `const token = jwt.sign(payload, "keyboard cat");\nconst claims = jwt.verify(token, process.env.JWT_SECRET!);\n`;
      assert.equal(moveOf(findingsOf("src/auth.ts", reads, memory(files)))!.title, "Move secret to process.env.JWT_SECRET");
      assert.equal(moveOf(findingsOf("src/auth.ts", `const token = jwt.sign(payload, "keyboard cat");\n`, memory(files)))!.title, "Move secret to process.env.AUTH_JWT_SECRET");
    });

    it("an entry file borrows its folder's name; a generic folder falls back to a number", () => {
      const files = { "package.json": "{}", ".env.example": "PASSWORD=\n" };
      assert.equal(moveOf(findingsOf("src/payouts/index.ts", 'const password = "hunter2";\n', memory(files)))!.title, "Move secret to process.env.PAYOUTS_PASSWORD");
      assert.equal(moveOf(findingsOf("src/index.ts", 'const password = "hunter2";\n', memory(files)))!.title, "Move secret to process.env.PASSWORD_2");
    });
  });

  describe("two secrets in one string", () => {
    const code = `const cmd = "curl -u ci:${GITHUB} https://api.example.net/hook?api_key=Zq8pL2vWk3R9tY6u";\n`;

    it("reports both, each on its own span, with redacted messages", () => {
      const findings = findingsOf("scripts/hook.ts", code, memory({ "package.json": "{}" }));
      assert.deepEqual(
        findings.map((f) => [f.caseId, code.slice(f.range.start, f.range.end), f.message]),
        [
          ["providerKey", GITHUB, "A 40-character GitHub token is written in the code: anyone who can read the code can use it. Read it from an environment variable."],
          ["suspiciousName", "Zq8pL2vWk3R9tY6u", "A 16-character key is written in the code (in the URL parameter api_key): anyone who can read the code can use it. Read it from an environment variable."],
        ],
      );
    });

    it("moves both at once, so no fix text keeps either", () => {
      const findings = findingsOf("scripts/hook.ts", code, memory({ "package.json": "{}" }));
      const moves = findings.map((f) => f.fixes.find((x) => x.title.startsWith("Move secrets"))!);
      assert.equal(moves[0]!.title, "Move secrets to process.env.GITHUB_TOKEN and process.env.EXAMPLE_API_KEY");
      assert.deepEqual(moves[0], moves[1]);
      assert.equal(
        moves[0]!.edits[0]!.text,
        '`curl -u ci:${process.env.GITHUB_TOKEN ?? (() => { throw new Error("GITHUB_TOKEN is not set"); })()} https://api.example.net/hook?api_key=${process.env.EXAMPLE_API_KEY ?? (() => { throw new Error("EXAMPLE_API_KEY is not set"); })()}`',
      );
      for (const fix of findings.flatMap((f) => f.fixes)) {
        for (const e of fix.edits) assert.ok(!e.text.includes(GITHUB) && !e.text.includes("Zq8pL2vWk3R9tY6u"), `${fix.title} carries a secret`);
      }
    });
  });
});
