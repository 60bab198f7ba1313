import * as path from "node:path";
import rule from "../../../src/rules/unvalidated-boundary/rule";
import { runFixtures } from "../../helpers/fixture-runner";

runFixtures(rule, path.resolve(__dirname, "../../fixtures/unvalidated-boundary"));
