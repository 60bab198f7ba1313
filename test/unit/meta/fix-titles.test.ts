import * as assert from "node:assert/strict";
import { producedTitles } from "../../helpers/rule-tester";
// Every rule table and fixture folder, so that this test sees every fix title they produce even
// when run alone (mocha loads each module once: in a full run these are the same suites).
import "../rules/hardcoded-secret.test";
import "../rules/hardcoded-secret.fixtures.test";
import "../rules/swallowed-exception.test";
import "../rules/swallowed-exception.fixtures.test";
import "../rules/unbounded-call.test";
import "../rules/unvalidated-boundary.test";
import "../rules/unvalidated-boundary.fixes.test";
import "../rules/unvalidated-boundary.fixtures.test";

/**
 * What is wrong with a fix title, or undefined. VS Code's lightbulb menu, the CLI and the agents'
 * hook show titles as plain text, so a backtick shows up literally: quote code with nothing, or
 * with plain quotes where reading needs it ("Validate req.body with Zod").
 */
function problemOf(title: string): string | undefined {
  if (title.includes("`")) return "backtick";
  if (title.trim() !== title || title === "") return "blank or padded";
  return undefined;
}

describe("meta: every fix title is plain text (issue 17)", () => {
  it("the check can fail", () => {
    assert.deepEqual(["Validate `req.body` with Zod", " Rethrow", "", "Validate req.body with Zod", 'Pass the error to "next"'].map(problemOf), ["backtick", "blank or padded", "blank or padded", undefined, undefined]);
  });

  // Runs after the tables above (mocha runs the imported suites first): it reads what they produced.
  it("no fix of any rule table row or fixture has a title with a backtick", () => {
    // Not vacuous: the tables ran and every family offered fixes.
    for (const family of ["hardcoded-secret", "swallowed-exception", "unbounded-call", "unvalidated-boundary"]) {
      assert.ok(producedTitles.some((t) => t.code.startsWith(`${family}/`)), `no fix title of ${family} was seen: are the rule tables loaded?`);
    }
    assert.deepEqual(badTitles(), []);
  });
});

/** Every title the tables that ran so far produced with a problem, one line each. */
function badTitles(): string[] {
  return [...new Set(producedTitles.flatMap((t) => {
    const problem = problemOf(t.title);
    return problem ? [`${t.code} (${problem}) "${t.title}" in ${t.label}`] : [];
  }))].sort();
}

// A root hook: in a full run it runs after every suite, so the tables that mocha loads after this
// file (the per-round and production tables, which the imports above do not name) are checked too.
after("meta: every fix title of the whole run is plain text (issue 17)", () => {
  assert.deepEqual(badTitles(), []);
});
