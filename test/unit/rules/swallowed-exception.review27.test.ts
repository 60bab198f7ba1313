import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 27's review (rv27) of the items session 26's review left; hand-written rows. This table
// declares only the cases its invalid rows name.
const named = new Set(["thenRejectionNoop", "promiseCatchLogOnly", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// `void console.error(…)` as a rejection handler: `void` only marks the log's value unused; it logs.
const THEN_VOID_LOG = dedent`
  export function refresh() {
    loadFeed().then((feed) => render(feed), () => void console.error("Failed to load feed"));
  }
`;
const CATCH_VOID_LOG = dedent`
  export function refresh() {
    loadFeed().catch(() => void console.error("Failed to load feed"));
  }
`;
const CATCH_VOID_LOG_WITH_ERROR = dedent`
  export function refresh() {
    loadFeed().catch((err) => void logger.error("Failed to load feed", err));
  }
`;
// The same in a catch block: a log line as much as `console.error("Failed to load feed")` is.
const BLOCK_VOID_LOG = dedent`
  export async function refresh() {
    try {
      render(await loadFeed());
    } catch {
      void console.error("Failed to load feed");
    }
  }
`;
// `void 0` is still nothing.
const THEN_VOID_ZERO = dedent`
  export function refresh() {
    loadFeed().then((feed) => render(feed), () => void 0);
  }
`;

const MARK = "/* Intentionally ignored: <reason> */ ";

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "a .then rejection handler that is `void console.error(…)` only logs: the error goes into the log call, not a second log",
      code: THEN_VOID_LOG,
      findings: [{ case: "thenRejectionNoop", line: 2, column: 43, endColumn: 90, suggestions: [{ title: "Mark as intentionally ignored…", output: THEN_VOID_LOG.replace("() => void", `() => ${MARK}void`) }] }],
      output: THEN_VOID_LOG.replace('() => void console.error("Failed to load feed")', '(err) => void console.error("Failed to load feed", err)'),
    },
    {
      name: "a .catch handler that is `void console.error(…)` is log-only (promiseCatchLogOnly), not a no-op",
      code: CATCH_VOID_LOG,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 20, endColumn: 67, suggestions: [{ title: "Mark as intentionally ignored…", output: CATCH_VOID_LOG.replace("() => void", `() => ${MARK}void`) }] }],
      output: CATCH_VOID_LOG.replace('() => void console.error("Failed to load feed")', '(err) => void console.error("Failed to load feed", err)'),
    },
    {
      name: "a .catch handler that is `void logger.error(…, err)` logs the error and resolves, as without the void",
      code: CATCH_VOID_LOG_WITH_ERROR,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 20, endColumn: 74, suggestions: [{ title: "Mark as intentionally ignored…", output: CATCH_VOID_LOG_WITH_ERROR.replace("(err) => void", `(err) => ${MARK}void`) }] }],
      output: null,
    },
    {
      name: "a catch whose only statement is `void console.error(…)` logs and carries on",
      code: BLOCK_VOID_LOG,
      findings: [
        {
          case: "logAndContinue",
          line: 4,
          column: 5,
          endColumn: 10,
          suggestions: [
            { title: "Rethrow the error", output: BLOCK_VOID_LOG.replace("} catch {", "} catch (err) {").replace('feed");\n', 'feed", err);\n    throw err;\n') },
            { title: "Mark as intentionally ignored…", output: BLOCK_VOID_LOG.replace("    void console", "    // Intentionally ignored: <reason>\n    void console") },
          ],
        },
      ],
      output: BLOCK_VOID_LOG.replace("} catch {", "} catch (err) {").replace('feed");', 'feed", err);'),
    },
    {
      name: "a .then rejection handler that is `void 0` stays a no-op, logged by the fix",
      code: THEN_VOID_ZERO,
      findings: [{ case: "thenRejectionNoop", line: 2, column: 43, endColumn: 55, suggestions: [{ title: "Mark as intentionally ignored…", output: THEN_VOID_ZERO.replace("() => void", `() => ${MARK}void`) }] }],
      output: THEN_VOID_ZERO.replace("() => void 0", '(err) => {\n    console.error("loadFeed failed in refresh", err);\n    return void 0;\n  }'),
    },
  ],
});
