import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production capgo (unseen, triaged blind at a1b1794), session 29, developer produb29. Hand-written rows.

const CLI = "cli/src/utils.ts";
// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"joi\": \"^17.0.0\" } }\n" };

// The CLI reading the user's project manifest and the manifests npm installed under node_modules
// (capgo cli/src/utils.ts, judged false): named through the module's own constant, a module
// resolution, a fallback to the manifest, or held under the manifest's name.
const MANIFESTS = (read: string) => dedent`
  import { readFileSync } from "node:fs";
  import { createRequire } from "node:module";
  import { join } from "node:path";
  export const PACKNAME = "package.json";
  const CONFIG = "capacitor.config.json";
  export function version(root: string, name: string, file?: string) {
    ${read}
    return pkg.version;
  }
`;
const BY_CONST = MANIFESTS("const pkg = JSON.parse(readFileSync(join(root, PACKNAME), \"utf-8\"));");
const INSTALLED = MANIFESTS("const nodeModulesPath = join(root, \"node_modules\", name, PACKNAME);\n  const pkg = JSON.parse(readFileSync(nodeModulesPath, \"utf-8\"));");
const RESOLVED = MANIFEST_RESOLVED();
const FALLBACK = MANIFESTS("const pkg = JSON.parse(readFileSync(file ?? join(root, PACKNAME), \"utf-8\"));");
const HELD = MANIFESTS("const packageJson = readFileSync(file ?? \"\");\n  const pkg = JSON.parse(packageJson as any);");
// Another file of the project named the same ways stays input.
const OTHER_CONST = MANIFESTS("const pkg = JSON.parse(readFileSync(join(root, CONFIG), \"utf-8\"));");
const OTHER_FALLBACK = MANIFESTS("const pkg = JSON.parse(readFileSync(file ?? join(root, CONFIG), \"utf-8\"));");
const OTHER_HELD = MANIFESTS("const configText = readFileSync(file ?? \"\");\n  const pkg = JSON.parse(configText as any);");

function MANIFEST_RESOLVED(): string {
  return MANIFESTS("const packageJsonFile = `${name}/package.json`;\n  const resolvedPath = createRequire(join(root, PACKNAME)).resolve(packageJsonFile);\n  const pkg = JSON.parse(readFileSync(resolvedPath, \"utf-8\"));");
}

// A Cloudflare Queues consumer whose Worker sends the messages it consumes (capgo
// cloudflare_workers/translation/index.ts, judged false; held round 25's lead decision, clean
// debatable): a producer binding of the same message type and a send in the module. Without the
// send, or with a binding of another type, the message stays input.
const WORKER = (binding: string, send: string) => dedent`
  interface Job { userId: string }
  interface Env { DB: D1Database; ${binding} }
  export default {
    async fetch(request: Request, env: Env): Promise<Response> {
      ${send}
      return new Response("queued");
    },
    async queue(batch: MessageBatch<Job>, env: Env): Promise<void> {
      for (const message of batch.messages) {
        await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(message.body.userId).run();
        message.ack();
      }
    },
  };
`;
const SELF_QUEUED = WORKER("JOBS: Queue<Required<Job>>", "await env.JOBS.send({ userId: \"u1\" });");
const NOT_SENT = WORKER("JOBS: Queue<Required<Job>>", "console.log(\"no send\");");
const OTHER_TYPE = WORKER("JOBS: Queue<{ userId: string }>", "await env.JOBS.send({ userId: \"u1\" });");

// A browser composable putting the app's own API reply into a Vue ref (capgo
// src/composables/useUpdateDeliveryStats.ts and useNativeObserveStats.ts, judged false): the state a
// component renders, like a React state setter's. Kept in a plain object, or without the vue import,
// the reply stays a use.
const STATS = (head: string, holder: string) => dedent`
  ${head}
  const API = import.meta.env.VITE_API_HOST as string;
  export function useStats() {
    const stats = ${holder};
    async function load() {
      const response = await fetch(\`\${API}/private/stats\`, { method: "POST" });
      if (!response.ok) return;
      stats.value = await response.json();
    }
    return { stats, load };
  }
`;
const VUE_REF = STATS("import { ref } from \"vue\";", "ref<unknown>(null)");
const VUE_SHALLOW = STATS("import { shallowRef } from \"vue\";", "shallowRef<unknown>(null)");
const PLAIN_HOLDER = STATS("import { ref } from \"vue\";", "{ value: null as unknown }");
const NO_VUE = STATS("import { ref } from \"./state\";", "ref<unknown>(null)");

