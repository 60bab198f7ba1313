import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production linkwarden (eval/production, seed 20261240), session 26, developer prodclass29b: a try
// whose only call is Node's `existsSync` (it answers `false`, never throws), and a promise queue's
// `.catch(() => {})` after `.then(fn)` where `fn`, the file's own function, ends every failure in its
// own tries. Hand-written analogues, no fetched code. This table declares only the cases its invalid
// rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A migration script's probe of a stored file, with or without a read of it.
const probe = (read: string): string => dedent`
  import { existsSync, readFileSync } from "fs";

  function stored(path) {
    try {
      if (existsSync(STORAGE_FOLDER + "/" + path)) {${read}
        return true;
      } else return false;
    } catch (err) {
      console.log(err);
    }
  }
`;
const reads = probe("\n        readFileSync(STORAGE_FOLDER + \"/\" + path);");

// A persister that writes the pending state one write after another; its write logs its own failures, or not.
const queue = (open: string): string => dedent`
  let pending = null;
  let writeQueue = Promise.resolve();

  const writePending = async () => {
    const state = pending;
    pending = null;
    if (!state) return;${open}
    try {
      await storage.setItem(KEY, state);
    } catch (e) {
      console.error("Error persisting state:", e);
      return;
    }
  };

  export const enqueueWrite = () => {
    writeQueue = writeQueue.then(writePending).catch(() => {});
    return writeQueue;
  };
`;
const rejects = queue("").replace("  if (!state) return;\n", "  if (!state) return;\n  await storage.ready();\n").replace(".catch(() => {})", '.catch((e) => console.error("queue", e))');
// "Rethrow the error" in the write's catch: its `return;` becomes `throw e;`.
const rethrow = (code: string) => ({ title: "Rethrow the error", output: code.replace("    return;\n  }\n};", "    throw e;\n  }\n};") });

// "Mark as intentionally ignored…": the comment opening the catch that starts with `open`.
const ignored = (code: string, open: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(open, `${open}\n${indent}// Intentionally ignored: <reason>`) });

// A TanStack Query persister whose restore answers a cold cache, or a made-up client, when the stored one cannot be read.
const persister = (answer: string): string => dedent`
  export const persister = {
    persistClient: async (client) => {
      await storage.setItem(KEY, JSON.stringify(client));
    },
    restoreClient: async () => {
      try {
        const raw = await storage.getItem(KEY);
        return raw ? JSON.parse(raw) : undefined;
      } catch (e) {
        console.error("Error restoring client:", e);
        return ${answer};
      }
    },
  };
`;
const madeUp = persister("{ timestamp: Date.now(), buster: \"\", clientState: { queries: [], mutations: [] } }");

new RuleTester().run(narrowed, {
  valid: [
    { code: probe(""), filename: "apps/web/scripts/migration/migrateToV2.js" },
    { code: persister("undefined"), filename: "apps/mobile/lib/queryPersister.ts" },
  ],
  invalid: [
    {
      name: "a persister's restore that makes up a client is judged as any default",
      code: madeUp,
      filename: "apps/mobile/lib/queryPersister.ts",
      findings: [{ case: "logAndContinue", line: 9, column: 7, endLine: 9, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: madeUp.replace(/return \{ timestamp.*;/, "throw e;") }, ignored(madeUp, "catch (e) {", "      ")] }],
      output: null,
    },
    {
      name: "a read beside the probe can throw into the catch",
      code: reads,
      filename: "apps/web/scripts/migration/migrateToV2.js",
      findings: [{ case: "logAndContinue", line: 9, column: 5, endLine: 9, endColumn: 16, suggestions: [ignored(reads, "catch (err) {", "    ")] }],
      output: null,
    },
    {
      name: "the queue's write logs its own failure: only that catch is judged",
      code: queue(""),
      filename: "apps/mobile/lib/persister.ts",
      findings: [{ case: "logAndContinue", line: 10, column: 5, endLine: 10, endColumn: 14, suggestions: [rethrow(queue("")), ignored(queue(""), "catch (e) {", "    ")] }],
      output: null,
    },
    {
      name: "an await outside the write's try rejects into the queue's handler",
      code: rejects,
      filename: "apps/mobile/lib/persister.ts",
      findings: [
        { case: "logAndContinue", line: 11, column: 5, endLine: 11, endColumn: 14, suggestions: [rethrow(rejects), ignored(rejects, "catch (e) {", "    ")] },
        {
          case: "promiseCatchLogOnly",
          line: 18,
          column: 52,
          endLine: 18,
          endColumn: 84,
          suggestions: [
            { title: "Rethrow in the handler after logging", output: rejects.replace('.catch((e) => console.error("queue", e));', '.catch((e) => {\n    console.error("queue", e);\n    throw e;\n  });') },
            { title: "Mark as intentionally ignored…", output: rejects.replace('.catch((e) => console.error', '.catch((e) => /* Intentionally ignored: <reason> */ console.error') },
          ],
        },
      ],
      output: null,
    },
  ],
});
