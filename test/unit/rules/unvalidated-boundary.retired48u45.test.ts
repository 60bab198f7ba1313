import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 45, developer ub: the unvalidated-boundary errors of retired round 48 (its labels now tune).
// 1. Look-up-first route ids behind a NestJS app's global sign-in guard (MigueLeft/precision-back): `{ provide: APP_GUARD,
//    useClass: AuthGuard }` in the app module lets only the signed-in reach a controller method no `@Public()` marks; a
//    Prisma schema split by the `prismaSchemaFolder` preview (`prisma/models/*.prisma`) is read; a service method whose
//    first use of the id is a method of its class that looks it up (`this.findOne(id)`, a miss throwing) looks it up first.
//    A comparison of the id before the lookup (`if (viewerId === targetId) throw …`, sunnsteel `users.controller.ts:58`, `:63`)
//    only asks a question of it.
// 2. Deno KV keys (vball-training-tracker `workout-categories.ts`, `workout-plans.ts`): `kv.get(['workout_plan', planId])`, a key
//    under the code's own literal prefix, with `if (!entry.value) throw new NotFoundError(…)`, looked up first in the function a
//    Hono route hands its id to, or one call further down in a function of the same module (`getCategoryById(kv, id)`).
// 3. A Sequelize or TypeORM lookup of one row on a text column (flexrelat-api `documents.controller.ts:34`): a NestJS route
//    string whose service method's first use is `findOne({ where: { public_code: publicCode } })`, a miss throwing, as the
//    knex filter of hedgedoc's services; a key column (`documentId`) stays a use.
// 4. A model's text through an injected service (flexrelat-api `changes.service.ts:72`): `JSON.parse(await
//    this.openAiService.sendFileChangeRequest(prompt))`, the service method's only `return` the completion's
//    `res.choices[0].message.content`, is the model's output parsed, its fields returned unchecked.
// 5. A body flag only compared with the server's own state (ai-whatsapp-assistant `server.ts:98`): `isGroup !==
//    getTestChatData().isGroup`, a field of what a module function called with no argument returns, or of a module const,
//    is a value of the server's own like a literal; a call handed the request's value is not. So is a `let` of the module's
//    top given a value where it is declared (gamehub24 `AdminRoutes.ts:57`: `password === DASHBOARD_PASSWORD`).
// 6. An ok-tested reply's field returned by a NestJS service method in an object literal, every caller of the method a
//    controller's route method returning the result (flexrelat-api `auth.service.ts:189`, `:229`): NestJS answers what the
//    route returns, so the field is only relayed in the answer; a caller that keeps the result stays a use.

const PKG = { "package.json": JSON.stringify({ name: "api", dependencies: { "@nestjs/common": "10.0.0", "@nestjs/core": "10.0.0", "@prisma/client": "6.0.0", "class-validator": "0.14.0" } }) + "\n" };
const SCHEMA = {
  "prisma/schema.prisma": 'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["prismaSchemaFolder"]\n}\n',
  "prisma/models/patients.prisma": "model Patient {\n  id    String @id @default(cuid())\n  notes String?\n}\n",
};
const APP_MODULE = (guard: string) => ({
  "src/app.module.ts": dedent`
    import { Module } from "@nestjs/common";
    import { APP_GUARD } from "@nestjs/core";
    import { ${guard} } from "./auth.guard";
    @Module({ providers: [{ provide: APP_GUARD, useClass: ${guard} }] })
    export class AppModule {}
  `,
});
const SERVICE = {
  "src/patients/patients.service.ts": dedent`
    import { BadRequestException, Injectable, NotFoundException } from "@nestjs/common";
    import { PrismaService } from "../prisma.service";
    @Injectable()
    export class PatientsService {
      constructor(private readonly prisma: PrismaService) {}
      async update(id: string, notes: string) {
        const existing = await this.prisma.patient.findUnique({ where: { id } });
        if (!existing) {
          throw new NotFoundException(\`Patient \${id} not found\`);
        }
        return this.prisma.patient.update({ where: { id }, data: { notes } });
      }
      async findOne(id: string) {
        const patient = await this.prisma.patient.findUnique({ where: { id } });
        if (!patient) throw new NotFoundException("Patient not found");
        return patient;
      }
      async follow(viewerId: string, targetId: string) {
        if (viewerId === targetId) {
          throw new BadRequestException("You cannot follow yourself");
        }
        const target = await this.prisma.patient.findUnique({ where: { id: targetId }, select: { id: true } });
        if (!target) throw new NotFoundException("Patient not found");
        return this.prisma.follow.create({ data: { followerId: viewerId, followingId: targetId } });
      }
      async updateNotes(patientId: string, notes: string) {
        this.logger.log(\`Updating patient \${patientId}\`);
        const patient = await this.findOne(patientId);
        return this.prisma.patient.update({ where: { id: patientId }, data: { notes } });
      }
    }
  `,
};
const CONTROLLER = (decorator: string, method: string) => dedent`
  import { Controller, Param, Patch } from "@nestjs/common";
  import { PatientsService } from "./patients.service";
  @Controller("patients")
  export class PatientsController {
    constructor(private readonly patientsService: PatientsService) {}
    @Patch(":id")${decorator}
    update(@Param("id") id: string) {
      return this.patientsService.${method}(id, "seen");
    }
  }
`;
const GUARDED = CONTROLLER("", "update");
const GUARDED_HELPER = CONTROLLER("", "updateNotes");
const FOLLOW = dedent`
  import { Controller, Param, Post, Request, UseGuards } from "@nestjs/common";
  import { PatientsService } from "./patients.service";
  import { SupabaseJwtGuard } from "../auth/supabase-jwt.guard";
  @UseGuards(SupabaseJwtGuard)
  @Controller("patients")
  export class PatientsController {
    constructor(private readonly patientsService: PatientsService) {}
    @Post(":id/follow")
    follow(@Request() req: { user: { id: string } }, @Param("id") id: string) {
      return this.patientsService.follow(req.user.id, id);
    }
  }
`;
const PUBLIC = CONTROLLER("\n  @Public()", "update");
const files = (guard: string) => ({ ...PKG, ...SCHEMA, ...APP_MODULE(guard), ...SERVICE });

