import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 40, developer produb40: production grist-core (eval/production, seed 20261402), false findings of
// unvalidated-boundary triaged blind:
// - a route whose validation middleware runs before a handler handed through a wrapper of its own
//   (`this._app.post("/api/service-accounts", validateStrict(PostServiceAccount), expressWrap(async (req, res) => …))`,
//   app/gen-server/ApiServer.ts:682, :748): the middleware is a ts-interface-checker `strictCheck` answering 400;
// - ts-interface-checker checkers (`checkers.ParseFileResult.check(result)` right after the parse,
//   app/server/lib/DocPluginManager.ts:96; `createCheckers(…)`'s checkers destructured, `strictCheck`, `test`);
// - the project's parameter checkers (`optIntegerParam(parameters.workspaceId, "workspaceId")` from requestUtils, whose
//   body tests `typeof` and throws, app/server/lib/DocApi.ts:1382; an overloaded export read at its implementation);
// - (etherpad-lite, seed 20261401) a file reader whose every call names the project's own manifest
//   (`readJson("./src/package.json")`, bin/release.ts:54);
// - an error body handed in the failure branch to the module's function that always throws (`throwApiError(input,
//   resp, body)`, app/common/BaseAPI.ts:122 for axios, :187 for fetch).
// Rows in grist's TypeScript style, and hand-made in CommonJS with another router, wrapper and checker.

const EXPRESS = { "package.json": '{ "name": "api", "dependencies": { "express": "^4.21.0", "ts-interface-checker": "^1.0.2", "axios": "^1.7.0" } }' };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(text) + 1;

// grist's ApiServer: the checker middleware, then the handler through expressWrap.
const SERVICE_ACCOUNTS = dedent`
  import * as express from "express";
  import * as t from "ts-interface-checker";
  import ServiceAccountTI from "app/common/ServiceAccountTypes-ti";
  import { expressWrap } from "./expressWrap";
  import { dbManager } from "./db";

  const { PostServiceAccount } = t.createCheckers(ServiceAccountTI);

  function validateStrict(checker: t.Checker): express.RequestHandler {
    return (req, res, next) => {
      try {
        checker.strictCheck(req.body);
      } catch (err) {
        return res.status(400).json({ error: String(err) });
      }
      next();
    };
  }

  export class ApiServer {
    constructor(private _app: express.Application) {}
    public addEndpoints() {
      this._app.post("/api/service-accounts", validateStrict(PostServiceAccount), expressWrap(async (req, res) => {
        const body = req.body;
        const serviceAccount = await dbManager.createServiceAccount({ label: body.label, description: body.description, expiresAt: new Date(body.expiresAt) });
        return res.json({ id: serviceAccount.id });
      }));
    }
  }
`;

// Another style: CommonJS, an express Router, a joi middleware from a validators module and asyncHandler around the handler.
const WRAPPED_CJS = dedent`
  const express = require("express");
  const asyncHandler = require("express-async-handler");
  const { validateRequest, createJobSchema } = require("../validators/job");
  const jobs = require("../services/jobs");
  const router = express.Router();

  router.post(
    "/jobs",
    validateRequest(createJobSchema),
    asyncHandler(async (req, res) => {
      const { url, depth } = req.body;
      const job = await jobs.queue({ url, depth });
      res.status(202).json({ id: job.id });
    }),
  );

  module.exports = router;
`;

// The same wrapper behind a middleware that checks no part of the request.
const WRAPPED_AUTH_ONLY = dedent`
  const express = require("express");
  const asyncHandler = require("express-async-handler");
  const { requireAuth } = require("../middleware/auth");
  const jobs = require("../services/jobs");
  const router = express.Router();

  router.post("/jobs", requireAuth, asyncHandler(async (req, res) => {
    const job = await jobs.queue({ url: req.body.url, depth: req.body.depth });
    res.status(202).json({ id: job.id });
  }));

  module.exports = router;
`;

