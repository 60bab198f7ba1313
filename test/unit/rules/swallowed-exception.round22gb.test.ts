import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production triage of growthbook/growthbook (issue 11), as hand-written analogues: callbacks with
// no caller to tell (a repeating Agenda job, inline or by name; a debounced callback; a base
// class's `on…` hook overridden to return `void`; a `void`
// chain whose log-only catch is followed by `.finally`) and teardown steps (a `destroy` method
// running registered clean-up callbacks, a React effect's clean-up); a capped retry rethrowing
// its own latest failure, a second failure logged in a loop before the throw that carries the
// original, a field of a URL parse, a formatter answering its input. The invalid rows are the
// limits: a job queued once, a debounced save, a chain with a finally that is awaited, a list of
// listeners, an effect clean-up that saves, a rethrow of another call's failure, a parse handed
// to a migration that answers the raw text, a class's own `on…` method.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "rethrowWithoutCause", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

/** The 1-based line and column span of the first `needle` in `code`. */
function span(code: string, needle: string) {
  const i = code.indexOf(needle);
  const before = code.slice(0, i).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

/**
 * A log-only catch whose log line is `log` (with its indentation): "Rethrow the error" adds
 * `throw <err>;` below it, "Mark as intentionally ignored…" a comment above it.
 */
function logged(code: string, catchText: string, log: string, err: string): InvalidCase["findings"][number] {
  const indent = /^ */.exec(log)![0];
  return {
    case: "logAndContinue",
    ...span(code, catchText),
    suggestions: [
      { title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) },
      { title: "Mark as intentionally ignored…", output: code.replace(log, `${indent}// Intentionally ignored: <reason>\n${log}`) },
    ],
  };
}

