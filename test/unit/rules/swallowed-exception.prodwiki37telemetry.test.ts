import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlySuggestions, narrowedTo } from "../../helpers/swallowed-suggestions";

// Class from session 37, developer prodwiki37 (production requarks/wiki, triaged blind at
// 77b0efd2): a module named for telemetry whose export is an object of methods, the CommonJS
// form of a telemetry class. Hand-written analogues, no fetched code.
const narrowed = narrowedTo(["logAndContinue"]);

// Wiki.js's instance ping: `holder` is how the object of methods is held.
const instancePing = (holder = "module.exports ="): string => dedent`
  const _ = require("lodash");
  ${holder} {
    enabled: false,
    async sendInstanceEvent(eventType) {
      if (!this.enabled) return;
      try {
        const resp = await apollo({ query: INSTANCE_EVENT, variables: { event: eventType } });
        if (!_.get(resp, "data.telemetry.succeeded")) {
          WIKI.logger.warn("Failed to send instance telemetry");
        }
      } catch (err) {
        WIKI.logger.error(err);
      }
    },
  };
`;
const pingLog = "WIKI.logger.error(err);";
const pingFinding = (code: string) => [{ case: "logAndContinue", line: 11, column: 7, endColumn: 18, suggestions: logOnlySuggestions(code, pingLog, "err", "      ") }];

// The same in an ES module of a TypeScript service: its span exporter's flush.
const spans = dedent`
  import { exporter } from "./exporter";
  export default {
    async flush(batch: Span[]): Promise<void> {
      try {
        await exporter.export(batch);
      } catch (e) {
        console.error("span export failed", e);
      }
    },
  };
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a CommonJS telemetry module's instance ping", code: instancePing(), filename: "server/core/telemetry.js" },
    { name: "an ES module named for tracing whose default export flushes spans", code: spans, filename: "src/lib/tracing.ts" },
  ],
  invalid: [
    { name: "the same object in a module named for something else", code: instancePing(), filename: "server/core/mail.js", findings: pingFinding(instancePing()), output: null },
    { name: "a telemetry module named for billing", code: instancePing(), filename: "server/core/billing-telemetry.js", findings: pingFinding(instancePing()), output: null },
    { name: "an object the module keeps to itself", code: instancePing("const helpers ="), filename: "server/core/telemetry.js", findings: pingFinding(instancePing("const helpers =")), output: null },
  ],
});
