/**
 * Value-shaped secrets: provider tokens, PEM private keys, connection strings with an inline
 * password, and `Bearer`/`Basic` header credentials. Recognised by the value alone, in one
 * pass per string (see patterns.ts for the combined prefix scan).
 */
import { isGenericName, isNonSecretValue, isPlaceholder, isPublicJwt, isSecretName, isServiceRoleJwt, looksRandom, normalizeName, toEnvName } from "./names";
import { isStandInValue } from "./made-up";
import { DISCORD_BOT_TOKEN_RE, findProviderToken, PEM_BODY_RE, PEM_PRIVATE_KEY_HEADER_RE, type ProviderPattern, TELEGRAM_BOT_TOKEN_RE } from "./patterns";

export interface ValueMatch {
  caseId: "providerKey" | "privateKey" | "connectionString" | "authorizationHeader";
  kind: string;
  value: string;
  publicPrefix: string;
  envName: string;
  provider?: ProviderPattern;
  /** Text around the secret that stays in source (`Bearer `, `curl -H '…`). */
  keepPrefix: string;
  keepSuffix?: string;
  /** Connection-string host is local (exempt in tests). */
  localHost?: boolean;
  /** The engine's default login (`postgres:postgres`) on this machine or a compose service name: a stand-in, not a credential. */
  engineDefault?: boolean;
  /** Offset of `value` in the scanned string. */
  index?: number;
  /** For a key in a URL query: the parameter (`api_key`), shown as the name. */
  name?: string;
  /** How a named match holds its secret, for the message: a URL parameter "carries" it (the default), a header "is sent in the header". */
  verb?: string;
  /** What test files judge for "made up": a Basic pair's decoded password, a URL parameter's decoded value. */
  judged?: string;
}

const CONN_SCHEMES: Readonly<Record<string, { label: string; env: string }>> = Object.assign(Object.create(null) as Record<string, { label: string; env: string }>, {
  postgres: { label: "PostgreSQL", env: "DATABASE_URL" },
  postgresql: { label: "PostgreSQL", env: "DATABASE_URL" },
  mysql: { label: "MySQL", env: "DATABASE_URL" },
  mysql2: { label: "MySQL", env: "DATABASE_URL" },
  mariadb: { label: "MariaDB", env: "DATABASE_URL" },
  mssql: { label: "SQL Server", env: "DATABASE_URL" },
  sqlserver: { label: "SQL Server", env: "DATABASE_URL" },
  mongodb: { label: "MongoDB", env: "MONGODB_URI" },
  "mongodb+srv": { label: "MongoDB", env: "MONGODB_URI" },
  redis: { label: "Redis", env: "REDIS_URL" },
  rediss: { label: "Redis", env: "REDIS_URL" },
  amqp: { label: "AMQP", env: "AMQP_URL" },
  amqps: { label: "AMQP", env: "AMQP_URL" },
});

/** The word "password" standing for one: `user:password@host`, `username:password`. */
const PASSWORD_WORD_RE = /^(?:password|passwd|pass|pwd|pw|secret)$/i;
/** A format template's host word: `redis://user:pw@host:port/db` shows the shape of a URL, not one. */
const HOST_WORD_RE = /^(?:host|hostname|server|your[-_]?host)$/i;
/** An engine's own default user, standing as its password too: `postgres:postgres`, `root:root`, `guest:guest`. */
const ENGINE_DEFAULT_USER: Readonly<Record<string, string>> = { PostgreSQL: "postgres", MySQL: "root", MariaDB: "root", AMQP: "guest" };
/** A compose-internal service name: one label, no dots (`op-db`, `db`, `postgres`), reachable only inside its network. */
const SERVICE_NAME_RE = /^[a-z][a-z0-9_-]*$/i;
const LOCAL_HOST_RE = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1|host\.docker\.internal)$/i;
const DOC_HOST_RE = /(?:^|\.)(?:example\.(?:com|org|net)|example|invalid)$/i;

/** The engines' default users (`postgres`, `root`, `guest`), whichever engine a driver's settings object is for. */
export const ENGINE_DEFAULT_USERS: ReadonlySet<string> = new Set(Object.values(ENGINE_DEFAULT_USER));

