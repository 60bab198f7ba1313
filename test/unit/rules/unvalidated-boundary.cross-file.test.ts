import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Validation in another module (issue 11, "what counts as validation"): the route module that
// registers a controller's handler runs a validation middleware, or the handler hands the input
// first to an imported function that validates it (by its name, its module's name, or its body).
// The other modules are read through the project host, as the rule does in the editor and the CLI.

const USERS_CONTROLLER = dedent`
  import { db } from "../db";
  export async function createUser(req, res) {
    const { email, name } = req.body;
    await db.user.create({ data: { email, name } });
    res.sendStatus(201);
  }
`;

const COLLECTIONS_CONTROLLER = dedent`
  import Collection from "../models/Collection";
  class CollectionController {
    static async update(req, res) {
      const collection = await Collection.findByPk(req.params.id);
      await collection.update({ title: req.body.title });
      res.json(collection);
    }
  }
  export default CollectionController;
`;

/** Middleware that validates the body only (SongixApi's validateCollection). */
const BODY_VALIDATION = dedent`
  import Collection from "../models/Collection";
  export const validateCollection = (req, res, next) => {
    const validation = Collection.validate(req.body);
    if (!validation.isValid) return res.status(400).json({ errors: validation.errors });
    next();
  };
`;

const CREATE_USER_CODE = USERS_CONTROLLER;

const FASTIFY_CONTROLLER = dedent`
  export async function createOrder(request, reply) {
    const order = await prisma.order.create({ data: request.body });
    return reply.code(201).send(order);
  }
`;

const SIGNUP_CONTROLLER = dedent`
  import { saveSignup } from "../lib/signup";
  export async function signup(req, res) {
    await saveSignup(req.body);
    res.sendStatus(201);
  }
`;

const LOGIN_CONTROLLER = dedent`
  import { login } from "../lib/auth";
  export async function loginController(req, res) {
    res.json(await login(req.body));
  }
`;

const PROVIDER_ROUTE = dedent`
  import { testConnection } from "../lib/providerTest";
  export async function testHandler(req, res) {
    res.json(await testConnection(req.params.id));
  }
`;

const VALIDATED_AFTER_USE = dedent`
  const express = require("express");
  const validateRegisterInput = require("../validation/register");
  const router = express.Router();
  router.post("/register", async (req, res) => {
    const { name, email } = req.body;
    await User.create({ name, email });
    const { isValid } = validateRegisterInput(req.body);
    res.json({ isValid });
  });
`;

const KOA_CONTROLLER = dedent`
  const Student = require("../models/student");
  module.exports = {
    async add(ctx) {
      const { name, grade } = ctx.request.body;
      ctx.body = await Student.create({ name, grade });
    },
  };
`;

const BATCH_HANDLER = dedent`
  import type { SQSHandler } from "aws-lambda";
  import { ProductUtils } from "../../shared/product_utils";
  export const main: SQSHandler = async (event) => {
    for (const record of event.Records) {
      const { title, price } = JSON.parse(record.body);
      const missing = ProductUtils.requiredProductFields({ title, price });
      if (missing.length) return;
      await ProductsService.createProduct({ title, price });
    }
  };
`;

/** SongixApi's layout: a route module that registers a controller method behind `validateCollection`. */
function collectionsRoute(registration: string): Record<string, string> {
  return {
    "src/routes/collections.ts": [
      'import express from "express";',
      'import CollectionController from "../controllers/collectionController";',
      'import { validateCollection } from "../middlewares/validation";',
      "const router = express.Router();",
      registration,
      "export default router;",
      "",
    ].join("\n"),
    "src/middlewares/validation.ts": BODY_VALIDATION,
  };
}

