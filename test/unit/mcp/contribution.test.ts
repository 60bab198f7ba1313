import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as z from "zod";
import { parseToolInput, TOOLS, type ToolName } from "../../../src/mcp/schemas";

const PACKAGE_JSON = path.resolve(__dirname, "../../../package.json");

const USER_DESCRIPTIONS: Record<ToolName, string> = {
  audit: "Audit files for swallowed errors, unvalidated input and hard-coded secrets",
  explain: "Explain a Hardening Hints rule or case and how this project configures it",
  fixes: "Show (or, when asked, apply) the fixes offered for a finding",
  rules: "List the Hardening Hints rules in effect in this project",
};

/** What package.json's `contributes.languageModelTools` must say: derived from the MCP server's own tool table. */
function expectedContribution() {
  return (Object.keys(TOOLS) as ToolName[]).map((name) => {
    const { $schema, ...inputSchema } = z.toJSONSchema(TOOLS[name].input) as Record<string, unknown>;
    void $schema; // VS Code reads the schema without a dialect
    return {
      name: `hardeningHints_${name}`,
      toolReferenceName: `hardeningHints${name[0]!.toUpperCase()}${name.slice(1)}`,
      displayName: TOOLS[name].title,
      canBeReferencedInPrompt: true,
      icon: "$(shield)",
      tags: ["hardening-hints", "security"],
      userDescription: USER_DESCRIPTIONS[name],
      modelDescription: TOOLS[name].description,
      inputSchema,
    };
  });
}

describe("mcp: the VS Code language-model tools are the MCP tools", () => {
  it("package.json contributes.languageModelTools equals the tool table (UPDATE_SNAPSHOTS=1 rewrites it)", () => {
    const text = fs.readFileSync(PACKAGE_JSON, "utf8");
    const pkg = JSON.parse(text);
    if (process.env.UPDATE_SNAPSHOTS === "1") {
      pkg.contributes.languageModelTools = expectedContribution();
      fs.writeFileSync(PACKAGE_JSON, JSON.stringify(pkg, null, 2) + "\n");
    }
    assert.deepEqual(JSON.parse(fs.readFileSync(PACKAGE_JSON, "utf8")).contributes.languageModelTools, expectedContribution());
  });

  it("package.json declares the MCP server provider the extension registers", () => {
    const pkg = JSON.parse(fs.readFileSync(PACKAGE_JSON, "utf8"));
    assert.deepEqual(pkg.contributes.mcpServerDefinitionProviders, [{ id: "hardeningHints.mcpServers", label: "Hardening Hints" }]);
  });

  it("parseToolInput names the wrong argument, as the MCP server's validation does", () => {
    assert.deepEqual(parseToolInput("audit", { paths: ["src"] }), { paths: ["src"] });
    assert.deepEqual(parseToolInput("rules", undefined), {});
    assert.throws(() => parseToolInput("fixes", { line: 2 }), /^TypeError: Input validation error: invalid arguments for fixes: .*path/);
    assert.throws(() => parseToolInput("audit", { bogus: true }), /Unrecognized key: "bogus"/);
  });
});
