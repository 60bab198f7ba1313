// Bundles with esbuild: dist/cli.js (the `hardening-hints` bin), dist/index.js (the package's
// API), dist/eslint.js (the ESLint/oxlint plugin), dist/extension.js (vscode external) and the
// real-host test suite under dist/test/integration/. The engine (with the one TypeScript that
// ts-morph bundles, without the rest of ts-morph) is in dist/engine.js only: the CLI, the API
// and the plugin require it (see sharedEngine), the extension on its first analysis. The npm
// package and the .vsix ship these same files.
import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync, rmSync, chmodSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { asciiPlugin, assertAscii } from "./build/ascii.mjs";

const watch = process.argv.includes("--watch");
// `alias`: see scripts/build/ts-only.cjs (the engine needs TypeScript, not ts-morph's Project API).
// `plugins`: every bundle's source is loaded ASCII (scripts/build/ascii.mjs); a build that sets
// plugins of its own lists this one first.
const common = { alias: { "ts-morph": "./scripts/build/ts-only.cjs" }, plugins: [asciiPlugin], bundle: true, mainFields: ["module", "main"], platform: "node", format: "cjs", target: "node20", sourcemap: "linked", logLevel: "warning", legalComments: "none" };

// Only the test bundles are cleared (a renamed suite must not linger); the rest is overwritten.
rmSync("dist/test", { recursive: true, force: true });

// The engine's folders. Everything else imports them from dist/engine.js, through
// `__internal[<module path>]` (each module's exports object), so no name can go missing.
const ENGINE_DIRS = ["engine", "rules", "profile", "fixes"].map((d) => resolve("src", d) + sep);
const inEngine = (file) => ENGINE_DIRS.some((d) => file.startsWith(d));
const engineKey = (file) => relative("src", file).split(sep).join("/").replace(/\.ts$/, "");
function tsFilesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFilesUnder(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [join(dir, e.name)] : []));
}
function resolveTs(base) {
  for (const f of [base, `${base}.ts`, join(base, "index.ts")]) if (existsSync(f) && statSync(f).isFile()) return f;
  return undefined;
}
const sharedEngine = {
  name: "shared-engine",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (a) => {
      if (a.namespace !== "file" || inEngine(a.importer)) return undefined;
      const file = resolveTs(resolve(a.resolveDir, a.path));
      return file && inEngine(file) ? { path: engineKey(file), namespace: "engine" } : undefined;
    });
    b.onResolve({ filter: /^\.\/engine\.js$/, namespace: "engine" }, () => ({ path: "./engine.js", external: true }));
    b.onLoad({ filter: /.*/, namespace: "engine" }, (a) => ({ contents: `module.exports = require("./engine.js").__internal[${JSON.stringify(a.path)}];`, loader: "js" }));
  },
};
const engineModules = ENGINE_DIRS.flatMap((d) => tsFilesUnder(d)).sort();
const engineEntry = [
  `export * from "./src/extension/engine-entry";`,
  ...engineModules.map((f, i) => `import * as m${i} from "./${relative(".", f).split(sep).join("/")}";`),
  `export const __internal = { ${engineModules.map((f, i) => `${JSON.stringify(engineKey(f))}: m${i}`).join(", ")} };`,
].join("\n");

const builds = [
  { ...common, stdin: { contents: engineEntry, resolveDir: ".", sourcefile: "engine-bundle.ts", loader: "ts" }, outfile: "dist/engine.js" },
  { ...common, entryPoints: ["src/cli/index.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" }, plugins: [asciiPlugin, sharedEngine] },
  { ...common, entryPoints: ["src/api/index.ts"], outfile: "dist/index.js", plugins: [asciiPlugin, sharedEngine] },
  { ...common, entryPoints: ["src/eslint/index.ts"], outfile: "dist/eslint.js", plugins: [asciiPlugin, sharedEngine] },
];
// The extension's engine goes into dist/engine.js, required on the first analysis: activation
// then reads a small bundle and never the 14 MB engine (ts-morph and TypeScript).
const engineSplit = {
  name: "engine-split",
  setup(b) {
    b.onResolve({ filter: /^\.\/engine-entry$/ }, (a) => (a.importer.endsWith(join("src", "extension", "engine.ts")) ? { path: "./engine.js", external: true } : undefined));
  },
};
if (existsSync("src/extension/extension.ts")) {
  builds.push({ ...common, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"], plugins: [asciiPlugin, engineSplit] });
} else {
  console.error("build: src/extension/extension.ts is missing; the extension bundle was NOT built");
  process.exitCode = 1;
}
const suiteDir = "test/integration/suite";
if (existsSync("test/integration/index.ts")) {
  const suites = existsSync(suiteDir) ? readdirSync(suiteDir).filter((f) => f.endsWith(".test.ts")).map((f) => join(suiteDir, f)) : [];
  builds.push({ ...common, entryPoints: ["test/integration/index.ts", ...suites], outdir: "dist/test/integration", outbase: "test/integration", external: ["vscode", "mocha"] });
}

const t0 = performance.now();
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log("build: watching");
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync("dist/cli.js", 0o755);
  for (const f of ["dist/engine.js", "dist/cli.js", "dist/index.js", "dist/eslint.js", "dist/extension.js"]) if (existsSync(f)) assertAscii(f);
  // Node's ESM loader reads a CommonJS file's export names from its text (cjs-module-lexer);
  // dist/index.js re-exports dist/engine.js at run time, so name them in esbuild's hint form
  // for `import { analyze } from "hardening-hints"`.
  const apiNames = Object.keys(createRequire(import.meta.url)("../dist/index.js")).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const api = readFileSync("dist/index.js", "utf8");
  writeFileSync("dist/index.js", api.replace(/\n(?=\/\/# sourceMappingURL=)/, `\n0 && (module.exports = { ${apiNames.join(", ")} });\n`));
  console.log(`build: ${builds.length} bundle(s) in ${Math.round(performance.now() - t0)} ms`);
}
