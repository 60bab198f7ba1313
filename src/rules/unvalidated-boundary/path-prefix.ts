import { ts } from "../../engine/ts";
import { findRefs, scopeOf } from "./ast";
import { sinkKind } from "./sinks";

/**
 * `if (!filepath.startsWith(baseDir)) return 403; await unlink(filepath)`: a prefix test of the raw
 * value, not of a path built with `path.join`/`resolve`/`normalize`, is no containment check for a file
 * path (`.uploads/../../etc/passwd` starts with `.uploads`; held rounds 23 and 24, and round 28's
 * Arconiccapital `column-attachments/delete/route.ts:7`, labelled finding): when the same name later
 * reaches a file-system call, the test decides nothing and that call is the use.
 */
export function rawPrefixBeforeFile(value: ts.Node, method: string): boolean {
  if (method !== "startsWith" || !ts.isIdentifier(value)) return false;
  for (const ref of findRefs(value.text, scopeOf(value), value.end)) {
    const call = ref.parent;
    if (call && ts.isCallExpression(call) && call.arguments.includes(ref) && sinkKind(call, true) === "file") return true;
  }
  return false;
}