const HONO = { "package.json": JSON.stringify({ name: "api", dependencies: { hono: "4.0.0" } }) + "\n" };
const KV_SERVICE = (getter: string) => ({
  "backend/services/categories.ts": dedent`
    export async function getCategoryById(kv: Deno.Kv, categoryId: string) {
      const entry = await kv.get(${getter});
      if (!entry.value) {
        throw new NotFoundError("Category not found");
      }
      return entry.value;
    }
    export async function deleteCategory(kv: Deno.Kv, categoryId: string) {
      await getCategoryById(kv, categoryId);
      await kv.delete(["workout_category", categoryId]);
    }
    export async function deleteLoose(kv: Deno.Kv, categoryId: string) {
      const entry = await kv.get(["workout_category", categoryId]);
      await kv.delete(["workout_category", categoryId]);
    }
  `,
});
const KV_ROUTE = (fn: string) => dedent`
  import { Hono } from "hono";
  import { ${fn} } from "../services/categories";
  const app = new Hono();
  app.delete("/:id", async (c) => {
    const categoryId = c.req.param("id");
    await ${fn}(kv, categoryId);
    return c.body(null, 204);
  });
  export default app;
`;
const KV_DELETE = KV_ROUTE("deleteCategory");
const KV_GET = KV_ROUTE("getCategoryById");
const KV_LOOSE = KV_ROUTE("deleteLoose");

const DOC_SERVICE = {
  "src/documents/documents.service.ts": dedent`
    import { Injectable, NotFoundException } from "@nestjs/common";
    @Injectable()
    export class DocumentsService {
      constructor(private readonly documentsModel: typeof DocumentsModel) {}
      async findByPublicCode(publicCode: string) {
        const document = await this.documentsModel.findOne({ where: { public_code: publicCode }, attributes: ["id", "name"] });
        if (!document) {
          throw new NotFoundException("Document not found");
        }
        return document;
      }
      async findById(documentId: string) {
        const document = await this.documentsModel.findOne({ where: { id: documentId } });
        if (!document) throw new NotFoundException("Document not found");
        return document;
      }
    }
  `,
};
const DOC_CONTROLLER = (method: string) => dedent`
  import { Controller, Get, Param } from "@nestjs/common";
  import { DocumentsService } from "./documents.service";
  @Controller("documents")
  export class DocumentsController {
    constructor(private readonly documentsService: DocumentsService) {}
    @Get("public/:code")
    async find(@Param("code") code: string) {
      return await this.documentsService.${method}(code);
    }
  }
`;
const DOC_BY_CODE = DOC_CONTROLLER("findByPublicCode");
const DOC_BY_ID = DOC_CONTROLLER("findById");

