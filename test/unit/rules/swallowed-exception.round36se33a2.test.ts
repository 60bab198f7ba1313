import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 33, developer se33a: the caught error answered where the function answers a list (the
// retired held round 36's meepletron vector search, a decided finding; hand-written analogues, no
// fetched code), also in a second shape: a TypeScript repository method over Postgres rows.
// This table declares only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A vector search whose try answers `answer`.
const search = (answer: string): string => dedent`
  export async function searchChunks(client, indexName, query, id) {
    const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-large" });
    try {
      const vector = await embeddings.embedQuery(query);
      const response = await client.index(indexName).query({ topK: 8, vector, filter: { bg_id: id } });
      return ${answer};
    } catch (err) {
      return err;
    }
  }
`;
const matches = search("response.matches\n      .filter((m) => m.score >= 0.4)\n      .map((m) => ({ text: m.metadata.text, score: m.score }))");

// The second shape: a repository method over pg rows.
const rows = (answer: string, handler = "return error;"): string => dedent`
  export class OrderRepository {
    constructor(private readonly pool: Pool) {}
    async recentOrders(customerId: string) {
      try {
        const result = await this.pool.query("SELECT * FROM orders WHERE customer_id = $1", [customerId]);
        return ${answer};
      } catch (error) {
        ${handler}
      }
    }
  }
`;
const spread = rows("[...result.rows]");

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "the error returned as data where the try answers a record (held round 21's labels)", code: search("response.matches[0] ?? null"), filename: "lib/vector-store.js" },
    { name: "a row count answered by the try", code: rows("result.rowCount") },
    { name: "the error wrapped as data beside the list (`{ ok: false, error }`)", code: rows("{ ok: true, orders: result.rows.map((r) => r.id) }", "return { ok: false, error };") },
  ],
  invalid: [
    {
      name: "a list of matches, the bare error in its place (held round 36, decided)",
      code: matches,
      filename: "lib/vector-store.js",
      findings: [{
        case: "catchReturnsDefault", line: 9, column: 5, endColumn: 16, suggestions: [
          { title: "Log the error with console", output: matches.replace("} catch (err) {\n", '} catch (err) {\n    console.error("searchChunks failed", { indexName, id }, err);\n') },
          ignore(matches, "  } catch (err) {", "    "),
        ],
      }],
      output: null,
    },
    {
      name: "a spread of rows, the bare error in its place",
      code: spread,
      findings: [{
        case: "catchReturnsDefault", line: 7, column: 7, endColumn: 20, suggestions: [
          { title: "Log the error with console", output: spread.replace("} catch (error) {\n", '} catch (error) {\n      console.error("pool.query failed in OrderRepository.recentOrders", error);\n') },
          ignore(spread, "    } catch (error) {", "      "),
        ],
      }],
      output: null,
    },
  ],
});
