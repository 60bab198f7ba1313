import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 42, developer produb42: production anything-llm and formbricks, triaged blind at 12764c27.
// 1. Validated in the callee (formbricks `modules/ee/role-management/actions.ts:26`, `lib/membership/hooks/actions.ts:8`,
//    `modules/ee/whitelabel/email-customization/actions.ts:17`): the service a server action hands its argument to is
//    exported wrapped in React's `cache` (`reactCache(async (id) => { validateInputs([id, ZId]); … })`); the function the
//    cache wraps is read for its validation. A use found only there is left as the call was judged before (formbricks'
//    `resolveClientApiIds`, a one-row lookup two functions away, the miss answered 404 by the route). Another wrapper is
//    not looked through.
// 2. The repository's own file named from an ES module's folder (formbricks `scripts/check-catalog.mjs:104`):
//    `resolve(dirname(fileURLToPath(import.meta.url)), "..")` and `import.meta.dirname` resolve as `__dirname` does.
// 3. A file the module writes itself through a class getter whose value no instance changes (anything-llm
//    `server/utils/PushNotifications/index.js:91`): `this.storagePath` and `instance.storagePath` name one folder.
// 5. A file a command the module runs writes where the module told it to, named by a path expression (formbricks
//    `docs/api-v3-reference/scripts/bundle.mjs:81`): `redocly([..., "-o", join(tmp, "from-src.json")])` then
//    `canonical(join(tmp, "from-src.json"))`, whose parameter `readFileSync(jsonFile)` reads. A path the command is not given stays input.
// 4. A reply's body spread while still a promise (anything-llm `frontend/src/models/workspace.js:337`,
//    `{ success: true, ...res.json() }`): a promise has no own fields, nothing of the body goes anywhere.

const NEXT = { "package.json": "{ \"name\": \"web\", \"dependencies\": { \"next\": \"15.0.0\", \"react\": \"19.0.0\", \"zod\": \"3.23.0\", \"@prisma/client\": \"5.0.0\" } }\n" };

const VALIDATE = dedent`
  export function validateInputs(...pairs: [unknown, { safeParse(v: unknown): { success: boolean } }][]) {
    for (const [value, schema] of pairs) {
      if (!schema.safeParse(value).success) throw new Error("Validation failed");
    }
  }
`;
const DB = "import { PrismaClient } from \"@prisma/client\";\nexport const prisma = new PrismaClient();\n";

// formbricks' style: `cache as reactCache` from react, an arrow whose first statement validates.
const REACT_CACHE_SERVICE = dedent`
  import { cache as reactCache } from "react";
  import { z } from "zod";
  import { prisma } from "./db";
  import { validateInputs } from "./validate";

  export const getOrganization = reactCache(async (organizationId: string) => {
    validateInputs([organizationId, z.string().cuid2()]);
    return prisma.organization.findUnique({ where: { id: organizationId } });
  });
`;
// Another style: Next.js's unstable_cache with its key parts, a function expression.
const NEXT_CACHE_SERVICE = dedent`
  import { unstable_cache } from "next/cache";
  import { z } from "zod";
  import { prisma } from "./db";
  import { validateInputs } from "./validate";

  export const getOrganization = unstable_cache(async function (organizationId: string) {
    validateInputs([organizationId, z.string().cuid2()]);
    return prisma.organization.findUnique({ where: { id: organizationId } });
  }, ["organization"]);
`;
// The cache around a service that queries with the value as sent.
const UNCHECKED_CACHE_SERVICE = dedent`
  import { cache } from "react";
  import { prisma } from "./db";

  export const getOrganization = cache(async (organizationId: string) => {
    return prisma.organization.findUnique({ where: { id: organizationId } });
  });
`;
// A wrapper that is no cache: not looked through, whatever the function inside does.
const OTHER_WRAPPER_SERVICE = dedent`
  import { z } from "zod";
  import { prisma } from "./db";
  import { validateInputs } from "./validate";
  import { withTracing } from "./tracing";

  export const getOrganization = withTracing(async (organizationId: string) => {
    validateInputs([organizationId, z.string().cuid2()]);
    return prisma.organization.findUnique({ where: { id: organizationId } });
  });
`;
const ACTION = dedent`
  "use server";
  import { getOrganization } from "@/lib/organization/service";

  export const checkRoleManagementPermission = async (organizationId: string) => {
    const organization = await getOrganization(organizationId);
    if (!organization) throw new Error("Organization not found");
    return organization.billing;
  };
`;
// formbricks' resolve-client-id.ts: a cached lookup in a module not named for a service.
const RESOLVER = dedent`
  import { cache as reactCache } from "react";
  import { prisma } from "./db";

  const findWorkspace = async (id: string) => prisma.workspace.findFirst({ where: { OR: [{ id }, { legacyEnvironmentId: id }] } });

  export const resolveClientApiIds = reactCache(async (id: string) => {
    const workspace = await findWorkspace(id);
    return workspace ? { workspaceId: workspace.id } : null;
  });
`;
const RESOLVE_ACTION = dedent`
  "use server";
  import { resolveClientApiIds } from "@/lib/utils/resolve-client-id";

  export const displayAction = async (workspaceId: string) => {
    const resolved = await resolveClientApiIds(workspaceId);
    if (!resolved) throw new Error("Workspace not found");
    return resolved.workspaceId;
  };
`;
const service = (text: string) => ({ ...NEXT, "lib/organization/service.ts": text, "lib/organization/db.ts": DB, "lib/organization/validate.ts": VALIDATE, "lib/organization/tracing.ts": "export const withTracing = <T,>(fn: T) => fn;\n" });

