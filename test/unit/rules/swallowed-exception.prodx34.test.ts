import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 34, developer prodx34 (production homarr's sampled false findings: preloads of
// code, a side `.catch` on a promise also handed on, a class of a compute-only package in pure work;
// hand-written analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly", "catchReturnsDefault", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Next.js header whose menu chunk is loaded by `loader`, preloaded on hover, and loaded for real by `next/dynamic`.
const nextPreload = (loader: string, real: string): string => dedent`
  import dynamic from "next/dynamic";
  const loadMenu = ${loader};
  export const preloadMenu = () => void loadMenu().catch(() => undefined);
  ${real}
`;

// The same memoised, the memo dropped on failure so the next call retries (React 19's \`use\`).
const memoPreload = dedent`
  import { use } from "react";
  let menuPromise: Promise<typeof import("./menu")> | undefined;
  const loadMenu = () => {
    if (menuPromise) return menuPromise;
    const promise = import("./menu");
    menuPromise = promise;
    void promise.catch(() => {
      if (menuPromise === promise) menuPromise = undefined;
    });
    return promise;
  };
  export const preloadMenu = () => void loadMenu().catch(() => undefined);
  export const LazyMenu = () => {
    const { Menu } = use(loadMenu());
    return Menu;
  };
`;

// Another framework and naming: React.lazy handed the loader itself, warmed in a statement on idle.
const reactLazy = dedent`
  import { lazy } from "react";
  function importChart() {
    return import("./chart").then((m) => ({ default: m.Chart }));
  }
  export const Chart = lazy(importChart);
  export function warmChart() {
    requestIdleCallback(() => {
      importChart().catch(() => null);
    });
  }
`;

// A Vue async component whose loader lives in a module of its own, warmed from another file.
const vueLoader = dedent`
  import { defineAsyncComponent } from "vue";
  export const loadEditor = () => import("./Editor.vue");
  export const AsyncEditor = defineAsyncComponent(loadEditor);
`;
const vueWarm = dedent`
  import { loadEditor } from "./editor-loader";
  export function onHover() {
    loadEditor().catch(() => {});
  }
`;

// A job runner whose stop waits, through a copy, for the job a start awaits itself.
const runner = (wait: string): string => dedent`
  let inFlight: Promise<void> | undefined;
  export async function start(args: string[]) {
    const job = runJob(args);
    inFlight = job;
    try {
      await job;
    } finally {
      inFlight = undefined;
    }
  }
  export async function stop() {
    const pending = ${wait};
    if (pending) await pending.catch(() => undefined);
    await closeAll();
  }
`;

// A class's connection memo: the side catch only drops the memo, the promise goes back to the caller.
const connectionMemo = dedent`
  export class Pool {
    private ready?: Promise<Client>;
    connect() {
      if (this.ready) return this.ready;
      const attempt = openClient(this.url);
      this.ready = attempt;
      void attempt.catch(() => {
        this.ready = undefined;
      });
      return attempt;
    }
  }
`;

// A certificate read, the function's own guard answering null as the catch does.
const certificate = (imp: string): string => dedent`
  ${imp}
  export async function removeCertificate(name: string) {
    const folder = certificateFolder();
    if (!folder) return null;
    const content = await fs.readFile(path.join(folder, name), "utf8");
    await fs.rm(path.join(folder, name));
    try {
      return new X509Certificate(content);
    } catch {
      return null;
    }
  }
`;

// Per-row enrichment in a \`Promise.all\` map: one system's details answered \`answer\` after a warning.
const perRow = (answer: string): string => dedent`
  export async function systems(instance: Api) {
    const systems = await instance.list();
    return Promise.all(
      systems.map(async (system) => {
        const details = await instance.details(system.id).catch((error) => {
          logger.warn("Failed to fetch details", { systemId: system.id, error: String(error) });
          return ${answer};
        });
        return toRow(system, details);
      }),
    );
  }
`;

// Another shape: a signed URL set into the answered object's field, dropped with no log.
const signedField = dedent`
  export const withAvatars = (users: User[]) =>
    Promise.all(users.map(async (u) => ({ ...u, avatar: await storage.signedUrl(u.avatarKey).catch(() => null) })));
`;

// The same in a plain loop: no \`Promise.all\` map.
const loopRow = dedent`
  export async function systems(instance: Api) {
    const systems = await instance.list();
    const rows = [];
    for (const system of systems) {
      const details = await instance.details(system.id).catch(() => null);
      rows.push(toRow(system, details));
    }
    return rows;
  }
`;

// A helper answering undefined, called for one row's field in a \`Promise.all\` map, and \`elsewhere\`.
const thumbHelper = (elsewhere: string): string => dedent`
  async function signedThumb(key: string) {
    try {
      return await s3.getSignedUrl(key);
    } catch (err) {
      console.warn("thumbnail failed", err);
      return undefined;
    }
  }
  export async function gallery(rows: Row[]) {
    await Promise.all(
      rows.map(async (row) => {
        row.thumb = await signedThumb(row.key);
      }),
    );
    return ${elsewhere};
  }
`;

// Another class: a private method filling two fields of each stream.
const proxyMethod = dedent`
  export class Streams {
    async list(imageProxy: ImageProxy) {
      const json = await this.fetchStreams();
      return {
        ...json,
        data: await Promise.all(
          json.data.map(async (stream) => {
            if (stream.posterUrl) stream.posterUrl = await this.proxyImage(imageProxy, stream.posterUrl);
            return stream;
          }),
        ),
      };
    }
    private async proxyImage(imageProxy: ImageProxy, url: string): Promise<string | null> {
      try {
        return await imageProxy.create(url);
      } catch {
        return null;
      }
    }
  }
`;

// A URL normaliser answering null, its one caller leaving first on null (a React component).
const normalizer = dedent`
  const normalizeUrl = (raw: string): string | null => {
    try {
      return new URL(raw).href;
    } catch {
      // Bare IP or hostname: prepend http:// and retry
    }
    try {
      return new URL(\`http://\${raw}\`).href;
    } catch {
      return null;
    }
  };
  export const ApiKeyLink = ({ kind, url }: { kind: string; url: string }) => {
    const apiKeyUrl = apiKeyPath(kind);
    if (!apiKeyUrl) return null;
    const resolved = normalizeUrl(url);
    if (!resolved) return null;
    return <a href={new URL(apiKeyUrl, resolved).href}>key</a>;
  };
`;

// Another shape: a declared function answering "", its callers skipping the link on "".
const origins = dedent`
  function toOrigin(input: string) {
    try {
      return new URL(input).origin;
    } catch {
      return "";
    }
  }
  export function origins(links: string[]) {
    const out = new Set<string>();
    for (const link of links) {
      const origin = toOrigin(link);
      if (origin === "") continue;
      out.add(origin);
    }
    return [...out];
  }
`;

const fetchLoader = nextPreload('() => fetch("/api/menu")', 'export const Menu = dynamic(() => loadMenu().then((r) => r.json()));');
const unusedLoader = nextPreload('() => import("./menu")', "export const other = 1;");
const keptAnswer = dedent`
  const loadMenu = () => import("./menu");
  export const Menu = dynamic(() => loadMenu().then((m) => m.Menu));
  export async function menuOrNone() {
    const m = await loadMenu().catch(() => undefined);
    return m;
  }
`;
const otherRunner = runner("otherFlight");
const warmData = dedent`
  const loadMenu = () => fetch("/api/menu");
  export function warmMenu() {
    loadMenu().catch((err) => console.warn(err));
  }
`;
const ownClass = certificate('import { X509Certificate } from "./x509";');
const madeUpRow = perRow("[]");
const originHandedOn = `${origins}export function firstOrigin(links: string[]) {\n  return toOrigin(links[0]);\n}\n`;
const coverToo = thumbHelper("{ rows, cover: await signedThumb(rows[0].key) }");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a hover preload of a chunk next/dynamic loads for real", code: nextPreload('() => import("./menu")', 'export const Menu = dynamic(() => loadMenu().then((m) => m.Menu));') },
    { name: "a preload of a memoised chunk that use() loads for real, and the memo's own reset", code: memoPreload },
    { name: "another framework: React.lazy handed the loader, warmed in a statement", code: reactLazy },
    { name: "a loader of another module that loads it for real there", code: vueWarm, filename: "src/components/toolbar.ts", files: { "src/components/editor-loader.ts": vueLoader } },
    { name: "a wait, through a copy, on the job its start awaits", code: runner("inFlight") },
    { name: "another shape: a class's memo whose side catch drops it, the attempt returned", code: connectionMemo },
    { name: "a class of node:crypto parsed in pure work, answering the guard's null", code: certificate('import { X509Certificate } from "node:crypto";') },
    { name: "per-row enrichment in a Promise.all map answered null after a warning", code: perRow("null") },
    { name: "another shape: a signed URL set into the answered row's field, dropped", code: signedField },
    { name: "a helper answering undefined to one row's field in a Promise.all map", code: thumbHelper("rows") },
    { name: "another shape: a class's private method filling each stream's poster", code: proxyMethod },
    { name: "a URL normaliser's null, its caller leaving first on null", code: normalizer, filename: "src/components/api-key-link.tsx" },
    { name: "another shape: a declared function's \"\", its caller skipping the link", code: origins },
  ],
  invalid: [
    { name: "neighbour: a loader that fetches data, not code", code: fetchLoader, findings: [{ case: "promiseCatchNoop", line: 3, column: 56, endColumn: 71, suggestions: [
      { title: "Mark as intentionally ignored…", output: fetchLoader.replace("catch(() => undefined)", "catch(() => /* Intentionally ignored: <reason> */ undefined)") },
    ] }], output: fetchLoader.replace("catch(() => undefined);", 'catch((err) => {\n  console.error("loadMenu failed in preloadMenu", err);\n  return undefined;\n});') },
    { name: "neighbour: a loader of code nothing else loads", code: unusedLoader, findings: [{ case: "promiseCatchNoop", line: 3, column: 56, endColumn: 71, suggestions: [
      { title: "Mark as intentionally ignored…", output: unusedLoader.replace("catch(() => undefined)", "catch(() => /* Intentionally ignored: <reason> */ undefined)") },
    ] }], output: unusedLoader.replace("catch(() => undefined);", 'catch((err) => {\n  console.error("loadMenu failed in preloadMenu", err);\n  return undefined;\n});') },
    { name: "neighbour: the fallback of a load kept as the function's answer", code: keptAnswer, findings: [{ case: "promiseCatchNoop", line: 4, column: 36, endColumn: 51, suggestions: [
      { title: "Rethrow in the handler after logging", output: keptAnswer.replace("catch(() => undefined);", 'catch((err) => {\n    console.error("loadMenu failed in menuOrNone", err);\n    throw err;\n  });') },
      { title: "Mark as intentionally ignored…", output: keptAnswer.replace("catch(() => undefined)", "catch(() => /* Intentionally ignored: <reason> */ undefined)") },
    ] }], output: keptAnswer.replace("catch(() => undefined);", 'catch((err) => {\n    console.error("loadMenu failed in menuOrNone", err);\n    return undefined;\n  });') },
    { name: "neighbour: a wait, through a copy, on a promise nobody else awaits", code: otherRunner, findings: [{ case: "promiseCatchNoop", line: 13, column: 36, endColumn: 51, suggestions: [
      { title: "Rethrow in the handler after logging", output: otherRunner.replace("catch(() => undefined);", 'catch((err) => {\n    console.error("pending failed in stop", err);\n    throw err;\n  });') },
      { title: "Mark as intentionally ignored…", output: otherRunner.replace("catch(() => undefined)", "catch(() => /* Intentionally ignored: <reason> */ undefined)") },
    ] }], output: otherRunner.replace("catch(() => undefined);", 'catch((err) => {\n    console.error("pending failed in stop", err);\n    return undefined;\n  });') },
    { name: "neighbour: a warm-up of data whose failure is only logged", code: warmData, findings: [{ case: "promiseCatchLogOnly", line: 3, column: 20, endColumn: 46, suggestions: [
      { title: "Mark as intentionally ignored…", output: warmData.replace("(err) => console", "(err) => /* Intentionally ignored: <reason> */ console") },
    ] }], output: null },
    { name: "neighbour: per-row enrichment answered a made-up empty list", code: madeUpRow, findings: [{ case: "promiseCatchLogOnly", line: 5, column: 63, endLine: 8, endColumn: 8, suggestions: [
      { title: "Mark as intentionally ignored…", output: madeUpRow.replace(".catch((error) => {\n", ".catch((error) => {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the same in a plain loop", code: loopRow, findings: [{ case: "promiseCatchNoop", line: 5, column: 61, endColumn: 71, suggestions: [
      { title: "Mark as intentionally ignored…", output: loopRow.replace("catch(() => null)", "catch(() => /* Intentionally ignored: <reason> */ null)") },
    ] }], output: loopRow.replace("catch(() => null);", 'catch((err) => {\n      console.error("instance.details failed in systems", err);\n      return null;\n    });') },
    { name: "neighbour: a helper whose answer is also kept elsewhere", code: coverToo, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 16, suggestions: [
      { title: "Mark as intentionally ignored…", output: coverToo.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the normaliser's answer also handed on unread", code: originHandedOn, findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: originHandedOn.replace("} catch {\n    return", '} catch (err) {\n    console.error("toOrigin failed", err);\n    return') },
      { title: "Mark as intentionally ignored…", output: originHandedOn.replace("} catch {\n    return", "} catch {\n    // Intentionally ignored: <reason>\n    return") },
    ] }], output: null },
    { name: "neighbour: a class of the project's own module in the try", code: ownClass, findings: [{ case: "catchReturnsDefault", line: 9, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: ownClass.replace("} catch {\n", '} catch (err) {\n    console.error("removeCertificate failed", err);\n') },
      { title: "Mark as intentionally ignored…", output: ownClass.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