// grist's DocPluginManager: the parsed file checked whole by the plugin API's checkers.
const PLUGIN_FILE = dedent`
  import * as fse from "fs-extra";
  import { checkers } from "app/plugin/grist-plugin-api";
  import { docStorage } from "./storage";

  export async function parseFile(filePath: string) {
    const result = JSON.parse(await fse.readFile(filePath, "utf8"));
    result.parseOptions = {};
    checkers.ParseFileResult.check(result);
    await docStorage.importTables(result.tables);
    return result;
  }
`;

// Another style: the checkers destructured from createCheckers, the boolean test in a guard.
const CHECKER_TEST = dedent`
  const fs = require("fs");
  const { createCheckers } = require("ts-interface-checker");
  const settingsTI = require("./settings-ti");
  const db = require("./db");

  const { Settings } = createCheckers(settingsTI);

  exports.load = async (file) => {
    const settings = JSON.parse(await fs.promises.readFile(file, "utf8"));
    if (!Settings.test(settings)) throw new Error("bad settings file");
    await db.settings.insertOne({ theme: settings.theme });
  };
`;

// A method named `check` on something that is no ts-interface-checker checker checks nothing the rule knows of.
const OTHER_CHECK = dedent`
  const fs = require("fs");
  const quota = require("./quota");
  const db = require("./db");

  exports.load = async (file) => {
    const settings = JSON.parse(await fs.promises.readFile(file, "utf8"));
    quota.check(settings);
    await db.settings.insertOne({ theme: settings.theme });
  };
`;

// grist's requestUtils: overloaded exports, each testing `typeof` and throwing a 400.
const REQUEST_UTILS = dedent`
  import { ApiError } from "./ApiError";

  export function optStringParam(p: any, name: string): string | undefined {
    if (p === undefined) { return p; }
    return stringParam(p, name);
  }

  export function stringParam(p: any, name: string): string {
    if (p === null || p === undefined) {
      throw new ApiError(\`\${name} parameter is required\`, 400);
    }
    if (typeof p !== "string") {
      throw new ApiError(\`\${name} parameter should be a string: \${p}\`, 400);
    }
    return p;
  }

  export function optIntegerParam(p: any, name: string, options?: { nullable?: false }): number | undefined;
  export function optIntegerParam(p: any, name: string, options: { nullable: true }): number | null | undefined;
  export function optIntegerParam(p: any, name: string, options: { nullable?: boolean } = {}): number | undefined {
    if (p === undefined) { return p; }
    return integerParam(p, name);
  }

  export function integerParam(p: any, name: string): number {
    if (typeof p !== "number" || !Number.isInteger(p)) {
      throw new ApiError(\`\${name} parameter should be an integer: \${p}\`, 400);
    }
    return p;
  }

  export function optBooleanParam(p: any, name: string): boolean | undefined {
    if (p === undefined) { return p; }
    return booleanParam(p, name);
  }

  export function booleanParam(p: any, name: string): boolean {
    if (typeof p === "boolean") { return p; }
    if (p === "true" || p === "1") { return true; }
    if (String(p) === "false") { return false; }
    throw new ApiError(\`\${name} parameter should be a boolean: \${p}\`, 400);
  }

  export function presentParam(p: any, name: string): any {
    if (p === undefined) { throw new ApiError(\`\${name} parameter is required\`, 400); }
    return p;
  }
`;

const DOC_COPY = dedent`
  import * as express from "express";
  import { optBooleanParam, optIntegerParam, optStringParam, stringParam } from "./requestUtils";
  import { expressWrap } from "./expressWrap";
  import { copyDocToWorkspace } from "./docs";

  export function addDocEndpoints(app: express.Application) {
    app.post("/api/docs/:docId/copy", expressWrap(async (req, res) => {
      const parameters: { [key: string]: any } = req.body;
      const docId = await copyDocToWorkspace({
        sourceDocumentId: stringParam(req.params.docId, "docId"),
        workspaceId: optIntegerParam(parameters.workspaceId, "workspaceId"),
        documentName: optStringParam(parameters.documentName, "documentName"),
        asTemplate: optBooleanParam(parameters.asTemplate, "asTemplate"),
      });
      return res.status(200).json(docId);
    }));
  }
`;

