// Declarations for the npm package (run by `prepack`; `noCheck`: `npm run typecheck` checks types): dist/types/** for the public API
// (src/api/index.ts) and the ESLint plugin (src/eslint/index.ts), emitted by the TypeScript
// compiler from the sources, so they cannot drift from the code. The engine's few mentions of
// TypeScript's own AST types (`ts.Node` in a rule's context) point at "typescript" instead of
// "ts-morph", which the package does not ship: a project that type-checks against us has it.
import { createRequire } from "node:module";
import { rmSync } from "node:fs";

const ts = createRequire(import.meta.url)("typescript");
const OUT = "dist/types";
rmSync(OUT, { recursive: true, force: true });
const base = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(ts.flattenDiagnosticMessageText(d.messageText, "\n")) });
const options = { ...base.options, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: OUT, rootDir: "src", types: ["node"], stripInternal: true, noCheck: true };
const program = ts.createProgram({ rootNames: ["src/api/index.ts", "src/eslint/index.ts"], options });
// `import type { ts } from "ts-morph"` -> `import type * as ts from "typescript"` (and the `ts as x` form).
const retarget = (text) => text.replace(/^import (type )?\{ ts(?: as (\w+))? \} from "ts-morph";$/gm, (_, type, alias) => `import ${type ?? ""}* as ${alias ?? "ts"} from "typescript";`);
// minimatch is bundled, not a dependency: its one type here (a .gitignore rule's matcher) is stated.
const unbundle = (text) => text.replace(/^import \{ Minimatch \} from "minimatch";$/m, "/** minimatch's matcher (bundled into dist/engine.js). */\ntype Minimatch = { match(path: string): boolean; readonly pattern: string };");
// A declaration may import only what a consumer that type-checks has: TypeScript, ESLint, Node.
const ALLOWED_IMPORTS = /^(?:typescript|eslint|node:.*|\..*)$/;
const leaks = [];
const write = (file, text, bom) => {
  const out = unbundle(retarget(text));
  for (const m of out.matchAll(/^(?:import|export)\b[^\n;]*?\bfrom "([^"]+)";$/gm)) if (!ALLOWED_IMPORTS.test(m[1])) leaks.push(`${file}: imports "${m[1]}", which the package does not ship`);
  ts.sys.writeFile(file, out, bom);
};
const result = program.emit(undefined, write, undefined, true);
const diagnostics = [...result.diagnostics];
if (leaks.length) {
  console.error(leaks.join("\n"));
  process.exit(1);
}
if (diagnostics.length) {
  console.error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => "\n" }));
  process.exit(1);
}
console.log(`types: ${OUT}/api/index.d.ts, ${OUT}/eslint/index.d.ts`);
