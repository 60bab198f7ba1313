import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlySuggestions, narrowedTo } from "../../helpers/swallowed-suggestions";

// Class from session 37, developer prodwiki37 (production requarks/wiki, triaged blind at
// 77b0efd2): a job runner that records the failure of a promise it keeps on the object, which
// its callers await (`await job.finished`). Hand-written analogues, no fetched code.
const narrowed = narrowedTo(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);

// Wiki.js's scheduler job: `wait` is the try's wait, `stop` the stop method's last statement.
const job = (wait = "await this.finished;", stop = "return this.finished;"): string => dedent`
  class Job {
    constructor({ name, repeat = false }, queue) {
      this.queue = queue;
      this.finished = Promise.resolve();
      this.name = name;
      this.repeat = repeat;
    }
    async invoke(data) {
      try {
        this.finished = require(\`../jobs/\${this.name}\`)(data);
        ${wait}
      } catch (err) {
        WIKI.logger.warn(err);
      }
      if (this.repeat) {
        this.enqueue(data);
      } else {
        this.stop().catch(() => {});
      }
    }
    async stop() {
      clearTimeout(this.timeout);
      ${stop}
    }
  }
  module.exports = Job;
`;
const jobLog = "WIKI.logger.warn(err);";
const jobFinding = (code: string) => ({ case: "logAndContinue", line: 13, column: 7, endColumn: 18, suggestions: logOnlySuggestions(code, jobLog, "err", "      ") });

// The same in a TypeScript task queue: callers await `task.done`.
const task = (extra = ""): string => dedent`
  import { logger } from "./logger";
  export class Task {
    done: Promise<void> = Promise.resolve();
    constructor(private readonly work: () => Promise<void>) {}
    async run(): Promise<void> {
      try {
        this.done = this.work();
        await this.done;${extra}
      } catch (e) {
        logger.error("task failed", e);
      }
      this.next();
    }
    wait(): Promise<void> {
      return this.done;
    }
  }
`;

// No other member reads the kept promise: the log is all there is.
const unread = task().replace("  wait(): Promise<void> {\n    return this.done;\n  }\n", "");
const stopLogged = job(undefined, "return this.cleanup();").replace(".catch(() => {})", '.catch((err) => {\n        console.error("stop failed in Job.invoke", err);\n      })');

new RuleTester().run(narrowed, {
  valid: [
    { name: "Wiki.js's job runner: the kept promise awaited and recorded, its stop's rejection dropped", code: job(), filename: "server/core/scheduler.js" },
    { name: "a TypeScript task whose callers await `task.done`", code: task(), filename: "src/queue/task.ts" },
  ],
  invalid: [
    { name: "the try also awaits something else", code: task("\n    await notify();"), filename: "src/queue/task.ts", findings: [{ case: "logAndContinue", line: 10, column: 7, endColumn: 16, suggestions: [logOnlySuggestions(task("\n    await notify();"), 'logger.error("task failed", e);', "e", "      ")[1]!] }], output: null },
    { name: "a kept promise no other member reads", code: unread, filename: "src/queue/task.ts", findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 16, suggestions: [logOnlySuggestions(unread, 'logger.error("task failed", e);', "e", "      ")[1]!] }], output: null },
    { name: "a stop that returns no kept promise: its rejection is another one", code: job(undefined, "return this.cleanup();"), filename: "server/core/scheduler.js", findings: [{ case: "promiseCatchNoop", line: 18, column: 25, endColumn: 33, suggestions: [{ title: "Mark as intentionally ignored…", output: job(undefined, "return this.cleanup();").replace(".catch(() => {})", ".catch(() => {\n        // Intentionally ignored: <reason>\n      })") }] }], output: stopLogged },
    { name: "the same with the error logged by the handler (the safe fix's output)", code: stopLogged, filename: "server/core/scheduler.js", findings: [{ case: "promiseCatchLogOnly", line: 18, column: 25, endLine: 20, endColumn: 8, suggestions: [{ title: "Mark as intentionally ignored…", output: stopLogged.replace(".catch((err) => {\n", ".catch((err) => {\n        // Intentionally ignored: <reason>\n") }] }], output: null },
  ],
});
