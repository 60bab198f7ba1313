/** Heading anchors for the docs view (no `vscode` import, so it is unit-tested). */

/**
 * Gives every heading without an id the GitHub-style id (lower case, spaces to dashes), as the docs' anchors expect.
 * Linear: the open tags cannot span another `<`, and each level's next closing tag is found by a
 * pointer that only moves forward (a lazy `[\s\S]*?` up to `</hN>` rescans the rest of the text
 * for every unclosed heading).
 */
export function withHeadingIds(html: string): string {
  const nextClose = new Map<string, number>();
  const closeAt = (level: string, from: number): number => {
    let at = nextClose.get(level);
    if (at === undefined || (at !== -1 && at < from)) nextClose.set(level, (at = html.indexOf(`</h${level}>`, from)));
    return at;
  };
  let out = "";
  let done = 0;
  for (const m of html.matchAll(/<h([1-6])([^<>]*)>/g)) {
    const [open, level, attrs] = m as unknown as [string, string, string];
    const innerStart = m.index + open.length;
    if (m.index < done) continue;
    const end = closeAt(level, innerStart);
    if (end === -1) continue;
    const inner = html.slice(innerStart, end);
    if (/\bid=/.test(attrs)) {
      out += html.slice(done, end + `</h${level}>`.length);
      done = end + `</h${level}>`.length;
      continue;
    }
    const text = inner.replace(/<[^<>]*>/g, "").trim();
    const id = text.toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
    out += `${html.slice(done, m.index)}<h${level}${attrs} id="${id}">${inner}</h${level}>`;
    done = end + `</h${level}>`.length;
  }
  return out + html.slice(done);
}