const OPENAI_SERVICE = (back: string) => ({
  "src/openai/openai.service.ts": dedent`
    import { Injectable } from "@nestjs/common";
    import OpenAI from "openai";
    @Injectable()
    export class OpenAiService {
      private client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
      async sendFileChangeRequest(prompt: string): Promise<string> {
        const res = await this.client.chat.completions.create({ model: "gpt-5-mini", messages: [{ role: "user", content: prompt }] });
        if (!res.choices[0].message.content) throw new Error("No content");
        return ${back};
      }
    }
  `,
});
const CHANGES = dedent`
  import { Injectable } from "@nestjs/common";
  import { OpenAiService } from "../openai/openai.service";
  @Injectable()
  export class ChangesService {
    constructor(private readonly openAiService: OpenAiService) {}
    async sendFileChangeRequest(text: string) {
      const aiResponse = await this.openAiService.sendFileChangeRequest(\`Request: \${text}\`);
      const parsed = JSON.parse(aiResponse) as { text: string; changes: unknown[] };
      return { text: parsed.text, changes: parsed.changes };
    }
  }
`;
const CHANGES_ZOD = CHANGES.replace('openai.service";\n', 'openai.service";\nimport { z } from "zod";\nconst SendFileChangeRequestData = z.object({ text: z.string(), changes: z.array(z.unknown()) });\n\n').replace("= JSON.parse(aiResponse) as", "= SendFileChangeRequestData.parse(JSON.parse(aiResponse)) as");
const AI_PKG = { "package.json": JSON.stringify({ name: "api", dependencies: { "@nestjs/common": "10.0.0", openai: "5.0.0" } }) + "\n" };

const EXPRESS = { "package.json": JSON.stringify({ name: "bot", dependencies: { express: "4.0.0" } }) + "\n", "src/state.ts": "export const getTestChatData = (id?: string) => ({ isGroup: false, id });\nexport function changeChatType() {}\n" };
const CHAT = (current: string) => dedent`
  import express, { Request, Response } from "express";
  import { getTestChatData, changeChatType } from "./state";
  const apiRouter = express.Router();
  apiRouter.put("/chat", (req: Request, res: Response) => {
    const { isGroup } = req.body;
    if (isGroup !== ${current}) {
      changeChatType();
    }
    res.json({ isGroup });
  });
`;
const CHAT_STATE = CHAT("getTestChatData().isGroup");
const CHAT_CONST = CHAT("current.isGroup").replace("const apiRouter", "const current = { isGroup: false };\nconst apiRouter");
const CHAT_ASKED = CHAT("getTestChatData(req.body.chatId).isGroup");

const LOGIN = (decl: string) => dedent`
  import express from "express";
  ${decl}
  const app = express();
  app.post("/api/admin/login", (req, res) => {
    const { password } = req.body;
    if (password === DASHBOARD_PASSWORD) {
      return res.json({ success: true });
    }
    return res.status(401).json({ error: "Invalid password" });
  });
`;

const AUTH_SERVICE = dedent`
  import { Injectable } from "@nestjs/common";
  import axios from "axios";
  @Injectable()
  export class AuthService {
    async verifyEmail(oobCode: string) {
      const response = await axios.post<{ email: string }>("https://identitytoolkit.googleapis.com/v1/accounts:update", { oobCode });
      return {
        message: "Email verified",
        email: response.data.email,
      };
    }
  }
`;
const AUTH_CONTROLLER = (route: string) => ({
  "package.json": JSON.stringify({ name: "api", dependencies: { "@nestjs/common": "10.0.0", axios: "1.0.0", "class-validator": "0.14.0" } }) + "\n",
  "src/auth/auth.controller.ts": dedent`
    import { Controller, Post } from "@nestjs/common";
    import { AuthService } from "./auth.service";
    @Controller("auth")
    export class AuthController {
      constructor(private readonly authService: AuthService) {}
      @Post("verify-email")
      async verifyEmail() {
        ${route}
      }
    }
  `,
});

