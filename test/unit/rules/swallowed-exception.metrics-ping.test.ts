import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 28, developer prodse28 (unseen production langfuse, triaged blind at 81cf737; hand-written
// analogues, no fetched code): a helper whose own job is a metrics ping, like held round 30's
// analytics helper. This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A helper named `name` that sends the cached metrics and warns on failure.
const helper = (name: string): string => dedent`
  const ${name} = () => {
    const data = Object.entries(cache).map(([key, value]) => ({ MetricName: key, Value: value }));
    client.send(new PutMetricDataCommand({ Namespace: "App", MetricData: data })).catch((error) => {
      logger.warn("Failed to send metrics", error);
    });
  };
`;

const billed = helper("flushUsageMetrics");
const loads = helper("loadMetrics");

// The one suggestion here: mark the handler as ignored.
const ignored = (code: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(".catch((error) => {\n", ".catch((error) => {\n    // Intentionally ignored: <reason>\n") });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a metrics flush to CloudWatch warned with its error", code: helper("flushMetricsToCloudWatch") },
    { name: "a plain sendMetrics", code: helper("sendMetrics") },
    { name: "a report of queue metrics", code: helper("reportQueueMetrics") },
  ],
  invalid: [
    { name: "usage metrics bill: stays reported", code: billed, findings: [{ case: "promiseCatchLogOnly", line: 3, column: 87, endLine: 5, endColumn: 4, suggestions: [ignored(billed)] }], output: null },
    { name: "a function that loads metrics is no ping", code: loads, findings: [{ case: "promiseCatchLogOnly", line: 3, column: 87, endLine: 5, endColumn: 4, suggestions: [ignored(loads)] }], output: null },
  ],
});
