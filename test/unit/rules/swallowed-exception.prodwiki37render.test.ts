import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlySuggestions, narrowedTo } from "../../helpers/swallowed-suggestions";

// Classes from session 37, developer prodwiki37 (production requarks/wiki, triaged blind at
// 77b0efd2). Hand-written analogues, no fetched code. This table declares only the cases its
// invalid rows name.
const narrowed = narrowedTo(["logAndContinue"]);

const both = logOnlySuggestions;

// 3. A markdown-it math rule that shows the TeX source when it does not compile (Wiki.js's KaTeX and
// MathJax renderers); \`render\` is the try's answer.
const mathRule = (render: string): string => dedent`
  module.exports = {
    init(mdinst) {
      mdinst.renderer.rules.math_block = (tokens, idx) => {
        try {
          ${render}
        } catch (err) {
          WIKI.logger.warn(err);
          return tokens[idx].content;
        }
      };
    },
  };
`;
const mathLog = "WIKI.logger.warn(err);";
const katexBlock = 'return "<p>" + katex.renderToString(tokens[idx].content, { displayMode: true }) + "</p>";';
const mathjaxInline = "const result = MathJax.tex2svg(tokens[idx].content, { display: false });\n    return MathJax.startup.adaptor.innerHTML(result);";
// The same in a TypeScript helper of a chat app's message view, the source a parameter.
const formula = (render: string): string => dedent`
  import katex from "katex";
  export function formulaHtml(source: string): string {
    try {
      ${render}
    } catch (e) {
      console.warn("bad formula", e);
      return source;
    }
  }
`;
const otherTokenRule = mathRule("return katex.renderToString(tokens[idx + 1].content);");
const awaitedRule = formula("return await renderer.renderToString(source);").replace("export function formulaHtml(source: string): string", "export async function formulaHtml(source: string): Promise<string>");
const markFormula = (code: string) => [both(code, 'console.warn("bad formula", e);', "e", "    ")[1]!];
const otherSource = formula("return katex.renderToString(draft.source);");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a KaTeX block rule that answers the TeX source when it does not compile, the markup wrapped in <p>", code: mathRule(katexBlock), filename: "server/modules/rendering/markdown-katex/renderer.js" },
    { name: "a MathJax inline rule: the SVG's markup, else the TeX source", code: mathRule(mathjaxInline), filename: "server/modules/rendering/markdown-mathjax/renderer.js" },
    { name: "a TypeScript helper that renders a formula given to it, else answers it as it came", code: formula("return katex.renderToString(source, { throwOnError: true });"), filename: "src/components/message/formula.ts" },
  ],
  invalid: [
    { name: "a math rule that renders another token than the one it answers", code: otherTokenRule, filename: "src/markdown/math.js", findings: [{ case: "logAndContinue", line: 6, column: 9, endColumn: 20, suggestions: [both(otherTokenRule, mathLog, "err", "        ")[1]!] }], output: null },
    { name: "a rendering that waits: an outage is no format error", code: awaitedRule, filename: "src/components/message/formula.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 14, suggestions: markFormula(awaitedRule) }], output: null },
    { name: "a rendering of another value than the one answered", code: otherSource, filename: "src/components/message/formula.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 14, suggestions: markFormula(otherSource) }], output: null },
  ],
});
