import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Source forms found missing on real Koa and Lambda apps (issue 11, recall): Koa's request
// destructured from the context (`const { body } = ctx.request`, `async ({ request, params }) =>`)
// and an SQS record read by its index (`JSON.parse(event.Records[0].body)`). Each has valid rows
// for its validated forms first.

const KOA_BODY = dedent`
  exports.create = async (ctx) => {
    const { body } = ctx.request;
    ctx.body = await Item.create(body);
  };
`;

const KOA_SIGNATURE = dedent`
  const Router = require("@koa/router");
  const router = new Router();
  router.post("/items", async ({ request, response }) => {
    response.body = await Item.create({ name: request.body.name });
  });
`;

const KOA_PARAMS = dedent`
  const Router = require("@koa/router");
  const router = new Router();
  router.get("/items/:id", async ({ params, response }) => {
    response.body = await Item.findById(params.id);
  });
`;

const SQS_INDEX = dedent`
  module.exports.process = async (event) => {
    const msg = JSON.parse(event.Records[0].body);
    await db.orders.insert(msg);
  };
`;

const valid: ValidCase[] = [
  {
    name: "Koa: the body destructured from ctx.request and parsed with a schema",
    code: dedent`
      exports.create = async (ctx) => {
        const { body } = ctx.request;
        const item = ItemSchema.parse(body);
        ctx.body = await Item.create(item);
      };
    `,
    filename: "src/controllers/items.js",
  },
  {
    name: "Koa: { request } destructured in the signature, its body validated with joi",
    code: dedent`
      const Router = require("@koa/router");
      const router = new Router();
      router.post("/items", async ({ request, response }) => {
        const { error, value } = itemSchema.validate(request.body);
        if (error) throw error;
        response.body = await Item.create(value);
      });
    `,
    filename: "src/routes.js",
  },
  {
    name: "Koa: { params } destructured in the signature, the id checked first",
    code: dedent`
      const Router = require("@koa/router");
      const router = new Router();
      router.get("/items/:id", async ({ params, response }) => {
        if (!isValidObjectId(params.id)) return;
        response.body = await Item.findById(params.id);
      });
    `,
    filename: "src/routes.js",
  },
  {
    name: "SQS: a record read by index, parsed with a schema",
    code: dedent`
      module.exports.process = async (event) => {
        const msg = OrderMessage.parse(JSON.parse(event.Records[0].body));
        await db.orders.insert(msg);
      };
    `,
    filename: "src/consumer.js",
  },
  {
    name: "SQS: a record read by index, only logged",
    code: dedent`
      module.exports.process = async (event) => {
        console.log(JSON.parse(event.Records[0].body));
      };
    `,
    filename: "src/consumer.js",
  },
];

const invalid: InvalidCase[] = [
  {
    name: "Koa: the body destructured from ctx.request goes into a database call",
    code: KOA_BODY,
    filename: "src/controllers/items.js",
    findings: [{ case: "koaRequest", line: 2, column: 11, endColumn: 15, suggestions: [mark(KOA_BODY, "koaRequest", 2)] }],
    output: null,
  },
  {
    name: "Koa: { request } destructured in the signature, a body field stored",
    code: KOA_SIGNATURE,
    filename: "src/routes.js",
    findings: [{ case: "koaRequest", line: 4, column: 45, endColumn: 57, suggestions: [mark(KOA_SIGNATURE, "koaRequest", 4)] }],
    output: null,
  },
  {
    name: "Koa: { params } destructured in the signature, the id used as a key",
    code: KOA_PARAMS,
    filename: "src/routes.js",
    findings: [{ case: "koaRequest", line: 3, column: 35, endColumn: 41, suggestions: [mark(KOA_PARAMS, "koaRequest", 3)] }],
    output: null,
  },
  {
    name: "SQS: a record read by index goes into a database call",
    code: SQS_INDEX,
    filename: "src/consumer.js",
    findings: [{ case: "messagePayload", line: 2, column: 15, endColumn: 48, suggestions: [mark(SQS_INDEX, "messagePayload", 2)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
