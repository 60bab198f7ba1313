/**
 * Test support outside the test-file convention (issue 11, session 25, prodall28): a module or
 * folder named for it (`test-utils.ts`, `testHelpers.js`, `packages/test-helpers/src/mailpit.ts`,
 * `src/test-support/`, production rallly's e2e suite reading its local Mailpit API) drives the app
 * under test and reads what the test's own fakes answer, as test files do. The other families
 * already treat these as test code (hardcoded-secret's test helper folders, unbounded-call's test
 * support); a `testing/` feature folder or a `test.ts` script is not one.
 */
import { isTestSupportFile } from "../../engine/source";

const TEST_SUPPORT_DIR_RE = /(?:^|\/)tests?[-_]?(?:utils?|helpers?|support)\//i;

/** True for a test-support module or a file in a test-support folder. */
export function isTestSupport(path: string): boolean {
  return isTestSupportFile(path) || TEST_SUPPORT_DIR_RE.test(path.replace(/\\/g, "/"));
}

/**
 * A module that imports a test runner's API (`@playwright/test`, `vitest`, `@jest/globals`) is test code
 * whatever its name (session 41, prodnew41): production dub's `playwright/api/fixtures.ts` reads the auth
 * file its own setup project wrote, langfuse's `*.clienttest.tsx` the ledger its test seeded. The
 * `playwright` library itself (a scraper's browser) is no test runner.
 */
const TEST_RUNNER_IMPORT_RE = /\b(?:from\s*|require\(\s*)["'](?:@playwright\/test|vitest|@jest\/globals)["']/;

/** True when the module's text imports a test runner's API. */
export function importsTestRunner(text: string): boolean {
  return TEST_RUNNER_IMPORT_RE.test(text);
}
