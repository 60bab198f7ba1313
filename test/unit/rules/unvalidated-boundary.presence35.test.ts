import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 35, developer ub35: a body field read straight off the request, presence-tested first, whose other reads
// are each decided by a check of their own (a regex test, and the call below the exit it guards), is no use, like a
// destructured field. Hand-written analogues of retired round 38's decided false positive (Hasivu
// `src/functions/auth/forgot-password.ts:28`, a Lambda handler), in Express and Hono.

const EXPRESS = { "package.json": '{ "dependencies": { "express": "^4.19.0" } }' };
const HONO = { "package.json": '{ "dependencies": { "hono": "^4.5.0" } }' };

const resetRoute = (check: string): string => dedent`
  const express = require("express");
  const { sendResetLink } = require("../services/auth.service");
  const router = express.Router();
  const EMAIL_RE = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;
  router.post("/password/forgot", async (req, res) => {
    if (!req.body.email) return res.status(400).json({ error: "email is required" });
    ${check}
    await sendResetLink(req.body.email);
    res.json({ sent: true });
  });
  module.exports = router;
`;

const inviteRoute = (check: string): string => dedent`
  import { Hono } from "hono";
  import { inviteMember } from "./services/members.service";
  const app = new Hono();
  app.post("/team/invite", async (c) => {
    const body = await c.req.json();
    if (!body.email) return c.json({ error: "email is required" }, 400);
    ${check}
    await inviteMember(body.email);
    return c.json({ invited: true });
  });
  export default app;
`;

const valid: ValidCase[] = [
  { name: "Express: presence-tested, then a regex test that exits, then the call it let through", code: resetRoute('if (!EMAIL_RE.test(req.body.email)) return res.status(400).json({ error: "invalid email" });'), filename: "src/routes/auth.js", files: EXPRESS },
  { name: "Hono: presence-tested, then a typeof test that exits, then the call", code: inviteRoute('if (typeof body.email !== "string" || !/^[^@\\s]+@[^@\\s]+$/.test(body.email)) return c.json({ error: "invalid email" }, 400);'), filename: "src/app.ts", files: HONO },
];

const invalid: InvalidCase[] = [
  {
    name: "Express: presence-tested only, then handed to the service: the call is a use",
    code: resetRoute(""),
    filename: "src/routes/auth.js",
    files: EXPRESS,
    findings: [{ case: "expressBody", line: 6, column: 8, endColumn: 16, suggestions: [mark(resetRoute(""), "expressBody", 6)] }],
    output: null,
  },
  {
    name: "Hono: a length test decides nothing of the type: the call stays a use",
    code: inviteRoute('if (body.email.length > 254) return c.json({ error: "too long" }, 400);'),
    filename: "src/app.ts",
    files: HONO,
    findings: [{ case: "honoRequest", line: 5, column: 22, endColumn: 34, suggestions: [mark(inviteRoute('if (body.email.length > 254) return c.json({ error: "too long" }, 400);'), "honoRequest", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
