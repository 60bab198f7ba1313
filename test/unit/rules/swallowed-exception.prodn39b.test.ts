import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 39, developer prodn39: production NodeBB (public/src/modules/search.js:310, intents.js:16, triaged false).
// A try of one `return` of a Web Storage read whose catch, besides log lines, answers what an unset key answers:
// `null` for `return storage.getItem(K)`, the fallback for `return JSON.parse(storage.getItem(K) || "{}")`. Storage
// that is denied or holds malformed JSON shows what an unset value shows (the display-preference reason). NodeBB
// reads through its own `storage` module, a wrapper with Web Storage's methods. A catch with another answer stays.
const named = new Set(["logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// NodeBB's style: an AMD module of the forum's front end, reading through its storage wrapper.
const SEARCH = dedent`
  define('search', ['storage'], function (storage) {
    const Search = {};
    Search.getSearchPreferences = function () {
      try {
        return JSON.parse(storage.getItem('search-preferences') || '{}');
      } catch (err) {
        console.error(err);
        return {};
      }
    };
    Search.getHandles = function () {
      try {
        return storage.getItem('ap:intents:handles');
      } catch (e) {
        return null;
      }
    };
    return Search;
  });
`;

// Another style: a TypeScript helper of a React app on localStorage, the fallback through `??`.
const COLUMNS = dedent`
  export function loadColumns(): string[] {
    try {
      return JSON.parse(window.localStorage.getItem("table:columns") ?? "[]");
    } catch (error) {
      console.warn("bad column settings", error);
      return [];
    }
  }
`;

// Neighbour: the catch answers something an unset key does not (an empty list for a missing object).
const OTHER = dedent`
  export function loadFilters(): Record<string, string> | string[] {
    try {
      return JSON.parse(localStorage.getItem("filters") || "{}");
    } catch (error) {
      console.warn(error);
      return [];
    }
  }
`;

// Neighbour: a bare read answered as an empty string, not the null an unset key gives.
const HANDLE = dedent`
  export function storedHandle(): string | null {
    try {
      return sessionStorage.getItem("handle");
    } catch (e) {
      return "";
    }
  }
`;

const valid: ValidCase[] = [
  { name: "logAndContinue: NodeBB's storage reads answered as an unset key", filename: "public/src/modules/search.js", code: SEARCH },
  { name: "logAndContinue: another style, a localStorage read with a `??` fallback in TypeScript", filename: "src/lib/columns.ts", code: COLUMNS },
];

const invalid: InvalidCase[] = [
  {
    name: "logAndContinue: a catch answering other than an unset key stays reported",
    filename: "src/lib/filters.ts",
    code: OTHER,
    findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: OTHER.replace("    console.warn(error);", "    // Intentionally ignored: <reason>\n    console.warn(error);") }] }],
    output: null,
  },
  {
    name: "catchReturnsDefault: a bare read answered other than null stays reported",
    filename: "src/lib/handle.ts",
    code: HANDLE,
    findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 14, suggestions: [{ title: "Log the error with console", output: HANDLE.replace('    return "";', '    console.error("sessionStorage.getItem failed in storedHandle", e);\n    return "";') }, { title: "Mark as intentionally ignored…", output: HANDLE.replace('    return "";', '    // Intentionally ignored: <reason>\n    return "";') }] }],
    output: null,
  },
];

new RuleTester().run(narrowed, { valid, invalid });
