import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer prodse30 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A tool's observation whose source documents, after a marker, are parsed; \`body\` is the try.
const observation = (body: string): string => dedent`
  export function splitObservation(observation: string, sourceDocuments: unknown[]) {
    const [text, docs] = observation.split("<SOURCE_DOCUMENTS>");
    if (docs) {
      try {
        ${body}
      } catch (e) {
        console.error("Error parsing source documents from tool", e);
      }
    }
    return text;
  }
`;

// One SSE event block whose data line is parsed into \`event\`; \`body\` is the try.
const sseEvent = (body: string): string => dedent`
  export const parseSSEEvent = (block) => {
    const event = {};
    for (const line of block.split("\\n")) {
      if (line.startsWith("event:")) event.event = line.slice(6).trim();
      else if (line.startsWith("data:")) {
        const dataStr = line.slice(5).trim();
        try {
          ${body}
        } catch (e) {
          console.error("Error parsing SSE data:", e, dataStr);
        }
      }
    }
    return event.event ? event : null;
  };
`;

const pushed = observation("const parsed = JSON.parse(docs);\n      sourceDocuments.push(parsed);");
const keysPushed = observation("for (const key of Object.keys(JSON.parse(docs))) sourceDocuments.push({ value: key, label: `Value from ${key}` });");
const fieldUnderTest = sseEvent("const parsed = JSON.parse(dataStr);\n        if (parsed.data) event.data = parsed.data;");
// Neighbours: the parse decides what follows, the field is written whatever the parse holds, the try answers.
const decides = dedent`
  export function pickTools(tools: Tool[], raw?: string) {
    let actions: string[] = [];
    if (raw) {
      try {
        actions = JSON.parse(raw);
      } catch (error) {
        console.error("Error parsing actions:", error);
      }
    }
    return tools.filter((t) => actions.includes(t.name));
  }
`;
const fieldAlways = sseEvent("const parsed = JSON.parse(dataStr);\n        event.configuration = { defaultHeaders: parsed };");
const answers = observation("return JSON.parse(docs);");

// Suggestions of a catch: rethrow after \`log\`, mark it at \`head\`, each at \`indent\`.
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a parse of a tool's text whose result is only pushed onto the caller's list", code: pushed },
    { name: "a parse whose keys are only pushed as options", code: keysPushed },
    { name: "one SSE event's data set only when the parse carries it", code: fieldUnderTest, filename: "src/chat.jsx" },
  ],
  invalid: [
    { name: "neighbour: the parse of a setting assigned to a local that decides what follows", code: decides, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [mark(decides, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: a field written whatever the parse holds (a client's options)", code: fieldAlways, filename: "src/chat.jsx", findings: [{ case: "logAndContinue", line: 10, column: 9, endColumn: 18, suggestions: [mark(fieldAlways, "} catch (e) {", "        ")] }], output: null },
    { name: "neighbour: the try answers the parse", code: answers, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [rethrow(answers, "tool\", e);", "      ", "e"), mark(answers, "} catch (e) {", "      ")] }], output: null },
  ],
});
