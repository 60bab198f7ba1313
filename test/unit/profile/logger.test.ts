import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { resolveLogger } from "../../../src/fixes/logger";
import { computeProfile } from "../../../src/profile/detect";

function profileOf(files: Record<string, string>) {
  const host = new MemoryProjectHost(new Map(Object.entries({ "package.json": "{}", ...files }).map(([k, v]) => [`/p/${k}`, v])));
  return { host, profile: computeProfile(host, "/p", true) };
}

function resolve(files: Record<string, string>, rel: string, text: string) {
  const { host, profile } = profileOf(files);
  const path = `/p/${rel}`;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const isModule = /^\s*(?:import|export)\b/m.test(text);
  return resolveLogger({ sf, text, path, isModule, profile, project: host, scope: {}, style: { eol: "\n", quote: '"', semi: ";" } });
}

describe("project logger (src/profile/detect.ts loggerOf, noConsoleOf; src/fixes/logger.ts resolveLogger)", () => {
  it("finds a logger module under common folders and names, with the wrapped library's call shape", () => {
    assert.deepEqual(profileOf({ "src/lib/logger.ts": 'import pino from "pino";\nexport const logger = pino();\n' }).profile.logger, { kind: "module", from: "src/lib/logger", name: "logger", shape: "objectFirst", esm: true });
    assert.deepEqual(profileOf({ "server/utils/Logger.js": 'const winston = require("winston");\nmodule.exports = winston.createLogger({});\n' }).profile.logger, { kind: "module", from: "server/utils/Logger", name: "default", shape: "messageFirst", esm: false });
    assert.equal(profileOf({ "src/services/log.ts": "export const log = { error(msg: string) { process.stderr.write(msg); } };\n" }).profile.logger?.name, "log");
  });

  it("does not take a debug() function, a class or a module without error logging for a logger", () => {
    assert.equal(profileOf({ "src/log.ts": 'import debug from "debug";\nexport const log = debug("app");\n' }).profile.logger, undefined);
    assert.equal(profileOf({ "src/logger.ts": "export class Logger { error(m: string) {} }\n" }).profile.logger, undefined);
    assert.equal(profileOf({ "src/logger.ts": "export const logger = { info(m: string) {} };\n" }).profile.logger, undefined);
  });

  it("falls back to a library in the manifest, then NestJS's Logger", () => {
    assert.equal(profileOf({ "package.json": '{ "dependencies": { "pino": "^9" } }' }).profile.logger?.kind, "pino");
    assert.deepEqual(profileOf({ "package.json": '{ "dependencies": { "@nestjs/common": "^10" } }' }).profile.logger, { kind: "nest", from: "@nestjs/common", name: "Logger", shape: "console" });
  });

  it("reads no-console from ESLint (JSON, YAML, flat, package.json) and Biome", () => {
    assert.equal(profileOf({ ".eslintrc.json": '{ "rules": { "no-console": ["error", { "allow": ["warn"] }] } }' }).profile.noConsole, true);
    assert.equal(profileOf({ ".eslintrc.yml": "rules:\n  no-console: warn\n" }).profile.noConsole, true);
    assert.equal(profileOf({ "eslint.config.mjs": "export default [{ rules: { 'no-console': 'off' } }];\n" }).profile.noConsole, false);
    assert.equal(profileOf({ "package.json": '{ "eslintConfig": { "rules": { "no-console": 2 } } }' }).profile.noConsole, true);
    assert.equal(profileOf({ "biome.json": '{ "linter": { "rules": { "suspicious": { "noConsole": "error" } } } }' }).profile.noConsole, true);
    assert.equal(profileOf({}).profile.noConsole, false);
  });

  it("a file's own logger wins; else the project's module is imported in the file's style", () => {
    const mod = { "src/lib/logger.ts": 'import pino from "pino";\nexport const logger = pino();\n' };
    const own = resolve(mod, "src/a.ts", 'import pino from "pino";\nconst log = pino();\n');
    assert.deepEqual([own?.logger.expr, own?.imports], ["log", []]);
    const esm = resolve(mod, "src/jobs/a.ts", 'import { x } from "./x.js";\n');
    assert.deepEqual([esm?.logger.expr, esm?.logger.shape, esm?.imports.map((e) => e.text)], ["logger", "objectFirst", ['\nimport { logger } from "../lib/logger.js";']]);
    const aliased = resolve(mod, "src/jobs/b.ts", 'import { logger } from "@/lib/logger";\nexport {};\n');
    assert.deepEqual([aliased?.logger.expr, aliased?.imports], ["logger", []]);
  });

  it("uses console, or nothing under no-console; never a server logger module in a browser file", () => {
    const mod = { "src/lib/logger.ts": 'import pino from "pino";\nexport const logger = pino();\n' };
    assert.equal(resolve({}, "src/a.ts", "export {};\n")?.logger.expr, "console");
    assert.equal(resolve({ ".eslintrc.json": '{ "rules": { "no-console": "error" } }' }, "src/a.ts", "export {};\n"), undefined);
    assert.equal(resolve(mod, "src/components/Button.tsx", '"use client";\nexport {};\n')?.logger.expr, "console");
  });
});
