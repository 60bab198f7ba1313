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
