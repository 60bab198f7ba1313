import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { initAgent, planEntry, setupFor, type InitAgent } from "../../../src/agents/init";
import { BundledCli } from "./cli-bundle";

let bundled: BundledCli;
/** The real CLI, as `hardening-hints init …` runs. */
const cli = async (cwd: string, ...argv: string[]) => bundled.run(cwd, argv);

/** Every file under `dir` (relative, with `/`) and its text. */
function snapshot(dir: string, at = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(dir, at), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = at ? `${at}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = fs.readFileSync(path.join(dir, rel), "utf8");
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** True when `after` is `before` with one run of text inserted (or several at different places): nothing removed or moved. */
function onlyInserts(before: string, after: string): boolean {
  let i = 0;
  for (const c of after) if (i < before.length && c === before[i]) i++;
  return i === before.length;
}

const CLAUDE_NEW = `{
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Write|Edit|MultiEdit",
        "hooks": [
          {
            "type": "command",
            "command": "npx hardening-hints hook claude-code"
          }
        ]
      }
    ]
  }
}
`;
const CURSOR_NEW = `{
  "version": 1,
  "hooks": {
    "postToolUse": [
      {
        "command": "npx hardening-hints hook cursor",
        "matcher": "Write"
      }
    ]
  }
}
`;
const COPILOT_NEW = `{
  "servers": {
    "hardening-hints": {
      "type": "stdio",
      "command": "npx",
      "args": [
        "hardening-hints",
        "mcp"
      ]
    }
  }
}
`;

/** Each agent's file as a user may have it, and the same file with our entry: inserted, in its layout. */
const EXISTING: Record<InitAgent, { file: string; before: string; after: string }> = {
  "claude-code": {
    file: ".claude/settings.json",
    before: `{
  "permissions": {
    "allow": ["Bash(npm test)"]
  },
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Write|Edit",
        "hooks": [{ "type": "command", "command": "npx prettier --write \\"$CLAUDE_FILE\\"" }]
      }
    ]
  }
}
`,
    after: `{
  "permissions": {
    "allow": ["Bash(npm test)"]
  },
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Write|Edit",
        "hooks": [{ "type": "command", "command": "npx prettier --write \\"$CLAUDE_FILE\\"" }]
      },
      {
        "matcher": "Write|Edit|MultiEdit",
        "hooks": [
          {
            "type": "command",
            "command": "npx hardening-hints hook claude-code"
          }
        ]
      }
    ]
  }
}
`,
  },
  cursor: {
    file: ".cursor/hooks.json",
    before: `{
  // team hooks
  "version": 1,
  "hooks": {
    "afterFileEdit": [{ "command": ".cursor/hooks/format.sh" }] // formatter
  }
}
`,
    after: `{
  // team hooks
  "version": 1,
  "hooks": {
    "afterFileEdit": [{ "command": ".cursor/hooks/format.sh" }], // formatter
    "postToolUse": [
      {
        "command": "npx hardening-hints hook cursor",
        "matcher": "Write"
      }
    ]
  }
}
`,
  },
  copilot: {
    file: ".vscode/mcp.json",
    before: `{
\t"servers": {
\t\t"github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },
\t},
\t"inputs": []
}
`,
    after: `{
\t"servers": {
\t\t"github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },
\t\t"hardening-hints": {
\t\t\t"type": "stdio",
\t\t\t"command": "npx",
\t\t\t"args": [
\t\t\t\t"hardening-hints",
\t\t\t\t"mcp"
\t\t\t]
\t\t}
\t},
\t"inputs": []
}
`,
  },
};

describe("agents: hardening-hints init --agent", function () {
  this.timeout(60_000);
  let root: string;
  before(async () => {
    bundled = await BundledCli.build();
  });
  after(() => bundled?.dispose());
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hh-init-")));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), "utf8");
  const put = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  for (const [agent, file, expected] of [
    ["claude-code", ".claude/settings.json", CLAUDE_NEW],
    ["cursor", ".cursor/hooks.json", CURSOR_NEW],
    ["copilot", ".vscode/mcp.json", COPILOT_NEW],
  ] as const) {
    it(`${agent} on an empty project: creates ${file}; a second run changes nothing`, async () => {
      // Copilot also gets the instructions section (hardening-hints agents), in its own file and AGENTS.md.
      const instructions = agent === "copilot" ? ["AGENTS.md: created with the hardening-hints section\n", ".github/copilot-instructions.md: section added at the end\n"] : [];
      const first = await cli(root, "init", "--agent", agent);
      assert.deepEqual(first, { status: 0, stdout: [`created ${file} with ${setupFor(agent).describe}\n`, ...instructions].join(""), stderr: "" });
      assert.equal(read(file), expected);
      const tree = snapshot(root);
      assert.deepEqual(Object.keys(tree), [file, ...(agent === "copilot" ? [".github/copilot-instructions.md", "AGENTS.md"] : [])].sort());
      if (agent === "copilot") assert.match(read(".github/copilot-instructions.md"), /^<!-- hardening-hints:begin -->\n[^]*\n<!-- hardening-hints:end -->\n$/);
      const second = await cli(root, "init", `--agent=${agent}`);
      const current = agent === "copilot" ? ["AGENTS.md: section is current\n", ".github/copilot-instructions.md: section is current\n"] : [];
      assert.deepEqual(second, { status: 0, stdout: [`${file} already has ${setupFor(agent).describe}; nothing changed\n`, ...current].join(""), stderr: "" });
      assert.deepEqual(snapshot(root), tree, "the second run changes no byte");
    });

    it(`${agent} next to the user's own entries: keeps every byte of them, inserts ours in the file's layout, once`, () => {
      const { before, after } = EXISTING[agent];
      put(file, before);
      assert.equal(initAgent(agent, root).status, "updated");
      assert.equal(read(file), after);
      assert.ok(onlyInserts(before, read(file)), "nothing of the user's removed or moved");
      assert.deepEqual(initAgent(agent, root), { file, status: "unchanged", message: `${file} already has ${setupFor(agent).describe}; nothing changed` });
      assert.equal(read(file), after);
    });
  }

  it("keeps CRLF line endings and a BOM", () => {
    const before = EXISTING["claude-code"].before.replace(/\n/g, "\r\n");
    put(".claude/settings.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(before)]));
    assert.equal(initAgent("claude-code", root).status, "updated");
    const bytes = fs.readFileSync(path.join(root, ".claude/settings.json"));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString("utf8"), EXISTING["claude-code"].after.replace(/\n/g, "\r\n"));
  });

  it("creates only the levels that are missing, and writes a one-line file on one line", () => {
    assert.deepEqual(planEntry(`{"model":"opus"}`, setupFor("claude-code").entry), { kind: "edit", text: `{"model":"opus", "hooks":{"PostToolUse":[{"matcher":"Write|Edit|MultiEdit","hooks":[{"type":"command","command":"npx hardening-hints hook claude-code"}]}]}}` });
    assert.deepEqual(planEntry(`{\n  "hooks": {}\n}\n`, setupFor("cursor").entry), {
      kind: "edit",
      text: `{\n  "hooks": {\n    "postToolUse": [\n      {\n        "command": "npx hardening-hints hook cursor",\n        "matcher": "Write"\n      }\n    ]\n  }\n}\n`,
    });
  });

  it("an entry the user already has in another form counts: Cursor on afterFileEdit, an MCP server under another name", () => {
    const cursor = `{ "hooks": { "afterFileEdit": [{ "command": "npx --no-install hardening-hints hook cursor" }] } }`;
    assert.deepEqual(planEntry(cursor, setupFor("cursor").entry), { kind: "unchanged" });
    const mcp = `{ "servers": { "hh": { "command": "node", "args": ["node_modules/hardening-hints/dist/cli.js", "mcp"] } } }`;
    assert.deepEqual(planEntry(mcp, setupFor("copilot").entry), { kind: "unchanged" });
    const named = `{ "servers": { "hardening-hints": { "command": "pnpm", "args": ["exec", "hardening-hints", "mcp", "--root", "app"] } } }`;
    assert.deepEqual(planEntry(named, setupFor("copilot").entry), { kind: "unchanged" }, "the user's own server of that name is theirs");
  });

  it("leaves a file it cannot read as the agent does alone, and says what to add by hand (exit 2)", async () => {
    put(".claude/settings.json", `{ "hooks": [] }`);
    const r = await cli(root, "init", "--agent", "claude-code");
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^hardening-hints: \.claude\/settings\.json has "hooks" that is not an object; left as it is\. Add this under "hooks" → "PostToolUse" by hand:\n\{\n  "matcher": "Write\|Edit\|MultiEdit",/);
    assert.equal(read(".claude/settings.json"), `{ "hooks": [] }`);
    put(".cursor/hooks.json", `{ "hooks": { `);
    assert.deepEqual(initAgent("cursor", root).status, "refused");
    assert.equal(read(".cursor/hooks.json"), `{ "hooks": { `);
  });

  it("usage: the agent is required and checked; --root must be a folder", async () => {
    assert.match((await cli(root, "init")).stderr, /^hardening-hints: init needs --agent claude-code\|cursor\|copilot\n/);
    assert.match((await cli(root, "init", "--agent", "windsurf")).stderr, /^hardening-hints: init supports claude-code, cursor, copilot, not "windsurf"\n/);
    assert.match((await cli(root, "hook", "copilot")).stderr, /^hardening-hints: hook supports claude-code, cursor, not "copilot"\n/);
    const missing = await cli(root, "init", "--agent", "cursor", "--root", "nope");
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, `hardening-hints: init --root ${path.join(root, "nope")} is not a folder\n`);
    fs.mkdirSync(path.join(root, "app"));
    assert.equal((await cli(root, "init", "--agent", "cursor", "--root", "app")).status, 0);
    assert.equal(read("app/.cursor/hooks.json"), CURSOR_NEW);
  });
});
