/**
 * The docs view's Markdown renderer (no `vscode` import, so it is unit-tested). It covers what
 * `docs/rules/*.md` use: front matter (dropped), ATX headings, fenced code, paragraphs, `-`
 * lists with indented continuation lines, pipe tables, and inline code, `**bold**`, `*emphasis*`,
 * links and backslash escapes. Everything else is text: all input is HTML-escaped, so raw HTML
 * in a page shows as written.
 *
 * Why not the built-in Markdown extension's `markdown.api.render`: the first call activates that
 * extension (and its language server), which took 9.5 s in code-server's host under load, so a
 * click on the hover's code link showed nothing for that long (the host test's flaky wait). This
 * renders a page in about a millisecond, and works where the Markdown extension is disabled.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const LINK_RE = /^\[((?:[^\]`]|`[^`]*`)*)\]\(([^()\s]+)\)/;

/** Inline Markdown of one block's text to HTML. */
export function renderInline(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#|<>-]/.test(text[i + 1]!)) {
      out += escapeHtml(text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === "`") {
      let n = 1;
      while (text[i + n] === "`") n++;
      const fence = "`".repeat(n);
      let close = text.indexOf(fence, i + n);
      while (close !== -1 && text[close + n] === "`") close = text.indexOf(fence, close + n + 1);
      if (close !== -1) {
        let code = text.slice(i + n, close).replace(/\n/g, " ");
        if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        out += `<code>${escapeHtml(code)}</code>`;
        i = close + n;
        continue;
      }
      out += fence;
      i += n;
      continue;
    }
    if (c === "[") {
      const m = LINK_RE.exec(text.slice(i, i + 2000));
      if (m) {
        const [whole, label, href] = m as unknown as [string, string, string];
        out += /^(?:https:\/\/|#|[\w./-]+\.md(?:#[\w-]+)?$)/.test(href) ? `<a href="${escapeHtml(href)}">${renderInline(label)}</a>` : renderInline(label);
        i += whole.length;
        continue;
      }
    }
    if (c === "*" && text[i + 1] === "*" && text[i + 2] !== undefined && text[i + 2] !== " ") {
      const close = text.indexOf("**", i + 2);
      if (close > i + 2) {
        out += `<strong>${renderInline(text.slice(i + 2, close))}</strong>`;
        i = close + 2;
        continue;
      }
    }
    if (c === "*" && text[i + 1] !== undefined && text[i + 1] !== " " && text[i + 1] !== "*") {
      const close = text.indexOf("*", i + 1);
      if (close > i + 1 && text[close - 1] !== " ") {
        out += `<em>${renderInline(text.slice(i + 1, close))}</em>`;
        i = close + 1;
        continue;
      }
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((x) => x.trim());
}

/** A Markdown page to HTML (headings get their ids from `withHeadingIds`). */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  if (lines[0] === "---") {
    const end = lines.indexOf("---", 1);
    if (end !== -1) i = end + 1;
  }
  const out: string[] = [];
  const blank = (l: string | undefined) => l === undefined || l.trim() === "";
  const startsBlock = (l: string) => /^(?:#{1,6} |```|- |\* |\|)/.test(l);
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = /^```\s*([\w-]*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
      i++;
      out.push(`<pre><code${fence[1] ? ` class="language-${fence[1]}"` : ""}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6}) +(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push(`<h${heading[1]!.length}>${renderInline(heading[2]!)}</h${heading[1]!.length}>`);
      i++;
      continue;
    }
    if (line.startsWith("|") && /^\|?\s*:?-{3,}/.test(lines[i + 1] ?? "")) {
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(cells(lines[i]!));
      out.push(`<table><thead><tr>${head.map((h) => `<th>${renderInline(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${renderInline(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`);
      continue;
    }
    if (/^[-*] /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^[-*] /.test(lines[i]!)) {
        const item = [lines[i]!.slice(2)];
        for (i++; i < lines.length && /^ {2,}\S/.test(lines[i]!); i++) item.push(lines[i]!.trim());
        items.push(`<li>${renderInline(item.join("\n"))}</li>`);
        // A blank line between items keeps the list going.
        if (blank(lines[i]) && /^[-*] /.test(lines[i + 1] ?? "")) i++;
      }
      out.push(`<ul>${items.join("")}</ul>`);
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && !blank(lines[i]) && (para.length === 0 || !startsBlock(lines[i]!)); i++) para.push(lines[i]!);
    out.push(`<p>${renderInline(para.join("\n"))}</p>`);
  }
  return out.join("\n");
}
