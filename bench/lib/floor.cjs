"use strict";
// The parse floor: what any TypeScript-based analyzer pays at least per file. One
// `ts.createSourceFile` with parent pointers (what the engine's rules need) and one iterative
// pre-order walk over every node, nothing else. Shared by bench/run.mjs (in process) and
// bench/lib/floor-child.cjs (its own process, for wall time and peak RSS).
const { ts } = require("ts-morph");

const KINDS = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
  ".jsx": ts.ScriptKind.JSX,
};

function scriptKindFromExtension(file) {
  const dot = file.lastIndexOf(".");
  return KINDS[file.slice(dot).toLowerCase()] ?? ts.ScriptKind.TS;
}

const stack = [];
let pending = 0;
function push(child) {
  stack.push(child);
  pending++;
  return undefined;
}

/** Iterative pre-order walk over every node; returns the node count. */
function walkAll(root) {
  let nodes = 0;
  stack.push(root);
  while (stack.length > 0) {
    const node = stack.pop();
    nodes++;
    pending = 0;
    ts.forEachChild(node, push);
    for (let i = stack.length - pending, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i];
      stack[i] = stack[j];
      stack[j] = t;
    }
  }
  return nodes;
}

function parse(file, text) {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, /* setParentNodes */ true, scriptKindFromExtension(file));
}

/** Parse + walk one file; returns the node count. */
function parseAndWalk(file, text) {
  return walkAll(parse(file, text));
}

module.exports = { ts, parse, parseAndWalk, walkAll, scriptKindFromExtension };
