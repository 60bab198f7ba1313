import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production spacebarchat/server, session 39, developer prods39: every route declares
// `router.post("/", route({ requestBody: "GuildUpdateSchema", … }), async (req, res) => { const body = req.body as GuildUpdateSchema; … })`,
// and the project's own `route()` (src/api/middlewares/Route.ts) gets the named schema from AJV and throws a 400 before
// the handler runs when `validate(req.body)` fails. The middleware is read, not its name: its returned function hands
// `req.body` to a schema validator and leaves when it fails, and the option that picks the schema must be given.
// Rows in Spacebar's style (AJV by schema name), a hand-made Express app with its own AJV `endpoint({ body })`, and one
// with zod (`api({ input: CreateUser })`); a route that names no schema, a schema the middleware skips by its list,
// and a middleware that only logs the failure stay findings.

const PKG = "{ \"name\": \"api\", \"dependencies\": { \"express\": \"4.19.0\", \"ajv\": \"8.12.0\", \"zod\": \"3.23.0\" } }\n";

const ROUTE_MW = dedent`
  import { NextFunction, Request, Response } from "express";
  import { ajv } from "../schemas";
  const ignoredRequestSchemas = ["SettingsProtoUpdateJsonSchema"];
  export interface RouteOptions { permission?: string; requestBody?: string }
  export function route(opts: RouteOptions) {
    let validate: any;
    if (opts.requestBody) {
      validate = ajv.getSchema(opts.requestBody);
      if (!validate) throw new Error("Body schema not found");
    }
    return async (req: Request, res: Response, next: NextFunction) => {
      if (opts.permission && !req.user) throw new Error("forbidden");
      if (validate && !ignoredRequestSchemas.includes(opts.requestBody!)) {
        const valid = validate(req.body);
        if (!valid) {
          const fields: Record<string, string> = {};
          validate.errors?.forEach((x: any) => (fields[x.instancePath] = x.message));
          throw FieldErrors(fields);
        }
      }
      next();
    };
  }
`;
const spacebar = (opts: string) => dedent`
  import { Request, Response, Router } from "express";
  import { route } from "../../middlewares/Route";
  import { Guild } from "../../../database";
  const router = Router();
  router.patch("/", route({ ${opts} }), async (req: Request, res: Response) => {
    const body = req.body as GuildUpdateSchema;
    const guild = await Guild.update({ id: req.user_id }, body);
    res.json(guild);
  });
  export default router;
`;
const SPACEBAR_FILES = { "package.json": PKG, "src/api/middlewares/Route.ts": ROUTE_MW };

// A hand-made Express app: its own AJV middleware, by a name that says nothing about validation.
const ENDPOINT = (onFail: string) => dedent`
  const Ajv = require("ajv");
  const ajv = new Ajv({ allErrors: true });
  ajv.addSchema(require("./schemas/user.json"), "UserSchema");
  module.exports.endpoint = function endpoint({ body, auth }) {
    const check = body ? ajv.getSchema(body) : undefined;
    return (req, res, next) => {
      if (check && !check(req.body)) {
        ${onFail}
      }
      next();
    };
  };
`;
const USERS = (opts: string) => dedent`
  const express = require("express");
  const { endpoint } = require("../lib/endpoint");
  const db = require("../db");
  const router = express.Router();
  router.post("/users", endpoint({ ${opts} }), async (req, res) => {
    const user = await db.users.create(req.body);
    res.status(201).json(user);
  });
  module.exports = router;
`;

// zod: the schema object itself is the option.
const API_MW = dedent`
  import type { RequestHandler } from "express";
  import type { ZodTypeAny } from "zod";
  export const api = (opts: { input?: ZodTypeAny; auth?: boolean }): RequestHandler => (req, res, next) => {
    if (opts.input) {
      const parsed = opts.input.safeParse(req.body);
      if (!parsed.success) return res.status(400).json(parsed.error.flatten());
      req.body = parsed.data;
    }
    next();
  };
`;
const LOGGING_MW = dedent`
  import type { RequestHandler } from "express";
  import type { ZodTypeAny } from "zod";
  export const api = (opts: { input?: ZodTypeAny; auth?: boolean }): RequestHandler => (req, res, next) => {
    if (opts.input) {
      const parsed = opts.input.safeParse(req.body);
      if (!parsed.success) console.warn("bad body", parsed.error.message);
    }
    next();
  };
`;
const NOTES = (opts: string) => dedent`
  import { Router } from "express";
  import { z } from "zod";
  import { api } from "@/http/api";
  import { prisma } from "@/db";
  const CreateNote = z.object({ title: z.string().max(200), body: z.string() });
  export const notes = Router();
  notes.post("/notes", api({ ${opts} }), async (req, res) => {
    const note = await prisma.note.create({ data: req.body });
    res.json(note);
  });
`;

