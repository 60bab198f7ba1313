import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Tune-part classes (issue 11, round 3): hand-written analogues, not the repositories' code.
// The size of a value tested present in the same expression only counts it: nothing of the value goes on.
// The axios calls let every status through (`validateStatus`): an awaited axios reply is otherwise status-tested
// (the lead's ruling, session 31), and its fields only answered back are relayed.

const LENGTH_UNGUARDED = dedent`
  import axios from "axios";
  export async function probe(res) {
    const response = await axios.get("https://status.example.com/", { validateStatus: () => true });
    res.json({ size: response.data.length });
  }
`;

const GUARDED_THEN_INDEXED = dedent`
  import axios from "axios";
  export async function probe(res) {
    const response = await axios.get("https://status.example.com/", { validateStatus: () => true });
    res.json({ n: response.data && response.data.length, first: response.data ? response.data[0] : null });
  }
`;

const OUTER_TESTED_FIELD_SIZED = dedent`
  export async function count(res) {
    const r = await fetch("https://api.example.com/items");
    const data = await r.json();
    res.json({ count: data ? data.items.length : 0 });
  }
`;

const valid: ValidCase[] = [
  {
    name: "axios: the page's length read under a ternary test of the same value (only a count is answered)",
    code: dedent`
      import axios from "axios";
      export async function probe(res) {
        const response = await axios.get("https://status.example.com/", { validateStatus: () => true });
        res.json({ ok: response.status === 200, dataLength: response.data ? response.data.length : 0 });
      }
    `,
    filename: "src/routes/status.js",
  },
  {
    name: "fetch: an optional-chained length with a default",
    code: dedent`
      export async function countRows(): Promise<number> {
        const r = await fetch("https://api.example.com/rows");
        const rows = await r.json();
        return rows?.length ?? 0;
      }
    `,
    filename: "src/rows.ts",
  },
  {
    name: "a length read behind && on the same value",
    code: dedent`
      import axios from "axios";
      export async function size(url: string) {
        const { data } = await axios.get(url);
        const n = (data && data.length) || 0;
        console.log("fetched", n);
        return n;
      }
    `,
    filename: "src/size.ts",
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a length read with no presence test: a null body crashes",
    code: LENGTH_UNGUARDED,
    filename: "src/routes/status.js",
    findings: [{ case: "fetchJson", line: 4, column: 20, endColumn: 33, suggestions: [mark(LENGTH_UNGUARDED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "a guarded length next to an element read of the same value: the element goes on",
    code: GUARDED_THEN_INDEXED,
    filename: "src/routes/status.js",
    findings: [{ case: "fetchJson", line: 4, column: 17, endColumn: 30, suggestions: [mark(GUARDED_THEN_INDEXED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "a field's length under a test of the document only: a missing field crashes",
    code: OUTER_TESTED_FIELD_SIZED,
    filename: "src/count.js",
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 30, suggestions: [mark(OUTER_TESTED_FIELD_SIZED, "fetchJson", 3)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
