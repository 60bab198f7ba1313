import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 41 (retired to tune), session 38, developer ub38: outbound replies and model output.
// - A reply checked link by link in one `&&` chain (`data.output && Array.isArray(data.output) && … &&
//   Array.isArray(data.output[0].content) && …`) before its text is returned: each plain link is guarded by a
//   passed test of its path, and the end only tested for being an array reads nothing (choice-story
//   `functions/src/text-generation.ts:51`, decided clean).
// - A completion's text read through optional links split by a `const` holding its first links
//   (`const choice = data?.choices?.[0]; const text = choice?.message?.content?.trim()`): read as the one chain
//   (the docs' "every link after the first optional" rule; alttext-ai-backend `fresh-stack/lib/openai.js:114`).
// - `JSON.parse` of Gemini's `candidates[0].content.parts[0].text` read off a parameter with no shape (the REST
//   reply handed on by the caller) is model output parsed: a `jsonParseExternal` input (v0-retirement
//   `lib/ai/gemini-content-generator.ts:185`, decided finding).
// Rows in fetch/TypeScript (as in the repositories) and in axios/CommonJS.

const NODE = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"axios\": \"^1.7.0\" } }\n" };

const valid: ValidCase[] = [
  { name: "fetch: a Responses API reply checked link by link, Array.isArray on a guarded element path, its text returned", filename: "src/text.ts", files: NODE, code: dedent`
    export async function generateText(body: object): Promise<string> {
      const response = await fetch("https://api.openai.com/v1/responses", { method: "POST", body: JSON.stringify(body), signal: AbortSignal.timeout(30000) });
      if (!response.ok) throw new Error(\`OpenAI error \${response.status}\`);
      const data: any = await response.json();
      if (
        data.output &&
        Array.isArray(data.output) &&
        data.output.length > 0 &&
        data.output[0] &&
        data.output[0].content &&
        Array.isArray(data.output[0].content) &&
        data.output[0].content.length > 0 &&
        data.output[0].content[0] &&
        typeof data.output[0].content[0].text === "string"
      ) {
        return data.output[0].content[0].text;
      }
      throw new Error("No text in the reply");
    }
  ` },
  { name: "fetch (CommonJS): a speech reply's alternatives, Array.isArray on a guarded element path, the transcript returned", filename: "lib/speech.js", files: NODE, code: dedent`
    async function transcribe(url, audio) {
      const res = await fetch(url, { method: "POST", body: audio, signal: AbortSignal.timeout(15000) });
      if (!res.ok) throw new Error("speech failed");
      const data = await res.json();
      if (data && data.results && data.results[0] && Array.isArray(data.results[0].alternatives) && data.results[0].alternatives[0] && typeof data.results[0].alternatives[0].transcript === "string") {
        return data.results[0].alternatives[0].transcript;
      }
      return "";
    }
    module.exports = { transcribe };
  ` },
  { name: "axios (CommonJS): a completion's text through a const holding choices?.[0], trimmed, with a text fallback", filename: "lib/alt.js", files: NODE, code: dedent`
    const axios = require("axios");
    async function altText(prompt) {
      const response = await axios.post("https://api.openai.com/v1/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] }, { timeout: 60000 });
      const choice = response.data?.choices?.[0];
      const text = choice?.message?.content?.trim();
      return { altText: text || "Image" };
    }
    module.exports = { altText };
  ` },
  { name: "fetch: Gemini's candidate held in a const, its part's text read through optional links with a fallback", filename: "src/gemini.ts", files: NODE, code: dedent`
    export async function summarize(url: string, body: object): Promise<string> {
      const res = await fetch(url, { method: "POST", body: JSON.stringify(body), signal: AbortSignal.timeout(20000) });
      if (!res.ok) throw new Error("Gemini failed");
      const json = await res.json();
      const candidate = json?.candidates?.[0];
      return candidate?.content?.parts?.[0]?.text ?? "";
    }
  ` },
];

const GEMINI_PARSE = dedent`
  export class ContentGenerator {
    parse(response: any) {
      const content = response.candidates?.[0]?.content?.parts?.[0]?.text;
      if (!content) throw new Error("No content");
      const parsed = JSON.parse(content);
      return { title: parsed.title.toLowerCase(), body: parsed.content };
    }
  }
`;

const GEMINI_PARSE_JS = dedent`
  function toArticle(reply) {
    const text = reply.candidates[0].content.parts[0].text;
    const article = JSON.parse(text);
    return { slug: article.title.toLowerCase().replace(/\\s+/g, "-"), body: article.body };
  }
  module.exports = { toArticle };
`;

// The chain held by a const is still read without optional links further on: a use.
const HELD_PLAIN = dedent`
  const axios = require("axios");
  async function altText(prompt) {
    const response = await axios.post("https://api.openai.com/v1/chat/completions", { messages: [{ role: "user", content: prompt }] }, { timeout: 60000 });
    const choice = response.data?.choices?.[0];
    return { altText: choice.message.content.trim() };
  }
  module.exports = { altText };
`;

const HELD_PLAIN_FIXED = dedent`
  const axios = require("axios");
  const { z } = require("zod");
  const AltTextHttpsApiOpenaiComV1ChatCompletionsResponse = z.object({
    choices: z.array(z.object({ message: z.object({ content: z.string() }) })),
  });

  async function altText(prompt) {
    const response = await axios.post("https://api.openai.com/v1/chat/completions", { messages: [{ role: "user", content: prompt }] }, { timeout: 60000 });
    const choice = AltTextHttpsApiOpenaiComV1ChatCompletionsResponse.parse(response.data)?.choices?.[0];
    return { altText: choice.message.content.trim() };
  }
  module.exports = { altText };
`;

/** A `jsonParseExternal` row with its one suggestion, marking the line. */
const parsedAt = (name: string, code: string, filename: string, line: number, column: number, endColumn: number): InvalidCase =>
  ({ name, code, filename, files: NODE, output: null, findings: [{ case: "jsonParseExternal", line, column, endColumn, suggestions: [mark(code, "jsonParseExternal", line)] }] });

const invalid: InvalidCase[] = [
  parsedAt("TypeScript class: JSON.parse of Gemini's text read off an any-typed parameter, fields used", GEMINI_PARSE, "src/gen.ts", 5, 20, 39),
  parsedAt("CommonJS function: JSON.parse of Gemini's text read with plain links off an untyped parameter", GEMINI_PARSE_JS, "lib/article.js", 3, 19, 35),
  { name: "axios: choices?.[0] held in a const, then read with plain links: a use", code: HELD_PLAIN, filename: "lib/alt.js", files: NODE, output: null, findings: [
    { case: "fetchJson", line: 4, column: 18, endColumn: 31, suggestions: [{ title: "Validate axios.post(\"https://api.openai.com/v1/c… with Zod (adds the zod dependency)", output: HELD_PLAIN_FIXED }, mark(HELD_PLAIN, "fetchJson", 4)] },
  ] },
];

describe("unvalidated-boundary: outbound replies and model output (round 41)", () => {
  runWithNamedCases(valid, invalid);
});