/** A host the engine's default login is exempt on: this machine, or a compose service's one-label name (`db`, `op-db`). */
export function engineLoginHost(host: string): boolean {
  return LOCAL_HOST_RE.test(host) || SERVICE_NAME_RE.test(host);
}

/** Parses `scheme://user:password@host` at `at` (the offset of `://`); undefined when no inline password. */
export function connectionString(s: string, at: number, hostMayFollow = false): ValueMatch | undefined {
  let b = at;
  while (b > 0 && /[a-z0-9+]/i.test(s[b - 1]!)) b--;
  const scheme = s.slice(b, at).toLowerCase();
  const info = CONN_SCHEMES[scheme];
  if (!info) return undefined;
  const rest = at + 3;
  // userinfo ends at the last `@` before the first `/`, `?` or `#` (passwords may contain `@` only encoded).
  let end = rest;
  while (end < s.length && s[end] !== "/" && s[end] !== "?" && s[end] !== "#" && s[end] !== " ") end++;
  const authority = s.slice(rest, end);
  const atSign = authority.lastIndexOf("@");
  if (atSign <= 0) return undefined;
  const userinfo = authority.slice(0, atSign);
  const colon = userinfo.indexOf(":");
  if (colon === -1) return undefined;
  const password = decodeSafe(userinfo.slice(colon + 1));
  if (password.length === 0 || isPlaceholder(password) || PASSWORD_WORD_RE.test(password)) return undefined;
  const user = decodeSafe(userinfo.slice(0, colon));
  const hostPort = authority.slice(atSign + 1);
  const host = hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : hostPort.split(",")[0]!.split(":")[0]!;
  if (DOC_HOST_RE.test(host) || HOST_WORD_RE.test(host) || (host === "" ? !hostMayFollow : isPlaceholder(host))) return undefined;
  let stop = end;
  while (stop < s.length && s[stop] !== " " && s[stop] !== '"' && s[stop] !== "'") stop++;
  return {
    caseId: "connectionString",
    kind: `${info.label} connection string`,
    value: s.slice(b, stop),
    publicPrefix: `${scheme}://`,
    envName: info.env,
    keepPrefix: "",
    localHost: LOCAL_HOST_RE.test(host),
    engineDefault: user === password && ENGINE_DEFAULT_USER[info.label] === user && engineLoginHost(host),
    index: b,
    judged: password,
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed escapes: judge the raw text
  }
}

/** The password of a `user:password` pair that `b64` decodes to, unless it is a placeholder (`username:password`). */
export function basicPassword(b64: string): string | undefined {
  const password = basicPair(b64)?.password;
  return password !== undefined && password.length > 0 && !isPlaceholder(password) && !PASSWORD_WORD_RE.test(password) ? password : undefined;
}

/** The `user:password` pair that `b64` decodes to, if it decodes to one. */
export function basicPair(b64: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(b64)) return undefined;
  const decoded = Buffer.from(b64, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || /[\u0000-\u001f\ufffd]/.test(decoded)) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}


/**
 * A PEM body cut off with `...` or `…` that holds less than half the key its DER header announces
 * (`MIIEvQIBADANBg…...`: 39 of 1,217 bytes), or, when the body is not DER, fewer than 64 base64
 * characters (under the shortest real key, an Ed25519 one): an elided example, no key in it. The
 * same holds for a body closed by its `-----END` line with nothing elided (`MIGTAgEAMBMG…BHkwdwIBAQQg`
 * then the armour: 36 of 150 bytes, cut before the key itself; production capgo's "minimal
 * PEM-looking p8; format check only" test).
 */
export function isElidedPem(afterHeader: string): boolean {
  const end = afterHeader.indexOf("-----END");
  const body = (end === -1 ? afterHeader : afterHeader.slice(0, end)).replace(/\\n|\s/g, "");
  const elided = body.search(/\.\.\.|…/);
  if (elided === -1 && end === -1) return false;
  const cut = elided === -1 ? body.length : elided;
  const chars = body.replace(/\.\.\.|…/g, "").replace(/[^A-Za-z0-9+/=]/g, "").length;
  const der = Buffer.from(body.slice(0, Math.min(cut, 8)), "base64");
  if (der.length >= 2 && der[0] === 0x30) {
    const n = der[1]!;
    const declared = n < 0x80 ? 2 + n : n === 0x81 && der.length >= 3 ? 3 + der[2]! : n === 0x82 && der.length >= 4 ? 4 + der[2]! * 256 + der[3]! : undefined;
    if (declared !== undefined) return Math.floor((chars * 3) / 4) * 2 < declared;
  }
  return chars < 64;
}

