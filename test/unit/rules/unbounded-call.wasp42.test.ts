import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 45 (session 42, hsuc): the two unbounded-call FNs of manalkaff/brainlens.
// 1. A Wasp app (`wasp` among its deps, the SDK Wasp generates) builds an Express server from the project's own `src/`
//    beside its React client: a module that imports an AI SDK provider (`@ai-sdk/openai`, the provider's secret key) is
//    the server's (`app/src/learning/api/generateSubtopics.ts:47`), as in any project with a server; so is one that
//    imports Wasp's server SDK (`wasp/server`). A module with no server sign stays the client's, as in any React app.
// 2. A cast around the callee calls the same function: `(generateObject as any)({ … })`
//    (`app/src/learning/api/aiLearningAgent/topicUnderstanding.ts:85`).

const WASP = { "package.json": '{ "name": "brainlens", "type": "module", "dependencies": { "wasp": "file:.wasp/out/sdk/wasp", "ai": "^5.0.0", "@ai-sdk/openai": "^2.0.10", "react": "^18.2.0", "react-dom": "^18.2.0", "vite": "^5.0.0" } }' };
// The same project without Wasp: a Vite single-page app.
const VITE = { "package.json": '{ "name": "spa", "type": "module", "dependencies": { "ai": "^5.0.0", "@ai-sdk/openai": "^2.0.10", "react": "^18.2.0", "react-dom": "^18.2.0", "vite": "^5.0.0" } }' };

// brainlens's style: a Wasp `api` handler (Express types) asking the model.
const SUBTOPICS = (options: string) => `import type { Request, Response } from "express";
import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
export const generateSubtopicsHandler = async (req: Request, res: Response) => {
  const result = await generateText({ model: openai("gpt-5-nano"), prompt: String(req.body.title)${options} });
  res.json({ text: result.text });
};
`;
// Another style: a Wasp action in JavaScript reading the database through `wasp/server` and calling a model it is handed.
const ACTION = (options: string) => `import { HttpError } from "wasp/server";
import { generateText } from "ai";
export const summarize = async (args, context) => {
  if (!context.user) throw new HttpError(401);
  const { text } = await generateText({ model: context.model, prompt: args.text${options} });
  return text;
};
`;
// brainlens's style: the call through a cast.
const CAST = (options: string) => `import { openai } from "@ai-sdk/openai";
import { generateObject } from "ai";
export class TopicUnderstandingModule {
  private fastModel = openai("gpt-5-nano");
  async understand(prompt: string, schema: unknown) {
    const result = await (generateObject as any)({ model: this.fastModel, prompt, schema${options} });
    return result.object;
  }
}
`;
// Another style: a namespace import's member behind a `typeof` cast.
const MEMBER_CAST = (options: string) => `import * as ai from "ai";
import { openai } from "@ai-sdk/openai";
export async function caption(prompt: string) {
  const { text } = await (ai.generateText as typeof ai.generateText)({ model: openai("gpt-4o-mini"), prompt${options} });
  return text;
}
`;
const SIGNAL = ", abortSignal: AbortSignal.timeout(120000)";

const valid: ValidCase[] = [
  { name: "the Wasp api handler with an abortSignal", code: SUBTOPICS(SIGNAL), filename: "app/src/learning/api/generateSubtopics.ts", files: WASP },
  { name: "the Wasp action with an abortSignal (JS)", code: ACTION(SIGNAL), filename: "src/actions/summarize.js", files: WASP },
  { name: "the same handler in a Vite single-page app (no server of its own)", code: SUBTOPICS(""), filename: "src/learning/api/generateSubtopics.ts", files: VITE },
  { name: "the cast call with an abortSignal", code: CAST(SIGNAL), filename: "app/src/learning/api/topicUnderstanding.ts", files: WASP },
];

const invalid: InvalidCase[] = [
  { name: "a Wasp api handler's generateText with no abortSignal", code: SUBTOPICS(""), filename: "app/src/learning/api/generateSubtopics.ts", files: WASP, output: null, findings: [
    { case: "call", line: 5, column: 24, endColumn: 36, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: SUBTOPICS(SIGNAL) }] },
  ] },
  { name: "a Wasp action importing wasp/server, no abortSignal (JS)", code: ACTION(""), filename: "src/actions/summarize.js", files: WASP, output: null, findings: [
    { case: "call", line: 5, column: 26, endColumn: 38, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: ACTION(SIGNAL) }] },
  ] },
  { name: "(generateObject as any)({ … }) with no abortSignal", code: CAST(""), filename: "app/src/learning/api/topicUnderstanding.ts", files: WASP, output: null, findings: [
    { case: "call", line: 6, column: 26, endColumn: 49, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: CAST(SIGNAL) }] },
  ] },
  { name: "(ai.generateText as typeof ai.generateText)(…) with no abortSignal", code: MEMBER_CAST(""), filename: "src/lib/caption.ts", files: WASP, output: null, findings: [
    { case: "call", line: 4, column: 26, endColumn: 69, suggestions: [{ title: "Abort after 120000 ms with abortSignal", output: MEMBER_CAST(SIGNAL) }] },
  ] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
