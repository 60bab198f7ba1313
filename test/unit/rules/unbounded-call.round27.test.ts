import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 27 (retired to tune), session 25, developer ub28: a failure path that refreshes its
// credential (`refreshAuthentication()`, `refreshToken()`) and calls itself once more with the attempt
// counted (`retryCount + 1`) under a test of that count (`retryCount === 0`) is one second call with a
// new credential, capped (supaMCPBuilder action-executor.ts). Without the refresh, or without the test
// of the count, it stays a retry. Hand-written rows.

const RETRY = (refresh: string, guard: string) => dedent`
  export class Executor {
    constructor(private db: { run(a: string): Promise<string> }, private auth: { ${refresh}(): Promise<boolean> }) {}
    async execute(action: string, retryCount = 0): Promise<string> {
      try {
        return await this.db.run(action);
      } catch (error) {
        if (${guard}) {
          await this.auth.${refresh}();
          return await this.execute(action, retryCount + 1);
        }
        throw error;
      }
    }
  }
`;

const waited = (code: string): string => code.replace("        return await this.execute(", "        await new Promise((resolve) => setTimeout(resolve, 5000));\n        return await this.execute(");

// This table declares only the case its invalid rows name.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "retry")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "one more call after refreshing the credential, under a test of the count", code: RETRY("refreshAuthentication", "isExpired(error) && retryCount === 0") },
    { name: "the same with the count tested against a limit", code: RETRY("refreshToken", "retryCount < 1") },
  ],
  invalid: [
    {
      name: "a refresh with the count never tested stays a retry",
      code: RETRY("refreshToken", "isExpired(error)"),
      findings: [{ case: "retry", line: 9, column: 22, endLine: 9, endColumn: 58, suggestions: [{ title: "Wait 5000 ms before trying again", output: waited(RETRY("refreshToken", "isExpired(error)")) }] }],
      output: null,
    },
    {
      name: "a counted retry with no refresh stays a retry",
      code: RETRY("check", "retryCount === 0"),
      findings: [{ case: "retry", line: 9, column: 22, endLine: 9, endColumn: 58, suggestions: [{ title: "Wait 5000 ms before trying again", output: waited(RETRY("check", "retryCount === 0")) }] }],
      output: null,
    },
  ],
});