/** The value-shaped secret in `s`, if any. Call only for strings of 16+ characters. */
export function scanValue(s: string, inComment: boolean): ValueMatch | undefined {
  const pem = s.indexOf("-----BEGIN");
  if (pem !== -1) {
    const header = PEM_PRIVATE_KEY_HEADER_RE.exec(s.slice(pem, pem + 60));
    if (header !== null) {
      const after = s.slice(pem + header[0].length, pem + header[0].length + 200);
      if (PEM_BODY_RE.test(after.replace(/\\n|\s/g, "")) && !isElidedPem(s.slice(pem + header[0].length, pem + header[0].length + 8192))) {
        const kind = /RSA/.test(header[0]) ? "RSA private key" : /EC /.test(header[0]) ? "EC private key" : /OPENSSH/.test(header[0]) ? "OpenSSH private key" : /PGP/.test(header[0]) ? "PGP private key" : "PKCS#8 private key";
        return { caseId: "privateKey", kind, value: s.slice(pem), publicPrefix: "-----BEGIN", envName: "PRIVATE_KEY", keepPrefix: "" };
      }
    }
  }
  const token = findProviderToken(s);
  if (token) {
    const p = token.provider;
    const publicPrefix = token.token.startsWith(p.publicPrefix) ? p.publicPrefix : "";
    return { caseId: "providerKey", kind: p.label, value: token.token, publicPrefix, envName: p.envName, provider: p, keepPrefix: s.slice(0, token.index), keepSuffix: s.slice(token.index + token.token.length) };
  }
  if (inComment) return undefined;
  const c = s.charCodeAt(0);
  if (c >= 77 && c <= 79 && s.length >= 59 && s.length <= 75 && DISCORD_BOT_TOKEN_RE.test(s)) {
    return { caseId: "providerKey", kind: "Discord bot token", value: s, publicPrefix: "", envName: "DISCORD_BOT_TOKEN", keepPrefix: "" };
  }
  if (c >= 48 && c <= 57 && s.length >= 44 && s.length <= 46 && TELEGRAM_BOT_TOKEN_RE.test(s)) {
    return { caseId: "providerKey", kind: "Telegram bot token", value: s, publicPrefix: "", envName: "TELEGRAM_BOT_TOKEN", keepPrefix: "" };
  }
  if (c === 101 && isServiceRoleJwt(s)) {
    return { caseId: "providerKey", kind: "Supabase service-role key", value: s, publicPrefix: "", envName: "SUPABASE_SERVICE_ROLE_KEY", keepPrefix: "" };
  }
  const scheme = s.indexOf("://");
  if (scheme > 0 && s.indexOf("@", scheme) !== -1) {
    const conn = connectionString(s, scheme);
    if (conn) return conn;
  }
  if (c === 66 || c === 98) {
    // "Bearer <token>" / "Basic <base64 of user:password>"
    const m = /^(Bearer|Basic|bearer|basic) ([^\s]{8,4096})$/.exec(s);
    if (m !== null) {
      const cred = m[2]!;
      // `Bearer error="insufficient_scope"` is a WWW-Authenticate challenge (RFC 6750), not a token.
      if (m[1]!.toLowerCase() === "bearer" && cred.length >= 16 && !isPlaceholder(cred) && !isStandInValue(cred) && !isNonSecretValue(cred) && !/^[\w-]+="/.test(cred)) {
        return { caseId: "authorizationHeader", kind: "Bearer", value: cred, publicPrefix: "", envName: "API_TOKEN", keepPrefix: `${m[1]} ` };
      }
      const password = m[1]!.toLowerCase() === "basic" ? basicPassword(cred) : undefined;
      if (password !== undefined) {
        return { caseId: "authorizationHeader", kind: "Basic", value: cred, publicPrefix: "", envName: "BASIC_AUTH_CREDENTIALS", keepPrefix: `${m[1]} `, judged: password };
      }
    }
  }
  return undefined;
}


