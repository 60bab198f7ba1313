import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production records of session 42 (eval/production: formbricks and anything-llm, triaged blind at
// 12764c27), developer prodse42. Hand-written analogues, no fetched code. This table declares only
// the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Prisma service: the "record not found" code mapped to a not-found error, the rest handled after it.
const prismaService = (test: string, rest: string): string => dedent`
  import { prisma } from "./db";
  import { DatabaseError, ResourceNotFoundError } from "./errors";
  import { isPrismaKnownRequestError, PrismaErrorType } from "./prisma-errors";

  export const deleteSource = async (id: string) => {
    try {
      return await prisma.source.delete({ where: { id } });
    } catch (error) {
      if (${test}) {
        throw new ResourceNotFoundError("Source", id);
      }
      ${rest}
    }
  };
`;

const keepsMessage = 'if (isPrismaKnownRequestError(error)) {\n    throw new DatabaseError(error.message);\n  }\n  throw error;';
const fixedRest = prismaService("isPrismaKnownRequestError(error, PrismaErrorType.RecordNotFound)", 'throw new DatabaseError("Database error");');
const familyOnly = prismaService("isPrismaKnownRequestError(error)", "throw error;");
const fieldCode = prismaService("isPrismaKnownRequestError(error, error.code)", "throw error;");

new RuleTester().run(narrowed, {
  valid: [
    prismaService("isPrismaKnownRequestError(error, PrismaErrorType.RecordNotFound)", "throw error;"),
    prismaService("isPrismaKnownRequestError(error, PrismaErrorType.RecordNotFound)", keepsMessage),
    prismaService('isErrorCode(error, "P2025")', "throw error;"),
  ],
  invalid: [
    {
      name: "one code mapped, every other error thrown as a fixed new error: reported",
      code: fixedRest,
      findings: [
        {
          case: "rethrowWithoutCause", line: 8, column: 5, endColumn: 18,
          suggestions: [{ title: "Pass the caught error to DatabaseError as { cause }", output: fixedRest.replace('new DatabaseError("Database error")', 'new DatabaseError("Database error", { cause: error })') }],
        },
      ],
      output: null,
    },
    {
      name: "the family test alone picks out no one error: reported",
      code: familyOnly,
      findings: [{ case: "rethrowWithoutCause", line: 8, column: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: "a code read off the error names no constant: reported",
      code: fieldCode,
      findings: [{ case: "rethrowWithoutCause", line: 8, column: 5, endColumn: 18 }],
      output: null,
    },
  ],
});
