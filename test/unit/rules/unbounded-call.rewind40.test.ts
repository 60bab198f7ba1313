import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 43 (retired to tune), session 40, developer ub40: a paging `for` loop whose catch takes the
// counter back a step and goes round (`page--; continue;`) after a sleep re-asks the same page for as long
// as the API fails: the loop's own bound never counts those re-asks. Reported at the loop header, unless a
// count of the catch's own leaves (integritystudio/tcad-scraper `server/src/lib/tcad-api-client.ts:132`,
// debatable). Rows in TypeScript as in the repository, and hand-made in JavaScript with a `while`-free
// index loop over a list of ids (`i -= 1`).

const PKG = { "package.json": '{ "name": "scraper", "dependencies": { "express": "^4.19.0" } }' };

const PAGES = (extra = "") => dedent`
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  export async function fetchAll(token: string) {
    const all: unknown[] = [];${extra ? `\n    let hits = 0;` : ""}
    for (let page = 2; page <= 100; page++) {
      try {
        const next = await fetchPage(token, page);
        all.push(...next);
        if (next.length < 1000) break;
      } catch (err) {
        if ((err as Error).message.includes("409")) {${extra}
          await sleep(2000);
          page--;
          continue;
        }
        throw err;
      }
    }
    return all;
  }

  async function fetchPage(token: string, page: number): Promise<unknown[]> {
    const res = await fetch(\`https://api.example.com/search?page=\${page}\`, { headers: { Authorization: token }, signal: AbortSignal.timeout(10000) });
    return res.json();
  }
`;

const IDS = dedent`
  const axios = require("axios");

  async function syncAll(ids) {
    for (let i = 0; i < ids.length; i++) {
      try {
        await axios.post("https://crm.example.com/sync", { id: ids[i] }, { timeout: 5000 });
      } catch (e) {
        console.warn("retrying", ids[i]);
        i -= 1;
      }
    }
  }

  module.exports = { syncAll };
`;

const retryOnly = { ...unboundedCall, cases: { retry: unboundedCall.cases.retry } } as typeof unboundedCall;

new RuleTester().run(retryOnly, {
  valid: [
    { name: "a count of the catch's own leaves", code: PAGES("\n          if (++hits > 5) throw err;"), filename: "server/src/lib/client.ts", files: PKG },
    {
      name: "a step back that then leaves",
      code: dedent`
        export async function load(get: (p: number) => Promise<unknown[]>) {
          for (let page = 1; page <= 10; page++) {
            try {
              await get(page);
            } catch (err) {
              page--;
              throw err;
            }
          }
        }
      `,
      filename: "server/src/lib/load.ts",
      files: PKG,
    },
  ],
  invalid: [
    {
      name: "a paging loop re-asking the same page after a sleep (round 43, tcad-scraper)",
      code: PAGES(),
      filename: "server/src/lib/client.ts",
      files: PKG,
      findings: [{ case: "retry", line: 5, column: 3, endColumn: 6, suggestions: [{ title: "Give up after 5 attempts", output: PAGES().replace("const all: unknown[] = [];\n", "const all: unknown[] = [];\n  let attempt = 0;\n").replace("page--;\n", "page--;\n        if (++attempt >= 5) throw err;\n") }] }],
      output: null,
    },
    {
      name: "JavaScript (hand-made): an index loop stepping back with i -= 1, no delay",
      code: IDS,
      filename: "src/sync.js",
      files: PKG,
      findings: [{ case: "retry", line: 4, column: 3, endColumn: 6, suggestions: [{ title: "Wait between attempts and give up after 5", output: IDS.replace("async function syncAll(ids) {\n", "async function syncAll(ids) {\n  let attempt = 0;\n").replace("i -= 1;\n", "i -= 1;\n      if (++attempt >= 5) throw e;\n      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n") }] }],
      output: null,
    },
  ],
});