/** A NestJS controller that hands its query and route values to an injected service. */
const ADMIN_CONTROLLER = dedent`
  import { Controller, Get, Param, Post, Query } from "@nestjs/common";
  import { AdminService } from "./admin.service";
  @Controller("admin")
  export class AdminController {
    constructor(private readonly adminService: AdminService) {}
    @Get("users")
    async getUsers(@Query("limit") limit: string | undefined) {
      return this.adminService.getUsers(limit);
    }
    @Post("presentations/:id/fail")
    async fail(@Param("id") id: string) {
      return this.adminService.fail(id);
    }
  }
`;

const STUDENT_VALIDATORS = dedent`
  import * as studentQueries from "../queries/studentQueries.js";
  export const isBodyPresent = async (ctx) => {
    if (!ctx.request.body) return "Body required.";
    return null;
  };
  export const isEmailValid = async (ctx) => {
    const { email } = ctx.request.body;
    if (typeof email !== "string" || !/^[^@]+@[^@]+$/.test(email)) {
      return "Invalid email.";
    }
    return null;
  };
  export const doesStudentExistByEmail = async (ctx) => {
    const { email } = ctx.request.body;
    const student = await studentQueries.getOneStudent({ email });
    if (!student) return "Student not found.";
    ctx.state.student = student;
    return null;
  };
`;

/** Koa-school's layout: a router module that runs the validators module's functions as one chain. */
function studentRouter(chain: string): Record<string, string> {
  return {
    "src/routers/student.js": dedent`
      import Router from "@koa/router";
      import validator from "../middleware/validator.js";
      import { isBodyPresent, isEmailValid, doesStudentExistByEmail } from "../validators/studentValidators.js";
      import { loginStudent } from "../controllers/studentControllers.js";
      const router = new Router({ prefix: "/student" });
      router.post("/login", validator([${chain}]), loginStudent);
      export default router;
    `,
  };
}

/** ub17: a NestJS controller that hands a keyed @Body string to an injected AI service (issue 11: HackathonBack openai.controller.ts:9). */
const AI_CONTROLLER = dedent`
  import { Body, Controller, Post } from "@nestjs/common";
  import { AiService } from "./ai.service";
  @Controller("ai")
  export class AiController {
    constructor(private readonly aiService: AiService) {}
    @Post("generate")
    async generate(@Body("prompt") prompt: string) {
      return this.aiService.generate(prompt);
    }
  }
`;

