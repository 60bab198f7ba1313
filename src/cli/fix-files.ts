import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../engine/analyze";
import { fixAll, type FixAllResult } from "../engine/apply-fixes";
import { repositoryRoot, type planAudit } from "../engine/audit";
import { applyEdits } from "../engine/fix-invariants";
import { FsProjectHost } from "../engine/project-host";
import { scrub, secretSpans } from "../engine/redact";
import type { ResolvedConfig, RuleModule, TextEdit } from "../engine/types";
import { unifiedDiff } from "./diff";
import { printable } from "./escape";
import { decodeFile, encodeFile, readSnapshot, textAsWritten, writeFileCarefully, type FileEncoding, type ReadSnapshot, type WriteFs } from "./write";

export interface FixRunIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The file-system calls writes go through (tests inject a full disk); default node:fs. */
  writeFs?: WriteFs;
  /** Only these rules (tests); default every family. */
  rules?: readonly RuleModule[];
}

export interface FixRunResult {
  /** Files written (--fix) or that would change (--fix-dry-run), relative to cwd. */
  changed: string[];
  /** Safe fixes applied (or that would be). */
  fixedCount: number;
  /** Files whose fixes could not be written: the run must fail. */
  failed: number;
}

/** Every hardcoded-secret span of the file (with and without quotes), longest first, for masking diffs. */
function secretTexts(text: string, file: string, config: ResolvedConfig, project: FsProjectHost): string[] {
  return secretSpans(analyze({ path: file, text, config, project, fixes: false }).findings, text, 1).sort((a, b) => b.length - a.length);
}

/** What the passes left undone, for the report: empty when they reached a fixed point. */
export function passesNote(result: Pick<FixAllResult, "stop" | "passes" | "left">): string {
  if (result.stop !== "passLimit") return "";
  return `; stopped after ${result.passes} passes with ${result.left} safe fix${result.left === 1 ? "" : "es"} left (run --fix again)`;
}

