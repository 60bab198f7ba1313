import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production Hexabot (session 43, prodse43): a parse of the function's own input whose catch leaves by the very
// statement the try falls through to (probes.ts). Hand-written analogues, no fetched code. This table declares only
// the case its invalid rows name.
const named = new Set(["catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const parseBody = (input: string, answer: string, after = "return body;"): string => dedent`
  export function parseBody(body: string): string | Record<string, unknown> {
    ${input}
    if (!trimmed) {
      return body;
    }
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (parsed !== null && typeof parsed === "object") {
        return parsed as Record<string, unknown>;
      }
    } catch {
      ${answer}
    }
    ${after}
  }
`;

// The two suggestions of a `catchReturnsDefault` whose catch answers `answer` in `parseBody`.
const defaultFixes = (code: string, answer: string) => [
  { title: "Log the error with console", output: code.replace(`} catch {\n    ${answer}`, `} catch (err) {\n    console.error("JSON.parse failed in parseBody", err);\n    ${answer}`) },
  { title: "Mark as intentionally ignored…", output: code.replace(`} catch {\n    ${answer}`, `} catch {\n    // Intentionally ignored: <reason>\n    ${answer}`) },
];

const otherAnswer = parseBody("const trimmed = body.trim();", "return {};");
const otherAfter = parseBody("const trimmed = body.trim();", "return body;", "return trimmed;");

new RuleTester().run(narrowed, {
  valid: [
    parseBody("const trimmed = body.trim();", "return body;"),
    parseBody("const trimmed = body;", "return body;"),
    parseBody("const trimmed = body.toLowerCase();", 'console.warn("not JSON");\n    return body;'),
  ],
  invalid: [
    {
      name: "a made-up empty object where the try falls through to the input: reported",
      code: otherAnswer,
      findings: [{ case: "catchReturnsDefault", line: 11, column: 5, endColumn: 10, suggestions: defaultFixes(otherAnswer, "return {};") }],
      output: null,
    },
    {
      name: "the catch answers another value than the statement after the try: reported",
      code: otherAfter,
      findings: [{ case: "catchReturnsDefault", line: 11, column: 5, endColumn: 10, suggestions: defaultFixes(otherAfter, "return body;") }],
      output: null,
    },
  ],
});

// Production Hexabot's YAML editor: an empty catch around a validation by an object of a compute-only package's class
// (pure-try.ts), as around `new URL(s)`.
const namedEmpty = new Set(["emptyCatch", "logAndContinue"]);
const narrowedEmpty = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedEmpty.has(id))) } as typeof swallowedException;

const validation = (imports: string, made: string): string => dedent`
  ${imports}

  const schemaValidator = ${made};

  export const validateSection = (instance: unknown, schema: Schema, markers: string[]) => {
    let result;
    try {
      result = schemaValidator.validate(instance, schema, { nestedErrors: true });
    } catch {
      return;
    }
    result.errors.forEach((error) => markers.push(error.message));
  };
`;

// The fixes of the empty catch in `validateSection`.
const emptyFixes = (code: string) => [
  { title: "Log with console and rethrow", output: code.replace("} catch {\n    return;", '} catch (err) {\n    console.error("schemaValidator.validate failed in validateSection", err);\n    throw err;') },
  { title: "Mark as intentionally ignored…", output: code.replace("} catch {\n    return;", "} catch {\n    // Intentionally ignored: <reason>\n    return;") },
];

const emptyLogged = (code: string): string => code.replace("} catch {\n    return;", '} catch (err) {\n    console.error("schemaValidator.validate failed in validateSection", err);\n    return;');

const projectClass = validation('import { type Schema, Validator } from "./remote-validator";', "new Validator()");
const madeByCall = validation('import { type Schema, Validator } from "jsonschema";', "createValidator(Validator)");

const loggedProjectClass = emptyLogged(projectClass);

