import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// False classes of the gitroomhq/postiz-app production audit (issue 11; eval/production/gitroomhq__postiz-app.json),
// as hand-written analogues: a wait through a helper of another name (`timer(ms)`, `setTimeout` of
// `timers/promises` under an alias, a same-file promise helper), and a loop that hands the last
// answer's state to the next call whole (a resumable upload), not the same request again.

const valid: ValidCase[] = [
  {
    name: "a capped recursive retry in a method that waits with a project timer helper",
    code: dedent`
      import { timer } from "./utils/timer";
      export class Uploader {
        async run<T>(make: () => Promise<T>, attempt = 0): Promise<T> {
          try {
            return await make();
          } catch (err: any) {
            const status = err.response?.status;
            if (attempt <= 2 && status === 429) {
              await timer(5000);
              return this.run(make, attempt + 1);
            }
            throw new UploadError(status, { cause: err });
          }
        }
      }
    `,
  },
  {
    name: "a capped retry loop that waits on an rxjs timer through firstValueFrom",
    code: dedent`
      import { firstValueFrom, timer } from "rxjs";
      export async function send(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await sendOnce(url);
          } catch (err) {
            await firstValueFrom(timer(2000));
          }
        }
        throw new Error("send failed");
      }
    `,
  },
  {
    name: "a capped retry loop that waits with setTimeout imported under another name from timers/promises",
    code: dedent`
      import { setTimeout as idleFor } from "node:timers/promises";
      export async function send(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await sendOnce(url);
          } catch (err) {
            await idleFor(1000 * attempt);
          }
        }
        throw new Error("send failed");
      }
    `,
  },
  {
    name: "a capped retry loop that waits with a same-file promise helper of any name",
    code: dedent`
      const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      export async function send(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await sendOnce(url);
          } catch (err) {
            await hold(500);
          }
        }
        throw new Error("send failed");
      }
    `,
  },
  {
    name: "a status poll under a deadline that waits with timer() while pending",
    code: dedent`
      export async function waitForVideo(id: string) {
        const started = Date.now();
        while (true) {
          if (Date.now() - started > 8 * 60 * 1000) throw new Error("processing timed out");
          const check = await api.status(id);
          if (check.status === "pending") {
            await timer(10000);
            continue;
          }
          if (check.status === "completed") return check;
        }
      }
    `,
  },
  {
    name: "a resumable upload that hands the state of each answer to the next call, under a deadline",
    code: dedent`
      export async function uploadAll(token: string, first: UploadState) {
        let state = first;
        const started = Date.now();
        while (true) {
          if (Date.now() - started > 8 * 60 * 1000) throw new Error("upload took too long");
          const step = await client.uploadNextBatch(token, state);
          if (step.status === "completed") return step.id;
          state = step.state;
        }
      }
    `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a capped retry whose timeout() wraps the call is no delay and stays reported",
    code: dedent`
      export async function get(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await timeout(sendOnce(url), 5000);
          } catch (err) {
            console.warn("retrying", err);
          }
        }
        throw new Error("get failed");
      }
    `,
    findings: [
      { case: "retry", line: 2, column: 3, endLine: 2, endColumn: 6, suggestions: [
        { title: "Wait between attempts (capped exponential backoff with jitter)", output: dedent`
          export async function get(url: string) {
            for (let attempt = 0; attempt < 3; attempt++) {
              try {
                return await timeout(sendOnce(url), 5000);
              } catch (err) {
                console.warn("retrying", err);
                await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
              }
            }
            throw new Error("get failed");
          }
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "a status poll with no delay that passes only the job's id to the next call stays reported",
    code: dedent`
      export async function waitForJob(jobId: string) {
        const started = Date.now();
        let job = { id: jobId };
        while (true) {
          if (Date.now() - started > 60000) throw new Error("job timed out");
          const r = await api.job(job.id);
          if (r.status === "completed") return r;
          job = r.job;
        }
      }
    `,
    findings: [
      { case: "retry", line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [
        { title: "Wait between attempts (capped exponential backoff with jitter)", output: dedent`
          export async function waitForJob(jobId: string) {
            const started = Date.now();
            let job = { id: jobId };
            let attempt = 0;
            while (true) {
              if (Date.now() - started > 60000) throw new Error("job timed out");
              const r = await api.job(job.id);
              if (r.status === "completed") return r;
              job = r.job;
              attempt++;
              await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
            }
          }
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "a same-file helper that only schedules other work with setTimeout is no wait",
    code: dedent`
      function later(fn: () => void) {
        setTimeout(fn, 0);
        queue.push(fn);
        metrics.count("later");
        return fn;
      }
      export async function send(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await sendOnce(url);
          } catch (err) {
            later(() => log(err));
          }
        }
        throw new Error("send failed");
      }
    `,
    findings: [
      { case: "retry", line: 8, column: 3, endLine: 8, endColumn: 6, suggestions: [
        { title: "Wait between attempts (capped exponential backoff with jitter)", output: dedent`
          function later(fn: () => void) {
            setTimeout(fn, 0);
            queue.push(fn);
            metrics.count("later");
            return fn;
          }
          export async function send(url: string) {
            for (let attempt = 0; attempt < 3; attempt++) {
              try {
                return await sendOnce(url);
              } catch (err) {
                later(() => log(err));
                await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
              }
            }
            throw new Error("send failed");
          }
        ` },
      ] },
    ],
    output: null,
  },
  {
    name: "a status poll with no delay whose call carries AbortSignal.timeout(ms) stays reported",
    code: dedent`
      export async function waitForReport(id: string) {
        for (let i = 0; i < 30; i++) {
          const res = await sendOnce(\`/reports/\${id}\`, { signal: AbortSignal.timeout(3000) });
          if (res.ok) return res.json();
        }
        throw new Error("report not ready");
      }
    `,
    findings: [
      { case: "retry", line: 2, column: 3, endLine: 2, endColumn: 6, suggestions: [
        { title: "Wait between attempts (capped exponential backoff with jitter)", output: dedent`
          export async function waitForReport(id: string) {
            for (let i = 0; i < 30; i++) {
              const res = await sendOnce(\`/reports/\${id}\`, { signal: AbortSignal.timeout(3000) });
              if (res.ok) return res.json();
              await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** i) * (0.5 + Math.random() / 2)));
            }
            throw new Error("report not ready");
          }
        ` },
      ] },
    ],
    output: null,
  },
];

// Only the cases the invalid rows name are declared (the family's main table exercises every case).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
