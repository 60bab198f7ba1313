import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production rallly (eval/production, seed 20261238), session 25, developer prodall28: Next.js's
// `after(callback)` runs the callback once the response is sent, with nobody left to answer (as a
// timer or a listener). Hand-written analogues, no fetched code. This table declares only the cases
// its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "emptyErrorHandler", "catchReturnsDefault", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A check-in route that records the instance after answering.
const checkIn = (from: string): string => dedent`
  import { after } from "${from}";

  export async function GET(request: Request) {
    const id = new URL(request.url).searchParams.get("id");
    after(async () => {
      try {
        await prisma.instance.upsert({ where: { id }, create: { id }, update: { seenAt: new Date() } });
      } catch (error) {
        logger.error({ error, id }, "Failed to record the instance");
      }
    });
    return Response.json({ ok: true });
  }
`;

// A session hook that bumps lastSeenAt after the response, as the callback's whole work.
const bump = dedent`
  import { after } from "next/server";

  export const onSessionUpdate = async (session) => {
    after(() =>
      prisma.user.update({ where: { id: session.userId }, data: { lastSeenAt: new Date() } }).catch((error) => {
        logger.error({ error, userId: session.userId }, "Failed to update lastSeenAt");
        return null;
      }),
    );
  };
`;

// A store the answer's id depends on, then a last analytics step: only the last try ends the callback.
const store = dedent`
  import { after } from "next/server";

  export async function POST(request: Request) {
    const id = crypto.randomUUID();
    after(async () => {
      try {
        await storeReport(id, await request.json());
      } catch (error) {
        console.error("report store failed", error);
      }
      try {
        await analytics.track({ event: "report", id });
      } catch (error) {
        console.error("analytics failed", error);
      }
    });
    return Response.json({ id });
  }
`;

// A test's fake proxy ignores errors on the socket it closes (production rallly, nango: the same in tests).
const proxy = dedent`
  export function startProxy(server: Server) {
    server.on("connect", (req, socket) => {
      socket.write("HTTP/1.1 200 Connection Established");
      socket.on("error", () => {});
    });
  }
`;
const logged = proxy.replace('"error", () => {}', '"error", (err) => {\n      console.error("socket error", err);\n    }');
const crashGuard = 'process.on("uncaughtException", () => {});';

// A time-zone helper whose catch answers its own input, with or without a doc saying so.
const tz = (doc: string): string => dedent`
  /** Fold an IANA ID to this runtime's spelling.${doc} */
  export function toRuntimeId(id: string): string {
    try {
      return Intl.DateTimeFormat(undefined, { timeZone: id }).resolvedOptions().timeZone;
    } catch {
      return id;
    }
  }
`;

// A session hook whose after() callback bumps lastSeenAt and reads the answer behind a test of it, or not.
const seen = (use: string): string => dedent`
  import { after } from "next/server";

  export const onSessionCreate = async (session) => {
    after(async () => {
      const user = await prisma.user
        .update({ where: { id: session.userId }, data: { lastSeenAt: new Date() } })
        .catch((error) => {
          logger.error({ error, userId: session.userId }, "Failed to update lastSeenAt");
          return null;
        });
      ${use}
    });
  };
`;
const unguarded = seen("track({ id: session.userId, method: user.lastLoginMethod });");

// A server action's error answer after a log of the error: the tRPC name of a 500 as its code, or a domain code.
const refresh = (code: string): string => dedent`
  export const refreshLicense = action(async () => {
    try {
      return await validateLicense();
    } catch (error) {
      logger.error({ error }, "Failed to refresh license");
      throw new AppError({ code: "${code}", message: "Failed to validate license" });
    }
  });
`;
const withCause = refresh("LICENSE_REFRESH_FAILED").replace('license" });', 'license" }, { cause: error });');

// Its catch's suggestions: a log line with the input, or a comment.
const tzFixes = [
  { title: "Log the error with console", output: tz("").replace("catch {\n", 'catch (err) {\n    console.error("Intl.DateTimeFormat failed in toRuntimeId", { id }, err);\n') },
  { title: "Mark as intentionally ignored…", output: tz("").replace("catch {\n", "catch {\n    // Intentionally ignored: <reason>\n") },
];

// The same documented pass-through whose parameter is changed before the catch answers it.
const tzAliased = tz(" Unknown IDs are returned unchanged.").replace("  try {\n", "  id = ALIASES[id] ?? id;\n  try {\n");

// "Mark as intentionally ignored…": the comment opening the handler that starts with `open`.
const ignored = (code: string, open: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(open, `${open}      // Intentionally ignored: <reason>\n`) });
const elsewhere = bump.replace('"next/server"', '"./jobs"');

