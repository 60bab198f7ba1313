"use strict";
// A stand-in for the `vscode` module, enough for `require("dist/extension.js")` and a dry
// `activate()` outside VS Code: every property is another stub that can be called,
// constructed, iterated (empty) and extended. It records nothing and does nothing.
// The module's own keys (which esbuild's `__toESM` copies) are the top-level names that
// @types/vscode declares, with a short built-in list when that package is absent.
const fs = require("node:fs");
const path = require("node:path");

function stub(name) {
  const target = function () {};
  const children = new Map();
  return new Proxy(target, {
    get(t, prop) {
      if (prop === "then") return undefined; // not a thenable
      if (prop === "prototype") return t.prototype;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => "";
      if (prop === "toString" || prop === "toJSON") return () => `[vscode stub ${name}]`;
      if (prop === "length") return 0;
      if (typeof prop === "symbol") return undefined;
      let child = children.get(prop);
      if (child === undefined && !children.has(prop)) {
        child = stub(`${name}.${prop}`);
        children.set(prop, child);
      }
      return child;
    },
    set(_t, prop, value) {
      children.set(prop, value);
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

function apiNames() {
  try {
    const dts = fs.readFileSync(path.join(path.dirname(require.resolve("@types/vscode/package.json")), "index.d.ts"), "utf8");
    const names = new Set();
    for (const m of dts.matchAll(/^\t(?:export )?(?:class|enum|namespace|const|let|function) (\w+)/gm)) names.add(m[1]);
    if (names.size > 0) return [...names];
  } catch {
    /* fall through */
  }
  return ["commands", "window", "workspace", "languages", "env", "extensions", "l10n", "Uri", "Range", "Position", "Selection", "Diagnostic", "DiagnosticSeverity", "DiagnosticRelatedInformation", "DiagnosticTag", "Location", "CodeAction", "CodeActionKind", "WorkspaceEdit", "TextEdit", "EventEmitter", "Disposable", "StatusBarAlignment", "ThemeColor", "ThemeIcon", "ProgressLocation", "CancellationTokenSource", "RelativePattern", "ConfigurationTarget", "MarkdownString", "SnippetString"];
}

const names = apiNames();
const children = new Map(names.map((n) => [n, stub(`vscode.${n}`)]));
module.exports = new Proxy(
  {},
  {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then") return undefined;
      if (prop === "__esModule") return false;
      if (!children.has(prop)) children.set(prop, stub(`vscode.${prop}`));
      return children.get(prop);
    },
    has: () => true,
    ownKeys: () => names,
    getOwnPropertyDescriptor(_t, prop) {
      if (typeof prop !== "string" || !children.has(prop)) return undefined;
      return { configurable: true, enumerable: true, writable: false, value: children.get(prop) };
    },
  },
);
