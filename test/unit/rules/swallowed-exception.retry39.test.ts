import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 39, developer prods39: production Spacebar's connection retries (src/database/Database.ts:105,
// RabbitMqSingleListener.ts:63, RabbitMqSingleWriter.ts:44 and :93). The try assigns the value a retry waits for:
// a loop that runs while it is unset (alone, or bounded and followed by a test that throws when it is still
// unset), or a flag the next statement tests to call the same function again. A failed attempt is tried again
// until it works, or fails there. Rows in Spacebar's style (TypeORM, amqplib in a class) and hand-written
// ones (a Mongo client in a plain function, a Redis publish with a recursive retry); a bounded loop with
// nothing failing after it, and a flag whose test only logs, stay reported.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const database = dedent`
  import { DataSource } from "typeorm";
  let dbConnection: DataSource | undefined;
  export async function initDatabase(source: DataSource) {
    let retries = 0;
    do {
      try {
        dbConnection = await source.initialize();
      } catch (e) {
        console.error("[Database] Could not connect to database after", retries, "retries:", e);
      }
    } while (!dbConnection && retries++ < 10);

    if (!dbConnection) throw new Error("[Database] FATAL: Could not connect to database!");
    return dbConnection;
  }
`;

const rabbit = dedent`
  import amqp from "amqplib";
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  export class RabbitMqSingleWriter {
    private connection?: amqp.ChannelModel;
    private channel?: amqp.Channel;
    constructor(private host: string) {}
    async init(): Promise<void> {
      while (!this.connection) {
        try {
          console.log(\`[RabbitMQSingleWriter] Connecting to: \${this.host}\`);
          this.connection = await amqp.connect(this.host, { timeout: 60000 });
          console.log(\`[RabbitMQSingleWriter] Connected to: \${this.host}\`);
        } catch (e) {
          console.log(\`[RabbitMQSingleWriter] Failed to connect to: \${this.host}: \${e}\`);
          await sleep(1000);
        }
      }
      this.channel = await this.connection.createChannel();
    }
    async emit(event: { id: string }): Promise<void> {
      let success = false;
      try {
        success = this.channel!.publish("-", "", Buffer.from(JSON.stringify(event)), {});
      } catch (e) {
        console.error("[RabbitMqSingleWriter] Got error while publishing event:", e);
      }
      if (!success) {
        console.log("[RabbitMqSingleWriter] Publishing message was not successful, retrying...");
        await this.emit(event);
      }
    }
  }
`;

// Hand-written, JavaScript: a Mongo client connected by a plain function, a bounded loop and a test that throws.
const mongo = dedent`
  const { MongoClient } = require("mongodb");
  async function connectMongo(url) {
    let client;
    let tries = 0;
    while (tries < 5 && !client) {
      tries++;
      try {
        client = await MongoClient.connect(url);
      } catch (err) {
        console.warn("mongo not ready", err);
      }
    }
    if (!client) throw new Error("mongo unavailable");
    return client;
  }
  module.exports = { connectMongo };
`;

const redis = dedent`
  const redis = require("./redis");
  async function publish(channel, message) {
    let sent = false;
    try {
      sent = (await redis.publish(channel, JSON.stringify(message))) >= 0;
    } catch (err) {
      console.error("publish failed", err);
    }
    if (!sent) return publish(channel, message);
  }
  module.exports = { publish };
`;

const boundedNoTest = dedent`
  async function connectMongo(MongoClient, url) {
    let client = null;
    let tries = 0;
    while (!client && tries++ < 5) {
      try {
        client = await MongoClient.connect(url);
      } catch (err) {
        console.warn("mongo not ready", err);
      }
    }
    return client;
  }
`;

const flagOnlyLogs = dedent`
  async function publish(redis, channel, message) {
    let sent = false;
    try {
      sent = (await redis.publish(channel, message)) >= 0;
    } catch (err) {
      console.error("publish failed", err);
    }
    if (!sent) console.warn("message dropped");
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "Spacebar: a do-while retry bounded by a count, then a throw while the connection is unset", code: database, filename: "src/database/Database.ts" },
    { name: "Spacebar: a while loop until the connection field is set, and a publish flag retried by calling emit again", code: rabbit, filename: "src/util/ipc/RabbitMqSingleWriter.ts" },
    { name: "JavaScript: a bounded while on the client, then a throw while it is unset", code: mongo, filename: "lib/mongo.js" },
    { name: "JavaScript: a publish flag whose failure calls the same function again", code: redis, filename: "lib/publish.js" },
  ],
  invalid: [
    { name: "a bounded loop with no failing test after it: the caller gets null", code: boundedNoTest, filename: "lib/mongo.js", findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 18, suggestions: [
      { title: "Mark as intentionally ignored…", output: boundedNoTest.replace("    } catch (err) {\n", "    } catch (err) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a flag whose test only logs", code: flagOnlyLogs, filename: "lib/publish.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
      { title: "Mark as intentionally ignored…", output: flagOnlyLogs.replace("  } catch (err) {\n", "  } catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
