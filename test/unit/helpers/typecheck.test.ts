import * as assert from "node:assert/strict";
import { typecheck } from "../../helpers/typecheck";
describe("typecheck helper", () => {
  it("passes good code with zod", () => { assert.deepEqual(typecheck({ "a.ts": 'import { z } from "zod";\nconst S = z.object({ id: z.string() });\nexport const v: { id: string } = S.parse(JSON.parse("{}"));\nprocess.exit(0);\n' }), []); });
  it("fails bad code", () => { assert.equal(typecheck({ "a.ts": 'const x: number = "s";\n' }).length, 1); });
});
