import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 34, developer prodx34 (production homarr's sampled false findings: preloads of
// code, a side `.catch` on a promise also handed on, a class of a compute-only package in pure work;
// hand-written analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly", "catchReturnsDefault"]);
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

new RuleTester().run(narrowed, {
  valid: [
    { name: "a hover preload of a chunk next/dynamic loads for real", code: nextPreload('() => import("./menu")', 'export const Menu = dynamic(() => loadMenu().then((m) => m.Menu));') },
    { name: "a preload of a memoised chunk that use() loads for real, and the memo's own reset", code: memoPreload },
    { name: "another framework: React.lazy handed the loader, warmed in a statement", code: reactLazy },
    { name: "a loader of another module that loads it for real there", code: vueWarm, filename: "src/components/toolbar.ts", files: { "src/components/editor-loader.ts": vueLoader } },
    { name: "a wait, through a copy, on the job its start awaits", code: runner("inFlight") },
    { name: "another shape: a class's memo whose side catch drops it, the attempt returned", code: connectionMemo },
    { name: "a class of node:crypto parsed in pure work, answering the guard's null", code: certificate('import { X509Certificate } from "node:crypto";') },
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
    { name: "neighbour: a class of the project's own module in the try", code: ownClass, findings: [{ case: "catchReturnsDefault", line: 9, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: ownClass.replace("} catch {\n", '} catch (err) {\n    console.error("removeCertificate failed", err);\n') },
      { title: "Mark as intentionally ignored…", output: ownClass.replace("} catch {\n", "} catch {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
