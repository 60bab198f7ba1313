import { dedent, type InvalidCase } from "./rule-tester";

/**
 * A supabase-js write whose error branch only logs, through `logLine` (rows on "Add error to the log
 * call" of `resultErrorLogOnly`); `head` is one line under the client import.
 */
export const noteWithLog = (head: string, logLine: string): string => dedent`
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

/** The row of a {@link noteWithLog} file: its finding with the throw suggestion; `output` is the safe fix's, or null. */
export function logOnlyBranch(name: string, code: string, output: string | null, files?: Record<string, string>): InvalidCase {
  const log = /^ {4}(\S.*)$/m.exec(code.split("if (error) {\n")[1]!)![1]!;
  return { name, code, filename: "src/stores/notes.ts", ...(files ? { files } : {}), findings: [{ case: "resultErrorLogOnly", line: 5, column: 21, endLine: 6, endColumn: 13, suggestions: [{ title: "Throw the error after logging it", output: code.replace(`${log}\n`, `${log}\n    throw error;\n`) }] }], output };
}
