// Bundles with esbuild: dist/cli.js (the `hardening-hints` bin), dist/extension.js (vscode
// external) and the real-host test suite under dist/test/integration/. One TypeScript (the one
// ts-morph bundles, without the rest of ts-morph) ends up in each bundle.
import * as esbuild from "esbuild";
import { existsSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";

const watch = process.argv.includes("--watch");
// `alias`: see scripts/build/ts-only.cjs (the engine needs TypeScript, not ts-morph's Project API).
const common = { alias: { "ts-morph": "./scripts/build/ts-only.cjs" }, bundle: true, mainFields: ["module", "main"], platform: "node", format: "cjs", target: "node20", sourcemap: "linked", logLevel: "warning", legalComments: "none" };

// Only the test bundles are cleared (a renamed suite must not linger); the rest is overwritten.
rmSync("dist/test", { recursive: true, force: true });

const builds = [
  { ...common, entryPoints: ["src/cli/index.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
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
  builds.push({ ...common, entryPoints: ["src/extension/engine-entry.ts"], outfile: "dist/engine.js" });
  builds.push({ ...common, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"], plugins: [engineSplit] });
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
  console.log(`build: ${builds.length} bundle(s) in ${Math.round(performance.now() - t0)} ms`);
}
