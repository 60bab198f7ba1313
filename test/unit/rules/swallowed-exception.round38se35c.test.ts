import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a catch that keeps the input a parse was given, under one key of an
// object (the retired held round 38's URL probe and serialisation fallback for a log record, and
// a tune script's `{ raw: text }`, all decided clean): nothing is made up, the caller gets what it
// passed in, labelled as unparsed (the docs' "answers with the input the try converts").
// This table declares only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A script's reply reader: a non-JSON body kept as `{ raw: text }`.
const rawText = (answer: string): string => dedent`
  async function parseJsonResponse(res) {
    const text = await res.text();
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch {
      return ${answer};
    }
  }
`;
const keptRaw = rawText("{ raw: text }");
const madeUp = rawText("{ raw: text, ok: true }");

// A Next.js status route: the configured endpoint shown by its parts, or as it is.
const endpoint = dedent`
  export async function GET() {
    const endpointRaw = process.env.R2_ENDPOINT ?? null;
    const endpointDetails = (() => {
      if (!endpointRaw) return null;
      try {
        const url = new URL(endpointRaw);
        return { host: url.host, path: url.pathname || "/" };
      } catch {
        return { raw: endpointRaw };
      }
    })();
    return Response.json({ endpoint: endpointDetails });
  }
`;

// An Astro webhook: a deep copy of the event for the log record, or its object alone.
const logRecord = dedent`
  function recordOf(event: Stripe.Event) {
    let serialized: Record<string, unknown> = {};
    try {
      serialized = JSON.parse(JSON.stringify(event.data));
    } catch {
      serialized = { object: event.data.object };
    }
    void logPaymentEvent("stripe", event.type, event.id, { raw: serialized });
  }
`;

// Hand-written Koa middleware: the caller's origin kept as it came.
const koaOrigin = dedent`
  app.use(async (ctx, next) => {
    const origin = ctx.get("Origin");
    ctx.state.origin = (() => {
      try {
        const u = new URL(origin);
        return { host: u.hostname };
      } catch {
        return { raw: origin };
      }
    })();
    await next();
  });
`;

// The catch keeps the input, but the try fetched it: the failure of the fetch is what it hides.
const fetched = dedent`
  async function loadManifest(url) {
    try {
      return JSON.parse(await (await fetch(url)).text());
    } catch {
      return { raw: url };
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a non-JSON reply kept as { raw: text }", code: keptRaw, filename: "scripts/reconcile-paystack.mjs" },
    { name: "a URL probe answering the raw value (held round 38)", code: endpoint, filename: "app/api/ops/env-check/route.ts" },
    { name: "a serialisation fallback for a log record (held round 38)", code: logRecord, filename: "src/pages/api/stripe/webhook.ts" },
    { name: "Koa: the origin kept as it came when it does not parse", code: koaOrigin, filename: "src/server.js" },
  ],
  invalid: [
    { name: "a made-up field next to the raw text", code: madeUp, filename: "scripts/reconcile-paystack.mjs", findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: madeUp.replace("  } catch {\n", '  } catch (err) {\n    console.error("JSON.parse failed in parseJsonResponse", err);\n') },
      { title: "Mark as intentionally ignored…", output: madeUp.replace("  } catch {\n", "  } catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "the try fetches what the catch keeps the address of", code: fetched, filename: "src/manifest.js", findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: fetched.replace("  } catch {\n", '  } catch (err) {\n    console.error("loadManifest failed", err);\n') },
      { title: "Mark as intentionally ignored…", output: fetched.replace("  } catch {\n", "  } catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
