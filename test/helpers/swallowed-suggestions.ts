import swallowedException from "../../src/rules/swallowed-exception/rule";

/** The swallowed-exception rule with only the cases `ids` declared: a table declares only the cases its invalid rows name. */
export function narrowedTo(ids: readonly string[]): typeof swallowedException {
  const named = new Set(ids);
  return { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;
}

/** The two suggestions of a log-only catch whose log line is `logLine`: rethrow `err` after it, or mark its catch. */
export function logOnlySuggestions(code: string, logLine: string, err: string, indent: string) {
  const at = code.indexOf(logLine);
  const head = `} catch (${err}) {\n`;
  const catchEnd = code.lastIndexOf(head, at) + head.length;
  return [
    { title: "Rethrow the error", output: `${code.slice(0, at + logLine.length + 1)}${indent}throw ${err};\n${code.slice(at + logLine.length + 1)}` },
    { title: "Mark as intentionally ignored…", output: `${code.slice(0, catchEnd)}${indent}// Intentionally ignored: <reason>\n${code.slice(catchEnd)}` },
  ];
}
