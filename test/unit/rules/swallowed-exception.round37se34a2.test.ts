import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34a: what a webhook's provider sees (the retired held round 37's decided
// FNs: a Twilio function answering empty TwiML through its own helper, a Nest controller answering
// `{ received: false }`, a lead insert skipped in a Meta leadgen loop), built as the provider's view:
// the answer after the catch (a helper of the file, a Nest return, a Response, a status given to a
// call) and how the handler is known to be a webhook (its path, a provider check in the handler or
// its module, a POST route whose path names one). Hand-written analogues in other frameworks.

// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Hono: a POST route whose path names a webhook, in a file named for nothing.
const hono = (answer: string): string => dedent`
  app.post("/billing/webhooks/paddle", async (c) => {
    const event = await c.req.json();
    try {
      await applyPaddleEvent(event);
    } catch (err) {
      console.error("paddle event failed", err);
      ${answer}
    }
    return c.json({ received: true });
  });
`;
const honoAcked = hono("return c.json({ received: true }, 200);");
const hono500 = hono("return c.json({ error: \"failed\" }, 500);");

// Deno: an inbound-SMS function (its path names no webhook) that checks Twilio's signature and answers through its own helper.
const sms = (answer: string): string => dedent`
  Deno.serve(async (req) => {
    const signature = req.headers.get("x-twilio-signature");
    if (!(await validTwilioSignature(req, signature))) return new Response("forbidden", { status: 403 });
    try {
      const form = await req.formData();
      await storeInbound(form);
    } catch (e) {
      console.error("inbound sms failed", e);
      return ${answer};
    }
    return emptyReply();
  });
  function emptyReply(): Response {
    return new Response("<Response></Response>", { status: 200, headers: { "Content-Type": "text/xml" } });
  }
  function reply(body: unknown, status = 200): Response {
    return new Response(JSON.stringify(body), { status });
  }
`;
const smsAcked = sms("emptyReply()");
const smsFailed = sms("reply({ error: \"failed\" }, 500)");

// Nest: a billing controller whose POST route's path names the webhook; another route of it does not.
const nest = dedent`
  @Controller("billing")
  export class BillingController {
    private readonly log = new Logger(BillingController.name);
    @Post("lemonsqueezy/webhook")
    @HttpCode(200)
    async onEvent(@Body() body: LemonEvent) {
      try {
        await this.billing.apply(body);
        return { ok: true };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        this.log.warn(\`lemonsqueezy event failed: \${reason}\`);
        return { ok: false, reason };
      }
    }
    @Post("telegram/setup-webhook")
    async setup() {
      try {
        return await this.bot.setWebhook(URL);
      } catch (err) {
        return { ok: false, reason: err.message };
      }
    }
  }
`;

// A result's error branch that skips the item in a webhook that then acknowledges the provider (Meta's handshake in the module).
const leadgen = (last: string): string => dedent`
  export async function handleEntries(entries: Entry[]): Promise<Response> {
    for (const entry of entries) {
      const { error } = await supabase.from("leads").insert(toLead(entry));
      if (error) {
        console.error("lead insert failed", error);
        continue;
      }
    }
    ${last}
  }
  export function verify(url: URL): Response {
    if (url.searchParams.get("hub.verify_token") === TOKEN) return new Response(url.searchParams.get("hub.challenge"));
    return new Response("forbidden", { status: 403 });
  }
`;
const leadgenAcked = leadgen('return jsonReply({ status: "received" }, 200);');
// `error || !lead`: every error goes to the branch.
const leadgenOr = leadgenAcked.replace("const { error } =", "const { data: lead, error } =").replace("if (error) {", "if (error || !lead) {").replace("toLead(entry));", "toLead(entry)).select().single();");

// Express: a catch that answers 200 under a comment stating the retry policy.
const policy = dedent`
  router.post("/stripe/webhook", async (req, res) => {
    try {
      await fulfil(req.body);
      res.status(200).json({ received: true });
    } catch (err) {
      console.error("fulfilment failed", err);
      // Answer 200 anyway: Stripe retries for three days and the order is fixed by hand
      res.status(200).json({ received: true, error: String(err) });
    }
  });
`;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened above `line` at `indent`.
const ignore = (code: string, line: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${line}\n`, `${indent}// Intentionally ignored: <reason>\n${line}\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a Hono webhook route answering 500 from its catch", code: hono500 },
    { name: "a Deno function handing its helper a failure status", code: smsFailed },
    { name: "a result branch that skips the item, the function then answering 500", code: leadgen('return new Response("partial", { status: 500 });') },
    { name: "a webhook catch answering 200 under a comment that states the retry policy", code: policy },
  ],
  invalid: [
    { name: "a Hono POST route whose path names a webhook: a logged failure answered 200", code: honoAcked, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [ignore(honoAcked, '    console.error("paddle event failed", err);', "    ")] }], output: null },
    { name: "a Deno function with a Twilio signature check answering through its own 200 helper", code: smsAcked, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 14, suggestions: [
      { title: "Rethrow the error", output: smsAcked.replace("    return emptyReply();\n  }\n  return", "    throw e;\n  }\n  return") },
      ignore(smsAcked, '    console.error("inbound sms failed", e);', "    "),
    ] }], output: null },
    { name: "a Nest POST webhook route returning { ok: false }: the provider sees 200; the setup route is no webhook", code: nest, findings: [{ case: "logAndContinue", line: 10, column: 7, endColumn: 18, suggestions: [ignore(nest, "      const reason = err instanceof Error ? err.message : String(err);", "      ")] }], output: nest.replace("failed: ${reason}`);", "failed: ${reason}`, err);") },
    { name: "an insert error skipped in a webhook that then answers 200 (held round 37)", code: leadgenAcked, findings: [{ case: "resultErrorLogOnly", line: 3, column: 23, endLine: 4, endColumn: 15, suggestions: [{ title: "Throw the error after logging it", output: leadgenAcked.replace("      continue;\n", "      throw error;\n") }] }], output: null },
    { name: "the same with the branch testing `error || !lead`", code: leadgenOr, findings: [{ case: "resultErrorLogOnly", line: 3, column: 35, endLine: 4, endColumn: 24, suggestions: [{ title: "Throw the error after logging it", output: leadgenOr.replace("      continue;\n", "      throw error;\n") }] }], output: null },
  ],
});
