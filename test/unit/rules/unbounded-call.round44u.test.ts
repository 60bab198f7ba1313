import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 44 (session 41, ub41). Hand-written rows.

// 1. An AWS SDK v3 package's aggregated client (`ApiGatewayManagementApi`, `S3`, `DynamoDB`: the `…Client` with a method
// per command) sends through the same request handler, with no timeout unless one is set (educatr
// `packages/functions/src/socket/sendMessage.ts:42`, decided finding). Its commands and errors are no clients.
const SST = { "package.json": "{ \"name\": \"functions\", \"dependencies\": { \"@aws-sdk/client-apigatewaymanagementapi\": \"^3.600.0\", \"@aws-sdk/client-s3\": \"^3.600.0\" } }\n" };

const SOCKET = (options: string) => dedent`
  import { ApiGatewayManagementApi } from "@aws-sdk/client-apigatewaymanagementapi";
  export const main = async (event: { requestContext: { domainName: string; stage: string } }) => {
    const { stage, domainName } = event.requestContext;
    const apiG = new ApiGatewayManagementApi({
      endpoint: \`https://\${domainName}/\${stage}\`,${options}
    });
    await apiG.postToConnection({ ConnectionId: "abc", Data: new TextEncoder().encode("hi") });
    return { statusCode: 200 };
  };
`;
// Another style: CommonJS, the S3 aggregated client at module scope of an Express app.
const S3_CJS = (options: string) => dedent`
  const express = require("express");
  const { S3, PutObjectCommand } = require("@aws-sdk/client-s3");
  const s3 = new S3({ region: "eu-west-1"${options} });
  const app = express();
  app.post("/upload", async (req, res) => {
    await s3.send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x" }));
    res.sendStatus(204);
  });
  module.exports = app;
`;

// 2. A poll of a long-running operation whose loop waits for the flag the other service sets (`while (!operation.done)`),
// with a delay and no attempt cap or deadline (provadoria `server/gemini.ts:210`, a Gemini video operation, decided
// finding). A stream or iterator read (`res = await it.next()`) ends with the parts of one answer: not reported.
const GENAI = { "package.json": "{ \"name\": \"server\", \"dependencies\": { \"@google/genai\": \"^1.0.0\", \"express\": \"^4.21.0\" } }\n" };

const POLL = (loop: string) => dedent`
  import { GoogleGenAI } from "@google/genai";
  const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 60000 } });
  export async function generateVideo(prompt: string) {
    let operation = await ai.models.generateVideos({ model: "veo-3.0-generate-001", prompt });
    ${loop}
    return operation.response?.generatedVideos?.[0]?.video?.uri;
  }
`;
const UNCAPPED = "while (!operation.done) {\n    await new Promise((resolve) => setTimeout(resolve, 5000));\n    operation = await ai.operations.getVideosOperation({ operation });\n  }";
// Another style: a job client's `isComplete` flag in a do…while, JavaScript.
const JOB = (cond: string) => dedent`
  const axios = require("axios");
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function waitForExport(id) {
    let job = (await axios.post("https://api.example.com/exports", { id }, { timeout: 10000 })).data;
    do {
      await sleep(2000);
      job = (await axios.get(\`https://api.example.com/exports/\${job.id}\`, { timeout: 10000 })).data;
    } while (${cond});
    return job.url;
  }
  module.exports = { waitForExport };
`;

// The retry fixes (suggestions): an attempt counter that throws after 5 turns.
const POLL_CAPPED = "import { GoogleGenAI } from \"@google/genai\";\nconst ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 60000 } });\nexport async function generateVideo(prompt: string) {\n  let operation = await ai.models.generateVideos({ model: \"veo-3.0-generate-001\", prompt });\n  let attempt = 0;\n  while (!operation.done) {\n  await new Promise((resolve) => setTimeout(resolve, 5000));\n  operation = await ai.operations.getVideosOperation({ operation });\n  if (++attempt >= 5) throw new Error(\"Gave up after 5 attempts\");\n}\n  return operation.response?.generatedVideos?.[0]?.video?.uri;\n}\n";
const JOB_CAPPED = "const axios = require(\"axios\");\nconst sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nasync function waitForExport(id) {\n  let job = (await axios.post(\"https://api.example.com/exports\", { id }, { timeout: 10000 })).data;\n  let attempt = 0;\n  do {\n    await sleep(2000);\n    job = (await axios.get(`https://api.example.com/exports/${job.id}`, { timeout: 10000 })).data;\n    if (++attempt >= 5) throw new Error(\"Gave up after 5 attempts\");\n  } while (!job.isComplete);\n  return job.url;\n}\nmodule.exports = { waitForExport };\n";

