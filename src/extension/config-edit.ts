/**
 * Edits of `.hardeninghints.json` text, free of the `vscode` module (unit-tested without a host).
 * Existing files get minimal edits located with jsonc-parser's tree, so comments and layout stay.
 */
import * as path from "node:path";
import { findNodeAtLocation, parseTree, type Edit, type Node } from "jsonc-parser";

export type RuleSeverity = "off" | "info" | "warning" | "error";
export const RULE_SEVERITIES: readonly RuleSeverity[] = ["off", "info", "warning", "error"];

/** The `$schema` written into a new config: the schema the npm package ships (README, "Configuration"). */
export const CONFIG_SCHEMA_REF = "./node_modules/hardening-hints/schemas/config.schema.json";

/** A text edit in offsets of the config's current text; `create` means the file does not exist yet. */
export interface ConfigEdit {
  create: boolean;
  edits: Edit[];
}

/** One level of indentation of the file (its first indented line), else two spaces. */
function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? (m[1]!.startsWith("\t") ? "\t" : m[1]!) : "  ";
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Edits that append entries (`"key": value` properties, or array items) at the end of an object
 * or array, in its layout: on the same line for a one-line container, else each on a new line
 * indented like its siblings. A comment after the last entry stays on that entry's line.
 */
function appendEntries(text: string, container: Node, entries: (indent: string) => string[], eol: string): Edit[] {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const containerIndent = lineIndent(text, container.offset);
  if (!last) {
    const inner = text.slice(container.offset + 1, container.offset + container.length - 1);
    const indent = containerIndent + indentUnit(text);
    const content = `${entries(indent).map((e) => `${eol}${indent}${e}`).join(",")}${eol}${containerIndent}`;
    return inner.trim() === "" ? [{ offset: container.offset + 1, length: inner.length, content }] : [{ offset: container.offset + 1, length: 0, content: content.slice(0, -containerIndent.length - eol.length) }];
  }
  const end = last.offset + last.length;
  const sameLine = !text.slice(container.offset, last.offset).includes("\n");
  if (sameLine) return [{ offset: end, length: 0, content: entries(lineIndent(text, last.offset)).map((e) => `, ${e}`).join("") }];
  const indent = lineIndent(text, last.offset);
  const rest = /^[^\n\r]*/.exec(text.slice(end))![0];
  const eolAt = /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest) ? end + rest.length : end;
  return [
    { offset: end, length: 0, content: "," },
    { offset: eolAt, length: 0, content: entries(indent).map((e) => `${eol}${indent}${e}`).join(",") },
  ];
}

/** Edits that add `"key": value` as the last property of an object (see {@link appendEntries}). */
function addProperty(text: string, object: Node, key: string, value: (indent: string) => string, eol: string): Edit[] {
  return appendEntries(text, object, (indent) => [`${JSON.stringify(key)}: ${value(indent)}`], eol);
}

/**
 * Sets the severity of a family (`family`) or a case (`family/case`). A family written as an
 * object (`{ "severity": …, "allow": […] }`) keeps its options: only its `severity` changes.
 * An existing value is replaced in place; a new entry follows the file's layout and comments
 * stay where they are. `text` undefined: a new file with `$schema`.
 * @example severityEdit(undefined, "swallowed-exception/emptyCatch", "off", "\n")
 * // { create: true, edits: [{ offset: 0, length: 0, content: '{\n  "$schema": …,\n  "rules": {\n    "swallowed-exception/emptyCatch": "off"\n  }\n}\n' }] }
 */