// Joi: `{ error }` destructured and tested.
const JOI_MW = dedent`
  export function handle(opts) {
    return async (req, res, next) => {
      if (opts.schema) {
        const { error, value } = opts.schema.validate(req.body);
        if (error) return res.status(422).send(error.details);
        req.body = value;
      }
      return next();
    };
  }
`;

const JOI_ROUTE = dedent`
  const express = require("express");
  const Joi = require("joi");
  const { handle } = require("../lib/handle");
  const db = require("../db");
  const userSchema = Joi.object({ email: Joi.string().email().required() });
  const router = express.Router();
  router.post("/users", handle({ schema: userSchema }), async (req, res) => {
    res.status(201).json(await db.users.create(req.body));
  });
  module.exports = router;
`;

const valid: ValidCase[] = [
  { name: "Joi: handle({ schema }) answers 422 when the schema's validate returns an error", code: JOI_ROUTE, filename: "src/routes/users.js", files: { "package.json": PKG, "src/lib/handle.js": JOI_MW } },
  { name: "Spacebar: route({ requestBody }) validates the body with the AJV schema it names and throws a 400 first", code: spacebar("requestBody: \"GuildUpdateSchema\", permission: \"MANAGE_GUILD\""), filename: "src/api/routes/guilds/index.ts", files: SPACEBAR_FILES },
  { name: "Express (CommonJS): the app's own endpoint({ body }) answers 400 unless the AJV schema it names accepts the body", code: USERS("body: \"UserSchema\""), filename: "src/routes/users.js", files: { "package.json": PKG, "src/lib/endpoint.js": ENDPOINT("return res.status(400).json({ errors: check.errors });") } },
  { name: "zod: api({ input }) answers 400 unless the schema it is given parses the body", code: NOTES("input: CreateNote"), filename: "src/http/notes.ts", files: { "package.json": PKG, "src/http/api.ts": API_MW } },
];

const invalid: InvalidCase[] = [
  { name: "Spacebar: a route({}) that names no requestBody runs no schema", code: spacebar("permission: \"MANAGE_GUILD\""), filename: "src/api/routes/guilds/index.ts", files: SPACEBAR_FILES, output: null, findings: [
    { case: "expressBody", line: 6, column: 16, endColumn: 24, suggestions: [mark(spacebar("permission: \"MANAGE_GUILD\""), "expressBody", 6)] },
  ] },
  { name: "Spacebar: a schema the middleware skips by its own list is not validated", code: spacebar("requestBody: \"SettingsProtoUpdateJsonSchema\""), filename: "src/api/routes/guilds/index.ts", files: SPACEBAR_FILES, output: null, findings: [
    { case: "expressBody", line: 6, column: 16, endColumn: 24, suggestions: [mark(spacebar("requestBody: \"SettingsProtoUpdateJsonSchema\""), "expressBody", 6)] },
  ] },
  { name: "Express (CommonJS): endpoint({ auth }) without a body schema", code: USERS("auth: true"), filename: "src/routes/users.js", files: { "package.json": PKG, "src/lib/endpoint.js": ENDPOINT("return res.status(400).json({ errors: check.errors });") }, output: null, findings: [
    { case: "expressBody", line: 6, column: 38, endColumn: 46, suggestions: [mark(USERS("auth: true"), "expressBody", 6)] },
  ] },
  { name: "Express (CommonJS): a middleware that only logs a failed check lets the body through", code: USERS("body: \"UserSchema\""), filename: "src/routes/users.js", files: { "package.json": PKG, "src/lib/endpoint.js": ENDPOINT("console.warn(\"invalid body\", check.errors);") }, output: null, findings: [
    { case: "expressBody", line: 6, column: 38, endColumn: 46, suggestions: [mark(USERS("body: \"UserSchema\""), "expressBody", 6)] },
  ] },
  { name: "zod: a middleware that only logs a failed parse lets the body through", code: NOTES("input: CreateNote"), filename: "src/http/notes.ts", files: { "package.json": PKG, "src/http/api.ts": LOGGING_MW }, output: null, findings: [
    { case: "expressBody", line: 8, column: 49, endColumn: 57, suggestions: [mark(NOTES("input: CreateNote"), "expressBody", 8)] },
  ] },
];

describe("unvalidated-boundary: a project's own route middleware that validates the body against the schema an option names (Spacebar)", () => {
  runWithNamedCases(valid, invalid);
});
