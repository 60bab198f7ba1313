import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 44 (hsuc), production firecrawl's `apps/api/src/scraper/scrapeURL/index.ts:388`, an unbounded-call/retry false
// finding: a `while (true)` loop whose try awaits `Promise.race` over promises already started (`...pending.map((x) =>
// x.promise)`) and a timer, and whose catch drops the failed one and goes round to race the rest. The race asks nothing
// of its own, so no call is re-issued: no retry. A race whose elements start work each turn (`scrape(engine, url)`)
// still re-issues it and stays reported.

const FILES = { "package.json": '{ "name": "api", "dependencies": { "express": "^4.19.0" } }\n' };

const WATERFALL = (race: string) => `import { scrape } from "./engines";

export async function waterfall(engines: string[], url: string) {
  let pending = engines.map((engine) => ({ engine, promise: scrape(engine, url) }));
  while (true) {
    try {
      return await Promise.race([${race}, new Promise<never>((_, reject) => { setTimeout(() => reject(new Error("timed out")), 300000); })]);
    } catch (error) {
      console.warn("engine failed", error);
      pending = pending.filter((x) => x.engine !== (error as { engine?: string }).engine);
      if (pending.length === 0) break;
    }
  }
  throw new Error("every engine failed");
}
`;

const valid: ValidCase[] = [
  { name: "a loop racing promises already started against a timer", code: WATERFALL("...pending.map((x) => x.promise)"), filename: "src/scraper/waterfall.ts", files: FILES },
];

const invalid: InvalidCase[] = [
  { name: "neighbour: the race starts a scrape each turn", code: WATERFALL("scrape(pending[0].engine, url)"), filename: "src/scraper/waterfall.ts", files: FILES, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: WATERFALL("scrape(pending[0].engine, url)").replace("  while (true) {", "  let attempt = 0;\n  while (true) {").replace("      if (pending.length === 0) break;\n", "      if (pending.length === 0) break;\n      if (++attempt >= 5) throw error;\n") }] }] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
