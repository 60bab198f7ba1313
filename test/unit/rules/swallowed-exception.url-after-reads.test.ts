import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 28, developer prodse28 (unseen production langfuse, triaged blind at 81cf737; hand-written
// analogues, no fetched code): a URL parsed into a local whose catch answers like the first test of
// the parse after `const`s that only read it. This table declares only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A saved-view lookup whose parse is `parse`, with `between` after the try and `test` answering `answer`.
const savedView = (parse: string, between: string, test: string, answer = "undefined"): string => dedent`
  export function savedViewOf(current: string) {
    let parsed: URL;
    try {
      parsed = ${parse};
    } catch {
      return undefined;
    }
    ${between}
    if (${test}) {
      return ${answer};
    }
    return { viewId, section: segments[1] };
  }
`;

const reads = 'const segments = parsed.pathname.split("/").filter(Boolean);\n    const viewId = parsed.searchParams.get("viewId");';
const view = savedView('new URL(current, "https://app.local")', reads, "!segments.length || !viewId");
const scheme = savedView("new URL(/^https?:\\/\\//i.test(current) ? current : `https://${current}`)", reads, "!segments.length || !viewId");
const otherAnswer = savedView('new URL(current, "https://app.local")', reads, "!segments.length || !viewId", "null");
const lookup = savedView('new URL(current, "https://app.local")', 'const segments = parsed.pathname.split("/");\n    const viewId = await lookupView(segments[2]);', "!viewId");
const lookupInParse = savedView('new URL(resolveBase(current))', reads, "!segments.length || !viewId");

// The two suggestions of a default answered without a log.
const fixes = (code: string, what = "savedViewOf failed") => [
  { title: "Log the error with console", output: code.replace("} catch {\n", `} catch (err) {\n    console.error("${what}", err);\n`) },
  { title: "Mark as intentionally ignored…", output: code.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
];

new RuleTester().run(narrowed, {
  valid: [
    { name: "a parse answered undefined like the first test of the consts that read it", code: view },
    { name: "the same with the scheme picked by a regex literal's test", code: scheme },
  ],
  invalid: [
    { name: "the test after the reads answers null, the catch undefined", code: otherAnswer, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: fixes(otherAnswer) }], output: null },
    { name: "a const between that awaits a lookup", code: lookup, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: fixes(lookup) }], output: null },
    { name: "a parse whose argument calls a helper", code: lookupInParse, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: fixes(lookupInParse, "resolveBase failed in savedViewOf") }], output: null },
  ],
});
