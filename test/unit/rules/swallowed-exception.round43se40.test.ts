import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 40, developer se40, from retired held round 43 and production uptime-kuma:
// - An empty catch around closing a connection the code is giving up on (rejected-connection.ts):
//   `ws.close(1008, reason)` after the failure is logged, inside a catch, in an `error` listener,
//   a 404 written to an upgrade socket destroyed next, a destroy before the login error is rethrown
//   (StijnPrent/ai-voice-agent-backend, flink040/Discord-bot; held round 29's teardown reading, clean).
// - Express 5's `listen` callback without an error parameter (held rounds 26/35): on `this.app` of a
//   class that binds `this.app = express()`, and not excused by a comment deep in the callback or a
//   `// Start server` heading above it (arvanittelaku/vapi-keey-voice-assistant, findings).
// - rethrowWithoutCause: a new error whose message a project helper builds from the caught one with
//   fixed text for some statuses (lossy-message.ts, griffinwork40/elevenlabs-voice-agent-mcp), and one
//   whose message only picks a fixed text by the error's code (rork-escolta's sign-in route; findings).
// - Production uptime-kuma and NodeBB (triaged false in session 39): a Prometheus exporter's gauges as
//   telemetry; a job function another module hands to `new Cron(…)` through a job table
//   (job-table.ts); a node-redis channel listener (`subClient.subscribe(channel, (message) => …)`);
//   a request field's JSON parse whose new error, handed to `next`, says it is invalid JSON.
// This table declares only the cases its invalid rows name.
const rethrow = (code: string, logLine: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(`${logLine}\n`, `${logLine}\n${indent}throw ${err};\n`) });
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });
// Express 5's two listen suggestions: the callback gains `err`, logged, then also a return.
const listenFixes = (code: string, head: string, newHead: string, indent: string, logArgs: string) => [
  { title: "Log err with console", output: code.replace(head, `${newHead}\n${indent}if (err) console.error(${logArgs}, err);\n`) },
  { title: "Check err, log it with console and return", output: code.replace(head, `${newHead}\n${indent}if (err) {\n${indent}  console.error(${logArgs}, err);\n${indent}  return;\n${indent}}\n`) },
];
const named = new Set(["emptyCatch", "ignoredCallbackError", "rethrowWithoutCause", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// StijnPrent/ai-voice-agent-backend src/websocket/WebSocketServer.ts, reduced.
const wsServer = dedent`
  export class WebSocketServer {
    handleUpgrade(request, socket, head) {
      if (pathname === "/ws") {
        this.wss.handleUpgrade(request, socket, head, (ws) => this.handleConnection(ws));
      } else {
        try {
          socket.write("HTTP/1.1 404 Not Found\\r\\nConnection: close\\r\\n\\r\\n");
        } catch {}
        socket.destroy();
      }
    }
    handleConnection(ws) {
      const handleStart = async (data) => {
        if (!data.callSid) {
          const reason = "Missing required 'callSid' parameter";
          console.error(\`❌ \${reason}.\`);
          try {
            ws.close(1008, reason);
          } catch {}
          return;
        }
        try {
          await this.voice.startStreaming(ws, data.callSid);
        } catch (err) {
          console.error("❌ startStreaming failed:", err);
          try {
            ws.close(1011, "Internal error during startStreaming");
          } catch {}
          return;
        }
      };
      ws.on("message", handleStart);
      ws.on("error", (err) => {
        console.error("❌ WebSocket error:", err);
        try {
          ws.close(1011, "WebSocket error");
        } catch {}
      });
    }
  }
`;
// flink040/Discord-bot src/index.ts, reduced: a failed login's client destroyed, a shutdown that exits.
const discordLogin = dedent`
  async function connectWithIntents(intents: number[]) {
    const instance = new Client({ intents });
    try {
      await instance.login(token!);
      return instance;
    } catch (err) {
      instance.removeAllListeners();
      try {
        await instance.destroy();
      } catch {}
      throw err;
    }
  }
  const shutdown = async () => {
    console.log("[shutdown] Shutting down...");
    try {
      server.close();
    } catch {}
    process.exit(0);
  };
`;
// Hand-written TypeScript: a raw net server refusing a client over its limit, and an SSE stream torn down on a failed write.
const netRefusal = dedent`
  import net from "node:net";
  const server = net.createServer((conn: net.Socket) => {
    if (clients.size >= MAX_CLIENTS) {
      logger.warn({ remote: conn.remoteAddress }, "too many clients, refusing");
      try {
        conn.end();
      } catch {}
      return;
    }
    clients.add(conn);
  });
`;
// Neighbour: the code goes past the teardown and opens a new client (ktyudha/hono-bot-wa, a finding).
const reopens = dedent`
  export class WhatsAppService {
    init() {
      this.client.on("disconnected", async (reason: string) => {
        logger.warn(\`client disconnected: \${reason}\`);
        try {
          await this.client.destroy();
        } catch (_) { }
        this.client = this.createClient();
        await this.client.initialize();
      });
    }
  }
`;
// Neighbour: a session destroyed after a password change (MatthieuGriffon/spotline, a finding): a sign-out, not a connection.
const sessionDestroy = dedent`
  export async function changePassword(request, reply) {
    try {
      await users.updatePassword(request.user.id, request.body.password);
    } catch (err) {
      request.log.error(err);
      try {
        await request.session.destroy();
      } catch {}
      throw err;
    }
  }
`;
// Neighbour: a normal close with no failure before it.
const plainClose = dedent`
  export function finish(ws) {
    ws.send(JSON.stringify({ type: "done" }));
    try {
      ws.close(1000);
    } catch {}
  }
`;

const express5 = `{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "^5.1.0" } }\n`;
const express4 = `{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "^4.21.2" } }\n`;
// Hand-written: a heading with the port's constant.
const portHeading = dedent`
  import express from "express";
  const app = express();
  // 🚀 Start the Express server on PORT
  app.listen(PORT, () => logger.info(\`listening on \${PORT}\`));
`;
// arvanittelaku/vapi-keey-voice-assistant server.js, reduced: a heading above, comments deep in the callback.
const serverJs = dedent`
  const express = require("express");
  const app = express();
  const port = process.env.PORT || 3000;
  // Start server
  app.listen(port, () => {
    console.log(\`Server running on port \${port}\`);
    // 🔥 SELF-PING: Keep server awake on Render free tier
    if (process.env.RENDER) setInterval(ping, 14 * 60 * 1000);
  });
`;
// The same repository's src/webhooks/vapi-webhook.js, reduced: the app is a field set in the constructor.
const webhookClass = dedent`
  const express = require("express");
  class VapiWebhookHandler {
    constructor() {
      this.app = express();
      this.app.use(express.json());
    }
    start(port) {
      this.app.listen(port, () => {
        console.log(\`Webhook server running on port \${port}\`);
      });
      return this.app;
    }
  }
  module.exports = VapiWebhookHandler;
`;
// Hand-written TypeScript: a class property initialised to the app.
const appField = dedent`
  import express from "express";
  export class ApiServer {
    private readonly app = express();
    listen(port: number) {
      this.app.listen(port, function () {
        logger.info({ port }, "api listening");
      });
    }
  }
`;
// Neighbour: a comment that opens the callback speaks for it.
const openingComment = serverJs.replace("app.listen(port, () => {\n", "app.listen(port, () => {\n  // a failed bind crashes the process through the server's own error event\n");
// Neighbour: a field the class takes from outside (ghl-to-vapi.js): not known to be Express's app.
const passedApp = dedent`
  class GhlWebhook {
    constructor(app) {
      this.app = app;
    }
    start(port) {
      this.app.listen(port, () => {
        console.log(\`GHL webhook running on port \${port}\`);
      });
    }
  }
`;
// Neighbour: a comment above that gives a reason.
const reasonAbove = serverJs.replace("// Start server\n", "// Start server anyway since the platform health check reports a failed bind\n");

// griffinwork40/elevenlabs-voice-agent-mcp src/utils/error-handlers.ts and src/services/elevenlabs-api.ts, reduced.
const errorHandlers = dedent`
  import axios from "axios";
  export function handleElevenLabsError(error: unknown, context?: string): string {
    const prefix = context ? \`Error \${context}: \` : "Error: ";
    if (axios.isAxiosError(error)) {
      if (error.response) {
        const status = error.response.status;
        switch (status) {
          case 401:
            return \`\${prefix}Invalid API key. Please check your ELEVENLABS_API_KEY environment variable.\`;
          case 500:
            return \`\${prefix}ElevenLabs server error. Please try again in a few moments.\`;
          default:
            return \`\${prefix}API request failed with status \${status}\`;
        }
      } else if (error.code === "ECONNABORTED") {
        return \`\${prefix}Request timed out.\`;
      }
    }
    if (error instanceof Error) return \`\${prefix}\${error.message}\`;
    return \`\${prefix}Unexpected error occurred: \${String(error)}\`;
  }
`;
const apiRequest = dedent`
  import axios from "axios";
  import { handleElevenLabsError } from "../utils/error-handlers.js";
  export async function makeRequest(config) {
    try {
      const response = await axios(config);
      return response.data;
    } catch (error) {
      throw new Error(handleElevenLabsError(error));
    }
  }
`;
// Hand-written JavaScript: a helper of the same file mapping pg error codes to fixed text.
const pgMessages = dedent`
  function describeDbError(err) {
    if (err.code === "23505") return "That email is already registered.";
    if (err.code === "ECONNREFUSED") return "The database is unavailable.";
    return err.message;
  }
  async function register(db, user) {
    try {
      return await db.query("INSERT INTO users (email) VALUES ($1)", [user.email]);
    } catch (e) {
      throw new Error(describeDbError(e));
    }
  }
  module.exports = { register };
`;
// Neighbour: a helper that keeps the text of every real error (fixed text only for a non-Error).
const keepsText = dedent`
  function getErrorMessage(err) {
    if (err instanceof Error) return err.message;
    return "Unknown error";
  }
  async function load(id) {
    try {
      return await api.get(\`/items/\${id}\`);
    } catch (e) {
      throw new Error(getErrorMessage(e));
    }
  }
  module.exports = { load };
`;
// Neighbour: the new error keeps the caught one as its cause.
const withCause = pgMessages.replace("throw new Error(describeDbError(e));", "throw new Error(describeDbError(e), { cause: e });");
// ayunesb/rork-escolta-probodyguard-app expo/backend/trpc/routes/auth/sign-in/route.ts, reduced.
const signIn = dedent`
  export async function signIn(email: string, password: string) {
    try {
      const cred = await signInWithEmailAndPassword(getAuth(), email, password);
      const userDoc = await getDoc(doc(getDb(), "users", cred.user.uid));
      return { ok: true, user: userDoc.data() };
    } catch (error: any) {
      console.error("[Auth] Sign in error:", error);
      throw new Error(error.code === "auth/invalid-credential" ? "Invalid email or password" : "Invalid credentials");
    }
  }
`;
// Neighbour: the branch keeps the error's text.
const codeOrText = signIn.replace(`: "Invalid credentials");`, ": error.message);");

// louislam/uptime-kuma server/prometheus.js and server/model/monitor.js, reduced.
const prometheus = dedent`
  class Prometheus {
    update(heartbeat) {
      try {
        monitorResponseTime.set(this.monitorLabelValues, heartbeat.ping);
      } catch (e) {
        log.error("prometheus", e);
      }
    }
  }
  async function beat(monitor, bean) {
    await R.store(bean);
    try {
      new Prometheus(monitor, await monitor.getTags()).update(bean);
    } catch (e) {
      log.error("prometheus", "Please submit an issue to our GitHub repo. Prometheus update error: ", e.message);
    }
  }
  module.exports = { Prometheus, beat };
`;
// Neighbour: a class named for metrics the app stores (the docs: data, not telemetry).
const metricsService = dedent`
  export class MetricsService {
    async record(event: MetricEvent) {
      try {
        await this.db.insert(messageMetrics).values(event);
      } catch (e) {
        this.logger.error("metrics insert failed", e);
      }
    }
  }
`;
// louislam/uptime-kuma server/jobs/incremental-vacuum.js and server/jobs.js, reduced.
const vacuum = dedent`
  const incrementalVacuum = async () => {
    try {
      await R.exec("PRAGMA incremental_vacuum(200)");
      await R.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (e) {
      log.error("incrementalVacuum", \`Failed: \${e.message}\`);
    }
  };
  module.exports = { incrementalVacuum };
`;
const jobsTable = dedent`
  const { incrementalVacuum } = require("./jobs/incremental-vacuum");
  const Cron = require("croner");
  const jobs = [{ name: "incremental-vacuum", interval: "*/5 * * * *", jobFunc: incrementalVacuum, croner: null }];
  const initBackgroundJobs = async function () {
    for (const job of jobs) job.croner = new Cron(job.interval, { name: job.name }, job.jobFunc);
  };
  module.exports = { initBackgroundJobs };
`;
// Hand-written TypeScript: node-cron fed from a task list.
const digest = dedent`
  import { logger } from "../logger";
  export async function sendDigests(): Promise<void> {
    try {
      const users = await db.user.findMany({ where: { digest: true } });
      for (const u of users) await mailer.sendDigest(u);
    } catch (err) {
      logger.error({ err }, "digest run failed");
    }
  }
`;
const taskList = dedent`
  import cron from "node-cron";
  import { sendDigests } from "./jobs/digest";
  const tasks = [{ spec: "0 7 * * *", run: sendDigests }];
  export function startTasks() {
    for (const t of tasks) cron.schedule(t.spec, t.run);
  }
`;
// Neighbour: the importer also awaits the function (an admin route runs it on demand).
const taskListAwaited = taskList.replace("export function startTasks() {", "export async function runNow() {\n  await sendDigests();\n}\nexport function startTasks() {");
// NodeBB src/database/redis/pubsub.js, reduced: a node-redis channel listener.
const pubsub = dedent`
  const PubSub = function () {
    const self = this;
    connection.connect().then((client) => {
      self.subClient = client;
      self.subClient.subscribe(channelName, (message) => {
        try {
          const msg = JSON.parse(message);
          self.emit(msg.event, msg.data);
        } catch (err) {
          winston.error(err.stack);
        }
      });
    });
  };
`;
// Neighbour: ioredis' subscribe callback is the subscription's own completion callback.
const ioredisSubscribe = dedent`
  subscriber.subscribe("order_added", (err, count) => {
    try {
      if (err) throw err;
      startMatcher(count);
    } catch (e) {
      console.error("subscription failed", e);
    }
  });
`;
// NodeBB src/controllers/admin/uploads.js, reduced: a request field's JSON refused through next.
const uploadParams = dedent`
  uploadsController.uploadFile = async function (req, res, next) {
    let params;
    try {
      params = JSON.parse(req.body.params);
    } catch (e) {
      return next(new Error("[[error:invalid-json]]"));
    }
    res.json(await saveUpload(req.files[0], params.folder));
  };
`;
// Hand-written JavaScript: a query string's filters.
const queryFilters = dedent`
  router.get("/reports", (req, res, next) => {
    let filters;
    try {
      filters = JSON.parse(req.query.filters);
    } catch {
      return next(new Error("filters: malformed JSON"));
    }
    res.json(reports.find(filters));
  });
`;
// Neighbour: a stored value, not the request's.
const storedParams = uploadParams.replace("JSON.parse(req.body.params)", "JSON.parse(settings.uploadParams)");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a 404 written to a refused upgrade, ws.close after a logged failure, in a catch, in an error listener", code: wsServer, filename: "src/websocket/WebSocketServer.ts" },
    { name: "a failed login's client destroyed before the rethrow; a shutdown close before exit", code: discordLogin, filename: "src/index.ts" },
    { name: "hand-written: a refused net connection ended after a warning", code: netRefusal, filename: "src/server.ts" },
    { name: "Express 5: a comment that opens the listen callback explains it", code: openingComment, filename: "server.js", files: { "package.json": express5 } },
    { name: "Express 5: a field set from a constructor parameter is not known to be the app", code: passedApp, filename: "src/webhooks/ghl-to-vapi.js", files: { "package.json": express5 } },
    { name: "Express 5: a comment above with a reason", code: reasonAbove, filename: "server.js", files: { "package.json": express5 } },
    { name: "Express 4: this.app's listen callback gets no error", code: webhookClass, filename: "src/webhooks/vapi-webhook.js", files: { "package.json": express4 } },
    { name: "a helper that keeps every real error's text", code: keepsText, filename: "src/items.js" },
    { name: "a helper's text with the caught error as cause", code: withCause, filename: "src/users.js" },
    { name: "a code test whose other branch keeps the error's text", code: codeOrText, filename: "src/auth.ts" },
    { name: "a Prometheus exporter's gauges and its update from a beat", code: prometheus, filename: "server/prometheus.js" },
    { name: "a job function handed to new Cron through another module's job table", code: vacuum, filename: "server/jobs/incremental-vacuum.js", files: { "server/jobs.js": jobsTable } },
    { name: "hand-written: node-cron fed from a task list", code: digest, filename: "src/jobs/digest.ts", files: { "src/tasks.ts": taskList } },
    { name: "a node-redis channel listener", code: pubsub, filename: "src/database/redis/pubsub.js" },
    { name: "a request field's JSON refused as invalid through next", code: uploadParams, filename: "src/controllers/admin/uploads.js" },
    { name: "hand-written: a query string's JSON refused as malformed through next", code: queryFilters, filename: "src/routes/reports.js" },
  ],
  invalid: [
    { name: "a teardown the code goes past, opening a new client", code: reopens, filename: "src/services/whatsapp.service.ts", findings: [{ case: "emptyCatch", line: 7, column: 19, endColumn: 22, suggestions: [
      { title: "Mark as intentionally ignored…", output: reopens.replace("} catch (_) { }", "} catch (_) {\n        // Intentionally ignored: <reason>\n      }") },
    ] }], output: reopens.replace("} catch (_) { }", '} catch (_) {\n        console.error("client.destroy failed", _);\n      }') },
    { name: "a session destroyed in a catch: a sign-out, not a connection", code: sessionDestroy, filename: "src/auth.controller.ts", findings: [{ case: "emptyCatch", line: 8, column: 13, endColumn: 15, suggestions: [
      { title: "Throw both errors as an AggregateError", output: sessionDestroy.replace("    } catch {}", '    } catch (caught) {\n      throw new AggregateError([err, caught], "changePassword failed twice");\n    }') },
      { title: "Mark as intentionally ignored…", output: sessionDestroy.replace("    } catch {}", "    } catch {\n      // Intentionally ignored: <reason>\n    }") },
    ] }], output: sessionDestroy.replace("    } catch {}", '    } catch (err) {\n      request.log.error({ err }, "request.session.destroy failed in changePassword");\n    }') },
    { name: "a close with no failure before it", code: plainClose, filename: "src/stream.ts", findings: [{ case: "emptyCatch", line: 5, column: 11, endColumn: 13, suggestions: [
      { title: "Log with console and rethrow", output: plainClose.replace("  } catch {}", '  } catch (err) {\n    console.error("ws.close failed in finish", err);\n    throw err;\n  }') },
      { title: "Mark as intentionally ignored…", output: plainClose.replace("  } catch {}", "  } catch {\n    // Intentionally ignored: <reason>\n  }") },
    ] }], output: plainClose.replace("  } catch {}", '  } catch (err) {\n    console.error("ws.close failed in finish", err);\n  }') },
    { name: "Express 5: app.listen under a // Start server heading, comments deep in its callback", code: serverJs, filename: "server.js", files: { "package.json": express5 }, findings: [{ case: "ignoredCallbackError", line: 5, column: 18, endColumn: 23, suggestions: listenFixes(serverJs, "() => {\n", "(err) => {", "  ", '"app.listen failed", { port }') }], output: null },
    { name: "Express 5, hand-written: a heading with an emoji and the port's constant", code: portHeading, filename: "src/main.ts", files: { "package.json": express5 }, findings: [{ case: "ignoredCallbackError", line: 4, column: 18, endColumn: 23, suggestions: [
      { title: "Log err with console", output: portHeading.replace("() => logger.info(`listening on ${PORT}`));", '(err) => {\n  if (err) console.error("app.listen failed", err);\n  return logger.info(`listening on ${PORT}`);\n});') },
    ] }], output: null },
    { name: "Express 5: this.app set to express() in the constructor", code: webhookClass, filename: "src/webhooks/vapi-webhook.js", files: { "package.json": express5 }, findings: [{ case: "ignoredCallbackError", line: 8, column: 27, endColumn: 32, suggestions: listenFixes(webhookClass, "() => {\n", "(err) => {", "      ", '"app.listen failed in VapiWebhookHandler.start", { port }') }], output: null },
    { name: "Express 5, hand-written: a class property set to express()", code: appField, filename: "src/server.ts", files: { "package.json": express5 }, findings: [{ case: "ignoredCallbackError", line: 5, column: 27, endColumn: 38, suggestions: listenFixes(appField, "function () {\n", "function (err) {", "      ", '"app.listen failed", { port }') }], output: null },
    { name: "a new error from a helper with fixed text for some statuses (another module)", code: apiRequest, filename: "src/services/elevenlabs-api.ts", files: { "src/utils/error-handlers.ts": errorHandlers }, findings: [{ case: "rethrowWithoutCause", line: 7, column: 5, endColumn: 18 }],
      output: apiRequest.replace("handleElevenLabsError(error))", "handleElevenLabsError(error), { cause: error })") },
    { name: "hand-written: a helper of the file with fixed text for some pg codes", code: pgMessages, filename: "src/users.js", findings: [{ case: "rethrowWithoutCause", line: 9, column: 5, endColumn: 14 }],
      output: pgMessages.replace("describeDbError(e))", "describeDbError(e), { cause: e })") },
    { name: "a message that only picks a fixed text by the error's code", code: signIn, filename: "src/auth.ts", findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 23 }],
      output: signIn.replace(`"Invalid credentials");`, `"Invalid credentials", { cause: error });`) },
    { name: "a class named for metrics the app stores", code: metricsService, filename: "src/metrics.service.ts", findings: [{ case: "logAndContinue", line: 5, column: 7, endColumn: 16, suggestions: [
      rethrow(metricsService, 'this.logger.error("metrics insert failed", e);', "      ", "e"), ignore(metricsService, "    } catch (e) {", "      "),
    ] }], output: null },
    { name: "a job function the importer also awaits", code: digest, filename: "src/jobs/digest.ts", files: { "src/tasks.ts": taskListAwaited }, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [
      rethrow(digest, 'logger.error({ err }, "digest run failed");', "    ", "err"), ignore(digest, "  } catch (err) {", "    "),
    ] }], output: null },
    { name: "ioredis' subscribe completion callback", code: ioredisSubscribe, filename: "src/worker.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 14, suggestions: [
      rethrow(ioredisSubscribe, 'console.error("subscription failed", e);', "    ", "e"), ignore(ioredisSubscribe, "  } catch (e) {", "    "),
    ] }], output: null },
    { name: "a stored value's JSON refused through next", code: storedParams, filename: "src/controllers/admin/uploads.js", findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 14 }],
      output: storedParams.replace('"[[error:invalid-json]]")', '"[[error:invalid-json]]", { cause: e })') },
  ],
});
