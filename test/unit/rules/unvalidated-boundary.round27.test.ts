import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 27 (retired to tune), session 25, developer ub28. Hand-written rows.
// h3's readBody answers a Promise: `const body = readBody(event)` with no await, the local only put
// into an object (an outbound request's body), sends `{}`: nothing of the client's body goes on
// (hpl-crm billing.post.ts, labelled clean debatable). Awaited later, it is the body again.

const NUXT_PACKAGE = "{ \"name\": \"app\", \"dependencies\": { \"nuxt\": \"^3.13.0\" } }\n";

const UNAWAITED = (use: string) => dedent`
  export default defineEventHandler(async (event) => {
    const body = readBody(event);
    ${use}
    return { ok: true };
  });
`;
const AWAITED_LATER = UNAWAITED("const data = await body;\n  await db.item.create({ data: { name: data.name } });");

// A v2 callable's request destructured in its body (`const { data, auth } = request`, Airabook's
// functions/index.js): `data` is the callable's input, as `request.data` is. A look-alike in a function
// no trigger takes stays silent.
const FIREBASE_PACKAGE = "{ \"name\": \"functions\", \"dependencies\": { \"firebase-functions\": \"^6.0.0\" } }\n";
const CALLABLE = (wrap: (handler: string) => string) => dedent`
  const { onCall, HttpsError } = require("firebase-functions/v2/https");

  exports.getBookChapters = ${wrap(`async (request) => {
    const { data, auth } = request;
    if (!auth) throw new HttpsError("unauthenticated", "Sign in first.");
    const snap = await db.collection("books").doc(data.bookId).get();
    return snap.data();
  }`)};
`;
const DESTRUCTURED = CALLABLE((h) => `onCall({ region: "us-central1" }, ${h})`);

// A reply's local only tested for presence (`if (!meta) return`) whose fields are coerced with
// Number() into locals checked with Number.isFinite before use (market-compass fetch-daily-prices.ts:83,
// decided clean): decided like `const price = Number(data?.price)`. Unchecked, the NaN goes on.
const QUOTE = (check: string) => dedent`
  export async function quote(symbol: string, results: Map<string, unknown>) {
    const response = await fetch(\`https://quotes.example.com/\${symbol}\`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return;
    const data = await response.json();
    const meta = data?.chart?.result?.[0]?.meta;
    if (!meta) return;
    const price = Number(meta.regularMarketPrice);
    ${check}
    results.set(symbol, { price });
  }
`;
const QUOTE_UNCHECKED = QUOTE("console.log(\"quote\", symbol);");

// NestJS: a keyed @Query on a parameter typed with an enum (`@Query("status") status?: Status`) gives
// ValidationPipe nothing to check (AthenaCore conversations.controller.ts:72, labelled finding); an
// enum pipe validates it.
const NEST_PACKAGE = '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }';
const ENUM_QUERY = (pipe: string) => dedent`
  import { Controller, Get, ParseEnumPipe, Query } from "@nestjs/common";
  import { PrismaService } from "./prisma.service";
  export enum Status { Active = "active", Archived = "archived" }
  @Controller("conversations")
  export class ConversationsController {
    constructor(private prisma: PrismaService) {}
    @Get()
    list(@Query("status"${pipe}) status?: Status) {
      return this.prisma.conversation.findMany({ where: { status } });
    }
  }
`;
const ENUM_UNCHECKED = ENUM_QUERY("");

const valid: ValidCase[] = [
  { name: "nest: an enum-typed query parameter with ParseEnumPipe", code: ENUM_QUERY(", new ParseEnumPipe(Status, { optional: true })"), filename: "src/conversations/conversations.controller.ts", files: { "package.json": NEST_PACKAGE } },
  { name: "fetchJson: a presence-tested local whose field is coerced and checked with isFinite", code: QUOTE("if (!Number.isFinite(price)) return;"), filename: "supabase/functions/prices/index.ts" },
  { name: "firebase: the same destructuring in a function no trigger takes", code: CALLABLE((h) => `wrap(${h})`), filename: "functions/index.js", files: { "package.json": FIREBASE_PACKAGE } },
  { name: "h3: readBody not awaited, the Promise put into an outbound body", code: UNAWAITED('await $fetch("https://partner.example.com/report", { method: "POST", body: body, timeout: 5000 });'), filename: "server/api/billing.post.ts", files: { "package.json": NUXT_PACKAGE } },
  { name: "h3: readBody not awaited, the Promise in a shorthand property", code: UNAWAITED("const options = { method: \"POST\", body };\n  await send(options);"), filename: "server/api/billing.post.ts", files: { "package.json": NUXT_PACKAGE } },
];

const invalid: InvalidCase[] = [
  {
    name: "nest: an enum-typed query parameter with no pipe into a database filter",
    code: ENUM_UNCHECKED,
    filename: "src/conversations/conversations.controller.ts",
    files: { "package.json": NEST_PACKAGE },
    findings: [{ case: "nestDecorator", line: 8, column: 8, endColumn: 24, suggestions: [mark(ENUM_UNCHECKED, "nestDecorator", 8)] }],
    output: null,
  },
  {
    name: "fetchJson: the same field coerced but never checked (NaN goes on)",
    code: QUOTE_UNCHECKED,
    filename: "supabase/functions/prices/index.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(QUOTE_UNCHECKED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "firebase: a v2 callable's request destructured in its body, data used as a document path",
    code: DESTRUCTURED,
    filename: "functions/index.js",
    files: { "package.json": FIREBASE_PACKAGE },
    findings: [{ case: "firebaseCallable", line: 4, column: 11, endColumn: 15, suggestions: [mark(DESTRUCTURED, "firebaseCallable", 4)] }],
    output: null,
  },
  {
    name: "h3: readBody's Promise awaited later is the body",
    code: AWAITED_LATER,
    filename: "server/api/items.post.ts",
    files: { "package.json": NUXT_PACKAGE },
    findings: [{ case: "h3Event", line: 2, column: 16, endColumn: 31, suggestions: [mark(AWAITED_LATER, "h3Event", 2)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
