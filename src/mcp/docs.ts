import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The shipped `docs/rules` folder: next to `dist/` in the package and the .vsix (the bundle's
 * folder is `dist`), two levels up from `src/mcp` when run from source.
 */
export function docsFolder(from: string = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, "docs", "rules");
    if (fs.existsSync(path.join(candidate, "swallowed-exception.md"))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The markdown of a family's docs page, or undefined when it is not shipped. */
export function familyDocs(family: string, folder = docsFolder()): string | undefined {
  if (!folder || !/^[a-z][a-z-]*$/.test(family)) return undefined;
  try {
    return fs.readFileSync(path.join(folder, `${family}.md`), "utf8");
  } catch (err: unknown) {
    void err; // not shipped: the caller says so
    return undefined;
  }
}

function bodyLines(markdown: string): string[] {
  return markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "").split(/\r?\n/);
}

/**
 * The section under the heading `title` of the given level (`###` for a case, `##` for
 * `Options`), up to the next heading of the same or a higher level outside a code fence.
 * @example headingSection(md, 3, "emptyCatch") // "### emptyCatch\n\n❌ …"
 */
export function headingSection(markdown: string, level: number, title: string): string | undefined {
  const lines = bodyLines(markdown);
  const marks = "#".repeat(level);
  const start = lines.findIndex((l) => l.replace(/`/g, "").trim() === `${marks} ${title}`);
  if (start === -1) return undefined;
  const higher = new RegExp(`^#{1,${level}}\\s`);
  let end = start + 1;
  // A `#` line inside a code fence is code, not a heading.
  for (let fenced = false; end < lines.length; end++) {
    if (/^\s*(```|~~~)/.test(lines[end]!)) fenced = !fenced;
    else if (!fenced && higher.test(lines[end]!)) break;
  }
  return lines.slice(start, end).join("\n").trim();
}

/** A family page's introduction: everything before `## Cases`, without the frontmatter. */
export function introSection(markdown: string): string {
  const lines = bodyLines(markdown);
  const end = lines.findIndex((l) => /^##\s+Cases\b/.test(l));
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .join("\n")
    .trim();
}