// formbricks' check-catalog.mjs: the repository's own pnpm-workspace.yaml beside its root package.json.
const ROOT_FILES = { "package.json": "{ \"name\": \"repo\", \"private\": true, \"dependencies\": { \"js-yaml\": \"4.1.0\" } }\n", "pnpm-workspace.yaml": "packages:\n  - apps/*\n", "data/intents.json": "{}\n" };
const CATALOG = dedent`
  import yaml from "js-yaml";
  import { readFileSync } from "node:fs";
  import { dirname, join, resolve } from "node:path";
  import { fileURLToPath } from "node:url";

  const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const workspaceFile = yaml.load(readFileSync(join(REPO_ROOT, "pnpm-workspace.yaml"), "utf8"));
  console.log(Object.keys(workspaceFile.catalog ?? {}));
`;
// Another style: Node 20's import.meta.dirname, a JSON file of the repository one folder up.
const META_DIRNAME = dedent`
  import { readFileSync } from "node:fs";
  import { join } from "node:path";

  const intents = JSON.parse(readFileSync(join(import.meta.dirname, "..", "data", "intents.json"), "utf8"));
  console.log(intents.greeting.examples.length);
`;
// The same spelling naming a file the repository does not hold (state a run leaves): input.
const META_MISSING = dedent`
  import { readFileSync, rmSync } from "node:fs";
  import { dirname, join } from "node:path";
  import { fileURLToPath } from "node:url";

  const here = dirname(fileURLToPath(import.meta.url));
  const last = JSON.parse(readFileSync(join(here, "..", "last-run.json"), "utf8"));
  rmSync(last.outputDir, { recursive: true });
`;

// anything-llm's PushNotifications: the getter names the storage folder whichever instance reads it.
const PUSH = dedent`
  const fs = require("fs");
  const path = require("path");

  class PushNotifications {
    static instance = new PushNotifications();

    get storagePath() {
      return path.resolve(process.env.STORAGE_DIR, "push-notifications");
    }

    get existingVapidKeys() {
      const vapidKeysPath = path.resolve(this.storagePath, "vapid-keys.json");
      if (!fs.existsSync(vapidKeysPath)) return { publicKey: null };
      const keys = JSON.parse(fs.readFileSync(vapidKeysPath, "utf8"));
      return { publicKey: keys.publicKey.trim() };
    }

    static setup(vapidKeys) {
      const instance = PushNotifications.instance;
      fs.writeFileSync(path.resolve(instance.storagePath, "vapid-keys.json"), JSON.stringify(vapidKeys, null, 2));
    }
  }

  module.exports = { PushNotifications };
`;
// A getter whose value is the instance's own (another instance, another folder): the two paths are not one file.
const PUSH_PER_INSTANCE = PUSH.replace('return path.resolve(process.env.STORAGE_DIR, "push-notifications");', "return path.resolve(this.root, \"push-notifications\");");

