import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 28's fix-safety review (fix28) of the fixes session 27 added or changed; hand-written
// rows. This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorLogOnly", "logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A supabase-js write whose error branch only logs, through `logLine` ("Add error to the log call"
// adds the error as one more argument, which a format string's unfilled placeholder would take).
const note = (head: string, logLine: string): string => dedent`
  import { supabase } from "@/integrations/supabase/client";
  ${head}
  export async function saveNote(note: Note) {
    const { error } = await supabase.from("notes").insert(note);
    if (error) {
      ${logLine}
    }
    return note;
  }
`;

/** The log-only error branch, with its throw suggestion; `output` is the safe fix's, or null. */
function branch(name: string, code: string, output: string | null): InvalidCase {
  const log = /^ {4}(\S.*)$/m.exec(code.split("if (error) {\n")[1]!)![1]!;
  return { name, code, filename: "src/stores/notes.ts", findings: [{ case: "resultErrorLogOnly", line: 4, column: 21, endLine: 5, endColumn: 13, suggestions: [{ title: "Throw the error after logging it", output: code.replace(`${log}\n`, `${log}\n    throw error;\n`) }] }], output };
}

/** `branch` whose safe fix adds `, error` as the log call's last argument. */
function errorAdded(name: string, code: string): InvalidCase {
  const log = /^ {4}(\S.*)\);$/m.exec(code.split("if (error) {\n")[1]!)![1]!;
  return branch(name, code, code.replace(`${log});`, `${log}, error);`));
}

// Placeholders written in a `+` concatenation, a template in parentheses or a cast, across two
// operands, or in a const of the file: the error would fill them.
const CONCAT_CSS = note("", 'console.error("Save of note " + note.id + " failed: %c");');
const PAREN_TEMPLATE = note("", "console.error((`Save of note ${note.id}` + ` failed after %d tries`) as string);");
const ACROSS_OPERANDS = note("", 'console.error("Saved " + note.progress + "%" + "done");');
const FILE_CONST = note('const SAVE_FAILED = "Save of note %s failed";', "console.error(SAVE_FAILED);");
const SPREAD_FIRST = note('const parts = ["Save of note %s failed"];', "console.error(...parts);");
const SPREAD_AFTER = note("", 'console.error("Save of note %s failed", ...note.tags);');
// Filled, escaped or no placeholder at all: the error is added.
const CONCAT_FILLED = note("", 'console.error("Save of note %s" + " failed", note.id);');
const CONCAT_PERCENT = note("", 'console.error("Save of note " + note.id + " failed at 100%");');
const CONCAT_ESCAPED = note("", 'console.error("Save at 100%" + "%s failed");');
const FILE_CONST_PLAIN = note('const SAVE_FAILED = "Save of note failed";', "console.error(SAVE_FAILED + ` (${note.id})`);");

// The same in a catch's log line and a rejection handler's.
const CATCH_CONCAT = dedent`
  export async function load(id: string) {
    try {
      return await fetchNote(id);
    } catch (err) {
      console.error("Load of note " + id + " failed: %o");
    }
  }
`;
const HANDLER_CONCAT = dedent`
  export function refresh(id: string) {
    fetchNote(id).catch(() => console.error("Refresh of %s" + " failed"));
  }
`;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    branch("a %c in a + concatenation is a placeholder the error would fill: no safe fix", CONCAT_CSS, null),
    branch("a %d in a template inside parentheses and a cast, joined by +: no safe fix", PAREN_TEMPLATE, null),
    branch('"%" + "done" is %d at run time: no safe fix', ACROSS_OPERANDS, null),
    branch("a const of the file holding the format string: its %s is unfilled, no safe fix", FILE_CONST, null),
    branch("a spread first may hold the format string: no safe fix", SPREAD_FIRST, null),
    branch("a spread after the format string fills an unknown number of placeholders (maybe none): no safe fix", SPREAD_AFTER, null),
    errorAdded("a concatenation whose %s the next argument fills: the error is added", CONCAT_FILLED),
    errorAdded('a "%" followed by ")" or the end is no placeholder: the error is added', CONCAT_PERCENT),
    errorAdded('"100%" + "%s" is an escaped percent sign and an "s": the error is added', CONCAT_ESCAPED),
    errorAdded("a const of the file with no placeholder, and a template substitution (not read): the error is added", FILE_CONST_PLAIN),
    {
      name: "a catch's log line with a %o in a + concatenation: no safe fix, the rethrow leaves the log call alone",
      code: CATCH_CONCAT,
      findings: [
        {
          case: "logAndContinue",
          line: 4,
          column: 5,
          endColumn: 16,
          suggestions: [
            { title: "Rethrow the error", output: CATCH_CONCAT.replace('%o");\n', '%o");\n    throw err;\n') },
            { title: "Mark as intentionally ignored…", output: CATCH_CONCAT.replace("    console", "    // Intentionally ignored: <reason>\n    console") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "a rejection handler's log line with a %s in a + concatenation: no safe fix",
      code: HANDLER_CONCAT,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 23, endColumn: 71, suggestions: [{ title: "Mark as intentionally ignored…", output: HANDLER_CONCAT.replace("() => console", "() => /* Intentionally ignored: <reason> */ console") }] }],
      output: null,
    },
  ],
});