export function severityEdit(text: string | undefined, code: string, severity: RuleSeverity, eol: string): ConfigEdit {
  const root = text === undefined ? undefined : parseTree(text);
  if (text === undefined || root?.type !== "object") {
    const body = { $schema: CONFIG_SCHEMA_REF, rules: { [code]: severity } };
    const content = JSON.stringify(body, null, 2).split("\n").join(eol) + eol;
    return { create: text === undefined, edits: [{ offset: 0, length: text?.length ?? 0, content }] };
  }
  const value = JSON.stringify(severity);
  const family = findNodeAtLocation(root, ["rules", code]);
  const target = !code.includes("/") && family?.type === "object" ? findNodeAtLocation(root, ["rules", code, "severity"]) : family;
  if (target) return { create: false, edits: [{ offset: target.offset, length: target.length, content: value }] };
  if (family?.type === "object") return { create: false, edits: addProperty(text, family, "severity", () => value, eol) };
  const rules = findNodeAtLocation(root, ["rules"]);
  if (rules?.type === "object") return { create: false, edits: addProperty(text, rules, code, () => value, eol) };
  const unit = indentUnit(text);
  const oneLine = !text.trim().includes("\n") && (root.children?.length ?? 0) > 0;
  const rulesValue = (indent: string) => (oneLine ? `{ ${JSON.stringify(code)}: ${value} }` : `{${eol}${indent}${unit}${JSON.stringify(code)}: ${value}${eol}${indent}}`);
  return { create: false, edits: addProperty(text, root, "rules", rulesValue, eol) };
}

/**
 * Adds globs to the config's `ignore` list (created when missing; globs already listed are
 * skipped), in the file's layout; comments stay where they are.
 * `text` undefined: a new file with `$schema`. Undefined when there is nothing to add.
 * @example ignoreEdit('{ "ignore": ["a/**"] }', ["old/**"], "\n")
 * // { create: false, edits: [{ offset: 19, length: 0, content: ', "old/**"' }] }
 */
export function ignoreEdit(text: string | undefined, globs: readonly string[], eol: string): ConfigEdit | undefined {
  const root = text === undefined ? undefined : parseTree(text);
  if (text === undefined || root?.type !== "object") {
    const body = { $schema: CONFIG_SCHEMA_REF, ignore: [...new Set(globs)] };
    const content = JSON.stringify(body, null, 2).split("\n").join(eol) + eol;
    return { create: text === undefined, edits: [{ offset: 0, length: text?.length ?? 0, content }] };
  }
  const listed = findNodeAtLocation(root, ["ignore"]);
  const have = new Set((listed?.type === "array" ? (listed.children ?? []) : []).map((n) => n.value));
  const add = [...new Set(globs)].filter((g) => !have.has(g));
  if (add.length === 0) return undefined;
  const unit = indentUnit(text);
  const items = add.map((g) => JSON.stringify(g));
  if (listed?.type === "array") return { create: false, edits: appendEntries(text, listed, () => items, eol) };
  const ignoreValue = (indent: string) => `[${items.map((g) => `${eol}${indent}${unit}${g}`).join(",")}${eol}${indent}]`;
  return { create: false, edits: addProperty(text, root, "ignore", ignoreValue, eol) };
}


