import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 42 (retired to tune), session 39, developer ub39 (HeitorPupim/auto-ecom-api, decided):
// - a module's own function whose every `return` is an axios request's response (its own retry call
//   aside) hands that response back: `const r = await makeRequestWithRetry(u, cfg)`, then `r.data` is
//   the remote body, reported at its read as for axios itself (`tinyerp-sync.worker.ts:115`, `:135`);
// - two requests' replies that reach one call are two inputs, each reported (`mercadolibre.ts:70`, `:79`:
//   the token reply and the profile fetched with its token, stored by one upsert).
// Rows in TypeScript as in the repository, hand-made in CommonJS with an `axios.create()` instance's
// wrapper and with two `fetch` replies.

const PKG = { "package.json": '{ "name": "api", "dependencies": { "axios": "^1.7.0", "@prisma/client": "^5.0.0" } }' };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

const RETRY = dedent`
  import axios from "axios";
  import { prisma } from "../db";

  async function makeRequestWithRetry(url: string, config: any, retries = 5): Promise<any> {
    try {
      return await axios.get(url, { ...config, timeout: 10000 });
    } catch (error: any) {
      if (retries > 0 && error.response?.status === 429) return makeRequestWithRetry(url, config, retries - 1);
      throw error;
    }
  }

  export async function syncProduct(id: string, token: string) {
    const detailResponse = await makeRequestWithRetry(\`https://api.tiny.com.br/public-api/v3/produtos/\${id}\`, {
      headers: { Authorization: \`Bearer \${token}\` },
    });
    const product = detailResponse.data;
    await prisma.product.upsert({ where: { id }, update: { sku: product.sku }, create: { id, sku: product.sku } });
  }
`;

const INSTANCE = dedent`
  const axios = require("axios");
  const db = require("./db");

  const api = axios.create({ baseURL: "https://api.github.com", timeout: 5000 });
  const getUser = (login) => api.get(\`/users/\${login}\`);

  exports.importUser = async (login) => {
    const { data } = await getUser(login);
    await db.users.insertOne(data);
  };
`;

const TWO = dedent`
  import { prisma } from "./db";

  export async function connect(userId: string, code: string) {
    const tokenRes = await fetch("https://api.example.com/oauth/token", { method: "POST", body: new URLSearchParams({ code }), signal: AbortSignal.timeout(5000) });
    const { access_token, account_id } = await tokenRes.json();
    const meRes = await fetch("https://api.example.com/me", { headers: { Authorization: \`Bearer \${access_token}\` }, signal: AbortSignal.timeout(5000) });
    const { nickname } = await meRes.json();
    await prisma.account.upsert({ where: { userId }, update: { accessToken: access_token, nickname }, create: { userId, accountId: account_id, accessToken: access_token, nickname } });
  }
`;

const ML = dedent`
  import axios from "axios";
  import { prisma } from "./db";

  export async function connect(userId: string, code: string) {
    const tokenResponse = await axios.post("https://api.mercadolibre.com/oauth/token", null, {
      params: { grant_type: "authorization_code", code },
      timeout: 5000,
    });

    const { access_token, user_id: mlUserId } = tokenResponse.data;

    const userResponse = await axios.get(\`https://api.mercadolibre.com/users/me\`, {
      headers: { Authorization: \`Bearer \${access_token}\` },
      timeout: 5000,
    });

    const { nickname, site_id } = userResponse.data;

    await prisma.account.update({
      where: { userId },
      data: { nickname: nickname, siteId: site_id, mlUserId: mlUserId.toString(), token: access_token },
    });
  }
`;

const valid: ValidCase[] = [
  { name: "a wrapper that hands back the body it already read is no response (its caller gets data, not a reply)", filename: "src/sync.ts", files: PKG, code: dedent`
    import axios from "axios";
    import { z } from "zod";
    const Product = z.object({ sku: z.string() });
    async function getProduct(url: string) {
      const res = await axios.get(url, { timeout: 10000 });
      return Product.parse(res.data);
    }
    export async function sync(url: string) {
      const product = await getProduct(url);
      return product.sku;
    }
  ` },
  { name: "a wrapper asking for bytes (responseType arraybuffer)", filename: "src/sync.ts", files: PKG, code: dedent`
    import axios from "axios";
    import fs from "node:fs/promises";
    async function download(url: string) {
      return axios.get(url, { responseType: "arraybuffer", timeout: 10000 });
    }
    export async function save(url: string, to: string) {
      const res = await download(url);
      await fs.writeFile(to, res.data);
    }
  ` },
];

const invalid: InvalidCase[] = [
  markedRow("a retry helper's axios response read at its .data and upserted (round 42, auto-ecom-api)", RETRY, "src/workers/sync.worker.ts", PKG, "fetchJson", lineOf(RETRY, "const product = detailResponse.data"), colOf(RETRY, "const product = detailResponse.data", "detailResponse.data"), colOf(RETRY, "const product = detailResponse.data", "detailResponse.data") + 19),
  markedRow("CommonJS (hand-made): an axios.create() instance's arrow wrapper, data destructured and inserted", INSTANCE, "src/import.js", PKG, "fetchJson", lineOf(INSTANCE, "await getUser(login)"), colOf(INSTANCE, "await getUser(login)", "getUser"), colOf(INSTANCE, "await getUser(login)", "getUser") + 14),
  { name: "the OAuth token reply and the profile fetched with its token, both stored by one update (round 42, auto-ecom-api mercadolibre.ts)", code: ML, filename: "src/routes/auth/ml.ts", files: PKG, output: null, findings: [
    { case: "fetchJson", line: lineOf(ML, "} = tokenResponse.data"), column: colOf(ML, "} = tokenResponse.data", "tokenResponse"), endColumn: colOf(ML, "} = tokenResponse.data", "tokenResponse") + 18, suggestions: [mark(ML, "fetchJson", lineOf(ML, "} = tokenResponse.data"))] },
    { case: "fetchJson", line: lineOf(ML, "} = userResponse.data"), column: colOf(ML, "} = userResponse.data", "userResponse"), endColumn: colOf(ML, "} = userResponse.data", "userResponse") + 17, suggestions: [mark(ML, "fetchJson", lineOf(ML, "} = userResponse.data"))] },
  ] },
  { name: "two fetch replies reaching one create: each reported (hand-made, round 42's OAuth shape)", code: TWO, filename: "src/connect.ts", files: PKG, output: null, findings: [
    { case: "fetchJson", line: lineOf(TWO, "const { access_token, account_id }"), column: colOf(TWO, "const { access_token, account_id }", "tokenRes"), endColumn: colOf(TWO, "const { access_token, account_id }", "tokenRes") + 15, suggestions: [mark(TWO, "fetchJson", lineOf(TWO, "const { access_token, account_id }"))] },
    { case: "fetchJson", line: lineOf(TWO, "const { nickname }"), column: colOf(TWO, "const { nickname }", "meRes"), endColumn: colOf(TWO, "const { nickname }", "meRes") + 12, suggestions: [mark(TWO, "fetchJson", lineOf(TWO, "const { nickname }"))] },
  ] },
];

describe("unvalidated-boundary: an axios response handed back by a module's own wrapper; two replies at one call (round 42)", () => {
  runWithNamedCases(valid, invalid);
});
