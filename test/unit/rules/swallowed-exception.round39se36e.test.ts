import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: a service with a cache in front (`cachedSubscriptionService`, built
// with `withCache(service, redis)`) is no cache client: a failed call is the origin's failure, with no
// miss path behind it (the retired held round 39's uvian `event-router.service.ts:352`, decided: a
// failed provider lookup logged and returned drops the event for every subscriber). A cache client's
// read (`cacheService.get(key)`) that falls through to the origin stays clean.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A queue worker's router (held round 39).
const router = dedent`
  export class EventRouter {
    async processEvent(event: CloudEvent): Promise<void> {
      await this.routeToSubscribers(event, event.subject);
    }
    private async routeToSubscribers(event: CloudEvent, resourceId: string): Promise<void> {
      let providers: SubscriptionProvider[];
      try {
        providers = await cachedSubscriptionService.getProvidersForResource("project", resourceId);
      } catch (error) {
        console.error("[EventRouter] Error fetching providers:", error);
        return;
      }
      await Promise.all(providers.map((p) => this.routeToProvider(p, event)));
    }
  }
`;

// A CommonJS Express handler, hand-written: a cached repository's lookup.
const handler = dedent`
  async function notifyOwner(req, res) {
    let owner;
    try {
      owner = await cachedUsers.findById(req.params.ownerId);
    } catch (err) {
      console.warn("owner lookup failed", err);
      return res.json({ notified: true });
    }
    await mailer.send(owner.email, "New comment");
    res.json({ notified: true });
  }
  module.exports = { notifyOwner };
`;

// A cache client's read that falls through to the origin.
const cacheRead = dedent`
  async function getProfile(id) {
    try {
      const hit = await cacheService.get(\`profile:\${id}\`);
      if (hit) return JSON.parse(hit);
    } catch (err) {
      console.warn("cache read failed", err);
    }
    return db.profiles.findOne({ id });
  }
`;

const ignored = (code: string, at: string, indent: string) => [{ title: "Mark as intentionally ignored…", output: code.replace(at, `${at}${indent}// Intentionally ignored: <reason>\n`) }];

// The router's catch: rethrow it (a suggestion: the job then fails and is retried), or mark it.
const routerFixes = [
  { title: "Rethrow the error", output: router.replace('providers:", error);\n      return;', 'providers:", error);\n      throw error;') },
  ...ignored(router, "} catch (error) {\n", "      "),
];

new RuleTester().run(narrowed, {
  valid: [
    { name: "neighbour: a cache client's read that falls through to the origin", code: cacheRead, filename: "src/profiles.js" },
  ],
  invalid: [
    { name: "a cached service's lookup logged and returned: the event is dropped (held round 39)", code: router, filename: "apps/event-worker/src/services/event-router.service.ts", findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 20, suggestions: routerFixes }], output: null },
    { name: "a cached repository's lookup answered as success", code: handler, filename: "src/routes/comments.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: ignored(handler, "} catch (err) {\n", "    ") }], output: null },
  ],
});
