import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 30's fix-safety review: a dropped supabase-js write whose chain ends in `.then(cb)` or
// `.catch(cb)` awaits the callback's answer, not `{ data, error }`. Binding `error` from it would
// read the wrong value, or throw when the callback answers undefined (`.catch(err => console.log(err))`,
// production-like code seen in the tune part: AnektrOn/catalystbeacon server.js). The finding stays;
// the fix that binds `error` is not offered. This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorIgnored", "resultErrorLogOnly", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const pay = (chain: string, bind = ""): string => dedent`
  import { supabase } from "./supabase";

  export async function recordPayment(row: Payment) {
    ${bind}await supabase.from("payments").insert(row)${chain};
    return true;
  }
`;

const LOGGED = pay("", "const { error } = ").replace("row);\n", 'row);\n  if (error) console.error("insert into payments failed", error);\n');

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "a plain dropped write: the safe fix binds the error and logs it",
      code: pay(""),
      filename: "server/payments.ts",
      findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 46, suggestions: [{ title: "Throw the error", output: pay("", "const { error } = ").replace("row);\n", "row);\n  if (error) throw error;\n") }] }],
      output: LOGGED,
    },
    {
      name: "the fixed write: its log-only error branch is reported in its turn, with a suggestion to throw after the log",
      code: LOGGED,
      filename: "server/payments.ts",
      findings: [{ case: "resultErrorLogOnly", line: 4, column: 21, endLine: 5, endColumn: 13, suggestions: [{ title: "Throw the error after logging it", output: LOGGED.replace('if (error) console.error("insert into payments failed", error);', 'if (error) { console.error("insert into payments failed", error); throw error; }') }] }],
      output: null,
    },
    {
      name: "a write whose .catch() answers the log call's undefined: no fix (destructuring undefined throws)",
      code: pay('.catch((err) => console.log("Payments table might not exist:", err))'),
      filename: "server/payments.ts",
      findings: [
        { case: "resultErrorIgnored", line: 4, column: 3, endColumn: 114, suggestions: [] },
        { case: "promiseCatchLogOnly", line: 4, column: 53, endColumn: 113, suggestions: [
          { title: "Rethrow in the handler after logging", output: pay("").replace("insert(row);", 'insert(row).catch((err) => {\n    console.log("Payments table might not exist:", err);\n    throw err;\n  });') },
          { title: "Mark as intentionally ignored…", output: pay('.catch((err) => /* Intentionally ignored: <reason> */ console.log("Payments table might not exist:", err))') },
        ] },
      ],
      output: null,
    },
    {
      name: "a write whose .then() answers something else: no fix",
      code: pay(".then(() => row.id)"),
      filename: "server/payments.ts",
      findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 65, suggestions: [] }],
      output: null,
    },
    {
      name: "a destructured .then() answer without error: no fix adds error to the pattern",
      code: pay(".select().then((r) => r)", "const { data } = "),
      filename: "server/payments.ts",
      findings: [{ case: "resultErrorIgnored", line: 4, column: 20, endColumn: 87, suggestions: [] }],
      output: null,
    },
  ],
});
