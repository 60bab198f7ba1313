/** Parsed `hardening-hints audit` arguments. */
export interface CliArgs {
  command: "audit" | "help" | "version" | "mcp" | "merge" | "hook" | "init" | "trend" | "agents";
  /** `agents --check`: compare the agent instructions with what would be written (src/agents/cli.ts). */
  check?: boolean;
  /** `trend ...`: its own arguments, parsed by src/agents/trend-cli.ts. */
  trendArgv?: string[];
  /** `hook AGENT` / `init --agent AGENT`: the coding agent (src/agents/hook.ts, src/agents/init.ts). */
  agent?: string;
  /** `mcp --root DIR`, `agents --root DIR`: the workspace the MCP server serves or the agents section describes (default: the working directory). */
  root?: string;
  paths: string[];
  format: "text" | "json" | "sarif" | "gitlab";
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
  /** `--cache`: reuse the results of unchanged files (src/cli/cache.ts), stored at `cacheLocation`. */
  cache: boolean;
  cacheLocation?: string;
  /** `--shard i/n`: audit only the i-th (1-based) of n slices of the file list. */
  shard?: { index: number; count: number };
  /** `--stdin`: the source comes from standard input, reported as `stdinFilename`. */
  stdin: boolean;
  stdinFilename?: string;
}

/** More threads than this is never what someone meant; the CLI also caps the count at the cores. */
export const MAX_JOBS = 256;

