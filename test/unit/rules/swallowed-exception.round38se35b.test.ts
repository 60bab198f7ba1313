import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a request body read with a `null` fallback and then destructured
// from `body ?? {}` (the retired held round 38's create-user-profile route, decided clean): a body
// that does not parse reads as an empty one, whose missing fields the handler answers with a 400,
// as `req.json().catch(() => ({}))` does (held round 37: a null body read only through optional
// links). A fallback with made-up fields stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Next.js route handler (held round 38).
const nextRoute = (fallback: string): string => dedent`
  export async function POST(request: Request) {
    try {
      const body = await request.json().catch(() => null);
      const { userId, username, email } = body ${fallback};
      if (!userId || !username || !email) {
        return Response.json({ error: "Missing required fields" }, { status: 400 });
      }
      await createProfile(userId, username, email);
      return Response.json({ success: true });
    } catch (error) {
      console.error("Server error:", error);
      return Response.json({ error: "Internal server error" }, { status: 500 });
    }
  }
`;
const orEmpty = nextRoute("?? {}");
const madeUp = nextRoute('?? { userId: "guest", username: "guest", email: "guest@example.com" }');
// The safe fix's log in the handler: the made-up fields stay.
const madeUpLogged = madeUp.replace("catch(() => null)", 'catch((err) => {\n      console.error("request.json failed in POST", err);\n      return null;\n    })');

// Hono, hand-written: `||` and a cast.
const hono = dedent`
  app.post("/invites", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const { email, role } = (body || {}) as { email?: string; role?: string };
    if (typeof email !== "string") return c.json({ error: "email required" }, 400);
    await invites.create(email, role ?? "member");
    return c.json({ ok: true }, 201);
  });
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a null body destructured from `body ?? {}` (held round 38)", code: orEmpty, filename: "app/api/create-user-profile/route.ts" },
    { name: "Hono: an undefined body destructured from `(body || {}) as …`", code: hono, filename: "src/routes/invites.ts" },
  ],
  invalid: [
    { name: "a null body replaced by made-up fields", code: madeUp, filename: "app/api/create-user-profile/route.ts", findings: [{ case: "promiseCatchNoop", line: 3, column: 45, endColumn: 55, suggestions: [
      { title: "Mark as intentionally ignored…", output: madeUp.replace("() => null", "() => /* Intentionally ignored: <reason> */ null") },
    ] }], output: madeUpLogged },
    { name: "a null body replaced by made-up fields, the failure logged", code: madeUpLogged, filename: "app/api/create-user-profile/route.ts", findings: [{ case: "promiseCatchLogOnly", line: 3, column: 45, endLine: 6, endColumn: 6, suggestions: [{ title: "Mark as intentionally ignored…", output: madeUpLogged.replace("      console.error(\"request.json", "      // Intentionally ignored: <reason>\n      console.error(\"request.json") }] }], output: null },
  ],
});
