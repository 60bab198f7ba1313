import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 44 (lead): the AggregateError suggestion of a catch nested in another catch named the new
// inner binding like the outer one (`catch (err) { try { … } catch {} … }` became
// `AggregateError([err, err], …)`, the inner error twice and the original lost). The new binding now
// avoids every name of the enclosing catch, and where the inner catch already shadows the outer name
// the suggestion is not offered.
const named = new Set(["emptyCatch"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const compact = (inner: string): string => dedent`
  import fs from "node:fs";
  import { convert } from "./qemu";

  export function compact(disk: string) {
    const tmp = \`\${disk}.tmp\`;
    try {
      convert(disk, tmp);
      fs.renameSync(tmp, disk);
    } catch (err) {
      try { fs.unlinkSync(tmp); } ${inner}
      console.error("compact failed", err);
      return false;
    }
    return true;
  }
`;
const bindingLess = compact("catch {}");
const shadowing = compact("catch (err) {}");

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    { name: "a binding-less catch nested in catch (err): the new binding is not err", code: bindingLess, findings: [{
        case: "emptyCatch", line: 10, column: 39, endColumn: 41,
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: bindingLess.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (error) {\n      throw new AggregateError([err, error], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: bindingLess.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      // The safe fix only logs the inner error: its binding may shadow the outer one.
      output: bindingLess.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      console.error(\"fs.unlinkSync failed in compact\", err);\n    }") },
    { name: "an inner catch (err) shadowing the outer err: no AggregateError suggestion", code: shadowing, findings: [{
        case: "emptyCatch", line: 10, column: 45, endColumn: 47,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: shadowing.replace("    try { fs.unlinkSync(tmp); } catch (err) {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: shadowing.replace("    try { fs.unlinkSync(tmp); } catch (err) {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      console.error(\"fs.unlinkSync failed in compact\", err);\n    }") },
  ],
});
