import rule from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retries after a logical conflict with no cap (tune EmailTempMailWorker/temp-mail-on11 src/database/mailbox.ts:115, production
// hoppscotch mock-server.service.ts:459), as hand-written analogues.

const CONFLICT_LOOP = dedent`
  export async function createBox(db: { insert(email: string): Promise<void> }, gen: () => string) {
    while (true) {
      const email = gen();
      try {
        await db.insert(email);
        return email;
      } catch (err) {
        if (!String(err).includes("UNIQUE")) throw err;
      }
    }
  }
`;

const valid: ValidCase[] = [
  {
    name: "a capped retry after a unique violation needs no delay",
    code: CONFLICT_LOOP.replace("while (true) {", "for (let attempt = 0; attempt < 5; attempt++) {"),
  },
];

const CONFLICT_RECURSION = dedent`
  export class Servers {
    constructor(private db: { create(sub: string): Promise<{ id: string }> }) {}
    async createServer(name: string): Promise<{ id: string }> {
      try {
        return await this.db.create(name + "-" + Math.random().toString(36).slice(2, 8));
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") return this.createServer(name);
        throw error;
      }
    }
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "an uncapped retry after a unique violation lacks only a cap",
    code: CONFLICT_LOOP,
    findings: [{ case: "retry", line: 2, column: 3, endLine: 2, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: CONFLICT_LOOP.replace("  while (true) {", "  let attempt = 0;\n  while (true) {").replace('if (!String(err).includes("UNIQUE")) throw err;', 'if (!String(err).includes("UNIQUE")) throw err;\n      if (++attempt >= 5) throw err;') }] }],
    output: null,
  },
  {
    name: "an uncapped recursion after a unique violation lacks only a cap (no fix)",
    code: CONFLICT_RECURSION,
    findings: [{ case: "retry", line: 7, column: 65, endLine: 7, endColumn: 88, suggestions: [] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