const valid = [
  {
    name: "a repeating Agenda job's due items, each logged and retried on the next tick",
    filename: "src/jobs/digests.ts",
    code: `export default function addDigestJob(agenda: Agenda) {
  agenda.define(SEND_DIGESTS, async () => {
    const due = await findDueDigests(new Date());
    for (const digest of due) {
      try {
        await queueDigest(agenda, digest.id);
      } catch (e) {
        logger.error(e, \`could not queue digest \${digest.id}\`);
      }
    }
  });
  const job = agenda.create(SEND_DIGESTS, {});
  job.repeatEvery("10 minutes");
}
`,
  },
  {
    name: "a function handed by name to a repeating Agenda job, one logged section after another",
    filename: "src/jobs/prune.ts",
    code: `const pruneStaleLocks = async () => {
  try {
    await releaseStaleLocks();
  } catch (e) {
    logger.error(e, "could not release stale locks");
  }
  try {
    await releaseStaleUploads();
  } catch (e) {
    logger.error(e, "could not release stale uploads");
  }
};
export function addPruneJob(agenda: Agenda) {
  agenda.define(PRUNE_JOB, pruneStaleLocks);
  agenda.every("1 minute", PRUNE_JOB);
}
`,
  },
  {
    name: "a debounced check that keeps nothing, run later by a timer",
    filename: "src/hooks/use-similar.ts",
    code: `export function useSimilarCheck(lookup: () => Promise<void>) {
  return useMemo(
    () =>
      debounce(async () => {
        try {
          await lookup();
        } catch (error) {
          console.error("similar check failed", error);
        }
      }, 2000),
    [lookup],
  );
}
`,
  },
  {
    name: "a void chain in a timer whose log-only catch is followed by a finally",
    filename: "src/ping.ts",
    code: `export function startPing(id: string) {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    void sessions
      .touch(id)
      .catch((err) => {
        logger.debug(\`ping failed for \${id}: \${String(err)}\`);
      })
      .finally(() => {
        busy = false;
      });
  }, 5000);
}
`,
  },
  {
    name: "a destroy method running each registered clean-up callback",
    filename: "src/client.ts",
    code: `export class Client {
  private cleanupFns: Array<() => void> = [];
  destroy() {
    this.cleanupFns.forEach((fn) => {
      try {
        fn();
      } catch (e) {
        console.error(e);
      }
    });
    this.cleanupFns = [];
  }
}
`,
  },
  {
    name: "a React effect's clean-up pausing and destroying a player, each step logged",
    filename: "src/components/viewer.tsx",
    code: `export function Viewer({ frames }: { frames: Frame[] }) {
  const ref = useRef<Player | null>(null);
  useEffect(() => {
    ref.current = new Player(frames);
    return () => {
      const player = ref.current;
      if (!player) return;
      try {
        player.pause();
      } catch (error) {
        console.debug("could not pause the player", error);
      }
      try {
        player.getEngine?.()?.destroy?.();
      } catch (error) {
        console.debug("could not destroy the engine", error);
      }
    };
  }, [frames]);
  return null;
}
`,
  },
  {
    name: "a capped retry of the outer try's own call rethrows its latest failure of the same work",
    filename: "src/configs/restore.ts",
    code: `export async function restoreOverrides(store: Store, id: string, previous: Override[]) {
  try {
    await store.updateIfUnchanged(id, previous);
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await store.updateIfUnchanged(id, previous);
        break;
      } catch (retryErr) {
        if (!(retryErr instanceof ConflictError)) throw retryErr;
        if (attempt === 2) throw retryErr;
      }
    }
  }
}
`,
  },
  {
    name: "a second failure logged in a loop of the rollback, before the throw that carries the original",
    filename: "src/publish.ts",
    code: `export async function publishAll(items: Item[]) {
  try {
    await applyAll(items);
  } catch (e) {
    await rollBack(items);
    for (const item of items) {
      try {
        await notifyFailed(item);
      } catch (notifyErr) {
        logger.error(notifyErr, \`could not report the failed publish of \${item.id}\`);
      }
    }
    throw new PublishError(\`publish failed and was rolled back: \${String(e)}\`, { cause: e });
  }
}
`,
  },
  {
    name: "a field of a URL parse, whose new error names the bad input",
    filename: "src/render.ts",
    code: `export function imageHostOf(imageUrl: string): string {
  let host: string;
  try {
    host = new URL(imageUrl).hostname;
  } catch {
    throw new Error("The renderer returned an invalid image URL.");
  }
  return host;
}
`,
  },
  {
    name: "a display formatter answering its own input when it is not JSON",
    filename: "src/format.ts",
    code: `function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
export function formatOutput(raw: string): string {
  try {
    return prettyJson(JSON.parse(raw));
  } catch {
    return raw;
  }
}
`,
  },
  {
    name: "a base class's on… hook overridden to return void, whose whole body is a log-only catch",
    filename: "src/runners/refresh.ts",
    code: `export class RefreshRunner extends QueryRunner {
  protected override onHeartbeat(): void {
    this.context.models.refreshLocks
      .touchLockHeartbeat(this.model.experiment, this.model.id)
      .catch((e) =>
        this.context.logger.warn(
          e,
          "Failed to refresh the lock heartbeat",
        ),
      );
  }
}
`,
  },
];
const AGENDA_ONCE = `export function addExportJobs(agenda: Agenda) {
  agenda.define(QUEUE_EXPORTS, async () => {
    for (const id of await dueReports()) await queueExport(agenda, id);
  });
  agenda.define(EXPORT_JOB, async (job: Job) => {
    try {
      await exportReport(job.attrs.data.reportId);
    } catch (e) {
      logger.error(e, "export failed");
    }
  });
  const queue = agenda.create(QUEUE_EXPORTS, {});
  queue.repeatEvery("1 hour");
}
`;
const DEBOUNCED_SAVE = `export const autosave = debounce(async (draft: Draft) => {
  try {
    await saveDraft(draft);
  } catch (error) {
    console.error("autosave failed", error);
  }
}, 1000);
`;
const AWAITED_FINALLY = `export async function refresh(id: string) {
  await sessions
    .touch(id)
    .catch((err) => logger.warn(err))
    .finally(() => metrics.done());
}
`;
const LISTENERS = `export class Emitter {
  private listeners: Array<() => void> = [];
  destroy() {
    this.listeners.forEach((fn) => {
      try {
        fn();
      } catch (e) {
        console.error(e);
      }
    });
  }
}
`;
const OTHER_RETHROW = `export async function charge(order: Order) {
  try {
    await payments.charge(order);
  } catch (e) {
    try {
      await orders.markFailed(order.id);
    } catch (markErr) {
      throw markErr;
    }
    throw e;
  }
}
`;
const MIGRATES = `export function readSettings(raw: string): Settings | string {
  try {
    return migrateSettings(JSON.parse(raw));
  } catch {
    return raw;
  }
}
`;
const NOT_OVERRIDE = `export class RefreshRunner extends QueryRunner {
  protected onHeartbeat(): void {
    this.context.models.refreshLocks
      .touchLockHeartbeat(this.model.experiment, this.model.id)
      .catch((e) =>
        this.context.logger.warn(
          e,
          "Failed to refresh the lock heartbeat",
        ),
      );
  }
}
`;
const CLEANUP_SAVES = `export function Editor({ draft }: { draft: Draft }) {
  useEffect(() => {
    return () => {
      try {
        saveDraft(draft);
      } catch (error) {
        console.error("could not save the draft", error);
      }
    };
  }, [draft]);
  return null;
}
`;