/** A whole number written as digits (with an optional minus): `Number("")` and `Number(" ")` are 0, not a value. */
function wholeNumber(v: string): number | undefined {
  return /^-?\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage: hardening-hints audit [paths...] [options]
       hardening-hints merge FILE... [--format json|sarif|gitlab] [--output FILE]
                                          join the JSON or SARIF reports of the shards of one run
                                          (gitlab: from the shards' JSON reports)
       hardening-hints mcp [--root DIR]   serve the audit, explain, fixes and rules tools to a coding
                                          agent (MCP on stdio) for the folder DIR (default: .)
       hardening-hints hook claude-code|cursor
                                          check the file an agent just edited (the agent's hook JSON
                                          on stdin); Claude Code: exit 2 with new findings on stderr
       hardening-hints init --agent claude-code|cursor|copilot [--root DIR]
                                          add the hook (Claude Code, Cursor) or the MCP server
                                          (Copilot, .vscode/mcp.json) to the agent's configuration
       hardening-hints trend [--since DATE|"6 months"] [--every month|week|N days] [--html FILE]
                                          findings per family per period over past commits, new and
                                          fixed (read from git objects; trend --help for more)
       hardening-hints agents [--check] [--root DIR]
                                          write the section on errors, input and secrets, drawn from
                                          the audit, into AGENTS.md (and CLAUDE.md, .github/copilot-
                                          instructions.md, .cursor/rules where used); --check: exit 1
                                          when a section is stale, write nothing

Finds swallowed exceptions, unvalidated input boundaries and hard-coded secrets in TS/JS.

Options:
  --format text|json|sarif|gitlab
                             output format (default text; gitlab: a GitLab Code Quality report)
  --output FILE              write the report to FILE instead of stdout
  --max-warnings N           exit 1 when there are more than N warnings (-1: no limit)
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
                             any: every skipped file (too large, binary, minified, vendored) fails it; none
  --cache                    reuse the results of files that did not change since the last run
  --cache-location FILE      where the cache lives (default .hardeninghints-cache)
  --shard I/N                audit only slice I of N of the file list (a CI matrix); the slices
                             of 1/N..N/N are disjoint and together are the whole list
  --stdin                    read the source from standard input (pre-commit hooks)
  --stdin-filename FILE      the path the standard input is reported as, and configured by
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no error-level finding (and within --max-warnings), 1 error-level findings or
too many warnings, 2 usage, configuration or internal error.`;

/** `hardening-hints mcp [--root DIR]`: the MCP server on stdio (src/mcp/server.ts); `agents [--check] [--root DIR]` (src/agents/cli.ts). */
function parseMcpArgs(rest: string[], args: CliArgs, command: "mcp" | "agents" = "mcp"): CliArgs {
  const out: CliArgs = { ...args, command };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.startsWith("--root=") ? ["--root", rest[i]!.slice(7)] : [rest[i]!, undefined];
    if (command === "agents" && flag === "--check") {
      out.check = true;
      continue;
    }
    if (flag !== "--root") throw new UsageError(command === "agents" ? `agents takes --check and --root DIR, not ${flag}` : `mcp takes only --root DIR, not ${flag}`);
    const v = inline ?? rest[++i];
    if (!v) throw new UsageError("--root needs a value");
    out.root = v;
  }
  return out;
}

/** `hook claude-code|cursor` and `init --agent claude-code|cursor|copilot [--root DIR]` (src/agents). */
function parseAgentArgs(command: "hook" | "init", rest: string[], args: CliArgs): CliArgs {
  const out: CliArgs = { ...args, command };
  const agents = command === "hook" ? ["claude-code", "cursor"] : ["claude-code", "cursor", "copilot"];
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = /^--(root|agent)=/.test(rest[i]!) ? [rest[i]!.slice(0, rest[i]!.indexOf("=")), rest[i]!.slice(rest[i]!.indexOf("=") + 1)] : [rest[i]!, undefined];
    if (command === "hook" && !flag.startsWith("-") && out.agent === undefined) out.agent = flag;
    else if (command === "init" && (flag === "--agent" || flag === "--root")) {
      const v = inline ?? rest[++i];
      if (!v) throw new UsageError(`${flag} needs a value`);
      if (flag === "--agent") out.agent = v;
      else out.root = v;
    } else throw new UsageError(command === "hook" ? `hook takes only the agent (claude-code or cursor), not ${flag}` : `init takes --agent and --root, not ${flag}`);
  }
  if (!out.agent) throw new UsageError(command === "hook" ? "hook needs the agent: hardening-hints hook claude-code|cursor" : "init needs --agent claude-code|cursor|copilot");
  if (!agents.includes(out.agent)) throw new UsageError(`${command} supports ${agents.join(", ")}, not "${out.agent}"`);
  return out;
}

/** Parses argv (without node and script). Throws UsageError with a precise message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: "audit", paths: [], format: "text", quiet: false, fix: false, fixDryRun: false, updateBaseline: false, noIgnore: false, failOnSkipped: "unparsable", cache: false, stdin: false };
  const rest = [...argv];
  if (rest[0] === "audit") rest.shift();
  else if (rest[0] === "help" || rest[0] === "-h" || rest[0] === "--help") return { ...args, command: "help" };
  else if (rest[0] === "-v" || rest[0] === "--version") return { ...args, command: "version" };
  else if (rest[0] === "mcp") return parseMcpArgs(rest.slice(1), args);
  else if (rest[0] === "agents") return parseMcpArgs(rest.slice(1), args, "agents");
  else if (rest[0] === "hook" || rest[0] === "init") return parseAgentArgs(rest[0], rest.slice(1), args);
  else if (rest[0] === "trend") return { ...args, command: "trend", trendArgv: rest.slice(1) };
  else if (rest[0] === "merge") {
    rest.shift();
    args.command = "merge";
  }
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
        if (f !== "text" && f !== "json" && f !== "sarif" && f !== "gitlab") throw new UsageError(`--format must be text, json, sarif or gitlab, not "${f}"`);
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
      case "--cache":
        args.cache = true;
        break;
      case "--cache-location":
        args.cacheLocation = value(flag);
        args.cache = true;
        break;
      case "--shard": {
        const v = value(flag);
        const m = /^(\d{1,4})\/(\d{1,4})$/.exec(v);
        const index = m ? Number(m[1]) : 0;
        const count = m ? Number(m[2]) : 0;
        if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard needs I/N with 1 <= I <= N (for example 2/4), not "${v}"`);
        args.shard = { index, count };
        break;
      }
      case "--stdin":
        args.stdin = true;
        break;
      case "--stdin-filename":
        args.stdinFilename = value(flag);
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
  if (args.command === "merge") {
    if (args.paths.length === 0) throw new UsageError("merge needs the report files of the shards");
    if (args.format === "text") args.format = "json";
    return args;
  }
  if (args.stdin && args.paths.length > 0) throw new UsageError("--stdin reads one source from standard input; give its path with --stdin-filename, not as a path");
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError("--stdin-filename needs --stdin");
  if (args.stdin && (args.fix || args.fixDryRun || args.shard || args.cache)) throw new UsageError("--stdin cannot be used with --fix, --fix-dry-run, --shard or --cache");
  if (args.paths.length === 0) args.paths.push(".");
  return args;
}
