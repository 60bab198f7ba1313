import * as fs from "node:fs";
import type { Problem } from "./types";

/**
 * `unfixable`: the text is not exactly the file's bytes (invalid UTF-8 read as U+FFFD); analyze
 * it with this problem as `AnalyzeInput.unfixable`, so that no fix is offered or written.
 */
export type Decoded = { ok: true; text: string; unfixable?: Problem } | { ok: false; problem: Problem };

/**
 * At most this share of a file's bytes may be invalid UTF-8 for it to be read as text (with a
 * floor for small files). A source file saved in Windows-1252 or Latin-1 has an invalid byte
 * per accented letter, in its strings and comments: a few percent at most, since code is ASCII.
 * Bytes that are not text are about half invalid (every byte from 0x80 that does not start or
 * continue a sequence), so the two are far apart.
 */
const MAX_INVALID_SHARE = 1 / 20;
const MAX_INVALID_FLOOR = 16;

/** Length of the valid UTF-8 sequence at `i` (WHATWG's byte ranges: no overlong forms, surrogates or code points past U+10FFFF), or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * UTF-8 with U+FFFD for each invalid byte, one character per byte, so that a column counts an
 * invalid byte once (as an editor showing the file as Windows-1252, or as UTF-8 with
 * replacement characters, shows it). Valid runs are decoded as they are.
 */
function decodeLossy(bytes: Uint8Array): { text: string; invalid: number; first: number } {
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  const parts: string[] = [];
  let invalid = 0;
  let first = -1;
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (first === -1) first = i;
    invalid++;
    parts.push(utf8.decode(bytes.subarray(run, i)), "\ufffd");
    run = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(run)));
  return { text: parts.join(""), invalid, first };
}

/**
 * Turns file bytes into analyzable text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Binary content (a NUL byte, or many bytes that are not UTF-8) is refused with a problem.
 * A text file with a few bytes that are not UTF-8 (a `£` saved in Windows-1252) is read with
 * U+FFFD for each of them and marked `unfixable`: rules read code structure, which those bytes
 * (in strings and comments) do not change, but a fix written back would change them. No
 * encoding is guessed.
 *
 * @example
 * decodeSource(Buffer.from('const s = "\xa3";', "latin1"), "a.ts")
 * // { ok: true, text: 'const s = "\ufffd";', unfixable: { kind: "notUtf8", message: "a.ts: not valid UTF-8 at byte 11: analysed, fixes not offered", … } }
 */
export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) {
      return { ok: false, problem: { kind: "binary", file, message: `${file}: skipped, binary content (NUL byte at offset ${i})` } };
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err: unknown) {
    void err; // the decoder says only that some byte is invalid: decodeLossy finds which
    const lossy = decodeLossy(bytes);
    if (lossy.invalid > Math.max(MAX_INVALID_FLOOR, bytes.length * MAX_INVALID_SHARE)) {
      const message = `${file}: skipped, not valid UTF-8 (${lossy.invalid} of ${bytes.length} bytes invalid, the first at byte ${lossy.first}: binary content or another encoding)`;
      return { ok: false, problem: { kind: "binary", file, message } };
    }
    text = lossy.text.charCodeAt(0) === 0xfeff ? lossy.text.slice(1) : lossy.text;
    return { ok: true, text, unfixable: { kind: "notUtf8", file, message: `${file}: not valid UTF-8 at byte ${lossy.first}: analysed, fixes not offered` } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/**
 * For text someone else decoded (the editor's buffer, ESLint's `sourceCode.text`): when it holds
 * U+FFFD and the file on disk is text that is not valid UTF-8, the problem that makes its
 * analysis `unfixable` (a fix saved through that text would write U+FFFD over the file's bytes).
 * Reads the file only when the text holds U+FFFD.
 */
export function unfixableOnDisk(text: string, file: string, read: (file: string) => Uint8Array = fs.readFileSync): Problem | undefined {
  if (!text.includes("\ufffd")) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = read(file);
  } catch (err: unknown) {
    void err; // no file on disk (an unsaved buffer, a virtual name): the text is all there is
    return undefined;
  }
  const decoded = decodeSource(bytes, file);
  return decoded.ok ? decoded.unfixable : undefined;
}

/**
 * Generated or minified code is not what a person wrote: findings there are noise and the
 * fixes are useless. A file counts as minified when it is large and its lines are very long
 * (over 300 on average, and the longest over 2,000 characters or under a twentieth of the text
 * spaces).
 */
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  // Lines are counted without allocating line strings, and only until there are too many for an
  // average over 300: ordinary code gets there within its first lines, and is not read further.
  const enough = text.length / 300;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (i - start > longest) longest = i - start;
    start = i + 1;
    if (++lines >= enough) return false;
  }
  if (text.length - start > longest) longest = text.length - start;
  if (text.length / lines <= 300) return false;
  if (longest > 2000) return true;
  // Lines cut at a few hundred characters (Closure Compiler's output, diff-match-patch) are still
  // minified: statements packed with no spaces. Code people write, long lines or not, is over a
  // twentieth spaces (indentation, around operators, prose in strings).
  let spaces = 0;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) spaces++;
  return spaces < text.length / 20;
}