/** minimatch's special characters, escaped with `\` in a folder name turned into a glob (`#` starts a comment). */
const GLOB_SPECIAL = /[\\*?[\](){}!+@#]/g;

/**
 * The `overrides` glob of every file under the folder of `file`, relative to the config's folder
 * (`/`-separated, glob characters escaped: Next.js's `app/(auth)/[id]` is a folder, not a pattern).
 * Undefined when the file is in the config's own folder or outside it: the project-wide turn-off
 * is the one to offer there.
 * @example folderGlobOf("/p/.hardeninghints.json", "/p/src/legacy/a.ts") // "src/legacy/**"
 */
export function folderGlobOf(configFile: string, file: string, pathApi: Pick<typeof path, "dirname" | "relative" | "isAbsolute" | "sep"> = path): string | undefined {
  const rel = pathApi.relative(pathApi.dirname(configFile), pathApi.dirname(file));
  if (rel === "" || rel === ".." || rel.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(rel)) return undefined;
  return `${rel.split(pathApi.sep).join("/").replace(GLOB_SPECIAL, "\\$&")}/**`;
}

/** The keys of an object node (a property's name), or none. */
function keysOf(node: Node | undefined): string[] {
  return node?.type === "object" ? (node.children ?? []).map((p) => String(p.children?.[0]?.value)) : [];
}

/**
 * Turns `code` off for the files `glob` matches through the config's `overrides`: the last entry
 * whose `files` is exactly `[glob]` gets `"code": "off"` in its `rules` (replaced in place if
 * there), unless a later entry sets the code or its family, which would win; else a new entry is
 * appended (`overrides` created when missing). In the file's layout, comments kept; `text`
 * undefined: a new file with `$schema`.
 * @example overrideOffEdit('{ "overrides": [] }', "src/legacy/**", "swallowed-exception/emptyCatch", "\n")
 * // appends { "files": ["src/legacy/**"], "rules": { "swallowed-exception/emptyCatch": "off" } } to the list
 */
export function overrideOffEdit(text: string | undefined, glob: string, code: string, eol: string): ConfigEdit {
  const off = `${JSON.stringify(code)}: "off"`;
  const files = `"files": [${JSON.stringify(glob)}]`;
  const root = text === undefined ? undefined : parseTree(text);
  const unit = text === undefined ? "  " : indentUnit(text);
  const entry = (indent: string, oneLine: boolean) =>
    oneLine ? `{ ${files}, "rules": { ${off} } }` : `{${eol}${indent}${unit}${files},${eol}${indent}${unit}"rules": {${eol}${indent}${unit}${unit}${off}${eol}${indent}${unit}}${eol}${indent}}`;
  const list = (indent: string, oneLine: boolean) => (oneLine ? `[${entry(indent, true)}]` : `[${eol}${indent}${unit}${entry(indent + unit, false)}${eol}${indent}]`);
  if (text === undefined || root?.type !== "object") {
    const content = `{${eol}${unit}"$schema": ${JSON.stringify(CONFIG_SCHEMA_REF)},${eol}${unit}"overrides": ${list(unit, false)}${eol}}${eol}`;
    return { create: text === undefined, edits: [{ offset: 0, length: text?.length ?? 0, content }] };
  }
  const oneLineText = (node: Node) => !text.slice(node.offset, node.offset + node.length).includes("\n");
  const overrides = findNodeAtLocation(root, ["overrides"]);
  if (overrides?.type === "array") {
    const entries = overrides.children ?? [];
    const family = code.split("/")[0]!;
    const sameFolder = entries.map((e) => findNodeAtLocation(e, ["files"])).map((f) => f?.type === "array" && f.children?.length === 1 && f.children[0]!.value === glob);
    const last = sameFolder.lastIndexOf(true);
    const overruled = entries.slice(last + 1).some((e) => keysOf(findNodeAtLocation(e, ["rules"])).some((k) => k === code || k === family));
    if (last !== -1 && !overruled) {
      const target = entries[last]!;
      const rules = findNodeAtLocation(target, ["rules"]);
      if (rules?.type === "object") {
        const existing = findNodeAtLocation(rules, [code]);
        if (existing) return { create: false, edits: [{ offset: existing.offset, length: existing.length, content: '"off"' }] };
        if ((rules.children?.length ?? 0) === 0 && oneLineText(target)) return { create: false, edits: [{ offset: rules.offset, length: rules.length, content: `{ ${off} }` }] };
        return { create: false, edits: addProperty(text, rules, code, () => '"off"', eol) };
      }
      const oneLine = oneLineText(target);
      const value = (indent: string) => (oneLine ? `{ ${off} }` : `{${eol}${indent}${unit}${off}${eol}${indent}}`);
      if (rules) return { create: false, edits: [{ offset: rules.offset, length: rules.length, content: value(lineIndent(text, rules.offset)) }] };
      return { create: false, edits: addProperty(text, target, "rules", value, eol) };
    }
    const oneLine = entries.length > 0 && oneLineText(overrides);
    return { create: false, edits: appendEntries(text, overrides, (indent) => [entry(indent, oneLine)], eol) };
  }
  const oneLine = !text.trim().includes("\n") && (root.children?.length ?? 0) > 0;
  if (overrides) return { create: false, edits: [{ offset: overrides.offset, length: overrides.length, content: list(lineIndent(text, overrides.offset), oneLine) }] };
  return { create: false, edits: addProperty(text, root, "overrides", (indent) => list(indent, oneLine), eol) };
}
