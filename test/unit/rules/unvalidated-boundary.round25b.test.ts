import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 23, developer ub25b (issue 11): classes of unvalidated-boundary's misses over the tune part,
// written into docs/rules/unvalidated-boundary.md. Hand-written analogues, not the repositories' code.

// A queue consumer wrapper hands the parsed message whole to the callback its caller gave it: every subscriber gets it as sent.
const SUBSCRIBER_CALLBACK = dedent`
  const amqp = require("amqplib");
  class Broker {
    async subscribe(queue, callback) {
      await this.channel.consume(queue, (msg) => {
        const order = JSON.parse(msg.content.toString());
        callback(order);
        this.channel.ack(msg);
      });
    }
  }
  module.exports = new Broker();
`;

// The wrapper checks the message before it calls back: validated.
const SUBSCRIBER_CHECKED = dedent`
  const amqp = require("amqplib");
  const { z } = require("zod");
  const OrderMessage = z.object({ id: z.string() });
  class Broker {
    async subscribe(queue, callback) {
      await this.channel.consume(queue, (msg) => {
        callback(OrderMessage.parse(JSON.parse(msg.content.toString())));
        this.channel.ack(msg);
      });
    }
  }
  module.exports = new Broker();
`;

// A socket.io payload handed to the event's own acknowledgement: the handler's reply, no subscriber.
const ACK_REPLY = dedent`
  import { Server } from "socket.io";
  const io = new Server(3000);
  io.on("connection", (socket) => {
    socket.on("echo", (payload, ack) => {
      ack(payload);
    });
  });
`;

// An IPC payload handed whole, behind a fallback, to a method of the project's own device client: a service call.
const BUILT_CLIENT = dedent`
  import { ipcMain } from "electron";
  import { PrinterClient } from "./printer";
  const printer = new PrinterClient({ host: "10.0.0.5" });
  ipcMain.handle("print", async (_event, job) => {
    return printer.printJob(job ?? { lines: [] });
  });
`;

// A client of a package (not the project's own class) is no such call; nor is a scalar handed to the project's client.
const PACKAGE_CLIENT = dedent`
  import { ipcMain } from "electron";
  import { PrinterClient } from "printer-sdk";
  import { LabelService } from "./labels";
  const printer = new PrinterClient({ host: "10.0.0.5" });
  const labels = new LabelService();
  ipcMain.handle("print", async (_event, job) => {
    return printer.printJob(job);
  });
  ipcMain.handle("label", async (_event, id: string) => {
    return labels.render(String(id));
  });
`;

// A raw query value in the query string of a request that carries the server's key after it: a \`&\` in it adds parameters.
const KEYED_QUERY = dedent`
  export async function GET(request: Request) {
    const place = new URL(request.url).searchParams.get("place");
    if (!place) return Response.json({ error: "place required" }, { status: 400 });
    const res = await fetch(\`https://maps.example.com/details?place=\${place}&key=\${process.env.MAPS_KEY}\`);
    return new Response(await res.text());
  }
`;

// Encoded, the value stays one parameter; with no key after it, the fixed host keeps the request where it is.
const KEYED_QUERY_ENCODED = dedent`
  export async function GET(request: Request) {
    const place = new URL(request.url).searchParams.get("place");
    if (!place) return Response.json({ error: "place required" }, { status: 400 });
    const res = await fetch(\`https://maps.example.com/details?place=\${encodeURIComponent(place)}&key=\${process.env.MAPS_KEY}\`);
    const open = await fetch(\`https://maps.example.com/public?place=\${place}\`);
    return new Response((await res.text()) + (await open.text()));
  }
`;

// A query value decoded from base64 and parsed: structured input, its field a KV key.
const BASE64_STATE = dedent`
  export default {
    async fetch(request: Request, env: { TOKENS: KVNamespace }) {
      const state = JSON.parse(atob(new URL(request.url).searchParams.get("state") ?? "e30="));
      await env.TOKENS.put(\`user:\${state.user}\`, "linked");
      return new Response("ok");
    },
  };
`;

// Checked after the decode: validated.
const BASE64_STATE_CHECKED = dedent`
  import { z } from "zod";
  const State = z.object({ user: z.string().uuid() });
  export default {
    async fetch(request: Request, env: { TOKENS: KVNamespace }) {
      const state = State.parse(JSON.parse(atob(new URL(request.url).searchParams.get("state") ?? "e30=")));
      await env.TOKENS.put(\`user:\${state.user}\`, "linked");
      return new Response("ok");
    },
  };
`;

const valid: ValidCase[] = [
  { name: "message: the wrapper validates the message before it calls back", code: SUBSCRIBER_CHECKED, filename: "src/broker.js" },
  { name: "message: a socket.io payload handed to the event's acknowledgement", code: ACK_REPLY, filename: "src/socket.ts" },
  { name: "message: a package's client, and a scalar handed to the project's client", code: PACKAGE_CLIENT, filename: "electron/main.ts" },
  { name: "query: encoded into a keyed request, or raw into one with no key", code: KEYED_QUERY_ENCODED, filename: "app/api/place/route.ts" },
  { name: "query: a base64 state parsed and checked before its field is a key", code: BASE64_STATE_CHECKED, filename: "src/worker.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "message: a consumer wrapper hands the parsed message to its caller's callback",
    code: SUBSCRIBER_CALLBACK,
    filename: "src/broker.js",
    findings: [{ case: "messagePayload", line: 5, column: 21, endColumn: 55, suggestions: [mark(SUBSCRIBER_CALLBACK, "messagePayload", 5)] }],
    output: null,
  },
  {
    name: "message: an IPC payload handed whole, behind a fallback, to the project's own client",
    code: BUILT_CLIENT,
    filename: "electron/main.ts",
    findings: [{ case: "messagePayload", line: 4, column: 40, endColumn: 43, suggestions: [mark(BUILT_CLIENT, "messagePayload", 4)] }],
    output: null,
  },
  {
    name: "query: a raw value in the query string of a request carrying the server's key",
    code: KEYED_QUERY,
    filename: "app/api/place/route.ts",
    findings: [{ case: "nextAppRequest", line: 2, column: 17, endColumn: 63, suggestions: [mark(KEYED_QUERY, "nextAppRequest", 2)] }],
    output: null,
  },
  {
    name: "query: a base64 state decoded with atob and parsed, its field a KV key",
    code: BASE64_STATE,
    filename: "src/worker.ts",
    findings: [{ case: "webRequest", line: 3, column: 35, endColumn: 81, suggestions: [mark(BASE64_STATE, "webRequest", 3)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
