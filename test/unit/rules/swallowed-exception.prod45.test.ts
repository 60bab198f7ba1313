import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { RuleTester } from "../../helpers/rule-tester";

// Production samples, session 45, developer prodse: hand-written analogues (no fetched code) of the
// classes behind the sampled false findings shown at warning. Low confidence (info), each with its
// high-confidence neighbour: an empty catch whose try only computes (`syncTry`, now also for
// `emptyCatch`) and a rejection handler answering "none" into a local (`defaultKept`), both
// docs/rules/swallowed-exception.md "Confidence". Decided clean: the "none" of a rejection handler
// tested in place by an `if` that throws (keystone's `fs.stat` probe).
const named = new Set(["emptyCatch", "logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a probe's none tested in place by an if that throws is not reported",
      code: [
        "import fs from \"node:fs/promises\";",
        "",
        "export async function importBuilt(builtPath: string): Promise<unknown> {",
        "  if (!(await fs.stat(builtPath).catch(() => null))) {",
        "    throw new Error(\"You need to run the build first\");",
        "  }",
        "  return import(builtPath);",
        "}",
        "",
      ].join("\n"),
    },
  ],
  invalid: [
    {
      name: "syncTry: an empty catch whose try only calls an imported converter is low confidence (info)",
      code: [
        "import { zodToJsonSchema } from \"zod-to-json-schema\";",
        "",
        "export function toRequestSchema(schema: unknown): unknown {",
        "  try {",
        "    schema = zodToJsonSchema(schema as never);",
        "  } catch {}",
        "  return schema;",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "emptyCatch", line: 6, column: 11, endColumn: 13, confidence: "low", severity: "info",
          suggestions: [
            { title: "Log with console and rethrow", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function toRequestSchema(schema: unknown): unknown {\n  try {\n    schema = zodToJsonSchema(schema as never);\n  } catch (err) {\n    console.error(\"zodToJsonSchema failed in toRequestSchema\", err);\n    throw err;\n  }\n  return schema;\n}\n" },
            { title: "Mark as intentionally ignored…", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function toRequestSchema(schema: unknown): unknown {\n  try {\n    schema = zodToJsonSchema(schema as never);\n  } catch {\n    // Intentionally ignored: <reason>\n  }\n  return schema;\n}\n" },
          ],
        },
      ],
      output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function toRequestSchema(schema: unknown): unknown {\n  try {\n    schema = zodToJsonSchema(schema as never);\n  } catch (err) {\n    console.error(\"zodToJsonSchema failed in toRequestSchema\", err);\n  }\n  return schema;\n}\n",
    },
    {
      name: "syncTry: the same try with a catch that logs is logAndContinue at low confidence, as before",
      code: [
        "import { zodToJsonSchema } from \"zod-to-json-schema\";",
        "",
        "export function toRequestSchema(schema: unknown): unknown {",
        "  try {",
        "    schema = zodToJsonSchema(schema as never);",
        "  } catch (err) {",
        "    console.error(\"schema conversion failed\", err);",
        "  }",
        "  return schema;",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "logAndContinue", line: 6, column: 5, endColumn: 16, confidence: "low", severity: "info",
          suggestions: [
            { title: "Rethrow the error", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function toRequestSchema(schema: unknown): unknown {\n  try {\n    schema = zodToJsonSchema(schema as never);\n  } catch (err) {\n    console.error(\"schema conversion failed\", err);\n    throw err;\n  }\n  return schema;\n}\n" },
            { title: "Mark as intentionally ignored…", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function toRequestSchema(schema: unknown): unknown {\n  try {\n    schema = zodToJsonSchema(schema as never);\n  } catch (err) {\n    // Intentionally ignored: <reason>\n    console.error(\"schema conversion failed\", err);\n  }\n  return schema;\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "syncTry's neighbour: an empty catch around a call made for itself stays high confidence (warning)",
      code: [
        "import { zodToJsonSchema } from \"zod-to-json-schema\";",
        "",
        "export function checkSchema(schema: unknown): void {",
        "  try {",
        "    zodToJsonSchema(schema as never);",
        "  } catch {}",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "emptyCatch", line: 6, column: 11, endColumn: 13, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Log with console and rethrow", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function checkSchema(schema: unknown): void {\n  try {\n    zodToJsonSchema(schema as never);\n  } catch (err) {\n    console.error(\"zodToJsonSchema failed in checkSchema\", err);\n    throw err;\n  }\n}\n" },
            { title: "Mark as intentionally ignored…", output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function checkSchema(schema: unknown): void {\n  try {\n    zodToJsonSchema(schema as never);\n  } catch {\n    // Intentionally ignored: <reason>\n  }\n}\n" },
          ],
        },
      ],
      output: "import { zodToJsonSchema } from \"zod-to-json-schema\";\n\nexport function checkSchema(schema: unknown): void {\n  try {\n    zodToJsonSchema(schema as never);\n  } catch (err) {\n    console.error(\"zodToJsonSchema failed in checkSchema\", err);\n  }\n}\n",
    },
    {
      name: "syncTry's neighbour: an empty catch around a call named for a write stays high confidence (warning)",
      code: [
        "import { posting } from \"./posting\";",
        "",
        "export function seedInvoice(invoiceId: number): void {",
        "  try {",
        "    posting.postInvoiceSent(invoiceId, 1);",
        "  } catch {}",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "emptyCatch", line: 6, column: 11, endColumn: 13, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Log with console and rethrow", output: "import { posting } from \"./posting\";\n\nexport function seedInvoice(invoiceId: number): void {\n  try {\n    posting.postInvoiceSent(invoiceId, 1);\n  } catch (err) {\n    console.error(\"posting.postInvoiceSent failed in seedInvoice\", { invoiceId }, err);\n    throw err;\n  }\n}\n" },
            { title: "Mark as intentionally ignored…", output: "import { posting } from \"./posting\";\n\nexport function seedInvoice(invoiceId: number): void {\n  try {\n    posting.postInvoiceSent(invoiceId, 1);\n  } catch {\n    // Intentionally ignored: <reason>\n  }\n}\n" },
          ],
        },
      ],
      output: "import { posting } from \"./posting\";\n\nexport function seedInvoice(invoiceId: number): void {\n  try {\n    posting.postInvoiceSent(invoiceId, 1);\n  } catch (err) {\n    console.error(\"posting.postInvoiceSent failed in seedInvoice\", { invoiceId }, err);\n  }\n}\n",
    },
    {
      name: "syncTry's neighbour: an empty catch around a method that reaches outside stays high confidence (warning)",
      code: [
        "import type { ChildProcess } from \"node:child_process\";",
        "",
        "export function stopWorker(child: ChildProcess, parse: (s: string) => number, raw: string): number {",
        "  let code = 0;",
        "  try {",
        "    code = parse(raw);",
        "    child.kill(\"SIGKILL\");",
        "  } catch {}",
        "  return code;",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "emptyCatch", line: 8, column: 11, endColumn: 13, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Log with console and rethrow", output: "import type { ChildProcess } from \"node:child_process\";\n\nexport function stopWorker(child: ChildProcess, parse: (s: string) => number, raw: string): number {\n  let code = 0;\n  try {\n    code = parse(raw);\n    child.kill(\"SIGKILL\");\n  } catch (err) {\n    console.error(\"stopWorker failed\", err);\n    throw err;\n  }\n  return code;\n}\n" },
            { title: "Mark as intentionally ignored…", output: "import type { ChildProcess } from \"node:child_process\";\n\nexport function stopWorker(child: ChildProcess, parse: (s: string) => number, raw: string): number {\n  let code = 0;\n  try {\n    code = parse(raw);\n    child.kill(\"SIGKILL\");\n  } catch {\n    // Intentionally ignored: <reason>\n  }\n  return code;\n}\n" },
          ],
        },
      ],
      output: "import type { ChildProcess } from \"node:child_process\";\n\nexport function stopWorker(child: ChildProcess, parse: (s: string) => number, raw: string): number {\n  let code = 0;\n  try {\n    code = parse(raw);\n    child.kill(\"SIGKILL\");\n  } catch (err) {\n    console.error(\"stopWorker failed\", err);\n  }\n  return code;\n}\n",
    },
    {
      name: "defaultKept: a folder listing answered null into a local is low confidence (info)",
      code: [
        "import fs from \"node:fs/promises\";",
        "",
        "export async function listExtensions(root: string): Promise<string[]> {",
        "  const entries = await fs.readdir(root).catch(() => null);",
        "  return (entries ?? []).filter((name) => name.endsWith(\".json\"));",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "promiseCatchNoop", line: 4, column: 48, endColumn: 58, confidence: "low", severity: "info",
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "import fs from \"node:fs/promises\";\n\nexport async function listExtensions(root: string): Promise<string[]> {\n  const entries = await fs.readdir(root).catch(() => /* Intentionally ignored: <reason> */ null);\n  return (entries ?? []).filter((name) => name.endsWith(\".json\"));\n}\n" },
          ],
        },
      ],
      output: "import fs from \"node:fs/promises\";\n\nexport async function listExtensions(root: string): Promise<string[]> {\n  const entries = await fs.readdir(root).catch((err) => {\n    console.error(\"fs.readdir failed in listExtensions\", err);\n    return null;\n  });\n  return (entries ?? []).filter((name) => name.endsWith(\".json\"));\n}\n",
    },
    {
      name: "defaultKept's neighbour: the same listing whose handler logs is promiseCatchLogOnly, not lowered by defaultKept",
      code: [
        "import fs from \"node:fs/promises\";",
        "",
        "export async function listExtensions(root: string): Promise<string[]> {",
        "  const entries = await fs.readdir(root).catch((err) => {",
        "    console.error(\"readdir failed\", err);",
        "    return null;",
        "  });",
        "  return (entries ?? []).filter((name) => name.endsWith(\".json\"));",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "promiseCatchLogOnly", line: 4, column: 48, endLine: 7, endColumn: 4, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "import fs from \"node:fs/promises\";\n\nexport async function listExtensions(root: string): Promise<string[]> {\n  const entries = await fs.readdir(root).catch((err) => {\n    // Intentionally ignored: <reason>\n    console.error(\"readdir failed\", err);\n    return null;\n  });\n  return (entries ?? []).filter((name) => name.endsWith(\".json\"));\n}\n" },
          ],
        },
      ],
      output: null,
    },
    {
      name: "defaultKept's neighbour: a database read answered null into a local stays high confidence (warning)",
      code: [
        "import { prisma } from \"./prisma\";",
        "",
        "export async function refundedSoFar(orderId: string): Promise<number> {",
        "  const recorded = await prisma.ledgerEntry.aggregate({ where: { orderId }, _sum: { amount: true } }).catch(() => null);",
        "  return Math.abs(Number(recorded?._sum.amount || 0));",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "promiseCatchNoop", line: 4, column: 109, endColumn: 119, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "import { prisma } from \"./prisma\";\n\nexport async function refundedSoFar(orderId: string): Promise<number> {\n  const recorded = await prisma.ledgerEntry.aggregate({ where: { orderId }, _sum: { amount: true } }).catch(() => /* Intentionally ignored: <reason> */ null);\n  return Math.abs(Number(recorded?._sum.amount || 0));\n}\n" },
          ],
        },
      ],
      output: "import { prisma } from \"./prisma\";\n\nexport async function refundedSoFar(orderId: string): Promise<number> {\n  const recorded = await prisma.ledgerEntry.aggregate({ where: { orderId }, _sum: { amount: true } }).catch((err) => {\n    console.error(\"prisma.ledgerEntry.aggregate failed in refundedSoFar\", { orderId }, err);\n    return null;\n  });\n  return Math.abs(Number(recorded?._sum.amount || 0));\n}\n",
    },
    {
      name: "defaultKept's neighbour: a fallback with content kept in a local stays high confidence (warning)",
      code: [
        "import { client } from \"./ollama\";",
        "",
        "export async function modelNames(): Promise<string[]> {",
        "  const listed = await client.list().catch(() => ({ models: [{ name: \"llama3\" }] }));",
        "  return listed.models.map((m) => m.name);",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "promiseCatchNoop", line: 4, column: 44, endColumn: 84, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "import { client } from \"./ollama\";\n\nexport async function modelNames(): Promise<string[]> {\n  const listed = await client.list().catch(() => /* Intentionally ignored: <reason> */ ({ models: [{ name: \"llama3\" }] }));\n  return listed.models.map((m) => m.name);\n}\n" },
          ],
        },
      ],
      output: "import { client } from \"./ollama\";\n\nexport async function modelNames(): Promise<string[]> {\n  const listed = await client.list().catch((err) => {\n    console.error(\"client.list failed in modelNames\", err);\n    return ({ models: [{ name: \"llama3\" }] });\n  });\n  return listed.models.map((m) => m.name);\n}\n",
    },
    {
      name: "the in-place test's neighbour: a probe's none tested by an if that only returns stays reported",
      code: [
        "import fs from \"node:fs/promises\";",
        "",
        "export async function loadBuilt(builtPath: string): Promise<unknown> {",
        "  if (!(await fs.stat(builtPath).catch(() => null))) {",
        "    return undefined;",
        "  }",
        "  return import(builtPath);",
        "}",
        "",
      ].join("\n"),
      findings: [
        {
          case: "promiseCatchNoop", line: 4, column: 40, endColumn: 50, confidence: "high", severity: "warning",
          suggestions: [
            { title: "Mark as intentionally ignored…", output: "import fs from \"node:fs/promises\";\n\nexport async function loadBuilt(builtPath: string): Promise<unknown> {\n  if (!(await fs.stat(builtPath).catch(() => /* Intentionally ignored: <reason> */ null))) {\n    return undefined;\n  }\n  return import(builtPath);\n}\n" },
          ],
        },
      ],
      output: "import fs from \"node:fs/promises\";\n\nexport async function loadBuilt(builtPath: string): Promise<unknown> {\n  if (!(await fs.stat(builtPath).catch((err) => {\n    console.error(\"fs.stat failed in loadBuilt\", err);\n    return null;\n  }))) {\n    return undefined;\n  }\n  return import(builtPath);\n}\n",
    },
  ],
});
