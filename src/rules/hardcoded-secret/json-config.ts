/**
 * Secrets in a committed JSON configuration file (the engine picks the files: engine/json-config.ts):
 * Feathers' and node-config's `config/default.json` (`authentication.secret`), Sequelize's
 * `config/config.json` (`production.password`), an agent's `mcp.json` (`env.GITHUB_TOKEN`), a
 * service account's key file (`private_key`). Read with TypeScript's JSON parser, which keeps offsets.
 */
import { ts } from "../../engine/ts";
import { isTracked } from "../../profile/git";
import { isWranglerConfigPath } from "../../engine/json-config";
import type { ProjectHost } from "../../engine/types";
import { hasAlphabetRun, isNonSecretValue, isOtherKeyName, isPlaceholder, isSecretName, kindOfName, looksRandom, toEnvName } from "./names";
import { isStandInValue } from "./made-up";
import { scanValues } from "./values";

export interface JsonSecret {
  /** Offsets of the string's content (inside the quotes). */
  start: number;
  end: number;
  value: string;
  /** What it is: "PostgreSQL connection string", "RSA private key", or from the key's name ("secret", "password"). */
  kind: string;
  /** Where: the key path, `authentication.secret`. */
  path: string;
  /** The environment variable the value belongs in, from the key path (`AUTHENTICATION_SECRET`). */
  envName: string;
}

// A host or URL setting beside the credential (`{ "host": "127.0.0.1", "password": "root" }`, `"localEndpoint": "http://localhost:3000"`).
const HOST_KEY_RE = /(?:host|hostname|server|address|url|uri|endpoint)$/i;
const LOCAL_HOST_RE = /^(?:[a-z][\w+.-]*:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?::\d{1,5})?(?:\/\S*)?$/i;
// A reference the config loader resolves, not a value: `$DB_PASSWORD`, `%DB_PASSWORD%`, `env:DB_PASSWORD`, `${input:token}`.
const REFERENCE_RE = /^(?:\$\{?[A-Za-z_][\w:.-]*\}?|%[A-Za-z_]\w*%|env:[A-Za-z_]\w*|process\.env\.\w+)$/;
// Google API keys ship inside apps (`google-services.json`'s `current_key`, a web app's Firebase config): public by design.
const PUBLIC_KINDS = new Set(["Google API key"]);

/**
 * The secrets of one JSON configuration file, in order: a value with a provider's, a private key's or a
 * connection string's shape under any key, and a value under a key that names a credential (`secret`,
 * `password`, `apiKey`, `clientSecret`). Not reported: empty values, placeholders and references
 * (`"${DB_PASSWORD}"`), a hand-typed password beside a host on this machine (`"host": "127.0.0.1"`: the
 * local database of a development block), Google API keys, and values inside arrays.
 */
export function jsonSecrets(path: string, text: string): JsonSecret[] {
  // TypeScript's JSON parser takes comments and trailing commas (JSONC) as trivia and tolerated syntax.
  const sf = ts.parseJsonText(path, text);
  const out: JsonSecret[] = [];
  const root = sf.statements[0]?.expression;
  if (!root) return out;
  if (isWranglerConfigPath(path)) {
    for (const v of wranglerVars(root)) visit(v.node, v.path, out, sf);
  } else visit(root, [], out, sf);
  return out;
}

/**
 * A Wrangler configuration's `vars`, top-level and per environment (`env.production.vars`): plain-text values the
 * Worker reads from `env`, which Cloudflare says are no place for credentials (those go in secrets,
 * `wrangler secret put`). The rest of the file holds names and ids (`account_id`, a KV namespace's or a D1
 * database's `id`), no credential.
 */
function wranglerVars(root: ts.Expression): { node: ts.ObjectLiteralExpression; path: string[] }[] {
  const out: { node: ts.ObjectLiteralExpression; path: string[] }[] = [];
  if (!ts.isObjectLiteralExpression(root)) return out;
  const top = prop(root, "vars");
  if (top && ts.isObjectLiteralExpression(top)) out.push({ node: top, path: ["vars"] });
  const envs = prop(root, "env");
  if (envs && ts.isObjectLiteralExpression(envs)) {
    for (const p of envs.properties) {
      const name = keyOf(p);
      if (name === undefined || !ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
      const vars = prop(p.initializer, "vars");
      if (vars && ts.isObjectLiteralExpression(vars)) out.push({ node: vars, path: ["env", name, "vars"] });
    }
  }
  return out;
}

function prop(o: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of o.properties) if (keyOf(p) === name && ts.isPropertyAssignment(p)) return p.initializer;
  return undefined;
}