// 3. A loop whose turn, after a failed try, drops the failed endpoint from the pool the next turn's assignment picks from
// (`await docWorkerMap.removeWorker(docStatus.docWorker.id)` after `docStatus = await docWorkerMap.assignDocWorker(id)`:
// production grist-core `app/server/lib/DocWorkerUtils.ts:98`, session 41, sampled false): each turn asks another
// worker. The same loop that drops nothing asks the same one again: a retry with no cap.
const GRIST = { "package.json": "{ \"name\": \"grist\", \"dependencies\": { \"node-fetch\": \"^2.7.0\" } }\n" };
const WORKER = (drop: string) => dedent`
  import fetch from "node-fetch";
  import type { IDocWorkerMap } from "./DocWorkerMap";
  export async function getWorker(docWorkerMap: IDocWorkerMap, assignmentId: string, urlPath: string) {
    for (;;) {
      const docStatus = await docWorkerMap.assignDocWorker(assignmentId);
      const fullUrl = docStatus.docWorker.internalUrl + urlPath;
      try {
        const resp = await fetch(fullUrl, { timeout: 10000 });
        if (resp.ok) {
          return { resp, docStatus };
        }
        throw new Error(resp.statusText);
      } catch (e) {
        console.debug("getWorker failure", fullUrl, String(e));
      }${drop}
    }
  }
`;
const DROP = "\n      console.warn(`fetch from ${fullUrl} failed, removing that worker`);\n      await docWorkerMap.removeWorker(docStatus.docWorker.id);";
// Another style: JavaScript, an upstream pool marking a host down before the next pick.
const UPSTREAM = dedent`
  const axios = require("axios");
  async function forward(pool, req) {
    while (true) {
      const host = pool.pick();
      try {
        return await axios.post(\`https://\${host}/ingest\`, req, { timeout: 5000 });
      } catch (err) {
        console.error("upstream failed", host, err.message);
      }
      pool.markHostDown(host);
    }
  }
  module.exports = { forward };
`;

const WORKER_CAPPED = "import fetch from \"node-fetch\";\nimport type { IDocWorkerMap } from \"./DocWorkerMap\";\nexport async function getWorker(docWorkerMap: IDocWorkerMap, assignmentId: string, urlPath: string) {\n  let attempt = 0;\n  for (;;) {\n    const docStatus = await docWorkerMap.assignDocWorker(assignmentId);\n    const fullUrl = docStatus.docWorker.internalUrl + urlPath;\n    try {\n      const resp = await fetch(fullUrl, { timeout: 10000 });\n      if (resp.ok) {\n        return { resp, docStatus };\n      }\n      throw new Error(resp.statusText);\n    } catch (e) {\n      console.debug(\"getWorker failure\", fullUrl, String(e));\n      if (++attempt >= 5) throw e;\n      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n    }\n  }\n}\n";

const valid: ValidCase[] = [
  { name: "ApiGatewayManagementApi with a request handler timeout", code: SOCKET("\n    requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 },"), filename: "packages/functions/src/socket/sendMessage.ts", files: SST },
  { name: "S3 aggregated client with a request handler timeout (CommonJS)", code: S3_CJS(", requestHandler: { requestTimeout: 10000 }"), filename: "server/app.js", files: SST },
  { name: "the operation poll capped by attempts", code: POLL("for (let i = 0; i < 60 && !operation.done; i++) {\n    await new Promise((resolve) => setTimeout(resolve, 5000));\n    operation = await ai.operations.getVideosOperation({ operation });\n  }"), filename: "server/gemini.ts", files: GENAI },
  { name: "an async iterator read until done (the parts of one answer)", code: POLL("const it = ai.models.generateContentStream({ model: \"gemini-2.5-flash\", contents: prompt })[Symbol.asyncIterator]();\n  let part = await it.next();\n  while (!part.done) {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    part = await it.next();\n  }"), filename: "server/gemini.ts", files: GENAI },
  { name: "a do…while on a job flag with an attempt cap (JS)", code: JOB("!job.isComplete && ++tries < 30").replace("let job =", "let tries = 0;\n  let job ="), filename: "server/export.js", files: GENAI },
  { name: "a worker loop that removes the failed worker before the next assignment", code: WORKER(DROP), filename: "app/server/lib/DocWorkerUtils.ts", files: GRIST },
  { name: "an upstream loop that marks the failed host down (JS)", code: UPSTREAM, filename: "server/forward.js", files: GRIST },
];

const invalid: InvalidCase[] = [
  { name: "ApiGatewayManagementApi built per invocation with no timeout", code: SOCKET(""), filename: "packages/functions/src/socket/sendMessage.ts", files: SST, output: null, findings: [
    { case: "client", line: 4, column: 20, endColumn: 43, suggestions: [{ title: "Set the request handler's requestTimeout to 10000 ms", output: SOCKET("").replace("`,\n  });", "`,\n    requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 },\n  });") }] },
  ] },
  { name: "S3 aggregated client with no timeout (CommonJS)", code: S3_CJS(""), filename: "server/app.js", files: SST, output: null, findings: [
    { case: "client", line: 3, column: 16, endColumn: 18, suggestions: [{ title: "Set the request handler's requestTimeout to 10000 ms", output: S3_CJS(", requestHandler: { connectionTimeout: 5000, requestTimeout: 10000 }") }] },
  ] },
  { name: "while (!operation.done) with a delay and no cap", code: POLL(UNCAPPED), filename: "server/gemini.ts", files: GENAI, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 8, suggestions: [{ title: "Give up after 5 attempts", output: POLL_CAPPED }] }] },
  { name: "do…while (!job.isComplete) with a delay and no cap (JS)", code: JOB("!job.isComplete"), filename: "server/export.js", files: GENAI, output: null, findings: [{ case: "retry", line: 5, column: 3, endColumn: 5, suggestions: [{ title: "Give up after 5 attempts", output: JOB_CAPPED }] }] },
  { name: "the same worker loop dropping nothing asks again with no cap", code: WORKER(""), filename: "app/server/lib/DocWorkerUtils.ts", files: GRIST, output: null, findings: [{ case: "retry", line: 4, column: 3, endColumn: 6, suggestions: [{ title: "Wait between attempts and give up after 5", output: WORKER_CAPPED }] }] },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, { valid, invalid });
