import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33c: a body destructured before it is validated whole.
// Hand-written rows.

// Joi projects: no Zod fix is offered, only the directive.
const HONO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"hono\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const NEXT = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"^15.0.0\", \"joi\": \"^17.0.0\" } }\n" };

// The body's fields destructured the line before the whole body is handed to a schema whose failure ends the
// request: nothing reaches a sink until the check has passed (new-medium-pro blog.ts:95, user.ts:72, labelled clean
// debatable). A check after the sink, or one whose answer nobody reads, decides nothing.
const POST = (check: string) => dedent`
  import { Hono } from "hono";
  const blogRouter = new Hono();
  blogRouter.post("/", async (c) => {
    const body = await c.req.json();
    const { title, content } = body;
    ${check}
    const post = await prisma.post.create({ data: { title: title, content: content } });
    return c.json({ id: post.id });
  });
  export default blogRouter;
`;
// Another shape: a Next.js route handler, the fields taken one by one, the schema's parse throwing.
const ROUTE = (check: string) => dedent`
  import { NextResponse } from "next/server";
  export async function POST(request: Request) {
    const payload = await request.json();
    const { email } = payload;
    ${check}
    await db.insert(subscribers).values({ email });
    return NextResponse.json({ ok: true });
  }
`;

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("honoRequest: fields destructured, then the body safeParse'd and the failure answered", POST("const suc = createPostInput.safeParse(body);\n  if (!suc.success) {\n    return c.text(\"invalid input\", 400);\n  }"), "src/route/blog.ts", HONO),
  ok("nextAppRequest: a field taken, then the payload parsed by a throwing schema", ROUTE("SubscribeSchema.parse(payload);"), "app/api/subscribe/route.ts", NEXT),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("honoRequest: the body checked only after the create", POST("await audit(title);").replace("return c.json({ id: post.id });", "const suc = createPostInput.safeParse(body);\n  return c.json({ id: post.id, ok: suc.success });"), "src/route/blog.ts", HONO, "honoRequest", 4, 22, 34),
  row("honoRequest: a safeParse whose answer nobody reads", POST("createPostInput.safeParse(body);"), "src/route/blog.ts", HONO, "honoRequest", 4, 22, 34),
  row("nextAppRequest: no check at all", ROUTE(""), "app/api/subscribe/route.ts", NEXT, "nextAppRequest", 3, 25, 39),
];

runWithNamedCases(valid, invalid);
