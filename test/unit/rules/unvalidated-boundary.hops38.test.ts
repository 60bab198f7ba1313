import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 41 (retired to tune), session 38, developer ub38: a route value handed to an injected service that
// only delegates it to another service (a facade), whose method checks it first (`assertValidSessionId(sessionId)`:
// an anchored allowlist regex, a BadRequest thrown) before it keys the store (nest-langgraph-ai
// `agents.controller.ts:159…315` → `agents.service.ts` → `services/session.service.ts`, decided clean). The imported
// function is read two modules away, not one. Rows in NestJS (as in the repository) and in Express with plain
// modules of functions; a second module that stores the value unchecked stays a finding.

const NEST = "{ \"name\": \"api\", \"dependencies\": { \"@nestjs/common\": \"10.0.0\", \"@nestjs/core\": \"10.0.0\", \"class-validator\": \"0.14.0\" } }\n";
const EXPRESS = "{ \"name\": \"api\", \"dependencies\": { \"express\": \"4.19.0\", \"joi\": \"17.13.0\" } }\n";

const CONTROLLER = dedent`
  import { Controller, Get, Param } from "@nestjs/common";
  import { AgentsService } from "./agents.service";

  @Controller("agents")
  export class AgentsController {
    @Get("session/:sessionId")
    getSession(@Param("sessionId") sessionId: string) { return this.agentsService.getSessionDetail(sessionId); }

    constructor(private readonly agentsService: AgentsService) {}
  }
`;
const FACADE = dedent`
  import { Injectable } from "@nestjs/common";
  import { SessionService } from "./services/session.service";
  @Injectable()
  export class AgentsService {
    constructor(private readonly sessionService: SessionService) {}
    async getSessionDetail(sessionId: string) {
      return this.sessionService.getSessionDetail(sessionId);
    }
  }
`;
const SESSION = (check: string) => dedent`
  import { Injectable, BadRequestException } from "@nestjs/common";
  const SESSION_ID_RE = /^[a-zA-Z0-9_-]{1,64}$/;
  function assertValidSessionId(sessionId: string): void {
    if (!SESSION_ID_RE.test(sessionId)) {
      throw new BadRequestException("Invalid sessionId");
    }
  }
  @Injectable()
  export class SessionService {
    constructor(private readonly redis: Redis) {}
    async getSessionDetail(sessionId: string) {
      ${check}
      return this.redis.hgetall(\`session:\${sessionId}\`);
    }
  }
`;
const nest = (check: string) => ({ "package.json": NEST, "src/agents/agents.service.ts": FACADE, "src/agents/services/session.service.ts": SESSION(check) });

// Express: a route module, a service module of functions, and the store module that checks the id.
const ROUTES = dedent`
  import express from "express";
  import { loadNote } from "../services/notes";
  export const router = express.Router();
  router.get("/notes/:noteId", async (req, res) => {
    res.json(await loadNote(req.params.noteId));
  });
`;
const NOTES = dedent`
  import { readNote } from "../store/notes-store";
  export async function loadNote(noteId: string) {
    return readNote(noteId);
  }
`;
const STORE = (check: string) => dedent`
  import { readFile } from "node:fs/promises";
  import path from "node:path";
  const NOTE_ID = /^[a-f0-9]{24}$/;
  export async function readNote(noteId: string) {
    ${check}
    return JSON.parse(await readFile(path.join("/var/notes", noteId + ".json"), "utf8"));
  }
`;
const express = (check: string) => ({ "package.json": EXPRESS, "src/services/notes.ts": NOTES, "src/store/notes-store.ts": STORE(check) });

const valid: ValidCase[] = [
  { name: "NestJS: a facade service delegates the route id to a service that tests it against an anchored regex first", code: CONTROLLER, filename: "src/agents/agents.controller.ts", files: nest("assertValidSessionId(sessionId);") },
  { name: "Express: a service function hands the route id to a store function that refuses all but a hex id first", code: ROUTES, filename: "src/routes/notes.ts", files: express("if (!NOTE_ID.test(noteId)) throw new Error(\"bad note id\");") },
];

const invalid: InvalidCase[] = [
  { name: "NestJS: the delegated service keys the store with the id unchecked", code: CONTROLLER, filename: "src/agents/agents.controller.ts", files: nest(""), output: null, findings: [
    { case: "nestDecorator", line: 7, column: 14, endColumn: 33, suggestions: [mark(CONTROLLER, "nestDecorator", 7)] },
  ] },
  { name: "Express: the store function joins the id into a file path unchecked", code: ROUTES, filename: "src/routes/notes.ts", files: express(""), output: null, findings: [
    { case: "expressParams", line: 5, column: 27, endColumn: 37, suggestions: [mark(ROUTES, "expressParams", 5)] },
  ] },
];

describe("unvalidated-boundary: a value checked two modules away, through a delegating service (round 41)", () => {
  runWithNamedCases(valid, invalid);
});
