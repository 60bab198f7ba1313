import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production overseerr (eval/production/sct__overseerr.json), session 32, developer ub32c: TypeORM lookups
// whose miss ends the request, under the equality-filter rule (the lead, session 29): a route string as a
// text column of `findOneOrFail`'s `where` inside a `try` whose `catch` answers the
// miss (server/routes/user/index.ts, the push-subscription lookups), and `findOneBy` + `if (!row) return 404`.
// Hand-written analogues, not the repository's code.

// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.18.0\", \"joi\": \"^17.0.0\", \"typeorm\": \"0.3.12\" } }\n" };
const EXPRESS = "server/routes/user.ts";

/** A route key looked up by `lookup` in a `try` whose `catch` runs `answer`; `after` follows the `try`. */
const FAIL = (lookup: string, answer: string, after = "") => dedent`
  import { Router } from "express";
  import { getRepository } from "@server/datasource";
  import { UserPushSubscription } from "@server/entity/UserPushSubscription";
  const router = Router();
  router.get("/:userId/pushSubscription/:key", async (req, res, next) => {
    try {
      const subscriptionRepository = getRepository(UserPushSubscription);
      const sub = await subscriptionRepository.${lookup};
      return res.status(200).json(sub);
    } catch (e) {
      ${answer}
    }${after}
  });
  export default router;
`;

const WHERE = (column: string) => `findOneOrFail({ relations: { user: true }, where: { ${column}: req.params.key } })`;
const NOT_FOUND = "next({ status: 404, message: \"User subscription not found.\" });";

/** A route key as `findOneBy`'s filter, the miss tested after. */
const BY = (column: string, miss: string) => dedent`
  import { Router } from "express";
  import { getRepository } from "@server/datasource";
  import { UserPushSubscription } from "@server/entity/UserPushSubscription";
  const router = Router();
  router.delete("/pushSubscription/:key", async (req, res) => {
    const subscriptionRepository = getRepository(UserPushSubscription);
    const sub = await subscriptionRepository.findOneBy({ ${column}: req.params.key });
    ${miss}
    await subscriptionRepository.remove(sub);
    return res.status(204).send();
  });
  export default router;
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string): ValidCase {
  return { name, code, filename: EXPRESS, files: JOI };
}

const valid: ValidCase[] = [
  ok("expressParams: a route key in findOneOrFail's where, the catch hands a 404 to next as the handler's last statement", FAIL(WHERE("p256dh"), NOT_FOUND)),
  ok("expressParams: the same, the catch logs and returns next's 500", FAIL(WHERE("p256dh"), "logger.error(\"Something went wrong\", { key: req.params.key });\n  return next({ status: 500, message: \"not found\" });")),
  ok("expressParams: the same, the catch answers through res", FAIL(WHERE("p256dh"), "res.status(404).json({ message: \"not found\" });")),
  ok("expressParams: the same, the catch throws", FAIL(WHERE("p256dh"), "throw new NotFoundError();")),
  ok("expressParams: findOneBy's filter, 404 on a miss, then the row removed", BY("p256dh", "if (!sub) return res.status(404).json({ error: \"not found\" });")),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename: EXPRESS, findings: [{ case: "expressParams", line, column, endColumn, suggestions: [mark(code, "expressParams", line)] }], files: JOI, output: null };
}

const invalid: InvalidCase[] = [
  row("expressParams: findOneOrFail's where on the row's key (a uuid or an integer)", FAIL(WHERE("id"), NOT_FOUND), 8, 102, 112),
  row("expressParams: the catch only logs (the handler goes on)", FAIL(WHERE("p256dh"), "logger.error(\"lookup failed\");"), 8, 106, 116),
  row("expressParams: the catch hands the error on, but the handler goes on after the try", FAIL(WHERE("p256dh"), NOT_FOUND, "\n  await audit(req.params.key);"), 8, 106, 116),
  row("expressParams: findOne's where with no miss test (undefined goes on)", FAIL("findOne({ where: { p256dh: req.params.key } })", NOT_FOUND), 8, 73, 83),
  row("expressParams: findOneBy's filter, the miss goes on", BY("p256dh", "logger.info(\"removing\");"), 7, 64, 74),
];

runWithNamedCases(valid, invalid);
