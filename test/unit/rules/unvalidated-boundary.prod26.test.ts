import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production classes (session 24, produb26), hand-written rows from the vendure and typebot records:
// - a `message` listener declared under a name and registered by it (`const listener = (event) => …;
//   worker.addEventListener("message", listener)`, so that it can be removed again) hears what the
//   receiver hears, like one written inline: the app's own dedicated worker is no outside input,
//   a window still is;
// - Web Storage the module writes itself as JSON text under the same key (`localStorage.setItem(KEY,
//   JSON.stringify(settings))` beside `JSON.parse(localStorage.getItem(KEY))`) is its own state, like
//   a file it writes itself; a key it only reads, or writes as plain text, stays input;
// - a manifest read through a variable or parameter named for its path (`tsConfigPath`,
//   `packageJsonPath`: a tsconfig found by a search or an `extends` chain) is the project's own
//   manifest, like one named by a literal.

// The app's own worker, answered through a listener registered by name and removed once it has the reply.
const OWN_WORKER_NAMED = dedent`
  const worker = new Worker(new URL("./runner.js", import.meta.url));
  let nextId = 0;
  export function run(code: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const listener = (event: MessageEvent) => {
        const msg = event.data;
        if (!msg || msg.id !== id) return;
        worker.removeEventListener("message", listener);
        if (msg.ok) resolve(msg.result);
        else reject(new Error(msg.error));
      };
      worker.addEventListener("message", listener);
      worker.postMessage({ id, code });
    });
  }
`;

// The same listener shape on the window: any page can post to it.
const WINDOW_NAMED = dedent`
  export function listen() {
    function onMessage(event) {
      document.title = event.data.title;
    }
    window.addEventListener("message", onMessage);
  }
`;

// Settings the module saves as JSON under the key it loads them from.
const OWN_LOCAL_STORAGE = dedent`
  const LS_KEY_USER_SETTINGS = "app.userSettings";
  const defaults = { theme: "light", pageSize: 20 };
  export function loadSettings() {
    const stored = localStorage.getItem(LS_KEY_USER_SETTINGS);
    if (stored) return { ...defaults, ...JSON.parse(stored) };
    return { ...defaults };
  }
  export function saveSettings(settings: typeof defaults) {
    localStorage.setItem(LS_KEY_USER_SETTINGS, JSON.stringify(settings));
  }
`;

// Polling state kept per queue under a key built by the same helper on both sides.
const OWN_SESSION_STORAGE_HELPER = dedent`
  const storageKey = (queue: string) => \`polling:\${queue}\`;
  export const getStoredState = (queue: string) => {
    const stored = sessionStorage.getItem(storageKey(queue));
    return stored ? JSON.parse(stored) : null;
  };
  export const setStoredState = (queue: string, state: { since: number }) =>
    sessionStorage.setItem(storageKey(queue), JSON.stringify(state));
  export function pollSince(queue: string) {
    return getStoredState(queue)?.since ?? Date.now();
  }
`;

// Another module writes these settings: the parse is the first place they are checked.
const OTHER_MODULE_STORAGE = dedent`
  export function channelToken() {
    const raw = localStorage.getItem("app.userSettings");
    const settings = JSON.parse(raw ?? "{}");
    return fetch(\`/api?token=\${settings.activeChannelToken}\`);
  }
`;

// Written under the key, but as plain text, not as the JSON the read parses.
const STORAGE_PLAIN_WRITE = dedent`
  const KEY = "draft";
  export function saveDraft(text: string) {
    localStorage.setItem(KEY, text);
  }
  export function loadDraft() {
    const draft = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return draft.blocks.map((b: { text: string }) => b.text);
  }
`;

// A tsconfig followed through its `extends` chain: each file found by a path named for the manifest.
const TSCONFIG_BY_PATH_NAME = dedent`
  import { readFileSync } from "node:fs";
  import * as path from "node:path";
  export function resolveTsConfig(tsConfigPath: string): { compilerOptions?: object } {
    const tsConfig = JSON.parse(readFileSync(tsConfigPath, "utf-8"));
    if (tsConfig.extends) {
      const base = resolveTsConfig(path.resolve(path.dirname(tsConfigPath), tsConfig.extends));
      return { ...base, ...tsConfig, compilerOptions: { ...base.compilerOptions, ...tsConfig.compilerOptions } };
    }
    return tsConfig;
  }
`;

// Any configuration file a user names: input.
const CONFIG_BY_PATH = dedent`
  import { readFileSync } from "node:fs";
  export function loadConfig(configPath: string) {
    const config = JSON.parse(readFileSync(configPath, "utf-8"));
    return config.plugins.map((p: string) => require(p));
  }
`;

const valid: ValidCase[] = [
  { name: "worker: a listener registered by name on the app's own dedicated worker", code: OWN_WORKER_NAMED, filename: "src/script-runner.ts" },
  { name: "storage: localStorage JSON the module writes under the same const key", code: OWN_LOCAL_STORAGE, filename: "src/user-settings.ts" },
  { name: "storage: sessionStorage JSON under a key built by the same helper on both sides", code: OWN_SESSION_STORAGE_HELPER, filename: "src/polling.ts" },
  { name: "manifest: a tsconfig read through a parameter named for its path", code: TSCONFIG_BY_PATH_NAME, filename: "src/tsconfig.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "window: a listener registered by name on the window",
    code: WINDOW_NAMED,
    filename: "src/listen.ts",
    findings: [
      {
        case: "postMessageData",
        line: 3,
        column: 22,
        endColumn: 32,
        suggestions: [
          {
            title: "Validate event.data with Zod (adds the zod dependency)",
            output: dedent`
              import { z } from "zod";

              const OnMessage = z.object({ title: z.string() });

              export function listen() {
                function onMessage(event) {
                  document.title = OnMessage.parse(event.data).title;
                }
                window.addEventListener("message", onMessage);
              }
            `,
          },
          mark(WINDOW_NAMED, "postMessageData", 3),
        ],
      },
    ],
    output: null,
  },
  {
    name: "storage: a key another module writes",
    code: OTHER_MODULE_STORAGE,
    filename: "src/api.ts",
    findings: [{ case: "jsonParseExternal", line: 3, column: 20, endColumn: 43, suggestions: [mark(OTHER_MODULE_STORAGE, "jsonParseExternal", 3)] }],
    output: null,
  },
  {
    name: "storage: the key written as plain text, parsed as JSON",
    code: STORAGE_PLAIN_WRITE,
    filename: "src/draft.ts",
    findings: [{ case: "jsonParseExternal", line: 6, column: 17, endColumn: 62, suggestions: [mark(STORAGE_PLAIN_WRITE, "jsonParseExternal", 6)] }],
    output: null,
  },
  {
    name: "config: a file a user names by any path is input",
    code: CONFIG_BY_PATH,
    filename: "src/config.ts",
    findings: [{ case: "jsonParseExternal", line: 3, column: 18, endColumn: 63, suggestions: [mark(CONFIG_BY_PATH, "jsonParseExternal", 3)] }],
    output: null,
  },
];

describe("unvalidated-boundary: production classes of session 24 (produb26)", () => {
  runWithNamedCases(valid, invalid);
});
