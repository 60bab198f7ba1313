/**
 * A unified diff of two texts (for --fix-dry-run). Common prefix and suffix lines are trimmed
 * first, so the quadratic LCS only runs on the changed middle, which fixes keep small.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return "";
  const a = oldText.split("\n");
  const b = newText.split("\n");
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // ops over the middle: " " keep, "-" delete, "+" insert
  const ops: { op: " " | "-" | "+"; line: string }[] = [];
  if (am.length * bm.length > 4_000_000) {
    for (const l of am) ops.push({ op: "-", line: l });
    for (const l of bm) ops.push({ op: "+", line: l });
  } else {
    const n = am.length;
    const m = bm.length;
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
  }
  const full = [...a.slice(Math.max(0, pre - context), pre).map((line) => ({ op: " " as const, line })), ...ops, ...a.slice(a.length - suf, a.length - suf + context).map((line) => ({ op: " " as const, line }))];
  const oldStart = Math.max(0, pre - context) + 1;
  const oldLen = full.filter((o) => o.op !== "+").length;
  const newLen = full.filter((o) => o.op !== "-").length;
  return [`--- ${oldName}`, `+++ ${newName}`, `@@ -${oldStart},${oldLen} +${oldStart},${newLen} @@`, ...full.map((o) => `${o.op}${o.line.replace(/\r$/, "")}`)].join("\n") + "\n";
}
