import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 28's fix review (fixerr28): "Pass the caught error to <Class> as { cause }" only where the
// project's error class takes `{ cause }` (log-arity.ts's lookup of the file and the project modules
// it imports). Hand-written rows; this table declares only the case its rows name.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const loadUser = (head: string, thrown = 'new AppError("Load of user failed")'): string => dedent`
  ${head}

  export async function loadUser(id: string) {
    try {
      return await fetchUser(id);
    } catch (err) {
      throw ${thrown};
    }
  }
`;

const errorsFile = (text: string): Record<string, string> => ({ "src/lib/errors.ts": `${text}\n` });

/** The finding on `loadUser(head)`'s throw, with the cause suggestion (`withCause`: its output) or none. */
function causeRow(name: string, head: string, files: Record<string, string>, withCause: boolean, thrown?: string): InvalidCase {
  const code = loadUser(head, thrown);
  const line = code.split("\n").findIndex((l) => l.includes("} catch (err) {")) + 1;
  const fixed = thrown && !thrown.endsWith(")") ? code.replace(`throw ${thrown};`, `throw ${thrown}(undefined, { cause: err });`) : code.replace('failed");\n', 'failed", { cause: err });\n');
  const cls = /new (\w+)/.exec(thrown ?? "new AppError")![1]!;
  return {
    name,
    code,
    filename: "src/users.ts",
    files,
    findings: [{ case: "rethrowWithoutCause", line, column: 5, endColumn: 16, ...(withCause ? { suggestions: [{ title: `Pass the caught error to ${cls} as { cause }`, output: fixed }] } : {}) }],
    output: null,
  };
}

const ONE_PARAM = errorsFile(dedent`
  export class AppError extends Error {
    constructor(message: string) {
      super(message);
    }
  }
`);
const OPTIONS = errorsFile(dedent`
  export class AppError extends Error {
    constructor(message: string, options?: ErrorOptions) {
      super(message, options);
    }
  }
`);
const CAUSE_FIELD = errorsFile(dedent`
  interface AppErrorOptions { code?: string; cause?: unknown }
  export class AppError extends Error {
    constructor(message: string, options: AppErrorOptions = {}) {
      super(message, { cause: options.cause });
    }
  }
`);
const CLOSED_OPTIONS = errorsFile(dedent`
  export class AppError extends Error {
    constructor(message: string, options?: { code: string }) {
      super(message);
    }
  }
`);
const CODE_SECOND = errorsFile(dedent`
  export class AppError extends Error {
    constructor(message: string, public readonly code = "INTERNAL") {
      super(message);
    }
  }
`);
const EMPTY_DEFAULT = errorsFile(dedent`
  export class AppError extends Error {
    constructor(message: string, options = {}) {
      super(message, options);
    }
  }
`);
const NO_CTOR = errorsFile(dedent`
  export class AppError extends Error {
    readonly code = "INTERNAL";
  }
`);
const PARENT_ONE_PARAM = errorsFile(dedent`
  class BaseError extends Error {
    constructor(message: string) {
      super(message);
    }
  }
  export class AppError extends BaseError {}
`);
const REST_ARGS = errorsFile(dedent`
  export class AppError extends Error {
    constructor(...args: ConstructorParameters<typeof Error>) {
      super(...args);
    }
  }
`);
const UNTYPED = { "src/lib/errors.js": "export class AppError extends Error {\n  constructor(message, options) {\n    super(message, options);\n  }\n}\n" };
const UNTYPED_ONE = { "src/lib/errors.js": "export class AppError extends Error {\n  constructor(message) {\n    super(message);\n  }\n}\n" };

const IMPORT = 'import { AppError } from "./lib/errors";';
const ALIAS = 'import { AppError } from "@/lib/errors";';

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    causeRow("a project class whose constructor takes only (message: string): no { cause } suggestion (TS2554)", IMPORT, ONE_PARAM, false),
    causeRow("the same class imported under @/: no { cause } suggestion", ALIAS, ONE_PARAM, false),
    causeRow("the same class declared in the file: no { cause } suggestion", "class AppError extends Error { constructor(message: string) { super(message); } }", {}, false),
    causeRow("a second parameter typed with a closed object type without cause: no { cause } suggestion", IMPORT, CLOSED_OPTIONS, false),
    causeRow("a second parameter that is a code (a default string): no { cause } suggestion", IMPORT, CODE_SECOND, false),
    causeRow("no constructor, extending a project class whose constructor takes only a message: no { cause } suggestion", IMPORT, PARENT_ONE_PARAM, false),
    causeRow("a JavaScript class whose constructor takes only a message: no { cause } suggestion", IMPORT, UNTYPED_ONE, false),
    causeRow("a second parameter of ErrorOptions: the suggestion", IMPORT, OPTIONS, true),
    causeRow("a second parameter of an interface with cause (defaulted): the suggestion", ALIAS, CAUSE_FIELD, true),
    causeRow("an untyped second parameter defaulting to {}: the suggestion", IMPORT, EMPTY_DEFAULT, true),
    causeRow("no constructor, extends Error: Error's (message, options) takes it, the suggestion", IMPORT, NO_CTOR, true),
    causeRow("no constructor, extends Error, a tsconfig targeting ES2019 (Error takes no options): no { cause } suggestion", IMPORT, { ...NO_CTOR, "tsconfig.json": '{ "compilerOptions": { "target": "es2019" } }\n' }, false),
    causeRow("a rest of ConstructorParameters<typeof Error>: the suggestion", IMPORT, REST_ARGS, true),
    causeRow("a JavaScript class with an untyped second parameter: the suggestion", IMPORT, UNTYPED, true),
    causeRow("a class from a package (not to be seen): the suggestion, as before", 'import { AppError } from "@acme/errors";', {}, true),
    causeRow("no arguments, a class that takes (message?, options?): undefined then { cause }", IMPORT, OPTIONS, true, "new AppError"),
  ],
});
