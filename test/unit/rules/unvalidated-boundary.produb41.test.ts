import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 41, developer produb41: production langfuse (eval/production), false lambdaEvent findings triaged blind:
// a parameter named `event` that is no Lambda invocation's event:
// - one typed with the project's own type that names no request (`function parseTraceId(event: IngestionEventType)`,
//   packages/shared/src/server/ingestion/sampling.ts:56, :58; `async (event: DatasetRunItemEventType) => …`,
//   worker/src/services/IngestionService/index.ts:528);
// - an element of an array handed to an array method's callback (`events.filter((event) => …)`, `.map((event) =>
//   ({ ...event, body: { ...event.body, environment } }))`, packages/shared/src/server/llm/getInternalTracingHandler.ts:54, :64).
// Rows in langfuse's TypeScript style, and hand-made in CommonJS with an untyped forEach over queue records.

const PKG = { "package.json": '{ "name": "worker", "dependencies": { "@prisma/client": "^5.0.0" } }' };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(text) + 1;

// langfuse's sampling and tracing helpers: the project's typed ingestion events.
const INGESTION = dedent`
  import { type IngestionEventType, type DatasetRunItemEventType } from "@langfuse/shared";
  import { prisma } from "./db";

  function parseTraceId(event: IngestionEventType): string | null | undefined {
    if (event.type === "trace-create") return event.body.id;
    return "traceId" in event.body ? event.body.traceId : null;
  }

  export async function keep(events: IngestionEventType[], list: DatasetRunItemEventType[]) {
    for (const event of events) await prisma.traces.create({ data: { id: parseTraceId(event) ?? "" } });
    await Promise.all(list.map(async (event: DatasetRunItemEventType) => prisma.datasetRuns.findFirst({ where: { id: event.body.runId, datasetId: event.body.datasetId } })));
  }
`;

const TRACING = dedent`
  import { processEventBatch } from "./ingestion";

  export function tracingHandler(environment: string, blocked: Set<string>) {
    return async (events: any[]) => {
      const kept = events
        .filter((event) => !("id" in event.body) || !blocked.has(event.body.id))
        .map((event) => ({ ...event, body: { ...event.body, environment } }));
      await processEventBatch(kept);
    };
  }
`;

// Another style: CommonJS, an untyped forEach over records the module read itself.
const RECORDS_CJS = dedent`
  const db = require("./db");

  exports.flush = async function flush(batch) {
    const rows = [];
    batch.items.forEach((event) => {
      rows.push({ id: event.body.id, kind: event.body.kind });
    });
    await db.events.insertMany(rows);
  };
`;

// A handler's own event, untyped and exported, stays a source.
const HANDLER_CJS = dedent`
  const db = require("./db");

  module.exports.create = async (event, context) => {
    const input = JSON.parse(event.body);
    await db.todos.insertOne({ title: input.title });
    return { statusCode: 201, body: "" };
  };
`;

// A handler typed with a platform's request type stays a source.
const NETLIFY = dedent`
  import type { HandlerEvent } from "@netlify/functions";
  import { db } from "./db";

  export async function save(event: HandlerEvent) {
    const input = JSON.parse(event.body ?? "{}");
    await db.todos.insertOne({ title: input.title });
    return { statusCode: 201, body: "" };
  }
`;

const valid: ValidCase[] = [
  { name: "lambdaEvent: parameters typed with the project's ingestion event types (langfuse sampling, IngestionService)", filename: "packages/shared/src/server/ingestion/sampling.ts", code: INGESTION, files: PKG },
  { name: "lambdaEvent: elements of an array in filter/map callbacks (langfuse getInternalTracingHandler)", filename: "packages/shared/src/server/llm/getInternalTracingHandler.ts", code: TRACING, files: PKG },
  { name: "lambdaEvent: another style, an untyped forEach callback over a batch's items in CommonJS", filename: "src/flush.js", code: RECORDS_CJS, files: PKG },
];

const invalid: InvalidCase[] = [
  markedRow("lambdaEvent: an exported Serverless handler's own event still reported", HANDLER_CJS, "handlers/todos.js", PKG, "lambdaEvent", lineOf(HANDLER_CJS, "JSON.parse"), colOf(HANDLER_CJS, "JSON.parse"), colOf(HANDLER_CJS, "JSON.parse") + 22),
  markedRow("lambdaEvent: a function typed with Netlify's HandlerEvent still reported", NETLIFY, "netlify/functions/save.ts", PKG, "lambdaEvent", lineOf(NETLIFY, "JSON.parse"), colOf(NETLIFY, "JSON.parse"), colOf(NETLIFY, "JSON.parse") + 30),
];

runWithNamedCases(valid, invalid);