// anything-llm's style: a client model of the app's own API, the body spread unresolved in a then callback.
const SPREAD = dedent`
  const API_BASE = "/api";
  const Workspace = {
    setSuggestedMessages: async function (slug, messages) {
      return fetch(\`\${API_BASE}/workspace/\${slug}/suggested-messages\`, { method: "POST", body: JSON.stringify({ messages }) })
        .then((res) => {
          if (!res.ok) throw new Error(res.statusText || "Error setting suggested messages.");
          return { success: true, ...res.json() };
        })
        .catch((e) => ({ success: false, error: e.message }));
    },
  };
  export default Workspace;
`;
// The same body awaited first: its fields go to the caller.
const SPREAD_AWAITED = SPREAD.replace(".then((res) => {", ".then(async (res) => {").replace("...res.json()", "...(await res.json())");

// formbricks' bundle.mjs: a helper running the CLI, a helper parsing its output, called with the paths the CLI was given.
const BUNDLE = dedent`
  import { execFileSync } from "node:child_process";
  import { mkdtempSync, readFileSync } from "node:fs";
  import { tmpdir } from "node:os";
  import { join } from "node:path";

  const redocly = (args) => execFileSync("npx", ["-y", "@redocly/cli@1.34.17", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const canonical = (jsonFile) => JSON.stringify(JSON.parse(readFileSync(jsonFile, "utf8")).paths);

  const tmp = mkdtempSync(join(tmpdir(), "v3-spec-"));
  redocly(["bundle", "src/openapi.yml", "-o", join(tmp, "from-src.json"), "--ext", "json"]);
  if (canonical(join(tmp, "from-src.json")) !== canonical(join(tmp, "from-src.json"))) process.exit(1);
`;
// Another style: execa with a template flag and the read in the same statement list.
const ESBUILD = dedent`
  import { execa } from "execa";
  import { readFileSync, rmSync } from "node:fs";
  import { join } from "node:path";

  export async function bundleSize(outDir) {
    await execa("esbuild", ["src/index.ts", "--bundle", \`--metafile=\${join(outDir, "meta.json")}\`]);
    const meta = JSON.parse(readFileSync(join(outDir, "meta.json"), "utf8"));
    rmSync(meta.outputs.dir, { recursive: true });
  }
`;
// The command is given another path: the file read is not its output.
const OTHER_PATH = ESBUILD.replace('readFileSync(join(outDir, "meta.json")', 'readFileSync(join(outDir, "stats.json")');

const valid: ValidCase[] = [
  { name: "jsonParseExternal: JSON a command of the module wrote to the path it was handed, read through a helper's parameter (formbricks)", code: BUNDLE, filename: "docs/api/scripts/bundle.mjs", files: ROOT_FILES },
  { name: "jsonParseExternal: another style, execa given a template flag with the path the module then reads", code: ESBUILD, filename: "scripts/size.mjs", files: ROOT_FILES },
  { name: "fetchJson: a reply's body spread while still a promise (anything-llm)", code: SPREAD, filename: "frontend/src/models/workspace.js", files: { "package.json": "{ \"name\": \"frontend\", \"dependencies\": { \"react\": \"18.2.0\" } }\n" } },
  { name: "nextServerAction: the service is wrapped in React's cache (reactCache) and validates its parameter first (formbricks)", code: ACTION, filename: "app/actions.ts", files: service(REACT_CACHE_SERVICE) },
  { name: "nextServerAction: a use found only inside a cached function is left as before (formbricks' resolveClientApiIds)", code: RESOLVE_ACTION, filename: "app/actions.ts", files: { ...NEXT, "lib/utils/resolve-client-id.ts": RESOLVER, "lib/utils/db.ts": DB } },
  { name: "nextServerAction: another style, Next.js's unstable_cache around a function expression", code: ACTION, filename: "app/actions.ts", files: service(NEXT_CACHE_SERVICE) },
  { name: "jsonParseExternal: the repository's pnpm-workspace.yaml named from dirname(fileURLToPath(import.meta.url)) (formbricks)", code: CATALOG, filename: "scripts/check-catalog.mjs", files: ROOT_FILES },
  { name: "jsonParseExternal: another style, import.meta.dirname and a data file of the repository", code: META_DIRNAME, filename: "scripts/intents.mjs", files: ROOT_FILES },
  { name: "jsonParseExternal: a file the class writes through a getter no instance changes, read through this and written through the singleton (anything-llm)", code: PUSH, filename: "server/utils/push.js", files: { "package.json": "{ \"name\": \"server\" }\n" } },
];

