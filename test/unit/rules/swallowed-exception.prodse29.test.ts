import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer prodse29 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A React effect that maps a fetched list into state; `extra` is more work in the try.
const effect = (extra: string): string => dedent`
  import { useEffect, useState } from "react";
  export const Datasets = ({ api }) => {
    const [datasets, setDatasets] = useState([]);
    const toOption = (ds) => ({ label: ds.name, name: ds.id });
    useEffect(() => {
      if (api.data) {
        try {
          const names = api.data.map(toOption);
          setDatasets(names);${extra}
        } catch (e) {
          console.error(e);
        }
      }
    }, [api.data]);
    return datasets.length;
  };
`;

const startsRequest = effect("\n          api.request(names[0]?.name);");

// Suggestions of a catch: rethrow after \`log\`, mark it or log at \`head\`, each at \`indent\`.
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a React effect whose try only maps data in hand into the component's state setters", code: effect(""), filename: "src/views/Datasets.jsx" },
    { name: "the same with an empty catch", code: effect("").replace("console.error(e);", ""), filename: "src/views/Datasets.jsx" },
  ],
  invalid: [
    { name: "neighbour: the effect's try also starts a request", code: startsRequest, filename: "src/views/Datasets.jsx", findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 18, suggestions: [mark(startsRequest, "} catch (e) {", "        ")] }], output: null },
  ],
});
