import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer prodse30 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchLogOnly", "promiseCatchNoop"]);
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

// A pure try that narrows a filter list the caller passed; the catch answers \`answer\`.
const narrows = (name: string, answer: string, extra = ""): string => dedent`
  export const ${name} = (filters: string[]): string[] | undefined => {
    try {
      const list = JSON.parse(JSON.stringify(filters));${extra}
      if (list.includes("up") && list.includes("down")) return ["up", "down"];
      if (list.includes("up")) return ["up"];
      return undefined;
    } catch (e) {
      return ${answer};
    }
  };
`;

// The app's version read from \`file\` in function \`name\`; the catch answers \`answer\`.
const version = (name: string, file: string, answer: string): string => dedent`
  import fs from "node:fs";
  import path from "node:path";
  export const ${name} = async () => {
    const file = path.join(__dirname, "..", "${file}");
    try {
      const content = await fs.promises.readFile(file, "utf8");
      return JSON.parse(content).version;
    } catch (error) {
      return ${answer};
    }
  };
`;

// A copy button; \`chain\` follows the write.
const copy = (chain: string): string => dedent`
  import { useState } from "react";
  export function CopyButton({ value }) {
    const [copied, setCopied] = useState(false);
    const handleCopy = () => {
      navigator.clipboard
        .writeText(value)${chain}
        .catch((err) => {
          console.warn("Clipboard copy failed:", err);
        });
    };
    return <button onClick={handleCopy}>{copied ? "Copied!" : "Copy"}</button>;
  }
`;

// The same copy in a try, \`after\` following the awaited write.
const copyTry = (after: string): string => dedent`
  export function useCopy(setCopied) {
    return async (text) => {
      try {
        await navigator.clipboard.writeText(text);${after}
      } catch (error) {
        console.error("Error copying to clipboard:", error);
      }
    };
  }
`;

// Create React App's service-worker helper; \`receiver\` starts the chain.
const worker = (receiver: string): string => dedent`
  export function unregister() {
    if ("serviceWorker" in navigator) {
      ${receiver}
        .then((registration) => {
          registration.unregister();
        })
        .catch((error) => {
          console.error(error.message);
        });
    }
  }
`;

const sanitizer = narrows("sanitizeFilters", "filters");
const madeUpFilters = narrows("getFeedbackTypeFilters", "[]");
const remoteVersion = version("getAppVersion", "version.txt", '""');
const packageName = version("getPackageName", "package.json", '""');
const noConfirm = copy("");
const noConfirmTry = copyTry("");
const otherWorker = worker("registrations.ready");
const normalizesUrl = dedent`
  export function normalizeUrl(url: string): string {
    try {
      const u = new URL(url, "http://localhost");
      u.searchParams.delete("ts");
      return u.pathname + u.search;
    } catch (error) {
      return url;
    }
  }
`;

// An in-memory registry whose entries expire; \`field\` types its map, \`body\` is \`unregister\`.
const registry = (field: string, body: string): string => dedent`
  export class InMemoryRegistry {
    private readonly listeners: ${field} = new Map();
    constructor(private readonly store: Store) {}
    async unregister(flowId: string, id: string): Promise<void> {
      ${body}
    }
    schedule(flowId: string, id: string) {
      setTimeout(() => {
        this.unregister(flowId, id).catch(() => {});
      }, 60_000);
    }
  }
`;
const evicts = "const inner = this.listeners.get(flowId);\n      if (!inner) return;\n      const handle = inner.get(id);\n      if (handle) clearTimeout(handle);\n      inner.delete(id);\n      if (inner.size === 0) this.listeners.delete(flowId);";
const awaitsStore = registry("Map<string, Map<string, NodeJS.Timeout>>", evicts + "\n      await this.store.del(flowId, id);");
const untypedField = registry("any", evicts);
const logged = (code: string) => code.replace(".catch(() => {});", '.catch((err) => {\n        console.error("unregister failed", { flowId, id }, err);\n      });');
const markNoop = (code: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(".catch(() => {});", ".catch(() => {\n        // Intentionally ignored: <reason>\n      });") });