new RuleTester().run(narrowedEmpty, {
  valid: [validation('import { type Schema, Validator } from "jsonschema";', "new Validator()")],
  invalid: [
    {
      name: "the same catch once logged: still reported, as a log-only catch",
      code: loggedProjectClass,
      findings: [
        {
          case: "logAndContinue", line: 9, column: 5, endColumn: 16,
          suggestions: [
            { title: "Rethrow the error", output: loggedProjectClass.replace("err);\n    return;", "err);\n    throw err;") },
            { title: "Mark as intentionally ignored…", output: loggedProjectClass.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a validator class of the project's own module: reported",
      code: projectClass,
      findings: [{ case: "emptyCatch", line: 9, column: 11, endLine: 11, endColumn: 4, suggestions: emptyFixes(projectClass) }],
      output: emptyLogged(projectClass),
    },
    {
      name: "a validator a call makes: reported",
      code: madeByCall,
      findings: [{ case: "emptyCatch", line: 9, column: 11, endLine: 11, endColumn: 4, suggestions: emptyFixes(madeByCall) }],
      output: emptyLogged(madeByCall),
    },
  ],
});

// Production Hexabot's local sign-in guard: NestJS's `ModuleRef.get` of an optional provider, whose throw is its
// "not registered" (module-ref.ts), answered `undefined` like Prisma's `findUniqueOrThrow` answered `null`.
const namedDefault = new Set(["catchReturnsDefault"]);
const narrowedDefault = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedDefault.has(id))) } as typeof swallowedException;

const guard = (imports: string, lookup: string): string => dedent`
  import { Injectable } from "@nestjs/common";
  ${imports}
  import { AuditLogService } from "./audit-log.service";

  @Injectable()
  export class LocalAuthGuard {
    constructor(private readonly moduleRef: ModuleRef) {}

    private resolveAuditLogService(): AuditLogService | undefined {
      try {
        return ${lookup};
      } catch {
        return undefined;
      }
    }
  }
`;

const resolved = guard('import { ModuleRef } from "@nestjs/core";', "this.moduleRef.resolve(AuditLogService)");
const notNest = guard('import { ModuleRef } from "./container";', "this.moduleRef.get(AuditLogService, { strict: false })");
// The two suggestions of the catch in `resolveAuditLogService`, whose one call is `call`.
const guardFixes = (code: string, call: string) => [
  { title: "Log the error with console", output: code.replace("} catch {\n", `} catch (err) {\n      console.error("${call} failed in LocalAuthGuard.resolveAuditLogService", err);\n`) },
  { title: "Mark as intentionally ignored…", output: code.replace("} catch {\n", "} catch {\n      // Intentionally ignored: <reason>\n") },
];

new RuleTester().run(narrowedDefault, {
  valid: [guard('import { ModuleRef } from "@nestjs/core";', "this.moduleRef.get(AuditLogService, { strict: false })")],
  invalid: [
    {
      name: "a scoped provider built by resolve can fail in its constructor: reported",
      code: resolved,
      findings: [{ case: "catchReturnsDefault", line: 12, column: 7, endColumn: 12, suggestions: guardFixes(resolved, "moduleRef.resolve") }],
      output: null,
    },
    {
      name: "a container the project wrote itself: reported",
      code: notNest,
      findings: [{ case: "catchReturnsDefault", line: 12, column: 7, endColumn: 12, suggestions: guardFixes(notNest, "moduleRef.get") }],
      output: null,
    },
  ],
});

// Production Hexabot's MCP client pool: a teardown step of NestJS's `onModuleDestroy` run for each pooled client in a
// `.map` callback (no-caller.ts), as a step of the hook itself.
const namedLog = new Set(["logAndContinue"]);
const narrowedLog = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedLog.has(id))) } as typeof swallowedException;

const pool = (method: string, step: string): string => dedent`
  import { Injectable, Logger } from "@nestjs/common";

  @Injectable()
  export class ClientPool {
    private readonly logger = new Logger(ClientPool.name);
    private readonly clients = new Map<string, { close(): Promise<void>; flush(): Promise<void> }>();

    async ${method}(): Promise<void> {
      const entries = Array.from(this.clients.entries());
      this.clients.clear();
      await Promise.allSettled(
        entries.map(async ([id, client]) => {
          try {
            ${step}
          } catch (error) {
            this.logger.warn(\`Unable to close client \${id}\`, error);
          }
        }),
      );
    }
  }
`;

const notAHook = pool("refresh", "await client.close();");
const flushes = pool("onModuleDestroy", "await client.flush();");
// The suggestion of the log-only catch in `ClientPool.<method>` (no rethrow after a `warn`).
const poolFixes = (code: string) => [
  { title: "Mark as intentionally ignored…", output: code.replace("} catch (error) {\n", "} catch (error) {\n          // Intentionally ignored: <reason>\n") },
];

new RuleTester().run(narrowedLog, {
  valid: [pool("onModuleDestroy", "await client.close();"), pool("beforeApplicationShutdown", "await client.close();")],
  invalid: [
    {
      name: "the same step in a method that is no shutdown hook: reported",
      code: notAHook,
      findings: [{ case: "logAndContinue", line: 15, column: 11, endColumn: 24, suggestions: poolFixes(notAHook) }],
      output: null,
    },
    {
      name: "a hook's step that does other work than releasing: reported",
      code: flushes,
      findings: [{ case: "logAndContinue", line: 15, column: 11, endColumn: 24, suggestions: poolFixes(flushes) }],
      output: null,
    },
  ],
});

// Production Hexabot's MCP result drawer: a function named for rendering a message answers "" for a value it cannot
// render (cases.ts, the display-string exemption).
const render = (name: string): string => dedent`
  export const ${name} = (value: unknown): string => {
    if (typeof value === "string") {
      return value;
    }
    if (typeof value === "object" && value !== null) {
      try {
        return JSON.stringify(value, null, 2);
      } catch {
        return "";
      }
    }
    return "";
  };
`;