// The action's Zod fix: the parameter renamed, parsed at the top.
const ACTION_ZOD = dedent`
  "use server";
  import { getOrganization } from "@/lib/organization/service";
  import { z } from "zod";

  const CheckRoleManagementPermissionInput = z.string();

  export const checkRoleManagementPermission = async (rawOrganizationId: string) => {
    const organizationId = CheckRoleManagementPermissionInput.parse(rawOrganizationId);
    const organization = await getOrganization(organizationId);
    if (!organization) throw new Error("Organization not found");
    return organization.billing;
  };
`;
const actionRow = (name: string, text: string): InvalidCase => ({ name, code: ACTION, filename: "app/actions.ts", files: service(text), output: null, findings: [{ case: "nextServerAction", line: 4, column: 53, endColumn: 67, suggestions: [{ title: "Validate organizationId with Zod", output: ACTION_ZOD }, mark(ACTION, "nextServerAction", 4)] }] });
const PUSH_ZOD = PUSH_PER_INSTANCE
  .replace('const path = require("path");\n', 'const path = require("path");\nconst { z } = require("zod");\n\nconst KeysSchema = z.object({ publicKey: z.string() });\n')
  .replace('const keys = JSON.parse(fs.readFileSync(vapidKeysPath, "utf8"));', 'const keys = KeysSchema.parse(JSON.parse(fs.readFileSync(vapidKeysPath, "utf8")));');

const invalid: InvalidCase[] = [
  actionRow("nextServerAction: React's cache around a service that queries with the value as sent", UNCHECKED_CACHE_SERVICE),
  actionRow("nextServerAction: a wrapper that is no cache is not looked through", OTHER_WRAPPER_SERVICE),
  markedRow("jsonParseExternal: the module's folder spelled for ES modules, a file the repository does not hold", META_MISSING, "scripts/report.mjs", ROOT_FILES, "jsonParseExternal", 6, 14, 81),
  { name: "jsonParseExternal: a getter that reads the instance names each instance's own folder", code: PUSH_PER_INSTANCE, filename: "server/utils/push.js", files: { "package.json": "{ \"name\": \"server\" }\n" }, output: null, findings: [{ case: "jsonParseExternal", line: 14, column: 18, endColumn: 68, suggestions: [
    { title: "Validate JSON.parse(fs.readFileSync(vapidKeysPat… with Zod (adds the zod dependency)", output: PUSH_ZOD },
    mark(PUSH_PER_INSTANCE, "jsonParseExternal", 14),
  ] }] },
  markedRow("fetchJson: the same body awaited before the spread reaches the caller", SPREAD_AWAITED, "frontend/src/models/workspace.js", { "package.json": "{ \"name\": \"frontend\", \"dependencies\": { \"react\": \"18.2.0\" } }\n" }, "fetchJson", 7, 43, 53),
  markedRow("jsonParseExternal: a path the command was not given", OTHER_PATH, "scripts/size.mjs", ROOT_FILES, "jsonParseExternal", 7, 16, 76),
];

describe("unvalidated-boundary: production anything-llm and formbricks classes (session 42)", () => {
  runWithNamedCases(valid, invalid);
});
