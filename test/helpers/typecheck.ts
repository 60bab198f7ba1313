import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Project, ts } from "ts-morph";

const REPO = path.resolve(__dirname, "../..");

export interface TypecheckOptions {
  target?: ts.ScriptTarget;
  lib?: string[];
  /** Extra declarations, e.g. `declare const logger: { error(...a: unknown[]): void };`. */
  ambient?: string;
  /** Legacy decorators, as NestJS projects compile them. */
  experimentalDecorators?: boolean;
}

/**
 * Type-checks files (relative path → text) as a small strict TS project that can import the
 * repo's installed packages (zod, @types/node). Returns the diagnostics as `file:line: text`.
 * Used to prove that fix outputs compile, not just parse.
 */
export function typecheck(files: Record<string, string>, opts: TypecheckOptions = {}): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-typecheck-"));
  try {
    const project = new Project({
      compilerOptions: {
        strict: true,
        target: opts.target ?? ts.ScriptTarget.ES2022,
        lib: opts.lib ?? ["lib.es2022.d.ts", "lib.dom.d.ts"],
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        experimentalDecorators: opts.experimentalDecorators ?? false,
        emitDecoratorMetadata: opts.experimentalDecorators ?? false,
        ignoreDeprecations: "6.0",
        allowJs: false,
        types: ["node"],
        typeRoots: [path.join(REPO, "node_modules/@types")],
        baseUrl: dir,
        paths: { zod: [path.join(REPO, "node_modules/zod")], "*": [path.join(REPO, "node_modules/*"), path.join(REPO, "node_modules/@types/*")] },
      },
    });
    const all = { ...files, ...(opts.ambient ? { "ambient.d.ts": opts.ambient } : {}) };
    for (const [rel, text] of Object.entries(all)) {
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
      project.addSourceFileAtPath(abs);
    }
    return project.getPreEmitDiagnostics().map((d) => {
      const sf = d.getSourceFile();
      const where = sf ? `${path.relative(dir, sf.getFilePath())}:${d.getLineNumber() ?? 0}` : "(global)";
      const msg = d.getMessageText();
      return `${where}: ${typeof msg === "string" ? msg : msg.getMessageText()}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
