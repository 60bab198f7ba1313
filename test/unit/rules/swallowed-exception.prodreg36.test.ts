import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer prodreg36: sampled true production findings lost by a later rule.
// Production nango's PgEventEmitter (eval/production, packages/orchestrator/lib/events.ts:86):
// `reconnect()`, fired from the client's `error`/`end` callbacks, gives up after three attempts with
// a log only, lost since session 32's "a method its class only fires and forgets" (unawaited-method.ts,
// 08f5ab6a): the object stays disconnected and every later event is lost, the start-up class of held
// rounds 23 and 24. Production documenso's embed routes (embed+/v1+/authoring+/template.create.tsx:148
// and three more sampled true): a layout effect whose try parses the embedding host's options from
// `window.location.hash` into state, a failure only logged, lost since session 29's "a React effect
// whose try only maps data in hand into state" (effect-state.ts, f1c4445a): the page's address is
// input, not data in hand. Hand-written analogues, not the repository's code.
// Production growthbook's SavedGroupModel.afterUpdate (packages/back-end/src/models/SavedGroupModel.ts:184):
// the SDK payload refresh fired with a log-only .catch, the whole of an `if` whose comment says when the
// cache must be invalidated and quotes `(ignoreWarnings)`, lost since session 26's "a comment above an if
// whose whole body is a promise chain explains the chain" (0719ae3d): a quoted code name is no word
// about the chain's failure.
const named = new Set(["logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

/** A Postgres LISTEN emitter whose `name()` is fired from the client's `end` callback. */
const listener = (name: string) => dedent`
  import { EventEmitter } from "node:events";
  import { logger } from "./logger";
  export class PgListener extends EventEmitter {
    private client: any = null;
    async connect(): Promise<void> {
      this.client = await pool.connect();
      await this.client.query("LISTEN jobs");
      this.client.on("end", () => {
        this.client = null;
        this.${name}();
      });
    }
    private async ${name}(): Promise<void> {
      try {
        await retry(() => this.connect(), { attempts: 3 });
      } catch (err) {
        logger.error("Failed to reconnect", err);
      }
    }
  }
`;

// Another style: a plain-JS WebSocket client that reconnects from its `close` handler.
const wsClient = dedent`
  const WebSocket = require("ws");
  class Feed {
    open() {
      this.ws = new WebSocket(process.env.FEED_URL);
      this.ws.on("close", () => {
        void this.resubscribe();
      });
    }
    async resubscribe() {
      try {
        await waitFor(1000);
        this.open();
        await this.send({ op: "subscribe", channel: "prices" });
      } catch (e) {
        console.error("resubscribe failed", e);
      }
    }
  }
  module.exports = { Feed };
`;

/** A React page whose effect reads its options from \`source\` into state. */
const embedPage = (source: string) => dedent`
  import { useLayoutEffect, useState } from "react";
  export default function EmbedEditor({ fallback }: { fallback: string }) {
    const [options, setOptions] = useState<Options | null>(null);
    useLayoutEffect(() => {
      try {
        const raw = ${source};
        const parsed = OptionsSchema.safeParse(JSON.parse(decodeURIComponent(atob(raw))));
        if (parsed.success) {
          setOptions(parsed.data);
        }
      } catch (err) {
        console.error("Error parsing embedding params:", err);
      }
    }, []);
    return <Editor options={options} />;
  }
`;

// Another style: a Preact widget's effect that reads its theme from the query string.
const widget = dedent`
  import { useEffect, useState } from "preact/hooks";
  export function Widget() {
    const [theme, setTheme] = useState("light");
    useEffect(() => {
      try {
        const params = new URLSearchParams(location.search);
        setTheme(JSON.parse(params.get("theme")).name);
      } catch (e) {
        console.warn(e);
      }
    }, []);
    return <div class={theme} />;
  }
`;
/** A model hook that refreshes a cache when a group changes; \`comment\` sits above the \`if\`. */
const afterUpdate = (comment: string) => dedent`
  export class GroupModel extends BaseModel {
    protected async afterUpdate(existing: Group, updates: Partial<Group>) {
      ${comment}
      if (updates.values || updates.archived !== undefined) {
        refreshPayloads(this.context).catch((e) => {
          this.context.logger.error(e, "Error refreshing payloads on group update");
        });
      }
    }
  }
`;
const quoted = afterUpdate("// The archive check is bypassable (ignoreWarnings), so an archived group still changes served values: refresh them.");

// Another style: a Mongoose post-save hook in plain JS whose comment quotes \`skipErrors\`.
const postSave = dedent`
  schema.post("save", function (doc) {
    // Rebuild the search index when the title changes; \`skipErrors\` imports never reach here.
    if (doc.isModified("title")) {
      rebuildIndex(doc._id).catch((err) => {
        console.error("index rebuild failed", err);
      });
    }
  });
`;

const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });

