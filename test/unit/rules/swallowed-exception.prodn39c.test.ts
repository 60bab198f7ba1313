import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 39, developer prodn39: production NodeBB (public/src/modules/settings.js:322 and :471, triaged false). A try
// whose one statement parses a value in hand in place (`settings._ = JSON.parse(settings._)`,
// `values[key] = JSON.parse(values[key])`) with a log-only catch: a failed parse leaves the raw input where it was,
// as a catch assigning it back would (the docs' "answers with the input the try converts"). A parse into another
// place stays reported.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// NodeBB's style: an AMD module with jQuery, the parse in place on a field and on a keyed entry.
const SETTINGS = dedent`
  define('settings', [], function () {
    return {
      use: function (settings) {
        try {
          settings._ = JSON.parse(settings._);
        } catch (err) {
          console.error(err);
        }
        return settings;
      },
      fill: function (values, key) {
        try {
          values[key] = JSON.parse(values[key]);
        } catch (err) {
          console.error(err);
        }
        return values;
      },
    };
  });
`;

// Another style: TypeScript, a local variable parsed in place with a cast.
const LOCAL = dedent`
  export function readMeta(raw: unknown): unknown {
    let meta = raw;
    try {
      meta = JSON.parse(meta as string);
    } catch (error) {
      console.warn("meta is not JSON", error);
    }
    return meta;
  }
`;

// Neighbour: the parse lands in another place, which stays unset on failure.
const OTHER = dedent`
  export function useSettings(settings: { _: string; values?: unknown }) {
    try {
      settings.values = JSON.parse(settings._);
    } catch (err) {
      console.error(err);
    }
    return settings;
  }
`;

const valid: ValidCase[] = [
  { name: "logAndContinue: NodeBB's settings parsed in place, on a field and a keyed entry", filename: "public/src/modules/settings.js", code: SETTINGS },
  { name: "logAndContinue: another style, a local parsed in place in TypeScript", filename: "src/lib/meta.ts", code: LOCAL },
];

const invalid: InvalidCase[] = [
  {
    name: "logAndContinue: a parse into another place stays reported",
    filename: "src/lib/settings.ts",
    code: OTHER,
    findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: OTHER.replace("    console.error(err);", "    console.error(err);\n    throw err;") }, { title: "Mark as intentionally ignored…", output: OTHER.replace("    console.error(err);", "    // Intentionally ignored: <reason>\n    console.error(err);") }] }],
    output: null,
  },
];

new RuleTester().run(narrowed, { valid, invalid });
