import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 41, developer hs41: production inbox-zero's `utils/calendar/providers/microsoft-events.ts:278` (triaged
// false): the `event` parameter of a Graph calendar-event mapper, `parseEvent(event: MicrosoftEvent)`, was taken for a
// Lambda event because of its name, and its `event.body?.content` for a request body. A parameter typed as another kind
// of event is no request; API Gateway's, Netlify's `HandlerEvent`, a project's own `ApiGatewayHttpEvent`, a bare
// `Event` and an untyped `event` are judged as before.

// inbox-zero's style: a private method of a provider class.
const GRAPH = dedent`
  import type { MicrosoftEvent } from "./types";
  export class MicrosoftCalendarEventProvider {
    async list() {
      const events: MicrosoftEvent[] = await this.fetchEvents();
      return events.map((e) => this.parseEvent(e));
    }
    private parseEvent(event: MicrosoftEvent) {
      return { id: event.id, description: event.body?.content ?? event.bodyPreview };
    }
  }
`;
// Another style: an exported function mapping a help-desk webhook's event type.
const ZENDESK = dedent`
  import type { Zendesk } from "./zendesk";
  export function toTicket(event: Zendesk.TicketEvent) {
    const text = event.body.text;
    return db.tickets.insert({ text, author: event.body.author });
  }
`;
// The neighbour: the same mapper with the parameter untyped, in JavaScript.
const UNTYPED = dedent`
  export function toTicket(event) {
    const text = event.body.text;
    return db.tickets.insert({ text, author: event.body.author });
  }
`;

const PKG = { "package.json": "{ \"name\": \"web\", \"dependencies\": { \"next\": \"15.0.0\" } }\n" };

const valid: ValidCase[] = [
  { name: "lambdaEvent: a Graph calendar event's body in a private mapper", code: GRAPH, filename: "apps/web/utils/calendar/providers/microsoft-events.ts", files: PKG },
  { name: "lambdaEvent: another style, an exported mapper of a typed help-desk event", code: ZENDESK, filename: "src/lib/zendesk-map.ts", files: PKG },
];

const invalid: InvalidCase[] = [
  markedRow("lambdaEvent: the same mapper untyped stays a Lambda event", UNTYPED, "src/lib/zendesk-map.js", PKG, "lambdaEvent", 2, 16, 26),
];

describe("unvalidated-boundary: a parameter typed as another kind of event is no Lambda event (session 41)", () => {
  runWithNamedCases(valid, invalid);
});
