import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type ExpectedSuggestion, type InvalidCase } from "../../helpers/rule-tester";

// Fixes (session 26's fix review, R64), hand-written rows. The findings stay; only the rethrow
// goes where the catch returns the function's own literal default: papermark's
// `getQuantityFromPriceId` (`ee/stripe/functions/get-quantity-from-plan.ts:10`) returns `1` from
// its guard, from the lookup's `?? 1` and from the catch, the minimum seat count; a rethrow would
// crash the add-seat modal that calls it while rendering. A guard's literal counts only where the
// try returns a value on success; a `??`/`||` default alone only when it is not empty (`?? 0`,
// `?? null` also mean "nothing"); a catch returning another literal keeps the rethrow.
// This table declares only the case its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

/** "Mark as intentionally ignored…": the directive above the catch's first line (1-based). */
function mark(code: string, line: number): ExpectedSuggestion {
  const lines = code.split("\n");
  lines.splice(line - 1, 0, `${/^[ \t]*/.exec(lines[line - 1]!)![0]}// Intentionally ignored: <reason>`);
  return { title: "Mark as intentionally ignored…", output: lines.join("\n") };
}

/** "Rethrow the error": the catch's `return …` (its only one) becomes `throw error;`. */
function rethrow(code: string): ExpectedSuggestion {
  return { title: "Rethrow the error", output: code.replace(/(\} catch \(error\) \{\n.*\n\s*)return [^\n]*;/, "$1throw error;") };
}

/** A log-only catch at line `at` whose first line is `at + 1`: a row with the given suggestions, no safe fix. */
function row(name: string, code: string, at: number, suggestions: ExpectedSuggestion[]): InvalidCase {
  return { name, code, findings: [{ case: "logAndContinue", line: at, column: 5, endLine: at, endColumn: 18, suggestions }], output: null };
}

// papermark's function, with the literal the catch returns.
const quantity = (caught: string): string => dedent`
  export function getQuantityFromPriceId(priceId?: string) {
    if (!priceId) {
      return 1;
    }
    try {
      const plan = getPlanFromPriceId(priceId);
      return plan?.minQuantity ?? 1;
    } catch (error) {
      console.error("Error getting quantity for priceId: %s", priceId, error);
      return ${caught};
    }
  }
`;
const QUANTITY = quantity("1");
const QUANTITY_ZERO = quantity("0");

const THEME = dedent`
  export async function themeOf(userId: string) {
    try {
      const settings = await db.settings.findUnique({ where: { userId } });
      return settings?.theme || "light";
    } catch (error) {
      console.error("Could not load the theme", error);
      return "light";
    }
  }
`;

const PURGE = dedent`
  export async function purgeExpired() {
    try {
      const { data } = await db.rpc("purge_expired");
      return data ?? 0;
    } catch (error) {
      console.error("Could not purge", error);
      return 0;
    }
  }
`;

// A guard answering `[]`, and a try that lists (or only deletes).
const tags = (name: string, work: string): string => dedent`
  export async function ${name}(teamId?: string) {
    if (!teamId) return [];
    try {
      ${work}
    } catch (error) {
      console.error("Could not read tags", error);
      return [];
    }
  }
`;
const LIST_TAGS = tags("listTags", "return await db.tag.findMany({ where: { teamId } });");
const CLEAR_TAGS = tags("clearTags", "await db.tag.deleteMany({ where: { teamId } });");

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    row("the catch returns the literal the guard and the try's `?? 1` give: no rethrow, only the mark (R64)", QUANTITY, 8, [mark(QUANTITY, 9)]),
    row("the catch returns another literal than the default: the rethrow stays", QUANTITY_ZERO, 8, [rethrow(QUANTITY_ZERO), mark(QUANTITY_ZERO, 9)]),
    row("the catch returns the string the try's `||` defaults to, without a guard: no rethrow", THEME, 5, [mark(THEME, 6)]),
    row('an empty `?? 0` without a guard is also "nothing done": the rethrow stays', PURGE, 5, [rethrow(PURGE), mark(PURGE, 6)]),
    row("the catch returns the empty array its guard returns, the try a list: no rethrow", LIST_TAGS, 5, [mark(LIST_TAGS, 6)]),
    row("the guard's literal where the try returns nothing on success: the rethrow stays", CLEAR_TAGS, 5, [rethrow(CLEAR_TAGS), mark(CLEAR_TAGS, 6)]),
  ],
});

// The helpers above write the expected outputs; this keeps `rethrow()` honest: only the catch's return changes.
describe("swallowed-exception fix26: the rethrow helper", () => {
  it("replaces the catch's `return 0;` line with `throw error;` and nothing else", () => {
    const before = PURGE.split("\n");
    const after = rethrow(PURGE).output.split("\n");
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [`${before[i]} -> ${line}`]));
    if (after.length !== before.length || changed.join() !== "    return 0; ->     throw error;") throw new Error(`rethrow() changed: ${changed.join(" | ")}`);
  });
});
