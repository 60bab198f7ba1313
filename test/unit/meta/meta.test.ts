import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules } from "../../../src/engine/analyze";
import { familyRules } from "../../../src/rules";
import { renderSchema, SCHEMA_PATH } from "../../../scripts/gen-schema";

const REPO = path.resolve(__dirname, "../../..");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(abs));
    else if (/\.[cm]?tsx?$/.test(e.name)) out.push(abs);
  }
  return out;
}

/** `A, B<C, D>` → [`A`, ` B<C, D>`]: a type argument list split at its top-level comma. */
function splitTypeArgs(args: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "<" || c === "(" || c === "{" || c === "[") depth++;
    else if (c === ">" || c === ")" || c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) return [args.slice(0, i), args.slice(i + 1)];
  }
  return [args, ""];
}

describe("meta: architecture", () => {
  it("the registry lists exactly the rule folders, sorted by id", () => {
    const folders = fs.readdirSync(path.join(REPO, "src/rules"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepEqual(familyRules.map((r) => r.id), folders);
    for (const f of folders) assert.ok(fs.existsSync(path.join(REPO, "src/rules", f, "rule.ts")), `src/rules/${f}/rule.ts is the entry point`);
  });

  it("engine, rules, fixes and cli never import vscode", () => {
    const offenders: string[] = [];
    for (const dir of ["src/engine", "src/rules", "src/fixes", "src/cli"]) {
      for (const file of filesUnder(path.join(REPO, dir))) {
        const text = fs.readFileSync(file, "utf8");
        if (/(?:from\s+|require\()\s*["']vscode["']/.test(text)) offenders.push(path.relative(REPO, file));
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("a module-level WeakMap keyed by syntax holds booleans only: anything else is a TreeMemo", () => {
    // An old WeakMap's value stays alive through V8's young collections even once its key is
    // garbage; a value that reaches back into the tree kept whole trees alive until the next full
    // collection and drove the CLI's peak memory (src/engine/tree-memo.ts).
    const offenders: string[] = [];
    for (const dir of ["src/engine", "src/rules", "src/fixes", "src/profile"]) {
      for (const file of filesUnder(path.join(REPO, dir))) {
        const text = fs.readFileSync(file, "utf8");
        for (const m of text.matchAll(/new WeakMap<([^\n]*)\(\)/g)) {
          const [key, value] = splitTypeArgs(m[1]!.slice(0, -1));
          if (/\bts\.|\b(?:FunctionLike|FileFacts|SourceFile)\b/.test(key) && value.trim() !== "boolean") offenders.push(`${path.relative(REPO, file)}: WeakMap<${key}, ${value}>`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("no eval, new Function or network module in shipped code", () => {
    const offenders: string[] = [];
    for (const file of filesUnder(path.join(REPO, "src"))) {
      const text = fs.readFileSync(file, "utf8");
      if (/\beval\s*\(|new\s+Function\s*\(|["'](?:node:)?(?:https?|net|http2|dgram)["']/.test(text)) offenders.push(path.relative(REPO, file));
    }
    assert.deepEqual(offenders, []);
  });

  it("the engine bundle carries one TypeScript (ts-morph's), not ts-morph's Project layer; the CLI, API and ESLint bundles require it", () => {
    for (const bundle of ["dist/engine.js", "dist/cli.js", "dist/index.js", "dist/eslint.js"]) {
      const file = path.join(REPO, bundle);
      assert.ok(fs.existsSync(file), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
      // A worktree whose node_modules links elsewhere names the module by the link's target ("// ../../main/node_modules/…").
      const modules = [...fs.readFileSync(file, "utf8").matchAll(/^\/\/ (?:[^\n]*\/)?node_modules\/((?:@ts-morph\/|ts-morph\/|typescript\/)[^\n]*)$/gm)].map((m) => `// node_modules/${m[1]}`);
      assert.deepEqual(modules, bundle === "dist/engine.js" ? ["// node_modules/@ts-morph/common/dist/typescript.js"] : [], bundle);
    }
  });

  it("the bundles are ASCII: V8 keeps a script's source one byte per character only then (scripts/build/ascii.mjs)", () => {
    for (const bundle of ["dist/engine.js", "dist/cli.js", "dist/index.js", "dist/eslint.js", "dist/extension.js"]) {
      const file = path.join(REPO, bundle);
      assert.ok(fs.existsSync(file), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
      const m = /[^\x00-\x7f]/.exec(fs.readFileSync(file, "utf8"));
      assert.equal(m?.[0], undefined, bundle);
    }
  });

  it("the extension imports the engine index for types only: a value import bundles the engine and TypeScript into dist/extension.js, which loads them lazily (engine-entry.ts)", () => {
    const dir = path.join(REPO, "src/extension");
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "engine-entry.ts")
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+"\.\.\/engine";/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
    assert.deepEqual(offenders, []);
    const bundle = path.join(REPO, "dist/extension.js");
    assert.ok(fs.existsSync(bundle), "dist/extension.js is missing: run `npm run build` first (npm test does)");
    assert.ok(fs.statSync(bundle).size < 1024 * 1024, `dist/extension.js is ${fs.statSync(bundle).size} bytes: the engine was bundled into it`);
  });

  it("schemas/config.schema.json is generated from the rules (run `npm run schema` after changing rules)", () => {
    assert.equal(fs.readFileSync(SCHEMA_PATH, "utf8"), renderSchema());
  });

  it("every case has a description and a message; every rule a one-line description", () => {
    for (const r of allRules) {
      assert.ok(r.docs.description && !r.docs.description.includes("\n"), r.id);
      for (const [id, c] of Object.entries(r.cases)) assert.ok(c.description && c.message, `${r.id}/${id}`);
    }
  });
});
