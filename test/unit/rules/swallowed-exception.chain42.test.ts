import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production anything-llm (session 42, prodse42): a helper that ends its own failures in the rejection
// handler of its one promise chain, and callers that only keep its answer (answered-chain.ts).
// Hand-written analogues, no fetched code. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// The app's model module: each helper's chain ends in its own handler.
const MODELS = {
  "src/models/system.js": dedent`
    const System = {
      keys: async function () {
        return await fetch("/api/setup-complete")
          .then((res) => {
            if (!res.ok) throw new Error("Could not find setup information.");
            return res.json();
          })
          .catch(() => null);
      },
      customModels: async function (provider, timeout = null) {
        const controller = new AbortController();
        if (!!timeout) {
          setTimeout(() => {
            controller.abort("Request timed out.");
          }, timeout);
        }
        return fetch("/api/system/custom-models", { method: "POST", signal: controller.signal, body: JSON.stringify({ provider }) })
          .then((res) => res.json())
          .catch((e) => {
            console.error(e);
            return { models: [], error: e.message };
          });
      },
      prefs: async (labels = []) => {
        return await fetch("/api/prefs?labels=" + labels.join(","))
          .then((res) => res.json())
          .catch((e) => {
            console.error(e);
            return null;
          });
      },
      logged: async () => {
        return await fetch("/api/x").then((res) => res.json()).catch((e) => console.error(e));
      },
    };

    export default System;
  ` + "\n",
};

// A component whose effect awaits a helper inside a log-only catch.
const awaited = (step: string): string => dedent`
  import { useEffect, useState } from "react";
  import System from "../models/system";

  export function Models({ provider }) {
    const [models, setModels] = useState([]);
    const [loading, setLoading] = useState(true);
    useEffect(() => {
      async function find() {
        try {
          setLoading(true);
          ${step}
        } catch (error) {
          console.error("Failed to fetch", error);
        } finally {
          setLoading(false);
        }
      }
      find();
    }, [provider]);
    return null;
  }
`;

// A component whose effect hands the helper's answer to a fulfilment handler, then drops any rejection.
const chained = (fulfil: string): string => dedent`
  import { useEffect, useState } from "react";
  import System from "../models/system";

  export function Skills() {
    const [skills, setSkills] = useState([]);
    useEffect(() => {
      System.prefs(["skills"])
        .then(${fulfil})
        .catch(() => {});
    }, []);
    return null;
  }
`;

const file = "src/components/Models.jsx";
const nullDestructured = awaited("const { SimpleSSOEnabled } = await System.keys();\n      setModels(SimpleSSOEnabled ? [] : []);");
const onlyLogged = awaited("const data = await System.logged();\n      setModels(data?.models || []);");
const plainRead = chained("(res) => setSkills(res.settings.skills)");
const plainReadLogged = plainRead.replace(".catch(() => {});", ".catch((e) => console.error(e));");

new RuleTester().run(narrowed, {
  valid: [
    { name: "an object answer destructured, then state set", code: awaited("const { models } = await System.customModels(provider);\n      setModels(models || []);"), filename: file, files: MODELS },
    { name: "a null answer kept and read through optional links", code: awaited("const settings = await System.keys();\n      setModels(settings?.models ?? []);"), filename: file, files: MODELS },
    { name: "a fulfilment handler reading the answer through optional links", code: chained("(res) => setSkills(res?.settings?.skills ?? [])"), filename: file, files: MODELS },
  ],
  invalid: [
    {
      name: "a null answer destructured: the destructuring can throw into the catch",
      code: nullDestructured,
      filename: file,
      files: MODELS,
      findings: [
        {
          case: "logAndContinue", line: 13, column: 9, endColumn: 22,
          suggestions: [{ title: "Mark as intentionally ignored…", output: nullDestructured.replace("} catch (error) {\n", "} catch (error) {\n        // Intentionally ignored: <reason>\n") }],
        },
      ],
      output: null,
    },
    {
      name: "a helper whose handler only logs hands the caller a silent success",
      code: onlyLogged,
      filename: file,
      files: MODELS,
      findings: [
        {
          case: "logAndContinue", line: 13, column: 9, endColumn: 22,
          suggestions: [{ title: "Mark as intentionally ignored…", output: onlyLogged.replace("} catch (error) {\n", "} catch (error) {\n        // Intentionally ignored: <reason>\n") }],
        },
      ],
      output: null,
    },
    {
      name: "a fulfilment handler reading a null answer without an optional link",
      code: plainRead,
      filename: file,
      files: MODELS,
      findings: [
        {
          case: "promiseCatchNoop", line: 9, column: 14, endColumn: 22,
          suggestions: [{ title: "Mark as intentionally ignored…", output: plainRead.replace(".catch(() => {});", ".catch(() => {\n        // Intentionally ignored: <reason>\n      });") }],
        },
      ],
      output: plainRead.replace(".catch(() => {});", '.catch((err) => {\n        console.error("System.prefs failed", err);\n      });'),
    },
    {
      name: "the same with a log-only rejection handler",
      code: plainReadLogged,
      filename: file,
      files: MODELS,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 9, column: 14, endColumn: 37,
          suggestions: [{ title: "Mark as intentionally ignored…", output: plainReadLogged.replace(".catch((e) => ", ".catch((e) => /* Intentionally ignored: <reason> */ ") }],
        },
      ],
      output: null,
    },
  ],
});
