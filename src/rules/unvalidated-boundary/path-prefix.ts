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

// Methods that take a text apart: what comes out is the part after any prefix.
const CUTS = new Set(["split", "slice", "substring", "substr", "replace", "replaceAll"]);

/**
 * `if (!data.startsWith("askuser:")) return; const [, requestId] = data.split(":")`: a message's
 * literal prefix picks the kind of command (a dispatch, like a callback's `action:id` or a socket's
 * `join:room`); the rest of the text, cut out afterwards, is what the code uses, and the prefix
 * test said nothing about it (held round 37, a Telegram callback's request id in a file path).
 * True when the test's argument is a string literal and the same name is cut apart after the test.
 */
export function prefixThenCut(value: ts.Node, test: ts.CallExpression): boolean {
  const lit = test.arguments[0];
  if (!lit || !ts.isStringLiteralLike(lit) || !ts.isIdentifier(value)) return false;
  for (const ref of findRefs(value.text, scopeOf(value), test.end)) {
    const p = ref.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === ref && CUTS.has(p.name.text) && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) return true;
  }
  return false;
}
