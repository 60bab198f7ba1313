import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 28, developer prodse28 (unseen production langfuse, triaged blind at 81cf737; hand-written
// analogues, no fetched code): a Web Storage read whose catch answers what the function answers
// where there is no storage. This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A reader named `name` of a stored table layout whose try is `work`, its catch answering `answer`.
const reader = (name: string, work: string, answer: string): string => dedent`
  export const ${name} = (key: string): string[] => {
    if (typeof window === "undefined") {
      return [];
    }
    try {
      ${work}
    } catch (error) {
      console.warn("Error reading from local storage", error);
      return ${answer};
    }
  };
`;

const columnOrder = reader("readColumnOrder", 'const stored = localStorage.getItem(key);\n      return stored ? JSON.parse(stored) : [];', "[]");
const draft = reader("readDraft", 'const stored = localStorage.getItem(key);\n      return stored ? JSON.parse(stored) : [];', "[]");
const migrates = reader("readColumnOrder", 'const stored = localStorage.getItem(key);\n      localStorage.setItem(key + ":v2", stored ?? "[]");\n      return stored ? JSON.parse(stored) : [];', "[]");
const otherAnswer = reader("readColumnOrder", 'const stored = localStorage.getItem(key);\n      return stored ? JSON.parse(stored) : [];', '["name"]');

// A cached value read from several keys, answered as a miss without a log.
const cached = (guard: string): string => dedent`
  function readCachedVersion(projectId: string) {
    if (${guard}) return { version: undefined, checkedAt: null };
    try {
      const checkedAt = window.localStorage.getItem(projectId + ":checkedAt");
      return { version: checkedAt ? window.localStorage.getItem(projectId + ":version") : undefined, checkedAt };
    } catch {
      return { version: undefined, checkedAt: null };
    }
  }
`;

// The one suggestion of a log-only catch here: mark it as ignored.
const ignored = (code: string) => ({ title: "Mark as intentionally ignored…", output: code.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") });

const inputGuard = cached("!projectId");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a stored column order read, warned and answered [] like its no-window guard", code: columnOrder },
    { name: "a cached version read from session storage, answered as its no-window guard's miss", code: cached('typeof window === "undefined"') },
    { name: "the same with a typeof localStorage guard", code: cached("typeof localStorage === 'undefined'") },
  ],
  invalid: [
    { name: "a draft of the user's text read the same way (held round 28)", code: draft, findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: [ignored(draft)] }], output: null },
    { name: "a try that also writes storage (a migration)", code: migrates, findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [ignored(migrates)] }], output: null },
    { name: "a catch that answers another order than the guard", code: otherAnswer, findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: [ignored(otherAnswer)] }], output: null },
    { name: "a cached read whose guard is on the input, not on storage", code: inputGuard, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: inputGuard.replace("} catch {\n", '} catch (err) {\n    console.error("window.localStorage.getItem failed in readCachedVersion", err);\n') },
      { title: "Mark as intentionally ignored…", output: inputGuard.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
