import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production rallly (eval/production, seed 20261238), session 25, developer prodall28: a loop that
// stops when the answer is an error status (`if (res.status === 429) break`, a test driving the rate
// limiter until it answers 429) goes round on success: it retries no failure. A loop that stops on a
// success status stays a retry. Hand-written rows.

const probe = (status: number): string => dedent`
  export async function probe(url: string, limit: number) {
    let limited: Response | undefined;
    for (let i = 0; i < limit + 1; i++) {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status === ${status}) {
        limited = res;
        break;
      }
    }
    return limited;
  }
`;

const WAIT = "    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2)));\n";

// This table declares only the case its invalid row names.
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "retry")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { code: probe(429), filename: "scripts/probe-rate-limit.ts" },
    { code: probe(404), filename: "scripts/probe-rate-limit.ts" },
  ],
  invalid: [
    {
      name: "a loop that stops on a success status goes round at once on failure",
      code: probe(200),
      filename: "scripts/probe-rate-limit.ts",
      findings: [
        {
          case: "retry", line: 3, column: 3, endColumn: 6,
          suggestions: [{ title: "Wait between attempts (capped exponential backoff with jitter)", output: probe(200).replace("      break;\n    }\n", `      break;\n    }\n${WAIT}`) }],
        },
      ],
      output: null,
    },
  ],
});
