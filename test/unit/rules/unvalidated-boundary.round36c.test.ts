import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33c. Hand-written rows.

// Joi projects: no Zod fix is offered, only the directive.
const KOA = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"koa\": \"^2.0.0\", \"koa-router\": \"^12.0.0\", \"koa-parameter\": \"^3.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const EXPRESS = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"express-validator\": \"^5.3.1\", \"joi\": \"^17.0.0\" } }\n" };

// koa-parameter's ctx.verifyParams checks the body (the query on a GET route) merged with the route params before
// the read (xChat server/controllers/cards.js:18, messages.js:15, token.js:21, users.js:24, labelled clean): its rules
// are required unless they say otherwise, so a field it declares is checked; one it does not, or the body used
// whole, passes as sent.
const CARDS = (check: string, read: string) => dedent`
  const Router = require("koa-router");
  const router = new Router();
  router.post("/", async (ctx, next) => {
    ${check}
    const cardKey = ${read};
    const card = await Card.findOne({ where: { key: cardKey } });
    ctx.body = { value: card.value };
  });
  module.exports = router;
`;
const TRY_VERIFY = (rules: string, onFail: string) => `try {\n    ctx.verifyParams(${rules});\n  } catch (err) {\n    ${onFail}\n  }`;
const TOKEN = (check: string) => dedent`
  const Router = require("koa-router");
  const router = new Router();
  router.post("/", async (ctx) => {
    ${check}
    const params = ctx.request.body;
    const { email, password } = params;
    const user = await User.findOne({ where: { email: email } });
    ctx.body = { ok: user.password === hash(password) };
  });
  module.exports = router;
`;
const CREATE = (check: string) => dedent`
  const Router = require("koa-router");
  const router = new Router();
  router.post("/notes", async (ctx) => {
    ${check}
    ctx.body = await Note.create(ctx.request.body);
  });
  module.exports = router;
`;
// Another shape: egg-validate's ctx.validate(rules) with the rules in a const, the body destructured from ctx.request.
const EGG_STYLE = (rules: string, take: string) => dedent`
  const Router = require("@koa/router");
  const router = new Router();
  const createRule = ${rules};
  router.post("/topics", async (ctx) => {
    ctx.validate(createRule);
    const { body } = ctx.request;
    await Topic.create({ title: body.${take} });
    ctx.status = 201;
  });
  module.exports = router;
`;
// And express-validator's legacy API: req.checkBody(field) with the handler reading req.validationErrors().
const LEGACY = (checks: string, errors: string) => dedent`
  const express = require("express");
  const router = express.Router();
  router.post("/signup", async (request, response) => {
    ${checks}
    ${errors}
    await Account.create({ email: request.body.email, name: request.body.name });
    response.status(201).end();
  });
  module.exports = router;
`;


function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("koaRequest: a body field verifyParams declares, failure answered by ctx.throw", CARDS(TRY_VERIFY("{ key: { type: \"string\", required: true } }", "ctx.throw(418);"), "ctx.request.body.key"), "server/controllers/cards.js", KOA),
  ok("koaRequest: verifyParams as a statement of its own (it throws a 422)", CARDS("ctx.verifyParams({ key: \"string\" });", "ctx.request.body.key"), "server/controllers/cards.js", KOA),
  ok("koaRequest: fields declared, read through a const alias destructured", TOKEN(TRY_VERIFY("{ email: { type: \"email\", required: true }, password: { type: \"string\", required: true } }", "ctx.throw(418);")), "server/controllers/token.js", KOA),
  ok("koaRequest: ctx.validate rules held in a const, the field declared", EGG_STYLE("{ title: { type: \"string\", max: 120 } }", "title"), "app/router/topics.js", KOA),
  ok("expressBody: legacy checkBody on each field, validationErrors answered", LEGACY("request.checkBody(\"email\", \"Invalid email\").isEmail();\n  request.checkBody(\"name\").notEmpty().isLength({ max: 80 });", "const errors = request.validationErrors();\n  if (errors) return response.status(400).json({ errors });"), "routes/signup.js", EXPRESS),

];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("koaRequest: a body field verifyParams does not declare", CARDS(TRY_VERIFY("{ key: { type: \"string\", required: true } }", "ctx.throw(418);"), "ctx.request.body.code"), "server/controllers/cards.js", KOA, "koaRequest", 9, 19, 35),
  row("koaRequest: the catch logs and goes on", CARDS(TRY_VERIFY("{ key: \"string\" }", "console.log(err);"), "ctx.request.body.key"), "server/controllers/cards.js", KOA, "koaRequest", 9, 19, 35),
  row("koaRequest: verified only after the read", CARDS("const early = ctx.request.body.key;\n  await Card.destroy({ where: { key: early } });\n  ctx.verifyParams({ key: \"string\" });", "ctx.request.body.key"), "server/controllers/cards.js", KOA, "koaRequest", 4, 17, 33),
  row("koaRequest: the body created whole (undeclared fields pass)", CREATE("ctx.verifyParams({ title: \"string\" });"), "server/controllers/notes.js", KOA, "koaRequest", 5, 32, 48),
  row("koaRequest: a password the rules leave out, read through the alias", TOKEN("ctx.verifyParams({ email: \"email\" });"), "server/controllers/token.js", KOA, "koaRequest", 5, 18, 34),
  row("koaRequest: ctx.validate rules that declare another field", EGG_STYLE("{ title: { type: \"string\", max: 120 } }", "summary"), "app/router/topics.js", KOA, "koaRequest", 6, 11, 15),
  row("expressBody: a field no checkBody names", LEGACY("request.checkBody(\"email\", \"Invalid email\").isEmail();", "const errors = request.validationErrors();\n  if (errors) return response.status(400).json({ errors });"), "routes/signup.js", EXPRESS, "expressBody", 7, 59, 71),
  row("expressBody: checks whose errors are never read", LEGACY("request.checkBody(\"email\").isEmail();\n  request.checkBody(\"name\").notEmpty();", ""), "routes/signup.js", EXPRESS, "expressBody", 7, 33, 45),
];

runWithNamedCases(valid, invalid);
