import type { JsonSchema } from "../types";

export interface SchemaError {
  /** JSON path segments, e.g. ["rules", "hardcoded-secret", "allow", 2]. */
  path: (string | number)[];
  message: string;
}

/** `rules.hardcoded-secret.allow[2]` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || "(root)";
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function matchesType(value: unknown, type: NonNullable<JsonSchema["type"]>): boolean {
  const actual = typeOf(value);
  if (type === "number") return actual === "number" || actual === "integer";
  return actual === type;
}

function describe(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.oneOf) return schema.oneOf.map(describe).join(" or ");
  if (schema.type === "array") return schema.items?.type && schema.items.type !== "null" ? `an array of ${schema.items.type}s` : "an array";
  return schema.type ? (schema.type === "object" || schema.type === "integer" ? `an ${schema.type}` : `a ${schema.type}`) : "a value";
}

/**
 * Validates `value` against the small JSON Schema subset our config schema uses (type, enum,
 * properties, patternProperties, additionalProperties, required, items, minItems, oneOf,
 * minimum, $ref to definitions, format "regex-or-string"). Errors carry a JSON path and what was expected.
 */
export function validateAgainstSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path: (string | number)[] = []): SchemaError[] {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/definitions\//, "");
    const target = root.definitions?.[name];
    if (!target) return [{ path, message: `schema error: unknown $ref ${schema.$ref}` }];
    return validateAgainstSchema(value, target, root, path);
  }
  if (schema.oneOf) {
    const branches = schema.oneOf.map((s) => validateAgainstSchema(value, s, root, path));
    if (branches.some((b) => b.length === 0)) return [];
    // Report the branch whose type matched, since its errors are the most precise.
    const typed = schema.oneOf.findIndex((s) => resolveType(s, root) !== undefined && matchesType(value, resolveType(s, root)!));
    if (typed !== -1) return branches[typed]!;
    return [{ path, message: `expected ${schema.oneOf.map((s) => describe(resolve(s, root))).join(" or ")}, got ${typeOf(value)} ${preview(value)}` }];
  }
  if (schema.type && !matchesType(value, schema.type)) {
    return [{ path, message: `expected ${describe(schema)}, got ${typeOf(value)} ${preview(value)}` }];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [{ path, message: `expected ${describe(schema)}, got ${preview(value)}` }];
  }
  if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) {
    return [{ path, message: `expected a number >= ${schema.minimum}, got ${value}` }];
  }
  if (typeof value === "string" && schema.format === "regex-or-string" && value.length > 2 && value.startsWith("/")) {
    const last = value.lastIndexOf("/");
    if (last > 0) {
      try {
        new RegExp(value.slice(1, last), value.slice(last + 1));
      } catch (err: unknown) {
        return [{ path, message: `invalid regular expression ${value}: ${err instanceof Error ? err.message : String(err)}` }];
      }
    }
  }
  if (Array.isArray(value) && schema.minItems !== undefined && value.length < schema.minItems) {
    return [{ path, message: value.length === 0 ? "expected at least one item, got an empty array" : `expected at least ${schema.minItems} items, got ${value.length}` }];
  }
  const errors: SchemaError[] = [];
  if (typeOf(value) === "object") {
    for (const key of schema.required ?? []) if (!Object.prototype.hasOwnProperty.call(value, key)) errors.push({ path, message: `missing property "${key}"` });
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => errors.push(...validateAgainstSchema(item, schema.items!, root, [...path, i])));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const prop = schema.properties?.[key];
      if (prop) {
        errors.push(...validateAgainstSchema(obj[key], prop, root, [...path, key]));
        continue;
      }
      const pattern = schema.patternProperties && Object.entries(schema.patternProperties).find(([re]) => new RegExp(re).test(key));
      if (pattern) {
        errors.push(...validateAgainstSchema(obj[key], pattern[1], root, [...path, key]));
        continue;
      }
      if (schema.additionalProperties === false) {
        const known = Object.keys(schema.properties ?? {});
        const hint = known.length === 0 ? "" : known.length <= 8 ? ` (expected one of ${known.join(", ")})` : nearest(key, known) ? ` (did you mean "${nearest(key, known)}"?)` : " (see schemas/config.schema.json for the known names)";
        errors.push({ path: [...path, key], message: `unknown property "${key}"${hint}` });
      } else if (typeof schema.additionalProperties === "object") {
        errors.push(...validateAgainstSchema(obj[key], schema.additionalProperties, root, [...path, key]));
      }
    }
  }
  return errors;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  return schema.$ref ? root.definitions?.[schema.$ref.replace(/^#\/definitions\//, "")] ?? schema : schema;
}

function resolveType(schema: JsonSchema, root: JsonSchema): JsonSchema["type"] {
  return resolve(schema, root).type;
}

function preview(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) return "";
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** The known name closest to `key` (edit distance at most a third of its length), if any. */
function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    if (Math.abs(k.length - key.length) >= bestD) continue;
    const d = editDistance(key, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
