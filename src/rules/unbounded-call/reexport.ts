import * as path from "node:path";
import type { ProjectHost } from "../../engine/types";
import { type Binding, type Library, libraryOf } from "./libraries";

/**
 * A module of the project that hands out an outbound library as it is (halcyon-node-api's
 * `utils/http.ts`: `import axios from "axios"; axiosRetry(axios, …); export default axios;`). A file
 * that imports it (`import http from "../utils/http"`) calls the library's default instance, with
 * its defaults, through that name. Read through the {@link ProjectHost}, once per module, only for
 * a relative default import whose name a call uses. A module that configures the instance
 * (`axios.defaults.timeout = …`, an interceptor that may set `config.timeout`) hands out a bounded
 * one: not followed.
 */

const SCRIPT_EXTS = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".jsx"];
const MAX_TEXT = 256 * 1024;
// One line each, no `\s` across lines: linear on a file of blank lines.
const EXPORTED_RE = /^[ \t]*(?:export[ \t]+default[ \t]+|module\.exports[ \t]*=[ \t]*)([A-Za-z_$][\w$]*)[ \t]*;?[ \t]*\r?$/m;
const CONFIGURED_RE = /\.defaults\.timeout\s*=|\.interceptors\.request\.use\s*\(|\.defaults\s*=|Object\.assign\(\s*[\w$]+\.defaults\b/;

/** The script a relative specifier names from `fromFile` (`../utils/http` → `…/utils/http.ts`), if the host has it. */
function moduleFile(host: ProjectHost, fromFile: string, spec: string): string | undefined {
  const base = path.posix.join(path.posix.dirname(fromFile.replace(/\\/g, "/")), spec);
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, "");
  const tries = [...(SCRIPT_EXTS.some((e) => base.endsWith(e)) ? [base] : []), ...SCRIPT_EXTS.map((e) => stem + e), ...SCRIPT_EXTS.map((e) => `${base}/index${e}`)];
  return tries.find((f) => host.fileExists(f));
}

/** The library binding a project module's default import stands for, when its module exports a library's default export unchanged. */
export function reexportedLibrary(host: ProjectHost, fromFile: string, spec: string, resolve?: ResolveModule): Binding | undefined {
  const text = relativeModuleText(host, fromFile, spec, resolve);
  if (text === undefined) return undefined;
  let lib = EXPORTED_BY_TEXT.get(text);
  if (lib === undefined) {
    lib = exportedLibrary(text) ?? null;
    if (EXPORTED_BY_TEXT.size >= MAX_MEMO) EXPORTED_BY_TEXT.clear();
    EXPORTED_BY_TEXT.set(text, lib);
  }
  return lib === null ? undefined : { lib, imported: "default" };
}

/**
 * The answer of {@link exportedLibrary} per module text: a module many files import (a project's
 * `utils/http.ts`) is read once by the host, and judged once here (`null`: no library). Keyed by the
 * text itself, so an edited module is judged again; bounded, as the texts are the host's to keep.
 */
const EXPORTED_BY_TEXT = new Map<string, Library | null>();
const MAX_MEMO = 512;

/** The library a module's text exports as its default, unchanged (see {@link reexportedLibrary}). */
function exportedLibrary(text: string): Library | undefined {
  if (CONFIGURED_RE.test(text)) return undefined;
  const name = EXPORTED_RE.exec(text)?.[1];
  if (name === undefined) return undefined;
  const n = name.replace(/\$/g, "\\$");
  const from = new RegExp(`\\bimport\\s+${n}\\s+from\\s+["']([^"']+)["']|\\b(?:const|let|var)\\s+${n}\\s*=\\s*require\\(\\s*["']([^"']+)["']\\s*\\)`).exec(text);
  return from ? libraryOf(from[1] ?? from[2]!) : undefined;
}

/** The project's resolver of a non-relative specifier (an alias, a workspace package: ProjectFiles.resolve), asked only for a name a judgement reads. */
export type ResolveModule = (spec: string) => string | undefined;

/**
 * The text of the project module a specifier names from `fromFile`, if the host has it and it is not
 * too large: a relative one, or one `resolve` finds in the project (`@/lib/http`, a workspace package).
 */
export function relativeModuleText(host: ProjectHost, fromFile: string, spec: string, resolve?: ResolveModule): string | undefined {
  const relative = spec.startsWith("./") || spec.startsWith("../");
  if (!relative && !resolve) return undefined;
  const file = relative ? moduleFile(host, fromFile, spec) : resolve!(spec);
  const text = file === undefined ? undefined : host.readFile(file);
  return text === undefined || text.length > MAX_TEXT ? undefined : text;
}
