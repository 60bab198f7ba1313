import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 41, developer se41, from retired held round 44:
// - partialErrorCheck: a note inside the branch of a check for one error (`if (e.statusCode === 410) {
//   // Remove stale connections … }`) speaks of that error, not of the others the catch drops
//   (VerglasSoftware/educatr-monorepo's WebSocket broadcast, decided finding).
// - A log-only catch around a helper loaded with `const { f } = await import("./module")` whose body is
//   one try whose catch logs and answers a value: nothing reaches the outer catch (nicksaban20/Fibbage
//   lib/validation.ts, decided clean), as for a static import (held rounds 23 to 25).
// - `Promise.allSettled` over calls of a method whose body answers `false` for a missing item outside its try
//   (`if (!plugin) { warn(…); return false; }`) and waits only inside a logging try (Lovelettertest's
//   GameRegistry.destroy, decided clean): `return false` is a value, nothing to reject with.
// - A first attempt recovered by a second right below: `try { question = await prefetched; } catch (e) {
//   log(e); }` … `if (!question) question = await fetchSingleQuestion(…)` (Fibbage's room, decided clean).
// Production records triaged false in session 40 and still reported at main:
// - a catch that, besides log lines, sets a `let` named for a status code, declared 0, to another number
//   read later (zigbee2mqtt's `Controller.stop`: the failure kept in the exit code);
// - `p.catch(() => {})` on a promise kept in a collection before it (grist-core's TableMetadataLoader), or
//   a side chain `const pc = p.catch(noop).then(…)` of a `p` awaited below (etherpad-lite's per-pad queue);
// - a new error thrown after a negated check rethrew every other error (etherpad-lite's release script:
//   `git merge-base --is-ancestor` answering "no" with status 1).
const named = new Set(["partialErrorCheck", "logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly", "rethrowWithoutCause", "allSettledUnchecked"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// educatr-monorepo packages/functions/src/socket/sendMessage.ts, reduced: SST Lambda, API Gateway WebSocket.
const BROADCAST = dedent`
  export const main = async (connections: { id: string }[], apiG: any, dynamoDb: any, data: Uint8Array) => {
    const postToConnection = async function ({ id }: { id: string }) {
      try {
        await apiG.postToConnection({ ConnectionId: id, Data: data });
      } catch (e: any) {
        if (e.statusCode === 410) {
          // Remove stale connections
          const deleteParams = {
            TableName: "SocketConnections",
            Key: { id: { S: id } },
          };
          await dynamoDb.delete(deleteParams).promise();
        }
      }
    };
    await Promise.all(connections.map(postToConnection));
    return "Message sent";
  };
`;

// Hand-written, another style: CommonJS, fs callbacks turned into promises, the note above a default.
const CONFIG = dedent`
  const fs = require("fs/promises");
  async function loadConfig(file) {
    try {
      return JSON.parse(await fs.readFile(file, "utf8"));
    } catch (err) {
      if (err.code === "ENOENT") {
        // first run: no config written yet
        const defaults = { theme: "light" };
        return defaults;
      }
    }
  }
  module.exports = { loadConfig };
`;

// A note after the check, about every other failure, still explains the catch.
const CONFIG_EXPLAINED = dedent`
  const fs = require("fs/promises");
  async function loadConfig(file) {
    try {
      return JSON.parse(await fs.readFile(file, "utf8"));
    } catch (err) {
      if (err.code === "ENOENT") {
        const defaults = { theme: "light" };
        return defaults;
      }
      // anything else (a corrupt file too): start from scratch, the settings page rewrites it
    }
  }
  module.exports = { loadConfig };
`;

// Fibbage lib/validation.ts and lib/claude.ts, reduced: PartyKit, the helper loaded on demand.
const VALIDATE = dedent`
  export async function validatePlayerAnswer(answer: string, correct: string) {
    if (process.env.ANTHROPIC_API_KEY) {
      try {
        const { checkSemanticSimilarity } = await import("./claude");
        const isSemanticMatch = await checkSemanticSimilarity(answer, correct);
        if (isSemanticMatch) {
          return { isValid: false, reason: "Too close to the correct answer" };
        }
      } catch (e) {
        console.warn("Semantic check failed, allowing answer:", e);
      }
    }
    return { isValid: true, reason: "Answer accepted" };
  }
`;
const CLAUDE = dedent`
  import Anthropic from "@anthropic-ai/sdk";
  const client = new Anthropic();
  export async function checkSemanticSimilarity(answer1: string, answer2: string): Promise<boolean> {
    try {
      const response = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: answer1 + " / " + answer2 }] });
      const block = response.content.find((b) => b.type === "text");
      if (block && block.type === "text") {
        return block.text.trim().toUpperCase().includes("YES");
      }
      return false;
    } catch (error) {
      console.error("[Claude] Error checking semantic similarity:", error);
      return false;
    }
  }
`;

// Hand-written, another framework: an Express route loading a mailer module on demand.
const WELCOME = dedent`
  const express = require("express");
  const router = express.Router();
  router.post("/welcome", async (req, res) => {
    try {
      const { sendWelcome } = await import("../lib/mailer.js");
      await sendWelcome(req.body.email);
    } catch (err) {
      console.error("welcome mail failed", err);
    }
    res.json({ ok: true });
  });
  module.exports = router;
`;
const MAILER_ANSWERS = dedent`
  export async function sendWelcome(to) {
    try {
      await transport.sendMail({ to, subject: "Welcome" });
      return true;
    } catch (err) {
      console.error("sendMail failed", err);
      return false;
    }
  }
`;
// The same mailer whose catch only logs: its caller cannot tell, the route's catch stays reported.
const MAILER_LOGS = MAILER_ANSWERS.replace("    return false;\n", "");
const WELCOME_LOGS = WELCOME.replace('"/welcome"', '"/signup"');

// zigbee2mqtt lib/controller.ts, reduced: a class's stop.
const STOP = dedent`
  export class Controller {
    async stop(restart = false, code = 0): Promise<void> {
      let localCode = 0;
      for (const extension of this.extensions) {
        try {
          await extension.stop();
        } catch (error) {
          logger.error(\`Failed to stop '\${extension.constructor.name}' (\${(error as Error).stack})\`);
          localCode = 1;
        }
      }
      await this.mqtt.disconnect();
      return await this.exit(code !== 0 ? code : localCode, restart);
    }
  }
`;
// Hand-written, another style: a CommonJS migration script whose exit status carries the failures.
const MIGRATE = dedent`
  async function main() {
    let exitCode = 0;
    for (const file of files) {
      try {
        await applyMigration(file);
      } catch (err) {
        console.error("migration failed", file, err);
        exitCode = 2;
      }
    }
    process.exit(exitCode);
  }
  main();
`;
// The same code set but never read afterwards: stays reported.
const MIGRATE_UNREAD = MIGRATE.replace("process.exit(exitCode);", 'console.log("done");');

// grist-core app/server/lib/TableMetadataLoader.ts, reduced.
const PUSHES = dedent`
  export class TableMetadataLoader {
    private _pushes = new Map<string, Promise<void>>();
    public startPushes(newPushes: Set<string>) {
      for (const tableId of [...newPushes].sort()) {
        const promise = this._counted(this.opPush(tableId));
        this._pushes.set(tableId, promise);
        promise.catch(() => {});
      }
    }
  }
`;
// Hand-written, another style: a module-level list of pending uploads in plain JavaScript.
const UPLOADS = dedent`
  const pending = [];
  function startUpload(file) {
    const upload = uploadToBucket(file);
    pending.push(upload);
    upload.catch(() => {});
  }
  async function flushUploads() {
    await Promise.all(pending);
  }
  module.exports = { startUpload, flushUploads };
`;
// Nothing keeps the promise: stays reported.
const UPLOAD_DROPPED = UPLOADS.replace("  pending.push(upload);\n", "  console.log(pending.length);\n");

const UPLOAD_LOGGED = UPLOAD_DROPPED.replace("upload.catch(() => {});", "upload.catch((e) => console.warn(e));");

// etherpad-lite src/node/handler/PadMessageHandler.ts, reduced: the per-channel queue.
const CHANNELS = dedent`
  class Channels {
    async enqueue(ch, task) {
      const p = (this._promiseChains.get(ch) || Promise.resolve()).then(() => this._exec(ch, task));
      const pc = p
        .catch(() => {})
        .then(() => {
          if (this._promiseChains.get(ch) === pc) this._promiseChains.delete(ch);
        });
      this._promiseChains.set(ch, pc);
      return await p;
    }
  }
`;
// Hand-written, another style: TypeScript, a memoised lock whose side chain clears the slot.
const LOCK = dedent`
  const locks = new Map<string, Promise<unknown>>();
  export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (locks.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined).finally(() => locks.delete(key));
    locks.set(key, tail);
    return run;
  }
`;

// etherpad-lite bin/release.ts, reduced.
const RELEASE = dedent`
  const assertUpstreamOk = (branch: string) => {
    try {
      run(\`git merge-base --is-ancestor \${branch} \${branch}@{u}\`);
    } catch (err: any) {
      if (err.status !== 1) throw err;
      throw new Error(\`\${branch} is ahead of origin/\${branch}; do you need to push?\`);
    }
  };
`;
// Hand-written, another style: fs in plain JavaScript, the expected code mapped to its own message.
const READ_PROFILE = dedent`
  async function readProfile(id) {
    try {
      return await fs.promises.readFile(path.join(dir, id + ".json"), "utf8");
    } catch (e) {
      if (e.code !== "ENOENT") {
        throw e;
      }
      throw new Error("no profile " + id);
    }
  }
`;
// A check for the one error that throws the new error itself: the others fall to the same new error.
const READ_PROFILE_ALL = READ_PROFILE.replace('if (e.code !== "ENOENT") {\n      throw e;\n    }\n', 'console.warn(e.code);\n');

// Lovelettertest server/core/managers/GameRegistry.ts, reduced.
const REGISTRY = dedent`
  export class GameRegistry {
    async unregisterGame(gameId: string): Promise<boolean> {
      const plugin = this.games.get(gameId);
      if (!plugin) {
        console.warn(\`[GameRegistry] Game '\${gameId}' not found\`);
        return false;
      }
      try {
        if (plugin.onCleanup) await plugin.onCleanup();
        this.games.delete(gameId);
        return true;
      } catch (error: any) {
        console.error(\`[GameRegistry] Error unregistering game '\${gameId}':\`, error.message);
        return false;
      }
    }
    async destroy(): Promise<void> {
      const cleanupPromises = Array.from(this.games.keys()).map((gameId) => this.unregisterGame(gameId));
      await Promise.allSettled(cleanupPromises);
      this.games.clear();
    }
  }
`;
// Hand-written, another style: plain functions of a module, a missing file answered `null` before the try.
const SESSIONS = dedent`
  async function closeSession(id) {
    const s = sessions.get(id);
    if (!s) return null;
    try {
      await s.socket.close();
    } catch (err) {
      console.warn("close failed", id, err);
    }
    return id;
  }
  async function closeAll() {
    await Promise.allSettled([...sessions.keys()].map((id) => closeSession(id)));
  }
  module.exports = { closeAll };
`;
// A method that awaits outside its try: stays reported.
const SESSIONS_UNGUARDED = SESSIONS.replace("  if (!s) return null;\n", "  if (!s) return null;\n  await s.flush();\n");

// Fibbage party/index.ts, reduced: PartyKit.
const ROUND = dedent`
  export default class Server {
    async startRound() {
      let question = this.questions.shift();
      if (!question) {
        if (this.nextQuestionPromise) {
          try {
            question = await this.nextQuestionPromise;
          } catch (e) {
            console.error("[FibbageServer] Pre-fetch promise failed:", e);
          }
          this.nextQuestionPromise = null;
        }
        if (!question) {
          question = await fetchSingleQuestion(this.room.env.ANTHROPIC_API_KEY as string, []);
        }
      }
      this.state.currentQuestion = question;
    }
  }
`;
// Hand-written, another framework: a Fastify route trying the primary rates provider when it is enabled,
// then the backup.
const RATES = dedent`
  fastify.get("/rates/:currency", async (request) => {
    let rate;
    if (config.primaryEnabled) {
      try {
        rate = await primaryProvider.rate(request.params.currency);
      } catch (err) {
        request.log.warn({ err }, "primary provider failed");
      }
    }
    if (rate == null) rate = await backupProvider.rate(request.params.currency);
    return { rate };
  });
`;
// No second attempt: the unset rate is answered.
const RATES_UNSET = RATES.replace("  if (rate == null) rate = await backupProvider.rate(request.params.currency);\n", "");

const valid: ValidCase[] = [
  { name: "allSettledUnchecked: a method answering false for a missing game outside its logging try (Lovelettertest)", filename: "server/core/managers/GameRegistry.ts", code: REGISTRY },
  { name: "allSettledUnchecked, hand-written: a module function answering null for a missing session", filename: "src/sessions.js", code: SESSIONS },
  { name: "logAndContinue: a failed pre-fetch recovered by a fresh fetch below (PartyKit)", filename: "party/index.ts", code: ROUND },
  { name: "logAndContinue, hand-written: a primary provider's failure recovered by the backup after the branch (Fastify)", filename: "src/routes/rates.js", code: RATES },
  { name: "logAndContinue: a failure kept in a status code the stop hands to exit (zigbee2mqtt)", filename: "lib/controller.ts", code: STOP },
  { name: "logAndContinue, hand-written: a migration script's exit code set in the catch", filename: "scripts/migrate.js", code: MIGRATE },
  { name: "promiseCatchNoop: a promise kept in a Map before its handled copy (grist-core)", filename: "app/server/lib/TableMetadataLoader.ts", code: PUSHES },
  { name: "promiseCatchNoop, hand-written: an upload pushed to a pending list awaited later", filename: "src/uploads.js", code: UPLOADS },
  { name: "promiseCatchNoop: a queue's side chain of a promise awaited below (etherpad-lite)", filename: "src/node/handler/PadMessageHandler.ts", code: CHANNELS },
  { name: "promiseCatchNoop, hand-written: a lock's tail chain of a promise returned below", filename: "src/lib/lock.ts", code: LOCK },
  { name: "rethrowWithoutCause: the expected exit status mapped after every other error is rethrown (etherpad-lite)", filename: "bin/release.ts", code: RELEASE },
  { name: "rethrowWithoutCause, hand-written: ENOENT mapped to its own message, the others rethrown", filename: "src/profiles.js", code: READ_PROFILE },
  { name: "partialErrorCheck: a note after the check speaks of every other error too", filename: "src/config.js", code: CONFIG_EXPLAINED },
  { name: "logAndContinue: a helper loaded with await import whose catch logs and answers false (PartyKit)", filename: "lib/validation.ts", code: VALIDATE, files: { "lib/claude.ts": CLAUDE } },
  { name: "logAndContinue, hand-written: an Express route loading a mailer that answers its own failure", filename: "src/routes/welcome.js", code: WELCOME, files: { "src/lib/mailer.js": MAILER_ANSWERS } },
];

const invalid: InvalidCase[] = [
  { name: "partialErrorCheck: a note inside the 410 branch of a WebSocket broadcast", filename: "packages/functions/src/socket/sendMessage.ts", code: BROADCAST, findings: [{ case: "partialErrorCheck", line: 5, column: 7, endColumn: 21, suggestions: [
    { title: "Rethrow the errors the check does not expect", output: BROADCAST.replace("promise();\n      }\n", "promise();\n      } else {\n        throw e;\n      }\n") },
    { title: "Mark as intentionally ignored…", output: BROADCAST.replace("} catch (e: any) {\n", "} catch (e: any) {\n      // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "partialErrorCheck, hand-written: a note inside the ENOENT branch above a default", filename: "src/config.js", code: CONFIG, findings: [{ case: "partialErrorCheck", line: 5, column: 5, endColumn: 16, suggestions: [
    { title: "Rethrow the errors the check does not expect", output: CONFIG.replace("return defaults;\n    }\n", "return defaults;\n    }\n    throw err;\n") },
    { title: "Mark as intentionally ignored…", output: CONFIG.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: CONFIG.replace("return defaults;\n    }\n", 'return defaults;\n    }\n    console.error("loadConfig failed", { file }, err);\n') },
  { name: "logAndContinue: the loaded helper's catch only logs", filename: "src/routes/welcome.js", code: WELCOME_LOGS, files: { "src/lib/mailer.js": MAILER_LOGS }, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [
    { title: "Rethrow the error", output: WELCOME_LOGS.replace('failed", err);\n', 'failed", err);\n    throw err;\n') },
    { title: "Mark as intentionally ignored…", output: WELCOME_LOGS.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "allSettledUnchecked: a method that also awaits outside its try", filename: "src/sessions.js", code: SESSIONS_UNGUARDED, findings: [{ case: "allSettledUnchecked", line: 13, column: 3, endColumn: 79, suggestions: [
    { title: "Throw the first rejection after all settle", output: SESSIONS_UNGUARDED.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("closeSession(id)));\n", 'closeSession(id)));\n  for (const result of settled) if (result.status === "rejected") throw result.reason;\n') },
  ] }], output: SESSIONS_UNGUARDED.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("closeSession(id)));\n", 'closeSession(id)));\n  for (const result of settled) if (result.status === "rejected") console.error("sessions.keys or closeSession failed in closeAll", result.reason);\n') },
  { name: "logAndContinue: no second attempt after the branch", filename: "src/routes/rates.js", code: RATES_UNSET, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 18, suggestions: [
    { title: "Mark as intentionally ignored…", output: RATES_UNSET.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "logAndContinue: a status code set in the catch and never read", filename: "scripts/migrate.js", code: MIGRATE_UNREAD, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 18, suggestions: [
    { title: "Mark as intentionally ignored…", output: MIGRATE_UNREAD.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "promiseCatchNoop: a promise nothing keeps", filename: "src/uploads.js", code: UPLOAD_DROPPED, findings: [{ case: "promiseCatchNoop", line: 5, column: 16, endColumn: 24, suggestions: [
    { title: "Mark as intentionally ignored…", output: UPLOAD_DROPPED.replace("upload.catch(() => {});", "upload.catch(() => {\n    // Intentionally ignored: <reason>\n  });") },
  ] }], output: UPLOAD_DROPPED.replace("upload.catch(() => {});", 'upload.catch((err) => {\n    console.error("upload failed in startUpload", err);\n  });') },
  { name: "promiseCatchLogOnly: a promise nothing keeps, its rejection logged", filename: "src/uploads.js", code: UPLOAD_LOGGED, findings: [{ case: "promiseCatchLogOnly", line: 5, column: 16, endColumn: 38, suggestions: [
    { title: "Mark as intentionally ignored…", output: UPLOAD_LOGGED.replace("(e) => console", "(e) => /* Intentionally ignored: <reason> */ console") },
  ] }], output: null },
  { name: "rethrowWithoutCause: no check lets the other errors out first", filename: "src/profiles.js", code: READ_PROFILE_ALL, findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 14 }], output: READ_PROFILE_ALL.replace('id);\n', "id, { cause: e });\n") },
];

new RuleTester().run(narrowed, { valid, invalid });