// A bench script reading the metafile a command it runs writes where it was told (capgo
// scripts/bench_plugin_worker_runtime.ts:192, judged false): the module's own tool's output. A path
// the command is not given stays input.
const BENCH = (args: string) => dedent`
  import { readFileSync } from "node:fs";
  import { spawnSync } from "node:child_process";
  import { join } from "node:path";
  function run(cmd: string[]) {
    return spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8" }).stdout;
  }
  export function bundleSize(outDir: string) {
    const metaPath = join(outDir, "metafile.json");
    run([${args}]);
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    return meta.outputs.length;
  }
`;
const METAFILE = BENCH("\"wrangler\", \"deploy\", \`--metafile=\${metaPath}\`");
const NOT_GIVEN = BENCH("\"wrangler\", \"deploy\", \"--dry-run\"");

// A preferences file read through a project helper that hands back a file read of its parameter,
// at a path the module writes with JSON.stringify (capgo cli/src/promptPreferences.ts:23, judged
// false): the module's own data, as read directly. Written at another path, it stays input.
const SAFE_WRITES = {
  "src/safeWrites.ts": "import { readFile, writeFile } from \"node:fs/promises\";\nexport async function readSafeFile(filePath: string): Promise<string> {\n  return await readFile(filePath, \"utf-8\");\n}\nexport async function writeFileAtomic(filePath: string, text: string): Promise<void> {\n  await writeFile(filePath, text);\n}\n",
};
const PREFS = (written: string) => dedent`
  import { readSafeFile, writeFileAtomic } from "./safeWrites";
  export async function readPrefs(filePath: string) {
    const content = await readSafeFile(filePath);
    const parsed = JSON.parse(content);
    return { beta: parsed.beta };
  }
  export async function savePrefs(prefs: Record<string, boolean>, filePath: string, otherPath: string) {
    await writeFileAtomic(${written}, \`\${JSON.stringify(prefs, null, 2)}\\n\`);
  }
`;
const PREFS_OWN = PREFS("filePath");
const PREFS_OTHER = PREFS("otherPath");

// A script reading a data file beside it, spelled as a template (capgo scripts/translate.ts:37): a
// file named by literals in the module's own folder, like join(__dirname, "translate-data.json").
// One folder up, or a hidden file, stays input.
const BESIDE = (path: string) => dedent`
  import fs from "node:fs";
  export function keys() {
    const text = JSON.parse(fs.readFileSync(\`\${__dirname}${path}\`, "utf8"));
    return Object.keys(text.messages);
  }
`;
const BESIDE_OWN = BESIDE("/data/translate-data.json");
const BESIDE_UP = BESIDE("/../translate-data.json");
const BESIDE_HIDDEN = BESIDE("/.translate-cache.json");

const valid: ValidCase[] = [
  { name: "jsonParseExternal: the manifest named through the module's constant", code: BY_CONST, filename: CLI, files: JOI },
  { name: "jsonParseExternal: an installed package's manifest under node_modules", code: INSTALLED, filename: CLI, files: JOI },
  { name: "jsonParseExternal: a manifest found by a module resolution", code: RESOLVED, filename: CLI, files: JOI },
  { name: "jsonParseExternal: the user's path with a fallback to the manifest", code: FALLBACK, filename: CLI, files: JOI },
  { name: "jsonParseExternal: text held under the manifest's name", code: HELD, filename: CLI, files: JOI },
  { name: "messagePayload: a queue message the same Worker sends", code: SELF_QUEUED, filename: "src/index.ts", files: JOI },
  { name: "jsonParseExternal: a metafile a command the module runs writes at its path", code: METAFILE, filename: "scripts/bench.ts", files: JOI },
  { name: "jsonParseExternal: a file the module writes, read through a project helper", code: PREFS_OWN, filename: "src/prefs.ts", files: { ...JOI, ...SAFE_WRITES } },
  { name: "jsonParseExternal: a file in the module's own folder named by a template", code: BESIDE_OWN, filename: "scripts/translate.ts", files: JOI },
  { name: "fetchJson: a reply put into a Vue ref", code: VUE_REF, filename: "src/composables/useStats.ts", files: JOI },
  { name: "fetchJson: a reply put into a Vue shallowRef", code: VUE_SHALLOW, filename: "src/composables/useStats.ts", files: JOI },
];