const payload = render("toErrorPayload");

new RuleTester().run(narrowedDefault, {
  valid: [render("toErrorMessage"), render("toUserMessage")],
  invalid: [
    {
      name: "a function not named for a message: reported",
      code: payload,
      findings: [
        {
          case: "catchReturnsDefault", line: 8, column: 7, endColumn: 12,
          suggestions: [
            { title: "Log the error with console", output: payload.replace("} catch {\n", '} catch (err) {\n      console.error("JSON.stringify failed in toErrorPayload", err);\n') },
            { title: "Mark as intentionally ignored…", output: payload.replace("} catch {\n", "} catch {\n      // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
  ],
});

// Production Hexabot's HTTP request action: a response body that does not parse is kept as its raw text, where the
// try puts the parse of its trimmed spelling; the catch words its log line in a `const` first (intent.ts, log-wording.ts).
const readBody = (fallback: string, input = "responseData.trim()"): string => dedent`
  export function readBody(responseData: string, url: string, logger: { warn(m: string, meta?: unknown): void }) {
    let body: unknown = "";
    const trimmed = ${input};
    if (trimmed) {
      try {
        body = JSON.parse(trimmed);
      } catch (error) {
        const message = error instanceof Error ? error.message : "Invalid JSON response";
        logger.warn(\`JSON parse failed for \${url}\`, { error: message });
        ${fallback}
      }
    }
    return body;
  }
`;

const madeUp = readBody("body = {};");
const otherInput = readBody("body = responseData;", "stripBom(responseData)");
// The suggestion of the log-only catch in `readBody` (no rethrow after a `warn`).
const readBodyFixes = (code: string) => [
  { title: "Mark as intentionally ignored…", output: code.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
];

new RuleTester().run(narrowedLog, {
  valid: [readBody("body = responseData;")],
  invalid: [
    {
      name: "a made-up empty object in place of the raw text: reported",
      code: madeUp,
      findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 20, suggestions: readBodyFixes(madeUp) }],
      output: null,
    },
    {
      name: "the parse of a text another call made from the raw one: reported",
      code: otherInput,
      findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 20, suggestions: readBodyFixes(otherInput) }],
      output: null,
    },
  ],
});

// Production Hexabot's web channel: a per-socket queue whose tail field only ever holds a chain ending in its own
// handler (here one that hands the error on); the no-op handler put on the tail before the next link drops nothing (queue-tail.ts).
const namedNoop = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowedNoop = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => namedNoop.has(id))) } as typeof swallowedException;

const queue = (start: string, elsewhere = ""): string => dedent`
  type SocketData = { queue?: Promise<void> };

  export function enqueue(data: SocketData, dispatch: () => Promise<void>, events: { emit(name: string, e: unknown): void }): void {
    const previous = data.queue ?? ${start};
    const next = previous
      .catch(() => undefined)
      .then(() => dispatch())
      .catch((err) => {
        events.emit("error", err);
      });
    data.queue = next;${elsewhere}
  }
`;

const otherStart = queue("loadBacklog()");
const rawTail = queue("Promise.resolve()", "\n  data.queue = dispatch();");
// The two suggestions of the tail's no-op handler in `enqueue`, and its safe fix (the log line).
const tailFixes = (code: string) => [
  { title: "Rethrow in the handler after logging", output: code.replace(".catch(() => undefined)", '.catch((err) => {\n      console.error("previous failed in enqueue", err);\n      throw err;\n    })') },
  { title: "Mark as intentionally ignored…", output: code.replace(".catch(() => undefined)", ".catch(() => /* Intentionally ignored: <reason> */ undefined)") },
];
const tailLogged = (code: string): string => code.replace(".catch(() => undefined)", '.catch((err) => {\n      console.error("previous failed in enqueue", err);\n      return undefined;\n    })');

const loggedStart = tailLogged(otherStart);

new RuleTester().run(narrowedNoop, {
  valid: [queue("Promise.resolve()")],
  invalid: [
    {
      name: "the fixed handler that logs and answers undefined: still reported, as a log-only handler",
      code: loggedStart,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 6, column: 12, endLine: 9, endColumn: 6,
          suggestions: [{ title: "Mark as intentionally ignored…", output: loggedStart.replace("(err) => {\n      console.error", "(err) => {\n      // Intentionally ignored: <reason>\n      console.error") }],
        },
      ],
      output: null,
    },
    {
      name: "a tail that starts from work that can fail: reported",
      code: otherStart,
      findings: [{ case: "promiseCatchNoop", line: 6, column: 12, endColumn: 27, suggestions: tailFixes(otherStart) }],
      output: tailLogged(otherStart),
    },
    {
      name: "a tail field also given a chain with no handler: reported",
      code: rawTail,
      findings: [{ case: "promiseCatchNoop", line: 6, column: 12, endColumn: 27, suggestions: tailFixes(rawTail) }],
      output: tailLogged(rawTail),
    },
  ],
});
