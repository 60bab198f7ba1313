import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production kutt (session 38, prod38a), developer ub38b: a route middleware that copies a body field into `res.locals`
// before the validators run, so that the form is shown again (`locals.handler.js:47/52`, sampled false). A request's
// field put, as it is or made a boolean with `!!`, into the locals of the page the request renders, under a name no code
// of the file reads back, is only shown back in that page (escaped by its template engine): an echo in the answer.
// Rows: kutt's CommonJS middleware, a Koa middleware in TypeScript with `ctx.state`, and a name read back (a use).

const KUTT = dedent`
  function newPassword(req, res, next) {
    res.locals.reset_password_token = req.body.reset_password_token;
    next();
  }

  function createLink(req, res, next) {
    res.locals.show_advanced = !!req.body.show_advanced;
    next();
  }

  module.exports = { newPassword, createLink };
`;

// Koa with koa-views: `ctx.state` is what `ctx.render` shows.
const KOA_TS = dedent`
  import Router from "@koa/router";
  const router = new Router();
  router.post("/search", async (ctx) => {
    ctx.state.searched = (ctx.request.body as any).q;
    ctx.state.strict = !(ctx.request.body as any).loose;
    await ctx.render("search");
  });
  export default router;
`;

// The name read back from the locals further on: the value decides a lookup of the server's.
const READ_BACK = dedent`
  const express = require("express");
  const app = express();
  app.use(express.urlencoded({ extended: true }));
  app.post("/reset", (req, res, next) => {
    res.locals.token = req.body.token;
    next();
  }, async (req, res) => {
    const row = await db.collection("tokens").findOne({ token: res.locals.token });
    res.render("reset", { ok: !!row });
  });
`;

const valid: ValidCase[] = [
  { name: "kutt: a body field and a !! boolean of one copied into res.locals for the form shown again", code: KUTT, filename: "server/handlers/locals.handler.js", files: { "package.json": "{ \"name\": \"kutt\", \"dependencies\": { \"express\": \"4.19.2\", \"hbs\": \"4.2.0\" } }\n" } },
  { name: "Koa (TypeScript): body fields put into ctx.state for the page rendered", code: KOA_TS, filename: "src/routes/search.ts", files: { "package.json": "{ \"name\": \"site\", \"dependencies\": { \"koa\": \"2.15.0\", \"@koa/router\": \"12.0.0\", \"koa-views\": \"8.1.0\" } }\n" } },
];

const invalid: InvalidCase[] = [
  markedRow("Express: res.locals.token read back into a lookup: still a use", READ_BACK, "server/app.js", { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"4.19.2\" } }\n" }, "expressBody", 5, 22, 30),
];

describe("unvalidated-boundary: a request's field only shown back through the page's locals (production kutt)", () => {
  runWithNamedCases(valid, invalid);
});
