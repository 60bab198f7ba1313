import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 36, developer prodsn36: production standardnotes/server (eval/production, seed 20261360). A
// route param handed to a DDD value object's factory whose Result is held and tested before the lookup
// (`const usernameOrError = Username.create(request.params.email); if (usernameOrError.isFailed()) return 400`):
// the docs' value-object factory whose result is a Result/Either, written in two statements. Hand-written
// analogues, not the repository's code.

const INVERSIFY = { "package.json": '{ "dependencies": { "express": "4", "inversify-express-utils": "6" } }' };
const EXPRESS = { "package.json": '{ "dependencies": { "express": "4" } }' };

const ADMIN = (test: string) => dedent`
  import { Request } from "express";
  import { BaseHttpController, controller, httpGet } from "inversify-express-utils";
  import { Username } from "@acme/domain-core";

  @controller("/admin")
  export class AdminController extends BaseHttpController {
    constructor(private userRepository: UserRepositoryInterface) {
      super();
    }

    @httpGet("/user/:email")
    async getUser(request: Request) {
      const usernameOrError = Username.create(request.params.email ?? "");
      ${test}
      const user = await this.userRepository.findOneByUsernameOrEmail(usernameOrError.getValue());
      return this.json({ uuid: user?.uuid });
    }
  }
`;

// Another style: an Express route and a Result whose failure is a getter (\`isFailure\`), Khalil Stemmler's DDD shape.
const SIGNUP = (test: string) => dedent`
  const express = require("express");
  const { Email } = require("../domain/email");
  const router = express.Router();
  router.post("/subscribe", async (req, res) => {
    const emailOrError = Email.create(req.body.email);
    ${test}
    await db.subscriber.create({ data: { email: emailOrError.getValue().value } });
    res.status(201).end();
  });
  module.exports = router;
`;

const valid: ValidCase[] = [
  { name: "inversify: Username.create held, isFailed() tested, 400 on failure", code: ADMIN('if (usernameOrError.isFailed()) return this.json({ error: "bad email" }, 400);'), filename: "src/Controller/AdminController.ts", files: INVERSIFY },
  { name: "another style: Express, Email.create held, the isFailure getter tested", code: SIGNUP('if (emailOrError.isFailure) return res.status(400).json({ error: emailOrError.error });'), filename: "src/routes/subscribe.js", files: EXPRESS },
];

const invalid: InvalidCase[] = [
  markedRow("neighbour: the Result held but never tested, its value taken", SIGNUP("// no test"), "src/routes/subscribe.js", EXPRESS, "expressBody", 5, 37, 45),
];

describe("unvalidated-boundary: a value object's Result held and tested (prodsn36)", () => {
  runWithNamedCases(valid, invalid);
});
