import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired held round 44, session 41, developer ub41: decided unvalidated-boundary errors as classes. Hand-written rows.

// 1. A project helper that type-tests its parameter and answers a wrong type with a literal of its own
// (`const safeString = (v) => { if (typeof v !== "string") return ""; return String(v).trim(); }`, also as an expression
// body, `(v) => (typeof v === "string" ? v.trim() : "")`) checks every field handed to it, also through a fallback,
// `safeString(body.kind || "")`, `safeString(body.expoPushToken || body.token)` (OrkaChat's Lambda handlers,
// `registerPushToken.js:53`, `reportContent.js:54`, `addBlock.js:84`, decided clean); a field only compared with a
// literal after another read of the body (`body.isPublic !== false`, `channelsCreate.js:106`) is no use either.
const LAMBDA = { "package.json": "{ \"name\": \"backend\", \"dependencies\": { \"@aws-sdk/client-dynamodb\": \"^3.600.0\", \"@aws-sdk/lib-dynamodb\": \"^3.600.0\" } }\n" };

const PUSH_TOKEN = (helper: string) => dedent`
  const { DynamoDBDocumentClient, PutCommand } = require("@aws-sdk/lib-dynamodb");
  const ddb = DynamoDBDocumentClient.from({});
  ${helper}
  exports.handler = async (event) => {
    let body = {};
    try {
      body = JSON.parse(event.body || "{}");
    } catch {
      return { statusCode: 400, body: "Invalid JSON body" };
    }
    const expoPushToken = safeString(body.expoPushToken || body.token);
    const platform = safeString(body.platform || "unknown").toLowerCase();
    const isPublic = body.isPublic !== false;
    if (!expoPushToken) return { statusCode: 400, body: "expoPushToken is required" };
    await ddb.send(new PutCommand({ TableName: "tokens", Item: { expoPushToken, platform, isPublic } }));
    return { statusCode: 200, body: "{}" };
  };
`;
const STATEMENT_HELPER = "function safeString(v) {\n    if (typeof v !== \"string\") return \"\";\n    return String(v).trim();\n  }";
const ARROW_HELPER = "const safeString = (v) => (typeof v === \"string\" ? String(v).trim() : \"\");";
// The helper hands a wrong type back as it is: nothing is decided.
const PASSING_HELPER = "function safeString(v) {\n    if (typeof v !== \"string\") return v;\n    return v.trim();\n  }";

// Another style: an Express TypeScript route with a `null`-answering checker and a negated-test arrow, Prisma.
const EXPRESS = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.21.0\", \"@prisma/client\": \"^5.0.0\" } }\n" };
const EXPRESS_ROUTE = dedent`
  import express from "express";
  import { prisma } from "./db";
  const router = express.Router();
  function text(v: unknown): string | null {
    if (v === undefined || typeof v !== "string") return null;
    return v.slice(0, 200);
  }
  const label = (v: unknown) => (typeof v !== "string" ? "" : v.trim());
  router.post("/notes", async (req, res) => {
    const title = text(req.body.title);
    const tag = label(req.body.tag ?? "");
    if (!title) return res.status(400).json({ error: "title required" });
    const note = await prisma.note.create({ data: { title, tag } });
    res.json(note);
  });
  export default router;
`;