const TEST_SUITE_DIR_RE = /\/(?:(?:integration|e2e|unit|api|functional|acceptance|smoke|contract)[-_]tests?|tests?[-_]?suites?|__fixtures__)\//i;

/**
 * Suites of tests and their fixtures in folders the test-file convention does not name
 * (`integration-tests/`, `e2e_tests/`, `__fixtures__/`), judged on the whole path: a test package
 * of its own inside one (`integration-tests/api/package.json`) is still test support, and no
 * application is checked out under such a name. Rules that treat test support apart read it.
 */
export function inTestSuiteFolder(path: string): boolean {
  return TEST_SUITE_DIR_RE.test(path.replace(/\\/g, "/"));
}
/** A module named for test support: `tests.ts`, `test-utils.ts`, `testHelpers.js`, `test_support.ts`. */
const TEST_SUPPORT_FILE_RE = /(?:^|[\\/])(?:tests|test[-_]?(?:utils?|helpers?|support))\.[cm]?[jt]sx?$/i;

/**
 * A module whose name says it is test support (`server/lib/utils/tests.ts`, `src/test-utils.ts`,
 * `testHelpers.js`): the helpers a suite imports to start the app and log in, not the product.
 * Only these names: `test.ts` or `testing.ts` may be a manual script or a feature.
 */
export function isTestSupportFile(path: string): boolean {
  return TEST_SUPPORT_FILE_RE.test(path);
}
/** The part of `path` below the config root (the whole path when it is not under it): folder tests judge only that part. */
export function belowRoot(path: string, root: string): string {
  return root && path.startsWith(root) ? path.slice(root.length) : path;
}

