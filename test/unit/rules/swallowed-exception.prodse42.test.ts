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

// formbricks' license fetch: a side handler on `p.finally(…)`, then `p` returned (side-finally.ts).
const namedSide = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowedSide = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedSide.has(id))) } as typeof swallowedException;

const license = (cleanUp: string, tail: string): string => dedent`
  import { fetchLicense } from "./license-server";

  let pending: Promise<string | null> | null = null;

  export const getLicense = async (): Promise<string | null> => {
    if (pending) return pending;
    const p = fetchLicense();
    pending = p;
    p.finally(${cleanUp}).catch(() => {});
    ${tail}
  };
`;

const notReturned = license("() => { pending = null; }", "return null;");
const callingFinally = license("() => refresh()", "return p;");
const loggedNotReturned = license("() => refresh()", "return null;").replace(".catch(() => {});", ".catch((e) => console.error(e));");

new RuleTester().run(narrowedSide, {
  valid: [license("() => { pending = null; }", "return p;")],
  invalid: [
    {
      name: "the promise is not handed on after the side handler: reported",
      code: notReturned,
      findings: [
        {
          case: "promiseCatchNoop", line: 9, column: 46, endColumn: 54,
          suggestions: [{ title: "Mark as intentionally ignored…", output: notReturned.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") }],
        },
      ],
      output: notReturned.replace(".catch(() => {});", '.catch((err) => {\n    console.error("p failed in getLicense", err);\n  });'),
    },
    {
      name: "a finally callback that calls something can reject on its own: reported",
      code: callingFinally,
      findings: [
        {
          case: "promiseCatchNoop", line: 9, column: 36, endColumn: 44,
          suggestions: [{ title: "Mark as intentionally ignored…", output: callingFinally.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") }],
        },
      ],
      output: callingFinally.replace(".catch(() => {});", '.catch((err) => {\n    console.error("p failed in getLicense", err);\n  });'),
    },
    {
      name: "a log-only handler after a finally that calls something, the promise not handed on: reported",
      code: loggedNotReturned,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 9, column: 36, endColumn: 59,
          suggestions: [{ title: "Mark as intentionally ignored…", output: loggedNotReturned.replace(".catch((e) => ", ".catch((e) => /* Intentionally ignored: <reason> */ ") }],
        },
      ],
      output: null,
    },
  ],
});

// formbricks' gateway and route helpers: a failure answer built by a response helper (answer-builder.ts).
const namedAnswer = new Set(["catchReturnsDefault", "partialErrorCheck"]);
const narrowedAnswer = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedAnswer.has(id))) } as typeof swallowedException;

const gateway = (answer: string): string => dedent`
  import { buildGatewayStatusResponse, buildUrl } from "./gateway";

  export const parseForwarded = (request: Request, uri: string): { url: string } | { errorResponse: Response } => {
    try {
      return { url: buildUrl(request, uri) };
    } catch {
      return { errorResponse: ${answer} };
    }
  };
`;

const route = (otherwise: string): string => dedent`
  import { responses } from "./responses";
  import { parseJsonBody, RequestBodyTooLargeError } from "./body";

  export async function POST(req: Request) {
    let input;
    try {
      input = await parseJsonBody(req);
    } catch (error) {
      if (error instanceof RequestBodyTooLargeError) {
        return { response: responses.payloadTooLargeResponse("Payload Too Large") };
      }
      return ${otherwise};
    }
    return { response: responses.successResponse(input) };
  }
`;

const okStatus = gateway('buildGatewayStatusResponse(200, "ok")');
const successOtherwise = route("{ response: responses.successResponse({}) }");

new RuleTester().run(narrowedAnswer, {
  valid: [
    gateway('buildGatewayStatusResponse(400, "Invalid original request URI")'),
    route('{ response: responses.badRequestResponse("Malformed JSON input") }'),
    route('responses.badRequestResponse("Malformed JSON input")'),
  ],
  invalid: [
    {
      name: "a builder given a success status answers no failure: reported",
      code: okStatus,
      findings: [
        {
          case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10,
          suggestions: [
            { title: "Log the error with console", output: okStatus.replace("} catch {\n", '} catch (err) {\n    console.error("buildUrl failed in parseForwarded", err);\n') },
            { title: "Mark as intentionally ignored…", output: okStatus.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "the other errors answered as a success: reported",
      code: successOtherwise,
      findings: [
        {
          case: "partialErrorCheck", line: 8, column: 5, endColumn: 18,
          suggestions: [
            { title: "Rethrow the errors the check does not expect", output: successOtherwise.replace("    return { response: responses.successResponse({}) };\n", "    throw error;\n") },
            { title: "Mark as intentionally ignored…", output: successOtherwise.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: successOtherwise.replace("    return { response: responses.successResponse({}) };\n", '    console.error("parseJsonBody failed in POST", error);\n    return { response: responses.successResponse({}) };\n'),
    },
  ],
});

// anything-llm's pricing cache: a private method whose try ends its own failures, started in the
// constructor behind a `.then` that only logs (handled-inside.ts: private methods, a plain `.then`).
const namedPrivate = new Set(["promiseCatchLogOnly"]);
const narrowedPrivate = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedPrivate.has(id))) } as typeof swallowedException;

const pricing = (then: string): string => dedent`
  export class Pricing {
    #data = null;

    constructor() {
      this.#refresh()
        .then(${then})
        .catch((err) => console.error("Background refresh failed:", err?.message));
    }

    apply() {
      return this.#data;
    }

    async #refresh() {
      try {
        const res = await fetch("https://example.com/pricing.json");
        this.#data = await res.json();
      } catch (error) {
        // A stale cache is served until the next refresh.
        console.error("Error syncing pricing data", error?.message);
      }
    }
  }
`;

const callingThen = pricing("() => this.apply().size");

new RuleTester().run(narrowedPrivate, {
  valid: [pricing('() => {\n    if (this.#data) console.log("Pre-cached pricing data");\n  }')],
  invalid: [
    {
      name: "a .then that calls something can throw into the handler: reported",
      code: callingThen,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 7, column: 14, endColumn: 80,
          suggestions: [{ title: "Mark as intentionally ignored…", output: callingThen.replace(".catch((err) => ", ".catch((err) => /* Intentionally ignored: <reason> */ ") }],
        },
      ],
      output: null,
    },
  ],
});
