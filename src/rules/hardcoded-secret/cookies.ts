/**
 * Session and login cookies written into the code: a browser's signed-in session copied into a
 * scraper, a downloader or a test (`ytdl.createAgent([{ name: "SID", value: "…" }])`,
 * `page.setCookie({ name: "sessionid", value: "…" })`, `headers: { Cookie: "li_at=…; …" }`).
 * Whoever has the value is signed in as that account until it signs out everywhere. Only the
 * cookies that carry the session count, by name: preference, consent and analytics cookies
 * (`PREF`, `CONSENT`, `NID`, `_ga`, `VISITOR_INFO1_LIVE`) are not credentials, and the cookies a
 * provider rotates beside the session (Google's `SIDCC`, `__Secure-1PSIDTS`, X's `ct0`) count only
 * in a jar that also holds the session cookie itself.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { propertyNameText } from "./context";

/** How a cookie name carries a session: the session itself, or a value bound to it. */
type Role = "session" | "companion";

interface CookieName {
  role: Role;
  /** Whose cookie it is when the name alone says so ("Google"); frameworks' names say nothing. */
  provider?: string;
}

const GOOGLE: CookieName = { role: "session", provider: "Google" };
const GOOGLE_COMPANION: CookieName = { role: "companion", provider: "Google" };
const FRAMEWORK: CookieName = { role: "session" };

function provider(name: string): CookieName {
  return { role: "session", provider: name };
}

// Session cookies of common providers and frameworks, by exact name (cookie names are case-sensitive).
// Google: https://policies.google.com/technologies/cookies (SID, HSID, SSID, APISID, SAPISID, __Secure-*PSID
// sign the account in; SIDCC and __Secure-*PSIDTS are rotated beside them).
const COOKIE_NAMES: ReadonlyMap<string, CookieName> = new Map<string, CookieName>([
  ...["SID", "HSID", "SSID", "APISID", "SAPISID", "OSID", "LSID", "__Secure-1PSID", "__Secure-3PSID", "__Secure-1PAPISID", "__Secure-3PAPISID", "__Secure-OSID", "__Host-1PLSID", "__Host-3PLSID", "__Host-GAPS"].map((n) => [n, GOOGLE] as const),
  ...["SIDCC", "__Secure-1PSIDCC", "__Secure-3PSIDCC", "__Secure-1PSIDTS", "__Secure-3PSIDTS", "__Secure-1PSIDRTS", "__Secure-3PSIDRTS"].map((n) => [n, GOOGLE_COMPANION] as const),
  ["LOGIN_INFO", provider("YouTube")],
  ["xs", provider("Facebook")],
  ["sessionid_ss", provider("TikTok")],
  ["sid_tt", provider("TikTok")],
  ["sid_guard", provider("TikTok")],
  ["sid_ucp_v1", provider("TikTok")],
  ["ssid_ucp_v1", provider("TikTok")],
  ["auth_token", FRAMEWORK],
  ["ct0", { role: "companion", provider: "X" }],
  ["li_at", provider("LinkedIn")],
  ["reddit_session", provider("Reddit")],
  ["token_v2", provider("Reddit")],
  ["user_session", provider("GitHub")],
  ["__Host-user_session_same_site", provider("GitHub")],
  ["_gh_sess", provider("GitHub")],
  ["sp_dc", provider("Spotify")],
  ["sp_key", provider("Spotify")],
  ["steamLoginSecure", provider("Steam")],
  ["NetflixId", provider("Netflix")],
  ["SecureNetflixId", provider("Netflix")],
  ["SESSDATA", provider("Bilibili")],
  ["bili_jct", { role: "companion", provider: "Bilibili" }],
  ["MUSIC_U", provider("NetEase Cloud Music")],
  ["at-main", provider("Amazon")],
  ["sess-at-main", provider("Amazon")],
  // Frameworks' session cookies: express-session, PHP, Java servlets, ASP.NET, Laravel, Rails, Django,
  // CodeIgniter, NextAuth/Auth.js, Clerk and Firebase Hosting, Supabase, GitLab, Devise, Play, Spring Session.
  ...[
    "connect.sid", "PHPSESSID", "JSESSIONID", "ASP.NET_SessionId", ".ASPXAUTH", ".AspNetCore.Cookies", "laravel_session", "_session_id",
    "sessionid", "session_id", "ci_session", "next-auth.session-token", "__Secure-next-auth.session-token", "authjs.session-token",
    "__Secure-authjs.session-token", "__session", "sb-access-token", "sb-refresh-token", "_gitlab_session", "remember_user_token",
    "PLAY_SESSION", "SESSION",
  ].map((n) => [n, FRAMEWORK] as const),
]);