new RuleTester().run(narrowed, {
  valid: [
    { code: checkIn("next/server"), filename: "apps/web/src/app/api/updates/route.ts" },
    { code: bump, filename: "apps/web/src/lib/auth.ts" },
    { code: proxy, filename: "apps/web/src/lib/outbound-proxy.test.ts" },
    { code: tz(" Unknown IDs are returned unchanged."), filename: "apps/web/src/lib/utils/timezone.ts" },
    { code: tz(" Unknown IDs are returned unchanged.").replace("export function toRuntimeId(id: string): string {", "export default (id: string): string => {").replace(/\}$/, "};"), filename: "apps/web/src/lib/utils/timezone.ts" },
    { code: refresh("INTERNAL_SERVER_ERROR"), filename: "apps/web/src/features/licensing/actions.ts" },
    { code: seen("if (user && !user.isAnonymous) track({ id: session.userId, method: user.lastLoginMethod });"), filename: "apps/web/src/lib/auth.ts" },
  ],
  invalid: [
    {
      name: "an after() of another module is no Next.js callback",
      code: checkIn("./jobs"),
      filename: "apps/web/src/app/api/updates/route.ts",
      findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 20, endLine: 8, suggestions: [{ title: "Rethrow the error", output: checkIn("./jobs").replace('instance");\n', 'instance");\n      throw error;\n') }, ignored(checkIn("./jobs"), "(error) {\n")] }],
      output: null,
    },
    {
      name: "a try before the callback's last step does not end it",
      code: store,
      filename: "apps/web/src/app/api/report/route.ts",
      findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 20, endLine: 8, suggestions: [ignored(store, "(error) {\n")] }],
      output: null,
    },
    {
      name: "a .catch in an after() of another module stays reported",
      code: elsewhere,
      filename: "apps/web/src/lib/auth.ts",
      findings: [{ case: "promiseCatchLogOnly", line: 5, column: 99, endColumn: 6, endLine: 8, suggestions: [ignored(elsewhere, "(error) => {\n")] }],
      output: null,
    },
    {
      name: "the same empty error listener outside a test is reported",
      code: proxy,
      filename: "apps/web/src/lib/outbound-proxy.ts",
      findings: [
        {
          case: "emptyErrorHandler", line: 4, column: 24, endColumn: 32,
          suggestions: [
            { title: "Log the error with console", output: logged },
            { title: "Mark as intentionally ignored…", output: proxy.replace('"error", () => {}', '"error", () => {\n      // Intentionally ignored: <reason>\n    }') },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a process-level handler in a test stays reported",
      code: crashGuard,
      filename: "apps/web/src/lib/outbound-proxy.test.ts",
      findings: [
        {
          case: "emptyErrorHandler", line: 1, column: 33, endColumn: 41,
          suggestions: [
            { title: "Log the error with console", output: 'process.on("uncaughtException", (err) => {\n  console.error("uncaughtException", err);\n});' },
            { title: "Log with console and exit", output: 'process.on("uncaughtException", (err) => {\n  console.error("uncaughtException", err);\n  process.exit(1);\n});' },
            { title: "Mark as intentionally ignored…", output: 'process.on("uncaughtException", () => {\n  // Intentionally ignored: <reason>\n});' },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the same catch without a doc saying so is reported",
      code: tz(""),
      filename: "apps/web/src/lib/utils/timezone.ts",
      findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: tzFixes }],
      output: null,
    },
    {
      name: "a documented pass-through whose parameter was reassigned answers another value",
      code: tzAliased,
      filename: "apps/web/src/lib/utils/timezone.ts",
      findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: [
        { title: "Log the error with console", output: tzAliased.replace("catch {\n", 'catch (err) {\n    console.error("Intl.DateTimeFormat failed in toRuntimeId", { id }, err);\n') },
        { title: "Mark as intentionally ignored…", output: tzAliased.replace("catch {\n", "catch {\n    // Intentionally ignored: <reason>\n") },
      ] }],
      output: null,
    },
    {
      name: "a project's error with a domain code after the log keeps nothing of the cause",
      code: refresh("LICENSE_REFRESH_FAILED"),
      filename: "apps/web/src/features/licensing/actions.ts",
      findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 18, suggestions: [{ title: "Pass the caught error to AppError as { cause }", output: withCause }] }],
      output: null,
    },
    {
      name: "an after() callback that reads the answer with no test of it",
      code: unguarded,
      filename: "apps/web/src/lib/auth.ts",
      findings: [{ case: "promiseCatchLogOnly", line: 7, column: 14, endColumn: 8, endLine: 10, suggestions: [{ title: "Mark as intentionally ignored…", output: unguarded.replace("(error) => {\n", "(error) => {\n        // Intentionally ignored: <reason>\n") }] }],
      output: null,
    },
  ],
});