const invalid: InvalidCase[] = [
  {
    name: "jsonParseExternal: another file named through a constant",
    code: OTHER_CONST,
    filename: CLI,
    findings: [{ case: "jsonParseExternal", line: 7, column: 15, endColumn: 68, suggestions: [mark(OTHER_CONST, "jsonParseExternal", 7)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a fallback to another file",
    code: OTHER_FALLBACK,
    filename: CLI,
    findings: [{ case: "jsonParseExternal", line: 7, column: 15, endColumn: 76, suggestions: [mark(OTHER_FALLBACK, "jsonParseExternal", 7)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: text held under another name",
    code: OTHER_HELD,
    filename: CLI,
    findings: [{ case: "jsonParseExternal", line: 8, column: 13, endColumn: 42, suggestions: [mark(OTHER_HELD, "jsonParseExternal", 8)] }],
    files: JOI,
    output: null,
  },
  {
    name: "messagePayload: a producer binding of the message type but no send",
    code: NOT_SENT,
    filename: "src/index.ts",
    findings: [{ case: "messagePayload", line: 10, column: 75, endColumn: 87, suggestions: [mark(NOT_SENT, "messagePayload", 10)] }],
    files: JOI,
    output: null,
  },
  {
    name: "messagePayload: a send to a binding of another message type",
    code: OTHER_TYPE,
    filename: "src/index.ts",
    findings: [{ case: "messagePayload", line: 10, column: 75, endColumn: 87, suggestions: [mark(OTHER_TYPE, "messagePayload", 10)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: a reply put into a plain object's value",
    code: PLAIN_HOLDER,
    filename: "src/composables/useStats.ts",
    findings: [{ case: "fetchJson", line: 8, column: 25, endColumn: 40, suggestions: [mark(PLAIN_HOLDER, "fetchJson", 8)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: a ref of another module than vue",
    code: NO_VUE,
    filename: "src/composables/useStats.ts",
    findings: [{ case: "fetchJson", line: 8, column: 25, endColumn: 40, suggestions: [mark(NO_VUE, "fetchJson", 8)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a path the command is not given",
    code: NOT_GIVEN,
    filename: "scripts/bench.ts",
    findings: [{ case: "jsonParseExternal", line: 10, column: 16, endColumn: 58, suggestions: [mark(NOT_GIVEN, "jsonParseExternal", 10)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a helper's read of a path the module writes nowhere",
    code: PREFS_OTHER,
    filename: "src/prefs.ts",
    findings: [{ case: "jsonParseExternal", line: 4, column: 18, endColumn: 37, suggestions: [mark(PREFS_OTHER, "jsonParseExternal", 4)] }],
    files: { ...JOI, ...SAFE_WRITES },
    output: null,
  },
  {
    name: "jsonParseExternal: a template naming a file one folder up",
    code: BESIDE_UP,
    filename: "scripts/translate.ts",
    findings: [{ case: "jsonParseExternal", line: 3, column: 16, endColumn: 90, suggestions: [mark(BESIDE_UP, "jsonParseExternal", 3)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a template naming a hidden file",
    code: BESIDE_HIDDEN,
    filename: "scripts/translate.ts",
    findings: [{ case: "jsonParseExternal", line: 3, column: 16, endColumn: 89, suggestions: [mark(BESIDE_HIDDEN, "jsonParseExternal", 3)] }],
    files: JOI,
    output: null,
  },
];

runWithNamedCases(valid, invalid);
