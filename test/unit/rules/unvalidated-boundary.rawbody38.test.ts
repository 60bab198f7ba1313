import { dedent, type InvalidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 41 (retired to tune), session 38, developer ub38: a raw request body held in a `const` behind a text
// fallback of the code's own (`const body = event.body || "{}"`) and then `JSON.parse`d is reported at the parse, its
// first use (README's line rule), as it already was without the fallback (vwilson317/bolt-ccc
// `netlify/functions/cloudflare-upload.ts:151`, decided). Rows: a Netlify function (as in the repository) and an AWS
// Lambda handler in TypeScript with `??`.

const NETLIFY = dedent`
  export const handler = async (event) => {
    try {
      const body = event.body || "{}";
      console.log("parsing the upload request");
      const request = JSON.parse(body);
      await bucket.put(\`\${request.folder}/\${request.fileName}\`, request.file);
      return { statusCode: 200, body: "ok" };
    } catch (e) {
      return { statusCode: 500, body: "failed" };
    }
  };
`;

// AWS Lambda in TypeScript, the event typed, `??` and the parse cast to a type (no check).
const LAMBDA_TS = dedent`
  import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
  export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
    const text = event.body ?? "";
    const input = JSON.parse(text) as { userId: string; plan: string };
    await ddb.put({ TableName: "subs", Item: { userId: input.userId, plan: input.plan } });
    return { statusCode: 201, body: "" };
  }
`;

const invalid: InvalidCase[] = [
  markedRow("Netlify function: event.body behind || \"{}\", parsed two lines on: reported at the parse", NETLIFY, "netlify/functions/upload.js", { "package.json": "{ \"name\": \"site\" }\n" }, "lambdaEvent", 5, 21, 37),
  markedRow("Lambda (TypeScript): event.body behind ?? \"\", its parse cast to a type: reported at the parse", LAMBDA_TS, "src/handler.ts", { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"joi\": \"17.0.0\" } }\n" }, "lambdaEvent", 4, 17, 33),
];

describe("unvalidated-boundary: a raw body behind a text fallback, parsed later (round 41)", () => {
  runWithNamedCases([], invalid);
});
