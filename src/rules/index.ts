import type { RuleModule } from "../engine/types";
import hardcodedSecret from "./hardcoded-secret/rule";
import swallowedException from "./swallowed-exception/rule";
import unboundedCall from "./unbounded-call/rule";
import unvalidatedBoundary from "./unvalidated-boundary/rule";

/** The rule families, sorted by id. A meta test checks this matches the folders under src/rules. */
export const familyRules: readonly RuleModule[] = [hardcodedSecret, swallowedException, unboundedCall, unvalidatedBoundary];