// 2. A socket payload's argument tested to be a string before use (`if (!roomId || typeof roomId !== "string") return`)
// is a plain value from there on: kept in the server's state or used as a Map key it is no use (bonfire
// `packages/server/src/core/SocketServer.ts:242`, `:262`, decided clean). Untested, kept in state, it stays one.
const SOCKET_IO = { "package.json": "{ \"name\": \"server\", \"dependencies\": { \"socket.io\": \"^4.7.0\", \"express\": \"^4.21.0\" } }\n", "src/core/RoomManager.ts": "export class RoomManager {\n  private playerToRoom: Map<string, string> = new Map();\n  trackPlayer(playerId: string, roomId: string): void {\n    this.playerToRoom.set(playerId, roomId);\n  }\n}\n" };
const ROOMS = (guard: string) => dedent`
  import express from "express";
  import { createServer } from "http";
  import { Server as SocketIO, type Socket } from "socket.io";
  import { RoomManager } from "./RoomManager";
  import type { RoomId } from "@game/core";
  export class SocketServer {
    private io: SocketIO;
    private roomManager!: RoomManager;
    constructor() {
      this.roomManager = new RoomManager();
      this.io = new SocketIO(createServer(express()));
      this.io.on("connection", (socket) => {
        this.setupEventHandlers(socket);
      });
    }
    private setupEventHandlers(socket: Socket): void {
      socket.on("room:join", (roomId, playerName, callback) => {
        this.handleRoomJoin(socket, roomId, playerName, callback);
      });
    }
    private async handleRoomJoin(socket: Socket, roomId: RoomId, playerName: string, callback: (r: unknown) => void): Promise<void> {${guard}
      this.roomManager.trackPlayer(playerName, roomId);
      callback({ success: true });
    }
  }
`;
const GUARDS = "\n      if (!roomId || typeof roomId !== \"string\") return callback({ success: false, error: \"Invalid room ID\" });";
// Another style: a CommonJS ws-style handler over socket.io with a typeof test in one condition.
const CJS_ROOMS = dedent`
  const { Server } = require("socket.io");
  const io = new Server(3000);
  const members = {};
  io.on("connection", (socket) => {
    socket.on("join", (room, ack) => {
      if (typeof room !== "string" || room.length > 64) return ack("bad room");
      members[socket.id] = room;
      socket.join(room);
      ack("ok");
    });
  });
`;

// 3. A raw body parsed after an always-on signature check: handed first to a function of the project whose every read
// of it is an HMAC (node's `createHmac(…).update(body)`, WebCrypto's `crypto.subtle.sign("HMAC", key, …)`), the request
// ended when it fails (`if (!isValid) return c.json(…, 401)`), or the digest compared inline (`"sha256=" +
// createHmac(…).digest("hex")`): a signed provider payload (linear-agent `src/handlers/github-webhook.ts:38`, decided
// clean; the docs' round-27 decision). Under `if (secret)` the unsigned body passes on the other path: still a use.
const HONO = { "package.json": "{ \"name\": \"agent\", \"dependencies\": { \"hono\": \"^4.6.0\" } }\n" };
const CRYPTO_TS = dedent`
  export async function verifyGitHubSignature(body: string, signature: string, secret: string): Promise<boolean> {
    if (!signature.startsWith("sha256=")) return false;
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(body));
    const expected = Array.from(new Uint8Array(mac)).map((b) => b.toString(16).padStart(2, "0")).join("");
    return signature.slice(7) === expected;
  }
`;
const GITHUB_WEBHOOK = dedent`
  import type { Context } from "hono";
  import { verifyGitHubSignature } from "../utils/crypto";
  import * as db from "../db/queries";
  export async function handleGitHubWebhook(c: Context<{ Bindings: { DB: D1Database; SECRET: string } }>): Promise<Response> {
    const body = await c.req.text();
    const signature = c.req.header("x-hub-signature-256") || "";
    const isValid = await verifyGitHubSignature(body, signature, c.env.SECRET);
    if (!isValid) {
      return c.json({ error: "Invalid signature" }, 401);
    }
    const payload = JSON.parse(body);
    await db.saveRun(c.env.DB, payload.workflow_run.id, payload.repository.full_name);
    return c.json({ status: "ok" });
  }
`;
const EXPRESS_RAW = { "package.json": "{ \"name\": \"hooks\", \"dependencies\": { \"express\": \"^4.21.0\", \"pg\": \"^8.11.0\" } }\n" };
const INLINE_HMAC = (check: string) => dedent`
  const express = require("express");
  const crypto = require("crypto");
  const { pool } = require("./db");
  const app = express();
  app.post("/hooks/github", express.text({ type: "*/*" }), async (req, res) => {
    const raw = req.body;
    const signature = req.get("x-hub-signature-256") || "";
    ${check}
    const event = JSON.parse(raw);
    await pool.query("INSERT INTO pushes (repo) VALUES ($1)", [event.repository.full_name]);
    res.sendStatus(204);
  });
  module.exports = app;
`;
const ALWAYS = "const expected = \"sha256=\" + crypto.createHmac(\"sha256\", process.env.SECRET).update(raw).digest(\"hex\");\n    if (expected !== signature) return res.sendStatus(401);";
// The check only when a secret is configured (retired held round 40's wacapi webhook): the parse stays the input's.
const WEBHOOK_IF_SECRET = GITHUB_WEBHOOK.replace("const isValid = await verifyGitHubSignature(body, signature, c.env.SECRET);\n  if (!isValid) {\n    return c.json({ error: \"Invalid signature\" }, 401);\n  }", "if (c.env.SECRET) {\n    const isValid = await verifyGitHubSignature(body, signature, c.env.SECRET);\n    if (!isValid) return c.json({ error: \"Invalid signature\" }, 401);\n  }");

