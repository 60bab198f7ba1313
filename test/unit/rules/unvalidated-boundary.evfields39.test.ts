import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 42 (retired to tune), session 39, developer ub39: express-validator chains check the fields
// they name. A controller registered with chains for some fields (`validate([body("name")…,
// body("email")…, body("password")…])`) that also reads a field no chain names (`phone`) uses that
// field as sent (adnanabbasi0109-max/bakenshake `server/src/controllers/auth.controller.js:80`, decided:
// `phone` into a Mongoose `$or`). A chain without a literal field (`checkSchema`, `oneOf`, a wildcard)
// may check any field. Rows in CommonJS as in the repository (chains inside the project's `validate`)
// and hand-made in TypeScript with the chains on the route before a bare `validateRequest`.

const PKG = "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.19.0\", \"express-validator\": \"^7.0.0\", \"mongoose\": \"^8.0.0\" } }\n";

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

const ROUTES = (chains: string) => dedent`
  const express = require("express");
  const { body, checkSchema } = require("express-validator");
  const router = express.Router();
  const authController = require("../controllers/auth.controller");
  const validate = require("../middleware/validate");

  router.post(
    "/register",
    validate([
      ${chains}
    ]),
    authController.register
  );

  module.exports = router;
`;

const REGISTER = dedent`
  const User = require("../models/User");

  exports.register = async (req, res, next) => {
    try {
      const { name, email, password, phone } = req.body;
      const existing = await User.findOne({ $or: [{ email }, ...(phone ? [{ phone }] : [])] });
      if (existing) return res.status(409).json({ message: "exists" });
      const user = await User.create({ name, email, phone, passwordHash: password });
      res.status(201).json({ id: user.id });
    } catch (error) {
      next(error);
    }
  };
`;

const THREE = 'body("name").trim().isLength({ min: 2 }),\n      body("email").isEmail().normalizeEmail(),\n      body("password").isLength({ min: 6 }),';
const FOUR = `${THREE}\n      body("phone").isMobilePhone("en-IN"),`;

const TS_ROUTES = (chains: string) => dedent`
  import { Router } from "express";
  import { body } from "express-validator";
  import { validateRequest } from "../middleware/validate-request";
  import { updateProfile } from "../controllers/profile.controller";

  const router = Router();
  router.patch("/me", [${chains}], validateRequest, updateProfile);
  export default router;
`;

const PROFILE = dedent`
  import type { Request, Response } from "express";
  import { Profile } from "../models/profile";

  export async function updateProfile(req: Request, res: Response) {
    const { displayName, website } = req.body;
    await Profile.updateOne({ userId: res.locals.userId }, { $set: { displayName, website } });
    res.json({ ok: true });
  }
`;

const files = (routes: string, at: string) => ({ "package.json": PKG, [at]: routes });

const valid: ValidCase[] = [
  { name: "CommonJS: a chain for every field the handler reads", filename: "server/src/controllers/auth.controller.js", code: REGISTER, files: files(ROUTES(FOUR), "server/src/routes/auth.routes.js") },
  { name: "CommonJS: checkSchema among the chains may check any field", filename: "server/src/controllers/auth.controller.js", code: REGISTER, files: files(ROUTES(`${THREE}\n      checkSchema({ phone: { isMobilePhone: true } }),`), "server/src/routes/auth.routes.js") },
  { name: "TypeScript (hand-made): chains on the route name both fields", filename: "src/controllers/profile.controller.ts", code: PROFILE, files: files(TS_ROUTES('body("displayName").isString().isLength({ max: 60 }), body("website").isURL()'), "src/routes/profile.routes.ts") },
];

const invalid: InvalidCase[] = [
  markedRow("CommonJS: `phone` named by no chain inside validate([...]) reaches a Mongoose $or (round 42, bakenshake)", REGISTER, "server/src/controllers/auth.controller.js", files(ROUTES(THREE), "server/src/routes/auth.routes.js"), "expressBody", lineOf(REGISTER, "} = req.body;"), colOf(REGISTER, "} = req.body;", "req.body"), colOf(REGISTER, "} = req.body;", "req.body") + 8),
  markedRow("TypeScript (hand-made): route chains before validateRequest check displayName, not website", PROFILE, "src/controllers/profile.controller.ts", files(TS_ROUTES('body("displayName").isString().isLength({ max: 60 })'), "src/routes/profile.routes.ts"), "expressBody", lineOf(PROFILE, "} = req.body;"), colOf(PROFILE, "} = req.body;", "req.body"), colOf(PROFILE, "} = req.body;", "req.body") + 8),
];

describe("unvalidated-boundary: express-validator chains check only the fields they name (round 42)", () => {
  runWithNamedCases(valid, invalid);
});
