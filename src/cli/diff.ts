/** Lines with their terminators (`\n`, `\r\n`), so that a CRLF file's diff keeps its `\r`. */
function linesOf(text: string): string[] {
  return text === "" ? [] : text.match(/[^\n]*\n|[^\n]+$/g)!;
}

type Op = { op: " " | "-" | "+"; line: string };

/** Keep/delete/insert operations over the changed middle (LCS; a very large middle is replaced whole). */
function middleOps(am: readonly string[], bm: readonly string[]): Op[] {
  const ops: Op[] = [];
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    for (const l of am) ops.push({ op: "-", line: l });
    for (const l of bm) ops.push({ op: "+", line: l });
    return ops;
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = am[i] === bm[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      ops.push({ op: " ", line: am[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ op: "-", line: am[i++]! });
    else ops.push({ op: "+", line: bm[j++]! });
  }
  return ops;
}

/** One diff line; a last line without a newline is followed by git's marker. */
function render(o: Op): string {
  return o.line.endsWith("\n") ? `${o.op}${o.line}` : `${o.op}${o.line}\n\\ No newline at end of file\n`;
}

const range = (start: number, len: number) => `${len === 0 ? start - 1 : start}${len === 1 ? "" : `,${len}`}`;

/**
 * A unified diff of two texts (for --fix-dry-run) that `git apply` and `patch -p1` accept: lines
 * keep their own terminators (CRLF stays CRLF), a missing final newline is marked, changes more
 * than `2 * context` lines apart get hunks of their own, and `oldName` `/dev/null` creates a file.
 * Common prefix and suffix lines are trimmed first, so the quadratic LCS only runs on the
 * changed middle, which fixes keep small.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return "";
  const a = linesOf(oldText);
  const b = linesOf(newText);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = [...a.slice(0, pre).map((line) => ({ op: " " as const, line })), ...middleOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf)), ...a.slice(a.length - suf).map((line) => ({ op: " " as const, line }))];
  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  // Hunks: each change with `context` lines around it; changes whose contexts touch share a hunk.
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  const lineAt: { old: number; new: number }[] = ops.map((o) => {
    const at = { old: oldLine, new: newLine };
    if (o.op !== "+") oldLine++;
    if (o.op !== "-") newLine++;
    return at;
  });
  while (k < ops.length) {
    while (k < ops.length && ops[k]!.op === " ") k++;
    if (k === ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    for (let lastChange = k; end < ops.length; end++) {
      if (ops[end]!.op !== " ") lastChange = end;
      else if (end - lastChange > 2 * context) break;
    }
    // Trailing context: at most `context` unchanged lines after the last change.
    let last = end - 1;
    while (ops[last]!.op === " ") last--;
    const stop = Math.min(ops.length, last + 1 + context);
    const hunk = ops.slice(start, stop);
    const oldLen = hunk.filter((o) => o.op !== "+").length;
    const newLen = hunk.filter((o) => o.op !== "-").length;
    out.push(`@@ -${range(lineAt[start]!.old, oldLen)} +${range(lineAt[start]!.new, newLen)} @@\n`, ...hunk.map(render));
    k = stop;
  }
  return out.join("");
}
