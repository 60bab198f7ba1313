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

const valid: ValidCase[] = [
  { name: "message: the wrapper validates the message before it calls back", code: SUBSCRIBER_CHECKED, filename: "src/broker.js" },
  { name: "message: a socket.io payload handed to the event's acknowledgement", code: ACK_REPLY, filename: "src/socket.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "message: a consumer wrapper hands the parsed message to its caller's callback",
    code: SUBSCRIBER_CALLBACK,
    filename: "src/broker.js",
    findings: [{ case: "messagePayload", line: 5, column: 21, endColumn: 55, suggestions: [mark(SUBSCRIBER_CALLBACK, "messagePayload", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
