import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 39 (prod39), production uptime-kuma `server/server.js:856`: `socket.on("editMonitor", async (monitor,
// callback) => … bean.body = monitor.body …)` in a module that imports express was taken for an Express route
// (`on` is a route method: Node's `server.on("request", …)`, Hono's `app.on("PURGE", …)`), and the socket
// payload's `body` field for `req.body`. An `on` whose event is another name registers a listener. Rows: the
// uptime-kuma CommonJS shape and a hand-written TypeScript EventEmitter; Node's "request" event stays a route.

const PKG = { "package.json": '{ "name": "app", "dependencies": { "express": "^4.21.0", "joi": "^17.0.0" } }\n' };

const KUMA = dedent`
  const express = require("express");
  const { R } = require("redbean-node");
  module.exports.monitorSocketHandler = (socket) => {
    socket.on("editMonitor", async (monitor, callback) => {
      const bean = await R.findOne("monitor", " id = ? ", [monitor.id]);
      bean.body = monitor.body;
      await R.store(bean);
      callback({ ok: true });
    });
  };
`;

const BUS = dedent`
  import express from "express";
  import { EventEmitter } from "node:events";
  import { db, orders } from "./db";

  export const bus = new EventEmitter();
  bus.on("order:placed", async (order: { id: string; body: string }) => {
    await db.insert(orders).values({ id: order.id, note: order.body });
  });
  export const app = express();
`;

const NODE_REQUEST = dedent`
  import express from "express";
  import http from "node:http";
  import { db, notes } from "./db";

  const app = express();
  const server = http.createServer(app);
  server.on("request", async (req, res) => {
    await db.insert(notes).values(req.body);
  });
`;

const valid: ValidCase[] = [
  { name: "uptime-kuma: a socket listener's monitor.body in a module that imports express is no req.body", filename: "server/socket-handlers/monitor.js", files: PKG, code: KUMA },
  { name: "a TypeScript EventEmitter listener's order.body is no req.body", filename: "src/bus.ts", files: PKG, code: BUS },
];

const invalid: InvalidCase[] = [
  { name: "Node's request event on the server stays a route: req.body", filename: "src/server.ts", files: PKG, code: NODE_REQUEST, findings: [{ case: "expressBody", line: 8, column: 33, endColumn: 41, suggestions: [mark(NODE_REQUEST, "expressBody", 8)] }], output: null },
];

runWithNamedCases(valid, invalid);
