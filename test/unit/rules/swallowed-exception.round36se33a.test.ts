import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 33, developer se33a: classes of the retired held round 36 (its lead's decisions and its
// labellers' conventions; hand-written analogues, no fetched code), each also in a second framework
// or code shape: a graceful shutdown started from the process's crash listeners, a JSON line probe
// whose earlier filter is the `const` the chain starts from, and a periodic snapshot of in-memory
// state started only by a timer.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A worker's graceful shutdown racing its close-down against a timeout, started by `starts`.
const shutdown = (starts: string): string => dedent`
  import { logger } from "./logger";
  async function gracefulShutdown(signal: string): Promise<void> {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 30_000));
    try {
      await Promise.race([(async () => { await worker.close(); await closeDatabase(); })(), timeout]);
    } catch (error) {
      logger.warn({ error }, "Shutdown timeout reached, forcing exit");
    }
    process.exit(0);
  }
` + `\n${starts}`;
const stopRoute = 'app.post("/admin/stop", async (req, res) => {\n  await stop("admin");\n  res.json({ stopped: true });\n});\n';
const onSignalsAndCrashes = dedent`
  export async function main() {
    worker = createWorker();
    process.on("SIGTERM", () => gracefulShutdown("SIGTERM"));
    process.on("uncaughtException", (error) => {
      logger.error({ error }, "Uncaught exception");
      gracefulShutdown("uncaughtException");
    });
  }
`;

// The second shape: a plain JavaScript server whose `stop` the unhandledRejection listener and the SIGINT handler start.
const stopServer = (extra: string): string => dedent`
  const stop = async (reason) => {
    try {
      await flushPendingWrites();
      await server.close();
    } catch (err) {
      console.error("could not stop cleanly", reason, err);
    }
    process.exit(0);
  };
  process.on("unhandledRejection", (reason) => stop(reason));
  process.once("SIGINT", () => stop("SIGINT"));
` + extra;

// A chat log read line by line: `lines` is the chain's start, `source` what it is made of.
const chatLines = (source: string): string => dedent`
  export function recentMessages(text: string): ChatMessage[] {
    const lines = ${source};
    return lines
      .map((line) => {
        try {
          return JSON.parse(line);
        } catch {
          return null;
        }
      })
      .filter((msg): msg is ChatMessage => msg !== null);
  }
`;
const unfiltered = chatLines('text.split("\\n")');

// The second shape: an NDJSON export read with a logging catch, `rows` the filtered records.
const ndjson = dedent`
  export function parseExport(raw: string[]) {
    const rows = raw.filter(Boolean);
    return rows
      .map(function (row) {
        try {
          return JSON.parse(row);
        } catch (err) {
          console.warn("bad row", err);
          return undefined;
        }
      })
      .filter(Boolean);
  }
`;

// A room store whose private `persist` writes the whole state; `extra` is more of the class.
const roomStore = (extra: string, write = "fs.writeFileSync(filePath, JSON.stringify(data, null, 2));"): string => dedent`
  import fs from "fs";
  import path from "path";
  export class RoomManager {
    private rooms: Map<string, Room> = new Map();
    private settings: Map<string, Settings> = new Map();
    private changed = false;
    constructor() {
      setInterval(() => {
        if (this.changed) {
          this.persist();
          this.changed = false;
        }
      }, 30000);
    }
    private persist() {
      try {
        const filePath = path.resolve("data", "rooms.json");
        const data = { rooms: Array.from(this.rooms.entries()), settings: Array.from(this.settings.entries()) };
        ${write}
      } catch (error) {
        console.error("[RoomManager] Error saving state:", error);
      }
    }
    ${extra}
  }
`;
const markChanged = "addRoom(room: Room) {\n    this.rooms.set(room.id, room);\n    this.changed = true;\n  }";
const savedByRequest = roomStore("addRoom(room: Room) {\n    this.rooms.set(room.id, room);\n    this.persist();\n    return true;\n  }");
const emptied = roomStore("reset() {\n    this.rooms = new Map();\n    this.changed = true;\n  }");
const appended = roomStore(markChanged, 'fs.appendFileSync(filePath, JSON.stringify(data) + "\\n");');

// The second shape: a module's counters saved through fs/promises by a function of the file.
const counters = (starts: string): string => dedent`
  import { writeFile } from "node:fs/promises";
  const counts: Record<string, number> = {};
  export function bump(key: string) {
    counts[key] = (counts[key] ?? 0) + 1;
  }
  async function saveCounts() {
    try {
      await writeFile(COUNTS_FILE, JSON.stringify(counts));
    } catch (err) {
      logger.warn({ err }, "could not save the counters");
    }
  }
` + `\n${starts}\n`;
const awaitedByRoute = counters("setInterval(() => void saveCounts(), 60_000);\nexport async function flushNow() {\n  await saveCounts();\n  return { saved: true };\n}");

// An SQS Lambda that forwards each record, its catch calling `report` of the project's `./logger`.
const forward = (report: string): string => dedent`
  import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
  import { log, ${report} } from "./logger";
  const sqs = new SQSClient({});
  export const handler = async (event) => {
    for (const record of event.Records) {
      try {
        await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: record.body }));
        log("queued");
      } catch (e: any) {
        ${report}("queue send failed", e.message);
      }
    }
  };
`;
const workerLogger = {
  "src/logger.ts": dedent`
    export function log(message: string, ...meta: any[]) {
      console.log(new Date().toISOString(), message, ...meta);
    }
    export function error(message: string, ...meta: any[]) {
      console.error(new Date().toISOString(), message, ...meta);
    }
    export function alert(message: string, ...meta: any[]) {
      console.error(message, ...meta);
      return pagerDuty.trigger({ summary: message });
    }
  `,
};
const forwarded = forward("error");

// The second shape: a CommonJS bot module whose catch calls `printIssue` of a helper module the project requires.
const relay = dedent`
  const { printIssue } = require("../lib/console-out");
  async function relay(message) {
    try {
      await channel.send(message.content);
    } catch (err) {
      printIssue("relay failed", err);
    }
    return true;
  }
  module.exports = { relay };
`;
const botLog = { "src/lib/console-out.js": "function printIssue(text, err) {\n  const stamp = new Date().toISOString();\n  console.warn(`[${stamp}] ${text}`, err);\n}\nmodule.exports = { printIssue };\n" };

// A ticket relay whose immediate create, when it fails, is handled by `fallback`.
const createTicket = (fallback: string): string => dedent`
  import { breadcrumb } from "./log";
  export async function createNow(env: Env, cmd: TicketCommand, id: number) {
    try {
      const raw = await new TicketClient(env).createTicket(cmd);
      breadcrumb(\`created \${raw.id}\`);
    } catch (err) {
      ${fallback}
      breadcrumb(\`immediate create failed (id=\${id})\`);
    }
    return { id };
  }
`;
const crumbs = { "src/log.ts": "export function breadcrumb(line: string) {\n  console.log(`[relay] ${line}`);\n}\n" };
const recorded = createTicket("await releaseSlot(env.DB, id);");

// The second shape: an e-mail send whose failure puts the message into an outbox table.
const outbox = dedent`
  export async function sendReceipt(mailer: Mailer, db: Db, message: Mail) {
    try {
      await mailer.send(message);
    } catch (error) {
      await db.outbox.insert(message);
      logger.warn({ error }, "receipt mail failed, kept in the outbox");
    }
  }
`;

// A Worker whose scheduled entry hands its flush to \`ctx.waitUntil\`, after \`before\`.
const cronWorker = (before: string): string => dedent`
  export default {
    async scheduled(event: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
      ${before}
      ctx.waitUntil(initSchema(env.DB).then(() => flushPending(env)).catch((err) => console.error("cron flush failed", err)));
    },
  };
`;
const syncFirst = "if (event.cron === SYNC_CRON) {\n      ctx.waitUntil(syncAll(env));\n      return;\n    }";
// The second shape: a service worker's scheduled listener.
const swListener = 'addEventListener("scheduled", (event) => {\n  event.waitUntil(refreshCache().catch((e) => console.warn("refresh failed", e)));\n});\n';
const fetchWorker = dedent`
  export default {
    async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
      ctx.waitUntil(flushPending(env).catch((err) => console.error("flush failed", err)));
      return new Response("ok");
    },
  };
`;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// The "Rethrow the error" suggestion: `throw error;` after the log line `log` at `indent`.
const rethrow = (code: string, log: string, indent: string) => ({ title: "Rethrow the error", output: code.replace(`${log}\n`, `${log}\n${indent}throw error;\n`) });
const rethrowErr = (code: string, log: string, indent: string) => ({ title: "Rethrow the error", output: code.replace(`${log}\n`, `${log}\n${indent}throw err;\n`) });
const saveLog = 'console.error("[RoomManager] Error saving state:", error);';

new RuleTester().run(narrowed, {
  valid: [
    { name: "a failed create parked in the pending queue with its own command (held round 36)", code: createTicket("await putPendingTicket(env.DB, id, JSON.stringify(cmd), new Date().toISOString());"), files: crumbs },
    { name: "a failed mail kept in the outbox table", code: outbox },
    { name: "a Worker's scheduled entry ending in a flush handed to ctx.waitUntil (held round 36)", code: cronWorker(syncFirst) },
    { name: "a service worker's scheduled listener handing its refresh to event.waitUntil", code: swListener, filename: "src/sw.js" },
    { name: "a catch handing the error to a project helper that also pages someone", code: forward("alert"), filename: "src/handler.ts", files: workerLogger },
    { name: "a graceful shutdown started from the signal handler and the uncaughtException listener (held round 36)", code: shutdown(onSignalsAndCrashes), filename: "src/worker.ts" },
    { name: "a stop called from the unhandledRejection listener and the SIGINT handler (JavaScript)", code: stopServer(""), filename: "server.js" },
    { name: "a JSON line probe whose chain starts from a const that ends in a filter (held round 36)", code: chatLines('text.split("\\n").filter((line) => line.trim())') },
    { name: "the same with a logging catch answering undefined and a function expression", code: ndjson },
    { name: "a private method that writes the whole state, started only by a timer (held round 36)", code: roomStore(markChanged), filename: "server/src/RoomManager.ts" },
    { name: "the same handed to the timer bound", code: roomStore(markChanged).replace("setInterval(() => {\n      if (this.changed) {\n        this.persist();\n        this.changed = false;\n      }\n    }, 30000);", "setInterval(this.persist.bind(this), 30000);"), filename: "server/src/RoomManager.ts" },
    { name: "a function of the file that saves the module's counters, started only by a timer (fs/promises)", code: counters("setInterval(() => void saveCounts(), 60_000);"), filename: "src/counters.ts" },
  ],
  invalid: [
    {
      name: "a catch that only releases a slot: the work is not handed on",
      code: recorded,
      files: crumbs,
      findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [rethrowErr(recorded, "breadcrumb(`immediate create failed (id=${id})`);", "    "), ignore(recorded, "  } catch (err) {", "    ")] }],
      output: null,
    },
    {
      name: "a Worker's fetch handler hands a log-only chain to waitUntil while it answers: it has a caller",
      code: fetchWorker,
      findings: [{
        case: "promiseCatchLogOnly", line: 3, column: 43, endColumn: 86, suggestions: [
          { title: "Rethrow in the handler after logging", output: fetchWorker.replace('.catch((err) => console.error("flush failed", err)));', '.catch((err) => {\n      console.error("flush failed", err);\n      throw err;\n    }));') },
          { title: "Mark as intentionally ignored…", output: fetchWorker.replace("(err) => console.error", "(err) => /* Intentionally ignored: <reason> */ console.error") },
        ],
      }],
      output: null,
    },
    {
      name: "a send failure in an SQS Lambda handed to the project's log helper (held round 36, decided)",
      code: forwarded,
      filename: "src/handler.ts",
      files: workerLogger,
      findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 21, suggestions: [ignore(forwarded, "    } catch (e: any) {", "      ")] }],
      output: null,
    },
    {
      name: "the same through a CommonJS helper whose body only warns",
      code: relay,
      filename: "src/bot/relay.js",
      files: botLog,
      findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [rethrowErr(relay, 'printIssue("relay failed", err);', "    "), ignore(relay, "  } catch (err) {", "    ")] }],
      output: null,
    },
    {
      name: "a shutdown also awaited by a restart route: it has a caller",
      code: shutdown(`${onSignalsAndCrashes}\nexport async function restart() {\n  await gracefulShutdown("restart");\n}`),
      filename: "src/worker.ts",
      findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: [ignore(shutdown(`${onSignalsAndCrashes}\nexport async function restart() {\n  await gracefulShutdown("restart");\n}`), "  } catch (error) {", "    ")] }],
      output: null,
    },
    {
      name: "a stop an admin route also awaits before it answers stopped",
      code: stopServer(stopRoute),
      filename: "server.js",
      findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [ignore(stopServer(stopRoute), "  } catch (err) {", "    ")] }],
      output: null,
    },
    {
      name: "a JSON line probe over a const with no filter (held round 35's rule: stays reported)",
      code: unfiltered,
      findings: [{
        case: "catchReturnsDefault", line: 7, column: 9, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: unfiltered.replace("} catch {\n", '} catch (err) {\n        console.error("JSON.parse failed", err);\n') },
          ignore(unfiltered, "      } catch {", "        "),
        ],
      }],
      output: null,
    },
    {
      name: "a save its request path calls, which then answers done (held round 36, the moderation store)",
      code: savedByRequest,
      filename: "server/src/RoomManager.ts",
      findings: [{ case: "logAndContinue", line: 20, column: 7, endColumn: 20, suggestions: [rethrow(savedByRequest, saveLog, "      "), ignore(savedByRequest, "    } catch (error) {", "      ")] }],
      output: null,
    },
    {
      name: "a snapshot of state the class empties elsewhere",
      code: emptied,
      filename: "server/src/RoomManager.ts",
      findings: [{ case: "logAndContinue", line: 20, column: 7, endColumn: 20, suggestions: [rethrow(emptied, saveLog, "      "), ignore(emptied, "    } catch (error) {", "      ")] }],
      output: null,
    },
    {
      name: "an append, not a whole-file write (held round 36, the chat buffer)",
      code: appended,
      filename: "server/src/RoomManager.ts",
      findings: [{ case: "logAndContinue", line: 20, column: 7, endColumn: 20, suggestions: [rethrow(appended, saveLog, "      "), ignore(appended, "    } catch (error) {", "      ")] }],
      output: null,
    },
    {
      name: "a file's save also awaited by an exported flush that answers saved",
      code: awaitedByRoute,
      filename: "src/counters.ts",
      findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 16, suggestions: [ignore(awaitedByRoute, "  } catch (err) {", "    ")] }],
      output: null,
    },
  ],
});
