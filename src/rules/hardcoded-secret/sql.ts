/**
 * Credentials written into SQL text: `INSERT INTO admins (username, password) VALUES ('admin',
 * 'admin123')` or `UPDATE users SET password = 'admin123'` in a migration or seed string. Each
 * column is paired with its value by position; only quoted string values are returned (a
 * placeholder `$1`, `?` or a function call is no literal). Linear in the text; the rule calls it
 * only for literals that contain `INSERT` or `UPDATE`.
 */

export interface SqlValue {
  column: string;
  /** The value without its quotes, `''` unescaped. */
  value: string;
  /** Offset of the value's first character (after the quote) in the text. */
  index: number;
  /** Offset of its closing quote. */
  end: number;
  /** The other quoted values of the same row (an email beside the password). */
  row: readonly string[];
}

export const SQL_WRITE_RE = /\b(?:INSERT\s+INTO|UPDATE)\s/i;

const INSERT_RE = /\bINSERT\s+INTO\s+[\w."`[\]]+\s*\(([^()]*)\)\s*VALUES\s*/gi;
const UPDATE_SET_RE = /\bUPDATE\s+[\w."`[\]]+\s+SET\s+/gi;

interface Item {
  /** The quoted value, or undefined for anything else. */
  value?: string;
  index: number;
  end: number;
}

/** The items of a parenthesised list starting at `open` (a `(`), split on commas at depth 0; `end` is after its `)`. */
function listAt(s: string, open: number): { items: Item[]; end: number } | undefined {
  const items: Item[] = [];
  let depth = 0;
  let start = open + 1;
  // The item's quoted value when the item is that string alone: where it starts and ends (the closing quote).
  let quoted: { value: string; index: number; close: number } | undefined;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") {
      const from = i + 1;
      let v = "";
      for (i = from; i < s.length && !(s[i] === "'" && s[i + 1] !== "'"); i++) {
        v += s[i];
        if (s[i] === "'") i++; // `''` is one quote
      }
      quoted = depth === 0 && s.slice(start, from - 1).trim() === "" ? { value: v, index: from, close: i } : undefined;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if ((c === "," || c === ")") && depth === 0) {
      const alone = quoted !== undefined && s.slice(quoted.close + 1, i).trim() === "";
      items.push(alone ? { value: quoted!.value, index: quoted!.index, end: quoted!.close } : { index: start, end: i });
      quoted = undefined;
      start = i + 1;
      if (c === ")") return { items, end: i + 1 };
    }
  }
  return undefined;
}

const unquote = (name: string): string => name.trim().replace(/^["`[]|["`\]]$/g, "");

/** The quoted values of the SQL writes in `s`, each with the column it is written to. */
export function sqlValues(s: string): SqlValue[] {
  const out: SqlValue[] = [];
  for (const m of s.matchAll(INSERT_RE)) {
    const columns = m[1]!.split(",").map(unquote);
    let at = m.index! + m[0].length;
    // One or more rows: `VALUES (…), (…)`.
    while (s[at] === "(") {
      const row = listAt(s, at);
      if (!row) break;
      if (row.items.length === columns.length) {
        const texts = row.items.flatMap((it) => (it.value !== undefined ? [it.value] : []));
        row.items.forEach((it, i) => {
          if (it.value !== undefined) out.push({ column: columns[i]!, value: it.value, index: it.index, end: it.end, row: texts });
        });
      }
      at = row.end;
      while (at < s.length && /[\s,]/.test(s[at]!)) at++;
    }
  }
  for (const m of s.matchAll(UPDATE_SET_RE)) {
    // `SET a = 'x', b = 'y' WHERE …`: read assignments up to the first keyword after them.
    const rest = s.slice(m.index! + m[0].length);
    const set = /^([^;]*?)(?:\bWHERE\b|\bRETURNING\b|;|$)/i.exec(rest)![1]!;
    const base = m.index! + m[0].length;
    const values: SqlValue[] = [];
    // (A column starts only where no word character precedes it, so each is tried once.)
    for (const a of set.matchAll(/(?<![\w"`[\]])(["`[]?\w+["`\]]?)\s*=\s*'((?:[^']|'')*)'/g)) {
      const end = base + a.index! + a[0].length - 1;
      values.push({ column: unquote(a[1]!), value: a[2]!.replace(/''/g, "'"), index: end - a[2]!.length, end, row: [] });
    }
    const texts = values.map((v) => v.value);
    for (const v of values) out.push({ ...v, row: texts });
  }
  return out;
}