// A helper that only refuses an absent value lets every type through.
const PRESENT_ONLY = dedent`
  import * as express from "express";
  import { presentParam } from "./requestUtils";
  import { renameDoc } from "./docs";

  export function addRename(app: express.Application) {
    app.post("/api/docs/:docId/rename", async (req, res) => {
      const name = presentParam(req.body.name, "name");
      await renameDoc(req.params.docId, { name });
      res.json(null);
    });
  }
`;

// Another style: Koa-less plain JavaScript, a checker of the module itself.
const OWN_CHECKER = dedent`
  const express = require("express");
  const db = require("./db");
  const app = express();

  function text(value, field) {
    if (typeof value !== "string") {
      const err = new Error(field + " must be text");
      err.status = 400;
      throw err;
    }
    return value;
  }

  app.post("/notes", async (req, res) => {
    const note = await db.notes.insert({ title: text(req.body.title, "title"), body: text(req.body.body, "body") });
    res.json(note);
  });
`;

// grist's BaseAPI: the failed reply's body handed to the module's function that always throws.
const BASE_API = dedent`
  import axios, { AxiosResponse } from "axios";
  import { ApiError } from "./ApiError";

  export class BaseAPI {
    constructor(private _fetch: typeof fetch) {}

    protected async requestAxios(url: string): Promise<AxiosResponse> {
      const resp = await axios.request({ url, timeout: 10000, validateStatus: () => true });
      if (resp.status !== 200) {
        throwApiError(url, resp, resp.data);
      }
      return resp;
    }

    protected async doRequest(input: string, init: RequestInit): Promise<Response> {
      const resp = await this._fetch(input, { ...init, signal: AbortSignal.timeout(10000) });
      if (!resp.ok) {
        const body = await resp.json().catch(() => ({}));
        throwApiError(input, resp, body);
      }
      return resp;
    }
  }

  function throwApiError(url: string, resp: Response | AxiosResponse, body: any) {
    if (!body) { body = {}; }
    const details = body.details && typeof body.details === "object" ? body.details : { errorDetails: body.details };
    throw new ApiError(\`Request to \${url} failed with status \${resp.status}: \${body.error || "unknown cause"}\`, resp.status, details);
  }
`;

// Another style: plain JavaScript, a fail() helper that throws and a reporter that sometimes returns.
const FAILURES = dedent`
  const db = require("./db");

  function fail(res, body) {
    const err = new Error(body.message || res.statusText);
    err.status = res.status;
    throw err;
  }

  function report(res, body) {
    if (body.retryable) return;
    throw new Error(body.message);
  }

  exports.fetchUser = async (id) => {
    const res = await fetch("https://api.example.com/users/" + id, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) {
      const body = await res.json();
      fail(res, body);
    }
    return res.text();
  };

  exports.syncUser = async (id) => {
    const res = await fetch("https://api.example.com/users/" + id, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) {
      const body = await res.json();
      report(res, body);
      await db.errors.insertOne({ id, body });
    }
    return res.text();
  };
`;

// etherpad-lite's release script: a reader whose only call names the project's own manifest.
const RELEASE = dedent`
  import childProcess from "node:child_process";
  import fs from "node:fs";
  import semver from "semver";

  const run = (cmd: string) => childProcess.execSync(cmd, { stdio: "inherit" });
  const readJson = (filename: string) => JSON.parse(fs.readFileSync(filename, { encoding: "utf8", flag: "r" }));

  const pkg = readJson("./src/package.json");
  const newVersion = semver.inc(pkg.version, "patch");
  run(\`git tag -a v\${newVersion} -m "release \${pkg.name}"\`);
`;

// Another style: CommonJS, a function declaration every call of which names a manifest by a join.
const MANIFESTS = dedent`
  const { readFileSync } = require("fs");
  const { join } = require("path");
  const db = require("./db");

  function loadJson(file) {
    return JSON.parse(readFileSync(file, "utf8"));
  }

  exports.describe = async (root) => {
    const pkg = loadJson(join(root, "package.json"));
    const ts = loadJson(join(root, "tsconfig.json"));
    await db.builds.insertOne({ name: pkg.name, target: ts.compilerOptions.target });
  };
`;

