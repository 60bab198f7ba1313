import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";

/** A JSON (or JSONC) manifest's top-level object; undefined for a missing file or any other value. */
export function readJson(project: ProjectHost, file: string): Record<string, unknown> | undefined {
  const raw = project.readFile(file);
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    // hardening-hints-ignore-next-line unvalidated-boundary/jsonParseExternal -- a manifest of any shape: only an object passes below, and every reader checks each field's type
    value = JSON.parse(raw); // the common case, and much faster than the tolerant reader below
  } catch (err: unknown) {
    void err;
    // JSONC (deno.jsonc, tsconfig): TypeScript's own tolerant reader, no eval.
    value = ts.parseConfigFileTextToJson(file, raw).config;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
