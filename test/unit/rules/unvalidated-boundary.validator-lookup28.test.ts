import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 28, developer ub28b. Hand-written rows.

// A method named for validating that, read one hop away, first loads a record by the value it is handed
// (Passport's `validateUser(email, password)`: `this.prisma.user.findUnique({ where: { email } })`;
// jteesang/argandici-repro api/src/auth/auth.controller.ts:12, labelled a finding: "body.email goes straight
// into prisma.user.findUnique") is a lookup, not a check: reported like any imported function's unsafe use.
// One that checks the value first, or an ownership check whose query also names the signed-in user, stays a check.
const NEST_FILES = (body: string) => ({
  "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }',
  "src/auth/auth.service.ts": dedent`
    import { Injectable, UnauthorizedException } from "@nestjs/common";
    import { PrismaService } from "../prisma/prisma.service";
    @Injectable()
    export class AuthService {
      constructor(private prisma: PrismaService) {}
      async validateUser(email: string, password: string) {
        ${body}
        if (!user) throw new UnauthorizedException("Email incorrect");
        return user;
      }
    }
  `,
});
const LOOKUP = "const user = await this.prisma.user.findUnique({ where: { email } });";
const CHECKED = 'if (typeof email !== "string" || !/^[^@]+@[^@]+$/.test(email)) throw new UnauthorizedException("Email incorrect");\n  const user = await this.prisma.user.findUnique({ where: { email } });';
const CONTROLLER = (param: string, call: string) => dedent`
  import { Body, Controller, Post } from "@nestjs/common";
  import { AuthService } from "./auth.service";
  @Controller("auth")
  export class AuthController {
    constructor(private readonly authService: AuthService) {}
    @Post("login")
    async login(${param}) {
      return this.authService.validateUser(${call});
    }
  }
`;
const BODY_LITERAL = CONTROLLER("@Body() body: { email: string; password: string }", "body.email, body.password");
const BODY_KEYED = CONTROLLER('@Body("email") email: string, @Body("password") password: string', "email, password");

// An ownership check of the project (skate-ai-2 lib/auth.ts `validateStudyOwnership`, the routes labelled clean
// debatable: round 27's look-up-first decision): its query names the signed-in user besides the id.
const OWNERSHIP = dedent`
  import { NextResponse } from "next/server";
  import { validateStudyOwnership } from "@/lib/auth";
  export async function GET(req: Request, context: { params: Promise<{ studyId: string }> }) {
    const params = await context.params;
    const isOwner = await validateStudyOwnership(params.studyId);
    if (!isOwner) return NextResponse.json({ error: "Study not found" }, { status: 404 });
    return NextResponse.json({ ok: true });
  }
`;
const AUTH_LIB = (where: string) => ({
  "lib/auth.ts": dedent`
    export async function validateStudyOwnership(studyId: string): Promise<boolean> {
      const userId = await getCurrentUserId();
      if (!userId) return false;
      const study = await prisma.study.findFirst({ where: ${where} });
      return study !== null;
    }
  `,
});

const valid: ValidCase[] = [
  { name: "nestDecorator: a validate-named method that checks the field before its lookup", code: BODY_LITERAL, filename: "src/auth/auth.controller.ts", files: NEST_FILES(CHECKED) },
  { name: "nextAppRequest: an ownership check whose query also names the signed-in user", code: OWNERSHIP, filename: "app/api/studies/[studyId]/route.ts", files: AUTH_LIB("{ id: studyId, userId }") },
];
const invalid: InvalidCase[] = [
  {
    name: "nestDecorator: a type-literal body's field handed to a validate-named method that loads the user by it",
    code: BODY_LITERAL,
    filename: "src/auth/auth.controller.ts",
    files: NEST_FILES(LOOKUP),
    findings: [{ case: "nestDecorator", line: 7, column: 15, endColumn: 22, suggestions: [mark(BODY_LITERAL, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "nestDecorator: a keyed @Body value handed so",
    code: BODY_KEYED,
    filename: "src/auth/auth.controller.ts",
    files: NEST_FILES(LOOKUP),
    findings: [{ case: "nestDecorator", line: 7, column: 15, endColumn: 29, suggestions: [mark(BODY_KEYED, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "nextAppRequest: the same check by the id alone is a lookup",
    code: OWNERSHIP,
    filename: "app/api/studies/[studyId]/route.ts",
    files: AUTH_LIB("{ id: studyId }"),
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 38, suggestions: [mark(OWNERSHIP, "nextAppRequest", 4)] }],
    output: null,
  },
];
runWithNamedCases(valid, invalid);
