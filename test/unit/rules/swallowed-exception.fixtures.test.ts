import * as path from "node:path";
import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { runFixtures } from "../../helpers/fixture-runner";

runFixtures(swallowedException, path.resolve(__dirname, "../../fixtures/swallowed-exception"));
