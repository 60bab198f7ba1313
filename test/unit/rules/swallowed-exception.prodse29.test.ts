import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer prodse29 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
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

const startsRequest = effect("\n          api.request(names[0]?.name);");
const notTelemetry = counters("MetricsService");

// Suggestions of a catch: rethrow after \`log\`, mark it or log at \`head\`, each at \`indent\`.
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a React effect whose try only maps data in hand into the component's state setters", code: effect(""), filename: "src/views/Datasets.jsx" },
    { name: "the same with an empty catch", code: effect("").replace("console.error(e);", ""), filename: "src/views/Datasets.jsx" },
    { name: "an optional tracer's set-up that logs under DEBUG and answers undefined (tracing off)", code: tracer("getPhoenixTracer") },
    { name: "a counter bumped in a class whose job is telemetry", code: counters("OpenTelemetry") },
  ],
  invalid: [
    { name: "neighbour: the effect's try also starts a request", code: startsRequest, filename: "src/views/Datasets.jsx", findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 18, suggestions: [mark(startsRequest, "} catch (e) {", "        ")] }], output: null },
    { name: "neighbour: a metrics service not named for telemetry", code: notTelemetry, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [rethrow(notTelemetry, "error);", "      ", "error"), mark(notTelemetry, "} catch (error) {", "      ")] }], output: null },
  ],
});
