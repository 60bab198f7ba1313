/**
 * JSON files the engine reads for secrets only: a project's committed configuration (node-config's
 * and Feathers' `config/default.json`, Sequelize's `config/config.json`, an `appsettings.json`, an
 * agent's `mcp.json`), credential files (a service account's key file) and Cloudflare's Wrangler configuration
 * (`wrangler.json`, `wrangler.jsonc`: JSON with comments and trailing commas, whose `vars` are plain text). No other
 * family reads JSON; rules that do declare `scanJson` (types.ts).
 */

// Manifests, lockfiles and tool settings that hold no project credential, and files that are templates
// by name (`config.example.json`), schemas, or node-config's map of environment variable names.
const EXCLUDED_NAME_RE =
  /^(?:package(?:-lock)?|npm-shrinkwrap|composer|bun|deno|tsconfig(?:\.[\w-]+)?|jsconfig(?:\.[\w-]+)?|\.?eslintrc|\.?prettierrc|\.?babelrc|\.?swcrc|tslint|renovate|biome|turbo|nx|lerna|components|custom-environment-variables)\.json$|[.-](?:schema|example|examples|sample|template|dist|tmpl|defaults?-example)\.json$/i;
// A config folder anywhere (`config/default.json`, `src/config/firebase/…`), or a file named for configuration or credentials.
const CONFIG_DIR_RE = /(?:^|\/)(?:config|configs|conf|\.config)\//i;
// (Anchored, tested on the file's name alone: linear on any name.)
const CONFIG_NAME_RE = /^(?:[\w.-]*[._-])?(?:config|settings|secrets?|credentials?|creds|mcp(?:-servers)?)\.json$|^appsettings(?:\.[\w-]+)?\.json$/i;
// A service account's key file: `firebase-adminsdk` in Firebase's download name, or `service-account`/`serviceAccount`.
const KEY_FILE_RE = /firebase-adminsdk|service-?account/i;
// Folders of tests, fixtures, examples, docs and translations: made-up values and UI text, not a deployment's settings.
const SKIPPED_DIR_RE = /(?:^|\/)(?:node_modules|__tests?__|__mocks__|__fixtures__|tests?|spec|e2e|fixtures?|mocks?|examples?|samples?|demos?|docs?|locales?|i18n|l10n|lang|langs|translations?|messages)\//i;

// Cloudflare's Wrangler configuration, JSON or JSONC (`wrangler.toml` is not read: the engine has no TOML parser).
const WRANGLER_NAME_RE = /^wrangler\.jsonc?$/i;

/** True for a Wrangler configuration file (`wrangler.json`, `wrangler.jsonc`): only its `vars` are read for secrets. */
export function isWranglerConfigPath(path: string): boolean {
  const p = path.replace(/\\/g, "/");
  return WRANGLER_NAME_RE.test(p.slice(p.lastIndexOf("/") + 1));
}

/**
 * True for a `.json` file (or a Wrangler `.jsonc`) whose values the secret rules scan, judged on the path below `root` (the
 * config root or the folder audited: a checkout under `~/docs/` is no docs folder).
 */
export function isScannedJsonPath(path: string, root = ""): boolean {
  const below = root !== "" && path.startsWith(root) ? path.slice(root.length) : path;
  const p = below.replace(/\\/g, "/");
  const name = p.slice(p.lastIndexOf("/") + 1);
  // A Worker's `wrangler.jsonc` anywhere in the project (a monorepo's `apps/api/wrangler.jsonc`), not a template's or a test's.
  if (WRANGLER_NAME_RE.test(name)) return !SKIPPED_DIR_RE.test(p);
  if (!/\.json$/i.test(p)) return false;
  if (EXCLUDED_NAME_RE.test(name) || SKIPPED_DIR_RE.test(p)) return false;
  return CONFIG_DIR_RE.test(p) || CONFIG_NAME_RE.test(name) || KEY_FILE_RE.test(name);
}