// "Pass the caught error to createError as cause" (session 27's suggestion for h3's and http-errors'
// createError): an Express route whose catch hands on http-errors' error, and a Nitro handler
// whose catch throws h3's.
const causeOnly = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => id === "rethrowWithoutCause")) } as typeof swallowedException;
const route = (made: string): string => dedent`
  import createHttpError from "http-errors";

  router.post("/pay", async (req, res, next) => {
    try {
      res.json(await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }));
    } catch (error) {
      next(${made});
    }
  });
`;
const nitro = (made: string): string => dedent`
  export default defineEventHandler(async (event) => {
    try {
      return await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    } catch (error) {
      throw ${made};
    }
  });
`;
// A trailing comma after the message: the cause object goes after the message, not after the comma.
const TRAILING_COMMA = route('createHttpError(502, "Payment provider failed",)');
// Properties that may hold a cause of their own: spread in, or under a computed name.
const SPREAD_PROPS = route('createHttpError(502, "Payment provider failed", { expose: false, ...PROVIDER })');
const COMPUTED_PROPS = route('createHttpError(502, "Payment provider failed", { [field]: "stripe" })');
const COMPUTED_CAUSE = nitro('createError({ statusCode: 502, ["cause"]: "upstream" })');
// A computed name that is another literal is no cause.
const COMPUTED_OTHER = route('createHttpError(502, "Payment provider failed", { ["provider"]: "stripe" })');

const causeRow = (name: string, code: string, filename: string, output?: string): InvalidCase => ({
  name,
  code,
  filename,
  findings: [{ case: "rethrowWithoutCause", ...(filename.startsWith("server/") ? { line: 4, column: 5, endColumn: 18 } : { line: 6, column: 5, endColumn: 18 }), ...(output ? { suggestions: [{ title: `Pass the caught error to ${filename.startsWith("server/") ? "createError" : "createHttpError"} as cause`, output }] } : {}) }],
  output: null,
});

new RuleTester().run(causeOnly, {
  valid: [],
  invalid: [
    causeRow("http-errors' createError with a trailing comma: the cause object follows the message", TRAILING_COMMA, "src/routes/pay.ts", TRAILING_COMMA.replace('failed",)', 'failed", { cause: error },)')),
    causeRow("http-errors' properties with a spread, which may hold a cause: no fix", SPREAD_PROPS, "src/routes/pay.ts"),
    causeRow("http-errors' properties with a computed name, which may be cause: no fix", COMPUTED_PROPS, "src/routes/pay.ts"),
    causeRow('h3\'s createError with ["cause"] of its own: no fix', COMPUTED_CAUSE, "server/api/pay.post.ts"),
    causeRow('a computed name that is another literal (["provider"]): the cause joins the properties', COMPUTED_OTHER, "src/routes/pay.ts", COMPUTED_OTHER.replace('"stripe" }', '"stripe", cause: error }')),
  ],
});

