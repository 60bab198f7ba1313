import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34, developer ub34a: a value only handed to a function of the project that verifies it, decided by
// reading the callee (verifier.ts), not by its name. Hand-written analogues of held round 37's decided false
// positives (retired to tune), in other frameworks and shapes than the repositories' code.

const EXPRESS_FILES = { "package.json": '{ "dependencies": { "express": "^5.1.0", "cookie-parser": "^1.4.7", "jose": "^5.0.0", "joi": "^17.13.0" } }' };

// A session service whose `open` reaches jose's `jwtVerify` through a private method of its class.
const SESSION_SERVICE = dedent`
  import { jwtVerify } from "jose";
  const KEY = new TextEncoder().encode(process.env.SESSION_KEY);
  class SessionService {
    async open(raw: string) {
      const { payload } = await this.check(raw);
      return payload;
    }
    private check(raw: string) {
      return jwtVerify(raw, KEY, { algorithms: ["HS256"] });
    }
    async peek(raw: string) {
      return JSON.parse(atob(raw.split(".")[1]));
    }
  }
  export const sessionService = new SessionService();
`;

const sessionController = (method: string): string => dedent`
  import { Request, Response } from "express";
  import { sessionService } from "../services/session.service";
  export const me = async (req: Request, res: Response) => {
    const sid = req.cookies.sid;
    if (!sid) return res.status(401).end();
    const claims = await sessionService.${method}(sid);
    res.json({ user: claims.sub });
  };
`;

// better-sqlite3: a helper that looks the invite code up first and answers null on a miss.
const INVITES = (accept: string) => dedent`
  const express = require("express");
  const Database = require("better-sqlite3");
  const db = new Database("app.db");
  const app = express();
  function inviteOwner(code) {
    const invite = db.prepare("SELECT owner_id FROM invites WHERE code = ?").get(code);
    if (!invite || invite.revoked) return null;
    return invite.owner_id;
  }
  app.post("/invites/accept", (req, res) => {
    const ownerId = inviteOwner(req.query.code);
    ${accept}
    db.prepare("UPDATE invites SET accepted = 1 WHERE code = ?").run(req.query.code);
    res.json({ ownerId });
  });
`;

// Hono on D1: a route id Number()'d and handed to an ownership check (a bound lookup), the request ended on "no".
const OWNED_PROJECT = dedent`
  import { Hono } from "hono";
  const app = new Hono<{ Bindings: { DB: D1Database } }>();
  async function ownsProject(db: D1Database, owner: string, projectId: number) {
    const row = await db.prepare("SELECT 1 FROM projects WHERE id = ?1 AND owner = ?2").bind(projectId, owner).first();
    return row !== null;
  }
  app.get("/projects/:pid/files", async (c) => {
    const pid = Number(c.req.param("pid"));
    if (!(await ownsProject(c.env.DB, c.get("user").id, pid))) return c.json({ error: "not found" }, 404);
    const { results } = await c.env.DB.prepare("SELECT * FROM files WHERE project_id = ?").bind(pid).all();
    return c.json(results);
  });
  export default app;
`;

// A helper named for verifying whose body stores the token (a write, no lookup): the name alone decides nothing.
const NAMED_ONLY = dedent`
  const express = require("express");
  const Database = require("better-sqlite3");
  const db = new Database("app.db");
  const app = express();
  function verifyLinkToken(token) {
    const seen = db.prepare("INSERT INTO seen_links (token) VALUES (?) RETURNING id").get(token);
    if (!seen) return null;
    return seen.id;
  }
  app.get("/links/open", (req, res) => {
    const claims = verifyLinkToken(req.query.t);
    if (!claims) return res.status(400).end();
    res.redirect("/");
  });
`;

const valid: ValidCase[] = [
  {
    name: "a cookie only handed to an imported service's method that reaches jose's jwtVerify through its own class",
    code: sessionController("open"),
    filename: "src/controllers/me.controller.ts",
    files: { ...EXPRESS_FILES, "src/services/session.service.ts": SESSION_SERVICE },
  },
  {
    name: "a query value handed to a helper that looks it up first in a SQLite statement, the null answer ending the request",
    code: INVITES('if (!ownerId) return res.status(404).json({ error: "unknown invite" });'),
    filename: "src/routes/invites.js",
    files: { "package.json": '{ "dependencies": { "express": "^4.19.0", "better-sqlite3": "^9.0.0", "joi": "^17.13.0" } }' },
  },
  {
    name: "a Number()'d route id handed to a D1 ownership check whose false answer ends the request",
    code: OWNED_PROJECT,
    filename: "src/routes/projects.ts",
    files: { "package.json": '{ "dependencies": { "hono": "^4.0.0" } }' },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "the same cookie handed to a method that only decodes the token's payload (no signature check): reported",
    code: sessionController("peek"),
    filename: "src/controllers/me.controller.ts",
    files: { ...EXPRESS_FILES, "src/services/session.service.ts": SESSION_SERVICE },
    findings: [{ case: "expressQuery", line: 4, column: 15, endColumn: 26, suggestions: [mark(sessionController("peek"), "expressQuery", 4)] }],
    output: null,
  },
  {
    name: "the lookup helper's answer never tested: the code goes on whatever it found, reported",
    code: INVITES("console.log(ownerId);"),
    filename: "src/routes/invites.js",
    files: { "package.json": '{ "dependencies": { "express": "^4.19.0", "better-sqlite3": "^9.0.0", "joi": "^17.13.0" } }' },
    findings: [{ case: "expressQuery", line: 11, column: 31, endColumn: 40, suggestions: [mark(INVITES("console.log(ownerId);"), "expressQuery", 11)] }],
    output: null,
  },
  {
    name: "a helper named verify… that stores the token: reported",
    code: NAMED_ONLY,
    filename: "src/routes/links.js",
    files: { "package.json": '{ "dependencies": { "express": "^4.19.0", "better-sqlite3": "^9.0.0", "joi": "^17.13.0" } }' },
    findings: [{ case: "expressQuery", line: 11, column: 34, endColumn: 43, suggestions: [mark(NAMED_ONLY, "expressQuery", 11)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
