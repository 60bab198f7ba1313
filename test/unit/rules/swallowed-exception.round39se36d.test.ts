import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: a function named as a query of a state (`isStreamOnline`, `hasAccess`)
// whose try answers both `true` and `false` itself after an awaited read, and whose catch logs and
// answers `false`: the failure reads as the normal "no" (the retired held round 39's lonely-chat
// `stream.service.ts:87`, decided: a failed check read as "offline", the bots never joined a stream
// already live), as held round 23's `return await redis.sIsMember(…)`. A try that only answers `true`
// (`false` is then its failure flag) and a check named for a connection or a health stay clean.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Twitch bot's start-up check (held round 39).
const stream = (name: string, own = "if (stream) {\n          return true;\n        }\n        return false;") => dedent`
  export class StreamService {
    async ${name}(): Promise<boolean> {
      try {
        const stream = await this.apiClient.streams.getStreamByUserId(this.channelUserId);
        ${own}
      } catch (error) {
        this.logger.error({ err: error }, "Error checking stream status");
        return false;
      }
    }
  }
`;

// A CommonJS billing helper, hand-written: a Stripe outage reads as "no subscription".
const billing = dedent`
  async function hasActiveSubscription(customerId) {
    try {
      const subs = await stripe.subscriptions.list({ customer: customerId, status: "active" });
      if (subs.data.length > 0) return true;
      return false;
    } catch (err) {
      console.error("subscription lookup failed", err);
      return false;
    }
  }
  module.exports = { hasActiveSubscription };
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "neighbour: a try that only answers true (false is its failure flag)", code: stream("isStreamOnline", "return Boolean(stream);").replace("return Boolean(stream);", "await this.cache.set(stream);\n      return true;") },
    { name: "neighbour: a check named for a connection keeps its false", code: stream("isConnectionHealthy") },
    { name: "neighbour: a function not named as a query of a state", code: stream("refreshStream") },
  ],
  invalid: [
    { name: "a stream status check that reads a failure as offline (held round 39)", code: stream("isStreamOnline"), findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: stream("isStreamOnline").replace('status");\n      return false;', 'status");\n      throw error;') },
      { title: "Mark as intentionally ignored…", output: stream("isStreamOnline").replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a billing helper that reads a Stripe outage as no subscription", code: billing, filename: "src/billing.js", findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: billing.replace('failed", err);\n    return false;', 'failed", err);\n    throw err;') },
      { title: "Mark as intentionally ignored…", output: billing.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
