import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a new error that keeps only the HTTP status of the caught one
// (the retired held round 38's Kit connector, held round 22's classify-then-rethrow rule,
// debatable): `${status}` in the message says which answer came back, not why; the response body
// and the stack are dropped. A message that keeps the error's text or body is not one.
// This table declares only the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A NestJS connector over HttpService (axios): the status picks the message.
const connector = (last: string): string => dedent`
  export class KitConnector {
    async fetchPublications(token: string) {
      try {
        const response = await firstValueFrom(this.http.get(url, { headers: { Authorization: token } }));
        return response.data.publications ?? [];
      } catch (error: any) {
        if (error.response) {
          const status = error.response.status;
          if (status === 429) {
            throw new Error("Rate limit exceeded. Please try again later.");
          }
          throw new Error(${last});
        }
        throw new Error(\`Network error while fetching publications: \${error.message}\`);
      }
    }
  }
`;
const statusOnly = connector("`Failed to fetch publications: ${status}`");
const withBody = connector("`Failed to fetch publications: ${status} ${JSON.stringify(error.response.data)}`");

// Plain JavaScript with got: the status read inline in the message.
const inline = dedent`
  async function loadProfile(id) {
    try {
      return await got(\`https://api.example.com/users/\${id}\`).json();
    } catch (err) {
      throw new Error("profile service answered " + err.response?.statusCode);
    }
  }
`;
const inlineWithMessage = inline.replace('" + err.response?.statusCode', ': " + err.message');

new RuleTester().run(narrowed, {
  valid: [
    { name: "the message keeps the response body as well as the status", code: withBody, filename: "libs/core/src/esp/kit.connector.ts" },
    { name: "got: the message keeps the error's own text", code: inlineWithMessage, filename: "src/profile.js" },
  ],
  invalid: [
    { name: "a Kit connector rethrow that keeps only the HTTP status (held round 38)", code: statusOnly, filename: "libs/core/src/esp/kit.connector.ts", findings: [{ case: "rethrowWithoutCause", line: 6, column: 7, endColumn: 25 }], output: statusOnly.replace("${status}`);", "${status}`, { cause: error });") },
    { name: "got: the status code read inline is all the new error keeps", code: inline, filename: "src/profile.js", findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endColumn: 16 }], output: inline.replace("statusCode);", "statusCode, { cause: err });") },
  ],
});