// Names with a per-site part: Supabase SSR (`sb-<project ref>-auth-token`, chunked `.0`, `.1`) and WordPress.
const PATTERNED_NAME_RE = /^(?:sb-[a-z0-9]{6,40}-auth-token(?:\.\d)?|wordpress_(?:logged_in|sec)_[0-9a-f]{32})$/;

function cookieName(name: string): CookieName | undefined {
  return COOKIE_NAMES.get(name) ?? (PATTERNED_NAME_RE.test(name) ? FRAMEWORK : undefined);
}

// The site a cookie's `domain` or `url` names, as the provider users know.
const DOMAIN_PROVIDERS: readonly (readonly [RegExp, string])[] = [
  [/(?:^|\.)youtube\.com$/, "YouTube"],
  [/(?:^|\.)google\.[a-z.]+$/, "Google"],
  [/(?:^|\.)facebook\.com$/, "Facebook"],
  [/(?:^|\.)instagram\.com$/, "Instagram"],
  [/(?:^|\.)tiktok\.com$/, "TikTok"],
  [/(?:^|\.)douyin\.com$/, "Douyin"],
  [/(?:^|\.)(?:twitter|x)\.com$/, "X"],
  [/(?:^|\.)linkedin\.com$/, "LinkedIn"],
  [/(?:^|\.)reddit\.com$/, "Reddit"],
  [/(?:^|\.)github\.com$/, "GitHub"],
  [/(?:^|\.)discord\.com$/, "Discord"],
  [/(?:^|\.)(?:chatgpt|openai)\.com$/, "ChatGPT"],
  [/(?:^|\.)claude\.ai$/, "Claude"],
  [/(?:^|\.)bilibili\.com$/, "Bilibili"],
];

/** What a session cookie found in the code is: its name, whose session it opens, and the variable it moves to. */
export interface SessionCookie {
  name: string;
  /** "YouTube session cookie LOGIN_INFO", "session cookie connect.sid": the message's kind. */
  kind: string;
  envName: string;
}

function describe(name: string, site: string | undefined): SessionCookie {
  const bare = name.replace(/^__(?:Secure|Host)-/, "").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toUpperCase();
  const prefix = site === undefined ? "" : site.replace(/[^A-Za-z]+/g, "_").toUpperCase();
  return {
    name,
    kind: site === undefined ? `session cookie ${name}` : `${site} session cookie ${name}`,
    envName: prefix === "" ? `${bare}_COOKIE` : `${prefix}_${bare}`,
  };
}

/** The site of a `domain: ".youtube.com"` or `url: "https://www.instagram.com/"` property, if it names one. */
function siteOfDomain(domain: string): string | undefined {
  if (domain.length > 300) return undefined;
  let host = domain.replace(/^[a-z]+:\/\//i, "");
  const end = host.search(/[/:]/);
  host = (end === -1 ? host : host.slice(0, end)).replace(/^\./, "").toLowerCase();
  for (const [re, site] of DOMAIN_PROVIDERS) if (re.test(host)) return site;
  return undefined;
}

const LOCAL_HOST_RE = /^(?:[a-z]+:\/\/)?(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]|$)/i;

function stringProperty(obj: ts.ObjectLiteralExpression, names: readonly string[]): string | undefined {
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isStringLiteralLike(p.initializer)) continue;
    const key = propertyNameText(p.name);
    if (key !== undefined && names.includes(key)) return p.initializer.text;
  }
  return undefined;
}

/**
 * `{ name: "SID", value: "…", domain: ".youtube.com" }` (puppeteer, playwright, ytdl-core, a
 * browser extension's export) and tough-cookie's `{ key: "SID", value: "…" }`: the literal is the
 * value of a session cookie. A cookie for `localhost` is a local instance's session; a rotated
 * companion counts only beside the session cookie in the same array.
 */
export function cookieObjectValue(literal: ts.Node): SessionCookie | undefined {
  const prop = literal.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== literal || propertyNameText(prop.name) !== "value") return undefined;
  const obj = prop.parent;
  const name = stringProperty(obj, ["name", "key"]);
  const known = name === undefined ? undefined : cookieName(name);
  if (name === undefined || known === undefined) return undefined;
  const domain = stringProperty(obj, ["domain", "url"]);
  if (domain !== undefined && LOCAL_HOST_RE.test(domain.replace(/^\./, ""))) return undefined;
  if (known.role === "companion" && !besideSession(obj)) return undefined;
  return describe(name, (domain !== undefined ? siteOfDomain(domain) : undefined) ?? known.provider);
}

