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

