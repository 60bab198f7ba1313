import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as esbuild from "esbuild";

const REPO = path.resolve(__dirname, "../../..");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real CLI, bundled from src/ into a temporary folder as the build bundles dist/cli.js (its
 * subcommands are loaded with `import()`, which the in-process test loader cannot follow), and
 * run as a host runs it: `input` on standard input, in `cwd`.
 */
export class BundledCli {
  private constructor(readonly file: string) {}

  static async build(): Promise<BundledCli> {
    const file = path.join(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-agents-cli-"))), "cli.js");
    await esbuild.build({ absWorkingDir: REPO, entryPoints: ["src/cli/index.ts"], outfile: file, bundle: true, platform: "node", format: "cjs", target: "node20", mainFields: ["module", "main"], alias: { "ts-morph": "./scripts/build/ts-only.cjs" }, logLevel: "warning" });
    return new BundledCli(file);
  }

  /** `env` is added to this process's, without the hosts' own variables (a test may run inside an agent). */
  run(cwd: string, argv: string[], input = "", env: Record<string, string> = {}): Run {
    const inherited = { ...process.env };
    delete inherited.CLAUDE_PROJECT_DIR;
    const r = spawnSync(process.execPath, [this.file, ...argv], { input, cwd, encoding: "utf8", env: { ...inherited, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
  }
}