const valid: ValidCase[] = [
  { name: "fetchJson: an axios reply's field a service returns to controllers that only answer it", code: AUTH_SERVICE, filename: "src/auth/auth.service.ts", files: AUTH_CONTROLLER('return await this.authService.verifyEmail("code");') },
  { name: "expressBody: a password only compared with a let of the module's top (gamehub24)", code: LOGIN('let DASHBOARD_PASSWORD = process.env.DASHBOARD_PASSWORD || "admin123";'), filename: "src/admin.ts", files: EXPRESS },
  { name: "expressBody: a body flag only compared with a field of the server's own state, and echoed", code: CHAT_STATE, filename: "src/server.ts", files: EXPRESS },
  { name: "expressBody: another style, compared with a field of a module const", code: CHAT_CONST, filename: "src/server.ts", files: EXPRESS },
  { name: "jsonParseExternal: a text an injected service returns that is no model's", code: CHANGES, filename: "src/changes/changes.service.ts", files: { ...AI_PKG, ...OPENAI_SERVICE('"{}"') } },
  { name: "nestDecorator: a route string a service looks up first by a text column in Sequelize's where, a miss throwing", code: DOC_BY_CODE, filename: "src/documents/documents.controller.ts", files: { ...PKG, ...DOC_SERVICE } },
  { name: "honoRequest: a route id looked up first under a Deno KV prefix one call down, a miss throwing", code: KV_DELETE, filename: "backend/routes/categories.ts", files: { ...HONO, ...KV_SERVICE('["workout_category", categoryId]') } },
  { name: "honoRequest: another style, the function handed the id looks it up itself", code: KV_GET, filename: "backend/routes/categories.ts", files: { ...HONO, ...KV_SERVICE('["workout_category", categoryId]') } },
  { name: "nestDecorator: a route id looked up first (a miss throwing) behind the app's global sign-in guard, schema in a folder", code: GUARDED, filename: "src/patients/patients.controller.ts", files: files("AuthGuard") },
  { name: "nestDecorator: a route id only compared with the user's own before the lookup (sunnsteel's follow route)", code: FOLLOW, filename: "src/patients/patients.controller.ts", files: { ...PKG, ...SCHEMA, ...SERVICE } },
  { name: "nestDecorator: another style, looked up first through a method of the service's class, after a log line", code: GUARDED_HELPER, filename: "src/patients/patients.controller.ts", files: files("JwtAuthGuard") },
];

const invalid: InvalidCase[] = [
  markedRow("fetchJson: a controller that keeps the result", AUTH_SERVICE, "src/auth/auth.service.ts", AUTH_CONTROLLER('const r = await this.authService.verifyEmail("code");\n    saveEmail(r.email);\n    return r;'), "fetchJson", 9, 14, 27),
  markedRow("expressBody: compared with a let of the module's top that starts empty", LOGIN("let DASHBOARD_PASSWORD;"), "src/admin.ts", EXPRESS, "expressBody", 5, 24, 32),
  markedRow("expressBody: compared with what a call handed the request's own value returns", CHAT_ASKED, "src/server.ts", EXPRESS, "expressBody", 5, 23, 31),
  { name: "jsonParseExternal: a model's text an injected service returns, parsed and returned (flexrelat-api)", code: CHANGES, filename: "src/changes/changes.service.ts", files: { ...AI_PKG, ...OPENAI_SERVICE("res.choices[0].message.content") }, output: null, findings: [{ case: "jsonParseExternal", line: 8, column: 20, endColumn: 42, suggestions: [{ title: "Validate JSON.parse(aiResponse) with Zod (adds the zod dependency)", output: CHANGES_ZOD }, mark(CHANGES, "jsonParseExternal", 8)] }] },
  markedRow("nestDecorator: the same lookup by a key column", DOC_BY_ID, "src/documents/documents.controller.ts", { ...PKG, ...DOC_SERVICE }, "nestDecorator", 7, 14, 28),
  markedRow("honoRequest: a Deno KV key with no prefix of the code's own", KV_DELETE, "backend/routes/categories.ts", { ...HONO, ...KV_SERVICE("[categoryId]") }, "honoRequest", 5, 22, 39),
  markedRow("honoRequest: a Deno KV lookup whose miss goes on to the delete", KV_LOOSE, "backend/routes/categories.ts", { ...HONO, ...KV_SERVICE('["workout_category", categoryId]') }, "honoRequest", 5, 22, 39),
  markedRow("nestDecorator: the app's only global guard is a rate limit", GUARDED, "src/patients/patients.controller.ts", files("ThrottlerGuard"), "nestDecorator", 7, 10, 22),
  markedRow("nestDecorator: a route the global guard lets through unsigned (@Public())", PUBLIC, "src/patients/patients.controller.ts", files("AuthGuard"), "nestDecorator", 8, 10, 22),
];

describe("unvalidated-boundary: retired round 48 (session 45)", () => {
  runWithNamedCases(valid, invalid);
});
