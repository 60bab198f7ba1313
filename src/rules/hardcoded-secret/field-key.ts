import { ts } from "../../engine/ts";
import { normalizeName } from "./names";

/**
 * `secretKey: "region"`, `secretKey: "accountSid"`: the key of a value inside a stored secret (a
 * settings form's field, a config reader's lookup), not a secret key. The property is named `…Key`
 * and the value is one lower-camelCase identifier whose last word names a field that holds no
 * credential: a place (`region`, `endpoint`, `spaceUrl`), an account or sender id (`accountSid`,
 * `messagingServiceSid`, `project`, `phone`) or a setting (`messageStream`). A credential is no
 * such word: `secretKey: "supersecret"`, `secretKey: "mySecretKey"` stay reported (class from
 * dittofeed's settings page, 8 provider fields; the names-of-secrets convention for an object's key).
 */
export function namesAField(name: string, value: string, node: ts.Node): boolean {
  if (!normalizeName(name).endsWith("key") || !ts.isPropertyAssignment(node.parent) || node.parent.initializer !== node) return false;
  if (value.length > 40 || !/^[a-z][a-zA-Z0-9]*$/.test(value)) return false;
  const words = value.split(/(?=[A-Z])/);
  return FIELD_WORDS.has(words[words.length - 1]!.toLowerCase());
}

// The last word of a field's name that holds no credential.
const FIELD_WORDS: ReadonlySet<string> = new Set([
  "region", "endpoint", "url", "uri", "host", "hostname", "port", "domain", "path", "bucket", "zone", "location",
  "project", "sid", "id", "phone", "number", "email", "sender", "username", "account", "tenant", "workspace",
  "stream", "channel", "audience", "issuer", "scope", "scopes", "version", "mode", "name",
]);

// An environment variable's name (`NODEBB_ADMIN_PASSWORD`) and a configuration key (`admin:password`, `db.host`, `url`).
const ENV_KEY_RE = /^[A-Z][A-Z0-9_]*$/;
const CONFIG_KEY_RE = /^[a-z][a-zA-Z0-9_-]{0,30}(?:[:.][a-zA-Z0-9_-]{1,30}){0,4}$/;

/**
 * `{ NODEBB_URL: "url", NODEBB_ADMIN_PASSWORD: "admin:password", … }`: a table from environment
 * variables' names to the configuration keys they set, not a password. The value is made of the
 * words of its own variable's name only (`admin`, `password` in `NODEBB_ADMIN_PASSWORD`), and at
 * least two other entries of the object map an environment variable's name to such a key
 * (production NodeBB's install, session 39). `{ POSTGRES_PASSWORD: "admin:s3cret" }` stays reported.
 */
export function namesEnvSetting(value: string, node: ts.Node): boolean {
  const prop = node.parent;
  if (!ts.isPropertyAssignment(prop) || prop.initializer !== node || !ts.isObjectLiteralExpression(prop.parent)) return false;
  const key = (p: ts.PropertyAssignment) => (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined);
  const name = key(prop);
  if (!name || !ENV_KEY_RE.test(name) || !CONFIG_KEY_RE.test(value)) return false;
  const words = new Set(name.toLowerCase().split("_"));
  if (!value.toLowerCase().split(/[:._-]/).every((w) => words.has(w))) return false;
  const others = prop.parent.properties.filter((p) => p !== prop && ts.isPropertyAssignment(p) && ENV_KEY_RE.test(key(p) ?? "") && ts.isStringLiteral(p.initializer) && CONFIG_KEY_RE.test(p.initializer.text));
  return others.length >= 2;
}
