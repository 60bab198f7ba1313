import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import { detectLogger, formatLogCall } from "../../../src/fixes/logger";
import { dedent } from "../../helpers/rule-tester";

function detect(text: string, scope: Parameters<typeof detectLogger>[2] = {}) {
  const sf = ts.createSourceFile("/project/src/file.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return detectLogger(sf, text, scope);
}

describe("swallowed-exception: logger detection (src/fixes/logger.ts)", () => {
  it("finds a pino instance, also through require and .child()", () => {
    assert.deepEqual(detect('import pino from "pino";\nconst logger = pino();\n'), { kind: "pino", expr: "logger", shape: "objectFirst", label: "pino" });
    assert.equal(detect('const log = require("pino")({ level: "info" });\n').expr, "log");
    assert.deepEqual(detect('import pino from "pino";\nconst base = pino();\n').expr, "base");
    assert.equal(detect('import { pino } from "pino";\nconst jobLog = pino().child({ job: 1 });\n').kind, "pino");
  });

  it("tells winston (message first) from bunyan (object first)", () => {
    const w = detect('const winston = require("winston");\nconst logger = winston.createLogger({});\n');
    assert.deepEqual([w.kind, w.shape], ["winston", "messageFirst"]);
    const b = detect('import bunyan from "bunyan";\nconst log = bunyan.createLogger({ name: "x" });\n');
    assert.deepEqual([b.kind, b.shape, b.expr], ["bunyan", "objectFirst", "log"]);
  });

  it("uses the project's own logger module and infers its call shape from existing calls", () => {
    const objectFirst = detect('import { logger } from "../lib/logger";\nlogger.info({ id }, "started");\n');
    assert.deepEqual([objectFirst.kind, objectFirst.expr, objectFirst.shape, objectFirst.label], ["local", "logger", "objectFirst", "logger"]);
    const messageFirst = detect("const log = require('./log');\nlog.info('started', { id });\n");
    assert.deepEqual([messageFirst.expr, messageFirst.shape], ["log", "messageFirst"]);
    assert.equal(detect('import { appLogger } from "@acme/observability";\n').expr, "appLogger");
    assert.equal(detect('import { log } from "./utils";\nlog("started");\n').kind, "console", "a plain log() function is not a logger object");
  });

  it("prefers a class's own logger inside a class (NestJS), and request.log in Fastify handlers", () => {
    const text = dedent`
      import { Logger } from "@nestjs/common";
      export class S {
        private readonly logger = new Logger(S.name);
        run() { this.logger.log("x"); }
      }
    `;
    assert.deepEqual([detect(text, { inClass: true }).kind, detect(text, { inClass: true }).expr], ["nest", "this.logger"]);
    assert.equal(detect(text).kind, "console");
    assert.equal(detect("fastify.get('/', async (request) => { request.log.info('x'); });\n", { params: ["request", "reply"] }).expr, "request.log");
  });

  it("falls back to console, and ignores type-only imports and unrelated names", () => {
    assert.equal(detect('import type { Logger } from "pino";\nimport { db } from "./db";\n').kind, "console");
    assert.equal(detect('import { format } from "./logger-format";\n').kind, "console");
  });

  it("formats the call in each shape", () => {
    const pino = detect('import pino from "pino";\nconst logger = pino();\n');
    assert.equal(formatLogCall(pino, '"load failed"', "e", ["userId"]), 'logger.error({ err: e, userId }, "load failed")');
    assert.equal(formatLogCall(pino, '"load failed"', "err", []), 'logger.error({ err }, "load failed")');
    const winston = detect('const winston = require("winston");\nconst logger = winston.createLogger({});\n');
    assert.equal(formatLogCall(winston, "'x failed'", "err", ["id"]), "logger.error('x failed', { err, id })");
    const con = detect("");
    assert.equal(formatLogCall(con, '"x failed"', "err", []), 'console.error("x failed", err)');
    assert.equal(formatLogCall(con, '"x failed"', "err", ["orderId"]), 'console.error("x failed", { orderId }, err)');
  });
});
