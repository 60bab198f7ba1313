/** Parsed `hardening-hints audit` arguments. */
export interface CliArgs {
  command: "audit" | "help" | "version" | "mcp";
  /** `mcp --root DIR`: the workspace the MCP server serves (default: the working directory). */
  root?: string;
  paths: string[];
  format: "text" | "json" | "sarif";
  output?: string;
  maxWarnings?: number;
  config?: string;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  baseline?: string;
  updateBaseline: boolean;
  noIgnore: boolean;
  jobs?: number;
  /** Which skipped files fail the run: `unparsable` (default) those the parser could not handle, `any` every skip, `none` never. */
  failOnSkipped: "unparsable" | "any" | "none";
}

/** More threads than this is never what someone meant; the CLI also caps the count at the cores. */
export const MAX_JOBS = 256;

/** A whole number written as digits (with an optional minus): `Number("")` and `Number(" ")` are 0, not a value. */
function wholeNumber(v: string): number | undefined {
  return /^-?\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage: hardening-hints audit [paths...] [options]
       hardening-hints mcp [--root DIR]   serve the audit, explain, fixes and rules tools to a coding
                                          agent (MCP on stdio) for the folder DIR (default: .)

Finds swallowed exceptions, unvalidated input boundaries and hard-coded secrets in TS/JS.

Options:
  --format text|json|sarif   output format (default text)
  --output FILE              write the report to FILE instead of stdout
  --max-warnings N           exit 1 when there are more than N warnings
  --config FILE              use this .hardeninghints.json for every file
  --quiet                    report errors only
  --fix                      apply safe fixes and report what changed
  --fix-dry-run              print the safe fixes as a unified diff; change nothing
  --baseline FILE            report only findings not in the baseline
  --update-baseline          write the current findings to the baseline file
  --no-ignore                analyze ignored files too (built-in ignores, config ignores, .gitignore)
  --jobs N                   worker threads (default: 1 on two cores or fewer, else cores - 1, up to 4;
                             at most the number of cores)
  --fail-on-skipped WHICH    unparsable (default): a file the parser cannot handle fails the run;
                             any: every skipped file (too large, binary, minified) fails it; none
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no error-level finding (and within --max-warnings), 1 error-level findings or
too many warnings, 2 usage, configuration or internal error.`;

/** `hardening-hints mcp [--root DIR]`: the MCP server on stdio (src/mcp/server.ts). */
function parseMcpArgs(rest: string[], args: CliArgs): CliArgs {
  const out: CliArgs = { ...args, command: "mcp" };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.startsWith("--root=") ? ["--root", rest[i]!.slice(7)] : [rest[i]!, undefined];
    if (flag !== "--root") throw new UsageError(`mcp takes only --root DIR, not ${flag}`);
    const v = inline ?? rest[++i];
    if (!v) throw new UsageError("--root needs a value");
    out.root = v;
  }
  return out;
}

/** Parses argv (without node and script). Throws UsageError with a precise message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: "audit", paths: [], format: "text", quiet: false, fix: false, fixDryRun: false, updateBaseline: false, noIgnore: false, failOnSkipped: "unparsable" };
  const rest = [...argv];
  if (rest[0] === "audit") rest.shift();
  else if (rest[0] === "help" || rest[0] === "-h" || rest[0] === "--help") return { ...args, command: "help" };
  else if (rest[0] === "-v" || rest[0] === "--version") return { ...args, command: "version" };
  else if (rest[0] === "mcp") return parseMcpArgs(rest.slice(1), args);
  else if (rest[0] !== undefined && !rest[0].startsWith("-")) throw new UsageError(`unknown command "${rest[0]}" (expected "audit")`);
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || (v.startsWith("--") && v.length > 2)) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const raw = rest.shift()!;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq === -1 ? raw : raw.slice(0, eq);
    if (eq !== -1) rest.unshift(raw.slice(eq + 1));
    switch (flag) {
      case "--format": {
        const f = value(flag);
        if (f !== "text" && f !== "json" && f !== "sarif") throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        args.format = f;
        break;
      }
      case "--output":
      case "-o":
        args.output = value(flag);
        break;
      case "--max-warnings": {
        const v = value(flag);
        const n = wholeNumber(v);
        if (n === undefined || n < -1) throw new UsageError(`--max-warnings needs a whole number, not "${v}"`);
        args.maxWarnings = n;
        break;
      }
      case "--jobs": {
        const v = value(flag);
        const n = wholeNumber(v);
        if (n === undefined || n < 1 || n > MAX_JOBS) throw new UsageError(`--jobs needs a whole number from 1 to ${MAX_JOBS}, not "${v}"`);
        args.jobs = n;
        break;
      }
      case "--fail-on-skipped": {
        const v = value(flag);
        if (v !== "unparsable" && v !== "any" && v !== "none") throw new UsageError(`--fail-on-skipped must be unparsable, any or none, not "${v}"`);
        args.failOnSkipped = v;
        break;
      }
      case "--config":
      case "-c":
        args.config = value(flag);
        break;
      case "--baseline":
        args.baseline = value(flag);
        break;
      case "--update-baseline":
        args.updateBaseline = true;
        break;
      case "--quiet":
        args.quiet = true;
        break;
      case "--fix":
        args.fix = true;
        break;
      case "--fix-dry-run":
        args.fixDryRun = true;
        break;
      case "--no-ignore":
        args.noIgnore = true;
        break;
      case "-h":
      case "--help":
        return { ...args, command: "help" };
      case "-v":
      case "--version":
        return { ...args, command: "version" };
      default:
        if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
        args.paths.push(raw);
    }
  }
  if (args.fix && args.fixDryRun) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  if (args.updateBaseline && !args.baseline) throw new UsageError("--update-baseline needs --baseline FILE");
  if (args.paths.length === 0) args.paths.push(".");
  return args;
}