// An options loader of a node; \`none\` is its own "nothing found" answer, \`failed\` its catch's.
const loader = (none: string, failed: string): string => dedent`
  export const loadMethods = {
    async listTopics(nodeData) {
      try {
        const response = await client.send(new ListTopicsCommand({}));
        if (!response.Topics || response.Topics.length === 0) return ${none};
        return response.Topics.map((t) => ({ label: t.name, name: t.arn }));
      } catch (error) {
        console.error("Error loading SNS topics:", error);
        return ${failed};
      }
    },
  };
`;
const noTopics = '[{ label: "No topics found", name: "placeholder", description: "No SNS topics in this region" }]';
const credentials = '[{ label: "AWS Credentials Required", name: "placeholder", description: "Enter AWS Access Key ID and Secret Access Key" }]';
const noPlaceholderOfItsOwn = loader("[]", credentials);
const madeUpTopic = loader(noTopics, '[{ label: "default", name: "arn:aws:sns:us-east-1:000000000000:default" }]');
// The loader's rethrow suggestion: the catch's answer (its last \`return\`) replaced by \`throw error;\`.
const rethrowLoader = (code: string) => {
  const at = code.lastIndexOf("return [");
  return { title: "Rethrow the error", output: code.slice(0, at) + "throw error;" + code.slice(code.indexOf("\n", at)) };
};

// A dialog preset from the flow's data; \`set\` gives the flag, \`use\` reads it after the try.
const preset = (set: string, use: string): string => dedent`
  export const onAPIDialogClick = (chatflow, setAPIDialogProps) => {
    let isSessionMemory = false;
    try {
      const flowData = JSON.parse(chatflow.flowData);
      for (const node of flowData.nodes) {
        if (node.data.inputParams.find((param) => param.name === "sessionId")) {
          ${set}
          break;
        }
      }
    } catch (e) {
      console.error(e);
    }
    ${use}
  };
`;
const presets = preset("isSessionMemory = true;", 'setAPIDialogProps({ title: "Embed", chatflowid: chatflow.id, isSessionMemory });');
const flagDecides = preset("isSessionMemory = true;", "if (isSessionMemory) return clearSession(chatflow.id);\n  setAPIDialogProps({ isSessionMemory });");
const assignsParse = preset("isSessionMemory = node.data;", "setAPIDialogProps({ isSessionMemory });");