function keyOf(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(p)) return undefined;
  return ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
}

// Iterative over objects (a deep file cannot exhaust the stack); arrays are not entered.
function visit(rootNode: ts.Expression, rootPath: string[], out: JsonSecret[], sf: ts.SourceFile): void {
  const stack: { node: ts.ObjectLiteralExpression; path: string[] }[] = [];
  if (ts.isObjectLiteralExpression(rootNode)) stack.push({ node: rootNode, path: rootPath });
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const found: JsonSecret[] = [];
    for (const p of node.properties) {
      const key = keyOf(p);
      if (key === undefined || !ts.isPropertyAssignment(p)) continue;
      const v = p.initializer;
      if (ts.isObjectLiteralExpression(v)) stack.push({ node: v, path: [...path, key] });
      else if (ts.isStringLiteral(v)) {
        const s = judge(key, v.text, node);
        if (s) found.push({ ...s, start: v.getStart(sf) + 1, end: v.getEnd() - 1, value: v.text, path: [...path, key].join("."), envName: toEnvName([...path, key].join("_")) });
      }
    }
    out.push(...found);
  }
  out.sort((a, b) => a.start - b.start);
}

function judge(key: string, s: string, owner: ts.ObjectLiteralExpression): { kind: string } | undefined {
  if (s.length >= 16) {
    const m = scanValues(s)[0];
    if (m) {
      if (m.engineDefault || m.localHost || PUBLIC_KINDS.has(m.kind)) return undefined;
      return { kind: m.kind };
    }
  }
  const named = isSecretName(key) || (isOtherKeyName(key) && s.length >= 20 && looksRandom(s));
  if (!named || REFERENCE_RE.test(s) || isPlaceholder(s) || isNonSecretValue(s) || isStandInValue(s)) return undefined;
  // A typed run (`abc-1234567890`, `123456`, `abcdef`): a sample's stand-in, as in `/path/to/mcp-server.js` beside it.
  if (hasAlphabetRun(s)) return undefined;
  if (!looksRandom(s) && besideLocalHost(owner)) return undefined;
  return { kind: kindOfKey(key) };
}

function besideLocalHost(owner: ts.ObjectLiteralExpression): boolean {
  return owner.properties.some((p) => {
    const key = keyOf(p);
    return key !== undefined && HOST_KEY_RE.test(key) && ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer) && LOCAL_HOST_RE.test(p.initializer.text);
  });
}

function kindOfKey(key: string): string {
  // A config key names its secret as a variable does, but `privateKey` is a private key and a bare
  // credential word (`auth`) a key.
  if (/private/i.test(key) && !/pass|pwd|token/i.test(key)) return "private key";
  const kind = kindOfName(key);
  return kind === "credential" ? "key" : kind;
}

// node-config reads `config/custom-environment-variables.json` to set values from the environment.
const NODE_CONFIG_MAP = "custom-environment-variables.json";

/**
 * What to do, for the message: node-config's environment map when the project has one beside the file; for a Wrangler
 * file, a Worker secret of the same name (`key`, the var's name), which the Worker reads from `env` as it read the var.
 */
export function jsonTodo(project: ProjectHost, path: string, key = ""): string {
  if (isWranglerConfigPath(path)) return `Delete it from the file's \`vars\` and store it as a Worker secret (\`wrangler secret put ${key}\`): the Worker reads it from \`env\` as before.`;
  const dir = path.slice(0, Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  if (project.fileExists(dir + NODE_CONFIG_MAP)) return `Delete it from the file and map the setting to an environment variable in ${NODE_CONFIG_MAP}.`;
  return "Delete it from the file and set it from an environment variable where the config is loaded.";
}

/** The rotation advice for the file (rule.ts words it). */
export function jsonTracked(project: ProjectHost, path: string): ReturnType<typeof isTracked> {
  return isTracked(project, path);
}
