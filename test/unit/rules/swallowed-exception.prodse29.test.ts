import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer prodse29 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "emptyCatch", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A React effect that maps a fetched list into state; `extra` is more work in the try.
const effect = (extra: string): string => dedent`
  import { useEffect, useState } from "react";
  export const Datasets = ({ api }) => {
    const [datasets, setDatasets] = useState([]);
    const toOption = (ds) => ({ label: ds.name, name: ds.id });
    useEffect(() => {
      if (api.data) {
        try {
          const names = api.data.map(toOption);
          setDatasets(names);${extra}
        } catch (e) {
          console.error(e);
        }
      }
    }, [api.data]);
    return datasets.length;
  };
`;

// An optional tracer's set-up named `name`, whose catch logs under DEBUG and answers undefined.
const tracer = (name: string): string => dedent`
  export function ${name}(options: Options): Tracer | undefined {
    try {
      const provider = new NodeTracerProvider({ resource: makeResource(options) });
      provider.addSpanProcessor(new SimpleSpanProcessor(new OTLPTraceExporter({ url: options.url })));
      return provider.getTracer("app");
    } catch (err) {
      if (process.env.DEBUG === "true") console.error(\`Error setting up tracer: \${err.message}\`);
      return undefined;
    }
  }
`;

// A counter bumped in a method of class \`name\`.
const counters = (name: string): string => dedent`
  export class ${name} {
    private counters = new Map<string, Counter>();
    async incrementCounter(counter: string, payload: Attributes): Promise<void> {
      try {
        this.counters.get(counter)?.add(1, payload);
      } catch (error) {
        console.error(\`Error incrementing counter \${counter}:\`, error);
      }
    }
  }
`;

// Candidate package.json paths tried in turn; \`after\` follows the loop.
const candidates = (list: string, after: string): string => dedent`
  import fs from "node:fs";
  import path from "node:path";
  export async function readVersion() {
    const checkPaths = ${list};
    for (const checkPath of checkPaths) {
      try {
        const content = await fs.promises.readFile(checkPath, "utf8");
        return JSON.parse(content).version;
      } catch {
        continue;
      }
    }
    ${after}
  }
`;

// Output that is parsed when it looks like JSON; the catch answers \`fallback\`.
const looksLikeJson = (fallback: string): string => dedent`
  export const parseOutput = (output: any): any => {
    if (typeof output !== "string") return output;
    const trimmed = output.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      try {
        return JSON.parse(trimmed);
      } catch (e) {
        return ${fallback};
      }
    }
    return output;
  };
`;

// A session blob read for its user id through \`read\`.
const sessionUser = (read: string): string => dedent`
  const userIdOf = (session: any): string | undefined => {
    try {
      const data = typeof session === "string" ? JSON.parse(session) : session;
      return ${read};
    } catch {
      return undefined;
    }
  };
  export const usersOf = (sessions: any[]) => sessions.map(userIdOf);
`;

const startsRequest = effect("\n          api.request(names[0]?.name);");
const notTelemetry = counters("MetricsService");
const providers = candidates("[primary, backup]", 'throw new Error("None of the package.json paths could be parsed");');
const noneAfter = candidates('[path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")]', "return null;");
const madeUp = looksLikeJson("{}");
const plainRead = sessionUser("data.passport.user.id");

// Suggestions of a catch: rethrow after \`log\`, mark it or log at \`head\`, each at \`indent\`.
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });
const logWith = (code: string, head: string, indent: string, line: string) => ({ title: "Log the error with console", output: code.replace(head, `${head}\n${indent}${line}`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a React effect whose try only maps data in hand into the component's state setters", code: effect(""), filename: "src/views/Datasets.jsx" },
    { name: "the same with an empty catch", code: effect("").replace("console.error(e);", ""), filename: "src/views/Datasets.jsx" },
    { name: "an optional tracer's set-up that logs under DEBUG and answers undefined (tracing off)", code: tracer("getPhoenixTracer") },
    { name: "a counter bumped in a class whose job is telemetry", code: counters("OpenTelemetry") },
    { name: "candidate package.json paths tried in turn, the function throwing when none parses", code: candidates('[path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")]', 'throw new Error("None of the package.json paths could be parsed");') },
    { name: "text that looks like JSON answered raw when the parse fails, as text that does not look like it is", code: looksLikeJson("output") },
    { name: "a session blob that does not parse answers undefined, like an absent user in the optional chain", code: sessionUser("data?.passport?.user?.id") },
  ],
  invalid: [
    { name: "neighbour: the effect's try also starts a request", code: startsRequest, filename: "src/views/Datasets.jsx", findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 18, suggestions: [mark(startsRequest, "} catch (e) {", "        ")] }], output: null },
    { name: "neighbour: a metrics service not named for telemetry", code: notTelemetry, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [rethrow(notTelemetry, "error);", "      ", "error"), mark(notTelemetry, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: providers tried in turn with a bare continue (held round 21)", code: providers, findings: [{ case: "emptyCatch", line: 9, column: 13, endLine: 11, endColumn: 6, suggestions: [mark(providers, "} catch {", "      ")] }], output: providers.replace("} catch {", '} catch (err) {\n      console.error("readVersion failed", err);') },
    { name: "neighbour: candidate paths after which the function answers null", code: noneAfter, findings: [{ case: "emptyCatch", line: 9, column: 13, endLine: 11, endColumn: 6, suggestions: [mark(noneAfter, "} catch {", "      ")] }], output: noneAfter.replace("} catch {", '} catch (err) {\n      console.error("readVersion failed", err);') },
    { name: "neighbour: a made-up empty object for text that looked like JSON", code: madeUp, findings: [{ case: "catchReturnsDefault", line: 7, column: 7, endColumn: 16, suggestions: [logWith(madeUp, "} catch (e) {", "      ", 'console.error("JSON.parse failed in parseOutput", e);'), mark(madeUp, "} catch (e) {", "      ")] }], output: null },
    { name: "neighbour: the session's user id read without optional links", code: plainRead, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: plainRead.replace("} catch {", '} catch (err) {\n    console.error("JSON.parse failed in userIdOf", err);') },
      mark(plainRead, "} catch {", "    "),
    ] }], output: null },
  ],
});
