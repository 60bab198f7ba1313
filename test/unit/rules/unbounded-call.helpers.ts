import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

/** Runs the rows against the rule narrowed to the cases the invalid rows name (the other cases have their own tables). */
export function runWithNamedCases(valid: ValidCase[], invalid: InvalidCase[]): void {
  const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
  const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
  new RuleTester().run(narrowed, { valid, invalid });
}
