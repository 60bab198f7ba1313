import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 36, developer capcls36: production CapSoftware/Cap's sampled false findings (eval/production,
// seed 20261361), hand-written analogues. Nothing can reach the handler: `await` of a field that only
// ever holds a chain ending in its own rejection handler, TanStack's `prefetchQuery` (never rejects).
// A Web Storage read whose log-only catch falls off the end like its bare `typeof window` guard; a
// stream reader cancelled with the reason handed on; a request-body helper whose null every caller
// answers with a 400, as the inline `.catch(() => null)` form. The neighbours stay reported.
const named = new Set(["emptyCatch", "promiseCatchLogOnly", "promiseCatchNoop", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const spool = (assign: string): string => dedent`
  export class RecordingSpool {
    private pendingWrite = Promise.resolve();

    enqueue(task: () => Promise<void>) {
      const operation = this.pendingWrite.then(task);
      this.pendingWrite = ${assign};
      return operation;
    }

    async dispose() {
      try {
        await this.pendingWrite;
      } catch {}
      await this.backend.deleteSession(this.id);
    }
  }
`;
// Another style: plain JavaScript, a log-only catch before closing a socket.
const SAVE_CHAIN = dedent`
  class Autosaver {
    chain = Promise.resolve();
    save(doc) {
      const op = this.chain.then(() => api.put(doc));
      this.chain = op.then(() => undefined, () => undefined);
      return op;
    }
    async close() {
      try {
        await this.chain;
      } catch (e) {
        console.error("pending save failed", e);
      }
      socket.close();
    }
  }
`;
const PREWARM = dedent`
  const prewarm = async () => {
    await Promise.all([
      queryClient.prefetchQuery({ ...listScreens, staleTime: 60_000 }),
      queryClient.prefetchQuery({ ...listWindows, staleTime: 60_000 }),
    ]).catch((error) => {
      console.error("Failed to prewarm capture lists:", error);
    });
  };
`;
// Another style: a Vue router guard prefetching one query.
const VUE_PREFETCH = dedent`
  router.beforeEach((to) => {
    qc.prefetchQuery({ queryKey: ["project", to.params.id], queryFn: () => api.project(to.params.id) }).catch((e) => console.warn(e));
  });
`;
const FETCH_QUERY = PREWARM.replace(/prefetchQuery/g, "fetchQuery");
const PREFETCH_DROPPED = 'export function usePrefetch(ids) {\n  for (const id of ids) qc.prefetchQuery({ queryKey: ["order", id] }).catch(() => {});\n}\n';
const storage = (body: string): string => dedent`
  export function useRecorderPreferences() {
    const [remember, setRemember] = useState(false);
    useEffect(() => {
      if (typeof window === "undefined") return;
      try {
        ${body}
      } catch (error) {
        console.error("Failed to load recorder preferences", error);
      }
    }, []);
    return remember;
  }
`;
const STORAGE_READ = storage('if (window.localStorage.getItem("remember-devices") === "true") setRemember(true);');
const STORAGE_WRITE = storage('window.localStorage.setItem("remember-devices", "true");\n      setRemember(true);');
// Another style: a Svelte store's loader with a `typeof localStorage` guard.
const SIDEBAR_STORAGE = dedent`
  export function loadSidebarState() {
    if (typeof localStorage === "undefined") return;
    try {
      const stored = localStorage.getItem("sidebar");
      if (stored) sidebar.set(stored === "collapsed");
    } catch (e) {
      console.warn("sidebar state unavailable", e);
    }
  }
`;
const STREAM_CANCEL = dedent`
  export function relay(upstream: { reader: ReadableStreamDefaultReader<Uint8Array> }) {
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await upstream.reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        upstream.reader.cancel(reason).catch(() => undefined);
      },
    });
  }
`;
// Another style: a Node stream's body cancelled with a literal reason.
const BODY_CANCEL = 'export async function head(url) {\n  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });\n  res.body.cancel("not needed").catch(() => {});\n  return res.status;\n}\n';
const JOB_CANCEL = 'export function stop(job, reason) {\n  job.cancel(reason).catch(() => {});\n}\n';
const readJsonRoute = (use: string): string => dedent`
  import { NextRequest, NextResponse } from "next/server";

  async function readJson(request: NextRequest) {
    try {
      return await request.json();
    } catch {
      return null;
    }
  }

  export async function POST(request: NextRequest) {
    const json = await readJson(request);
    ${use}
  }
`;
const READ_JSON = readJsonRoute('const payload = signPartSchema.safeParse(json);\n    if (!payload.success) {\n      return NextResponse.json({ error: "Invalid request" }, { status: 400 });\n    }\n    return NextResponse.json(await signPart(payload.data));');
const READ_JSON_USED = readJsonRoute("await saveParts(json.parts);\n    return NextResponse.json({ ok: true });");
// Another style: SvelteKit's endpoint with an arrow helper.
const SVELTE_BODY = dedent`
  import { json } from "@sveltejs/kit";

  const readBody = async (request) => {
    try {
      return await request.json();
    } catch {
      return undefined;
    }
  };

  export async function POST({ request }) {
    const body = await readBody(request);
    if (!body || typeof body.name !== "string") return json({ error: "name required" }, { status: 400 });
    return json(await createItem(body.name));
  }
`;

const valid: ValidCase[] = [
  { name: "await of a field that only holds a chain ending in a quiet rejection handler", code: spool("operation.then(() => undefined, () => undefined)"), filename: "packages/recorder-core/src/recording-spool.ts" },
  { name: "another style: a JavaScript class field settled with .then(ok, quiet), a log-only catch", code: SAVE_CHAIN, filename: "src/autosave.js" },
  { name: "Promise.all of TanStack prefetchQuery calls, whose .catch only logs", code: PREWARM, filename: "src/routes/main.tsx" },
  { name: "another style: a Vue router guard's prefetchQuery(…).catch(warn)", code: VUE_PREFETCH, filename: "src/router/index.js" },
  { name: "a Web Storage read in an effect whose log-only catch falls off like its bare typeof window guard", code: STORAGE_READ, filename: "app/components/useRecorderPreferences.ts" },
  { name: "another style: a Svelte store's loader reading storage behind typeof localStorage", code: SIDEBAR_STORAGE, filename: "src/lib/stores/sidebar.js" },
  { name: "a stream reader cancelled with the reason handed on, in the stream's own cancel", code: STREAM_CANCEL, filename: "app/api/docs/ask/route.ts" },
  { name: "another style: a response body cancelled with a literal reason", code: BODY_CANCEL, filename: "src/probe.js" },
  { name: "a request-body helper whose null the only caller safeParses into a 400", code: READ_JSON, filename: "app/api/webhooks/multipart/[action]/route.ts" },
  { name: "another style: a SvelteKit endpoint's arrow helper, the undefined body answered 400", code: SVELTE_BODY, filename: "src/routes/api/items/+server.js" },
];

const invalid: InvalidCase[] = [
  { name: "neighbour: the field is also given a bare chain that may reject", code: spool("operation"), filename: "packages/recorder-core/src/recording-spool.ts", findings: [{ case: "emptyCatch", line: 13, column: 13, endColumn: 15, suggestions: [{ title: "Mark as intentionally ignored…", output: spool("operation").replace("} catch {}", "} catch {\n      // Intentionally ignored: <reason>\n    }") }] }], output: spool("operation").replace("} catch {}", "} catch (err) {\n      console.error(\"RecordingSpool.dispose failed\", err);\n    }") },
  { name: "neighbour: fetchQuery throws, so its .catch swallows", code: FETCH_QUERY, filename: "src/routes/main.tsx", findings: [{ case: "promiseCatchLogOnly", line: 5, column: 12, endLine: 7, endColumn: 4, suggestions: [{ title: "Mark as intentionally ignored…", output: FETCH_QUERY.replace("]).catch((error) => {\n", "]).catch((error) => {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
  { name: "neighbour: a prefetchQuery handler that drops the error", code: PREFETCH_DROPPED, filename: "src/hooks/usePrefetch.js", findings: [{ case: "promiseCatchNoop", line: 2, column: 77, endColumn: 85, suggestions: [{ title: "Mark as intentionally ignored…", output: PREFETCH_DROPPED.replace(".catch(() => {})", ".catch(() => {\n    // Intentionally ignored: <reason>\n  })") }] }], output: PREFETCH_DROPPED.replace(".catch(() => {})", ".catch((err) => {\n    console.error(\"qc.prefetchQuery failed in usePrefetch\", err);\n  })") },
  { name: "neighbour: the try also writes storage", code: STORAGE_WRITE, filename: "app/components/useRecorderPreferences.ts", findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 20, suggestions: [
    { title: "Rethrow the error", output: STORAGE_WRITE.replace("recorder preferences\", error);\n", "recorder preferences\", error);\n      throw error;\n") },
    { title: "Mark as intentionally ignored…", output: STORAGE_WRITE.replace("      console.error(\"Failed", "      // Intentionally ignored: <reason>\n      console.error(\"Failed") },
  ] }], output: null },
  { name: "neighbour: cancelling a job, not a stream", code: JOB_CANCEL, filename: "src/jobs.js", findings: [{ case: "promiseCatchNoop", line: 2, column: 28, endColumn: 36, suggestions: [{ title: "Mark as intentionally ignored…", output: JOB_CANCEL.replace(".catch(() => {})", ".catch(() => {\n    // Intentionally ignored: <reason>\n  })") }] }], output: JOB_CANCEL.replace(".catch(() => {})", ".catch((err) => {\n    console.error(\"job.cancel failed in stop\", err);\n  })") },
  { name: "neighbour: the caller reads the null body as parts", code: READ_JSON_USED, filename: "app/api/webhooks/multipart/[action]/route.ts", findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 10, suggestions: [
    { title: "Log the error with console", output: READ_JSON_USED.replace("  } catch {\n    return null;", "  } catch (err) {\n    console.error(\"request.json failed in readJson\", err);\n    return null;") },
    { title: "Mark as intentionally ignored…", output: READ_JSON_USED.replace("  } catch {\n    return null;", "  } catch {\n    // Intentionally ignored: <reason>\n    return null;") },
  ] }], output: null },
];

new RuleTester().run(narrowed, { valid, invalid });
