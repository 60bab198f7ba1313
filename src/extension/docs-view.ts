import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { withHeadingIds } from "./heading-ids";
import { renderMarkdown } from "./markdown";

/** Opens the docs of a `family` or `family/case` inside VS Code. */
export const SHOW_DOCS_COMMAND = "hardeningHints.showDocs";

/** `publisher.name` of this extension: the authority of its links (package.json). */
export const EXTENSION_ID = "hardening-hints.hardening-hints";

/**
 * The diagnostic's code link: `<uriScheme>://hardening-hints.hardening-hints/docs?code=…`. The
 * hover and the Problems panel open code links without command rights, so a `command:` URI
 * does nothing there; a link in the editor's own URL scheme goes to this extension's URI
 * handler (extension.ts, `codeOfDocsUri`), which opens the shipped docs at the case. In
 * code-server the opener hands it on as trusted (no prompt) and a pointer click works every
 * time; an element.click() on a link the hover has already re-rendered makes the browser follow
 * the href itself and breaks the page (scripts/host/browser-check.mjs clicks like a person).
 * @example docsLinkUri("swallowed-exception/emptyCatch").toString(true)
 * // 'vscode://hardening-hints.hardening-hints/docs?code=swallowed-exception/emptyCatch'
 */
export function docsLinkUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: "/docs", query: `code=${code}` });
}

/** The code a docs link names, or undefined for any other URI. */
export function codeOfDocsUri(uri: vscode.Uri): string | undefined {
  if (uri.path !== "/docs") return undefined;
  return new URLSearchParams(uri.query).get("code") ?? undefined;
}

/** What the docs view shows now (host tests read it: the webview's DOM is out of their reach). */
export interface ShownDocs {
  code: string;
  /** The shipped markdown file rendered. */
  file: vscode.Uri;
  /** Heading id scrolled to (the case id, lower case), if any. */
  anchor?: string;
  /** True when the rendered page has a heading with that id. */
  anchorFound: boolean;
  html: string;
}

/**
 * One webview panel that renders docs/rules/<family>.md from the extension's own folder with
 * its own small Markdown renderer (`markdown.ts`): offline, at once, themed by VS Code's CSS
 * variables, under a CSP that allows only the page's own nonce'd script and style.
 */
export class DocsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: ShownDocs | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get shown(): ShownDocs | undefined {
    return this.panel ? this.current : undefined;
  }

  async show(code: string): Promise<ShownDocs | undefined> {
    const [family, caseId] = code.split("/");
    if (!family || !/^[a-z][\w-]*$/.test(family)) return undefined;
    const file = vscode.Uri.joinPath(this.extensionUri, "docs", "rules", `${family}.md`);
    let markdown: string;
    try {
      markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      void vscode.window.showWarningMessage(`Hardening Hints: no documentation is shipped for ${family}.`);
      return undefined;
    }
    // Rendered here, not by the Markdown extension: its first activation took seconds (markdown.ts).
    const body = renderMarkdown(markdown);
    const anchor = caseId?.toLowerCase();
    const html = withHeadingIds(body);
    this.current = { code, file, anchor, anchorFound: anchor !== undefined && html.includes(`id="${anchor}"`), html };
    const title = `Hardening Hints: ${caseId ? `${family}/${caseId}` : family}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("hardeningHints.docs", title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.panel.webview.html = page(html, anchor ?? "", this.panel.webview.cspSource);
    return this.current;
  }

  /** Links inside a page: another family's page opens here; web links go to the browser. */
  private onMessage(m: unknown): void {
    if (typeof m !== "object" || m === null) return;
    const { open, external } = m as { open?: unknown; external?: unknown };
    if (typeof open === "string") void this.show(open);
    else if (typeof external === "string" && /^https:\/\//.test(external)) void vscode.env.openExternal(vscode.Uri.parse(external));
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function page(body: string, anchor: string, cspSource: string): string {
  const nonce = randomBytes(16).toString("hex");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; max-width: 60rem; padding: 0 1.5rem 4rem; }
a { color: var(--vscode-textLink-foreground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; border-radius: 3px; }
pre { background: var(--vscode-textCodeBlock-background); padding: .6rem .8rem; overflow-x: auto; border-radius: 4px; }
pre code { padding: 0; background: none; }
h1, h2 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; }
h3 { margin-top: 2rem; }
:target, .hh-target { outline: 1px solid var(--vscode-focusBorder); outline-offset: 4px; }
/* The heading scrolled to keeps its outline in view. */
h1, h2, h3 { scroll-margin-top: 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border); padding: .2rem .5rem; }
</style></head>
<body>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const target = document.getElementById(${JSON.stringify(anchor)});
if (target) { target.classList.add("hh-target"); target.scrollIntoView(); }
document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[href]");
  if (!a) return;
  const href = a.getAttribute("href");
  e.preventDefault();
  if (href.startsWith("#")) { document.getElementById(href.slice(1))?.scrollIntoView(); return; }
  const local = /^(?:\\.\\/)?([a-z][\\w-]*)\\.md(?:#([\\w-]+))?$/.exec(href);
  if (local) vscode.postMessage({ open: local[2] ? local[1] + "/" + local[2] : local[1] });
  else vscode.postMessage({ external: href });
});
</script></body></html>`;
}