const valid: ValidCase[] = [
  {
    name: "a route whose feature-flag middleware takes a list of flags (featureAccess([...])) before express-validator chains and their verify step (production kutt)",
    code: dedent`
      const query = require("../queries");
      async function signup(req, res) {
        const { email, password } = req.body;
        const user = await query.user.add({ email, password });
        res.render("partials/auth/welcome", { email: user.email });
      }
      module.exports = { signup };
    `,
    filename: "server/handlers/auth.handler.js",
    files: {
      "server/routes/auth.routes.js": dedent`
        const { Router } = require("express");
        const validators = require("../handlers/validators.handler");
        const helpers = require("../handlers/helpers.handler");
        const asyncHandler = require("../utils/asyncHandler");
        const auth = require("../handlers/auth.handler");
        const env = require("../env");
        const router = Router();
        router.post(
          "/signup",
          auth.featureAccess([!env.DISALLOW_REGISTRATION, env.MAIL_ENABLED]),
          validators.signup,
          asyncHandler(helpers.verify),
          asyncHandler(auth.signup)
        );
        module.exports = router;
      `,
    },
  },
  {
    name: "a TypeScript route whose flag guard takes a list of config values before validate(schema)",
    code: USERS_CONTROLLER,
    filename: "src/controllers/users.ts",
    files: {
      "src/routes/users.ts": dedent`
        import { Router } from "express";
        import { validate } from "../middleware/validate";
        import { whenEnabled } from "../middleware/flags";
        import { config } from "../config";
        import { CreateUserSchema } from "../schemas/user";
        import * as users from "../controllers/users";
        const router = Router();
        router.post("/users", whenEnabled([config.signupOpen]), validate(CreateUserSchema), users.createUser);
        export default router;
      `,
    },
  },
  {
    name: "an Express controller whose route module runs validate(schema) before it",
    code: USERS_CONTROLLER,
    filename: "src/controllers/users.ts",
    files: {
      "src/routes/users.ts": dedent`
        import { Router } from "express";
        import { validate } from "../middleware/validate";
        import { CreateUserSchema } from "../schemas/user";
        import * as users from "../controllers/users";
        const router = Router();
        router.post("/users", validate(CreateUserSchema), users.createUser);
        export default router;
      `,
    },
  },
  {
    name: "a controller two folders below the routes module that validates its body",
    code: USERS_CONTROLLER,
    filename: "src/http/controllers/users.ts",
    files: {
      "src/routes.ts": dedent`
        import { Router } from "express";
        import { celebrate, Joi, Segments } from "celebrate";
        import { createUser } from "./http/controllers/users";
        export const routes = Router();
        routes.post("/users", celebrate({ [Segments.BODY]: Joi.object({ email: Joi.string().email() }) }), createUser);
      `,
    },
  },
  {
    name: "a controller class's static method behind a body-validating middleware (the handler reads the body)",
    code: dedent`
      import Collection from "../models/Collection";
      class CollectionController {
        static async create(req, res) {
          const collection = await Collection.create({ title: req.body.title, owner: req.userId });
          res.status(201).json(collection);
        }
      }
      export default CollectionController;
    `,
    filename: "src/controllers/collectionController.ts",
    files: collectionsRoute('router.post("/", validateCollection, CollectionController.create);'),
  },
  {
    name: "a Koa controller object registered by a router module with validate({ body })",
    code: KOA_CONTROLLER,
    filename: "src/controllers/student.js",
    files: {
      "src/router.js": dedent`
        const Router = require("@koa/router");
        const validate = require("./middleware/validate");
        const student = require("./controllers/student");
        const router = new Router();
        router.post("/students", validate({ body: studentSchema }), student.add);
        module.exports = router;
      `,
    },
  },
  {
    name: "koa-joi-router: a route spec with validate.body whose handler is a controller method",
    code: dedent`
      import User from "../models/user";
      export default class UsersController {
        async signup(ctx) {
          ctx.body = await User.create({ email: ctx.request.body.email });
        }
      }
    `,
    filename: "src/controllers/users.ts",
    files: {
      "src/routes/users.ts": dedent`
        import router from "koa-joi-router";
        import UsersController from "../controllers/users";
        const Joi = router.Joi;
        const users = new UsersController();
        const r = router();
        r.route({ method: "post", path: "/signup", validate: { body: { email: Joi.string().email() }, type: "json" }, handler: users.signup.bind(users) });
        export default r;
      `,
    },
  },
  {
    name: "koa-joi-router in the same module: validate.body next to an inline handler",
    code: dedent`
      import router from "koa-joi-router";
      const Joi = router.Joi;
      const r = router();
      r.route({
        method: "post",
        path: "/signup",
        validate: { body: { email: Joi.string().email() }, type: "json" },
        handler: async (ctx) => {
          ctx.body = await User.create({ email: ctx.request.body.email });
        },
      });
    `,
    filename: "src/routes/users.ts",
  },
  {
    name: "a route wrapper that calls the controller method after a celebrate body check",
    code: dedent`
      const Order = require("../models/order");
      class OrderController {
        async create(req, res) {
          res.json(await Order.create(req.body));
        }
      }
      module.exports = OrderController;
    `,
    filename: "src/controllers/order.js",
    files: {
      "src/routes/order.js": dedent`
        const { celebrate, Joi, Segments } = require("celebrate");
        const OrderController = require("../controllers/order");
        const controller = new OrderController();
        module.exports = (router) => {
          router.post("/orders", celebrate({ [Segments.BODY]: Joi.object({ sku: Joi.string() }) }), async (req, res) => {
            await controller.create(req, res);
          });
        };
      `,
    },
  },
  {
    name: "a handler registered further down its own module with validate(schema)",
    code: dedent`
      import { Router } from "express";
      import { validate } from "../middleware/validate";
      const router = Router();
      const createPost = async (req, res) => {
        await db.post.create({ data: { title: req.body.title } });
        res.sendStatus(201);
      };
      router.post("/posts", validate(PostSchema), createPost);
      export default router;
    `,
    filename: "src/routes/posts.ts",
  },
  {
    name: "a Fastify controller whose route in another module declares schema.body",
    code: dedent`
      export async function createOrder(request, reply) {
        const order = await prisma.order.create({ data: request.body });
        return reply.code(201).send(order);
      }
    `,
    filename: "src/controllers/orders.js",
    files: {
      "src/routes/orders.js": dedent`
        const { createOrder } = require("../controllers/orders");
        module.exports = async function (fastify) {
          fastify.post("/orders", { schema: { body: { type: "object", required: ["sku"] } } }, createOrder);
        };
      `,
    },
  },
  {
    name: "fields handed to an imported service whose body validates them first (rbac-mern login)",
    code: dedent`
      import { login } from "./auth.service.js";
      export async function loginController(req, res, next) {
        const { email, password } = req.body;
        const result = await login({ email, password });
        return res.status(200).json({ data: result });
      }
    `,
    filename: "src/modules/auth/auth.controller.js",
    files: {
      "src/modules/auth/auth.service.js": dedent`
        import User from "../users/user.model.js";
        import { validateLoginInput } from "./auth.validation.js";
        export async function login({ email, password }) {
          const validation = validateLoginInput({ email, password });
          if (!validation.isValid) throw new BadRequestError(validation.errors.join(" "));
          return User.findOne({ email: email.toLowerCase() });
        }
      `,
    },
  },
  {
    name: "the body handed to an imported class's static method that parses it with a schema first",
    code: dedent`
      import UserService from "../services/UserService";
      export const register = async (req, res) => {
        const user = await UserService.register(req.body);
        res.status(201).json(user);
      };
    `,
    filename: "src/controllers/auth.ts",
    files: {
      "src/services/UserService.ts": dedent`
        import { RegisterSchema } from "../schemas";
        export default class UserService {
          static async register(input: unknown) {
            const data = RegisterSchema.parse(input);
            return prisma.user.create({ data });
          }
        }
      `,
    },
  },
  {
    name: "a check imported from the project's validation module (its name says nothing, its module does)",
    code: dedent`
      import { notEmpty } from "../middleware/validate";
      export default class UserController {
        async forgot(ctx) {
          const { email } = ctx.request.body;
          if (!notEmpty(email)) ctx.throw(422, "Invalid email");
          ctx.body = await User.findOne({ email });
        }
      }
    `,
    filename: "src/controllers/user.js",
  },
  {
    name: "a route id handed to an imported function that looks it up in a cache: its use there is the callee's business",
    code: dedent`
      import Config from "../Config";
      export async function getHandler(req, res) {
        const config = Config.get(req.params.appId);
        if (!config) return res.sendStatus(403);
        res.json(config.files);
      }
    `,
    filename: "src/Routers/FilesRouter.ts",
    files: {
      "src/Config.ts": dedent`
        export default class Config {
          static get(applicationId) {
            return AppCache.get(applicationId);
          }
        }
      `,
    },
  },
  {
    name: "fields destructured first, the whole body validated by the validation module's default export before their use",
    code: dedent`
      const express = require("express");
      const validateRegisterInput = require("../validation/register");
      const router = express.Router();
      router.post("/register", async (req, res) => {
        const { name, email } = req.body;
        const { errors, isValid } = validateRegisterInput(req.body);
        if (!isValid) return res.status(400).json(errors);
        await User.create({ name, email });
      });
    `,
    filename: "src/routes/users.js",
  },
  {
    name: "a validation module's default export called with its result ignored (it throws)",
    code: dedent`
      const validate = require("../utils/validate");
      exports.create = async (ctx) => {
        validate(ctx.request.body, userSchema);
        ctx.body = await User.create(ctx.request.body);
      };
    `,
    filename: "src/controllers/users.js",
  },
  {
    name: "fields handed to a method of a class imported from a validation module",
    code: dedent`
      import type { SQSHandler } from "aws-lambda";
      import { ValidationUtils } from "../../shared/validation_utils";
      export const main: SQSHandler = async (event) => {
        for (const record of event.Records) {
          const { title, price } = JSON.parse(record.body);
          const missing = ValidationUtils.requiredProductFields({ title, price });
          if (missing.length) return;
          await ProductsService.createProduct({ title, price });
        }
      };
    `,
    filename: "src/functions/catalog-batch.ts",
  },
  {
    name: "an injected service (this.adminService.getUsers(limit), adminService: AdminService) whose method checks the value first",
    code: ADMIN_CONTROLLER,
    filename: "src/admin/admin.controller.ts",
    files: {
      "src/admin/admin.service.ts": dedent`
        export class AdminService {
          async getUsers(limitRaw: string | undefined) {
            const limit = this.parseLimit(limitRaw);
            return db.user.findMany({ take: limit });
          }
          async fail(idRaw: string) {
            const id = Number(idRaw);
            if (!Number.isInteger(id) || id <= 0) throw new BadRequestException("Presentation id is invalid.");
            return db.presentation.update({ where: { id }, data: { status: "failed" } });
          }
          private parseLimit(raw: string | undefined): number {
            const parsed = Number(raw);
            if (!Number.isInteger(parsed) || parsed <= 0) return 50;
            return Math.min(parsed, 200);
          }
        }
      `,
    },
  },
  {
    name: "a validator chain function whose field an earlier function of the chain checks (Koa-school login: isEmailValid, then doesStudentExistByEmail)",
    code: STUDENT_VALIDATORS,
    filename: "src/validators/studentValidators.js",
    files: studentRouter("isBodyPresent, isEmailValid, doesStudentExistByEmail"),
  },
  {
    // ub17: the service only puts the text into the model's prompt (the docs: a user's text sent to the model is no use).
    code: AI_CONTROLLER,
    filename: "src/ai/ai.controller.ts",
    files: {
      "src/ai/ai.service.ts": dedent`
        export class AiService {
          async generate(prompt: string) {
            const content = \`Answer briefly: \${prompt}\`;
            const res = await this.openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content }] });
            return res.choices[0].message.content;
          }
        }
      `,
    },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a route whose only middleware before the handler is a list of feature flags is still reported",
    code: CREATE_USER_CODE,
    filename: "src/controllers/users.ts",
    files: {
      "src/routes/users.ts": dedent`
        import { Router } from "express";
        import { whenEnabled } from "../middleware/flags";
        import { config } from "../config";
        import { createUser } from "../controllers/users";
        const router = Router();
        router.post("/users", whenEnabled([config.signupOpen]), createUser);
        export default router;
      `,
    },
    findings: [{ case: "expressBody", line: 3, column: 27, endColumn: 35, suggestions: [mark(CREATE_USER_CODE, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "a controller whose route module runs only an auth middleware is still reported",
    code: CREATE_USER_CODE,
    filename: "src/controllers/users.ts",
    files: {
      "src/routes/users.ts": dedent`
        import { Router } from "express";
        import { requireAuth } from "../middleware/auth";
        import { createUser } from "../controllers/users";
        const router = Router();
        router.post("/users", requireAuth, createUser);
        export default router;
      `,
    },
    findings: [{ case: "expressBody", line: 3, column: 27, endColumn: 35, suggestions: [mark(CREATE_USER_CODE, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "a body-validating middleware does not cover the route parameter the handler reads",
    code: COLLECTIONS_CONTROLLER,
    filename: "src/controllers/collectionController.ts",
    files: collectionsRoute('router.put("/:id", validateCollection, CollectionController.update);'),
    findings: [{ case: "expressParams", line: 4, column: 50, endColumn: 60, suggestions: [
      { title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
        import Collection from "../models/Collection";
        import { z } from "zod";
        const UpdateParams = z.object({ id: z.string() });

        class CollectionController {
          static async update(req, res) {
            const parsed = UpdateParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const collection = await Collection.findByPk(parsed.data.id);
            await collection.update({ title: req.body.title });
            res.json(collection);
          }
        }
        export default CollectionController;
      ` },
      mark(COLLECTIONS_CONTROLLER, "expressParams", 4),
    ] }],
    output: null,
  },
  {
    name: "a Fastify controller registered in another module without a schema",
    code: FASTIFY_CONTROLLER,
    filename: "src/controllers/orders.js",
    files: {
      "src/routes/orders.js": dedent`
        const { createOrder } = require("../controllers/orders");
        module.exports = async function (fastify) {
          fastify.post("/orders", createOrder);
        };
      `,
    },
    findings: [{ case: "fastifyRequest", line: 2, column: 51, endColumn: 63, suggestions: [mark(FASTIFY_CONTROLLER, "fastifyRequest", 2)] }],
    output: null,
  },
  {
    name: "a Koa controller whose router module registers it with only an auth middleware",
    code: KOA_CONTROLLER,
    filename: "src/controllers/student.js",
    files: {
      "src/router.js": dedent`
        const Router = require("@koa/router");
        const auth = require("./middleware/auth");
        const student = require("./controllers/student");
        const router = new Router();
        router.post("/students", auth.isUser, student.add);
        module.exports = router;
      `,
    },
    findings: [{ case: "koaRequest", line: 4, column: 29, endColumn: 45, suggestions: [mark(KOA_CONTROLLER, "koaRequest", 4)] }],
    output: null,
  },
  {
    name: "fields handed to a method of a class imported from a module that does not say it validates",
    code: BATCH_HANDLER,
    filename: "src/functions/catalog-batch.ts",
    findings: [{ case: "messagePayload", line: 5, column: 30, endColumn: 53, suggestions: [mark(BATCH_HANDLER, "messagePayload", 5)] }],
    output: null,
  },
  {
    name: "the body handed to an imported function that stores it unchecked is reported at the call",
    code: SIGNUP_CONTROLLER,
    filename: "src/controllers/signup.ts",
    files: {
      "src/lib/signup.ts": dedent`
        export async function saveSignup(data) {
          await db.signup.insert(data);
        }
      `,
    },
    findings: [{
      case: "expressBody", line: 3, column: 20, endColumn: 28,
      message: "req.body is passed on to a service call without validation: whatever the sender puts in it is sent on, wrong types and extra fields included. Validate it with a schema before using it.",
      suggestions: [mark(SIGNUP_CONTROLLER, "expressBody", 3)],
    }],
    output: null,
  },
  {
    name: "a route id handed to an imported function that loads a record by it is reported at the call",
    code: PROVIDER_ROUTE,
    filename: "src/routes/providers.ts",
    files: {
      "src/lib/providerTest.ts": dedent`
        export async function testConnection(id: string) {
          const connection = await db.connection.findUnique({ where: { id } });
          return { ok: !!connection };
        }
      `,
    },
    findings: [{ case: "expressParams", line: 3, column: 33, endColumn: 43, suggestions: [
      { title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
        import { testConnection } from "../lib/providerTest";
        import { z } from "zod";
        const TestHandlerParams = z.object({ id: z.string() });

        export async function testHandler(req, res) {
          const parsed = TestHandlerParams.safeParse(req.params);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          res.json(await testConnection(parsed.data.id));
        }
      ` },
      mark(PROVIDER_ROUTE, "expressParams", 3),
    ] }],
    output: null,
  },
  {
    name: "a whole-body validation after the fields were stored does not validate them",
    code: VALIDATED_AFTER_USE,
    filename: "src/routes/users.js",
    findings: [{ case: "expressBody", line: 5, column: 27, endColumn: 35, suggestions: [mark(VALIDATED_AFTER_USE, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "an imported function that queries with the body before it validates it does not validate it",
    code: LOGIN_CONTROLLER,
    filename: "src/controllers/auth.ts",
    files: {
      "src/lib/auth.ts": dedent`
        export async function login(body) {
          const user = await User.findOne({ email: body.email });
          validateLoginInput(body);
          return user;
        }
      `,
    },
    findings: [{ case: "expressBody", line: 3, column: 24, endColumn: 32, suggestions: [mark(LOGIN_CONTROLLER, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "an injected service whose method queries with the raw value is no check: reported at the call",
    code: ADMIN_CONTROLLER,
    filename: "src/admin/admin.controller.ts",
    files: {
      "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }',
      "src/admin/admin.service.ts": dedent`
        export class AdminService {
          async getUsers(limitRaw: string | undefined) {
            return db.user.findMany({ take: limitRaw });
          }
          async fail(idRaw: string) {
            return db.presentation.update({ where: { id: idRaw }, data: { status: "failed" } });
          }
        }
      `,
    },
    findings: [
      { case: "nestDecorator", line: 7, column: 18, endColumn: 33, suggestions: [mark(ADMIN_CONTROLLER, "nestDecorator", 7)] },
      { case: "nestDecorator", line: 11, column: 14, endColumn: 26, suggestions: [mark(ADMIN_CONTROLLER, "nestDecorator", 11)] },
    ],
    output: null,
  },
  {
    name: "a validator chain function that runs before the function checking its field",
    code: STUDENT_VALIDATORS,
    filename: "src/validators/studentValidators.js",
    files: studentRouter("doesStudentExistByEmail, isEmailValid"),
    findings: [{ case: "koaRequest", line: 14, column: 21, endColumn: 37, suggestions: [mark(STUDENT_VALIDATORS, "koaRequest", 14)] }],
    output: null,
  },
  {
    name: "a validator chain whose earlier function only checks that a body is there",
    code: STUDENT_VALIDATORS,
    filename: "src/validators/studentValidators.js",
    files: studentRouter("isBodyPresent, doesStudentExistByEmail"),
    findings: [{ case: "koaRequest", line: 14, column: 21, endColumn: 37, suggestions: [mark(STUDENT_VALIDATORS, "koaRequest", 14)] }],
    output: null,
  },
  {
    name: "ub17: an injected AI service that also stores the prompt",
    code: AI_CONTROLLER,
    filename: "src/ai/ai.controller.ts",
    files: {
      "src/ai/ai.service.ts": dedent`
        export class AiService {
          async generate(prompt: string) {
            await db.prompt.create({ data: { text: prompt } });
            const res = await this.openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] });
            return res.choices[0].message.content;
          }
        }
      `,
    },
    findings: [{ case: "nestDecorator", line: 7, column: 18, endColumn: 33, suggestions: [{ title: 'Validate @Body("prompt") with Zod (adds the zod dependency)', output: dedent`
      import { Body, Controller, Post, BadRequestException } from "@nestjs/common";
      import { AiService } from "./ai.service";
      import { z } from "zod";
      const GenerateBody = z.string();

      @Controller("ai")
      export class AiController {
        constructor(private readonly aiService: AiService) {}
        @Post("generate")
        async generate(@Body("prompt") rawPrompt: string) {
          const parsed = GenerateBody.safeParse(rawPrompt);
          if (!parsed.success) throw new BadRequestException(parsed.error.issues);
          const prompt = parsed.data;
          return this.aiService.generate(prompt);
        }
      }
    ` }, mark(AI_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
