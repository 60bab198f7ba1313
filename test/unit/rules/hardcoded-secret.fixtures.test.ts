import * as path from "node:path";
import rule from "../../../src/rules/hardcoded-secret/rule";
import { runFixtures } from "../../helpers/fixture-runner";

runFixtures(rule, path.resolve(__dirname, "../../fixtures/hardcoded-secret"));