/** True when the array holding this cookie object also holds a session cookie (by name). */
function besideSession(obj: ts.ObjectLiteralExpression): boolean {
  const arr = obj.parent;
  if (!arr || !ts.isArrayLiteralExpression(arr) || arr.elements.length > 200) return false;
  return arr.elements.some((e) => {
    if (!ts.isObjectLiteralExpression(e)) return false;
    const n = stringProperty(e, ["name", "key"]);
    return n !== undefined && cookieName(n)?.role === "session";
  });
}

const COOKIE_SETTERS = new Set(["cookie", "setCookie", "set", "addCookie"]);

/** `res.cookie("connect.sid", "…")`, `cookies().set("sessionid", "…")`: a session cookie's value by position. */
export function cookieCallValue(literal: ts.Node): SessionCookie | undefined {
  const call = literal.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[1] !== literal) return undefined;
  const first = call.arguments[0];
  const callee = calleeName(call);
  if (!first || !ts.isStringLiteralLike(first) || callee === undefined || !COOKIE_SETTERS.has(callee)) return undefined;
  const known = cookieName(first.text);
  return known?.role === "session" ? describe(first.text, known.provider) : undefined;
}

/** One session cookie's value inside a cookie string, at `index` in the literal's text. */
export interface CookiePair extends SessionCookie {
  value: string;
  index: number;
}

// A cookie pair: a token name, `=`, a value without spaces, quotes or `;` (RFC 6265 cookie-octets, loosely).
const PAIR_RE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64})=(.*)$/;
const VALUE_RE = /^[^\s";,\\]*$/;
// Attributes of a `Set-Cookie` line or of `document.cookie = "…"`, and flags without a value.
const ATTRIBUTE_RE = /^(?:path|domain|expires|max-age|samesite|priority|partitioned|secure|httponly)$/i;

/**
 * The session cookies of a literal that is, as a whole, a cookie string: `name=value` pairs
 * separated by `;` (a `Cookie` header, `document.cookie = "…"`, a `Set-Cookie` line with its
 * attributes). Anything else in the text (a sentence, a URL, a query string) makes it no cookie
 * string. Companions count beside a session cookie of the same string.
 */
export function cookieStringPairs(text: string): CookiePair[] {
  if (text.length > 8192 || text.indexOf("=") === -1) return [];
  const found: (CookiePair & { role: Role })[] = [];
  let domain: string | undefined;
  let at = 0;
  for (const part of text.split(";")) {
    const start = at + (part.length - part.trimStart().length);
    at += part.length + 1;
    const p = part.trim();
    if (p === "") continue;
    const m = PAIR_RE.exec(p);
    if (!m) {
      if (ATTRIBUTE_RE.test(p)) continue;
      return [];
    }
    const name = m[1]!;
    const value = m[2]!.replace(/^"(.*)"$/, "$1");
    if (!VALUE_RE.test(value)) return [];
    if (ATTRIBUTE_RE.test(name)) {
      if (name.toLowerCase() === "domain") domain = value;
      continue;
    }
    const known = cookieName(name);
    if (known) found.push({ ...describe(name, known.provider), value, index: start + name.length + 1 + (m[2]!.startsWith('"') ? 1 : 0), role: known.role });
  }
  if (domain !== undefined && LOCAL_HOST_RE.test(domain.replace(/^\./, ""))) return [];
  const site = domain !== undefined ? siteOfDomain(domain) : undefined;
  const session = found.some((f) => f.role === "session");
  return found.filter((f) => f.role === "session" || session).map(({ role: _role, ...pair }) => (site !== undefined ? { ...pair, ...describe(pair.name, site) } : pair));
}

// Cheap gate before splitting a literal: a known name right after the start or a `;`, then `=`.
const COOKIE_STRING_HINT_RE = new RegExp(
  `(?:^|;)\\s*(?:${[...COOKIE_NAMES.keys()].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}|sb-[a-z0-9]{6,40}-auth-token(?:\\.\\d)?|wordpress_(?:logged_in|sec)_[0-9a-f]{32})=`,
);

/** True when the literal may be a cookie string holding a session cookie (checked before splitting it). */
export function mayHoldCookies(text: string): boolean {
  return text.indexOf("=") !== -1 && COOKIE_STRING_HINT_RE.test(text);
}