// Query parameters that carry a credential: `?api_key=`, `&access_token=`, `?token=`, `&sig=` (Azure SAS),
// `&appid=` (OpenWeatherMap's key), `&app_key=`, `?subscription-key=` (Azure API Management), `?private_token=` (GitLab).
const QUERY_SECRET_PARAM_RE = /^(?:api[-_]?key|apikey|key|access[-_]?token|auth[-_]?token|api[-_]?token|private[-_]?token|token|secret|client[-_]?secret|password|passwd|pwd|sig|signature|auth|appid|app[-_]?key|subscription[-_]?key)$/i;
// `appid` is also a public application id elsewhere (WeChat `wx` + 16 hex, Facebook's digits): a key only when long.
const APP_ID_PARAM_RE = /^appid$/i;
const PASSWORD_PARAM_RE = /^(?:password|passwd|pwd)$/i;

/**
 * Credentials in a URL's query string (`https://api.example.net/v1?api_key=…`, `wss://…?token=…`):
 * a secret-named parameter whose value is random-looking (any non-placeholder value for a
 * password parameter). One pass over the query; bounded by the string's length.
 */
export function urlQuerySecrets(s: string, out: ValueMatch[]): void {
  const scheme = s.indexOf("://");
  if (scheme <= 0) return;
  const q = s.indexOf("?", scheme);
  if (q === -1) return;
  const hostEnd = s.slice(scheme + 3).search(/[/?#:]/);
  const host = s.slice(scheme + 3, hostEnd === -1 ? s.length : scheme + 3 + hostEnd);
  let at = q + 1;
  for (let n = 0; at < s.length && n < 64; n++) {
    let end = at;
    while (end < s.length && s[end] !== "&" && s[end] !== "#" && s[end] !== " " && s[end] !== "'" && s[end] !== '"') end++;
    const rel = s.slice(at, end).indexOf("=");
    const eq = rel === -1 ? -1 : at + rel;
    if (eq !== -1) {
      const param = s.slice(at, eq);
      const raw = s.slice(eq + 1, end);
      const value = decodeSafe(raw);
      if (QUERY_SECRET_PARAM_RE.test(param) && raw.length >= 4 && !isPlaceholder(value) && value.indexOf("${") === -1) {
        const password = PASSWORD_PARAM_RE.test(param);
        if (password ? value.length >= 4 && !PASSWORD_WORD_RE.test(value) : raw.length >= (APP_ID_PARAM_RE.test(param) ? 24 : 12) && looksRandom(value) && !isNonSecretValue(value)) {
          // `?token=` on api.acme.io → ACME_TOKEN: a generic parameter borrows the host's name.
          const site = siteOf(host);
          const envName = (isGenericName(normalizeName(param)) || /^app(?:id|key)$/.test(normalizeName(param))) && site ? toEnvName(`${site}_${param}`) : toEnvName(param);
          out.push({ caseId: "providerKey", kind: "", value: raw, publicPrefix: "", envName, keepPrefix: s.slice(0, eq + 1), keepSuffix: s.slice(end), index: eq + 1, name: `?${param}=`, judged: value });
        }
      }
    }
    at = end + 1;
  }
}

/** The site a host names, for an env name: `api.acme.io` → `acme`; "" for an IP address or a bare host. */
function siteOf(host: string): string {
  const labels = host.split(".").filter((l) => l !== "" && !/^(?:www|api|ws|wss|stream|app|v\d+|com|net|org|io|co|dev|ai)$/i.test(l));
  return labels.length > 0 && !/^\d+$/.test(labels[labels.length - 1]!) ? labels[labels.length - 1]! : "";
}

// A header a command line sends, by curl's flags: `-H "x-api-key: …"`, `--header 'Authorization: Bearer …'`.
// The name, then one value, or a scheme and a value; the value ends where its quote does.
const COMMAND_HEADER_RE = /(?:^|\s)(?:-H|--header)\s*(["']?)([A-Za-z][\w-]{1,40}):[ \t]*(?:(Bearer|Basic|Token|bearer|token) )?([^\s"'\\]{12,512})(?=\1)/g;

/**
 * Credentials in the headers of a shell command held in a string (`execSync('curl … -H "x-api-key: …"')`):
 * a secret-named header (`x-api-key`, `apikey`, `x-auth-token`) or an `Authorization` header whose value
 * is random-looking and no placeholder (`Bearer YOUR_API_KEY`, `sk-your-api-key`, a `${key}` substitution)
 * nor a public key (a Supabase anon key). Named by the header, after the site of the command's URL.
 */
export function commandHeaderSecrets(s: string, out: ValueMatch[]): void {
  if (s.indexOf("-H") === -1 && s.indexOf("--header") === -1) return;
  const url = /\bhttps?:\/\/([^/\s"'?#:]+)/.exec(s);
  const site = url ? siteOf(url[1]!) : "";
  COMMAND_HEADER_RE.lastIndex = 0;
  for (let m = COMMAND_HEADER_RE.exec(s), n = 0; m && n < MAX_PER_STRING; m = COMMAND_HEADER_RE.exec(s), n++) {
    const header = m[2]!;
    const scheme = m[3];
    const value = m[4]!;
    const authorization = header.toLowerCase() === "authorization";
    if (authorization ? scheme === undefined : scheme !== undefined || !isSecretName(header)) continue;
    if (isPlaceholder(value) || isStandInValue(value) || isNonSecretValue(value) || !looksRandom(value) || isPublicJwt(value) || (value.startsWith("eyJ") && !isServiceRoleJwt(value))) continue;
    const index = m.index + m[0].length - value.length;
    const name = authorization ? "Authorization" : header;
    const envName = toEnvName(site && (authorization || isGenericName(normalizeName(header.replace(/^x-/i, "")))) ? `${site}_${authorization ? "api_token" : header.replace(/^x-/i, "")}` : authorization ? "api_token" : header.replace(/^x-/i, ""));
    out.push({ caseId: "providerKey", kind: "", value, publicPrefix: "", envName, keepPrefix: s.slice(0, index), keepSuffix: s.slice(index + value.length), index, name, verb: "is sent in the header", judged: value });
  }
}

/**
 * Every value-shaped secret in `s`, in order and without overlaps: provider tokens, connection
 * strings and URL query credentials, so that a string holding two secrets reports (and masks)
 * both. A PEM key or a whole-string token is the only secret of its string. Call for 16+ chars.
 */
const MAX_PER_STRING = 8;

export function scanValues(s: string): ValueMatch[] {
  const first = scanValue(s, false);
  if (first && (first.caseId === "privateKey" || first.caseId === "authorizationHeader" || (first.caseId === "providerKey" && first.provider === undefined))) {
    return [{ ...first, index: first.caseId === "privateKey" ? s.indexOf("-----BEGIN") : first.keepPrefix.length }];
  }
  const found: ValueMatch[] = [];
  // Bounded: a string holding more than a few secrets is reported on its first ones (linear time on any input).
  for (let at = 0, n = 0; at < s.length && n < MAX_PER_STRING; n++) {
    const t = findProviderToken(s, at);
    if (!t) break;
    const p = t.provider;
    found.push({ caseId: "providerKey", kind: p.label, value: t.token, publicPrefix: t.token.startsWith(p.publicPrefix) ? p.publicPrefix : "", envName: p.envName, provider: p, keepPrefix: s.slice(0, t.index), keepSuffix: s.slice(t.index + t.token.length), index: t.index });
    at = t.index + t.token.length;
  }
  const lastAt = s.lastIndexOf("@");
  for (let at = s.indexOf("://"), n = 0; at !== -1 && at < lastAt && n < MAX_PER_STRING; at = s.indexOf("://", at + 3), n++) {
    const c = connectionString(s, at);
    if (c) found.push({ ...c, keepPrefix: s.slice(0, c.index), keepSuffix: s.slice(c.index! + c.value.length) });
  }
  if (s.indexOf("?") !== -1) urlQuerySecrets(s, found);
  commandHeaderSecrets(s, found);
  if (found.length < 2) return found;
  found.sort((a, b) => a.index! - b.index!);
  const out: ValueMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.index! < last.index! + last.value.length) {
      // Overlap: a provider token inside a query parameter or a connection string wins (it names the vendor).
      if (m.provider && !last.provider) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
