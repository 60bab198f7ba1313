import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { defaultConfig } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { dedent } from "../../helpers/rule-tester";

const ROOT = "/project";
const EXPRESS = '{ "name": "app", "dependencies": { "express": "^4.19.0", "axios": "^1.7.0" } }\n';

/** Every finding of `code` as `line code: message`, then its related messages (`  → line: message`). */
function messages(code: string, pkg = EXPRESS): string[] {
  const host = new MemoryProjectHost(new Map([[`${ROOT}/package.json`, pkg]]));
  const r = analyze({ path: `${ROOT}/src/server.ts`, text: code, config: defaultConfig(ROOT), project: host, fixes: false });
  const line = (o: number) => code.slice(0, o).split("\n").length;
  return r.findings.flatMap((f) => [`${line(f.range.start)} ${f.code}: ${f.message}`, ...f.related.map((x) => `  → ${line(x.range.start)}: ${x.message}`)]);
}

/**
 * The exact wording users read in the Problems panel, hovers and the CLI's text output (issue 17):
 * plain text, what goes wrong in production, what to do. The rule tables assert cases and spans;
 * this table asserts the sentences, one row per shape of message.
 */
describe("messages: plain text a newcomer understands", () => {
  it("swallowed-exception: the catch named by its function, its route, or nothing", () => {
    const code = dedent`
      import express from "express";
      const app = express();
      app.get("/users/:id", async (req, res) => { try { res.json(await load()); } catch (e) { console.error(e); } res.end(); });
      export async function updateProfile() { try { await save(); } catch (e) { console.error("failed", e); } }
      try { load(); } catch {}
      export function connect() { try { load(); } catch (e) { throw new Error("connection failed"); } }
      load().then(() => 1).catch(() => {});
      declare function load(): Promise<unknown>; declare function save(): Promise<void>;
    `;
    assert.deepEqual(messages(code), [
      "3 swallowed-exception/logAndContinue: The catch in the GET /users/:id handler only logs the error and carries on: the caller thinks it worked. Rethrow it, or return an error the caller checks.",
      "4 swallowed-exception/logAndContinue: The catch in updateProfile only logs the error and carries on: the caller thinks it worked. Rethrow it, or return an error the caller checks.",
      "5 swallowed-exception/emptyCatch: The catch drops the error: when the code fails, nobody finds out and it carries on as if it worked. Log the error or rethrow it.",
      "6 swallowed-exception/rethrowWithoutCause: The Error thrown in this catch replaces the original error: the logs show the new message but not what actually failed. Pass the caught error on as its cause.",
      "7 swallowed-exception/promiseCatchNoop: This .catch() handler drops the rejection: when the call fails, nobody finds out and the code carries on as if it worked. Log the error or rethrow it.",
    ]);
  });

  it("unvalidated-boundary: what the input reaches and what can go wrong there; related information only for a use elsewhere", () => {
    const code = dedent`
      import express from "express";
      const app = express();
      app.post("/a", async (req, res) => {
        const { name } = req.body;
        await db.user.create({ data: { name } });
        res.redirect(req.query.next as string);
      });
      app.post("/b", async (req, res) => {
        const total = req.body.amount * 2;
        res.json({ total });
      });
      declare const db: any;
    `;
    assert.deepEqual(messages(code), [
      "4 unvalidated-boundary/expressBody: req.body goes into a database call without validation: whatever the sender puts in it is written or queried as sent, wrong types and extra fields included. Validate it with a schema before using it.",
      "  → 5: First use without validation: passed to a database call",
      "6 unvalidated-boundary/expressQuery: req.query is used as a redirect target without validation: a crafted value can send your users to any site. Validate it with a schema before using it.",
      "9 unvalidated-boundary/expressBody: req.body is used without validation: a missing field or a wrong type crashes the code or carries bad data further. Validate it with a schema before using it.",
    ]);
  });

  it("unvalidated-boundary: a read written as a template literal shows no backtick", () => {
    const code = dedent`
      import * as fs from "node:fs";
      export function load(dir: string) {
        const cfg = JSON.parse(fs.readFileSync(\`\${dir}/cfg.json\`, "utf8"));
        fs.writeFileSync(cfg.path, "x");
      }
    `;
    assert.deepEqual(messages(code), [
      "3 unvalidated-boundary/jsonParseExternal: JSON.parse(fs.readFileSync('${dir}/cfg.… is used without validation: a missing field or a wrong type crashes the code or carries bad data further. Validate it with a schema before using it.",
      "  → 4: First use without validation: property read",
    ]);
  });

  it("unbounded-call: the call, the client and the retry", () => {
    const code = dedent`
      import express from "express";
      import axios from "axios";
      const app = express();
      const api = axios.create({ baseURL: "https://api.example.com" });
      app.get("/", async (req, res) => {
        const r = await fetch("https://example.com/api");
        res.json(await r.json());
      });
      export async function poll() {
        while (true) {
          try { return await fetch("https://example.com/a", { signal: AbortSignal.timeout(5000) }); } catch (e) { console.error(e); }
        }
      }
    `;
    assert.deepEqual(messages(code).filter((m) => m.includes("unbounded-call/")), [
      "4 unbounded-call/client: The client built by axios.create has no time limit: when the other service stalls, every call through it waits forever. Set a timeout where it is built.",
      "6 unbounded-call/call: This fetch call has no time limit: when the other service stalls, it waits forever and holds a connection and a worker. Give it a timeout.",
      "10 unbounded-call/retry: This retry tries again at once and forever: when the other service is down, it hammers it without end. Wait between attempts and give up after a few.",
    ]);
  });
});
