import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a catch that answers the try's own object less the fields that
// parse (a tune file reader's JSON case, decided clean: "the catch answers with the input the
// try converts"): the text in hand is kept, only its parse is missing. A field the catch makes up
// or changes stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Node file reader (tune).
const reader = (fallback: string): string => dedent`
  function readJsonFile(file) {
    const jsonText = fs.readFileSync(file.path, "utf-8");
    let extractedContent;
    try {
      extractedContent = { text: jsonText, data: JSON.parse(jsonText), type: "json" };
    } catch {
      extractedContent = ${fallback};
    }
    return extractedContent;
  }
`;
const lessTheParse = reader('{ text: jsonText, type: "json" }');
const madeUp = reader('{ text: jsonText, data: {}, type: "json" }');

// A Deno helper, hand-written: a YAML front matter returned with or without its parse.
const frontMatter = dedent`
  export function splitDoc(raw: string, head: string) {
    try {
      return { body: raw, meta: YAML.parse(head) };
    } catch {
      return { body: raw };
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "the try's object less its JSON parse", code: lessTheParse, filename: "backend/lib/fileHandler.js" },
    { name: "a returned object less its YAML parse", code: frontMatter, filename: "src/doc.ts" },
  ],
  invalid: [
    { name: "the parse replaced by a made-up empty object", code: madeUp, filename: "backend/lib/fileHandler.js", findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: madeUp.replace("  } catch {\n", '  } catch (err) {\n    console.error("JSON.parse failed in readJsonFile", err);\n') },
      { title: "Mark as intentionally ignored…", output: madeUp.replace("  } catch {\n", "  } catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
