import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 35, developer fc35: production mendableai/firecrawl (eval/production/mendableai__firecrawl.json, triaged
// blind at 0a11d70b). Hand-written rows.
// - A request part replaced with the value a validator returns (`req.body = searchRequestSchema.parse(req.body)`, also
//   inside a `try` whose catch leaves, in both branches of an `if`/`else`, or `req.body = parsed.data` of a tested
//   `safeParse`): later reads take the validated value (v1/search.ts:389, v1/x402-search.ts:340, v2/search.ts:440).
//   So does a function whose only callers in the module hand it their request after the replacement, when it is
//   not registered as a route anywhere (v1/extract.ts:29, `oldExtract`).
// - A copy of the body taken before that parse (`const preNormalizedBody = { ...req.body }`) that is only logged, or
//   whose fields are read after the parse as the raw form of what the parse validated (v1/extract.ts:63,
//   v2/extract.ts:25, v2/scrape.ts:22, v1/batch-scrape.ts:32, v2/batch-scrape.ts:31). Handed on whole after the parse it
//   still carries the keys the schema does not name: reported.

const EXPRESS = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^4.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const KOA = { "package.json": "{ \"name\": \"shop\", \"dependencies\": { \"koa\": \"^2.0.0\", \"@koa/router\": \"^12.0.0\", \"yup\": \"^1.0.0\" } }\n" };

// firecrawl v1/search.ts: a read before the parse (a finding), the spread of the parsed body into the job log after it.
const SEARCH = (before: string, parse: string) => dedent`
  import { Response } from "express";
  import { searchRequestSchema, type RequestWithAuth } from "./types";
  import { logJob, search } from "../lib/search";
  export async function searchController(req: RequestWithAuth, res: Response) {
    ${before}
    try {
      ${parse}
      const results = await search(req.body.query, req.body.limit);
      await logJob({ mode: "search", crawlerOptions: { ...req.body, query: undefined }, origin: req.body.origin });
      return res.status(200).json({ success: true, data: results });
    } catch (error) {
      return res.status(500).json({ success: false, error: "Internal server error" });
    }
  }
`;
const PREVIEW = "const logger = makeLogger({ searchQuery: req.body.query.slice(0, 100) });";
const THROWING = "req.body = searchRequestSchema.parse(req.body);";
const SAFE_PARSE = "const parsed = searchRequestSchema.safeParse(req.body);\n    if (!parsed.success) return res.status(400).json({ success: false, error: parsed.error.message });\n    req.body = parsed.data;";

// firecrawl v1/extract.ts: the raw copy logged and one of its fields kept; `oldExtract` called only from the handler after the parse.
const EXTRACT = (keep: string, exported = "export ") => dedent`
  import { Response } from "express";
  import { extractRequestSchema, type RequestWithAuth } from "./types";
  import { logger as _logger } from "../lib/logger";
  import { performExtraction, saveExtract } from "../lib/extract";

  ${exported}async function oldExtract(req: RequestWithAuth, res: Response, extractId: string) {
    const result = await performExtraction(extractId, { request: req.body, teamId: req.auth.team_id });
    return res.status(200).json(result);
  }

  export async function extractController(req: RequestWithAuth, res: Response) {
    const originalRequest = { ...req.body };
    req.body = extractRequestSchema.parse(req.body);
    const extractId = crypto.randomUUID();
    _logger.info("Extract starting...", { request: req.body, originalRequest, extractId });
    if (req.body.origin !== "api-sdk") return await oldExtract(req, res, extractId);
    await saveExtract(extractId, { ...req.body, ${keep} });
    return res.status(200).json({ success: true, id: extractId });
  }
`;
// firecrawl v1/batch-scrape.ts: two schemas picked by a flag, the copy's urls kept as the unnormalised list.
const BATCH = dedent`
  import { Response } from "express";
  import { batchScrapeRequestSchema, batchScrapeRequestSchemaNoURLValidation, type RequestWithAuth } from "./types";
  import { addBatchJobs } from "../services/queue";
  export async function batchScrapeController(req: RequestWithAuth, res: Response) {
    const preNormalizedBody = { ...req.body };
    if (req.query.lenient === "1") {
      req.body = batchScrapeRequestSchemaNoURLValidation.parse(req.body);
    } else {
      req.body = batchScrapeRequestSchema.parse(req.body);
    }
    const unnormalizedURLs: string[] = preNormalizedBody.urls;
    await addBatchJobs(req.body.urls.map((url: string, i: number) => ({ url, sourceURL: unnormalizedURLs[i] })));
    return res.status(200).json({ success: true });
  }
`;

// A hand-made Koa router validating with yup: the body replaced by the awaited `validate`.
const ORDERS = (first: string) => dedent`
  import Router from "@koa/router";
  import { orderSchema } from "../schemas";
  import { Order } from "../models";
  export const router = new Router();
  router.post("/orders", async (ctx) => {
    ${first}
    ctx.request.body = await orderSchema.validate(ctx.request.body);
    ctx.body = await Order.create({ ...ctx.request.body, status: "new" });
  });
`;
const QUOTES = (use: string) => dedent`
  import Router from "@koa/router";
  import { orderSchema } from "../schemas";
  import { Order } from "../models";
  export const router = new Router();
  router.post("/quotes", async (ctx) => {
    const raw = { ...ctx.request.body };
    ctx.request.body = await orderSchema.validate(ctx.request.body);
    ctx.log.info({ raw }, "quote requested");
    ctx.body = await Order.create(${use});
  });
`;

const valid: ValidCase[] = [
  { name: "expressBody: the copy before the parse only logged and a field of it kept; the helper called only after the parse", code: EXTRACT("unnormalizedUrls: originalRequest.urls"), filename: "src/controllers/extract.ts", files: EXPRESS },
  { name: "expressBody: the copy's urls kept after one of two parses picked by a flag", code: BATCH, filename: "src/controllers/batch-scrape.ts", files: EXPRESS },
  { name: "koaRequest: the raw copy logged and its channel kept after yup's validate replaced the body", code: QUOTES("{ ...ctx.request.body, channel: raw.channel }"), filename: "src/routes/quotes.ts", files: KOA },
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  // The read before the parse stays; the spread of the parsed body after it is no second finding.
  row("expressBody: a read before the parse, the parsed body spread after it inside the try", SEARCH(PREVIEW, THROWING), "src/controllers/search.ts", EXPRESS, "expressBody", 5, 44, 52),
  row("expressBody: a read before a tested safeParse whose data replaced the body", SEARCH(PREVIEW, SAFE_PARSE), "src/controllers/search.ts", EXPRESS, "expressBody", 5, 44, 52),
  row("koaRequest: a field tested before yup's validate, the validated body spread after it", ORDERS("if (ctx.request.body.draft) ctx.throw(400, \"Drafts are not accepted\");"), "src/routes/orders.ts", KOA, "koaRequest", 6, 7, 23),
  // Not decided: the copy handed on whole after the parse carries the keys the schema does not name.
  row("expressBody: the copy before the parse stored whole", EXTRACT("original: originalRequest"), "src/controllers/extract.ts", EXPRESS, "expressBody", 12, 32, 40),
  row("koaRequest: the raw copy spread into the record after the parse", QUOTES("{ ...raw, ...ctx.request.body }"), "src/routes/quotes.ts", KOA, "koaRequest", 6, 20, 36),
];

runWithNamedCases(valid, invalid);
