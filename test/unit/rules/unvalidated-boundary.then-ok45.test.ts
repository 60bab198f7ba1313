import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 45, developer produb: production docmost (docmost/docmost, triaged blind at cebb3c43),
// `apps/client/src/ee/pdf-export/pdf-render-page.tsx:34`. `fetch(…).then((res) => { if (!res.ok) throw …; return
// res.json(); }).then((result) => setData(result.data))`: the next callback's parameter is the reply of a response the
// callback before it tested, as past `if (!res.ok) throw …` in one function, so its field handed to a React state setter
// is handed to the UI's state (the docs' fetchJson). A callback that returns the `json()` untested, or that tests
// nothing before one of its returns, leaves the read a use.

const PKG = { "package.json": '{ "dependencies": { "react": "^18.2.0" } }' };

const page = (first: string, then: string) => dedent`
  import { useEffect, useState } from "react";

  export function RenderPage({ pageId, token }: { pageId: string; token: string }) {
    const [data, setData] = useState<{ title: string } | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      fetch("https://docs.example.com/render", { method: "POST", body: JSON.stringify({ pageId, token }) })
        .then(${first})
        .then(${then})
        .catch((err) => setError(err.message));
    }, [pageId, token]);
    return data ? <h1>{data.title}</h1> : <p>{error}</p>;
  }
`;

const TESTED = `(res) => {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        }`;
const UNTESTED = "(res) => res.json()";
const HALF = `(res) => {
          if (!pageId) return res.json();
          if (!res.ok) throw new Error("failed");
          return res.json();
        }`;

const DOCMOST = page(TESTED, "(result) => setData(result.data)");
const FUNCTION_STYLE = page(TESTED.replace("(res) => {", "function (res) {"), "function (result) { setData({ title: result.title ?? \"\" }); }");
const NO_TEST = page(UNTESTED, "(result) => setData(result.data)");
const ONE_UNTESTED = page(HALF, "(result) => setData(result.data)");
const STORED = page(TESTED, "(result) => localStorage.setItem(result.key, \"seen\")");

const valid: ValidCase[] = [
  { name: "a reply field handed to a React setter, the status tested in the callback before (docmost pdf-render-page.tsx:34)", code: DOCMOST, filename: "src/render-page.tsx", files: PKG },
  { name: "another style: function expressions, the field put into an object literal for the setter", code: FUNCTION_STYLE, filename: "src/render-page.tsx", files: PKG },
];

const invalid: InvalidCase[] = [
  markedRow("the callback before returns the json untested: a use", NO_TEST, "src/render-page.tsx", PKG, "fetchJson", 8, 22, 32),
  {
    name: "one return of the callback before comes before its status test: both returns stay uses",
    code: ONE_UNTESTED,
    filename: "src/render-page.tsx",
    files: PKG,
    findings: [
      { case: "fetchJson", line: 9, column: 29, endColumn: 39, suggestions: [mark(ONE_UNTESTED, "fetchJson", 9)] },
      { case: "fetchJson", line: 11, column: 16, endColumn: 26, suggestions: [mark(ONE_UNTESTED, "fetchJson", 11)] },
    ],
    output: null,
  },
  markedRow("past the test, a field used as a storage key stays a use", STORED, "src/render-page.tsx", PKG, "fetchJson", 10, 16, 26),
];

runWithNamedCases(valid, invalid);
