import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Production triage of NangoHQ/nango (tool dfac67d, issue 11) as hand-written analogues: a worker's
// main loop that runs while its own run state says so (tasks/lib/processor.ts:97,
// orchestrator/lib/clients/processor.ts:61, fleet/lib/supervisor/supervisor.ts:111) is no retry, and
// a module named for test support (server/lib/utils/tests.ts:89) drives the app under test.

const AXIOS_PKG = '{ "name": "api", "dependencies": { "axios": "1.7.0", "express": "4.19.0" } }\n';

const WORKER = (condition: string) => dedent`
  import { setTimeout } from "node:timers/promises";
  export class Worker {
    status: "running" | "stopping" | "stopped" = "running";
    job = { status: "running" };
    constructor(private readonly queue: { dequeue(n: number): Promise<{ ok: boolean; jobs: string[]; status: string }> }) {}
    async loop(): Promise<void> {
      while (${condition}) {
        const res = await this.queue.dequeue(10);
        if (!res.ok) {
          await setTimeout(1000);
          continue;
        }
        this.job.status = res.status;
        for (const job of res.jobs) console.log(job);
      }
      this.status = "stopped";
    }
  }
`;

const HELPER = dedent`
  import axios from "axios";
  export async function signIn(baseUrl: string, email: string, password: string) {
    const res = await axios.post(\`\${baseUrl}/api/v1/signin\`, { email, password });
    return res.data.token as string;
  }
`;

const valid: (string | ValidCase)[] = [
  { code: WORKER('this.status === "running"'), filename: "src/tasks/processor.ts", files: { "package.json": AXIOS_PKG } },
  { code: WORKER('this.status === "started"'), filename: "src/tasks/processor.ts", files: { "package.json": AXIOS_PKG } },
  { code: HELPER, filename: "src/utils/tests.ts", files: { "package.json": AXIOS_PKG } },
  { code: HELPER, filename: "src/test-utils.ts", files: { "package.json": AXIOS_PKG } },
  { code: HELPER, filename: "src/testHelpers.ts", files: { "package.json": AXIOS_PKG } },
];

const OTHER = WORKER('this.job.status === "running"');

const invalid: InvalidCase[] = [
  {
    name: "a loop on a status the reply sets stays a poll without a cap",
    code: OTHER,
    filename: "src/tasks/processor.ts",
    files: { "package.json": AXIOS_PKG },
    findings: [
      {
        case: "retry",
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 10,
        suggestions: [
          {
            title: "Give up after 5 attempts",
            output: OTHER.replace("    while (", "    let attempt = 0;\n    while (").replace("console.log(job);", 'console.log(job);\n      if (++attempt >= 5) throw new Error("Gave up after 5 attempts");'),
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: "a product module with test in a longer name is no test support",
    code: HELPER,
    filename: "src/abtests.ts",
    files: { "package.json": AXIOS_PKG },
    findings: [{ case: "call", line: 3, column: 21, endLine: 3, endColumn: 31, suggestions: [{ title: "Set timeout to 10000 ms", output: HELPER.replace("{ email, password })", "{ email, password }, { timeout: 10000 })") }] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
