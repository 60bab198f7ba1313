import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Readable, Writable } from "node:stream";
import { version as VERSION } from "../../package.json";
import { TOOLS, type ToolName } from "./schemas";
import { auditTool, explainTool, fixesTool, rulesTool, ToolError, type Workspace } from "./tools";

type ToolResult = { content: { type: "text"; text: string }[]; isError?: boolean };

/** A tool's answer: its JSON as text (what every client shows the model), or its error as a tool error. */
async function answer(run: () => unknown): Promise<ToolResult> {
  try {
    return { content: [{ type: "text", text: JSON.stringify(await run()) }] };
  } catch (err: unknown) {
    // A ToolError is the agent's mistake and says how to mend it; anything else is ours.
    const text = err instanceof ToolError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return { content: [{ type: "text", text }], isError: true };
  }
}

/** The MCP server with the four tools over one workspace; `fixes` is the only one that may write. */
export function createMcpServer(ws: Workspace): McpServer {
  const server = new McpServer(
    { name: "hardening-hints", title: "Hardening Hints", version: VERSION },
    {
      // The SDK would build an Ajv instance (a schema compiler that generates code) for validating
      // elicitation answers; this server never elicits, so none is made and none can compile.
      jsonSchemaValidator: {
        getValidator: () => {
          throw new Error("hardening-hints asks the client no questions (no elicitation)");
        },
      },
      instructions: `Audits TypeScript/JavaScript in ${ws.root} for swallowed errors, unvalidated input and hard-coded secrets. Call \`audit\` on the files you changed; \`explain\` a code you do not know; \`fixes\` shows the edits (apply only with \`apply: true\`).`,
    },
  );
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  const register = (name: ToolName, annotations: Record<string, boolean>, run: (input: never, signal: AbortSignal) => unknown) => {
    const t = TOOLS[name];
    server.registerTool(name, { title: t.title, description: t.description, inputSchema: t.input, annotations: { title: t.title, ...annotations } }, (input: unknown, extra: { signal: AbortSignal }) =>
      answer(() => run(input as never, extra.signal)),
    );
  };
  // A client's notifications/cancelled aborts the signal; the audit stops between files.
  register("audit", readOnly, (input, signal) => auditTool(ws, input, () => signal.aborted));
  register("explain", readOnly, (input) => explainTool(ws, input));
  register("fixes", { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false }, (input) => fixesTool(ws, input));
  register("rules", readOnly, (input) => rulesTool(ws, input));
  return server;
}

/**
 * `hardening-hints mcp`: serves the tools on stdio until the client closes the stream. Resolves
 * then, so the CLI exits 0. Nothing else may write to stdout meanwhile (it carries JSON-RPC).
 */
export async function serveMcp(ws: Workspace, streams: { stdin: Readable; stdout: Writable } = { stdin: process.stdin, stdout: process.stdout }): Promise<void> {
  const server = createMcpServer(ws);
  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    // The SDK transport does not notice the end of stdin by itself.
    streams.stdin.once("end", () => void server.close());
  });
  await server.connect(transport);
  await closed;
}