/** Folders that hold files served or copied as they are, where third-party bundles are dropped in. */
const VENDOR_DIR_RE = /(?:^|[\\/])(public|static|vendors?|third[-_]?party)[\\/]/i;
/** A licence grant or notice: the words licences put in the header a copy must keep. */
const LICENCE_RE = /permission is hereby granted|you are hereby granted|(?:licensed|released) under|@license|@preserve|the software is provided "?as is"?|all rights reserved|\b(?:MIT|BSD|ISC|Apache|L?GPL|MPL)(?:[- ]\d[.\d]*)? licen[cs]e\b/i;
/** Folders named for third-party code (`vendor/`, `vendors/`, `third_party/`), not the served ones. */
const NAMED_VENDOR_DIR_RE = /(?:^|[\\/])(vendors?|third[-_]?party)[\\/]/i;
/** The header opening a file: after a shebang and `"use strict"`, the first block comment. */
const HEAD_RE = /^\s*(?:#![^\n]*\n\s*)?(?:(["'])use strict\1;?\s*)?\/\*([\s\S]{0,4000}?)\*\//;
/** The same, after up to ten line comments the project put above its copy. */
const LEAD_HEAD_RE = /^\s*(?:#![^\n]*\n\s*)?(?:\/\/[^\n]*\n\s*){0,10}(?:(["'])use strict\1;?\s*)?\/\*([\s\S]{0,4000}?)\*\//;

/**
 * A third-party file vendored into the project: it sits in a folder of files served or copied as
 * they are (`public/`, `static/`, `vendor/`, `third_party/`, judged below the config root) and it
 * opens with a copyright and licence header, the notice a copy must keep, or with a library's banner
 * naming its author and its home repository; in a folder named for third-party code the header may
 * follow line comments the project put above its copy (`// @ts-nocheck`). Nobody here wrote it, so its findings are noise the
 * project cannot act on (a prettified analytics SDK in `public/`).
 * The project's own files carry no such header in those folders, or they sit elsewhere.
 */
export function vendoredFolder(text: string, file: string, root = ""): string | undefined {
  const below = belowRoot(file, root);
  const named = NAMED_VENDOR_DIR_RE.exec(below);
  const dir = named ?? VENDOR_DIR_RE.exec(below);
  if (!dir) return undefined;
  // In a folder named for third-party code, the header may follow the project's own line comments
  // (`// @ts-nocheck`, `// WARNING: This file has been modified from the original`) put above a copy.
  const head = (named ? LEAD_HEAD_RE : HEAD_RE).exec(text);
  if (!head) return undefined;
  const comment = head[2]!;
  const licensed = /copyright|\(c\)|\u00a9/i.test(comment) && LICENCE_RE.test(comment);
  // A library's own banner: its author and its home (`Author: … Doc: https://github.com/owner/lib`).
  const banner = /@author\b|\bauthor:/i.test(comment) && /https?:\/\/(?:github\.com|gitlab\.com|www\.npmjs\.com)\/[\w.-]+\/[\w.-]+/i.test(comment);
  return licensed || banner ? dir[1] : undefined;
}

/** Over the size limit (`maxFileSizeKb`): the first gate of every file, code or JSON. */
export function tooLarge(text: string, file: string, maxFileSizeKb: number): Problem | undefined {
  const kb = Math.ceil(text.length / 1024);
  return kb > maxFileSizeKb ? { kind: "tooLarge", file, message: `${file}: skipped, ${kb} KB is over the ${maxFileSizeKb} KB limit (maxFileSizeKb)` } : undefined;
}

/** Gate every surface uses before parsing: too large, binary (NUL in text), minified, vendored. */
export function skipReason(text: string, file: string, maxFileSizeKb: number, root = ""): Problem | undefined {
  const large = tooLarge(text, file, maxFileSizeKb);
  if (large) return large;
  const nul = text.indexOf("\u0000");
  if (nul !== -1 && nul < 8192) {
    return { kind: "binary", file, message: `${file}: skipped, binary content (NUL character at offset ${nul})` };
  }
  if (looksMinified(text)) {
    return { kind: "minified", file, message: `${file}: skipped, looks minified or generated (very long lines)` };
  }
  const vendored = vendoredFolder(text, file, root);
  if (vendored !== undefined) {
    return { kind: "vendored", file, message: `${file}: skipped, a third-party file vendored into ${vendored}/ (it opens with a copyright and licence header or a library's banner)` };
  }
  return undefined;
}

// Test files by name: `*.test.ts`, `*.spec.ts`, a qualifier before it (`users.e2e-spec.ts`, `orders.int-test.ts`), a
// runner's own suffix (`login.cy.ts`, `types.test-d.ts`) or one word with it (`api.servertest.ts`,
// `list.clienttest.tsx`: langfuse's suites), and folders of tests (`__tests__/`, `__e2e__/`, `test/`, `e2e/`).
const TEST_FILE_RE = /(?:^|[\\/])(?:__tests?__|__e2e__|__mocks__|tests?|spec|e2e|fixtures?)[\\/]|\.(?:[a-z0-9]+[-_])?(?:test|spec|e2e)\.[cm]?[jt]sx?$|\.(?:server|client|unit|integration|int|api|browser|node|dom)test\.[cm]?[jt]sx?$|\.(?:cy|test-d|spec-d)\.[cm]?[jt]sx?$/i;
/** Folders that hold only tests and their support, whatever a file in them is named. */
const TEST_ONLY_DIR_RE = /(?:^|\/)(?:__tests?__|__mocks__|fixtures?|spec)\//i;

/**
 * Test code, judged on the path relative to the config root (so a repo's own `test/` parent
 * folder does not count). In a project that depends on `next`, a route handler or API route whose
 * URL names a `test` or `e2e` folder (`app/api/whatsapp/test/route.ts` answers
 * `/api/whatsapp/test`) is a route, not a test; `__tests__`, `__mocks__`, fixtures and `spec`
 * folders stay tests.
 */
export function isTestFile(path: string, root = "", dependencies?: ReadonlySet<string>): boolean {
  const rel = belowRoot(path, root).replace(/\\/g, "/");
  if (!TEST_FILE_RE.test(rel)) return false;
  return !(dependencies?.has("next") && isNextRoute(rel) && !TEST_ONLY_DIR_RE.test(rel));
}

// Judged segment by segment: one regex over the whole path backtracks on a path of repeated folders.
function isNextRoute(rel: string): boolean {
  const segs = rel.split("/");
  const file = segs.pop() ?? "";
  if (/^route\.[cm]?[jt]sx?$/.test(file) && segs.includes("app")) return true;
  const pages = segs.indexOf("pages");
  return pages !== -1 && segs[pages + 1] === "api" && /^[^.]+\.[cm]?[jt]sx?$/.test(file);
}
