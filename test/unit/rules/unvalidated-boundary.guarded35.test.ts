import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 35, developer ub35: replies past the ok test read through optional links and relayed. A plain link under a
// passed test of the path before it reads as an optional one (linkGuarded), and a `let` that starts as the code's own
// empty value holds the reply it is given. Hand-written analogues of retired round 38's decided false positives
// (ministerio-mana-web `src/lib/wompi.ts:174` and `src/pages/api/whatsapp/send.ts:105`, market-compass-77's sync
// worker), in other frameworks and shapes than the repositories' code (a NestJS service over axios, an Express route).

// A payment provider's reply past the ok test: the id read under the ternary that tested it, coerced and returned.
const chargeHelper = (ret: string): string => dedent`
  export async function createCharge(amountInCents: number, token: string): Promise<string | null> {
    const res = await fetch("https://api.payments.example.com/v1/charges", {
      method: "POST",
      headers: { authorization: \`Bearer \${process.env.PAYMENTS_KEY}\`, "content-type": "application/json" },
      body: JSON.stringify({ amount_in_cents: amountInCents, token }),
    });
    if (!res.ok) throw new Error(\`charge failed: \${res.status}\`);
    const data = await res.json();
    ${ret}
  }
`;

// A NestJS service sending a Telegram message with axios (status tested by axios itself); the id returned after an
// early exit on the missing result.
const telegramService = (gate: string): string => dedent`
  import { Injectable } from "@nestjs/common";
  import axios from "axios";

  @Injectable()
  export class TelegramService {
    async send(chatId: string, text: string): Promise<number | null> {
      const { data } = await axios.post(\`https://api.telegram.org/bot\${process.env.BOT_TOKEN}/sendMessage\`, { chat_id: chatId, text }, { timeout: 5000 });
      if (${gate}) return null;
      return data.result.message_id;
    }
  }
`;
// An Express route relaying a provider's message id; the reply held in a `let` that starts empty.
const notifyRoute = (start: string, gate: string): string => dedent`
  const express = require("express");
  const router = express.Router();
  router.post("/notify", async (req, res) => {
    const r = await fetch("https://sms.example.com/v1/messages", { method: "POST", headers: { authorization: \`Bearer \${process.env.SMS_KEY}\` } });
    ${gate}
    let payload = ${start};
    try {
      payload = await r.json();
    } catch {
      payload = ${start};
    }
    res.json({ ok: true, sid: payload?.sid || null });
  });
  module.exports = router;
`;
const EXPRESS = { "package.json": '{ "dependencies": { "express": "^4.19.0" } }' };
const OK_GATE = 'if (!r.ok) return res.status(502).json({ ok: false });';
const NEST = { "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "axios": "^1.7.0" } }' };

const valid: ValidCase[] = [
  { name: "a reply's id read through a plain link in the arm its own optional test chose, coerced and returned", code: chargeHelper("return data?.data?.id ? String(data.data.id) : null;"), filename: "src/lib/payments.ts" },
  { name: "the same under an `&&` whose left operand tested a longer path through it", code: chargeHelper("return (data?.data?.id && data.data.id) || null;"), filename: "src/lib/payments.ts" },
  { name: "a NestJS service: the id read below an early exit on the missing result (axios tested the status)", code: telegramService("!data?.result"), filename: "src/telegram/telegram.service.ts", files: NEST },
  { name: "an Express route: the reply held in a `let` that starts as null, given it past the ok test, relayed through an optional link", code: notifyRoute("null", OK_GATE), filename: "src/routes/notify.js", files: EXPRESS },
  { name: "the same `let` starting as an empty object", code: notifyRoute("{}", OK_GATE), filename: "src/routes/notify.js", files: EXPRESS },
];

const invalid: InvalidCase[] = [
  {
    name: "the reply's id read through a plain link with no test of the path before it",
    code: chargeHelper("return String(data.data.id);"),
    filename: "src/lib/payments.ts",
    findings: [{ case: "fetchJson", line: 8, column: 22, endColumn: 32, suggestions: [mark(chargeHelper("return String(data.data.id);"), "fetchJson", 8)] }],
    output: null,
  },
  {
    name: "the plain link read in the arm the test did not choose",
    code: chargeHelper("return data?.data?.id ? null : String(data.data.id);"),
    filename: "src/lib/payments.ts",
    findings: [{ case: "fetchJson", line: 8, column: 22, endColumn: 32, suggestions: [mark(chargeHelper("return data?.data?.id ? null : String(data.data.id);"), "fetchJson", 8)] }],
    output: null,
  },
  {
    name: "a NestJS service whose early exit tests another field (`ok`): nothing says `result` is there",
    code: telegramService("!data?.ok"),
    filename: "src/telegram/telegram.service.ts",
    files: NEST,
    findings: [{ case: "fetchJson", line: 7, column: 28, endColumn: 152, suggestions: [mark(telegramService("!data?.ok"), "fetchJson", 7)] }],
    output: null,
  },
  {
    name: "the `let` given the reply with no status test: an error body relayed as the answer's id",
    code: notifyRoute("null", ""),
    filename: "src/routes/notify.js",
    files: EXPRESS,
    findings: [{ case: "fetchJson", line: 8, column: 21, endColumn: 29, suggestions: [mark(notifyRoute("null", ""), "fetchJson", 8)] }],
    output: null,
  },
  {
    name: "a `let` that starts as an object of the code's own holding a value: not an empty start",
    code: notifyRoute('{ sid: "pending" }', OK_GATE),
    filename: "src/routes/notify.js",
    files: EXPRESS,
    findings: [{ case: "fetchJson", line: 8, column: 21, endColumn: 29, suggestions: [mark(notifyRoute('{ sid: "pending" }', OK_GATE), "fetchJson", 8)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