// The same reader also handed a path from the command line.
const MANIFESTS_AND_ARG = dedent`
  const { readFileSync } = require("fs");
  const db = require("./db");

  function loadJson(file) {
    return JSON.parse(readFileSync(file, "utf8"));
  }

  exports.describe = async () => {
    const pkg = loadJson("package.json");
    const input = loadJson(process.argv[2]);
    await db.builds.insertOne({ name: pkg.name, target: input.target });
  };
`;

const valid: ValidCase[] = [
  { name: "jsonParseExternal: a reader whose only call names src/package.json (etherpad release script)", filename: "bin/release.ts", code: RELEASE, files: EXPRESS },
  { name: "jsonParseExternal: another style, a function every call of which joins a manifest's name", filename: "scripts/describe.js", code: MANIFESTS, files: EXPRESS },
  { name: "expressBody: a checker middleware before a handler handed through expressWrap (grist ApiServer)", filename: "app/gen-server/ApiServer.ts", code: SERVICE_ACCOUNTS, files: EXPRESS },
  { name: "expressBody: another style, a joi middleware before asyncHandler(…) in a CommonJS router", filename: "src/routes/jobs.js", code: WRAPPED_CJS, files: EXPRESS },
  { name: "jsonParseExternal: checkers.ParseFileResult.check(result) after the parse (grist DocPluginManager)", filename: "app/server/lib/DocPluginManager.ts", code: PLUGIN_FILE, files: EXPRESS },
  { name: "jsonParseExternal: another style, a createCheckers checker's test() in a guard that throws", filename: "src/settings.js", code: CHECKER_TEST, files: EXPRESS },
  { name: "expressBody: every field through the project's typeof-checking param helpers (grist DocApi)", filename: "app/server/lib/DocApi.ts", code: DOC_COPY, files: { ...EXPRESS, "app/server/lib/requestUtils.ts": REQUEST_UTILS } },
  { name: "expressBody: another style, a checker function of the module that throws on a non-string", filename: "src/notes.js", code: OWN_CHECKER, files: EXPRESS },
  { name: "fetchJson: a failed reply's body handed to the module's throwing function (grist BaseAPI, axios and fetch)", filename: "app/common/BaseAPI.ts", code: BASE_API, files: EXPRESS },
];

const invalid: InvalidCase[] = [
  markedRow("expressBody: the wrapped handler behind a middleware that checks nothing of the body", WRAPPED_AUTH_ONLY, "src/routes/jobs.js", EXPRESS, "expressBody", lineOf(WRAPPED_AUTH_ONLY, "req.body.url"), colOf(WRAPPED_AUTH_ONLY, "req.body.url"), colOf(WRAPPED_AUTH_ONLY, "req.body.url") + 8),
  markedRow("jsonParseExternal: a check() method of a module that is no ts-interface-checker checker", OTHER_CHECK, "src/settings.js", EXPRESS, "jsonParseExternal", lineOf(OTHER_CHECK, "JSON.parse"), colOf(OTHER_CHECK, "JSON.parse"), colOf(OTHER_CHECK, "JSON.parse") + 52),
  markedRow("expressBody: a helper that only refuses an absent value", PRESENT_ONLY, "app/server/lib/DocApi.ts", { ...EXPRESS, "app/server/lib/requestUtils.ts": REQUEST_UTILS }, "expressBody", lineOf(PRESENT_ONLY, "req.body.name"), colOf(PRESENT_ONLY, "req.body.name"), colOf(PRESENT_ONLY, "req.body.name") + 8),
  markedRow("fetchJson: an error body handed to a reporter that returns for some bodies, then stored", FAILURES, "src/users.js", EXPRESS, "fetchJson", lineOf(FAILURES, "  report(res, body);") - 1, 24, 34),
  markedRow("jsonParseExternal: the reader also handed a path from the command line", MANIFESTS_AND_ARG, "scripts/describe.js", EXPRESS, "jsonParseExternal", lineOf(MANIFESTS_AND_ARG, "JSON.parse"), colOf(MANIFESTS_AND_ARG, "JSON.parse"), colOf(MANIFESTS_AND_ARG, "JSON.parse") + 38),
];

runWithNamedCases(valid, invalid);