/** Where writes may land for `file`: its repository, else the working folder. */
function rootOf(file: string, cwd: string): string {
  return repositoryRoot(path.dirname(file)) ?? cwd;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Writes edits to another file (a `.env.example`) as carefully as the source: never outside
 * `root`, never over a file that is not valid UTF-8 or UTF-16 (a Latin-1 file is left alone).
 * Returns why it was not written, or undefined.
 */
export function writeSideFile(file: string, edits: TextEdit[], root: string, io: Pick<FixRunIo, "writeFs">): string | undefined {
  if (!isInside(root, file)) return `is outside ${root}`;
  const create = edits.some((e) => e.create);
  let before: ReadSnapshot | undefined;
  let text = "";
  let encoding: FileEncoding = { charset: "utf8", bom: false, eol: "\n" };
  if (!create || fs.existsSync(file)) {
    try {
      before = readSnapshot(file);
    } catch (err: unknown) {
      return err instanceof Error ? err.message : String(err);
    }
    const decoded = decodeFile(before.bytes);
    if (!decoded.ok) return `${decoded.why}; left unchanged`;
    // A file created meanwhile: the edit that would create it is not applied over it.
    if (create) return "already exists";
    text = decoded.text;
    encoding = decoded.encoding;
  } else fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = applyEdits(text, edits.map((e) => ({ ...e, file: undefined })));
  const written = writeFileCarefully(file, encodeFile(out, encoding), { root, before, fs: io.writeFs });
  return written.ok ? undefined : written.why;
}

/**
 * --fix / --fix-dry-run: passes of safe fixes per file to a fixed point (or the pass limit, which
 * is reported), then a careful write (src/cli/write.ts) or a unified diff that `git apply`
 * accepts. Goes on past a file it cannot write and reports, per file, what was fixed and what
 * was not and why.
 */
export function runFixes(files: readonly string[], mode: { fix: boolean }, resolver: ReturnType<typeof planAudit>["resolver"], io: FixRunIo): FixRunResult {
  const host = new FsProjectHost();
  const changed: string[] = [];
  let fixedCount = 0;
  let failed = 0;
  const rel = (file: string) => printable(path.relative(io.cwd, file) || file);
  for (const file of files) {
    let snapshot: ReadSnapshot;
    try {
      snapshot = readSnapshot(file);
    } catch (err: unknown) {
      void err; // reported as unreadable by the audit that follows
      continue;
    }
    const decoded = decodeFile(snapshot.bytes);
    if (!decoded.ok) continue; // reported (binary, invalid UTF-8) by the audit that follows
    const config = resolver.forFile(file);
    const root = rootOf(file, io.cwd);
    const pendingOther: TextEdit[] = [];
    const otherFailures: string[] = [];
    const result = fixAll({ path: file, text: decoded.text, config, project: host, ...(io.rules ? { rules: io.rules } : {}) }, (edits) => {
      if (!mode.fix) {
        pendingOther.push(...edits);
        return;
      }
      const byFile = new Map<string, TextEdit[]>();
      for (const e of edits) byFile.set(e.file!, [...(byFile.get(e.file!) ?? []), e]);
      for (const [other, list] of byFile) {
        const why = writeSideFile(other, list, root, io);
        if (why) otherFailures.push(`${rel(other)} not written: ${why}`);
        host.invalidate(other);
      }
    });
    for (const d of result.dropped) {
      io.stderr(`left out: ${rel(file)}:${d.line}: ${d.code} "${printable(d.title)}": with the other safe fixes of the file it gives ${printable(d.why)}; the finding stays reported, fix it on its own\n`);
    }
    if (result.fixed.length === 0) continue;
    const codes = [...new Set(result.fixed)].join(", ");
    const n = result.fixed.length;
    const note = passesNote(result);
    if (mode.fix) {
      const outcome = result.output === decoded.text ? ({ ok: true } as const) : writeFileCarefully(file, encodeFile(result.output, decoded.encoding), { root, before: snapshot, fs: io.writeFs });
      if (!outcome.ok) {
        failed++;
        io.stderr(`not fixed: ${rel(file)}: ${printable(outcome.why)}; ${n} safe fix${n === 1 ? "" : "es"} not applied (${codes})\n`);
        continue;
      }
      fixedCount += n;
      changed.push(rel(file));
      io.stderr(`fixed ${n} in ${rel(file)}: ${codes}${note}\n`);
      for (const f of otherFailures) {
        failed++;
        io.stderr(`not fixed: ${printable(f)}\n`);
      }
    } else {
      fixedCount += n;
      changed.push(rel(file));
      const relPath = path.relative(io.cwd, file).split(path.sep).join("/");
      // The diff shows the bytes as they would be written (BOM, line endings); a secret on a
      // removed line is masked (redact.ts renders it), which `git apply` then cannot match.
      const diff = unifiedDiff(textAsWritten(decoded.text, decoded.encoding), textAsWritten(result.output, decoded.encoding), `a/${relPath}`, `b/${relPath}`);
      const masked = scrub(diff, secretTexts(decoded.text, file, config, host));
      io.stdout(masked);
      if (masked !== diff) io.stderr(`${rel(file)}: the diff masks a secret, so git apply cannot apply it; run --fix instead\n`);
      if (decoded.encoding.charset !== "utf8") io.stderr(`${rel(file)}: the diff shows UTF-16 text as UTF-8; run --fix to keep the encoding\n`);
      if (note) io.stderr(`${rel(file)}${note}\n`);
      for (const e of pendingOther) {
        const relOther = path.relative(io.cwd, e.file!).split(path.sep).join("/");
        const before = e.create ? "" : host.readFile(e.file!) ?? "";
        io.stdout(unifiedDiff(before, applyEdits(before, [{ ...e, file: undefined }]), e.create ? "/dev/null" : `a/${relOther}`, `b/${relOther}`));
      }
    }
  }
  return { changed, fixedCount, failed };
}
