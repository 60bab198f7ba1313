import { calleeName } from "../../engine/ast";
import { assetsOnlyWorker, packageWorkerOnly } from "./assets-worker";
import { unwrap } from "./ast";
import { ts } from "../../engine/ts";
import type { RuleContext } from "../../engine/types";
import { inTestSuiteFolder, isTestFile, isTestSupportFile } from "../../engine/source";
import { isUseClient, SERVER_DEPS } from "../../profile/detect";
import { projectFilesOf } from "../unvalidated-boundary/elsewhere";

/**
 * Where a call runs. `call` and `client` are about server-side code (a stalled dependency holds a
 * request, a socket and a worker); browser code, React Native, extensions and tests are out of
 * scope for them. Judged from the project profile and the file's own text, never the file system.
 */

// A front-end project: its `src/` files run in the browser unless a path says otherwise.
const FRONTEND_DEPS = ["react-dom", "vue", "svelte", "@angular/core", "solid-js", "preact", "vite", "react-scripts", "@vitejs/plugin-react", "@vitejs/plugin-vue", "@sveltejs/vite-plugin-svelte", "webpack-dev-server", "parcel"];
const BUNDLER_DEPS = ["vite", "react-scripts", "@vitejs/plugin-react", "@vitejs/plugin-react-swc", "@vitejs/plugin-vue", "parcel", "webpack-dev-server", "@angular/core"];
const NATIVE_DEPS = ["react-native", "expo", "@capacitor/core", "@ionic/react", "@ionic/angular", "webextension-polyfill", "wxt", "plasmo", "@types/chrome", "@crxjs/vite-plugin", "electron"];
// Folders that hold server code even in a front-end project (not `api/` or `routes/`: in a
// single-page app those hold the browser's own API layer and pages).
// SvelteKit's endpoints (`src/routes/api/chat/+server.ts`) run only on the server, as its `.server` modules do.
const SERVER_PATH_RE = /(?:^|\/)(?:server|servers|functions|netlify|backend|lambdas?|scripts|bin|cron|jobs|supabase\/functions)(?:\/|\.[cm]?[jt]sx?$)|\.server\.[cm]?[jt]sx?$|(?:^|\/)\+server\.[cm]?[jt]s$/i;
// Only the browser has these (in any project).
const BROWSER_TEXT_RE = /\b(?:localStorage\.|sessionStorage\.|window\.(?:location|addEventListener|localStorage|open)\b|chrome\.(?:runtime|tabs|storage)\.|browser\.(?:runtime|tabs)\.|typeof window\s*!==?\s*["']undefined["']|navigator\.\w+)|\b(?:NEXT_PUBLIC|EXPO_PUBLIC|REACT_APP)_|\bimport\.meta\.env\.VITE_/;
const VITE_ENV_RE = /\bimport\.meta\.env\.VITE_/;
// Modules that only work on a page: toast and snackbar queues that render into the React tree,
// and FileSaver's download of a Blob (a request helper that imports one reports to the user).
const BROWSER_IMPORT_RE = /(?:from\s+|require\(\s*|import\(\s*)["'](?:notistack|react-toastify|react-hot-toast|sonner|file-saver)["']/;
// The DOM: the browser in a project with a UI; elsewhere it is jsdom or a scraper's parsed page.
const DOM_TEXT_RE = /\bdocument\.(?:getElementById|querySelector(?:All)?|createElement|body|cookie|addEventListener)/;
// Only a server runs these: a server action, a route handler, Node's own modules, a listener,
// `next/headers` (cookies and headers of the request being answered), @supabase/ssr's createServerClient,
// SvelteKit's private environment (`$env/static/private`, `$env/dynamic/private`: its build refuses them in browser code),
// and a `.server` module or SvelteKit's `$lib/server/` (`import { env } from "~/lib/env.server"`: Remix, React Router 7
// and SvelteKit keep those out of the browser bundle, so a module that imports one is the server's; tune iridium),
// and Wasp's server SDK (`wasp/server`, `wasp/server/operations`: server-only imports).
const SERVER_TEXT_RE = /["']use server["']|["']wasp\/server(?:\/[\w/-]+)?["']|["'](?:server-only|next\/headers)["']|\bcreateServerClient\s*[<(]|\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|getServerSideProps|getStaticProps|loader|action)\b|\bDeno\.|\bcreateServer\(|\b(?:app|server)\.listen\(|(?:from\s+|require\()["'](?:node:)?(?:fs|fs\/promises|child_process|net|worker_threads|dotenv)["']|["']dotenv\/config["']|\bprocess\.(?:argv|exit)\b|["']\$env\/(?:static|dynamic)\/private["']|(?:from\s+|require\(\s*|import\(\s*)["'](?:[^"'\n]*\.server(?:\.[cm]?[jt]sx?)?|\$lib\/server\/[^"'\n]*)["']/;
// An AI SDK provider (`@ai-sdk/openai`) builds its models with the provider's secret key: in a project that
// runs server code of its own, a module that imports one is the server's (the browser's hooks are
// `@ai-sdk/react` and the like); a single-page app with no server may call a provider with the user's own key.
const AI_PROVIDER_RE = /(?:from\s+|require\(\s*)["']@ai-sdk\/(?!react|vue|svelte|solid|ui-utils)[\w-]+["']/;
// A server-only setting read from the environment: a server's sign, unless a bundler writes it into the browser bundle.
const SERVER_ENV_RE = /\bprocess\.env\.(?!(?:NEXT_PUBLIC|EXPO_PUBLIC|REACT_APP|VITE)_|NODE_ENV\b)[A-Z]/;
// Bundlers that replace `process.env.X` with its value at build time (webpack's EnvironmentPlugin and
// DefinePlugin, dotenv-webpack, Parcel, Rspack): in a front-end project with no server of its own the
// read says nothing about where the code runs.
const ENV_INLINING_DEPS = ["webpack", "dotenv-webpack", "parcel", "@rspack/core"];
// An Electron app's main process: its folder, or the main-process API (windows, IPC handlers, the app's lifecycle).
const ELECTRON_MAIN_PATH_RE = /(?:^|\/)electron(?:-main)?\//;
const ELECTRON_MAIN_TEXT_RE = /\b(?:ipcMain\.(?:handle|on)|new BrowserWindow|app\.whenReady)\b/;
// Convex's functions folder (its default `convex/`, not the client bindings in `convex/_generated/`): queries,
// mutations, actions and the helpers they import run on Convex's servers, also in an Expo or Vite app whose
// other folders are the client's (tune budgetmoney's `convex/priceProviders/walmart.ts`, held round 43).
const CONVEX_PATH_RE = /(?:^|\/)convex\/(?!_generated\/)/;
// Folders of UI code in a server-rendered app: their calls run in the browser as well.
const UI_PATH_RE = /(?:^|\/)(?:components|hooks|contexts|stores?|ui|views)\//i;

// Folders that hold test support, not the product: a monorepo's `libs/testing`, `test-utils`, `e2e`, and a
// second suite's folder named test and a number (`tests2/`, `test1/`: production keystone's node tests).
// An end-to-end suite's folder (`playwright/`, `cypress/`: its specs, fixtures and helpers drive the app the suite started).
const TEST_SUPPORT_DIR_RE = /(?:^|\/)(?:testing|test-?utils|test-?helpers|test-?support|e2e|tests?\d+|playwright|cypress)\//i;
// A monorepo package of its own for them (`libs/testing` with its package.json).
const TEST_SUPPORT_PACKAGE_RE = /\/(?:libs|packages|apps|modules)\/(?:testing|test-?utils|test-?helpers|test-?support|e2e)\/?$/i;
// The same names for a package of its own anywhere in an enclosing project (`tests2/package.json` beside the repository's).
const TEST_PACKAGE_NAME_RE = /^(?:testing|test-?utils|test-?helpers|test-?support|e2e|tests?\d*)$/i;
const PROJECT_MANIFESTS = ["package.json", "pnpm-workspace.yaml", "deno.json", "deno.jsonc"] as const;

/**
 * A package of test support inside another project: its folder has one of those names and the folder
 * above it holds a manifest (`tests2/package.json` beside the repository's package.json). A project
 * checked out on its own under such a name (`~/test1/`) has none above it and stays the product.
 */
function testPackageOfProject(ctx: RuleContext<unknown>): boolean {
  if (!ctx.profile.hasManifest) return false;
  const root = ctx.profile.root.replace(/\\/g, "/").replace(/\/$/, "");
  const parent = root.slice(0, root.lastIndexOf("/"));
  return TEST_PACKAGE_NAME_RE.test(root.slice(root.lastIndexOf("/") + 1)) && parent !== "" && PROJECT_MANIFESTS.some((m) => ctx.project.fileExists(`${parent}/${m}`));
}

// A manual check script named like a test: `test-auth.js`, `db-test.js`, `war-tests.js`, or in camelCase
// `testWebhook.js` (a capital after `test`: `testimonials.js` is no test).
// A script module may say so in its name (`smoke-test.script.ts`: production papra's smoke test, session 45).
const CHECK_SCRIPT_RE = /(?:^|[\\/])tests?[-_][^\\/]*$|[-_]tests?(?:\.script)?\.[cm]?[jt]sx?$/i;
const CAMEL_CHECK_SCRIPT_RE = /(?:^|[\\/])test[A-Z][^\\/]*$/;
// A request handler the module exports: a deployed function, whatever its name (Vercel's `api/test-whatsapp.js`
// answers `/api/test-whatsapp`; held round 32): `module.exports = async (req, res) =>`, `export default function
// handler(req, res)`, `exports.handler =`, `export async function POST(`, a Worker's `export default { async fetch(`.
const HANDLER_EXPORT_RE = /\b(?:module\.exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b[^(]*)?\(\s*(?:req|request)\b|\b(?:module\.)?exports\.handler\s*=|\bexport\s+(?:const|let|(?:async\s+)?function)\s+(?:handler|GET|POST|PUT|PATCH|DELETE)\b|\bexport\s+default\s*\{\s*(?:async\s+)?fetch\s*\(/;

/**
 * Test code: tests, test-support modules (`tests.ts`, `test-utils.ts`), and a test-support package or
 * folder (`libs/testing/`, `packages/test-utils/`, `e2e/`, `playwright/`): it drives the app under test.
 */
export function isTestCode(ctx: RuleContext<unknown>): boolean {
  if (ctx.isTestFile || isTestSupportFile(ctx.path)) return true;
  return TEST_SUPPORT_DIR_RE.test(projectPath(ctx)) || inTestSuiteFolder(ctx.path) || (ctx.profile.hasManifest && TEST_SUPPORT_PACKAGE_RE.test(ctx.profile.root.replace(/\\/g, "/"))) || testPackageOfProject(ctx);
}

/** True when the file's code runs on a server, a worker, a function or a script. */
export function isServerFile(ctx: RuleContext<unknown>): boolean {
  // Tests and test support, and manual check scripts named like them (`test-auth.js`, `db-test.js`, `war-tests.js`, `testWebhook.js`),
  // unless the script exports a request handler (a deployed function named so).
  if (isTestCode(ctx)) return false;
  if ((CHECK_SCRIPT_RE.test(ctx.path) || CAMEL_CHECK_SCRIPT_RE.test(ctx.path)) && !HANDLER_EXPORT_RE.test(ctx.text)) return false;
  const { profile } = ctx;
  const runtime = profile.runtimeOf(ctx.path, ctx.text);
  // A "use client" file is in the browser bundle even where the project's root says Deno (a Next.js
  // app with a deno.jsonc for its import aliases).
  if (runtime === "browser" || isUseClient(ctx.text)) return false;
  if (hasServerTwin(ctx) && !SERVER_TEXT_RE.test(ctx.text) && !SERVER_ENV_RE.test(ctx.text)) return false;
  if (loadedByPage(ctx) && !SERVER_TEXT_RE.test(ctx.text)) return false;
  // A Vite front end beside Deno code (a root `deno.json` for its scripts) or a Wrangler configuration that runs only a
  // package's worker (SvelteKit's Cloudflare adapter with wrangler-proxy): `import.meta.env.VITE_…` exists only in what
  // Vite bundles, so a module reading it outside the server's folders, with no server sign, is the page's (tune opusXX
  // `src/lib/supabase.ts`, LCL-Local's `src/integrations/supabase/client.ts`). A Worker script of the project's own may
  // import such a module (held round 28): still reported there.
  if ((runtime === "deno" || (runtime === "workers" && packageWorkerOnly(ctx))) && viteBrowserModule(ctx)) return false;
  if (runtime === "deno" || (runtime === "workers" && !assetsOnlyWorker(ctx))) return true;
  // A bun lockfile says how dependencies are installed, not where the code runs: Lovable's Vite apps
  // keep one. Bun is the server's runtime unless a browser bundler or a native shell is in the deps.
  if (runtime === "bun" && !BUNDLER_DEPS.some((d) => profile.dependencies.has(d)) && !NATIVE_DEPS.some((d) => profile.dependencies.has(d))) return true;
  const rel = projectPath(ctx);
  const deps = profile.dependencies;
  // A CommonJS script at the project's root (`node check-users.js`) runs in Node even in an app project;
  // so does an Electron app's main process (its `electron/` folder, or a module that builds windows
  // or answers IPC), unlike its renderer and its preload script.
  const electronMain = deps.has("electron") && !/preload\.[cm]?[jt]s$/i.test(rel) && (ELECTRON_MAIN_PATH_RE.test(rel) || ELECTRON_MAIN_TEXT_RE.test(ctx.text));
  const serverPath = SERVER_PATH_RE.test(rel) || (/^\/?[^/]+\.[cm]?js$/.test(rel) && /\brequire\(/.test(ctx.text)) || electronMain || (deps.has("convex") && CONVEX_PATH_RE.test(rel));
  // A server framework only in a bundled front end's devDependencies runs a dev proxy or a mock
  // API (a Vite dashboard's `proxy-server.js`), not the product: that server's files are told by path or text.
  const bundled = BUNDLER_DEPS.some((d) => deps.has(d));
  const serverDeps = SERVER_DEPS.some((d) => deps.has(d) && !(bundled && profile.devOnly?.has(d)));
  const frontEnd = FRONTEND_DEPS.some((d) => deps.has(d));
  // A Wasp app (`wasp` among the deps: its SDK) builds an Express server from the project's own `src/` beside the React
  // client, so an AI SDK provider's module is the server's as in any project with a server (retired held round 45,
  // brainlens's `api/generateSubtopics.ts`); other modules need a server sign, the client's share the folders.
  const serverText = SERVER_TEXT_RE.test(ctx.text) || (SERVER_ENV_RE.test(ctx.text) && !(frontEnd && !serverDeps && ENV_INLINING_DEPS.some((d) => deps.has(d)))) || ((serverDeps || deps.has("wasp")) && AI_PROVIDER_RE.test(ctx.text));
  if (NATIVE_DEPS.some((d) => deps.has(d)) && !serverPath && !serverText) return false;
  if (frontEnd && !serverDeps && !serverPath && !serverText) return false;
  // `import.meta.env.VITE_…` exists only in what Vite bundles: with no server framework in the
  // deps that is the browser, whatever the folder is called (hoppscotch's `helpers/backend/` is
  // the web app's client for its backend).
  if (BUNDLER_DEPS.some((d) => deps.has(d)) && !serverDeps && VITE_ENV_RE.test(ctx.text) && !serverText) return false;
  // DOM-looking text means the browser only in a project with a UI (elsewhere it is jsdom or cheerio).
  const uiProject = frontEnd || ["next", "nuxt", "@remix-run/react", "astro", "@sveltejs/kit"].some((d) => deps.has(d));
  const browserText = BROWSER_TEXT_RE.test(ctx.text) || (uiProject && (DOM_TEXT_RE.test(ctx.text) || UI_PATH_RE.test(rel) || BROWSER_IMPORT_RE.test(ctx.text)));
  if (browserText && !serverPath && !serverText) return false;
  // A Next.js module that only client components import (`lib/loom-browser-download.ts` under a `"use client"`
  // downloader: production Cap) is in the browser bundle only; so is one of a bundled front end beside a server of
  // its own that only its React components import (Vite and Express: tune courriersystem's `src/lib/whatsappSupabase.ts`,
  // read only by `src/components/…` that call `useState`).
  if ((deps.has("next") || bundled) && !serverPath && !serverText && importedOnlyByClient(ctx)) return false;
  return true;
}

// A module that calls React's state or effect hooks renders only as a client component (a server component may not call
// them): a pages-router component (`components/importing/ImportFromStatsig.tsx`) or a hook (`components/hooks/useApi.ts`)
// is the browser's like a `"use client"` one. So is one that calls React's `useContext`, which React's server build does
// not export, Next.js's navigation hooks (`usePathname`, `useSearchParams`, `useRouter`, `useParams`: "Client Component
// hooks" in Next's docs) or TanStack Query's hooks (`useQuery`, `useMutation`…, which read the `QueryClientProvider`'s
// context): session 44, production umami's `src/components/hooks/useApi.ts` (`usePathname`, `useQuery`). Not
// `useCallback`/`useMemo`, which a server component may call. Single words: linear.
const CLIENT_HOOK_RE = /\buse(?:State|Effect|LayoutEffect|Reducer|Ref|Context|Pathname|SearchParams|Router|Params|Query|Mutation|InfiniteQuery|SuspenseQuery|QueryClient)\s*[<(]/;

/** Importers followed at most when asking whether only client components import a module, and how far up. */
const MAX_CLIENT_IMPORTERS = 24;
const MAX_CLIENT_DEPTH = 3;

/**
 * Every module that imports this one, through the project's importers index, is a `"use client"`
 * component, or a module of the same kind (a barrel or a hook between them, three levels at most):
 * the code runs in the browser. A module nobody imports (a route, a page, a script), an importer
 * with a server sign, and an index past its file cap leave the verdict as it is. Read through the
 * project host; at most {@link MAX_CLIENT_IMPORTERS} importers, and each module's answer is kept
 * for the analysis.
 */
function importedOnlyByClient(ctx: RuleContext<unknown>): boolean {
  const files = projectFilesOf(ctx as RuleContext);
  const index = files.importers();
  if (!index || index.truncated) return false;
  let budget = MAX_CLIENT_IMPORTERS;
  const clientOnly = (file: string, depth: number, seen: Set<string>): boolean => {
    const key = `clientOnly\0${file}`;
    const known = files.memo.get(key) as boolean | undefined;
    if (known !== undefined) return known;
    const importers = index.importersOf(file);
    let answer = true;
    let product = 0;
    for (const imp of importers) {
      if (!answer) break;
      if (seen.has(imp)) {
        product++;
        continue;
      }
      if (--budget < 0) return false;
      // A test that imports the module runs it in the suite, not in the product.
      if (isTestFile(imp, ctx.profile.root, ctx.profile.dependencies)) continue;
      product++;
      const text = ctx.project.readFile(imp);
      if (text === undefined || SERVER_TEXT_RE.test(text)) answer = false;
      else if (!isUseClient(text) && !CLIENT_HOOK_RE.test(text)) answer = depth < MAX_CLIENT_DEPTH && !SERVER_PATH_RE.test(imp) && clientOnly(imp, depth + 1, new Set([...seen, imp]));
    }
    // Imported by nothing but tests (or nothing at all): a route, a page or a script, as before.
    if (product === 0) answer = false;
    files.memo.set(key, answer);
    return answer;
  };
  const own = ctx.path.replace(/\\/g, "/");
  return clientOnly(own, 0, new Set([own]));
}

/** A module of a Vite-bundled project that reads `import.meta.env.VITE_…`, outside the server's folders and with no server sign. */
function viteBrowserModule(ctx: RuleContext<unknown>): boolean {
  if (!BUNDLER_DEPS.some((d) => ctx.profile.dependencies.has(d)) || !VITE_ENV_RE.test(ctx.text)) return false;
  return !SERVER_PATH_RE.test(projectPath(ctx)) && !SERVER_TEXT_RE.test(ctx.text) && !SERVER_ENV_RE.test(ctx.text) && !AI_PROVIDER_RE.test(ctx.text);
}

/**
 * `get-file.ts` next to `get-file.server.ts`: the `.server` module is the server's version (React
 * Router, Remix and Next.js keep such modules out of the browser bundle), so this one is the
 * browser's (documenso's `universal/upload/get-file.ts` asks the app's own API for what its twin
 * does directly). One lookup through the project host, only for a file with an outbound call.
 */
function hasServerTwin(ctx: RuleContext<unknown>): boolean {
  const m = /^(.*)\.([cm]?[jt]sx?)$/i.exec(ctx.path);
  if (!m || /\.server$/i.test(m[1]!)) return false;
  return ctx.project.fileExists(`${m[1]}.server.${m[2]}`);
}

// The largest HTML page read for its script tags.
const MAX_PAGE_CHARS = 512 * 1024;

/**
 * `script.js` that an HTML page of the project loads (`<script src="script.js">` in `index.html`
 * beside it, or `<script src="js/app.js">` in the folder above): the page's own script, run by the
 * browser, even where the project also has a server (a Koa app serving its static folder). Only a
 * `.js` file; the pages are listed and read through the project host, once per file with an
 * outbound call.
 */
function loadedByPage(ctx: RuleContext<unknown>): boolean {
  const path = ctx.path.replace(/\\/g, "/");
  if (!/\.m?js$/i.test(path) || !ctx.project.listDir) return false;
  const slash = path.lastIndexOf("/");
  const dir = path.slice(0, slash);
  const up = dir.lastIndexOf("/");
  // The folder above only inside the project (a script at the root has none).
  const root = ctx.profile.hasManifest ? ctx.profile.root.replace(/\\/g, "/").replace(/\/$/, "") : dir;
  const above = up > 0 && dir.slice(0, up).length >= root.length ? [{ dir: dir.slice(0, up), rel: path.slice(up + 1) }] : [];
  const folders = [{ dir, rel: path.slice(slash + 1) }, ...above];
  for (const f of folders) {
    for (const name of ctx.project.listDir(f.dir) ?? []) {
      if (!/\.html?$/i.test(name)) continue;
      const html = ctx.project.readFile(`${f.dir}/${name}`);
      if (html === undefined || html.length > MAX_PAGE_CHARS) continue;
      // Each tag is read once, up to its `>` (a page without one ends the search).
      const lower = html.toLowerCase();
      for (let at = lower.indexOf("<script"); at !== -1; at = lower.indexOf("<script", at)) {
        const end = lower.indexOf(">", at);
        if (end === -1) break;
        const src = /\ssrc\s*=\s*["']([^"'?#]+)/.exec(html.slice(at + 7, end));
        if (src && src[1]!.replace(/^\.?\//, "") === f.rel) return true;
        at = end;
      }
    }
  }
  return false;
}

// Next.js pages router: a page's component runs in the browser; only its data functions run on the server.
const PAGES_RE = /(?:^|\/)pages\/(?!api\/)/;
const PAGE_DATA_FUNCTIONS = new Set(["getServerSideProps", "getStaticProps", "getStaticPaths", "getInitialProps"]);

/** True for a call in a pages-router page file outside its data functions. */
export function inPageComponent(node: ts.Node, rel: string): boolean {
  if (!PAGES_RE.test(rel)) return false;
  for (let p = node.parent; p; p = p.parent) {
    if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name && ts.isIdentifier(p.name) && PAGE_DATA_FUNCTIONS.has(p.name.text)) return false;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && PAGE_DATA_FUNCTIONS.has(p.name.text)) return false;
    if (ts.isPropertyAccessExpression(p) && PAGE_DATA_FUNCTIONS.has(p.name.text)) return false;
  }
  return true;
}

/** The file's path inside its project, with forward slashes. */
export function projectPath(ctx: RuleContext<unknown>): string {
  const { profile } = ctx;
  return (profile.hasManifest && ctx.path.startsWith(profile.root) ? ctx.path.slice(profile.root.length) : ctx.path).replace(/\\/g, "/");
}

// Calls whose callbacks run in the browser even in a server-rendered component file.
const BROWSER_CALLBACKS = new Set(["useEffect", "useLayoutEffect", "useCallback", "useMemo", "useQuery", "useMutation", "useInfiniteQuery", "useSWR", "useSWRMutation", "addEventListener", "onMounted", "createEffect", "$effect"]);

/** True when `node` sits in a callback that only the browser runs (a React effect, a DOM listener, a JSX `onClick`). */
export function inBrowserCallback(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const name = calleeName(p);
      if (name && BROWSER_CALLBACKS.has(name)) return true;
    } else if (ts.isJsxAttribute(p)) return true;
  }
  return false;
}

/**
 * `fetch("replies", …)`, `fetch("/api/items")`, `` fetch(`api/items?q=${q}`) ``: a URL with no scheme and no host is resolved against
 * the page; Node's fetch rejects it, so the call runs only in a browser (a console snippet, a
 * userscript), wherever the file sits.
 */
export function asksRelativeUrl(call: ts.CallExpression | ts.NewExpression): boolean {
  const callee = call.expression;
  const isFetch = ts.isIdentifier(callee) ? callee.text === "fetch" : ts.isPropertyAccessExpression(callee) && callee.name.text === "fetch" && /^(?:window|self|globalThis)$/.test(callee.expression.getText());
  const url = call.arguments?.[0];
  if (!ts.isCallExpression(call) || !isFetch || url === undefined) return false;
  if (ts.isStringLiteralLike(url) && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.text)) return true;
  // `` fetch(`api/base/composers?name=${name}`) ``: a path the code writes out first, built on with values.
  if (ts.isTemplateExpression(url) && url.head.text !== "" && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.head.text)) return true;
  return namesNoNetwork(url, call);
}

/**
 * A URL that names no network: a `data:` or `blob:` URL, written out or made by `URL.createObjectURL(…)`
 * from bytes in memory (`fetch(URL.createObjectURL(new Blob([buffer])))` to read a buffer back as a Blob;
 * held round 31: telegram-zendesk-bot). Also through a `const` of a block around the call.
 */
function namesNoNetwork(arg: ts.Expression, at: ts.Node): boolean {
  const e = unwrap(arg);
  if (ts.isStringLiteralLike(e)) return /^(?:data|blob):/i.test(e.text);
  if (ts.isTemplateExpression(e)) return /^(?:data|blob):/i.test(e.head.text);
  if (ts.isCallExpression(e)) return /^URL\.createObjectURL$/.test(e.expression.getText());
  if (!ts.isIdentifier(e)) return false;
  for (let p: ts.Node | undefined = at.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === e.text) return d.initializer !== undefined && !ts.isIdentifier(unwrap(d.initializer)) && namesNoNetwork(d.initializer, d);
      }
    }
  }
  return false;
}

// Nitro's server folder, below the project (Nuxt's `server/api/…`, `server/utils/…`; a standalone Nitro app's `server/`).
const NITRO_SERVER_PATH_RE = /^\/?(?:[^/]+\/){0,2}server\//;
/** Importers read at most when asking whether only Nitro's server code imports a module. */
const MAX_NITRO_IMPORTERS = 24;

/**
 * Where Nitro's global `$fetch` (ofetch) runs on the server: a project that depends on Nuxt or Nitro, and a module in its
 * `server/` folder, or one that only modules there import (Nuxt's `services/fasttrakRequest.ts` under the `server/api/`
 * routes, through the project's importers index: one level, at most {@link MAX_NITRO_IMPORTERS} importers, tests not
 * counted). Elsewhere in a Nuxt app (`composables/`, `stores/`) `$fetch` runs in the page too, and is not judged.
 */
export function isNitroServerFile(ctx: RuleContext<unknown>): boolean {
  const deps = ctx.profile.dependencies;
  if (!deps.has("nuxt") && !deps.has("nitropack") && !deps.has("nitro")) return false;
  if (NITRO_SERVER_PATH_RE.test(projectPath(ctx))) return true;
  const index = projectFilesOf(ctx as RuleContext).importers();
  if (!index || index.truncated) return false;
  const root = ctx.profile.hasManifest ? ctx.profile.root.replace(/\\/g, "/").replace(/\/?$/, "/") : "";
  let product = 0;
  for (const imp of index.importersOf(ctx.path.replace(/\\/g, "/"))) {
    if (isTestFile(imp, ctx.profile.root, ctx.profile.dependencies)) continue;
    if (++product > MAX_NITRO_IMPORTERS) return false;
    const rel = root !== "" && imp.startsWith(root) ? imp.slice(root.length) : imp;
    if (!NITRO_SERVER_PATH_RE.test(rel)) return false;
  }
  return product > 0;
}
