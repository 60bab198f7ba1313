/**
 * docs/ci.md: every `hardening-hints` command in its recipes (workflow steps, hook entries,
 * lint-staged commands, the git hook) is one the CLI accepts, with the placeholders CI fills in.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "../../../src/cli/args";

const DOC = path.resolve(__dirname, "../../../docs/ci.md");

/** The CI variables in the recipes, as a runner would fill them in. */
const FILLED: [RegExp, string][] = [
  [/\$\{\{ matrix\.shard \}\}/g, "2"],
  [/\$CI_NODE_INDEX/g, "2"],
  [/\$CI_NODE_TOTAL/g, "4"],
  [/"\$file"/g, "src/a.ts"],
];

function commands(markdown: string): string[] {
  const out: string[] = [];
  for (const [, block] of markdown.matchAll(/```\w*\n([\s\S]*?)```/g))
    for (const raw of block!.split("\n")) {
      if (/^\s*name:/.test(raw)) continue; // a hook's display name, not a command
      // A lint-staged entry is a JSON string; a shell line ends before `||`.
      const line = /^\s*"[^"]+":\s*"(.*)",?$/.exec(raw)?.[1] ?? raw.split(" ||")[0]!;
      const at = line.search(/hardening-hints (?:audit|merge)\b/);
      if (at === -1) continue;
      let cmd = line.slice(at + "hardening-hints ".length);
      for (const [from, to] of FILLED) cmd = cmd.replace(from, to);
      out.push(cmd.trim());
    }
  return out;
}

describe("docs/ci.md: the recipes' commands", () => {
  const found = commands(fs.readFileSync(DOC, "utf8"));

  it("holds the recipes (audit and merge lines of every kind)", () => {
    assert.ok(found.length >= 10, `only ${found.length} commands found`);
    for (const needle of ["--format sarif", "--format gitlab", "--shard 2/4", "merge ", "--stdin", "--cache", "--baseline"]) assert.ok(found.some((c) => c.includes(needle)), `no command with ${needle}`);
  });

  for (const cmd of found)
    it(`parses: ${cmd}`, () => {
      const argv = cmd.split(/\s+/).map((a) => a.replace(/^"(.*)"$/, "$1"));
      const args = parseArgs(argv);
      assert.equal(args.command, argv[0]);
    });
});