// Suggestions of a catch: rethrow after \`log\`, mark it or log \`line\` at \`head\`, each at \`indent\`.
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });
const logWith = (code: string, head: string, indent: string, line: string) => ({ title: "Log the error with console", output: code.replace(head, `${head}\n${indent}${line}`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a parse of a tool's text whose result is only pushed onto the caller's list", code: pushed },
    { name: "a parse whose keys are only pushed as options", code: keysPushed },
    { name: "one SSE event's data set only when the parse carries it", code: fieldUnderTest, filename: "src/chat.jsx" },
    { name: "a pure try narrowing the caller's filters answers them unchanged when it fails", code: narrows("getFeedbackTypeFilters", "filters") },
    { name: "the same answering the input through a cast", code: narrows("getFeedbackTypeFilters", "filters as string[]") },
    { name: "the app's version read from its package.json answered empty", code: version("getAppVersion", "package.json", '""') },
    { name: "the same answered \"unknown\" by readVersion", code: version("readVersion", "package.json", '"unknown"') },
    { name: "a copy confirmed in the UI only when the write succeeds", code: copy("\n      .then(() => setCopied(true))"), filename: "src/CopyButton.jsx" },
    { name: "the same with a block that also schedules the reset", code: copy("\n      .then(() => {\n        setCopied(true);\n        setTimeout(() => setCopied(false), 1500);\n      })"), filename: "src/CopyButton.jsx" },
    { name: "the awaited copy in a try followed by the confirmation", code: copyTry("\n      setCopied(true);"), filename: "src/useCopy.js" },
    { name: "an expiry timer dropping the rejection of a method that only works on the class's maps", code: registry("Map<string, Map<string, NodeJS.Timeout>>", evicts) },
    { name: "an options loader answering a placeholder entry like its own nothing-found entry", code: loader(noTopics, credentials) },
    { name: "a dialog flag preset from data in hand keeps its default when the data does not parse", code: presets, filename: "src/CanvasHeader.jsx" },
    { name: "a service worker unregistered (Create React App's helper), the failure logged", code: worker("navigator.serviceWorker.ready"), filename: "src/serviceWorker.js" },
  ],
  invalid: [
    { name: "neighbour: the parse of a setting assigned to a local that decides what follows", code: decides, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [mark(decides, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: a field written whatever the parse holds (a client's options)", code: fieldAlways, filename: "src/chat.jsx", findings: [{ case: "logAndContinue", line: 10, column: 9, endColumn: 18, suggestions: [mark(fieldAlways, "} catch (e) {", "        ")] }], output: null },
    { name: "neighbour: a function named for sanitising answers its raw input (fails open)", code: sanitizer, findings: [{ case: "catchReturnsDefault", line: 7, column: 5, endColumn: 14, suggestions: [logWith(sanitizer, "} catch (e) {", "    ", 'console.error("sanitizeFilters failed", e);'), mark(sanitizer, "} catch (e) {", "    ")] }], output: null },
    { name: "neighbour: the narrowing try answers a made-up empty list", code: madeUpFilters, findings: [{ case: "catchReturnsDefault", line: 7, column: 5, endColumn: 14, suggestions: [logWith(madeUpFilters, "} catch (e) {", "    ", 'console.error("getFeedbackTypeFilters failed", e);'), mark(madeUpFilters, "} catch (e) {", "    ")] }], output: null },
    { name: "neighbour: a URL normalised in the try, the raw input answered (the URL-probe convention)", code: normalizesUrl, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 18, suggestions: [logWith(normalizesUrl, "} catch (error) {", "    ", 'console.error("u.searchParams.delete failed in normalizeUrl", error);'), mark(normalizesUrl, "} catch (error) {", "    ")] }], output: null },
    { name: "neighbour: a version read from another file", code: remoteVersion, findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 18, suggestions: [logWith(remoteVersion, "} catch (error) {", "    ", 'console.error("getAppVersion failed", { file }, error);'), mark(remoteVersion, "} catch (error) {", "    ")] }], output: null },
    { name: "neighbour: a package.json field that is no version", code: packageName, findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 18, suggestions: [logWith(packageName, "} catch (error) {", "    ", 'console.error("getPackageName failed", { file }, error);'), mark(packageName, "} catch (error) {", "    ")] }], output: null },
    { name: "neighbour: a copy with no confirmation on success", code: noConfirm, filename: "src/CopyButton.jsx", findings: [{ case: "promiseCatchLogOnly", line: 7, column: 14, endLine: 9, endColumn: 8, suggestions: [mark(noConfirm, ".catch((err) => {", "        ")] }], output: null },
    { name: "neighbour: the awaited copy with nothing after it", code: noConfirmTry, filename: "src/useCopy.js", findings: [{ case: "logAndContinue", line: 5, column: 7, endColumn: 20, suggestions: [rethrow(noConfirmTry, "error);", "      ", "error"), mark(noConfirmTry, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: a chain that is no service worker's", code: otherWorker, filename: "src/serviceWorker.js", findings: [{ case: "promiseCatchLogOnly", line: 7, column: 14, endLine: 9, endColumn: 8, suggestions: [mark(otherWorker, ".catch((error) => {", "        ")] }], output: null },
    { name: "neighbour: the method also awaits a store", code: awaitsStore, findings: [{ case: "promiseCatchNoop", line: 15, column: 41, endColumn: 49, suggestions: [markNoop(awaitsStore)] }], output: logged(awaitsStore) },
    { name: "neighbour: the field is not declared a Map", code: untypedField, findings: [{ case: "promiseCatchNoop", line: 14, column: 41, endColumn: 49, suggestions: [markNoop(untypedField)] }], output: logged(untypedField) },
    { name: "neighbour: a loader without a placeholder of its own", code: noPlaceholderOfItsOwn, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 20, suggestions: [rethrowLoader(noPlaceholderOfItsOwn), mark(noPlaceholderOfItsOwn, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: the catch answers an entry whose keys differ (a made-up option)", code: madeUpTopic, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 20, suggestions: [rethrowLoader(madeUpTopic), mark(madeUpTopic, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: the flag decides what the function does next", code: flagDecides, filename: "src/CanvasHeader.jsx", findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 14, suggestions: [mark(flagDecides, "} catch (e) {", "    ")] }], output: null },
    { name: "neighbour: the flag is given a value of the parse", code: assignsParse, filename: "src/CanvasHeader.jsx", findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 14, suggestions: [mark(assignsParse, "} catch (e) {", "    ")] }], output: null },
    { name: "neighbour: the try answers the parse", code: answers, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [rethrow(answers, "tool\", e);", "      ", "e"), mark(answers, "} catch (e) {", "      ")] }], output: null },
  ],
});