const invalid: InvalidCase[] = [
  {
    name: "a job queued once (only its queue repeats) has the scheduler to record its failure",
    code: AGENDA_ONCE,
    findings: [logged(AGENDA_ONCE, "catch (e)", '      logger.error(e, "export failed");', "e")],
    output: null,
  },
  {
    name: "a debounced save loses the user's data silently",
    code: DEBOUNCED_SAVE,
    findings: [logged(DEBOUNCED_SAVE, "catch (error)", '    console.error("autosave failed", error);', "error")],
    output: null,
  },
  {
    name: "a chain with a finally that the function awaits has a caller",
    code: AWAITED_FINALLY,
    findings: [
      {
        case: "promiseCatchLogOnly",
        ...span(AWAITED_FINALLY, "(err) => logger.warn(err)"),
        suggestions: [{ title: "Mark as intentionally ignored…", output: AWAITED_FINALLY.replace("(err) => logger.warn(err)", "(err) => /* Intentionally ignored: <reason> */ logger.warn(err)") }],
      },
    ],
    output: null,
  },
  {
    name: "an effect's clean-up that saves does other work than letting go",
    code: CLEANUP_SAVES,
    findings: [logged(CLEANUP_SAVES, "catch (error)", '        console.error("could not save the draft", error);', "error")],
    output: null,
  },
  {
    name: "a rethrow of a different call's failure inside a catch still replaces the original",
    code: OTHER_RETHROW,
    findings: [
      {
        case: "rethrowWithoutCause",
        ...span(OTHER_RETHROW, "catch (markErr)"),
        suggestions: [
          { title: "Log markErr and keep the original error", output: OTHER_RETHROW.replace("      throw markErr;", '      console.error("charge: a second error while handling the first", markErr);') },
          { title: "Throw both errors as an AggregateError", output: OTHER_RETHROW.replace("      throw markErr;", '      throw new AggregateError([e, markErr], "charge failed twice");') },
        ],
      },
    ],
    output: null,
  },
  {
    name: "a parse handed to a migration, not a display formatter, answering the raw text stays reported",
    code: MIGRATES,
    findings: [
      {
        case: "catchReturnsDefault",
        ...span(MIGRATES, "catch"),
        suggestions: [
          { title: "Log the error with console", output: MIGRATES.replace("  } catch {\n", '  } catch (err) {\n    console.error("readSettings failed", err);\n') },
          { title: "Mark as intentionally ignored…", output: MIGRATES.replace("  } catch {\n", "  } catch {\n    // Intentionally ignored: <reason>\n") },
        ],
      },
    ],
    output: null,
  },
  {
    name: "a class's own on… method, no override of a base class's hook, stays reported",
    code: NOT_OVERRIDE,
    findings: [
      {
        case: "promiseCatchLogOnly",
        ...span(NOT_OVERRIDE, "(e) =>"),
        endLine: 9,
        endColumn: 10,
        suggestions: [{ title: "Mark as intentionally ignored…", output: NOT_OVERRIDE.replace("(e) =>\n        this.context", "(e) =>\n        /* Intentionally ignored: <reason> */ this.context") }],
      },
    ],
    output: null,
  },
];

// Session 23: not a clean-up callback, but listener isolation (each listener's failure logged, the others go on).
valid.push({ name: "listeners run from destroy: each listener's failure is logged and the others still run", filename: "src/emitter.ts", code: LISTENERS });

new RuleTester().run(narrowed, { valid, invalid });
