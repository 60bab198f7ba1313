import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { withHeadingIds } from "../../../src/extension/heading-ids";
import { renderInline, renderMarkdown } from "../../../src/extension/markdown";

describe("docs view: Markdown renderer", () => {
  const inline: [string, string][] = [
    ["plain & <b>", "plain &amp; &lt;b&gt;"],
    ["a `req.body` read", "a <code>req.body</code> read"],
    ["``console.error(`x`, e)``", "<code>console.error(`x`, e)</code>"],
    ["`<logger>`", "<code>&lt;logger&gt;</code>"],
    ["**Bad** (reported):", "<strong>Bad</strong> (reported):"],
    ["**Log with `<logger>` and rethrow**", "<strong>Log with <code>&lt;logger&gt;</code> and rethrow</strong>"],
    ["300 s *idle* timers", "300 s <em>idle</em> timers"],
    ["[`no-empty`](https://eslint.org/docs/latest/rules/no-empty)", '<a href="https://eslint.org/docs/latest/rules/no-empty"><code>no-empty</code></a>'],
    ["see [the other rule](unbounded-call.md#call)", 'see <a href="unbounded-call.md#call">the other rule</a>'],
    ["[x](javascript:alert(1))", "[x](javascript:alert(1))"],
    ['[x](http://a.b/"onclick)', "x"],
    ["\\`not code\\`", "`not code`"],
    ["an `unclosed code", "an `unclosed code"],
    ["a * b ** c", "a * b ** c"],
  ];
  for (const [md, html] of inline) it(`inline ${JSON.stringify(md)}`, () => assert.equal(renderInline(md), html));

  it("blocks: front matter dropped, headings, fenced code with its language, lists with continuation lines, tables, paragraphs", () => {
    const md = [
      "---",
      'description: "x"',
      "---",
      "",
      "# rule",
      "",
      "Two lines",
      "of one paragraph.",
      "",
      "### emptyCatch",
      "",
      "❌ **Bad** (reported):",
      "",
      "```ts invalid",
      "try { f(); } catch (e) {}",
      "if (a < b) {}",
      "```",
      "",
      "- one item",
      "  continued",
      "",
      "- two",
      "",
      "| Library | Default |",
      "| --- | --- |",
      "| `fetch` | none |",
      "",
      "After.",
    ].join("\n");
    assert.equal(
      renderMarkdown(md),
      [
        "<h1>rule</h1>",
        "<p>Two lines\nof one paragraph.</p>",
        "<h3>emptyCatch</h3>",
        "<p>❌ <strong>Bad</strong> (reported):</p>",
        '<pre><code class="language-ts">try { f(); } catch (e) {}\nif (a &lt; b) {}</code></pre>',
        "<ul><li>one item\ncontinued</li><li>two</li></ul>",
        "<table><thead><tr><th>Library</th><th>Default</th></tr></thead><tbody><tr><td><code>fetch</code></td><td>none</td></tr></tbody></table>",
        "<p>After.</p>",
      ].join("\n"),
    );
  });

  it("a paragraph ends where a list, heading or fence starts", () => {
    assert.equal(renderMarkdown("Text\n- item\n## H\n"), "<p>Text</p>\n<ul><li>item</li></ul>\n<h2>H</h2>");
  });

  it("every shipped rule page: an id for each ### case heading, every example fence a code block, no raw < from the text", () => {
    const dir = path.resolve(__dirname, "../../../docs/rules");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".md"))) {
      const md = fs.readFileSync(path.join(dir, file), "utf8");
      const started = process.hrtime.bigint();
      const html = withHeadingIds(renderMarkdown(md));
      assert.ok(process.hrtime.bigint() - started < 2_000_000_000n, `${file}: took over 2 s`);
      for (const [, id] of md.matchAll(/^### `?(\w+)`?\s*$/gm)) {
        assert.match(html, new RegExp(`<h3 id="${id!.toLowerCase()}">`), `${file}: ### ${id}`);
        // Each case's production consequence is a paragraph of its own under its heading (issue 17).
        const section = html.slice(html.indexOf(`<h3 id="${id!.toLowerCase()}">`)).split(/\n<h[1-3]\b/)[0]!;
        assert.match(section, /^<p><strong>Why it matters in production<\/strong>: \S[^<]*/m, `${file}: ### ${id} shows why it matters in production`);
      }
      assert.equal((html.match(/<pre><code/g) ?? []).length, (md.match(/^```\w/gm) ?? []).length, `${file}: fenced blocks`);
      assert.doesNotMatch(html.replace(/<\/?(?:h[1-6]|p|pre|code|ul|li|strong|em|a|table|thead|tbody|tr|th|td)\b[^<>]*>/g, ""), /</, `${file}: a raw tag got through`);
    }
  });
});
