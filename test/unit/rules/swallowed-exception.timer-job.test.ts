import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 33, developer se33b: a function of the module that only timers and crons start (the
// docs' "a start-up or cron recovery job whose catch only logs, rerun by the next tick", held
// rounds 22 and 28 to 29, across the tune part): `async function purgeExpired() { try { … } catch
// (e) { log(e); } }` whose every call is a statement of a `setInterval`, `setTimeout`, node-cron
// `schedule` or `CronJob` callback, one of them repeating, and that the module neither exports nor
// hands on. A chat listener that calls it, a startup `await`, or an export gives it a caller.
// Hand-written analogues, no fetched code.

// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A purge job of a Mongoose model, started as `starts` says; `head` opens its declaration.
const purgeJob = (starts: string, head = "async function purgeExpired() {"): string =>
  [
    'const Invite = require("./models/invite");',
    "",
    head,
    "  try {",
    "    const cutoff = new Date(Date.now() - 86_400_000);",
    "    await Invite.deleteMany({ createdAt: { $lt: cutoff } });",
    "  } catch (error) {",
    '    console.error("invite purge failed:", error.message);',
    "  }",
    "}",
    "",
    starts,
    "",
  ].join("\n");

const EVERY_HOUR = "setInterval(async () => {\n  await purgeExpired();\n}, 3_600_000);\nsetTimeout(() => {\n  purgeExpired().catch((e) => console.error(e));\n}, 5_000);";

// node-cron over an arrow job that awaits another function of the module.
const NIGHTLY = dedent`
  import cron from "node-cron";
  import { db } from "./db";

  const rotateSessions = async () => {
    try {
      await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    } catch (err) {
      logger.warn("session rotation failed", err);
    }
  };

  async function nightly() {
    await rotateSessions();
  }

  cron.schedule("0 3 * * *", () => {
    nightly();
  });
`;

// A purge that answers how many rows it removed, 0 when it failed, started by a quarter-hour interval.
const COUNTED = [
  "async function purgeTokens() {",
  "  try {",
  "    const { count } = await prisma.token.deleteMany({ where: { used: true } });",
  "    return count;",
  "  } catch (err) {",
  '    logger.warn("token purge failed", err);',
  "    return 0;",
  "  }",
  "}",
  "",
  "setInterval(() => {",
  "  void purgeTokens();",
  "}, 900_000);",
  "",
].join("\n");

const LOG = 'console.error("invite purge failed:", error.message);';

function stillReported(name: string, starts: string, head?: string, rethrow = true): InvalidCase {
  const code = purgeJob(starts, head);
  const ignored = { title: "Mark as intentionally ignored…", output: code.replace("(error) {\n", "(error) {\n    // Intentionally ignored: <reason>\n") };
  return {
    name,
    code,
    findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 18, suggestions: rethrow ? [{ title: "Rethrow the error", output: code.replace(LOG, `${LOG}\n    throw error;`) }, ignored] : [ignored] }],
    output: null,
  };
}

new RuleTester().run(narrowed, {
  valid: [
    { name: "a purge only an hourly setInterval and a first setTimeout start: the next tick runs it again", code: purgeJob(EVERY_HOUR), filename: "src/jobs.js" },
    { name: "node-cron's schedule runs a job that awaits the module's own step: the step is the cron's too", code: NIGHTLY, filename: "src/cron.ts" },
    { name: "a CronJob's callback", code: purgeJob('new CronJob("0 * * * *", () => {\n  purgeExpired();\n}).start();'), filename: "src/jobs.js" },
    { name: "the concise body of a timer's arrow (`setInterval(() => purgeExpired(), MS)`): the timer drops what it answers", code: purgeJob("function startTimers() {\n  setInterval(() => purgeExpired(), 60_000);\n}\nmodule.exports = { startTimers };"), filename: "src/jobs.js" },
  ],
  invalid: [
    stillReported("a chat listener calls it too, then answers the user: stays reported", `${EVERY_HOUR}\nclient.on("messageCreate", async (message) => {\n  await purgeExpired();\n  await message.reply("Expired invites removed");\n});`),
    stillReported("awaited at startup as well: stays reported", `${EVERY_HOUR}\nasync function boot() {\n  await purgeExpired();\n}\nboot();`),
    stillReported("exported: another module may await it, stays reported", EVERY_HOUR, "export async function purgeExpired() {"),
    stillReported("only a one-shot setTimeout starts it: nothing runs it again, stays reported", "setTimeout(() => {\n  purgeExpired();\n}, 5_000);"),
    {
      name: "a purge that answers a count (`return 0` when it failed): its caller gets a result to read, stays reported",
      code: COUNTED,
      findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [{ title: "Mark as intentionally ignored…", output: COUNTED.replace("(err) {\n", "(err) {\n    // Intentionally ignored: <reason>\n") }] }],
      output: null,
    },
  ],
});