// 4. A Fastify controller class whose methods a method of the same class registers, `app.post("/oauth/disconnect",
// this.handleDisconnect.bind(this))` (claude-code-connect `src/linear/oauth/controller.ts:129`, decided finding): the
// registration is found (it has no schema), so the handler's body is judged.
const FASTIFY = { "package.json": "{ \"name\": \"bridge\", \"dependencies\": { \"fastify\": \"^4.28.0\" } }\n" };
const CONTROLLER = dedent`
  import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
  import { readFile } from "node:fs/promises";
  import { join } from "node:path";
  export class OAuthController {
    register(app: FastifyInstance): void {
      app.post("/oauth/disconnect", this.handleDisconnect.bind(this));
    }
    async handleDisconnect(request: FastifyRequest<{ Body: { workspaceId: string } }>, reply: FastifyReply): Promise<void> {
      const { workspaceId } = request.body;
      if (!workspaceId) return reply.code(400).send({ error: "Missing workspaceId" });
      const raw = await readFile(join("/var/tokens", \`\${workspaceId}.token.json\`), "utf8");
      return reply.send({ size: raw.length });
    }
  }
`;
const CONTROLLER_SCHEMA = CONTROLLER.replace("app.post(\"/oauth/disconnect\", this", "app.post(\"/oauth/disconnect\", { schema: { body: { type: \"object\", required: [\"workspaceId\"], properties: { workspaceId: { type: \"string\", pattern: \"^[a-z0-9-]+$\" } } } } }, this");

const valid: ValidCase[] = [
  { name: "Lambda (CJS): fields through a statement helper that answers a wrong type with \"\"", code: PUSH_TOKEN(STATEMENT_HELPER), filename: "backend/aws/src/handlers/http/registerPushToken.js", files: LAMBDA },
  { name: "Lambda (CJS): fields through an expression-body helper", code: PUSH_TOKEN(ARROW_HELPER), filename: "backend/aws/src/handlers/http/registerPushToken.js", files: LAMBDA },
  { name: "Express (TS): fields through a null-answering checker and a negated-test arrow", code: EXPRESS_ROUTE, filename: "src/routes/notes.ts", files: EXPRESS },
  { name: "socket.io class: room id and name typeof-tested, then kept in the server's state", code: ROOMS(GUARDS), filename: "src/core/SocketServer.ts", files: SOCKET_IO },
  { name: "socket.io (CJS): a room typeof-tested in one condition with its length, then kept", code: CJS_ROOMS, filename: "server/index.js", files: SOCKET_IO },
  { name: "Hono: body parsed after a WebCrypto HMAC helper's check ends the request", code: GITHUB_WEBHOOK, filename: "src/handlers/github-webhook.ts", files: { ...HONO, "src/utils/crypto.ts": CRYPTO_TS } },
  { name: "Express (CJS): raw text parsed after its prefixed HMAC is compared inline", code: INLINE_HMAC(ALWAYS), filename: "server/hooks.js", files: EXPRESS_RAW },
  { name: "Fastify controller registered with .bind(this) and a body schema", code: CONTROLLER_SCHEMA, filename: "src/linear/oauth/controller.ts", files: FASTIFY },
];

const invalid: InvalidCase[] = [
  markedRow("Lambda (CJS): a helper that hands a wrong type back decides nothing", PUSH_TOKEN(PASSING_HELPER), "backend/aws/src/handlers/http/registerPushToken.js", LAMBDA, "lambdaEvent", 10, 12, 42),
  markedRow("socket.io class: untested room id kept in the server's state", ROOMS(""), "src/core/SocketServer.ts", SOCKET_IO, "messagePayload", 18, 35, 41),
  markedRow("Hono: the signature check only runs when a secret is set", WEBHOOK_IF_SECRET, "src/handlers/github-webhook.ts", { ...HONO, "src/utils/crypto.ts": CRYPTO_TS }, "honoRequest", 11, 19, 35),
  markedRow("Fastify controller registered with .bind(this), no schema: workspaceId joined into a path", CONTROLLER, "src/linear/oauth/controller.ts", FASTIFY, "fastifyRequest", 9, 29, 41),
];

runWithNamedCases(valid, invalid);