const rethrow = (code: string, logLine: string, err: string, indent: string) => ({ title: "Rethrow the error", output: code.replace(logLine, `${logLine}\n${indent}throw ${err};`) });
/** The log line's rethrow and the catch marked, for a catch \`(err)\` that logs \`logLine\`. */
const both = (code: string, logLine: string, err: string, indent: string) => [rethrow(code, logLine, err, indent), mark(code, `} catch (${err}) {`, indent)];
/** A chain's log-only handler \`(err) => {\` marked. */
const markHandler = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${head}\n`, `${head}\n${indent}// Intentionally ignored: <reason>\n`) });
type Finding = { case: string; line: number; column: number; endLine?: number; endColumn: number; suggestions: { title: string; output: string }[] };
const row = (name: string, code: string, filename: string, finding: Finding) => ({ name, code, filename, findings: [finding], output: null });

new RuleTester().run(narrowed, {
  valid: [
    { name: "an effect that parses a value the component already holds (a prop) into state stays data in hand", code: embedPage("fallback"), filename: "src/routes/embed.tsx" },
    { name: "a comment above the `if` that says in words why the refresh may fail quietly still explains the chain", code: afterUpdate("// Best-effort refresh: the next read rebuilds the payloads."), filename: "src/models/GroupModel.ts" },
    { name: "a follow-up step its class fires and forgets (no connection of its own) stays the fire-and-forget class", code: listener("refreshStats"), filename: "src/listener.ts" },
  ],
  invalid: [
    row("a reconnect fired from the client's end callback gives up with a log only: the listener stays disconnected", listener("reconnect"), "src/listener.ts",
      { case: "logAndContinue", line: 16, column: 7, endColumn: 18, suggestions: both(listener("reconnect"), 'logger.error("Failed to reconnect", err);', "err", "      ") }),
    row("a WebSocket feed's resubscribe fired with void from its close handler", wsClient, "src/feed.js",
      { case: "logAndContinue", line: 14, column: 7, endColumn: 16, suggestions: both(wsClient, 'console.error("resubscribe failed", e);', "e", "      ") }),
    row("an effect that parses the embedding host's options from window.location.hash into state", embedPage("window.location.hash.slice(1)"), "src/routes/embed.tsx",
      { case: "logAndContinue", line: 11, column: 7, endColumn: 18, suggestions: [mark(embedPage("window.location.hash.slice(1)"), "} catch (err) {", "      ")] }),
    row("a Preact widget's effect that reads its theme from location.search", widget, "src/widget.jsx",
      { case: "logAndContinue", line: 8, column: 7, endColumn: 16, suggestions: [mark(widget, "} catch (e) {", "      ")] }),
    row("a comment above the `if` that only quotes a code name holding 'ignore' (ignoreWarnings) explains nothing", quoted, "src/models/GroupModel.ts",
      { case: "promiseCatchLogOnly", line: 5, column: 43, endLine: 7, endColumn: 8, suggestions: [markHandler(quoted, "(e) => {", "        ")] }),
    row("a Mongoose post-save hook whose comment quotes `skipErrors`", postSave, "src/models/post.js",
      { case: "promiseCatchLogOnly", line: 4, column: 33, endLine: 6, endColumn: 6, suggestions: [markHandler(postSave, "(err) => {", "      ")] }),
  ],
});
