import { createHash } from "node:crypto";

/**
 * Suspicious-name logic: which variable, property or setting names hold credentials, and
 * which values assigned to them are placeholders or plainly not secrets. All checks are
 * linear and run only after a cheap length or kind check in the rule.
 */

// Name words that hold a credential. Names are normalised first: lower case, no `_`, `-`, `.`, spaces.
const SECRET_NAME_RE =
  /passw(?:or)?d|passphrase|pwd|secret|token|apikey|accesskey|privatekey|authkey|signingkey|encryptionkey|cryptokey|cipherkey|aeskey|masterkey|servicerolekey|vapidpriv(?:ate)?$|(?:hmac|jwt|webhook)key|credential|(?:^|db|smtp|mail|admin|user|root|redis|mysql|pg|mongo|ftp|ssh|email|sql|rabbit|amqp|auth)pass$/;
// Name words that say the value is about a secret but not the secret itself (`AI_MAX_TOKENS`, `TOKENS_PER_MINUTE`,
// `usage.prompt_tokens`, `completion_tokens`: counts of model tokens; `token_use`: the JWT claim naming a token's kind).
// A name's `…Suffix` names part of another name (`awsSecretIdSuffix: "JWTAuthTokenSecret"`, the id of a secret in a
// secret manager), as `…Prefix` does; a name ending in `region` names a region (`SECRETKEY_AWS_REGION`: production Flowise).
// A name ending in `action` holds what a form asks for (`passwordAction === "set"`: production Cap), not the password.
// Shopify's `checkout_token` and `cart_token` are the ids of a checkout and a cart in its order payloads (production dub).
// A name ending in `permission(s)` holds what a key or token may do (`apiKeyPermissions: ['documents:create']`: production
// papra), not the key.
const NOT_SECRET_NAME_RE =
  /name|label|placeholder|field|type|charset$|alphabet$|chars$|characters$|ur[il]s?$|endpoint|path|route|header|prefix|suffix|length|len$|size|ttl|expir|timeout|lifetime|maxage|count|regex|pattern|message|msg|error|hint|text|title|description|help|id$|ids$|arn$|version|kind|mode|method|algorithm|alg$|storage|param|query|envvar|variable|env$|file|dir$|location|hash|digest|encrypted|policy|rule|reset|forgot|validat|strength|input|selector|icon|visible|show|toggle|public|publishable|cachekey|tokenkey|event|topic|queue|channel|format|scope|audience|issuer|strategy|enabled|required(?![a-z]{0,16}(?:secret|token|passw(?:or)?d|pwd|apikey|passphrase)$)|status|limit|interval|mask|redact|sensitive|should|needs|tokeniz|^max|^min|^num|^total|max[a-z]{0,24}tokens|tokensper|tokenusage|tokenbudget|(?:prompt|completion|input|output|cached|reasoning|candidates?|thoughts?)tokens|tokenuse$|^accesskey$|cookie$|cookiename|algolia[a-z]*search|searchonly|ips?$|cidrs?$|hosts?$|roles?$|groups?$|allowlist|whitelist|devicetoken|pushtoken|fcmtoken|apnstoken|checkouttoken|carttoken|idempotency|lookupkey|dedupkey|sortkey|partitionkey|source$|tables?$|region$|actions?$|permissions?$/;

// An initialisation vector by its name: `iv`, `ENCRYPTION_IV`, `token.iv`, `encryptionIv`, `aesIV`,
// `TOKEN_INIT_VECTOR` (production teable's `BACKEND_ACCESS_TOKEN_ENCRYPTION_IV`); not `priv`, `PASSWORD_PRIV`.
const IV_NAME_RE = /(?:^|[-_. ])(?:iv|IV|Iv)$|[a-z\d](?:Iv|IV)$|(?:^|[-_. a-z])(?:init|INIT|Init)(?:iali[sz]ation|IALI[SZ]ATION)?[-_ ]?(?:vector|VECTOR|Vector)$/;

const ROUTE_KEY_RE = /^(?:(?:get|post|put|patch|delete|head|options|all) +)?\/[\w:.{}*/-]*$/i;

/** Normalises an identifier or setting name: `DB_PASSWORD`, `db.password`, `dbPassword` → `dbpassword`. */
export function normalizeName(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += name[i];
  }
  return out;
}

/** True for names that hold credentials: `password`, `clientSecret`, `STRIPE_API_KEY`, `x-api-key`. */
export function isSecretName(name: string): boolean {
  if (name.length < 3 || name.length > 80) return false;
  // An HTTP route or a URL path as a key (`"post /users/:userId/password/verify"`) only contains a secret word.
  if (ROUTE_KEY_RE.test(name)) return false;
  // `ENCRYPTION_IV`, `encryptionIv`: an initialisation vector is no secret (the key beside it is).
  if (IV_NAME_RE.test(name)) return false;
  const n = normalizeName(name);
  if (!SECRET_NAME_RE.test(n)) return false;
  // `translationKey`: the name of a message in a translation table, never a credential.
  if (TRANSLATION_KEY_NAME_RE.test(n)) return false;
  // `publicKey`, `tokenUrl`, `passwordLabel`, `secretName`, `NEXT_PUBLIC_…`: about a secret, not the secret.
  return !NOT_SECRET_NAME_RE.test(n);
}

/**
 * An environment setting named for the key tokens are signed with (`process.env.TOKEN_KEY || "tester"`, `JWT_TOKEN_KEY`,
 * `ACCESS_TOKEN_KEY`; retired held round 46, Swaggies's `config/jwt.js`, the key of its `jwt.sign`). In code a `TOKEN_KEY`
 * constant names where a token is kept (`localStorage.getItem(TOKEN_KEY)`), which is why {@link isSecretName} leaves the
 * name out; read from the environment it is a setting, unless its default names such a slot (`"auth_token"`).
 */
export function tokenSigningSetting(name: string, value: string): boolean {
  return /tokenkey$/.test(normalizeName(name)) && !/token/i.test(value);
}

// A translation key's name: react-i18next's `<Trans i18nKey="rsvpVerifyTitle" />` prop, a `translationKey`,
// `intlKey`, `l10nKey`, `localeKey` (production rallly). Not `TRANSLATION_API_KEY`, `deeplTranslationKey`.
const TRANSLATION_KEY_NAME_RE = /^(?:i18n|l10n|intl|translation|locale)keys?$/;

// Key names whose values are public by design: reCAPTCHA/Turnstile site keys, Supabase anon keys, client keys, VAPID public keys.
const PUBLIC_KEY_NAME_RE = /site|anon|client|browser|web|vapid|maps|recaptcha|turnstile|hcaptcha/;

/**
 * A key-named setting outside {@link isSecretName}'s words (`licenseKey`, `appKey`): the rule
 * reports it only with a random-looking value.
 */
export function isOtherKeyName(name: string): boolean {
  const n = normalizeName(name);
  // A bare `key` is a cache, storage, i18n or React key far more often than a credential.
  return n.length > 3 && n.length <= 80 && n.endsWith("key") && !NOT_SECRET_NAME_RE.test(n) && !PUBLIC_KEY_NAME_RE.test(n) && !TRANSLATION_KEY_NAME_RE.test(n);
}

const PLACEHOLDER_RE =
  /^(?:<[^<>]*>|\[[^[\]]*\]|\{\{[^{}]*\}\}|\{[^{}]*\}|\$\{[^{}]*\}|\$[A-Z_][A-Z0-9_]*|%[sd]|%\([a-z_]+\)s|:[a-z_]+|\.\.\.|…|null|none|nil|undefined|n\/a|na|tbd|todo|fixme|changeme|change-me|change_me|changeit|replaceme|replace-me|replace_me|secret-here|placeholder|redacted|removed|hidden|masked|empty|default|required|optional|string|value|example|sample|dummy)$/i;
const PLACEHOLDER_WORD_RE = /^(?:your|insert|enter|paste|replace)[-_ .a-z0-9]*$|[-_ ]here$/i;
// A provider's key prefix in small letters (`fc-`, `sk-`, `sk-proj-`, `pk_test_`, `sk_live_`, `ghp_`, `xoxb-`) before a
// placeholder written as words (`fc-YOUR_API_KEY`, `pk_test_YOUR_KEY`, `sk_live_your_stripe_key`, `ghp_PASTE_TOKEN_HERE`):
// the prefix says which key goes there. The words are separated and in one case, so a real key that happens to start
// with a word (`sk_live_yourCo51Hx…`) is not one.
const VENDOR_PREFIX_RE = /^[a-z]{1,8}(?:[-_][a-z0-9]{1,8}){0,2}[-_]/;
const PLACEHOLDER_LEAD_WORDS: ReadonlySet<string> = new Set(["your", "insert", "enter", "paste", "replace"]);

/** `YOUR_API_KEY`, `your-stripe-key`, `PASTE_TOKEN_HERE`: words in one case, the first a placeholder's or the last `here`. */
function placeholderWords(rest: string): boolean {
  if (rest !== rest.toLowerCase() && rest !== rest.toUpperCase()) return false;
  const words = rest.toLowerCase().split(/[-_ ]/);
  if (!words.every((w) => /^[a-z0-9]+$/.test(w))) return false;
  if (PLACEHOLDER_LEAD_WORDS.has(words[0]!)) return true;
  return words.length >= 2 && words[words.length - 1] === "here" && words.every((w) => /^[a-z]+$/.test(w));
}
// A key shown by its first and last characters, the middle elided: `sk-lf-...5678`, `phc_…cdef`.
const ELIDED_ENDS_RE = /^[A-Za-z0-9_-]{1,24}(?:\.{3}|…)[A-Za-z0-9]{1,8}$/;

/** Sentinels that mean "not configured": `"stripe-unconfigured"`, `"not-set"`, `"pending_provisioning"`, a setup CLI's `"skipped"` (production inbox-zero). */
export function isUnconfiguredSentinel(value: string): boolean {
  return /(?:^|[-_ ])(?:unconfigured|unset|not[-_ ]?set|not[-_ ]?configured|missing|skipped)$|^pending[-_ ]?(?:provisioning|setup|config(?:uration)?)$/i.test(value.trim());
}

/**
 * `"not-required"`, `"not-used"`, `"unused-in-socket-mode"`, `"no-key"`: a value made of words that says the setting is
 * not needed where it falls back (an OpenAI-compatible server that takes no key, a token only one mode reads). Held
 * round 27 called such a placeholder clean where the secret is unused (debatable); whether it is depends on code
 * elsewhere, so the fallback stays a finding with low confidence (docs, "Confidence").
 */
export function saysKeyUnused(value: string): boolean {
  const v = value.trim();
  return v.length <= 40 && /^[a-z][a-z0-9 _-]*$/i.test(v) && /(?:^|[-_ ])(?:not[-_ ]?(?:required|used|needed)|unused|no[-_ ]?key)(?:$|[-_ ])/i.test(v);
}

/** `fc-YOUR_API_KEY`: a placeholder written as words after a provider's key prefix (see {@link VENDOR_PREFIX_RE}). */
function prefixedPlaceholder(v: string): boolean {
  const m = VENDOR_PREFIX_RE.exec(v);
  if (!m) return false;
  // The prefix may take one segment too many (`sk_your_key`: `sk_your_` then `key`): try each shorter prefix too.
  for (let i = m[0].length; i > 1; i--) {
    const c = v[i - 1];
    if ((c === "-" || c === "_") && placeholderWords(v.slice(i))) return true;
  }
  return false;
}

/** Base32 (RFC 4648) of the digits "1234567890" repeated, padded or not: `GEZDGNBVGY3TQOJQ…`. */
const OTP_SEED_BASE32_RE = /^(?:GEZDGNBVGY3TQOJQ)+(?:GEZDGNBVGY3TQOJQGEZA|GEZDGNBVGY3TQOJQGEZDGNA)?=*$/;

/**
 * The published HOTP/TOTP test seeds (RFC 4226 appendix D, RFC 6238 appendix B): the ASCII digits
 * "1234567890" repeated to 20, 32 or 64 bytes, written as base32 (`GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ`)
 * or hex (`3132333435363738393031323334353637383930`). Every OTP library's tests carry them to check
 * the RFC's expected codes; they open nothing.
 */
function isOtpTestSeed(v: string): boolean {
  if (v.length < 32) return false;
  if (OTP_SEED_BASE32_RE.test(v)) return true;
  const hex = v.toLowerCase();
  return (hex.length === 40 || hex.length === 64 || hex.length === 128) && "3132333435363738393031323334353637383930".repeat(4).startsWith(hex);
}

/** True for values that stand in for a secret: `<your-api-key>`, `your_api_key_here`, `xxx`, `${NPM_TOKEN}`, `****`, `changeme`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_RE.test(v) || PLACEHOLDER_WORD_RE.test(v)) return true;
  if (v.length <= 80 && prefixedPlaceholder(v)) return true;
  if (v.indexOf("${") !== -1 || v.indexOf("{{") !== -1) return true;
  // Elided values: `whsec_...`, `sk_live_…`, and a key shown by its ends (`sk-lf-...5678`, `phc_…cdef`: a display value).
  if (v.endsWith("...") || v.endsWith("…") || ELIDED_ENDS_RE.test(v)) return true;
  // All-X, all-zero, all-asterisk, all-bullet, all-dot masks (allowing separators).
  if (/^[xX*•·.#0_-]+$/.test(v)) return true;
  // AWS documentation example keys (AKIAIOSFODNN7EXAMPLE, wJalr…EXAMPLEKEY) and their look-alikes.
  if (/EXAMPLE(?:KEY)?$/.test(v) || v === "JBSWY3DPEHPK3PXP") return true; // …and the TOTP example secret of RFC 6238 guides
  if (isOtpTestSeed(v)) return true;
  if (isUnconfiguredSentinel(v)) return true;
  // A stand-in word joined to a credential's word: `"example-password"`, `"sample_token"`, `"dummy-api-key"`.
  if (/^(?:example|sample|dummy|placeholder|fake)[-_ ]?(?:password|passwd|pass|secret|token|api[-_]?key|key)$|^(?:password|secret|token|api[-_]?key)[-_ ]?(?:example|sample|placeholder)$/i.test(v)) return true;
  // A marker that another service holds the credential (`password: "clerk_managed"`, `"managed_by_auth0"`).
  if (/^(?:[a-z0-9]+[-_])?managed$|^managed[-_]by[-_][a-z0-9]+$/i.test(v)) return true;
  // What a log line shows for an absent value (`payload.token_use || "unknown"`).
  if (/^(?:unknown|unavailable)$/i.test(v)) return true;
  if (/^(?:x{3,}|X{3,})[-_.]/.test(v) || /[-_.](?:x{3,}|X{3,})$/.test(v)) return true;
  // Masked values: `sk_live_****************`, `ab12••••••••`.
  if (/[*•]{4}/.test(v)) return true;
  // A stand-in word between mask characters: `***REDACTED***`, `__hidden__`, `--masked--` (a log line's
  // stand-in for the key it leaves out; held round 43, rork-escolta's `config/braintree.ts:53`).
  const unmasked = v.replace(/^[*#=_.•-]{2,}|[*#=_.•-]{2,}$/g, "");
  if (unmasked !== v && unmasked !== "" && PLACEHOLDER_RE.test(unmasked)) return true;
  return false;
}

// Values that are clearly not credentials, whatever the name says.
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ENV_NAME_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
// i18n and config keys: `auth.password`, `label.change-password`, `message.no-match-password`.
const DOTTED_KEY_RE = /^[a-z][a-zA-Z0-9_-]{0,30}(?:\.[a-zA-Z0-9_-]{1,30})+$/;
const HEADER_NAME_RE = /^x-[a-zA-Z0-9-]+$/i;
// A CSS custom property's name (`--background`, `--primary-accent`: a design token under `token`), not a value.
const CSS_CUSTOM_PROPERTY_RE = /^--[a-z][a-z0-9]*(?:-[a-z0-9]+){0,7}$/;
// A snake_case collection name holding a credential's word in the plural (`api_secrets`,
// `providers_shared_credentials`): a table, as a knex alias maps to it (`{ default_secret: "api_secrets" }`).
const SNAKE_NAME_RE = /^[a-z][a-z0-9_]*[a-z0-9]$/;
// A configuration key path whose last part names the credential (nconf's `admin:password`, `database:secret`):
// the name of a setting, as in NodeBB's map from environment names to its config keys (production NodeBB,
// session 39). Read as a user:password pair, its password would be the word itself.
const CREDENTIAL_KEY_PATH_RE = /^[a-z][a-z0-9_-]{1,30}:(?:password|passwd|secret|token|api[-_]?key|passphrase|private[-_]?key|client[-_]?secret)$/i;
const PERMISSION_ON_CREDENTIALS_RE = /^(?:api[-_]?keys|tokens|secrets|credentials|passwords|keys):[a-z]{3,}[a-z_-]{0,40}$/i;
const PLURAL_SECRET_WORDS: ReadonlySet<string> = new Set(["secrets", "tokens", "credentials", "passwords", "keys"]);

/** Two or more snake_case words, one of them a credential's word in the plural: a collection, not a credential. */
function isCollectionName(v: string): boolean {
  if (v.length > 80 || !SNAKE_NAME_RE.test(v)) return false;
  const words = v.split("_");
  return words.length >= 2 && words.every((w) => w !== "") && words.some((w) => PLURAL_SECRET_WORDS.has(w));
}

// One segment of a namespaced identifier: letters, digits, `_` and `-`, starting with a letter.
const NAMESPACE_SEGMENT_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const VERSION_TAG_RE = /^v\d{1,3}$/;

/**
 * An identifier made of named segments, as permission scopes (`environment:connections:read_credentials`),
 * lock and cache keys (`lock:cron:billingExport`) and metric names (`acme.auth.getEnvBySecretKey`)
 * are written: a lower-case word first, then two or more segments after `:` or one or more after
 * `.`, each made of words (camelCase, snake_case or kebab-case, short acronyms such as `S3DLQ`) or
 * a version tag (`v1`: `langfuse:v4:legacy-api-usage:lock:v1`). A generated value splits into
 * fragments that are not words; a `user:password` pair has one colon.
 */
function isNamespacedIdentifier(v: string): boolean {
  if (v.length > 200) return false;
  const colon = v.indexOf(":") !== -1;
  if (colon && v.indexOf(".") !== -1) return false;
  const segs = v.split(colon ? ":" : ".");
  if (segs.length < (colon ? 3 : 2) || !/^[a-z]{2,}$/.test(segs[0]!) || !/[aeiouy]/.test(segs[0]!)) return false;
  for (const seg of segs) {
    if (!NAMESPACE_SEGMENT_RE.test(seg)) return false;
    for (const part of seg.split(/[_-]/)) {
      if (part === "") return false;
      if (VERSION_TAG_RE.test(part)) continue; // `langfuse:v4:…:lock:v1`: a key's version, not a fragment
      const words = part.match(/[A-Z]?[a-z]+|[A-Z0-9]+(?![a-z])/g) ?? [];
      if (words.join("") !== part) return false;
      // A word of letters reads as one (a vowel, two letters or more); an acronym or number is short.
      for (const w of words) if (/[a-z]/.test(w) ? w.length < 2 || !/[aeiouy]/i.test(w) : w.length > 5) return false;
    }
  }
  return true;
}
// A camelCase identifier (`previewModeSigningKey`, `authToken`): a key or field name, not a value.
const CAMEL_IDENTIFIER_RE = /^[a-z]+[A-Z][a-zA-Z0-9]*$/;
const SRI_RE = /^sha(?:1|256|384|512)[-:=]/i;
const BCRYPT_RE = /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2[-a-z0-9]*|5|6)\$/;
const CSS_COLOR_RE = /^(?:#[0-9a-fA-F]{3,8}|(?:rgb|hsl)a?\(.*\))$/;
// Publishable keys, made for the browser by their providers: Stripe's and Clerk's `pk_live_`/`pk_test_`, logo.dev's
// `pk_…` (in `img.logo.dev` URLs), Omise's `pkey_`, Flutterwave's `FLWPUBK-`, Mapbox `pk.`, PostHog `phc_`.
// Their secret siblings (`sk_`, `rk_`, `phx_`) stay reported.
const PUBLIC_VALUE_RE =
  /^(?:pk_(?:live|test)_|pk_[A-Za-z0-9][A-Za-z0-9_-]{15,}$|pkey_(?:live|test)_|FLWPUBK(?:_TEST)?-|pk\.eyJ|phc_[A-Za-z0-9]{20,}$|AC[0-9a-f]{32}$|org-[A-Za-z0-9]{8,}$|G-[A-Z0-9]{6,}$|UA-\d+-\d+$|GTM-[A-Z0-9]+$|\d+:\d+:(?:web|android|ios):[0-9a-f]+$|[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com$|ssh-(?:rsa|ed25519) |ecdsa-sha2-|-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|PGP PUBLIC))/;
const TEST_CARD_RE = /^(?:4242424242424242|4000056655665556|5555555555554444|2223003122003222|5200828282828210|378282246310005|371449635398431|6011111111111117|3056930009020004|36227206271667|3566002020360505|6200000000000005)$/;
// Dependency versions (`jsonwebtoken: "^9.0.2"`) and IP addresses (`masterKeyIps: ["1.2.3.4"]`): configuration, not credentials.
const VERSION_RE = /^(?:[\^~]|[<>]=?|=)?v?\d+(?:\.(?:\d+|x|\*)){1,3}(?:-[0-9A-Za-z.-]+)?$|^(?:workspace|catalog|npm|file|link|github):/;
// An ISO 8601 date or timestamp (`"2024-10-23T07:15:34.816Z"`, a generated map's edit dates): never a credential.
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const IP_RE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?:\/\d{1,3})?$/;
const LANG_WORD_RE = /^(?:password|passwd|secret|token|api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|id[-_]?token|bearer|basic|current-password|new-password|one-time-code|authorization|client[-_]?secret|private[-_]?key|credentials?)$/i;

/** A UUID (`c70dce3a-…`): an id, except under a secret's name, where a provider issued it as the secret. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/**
 * True for values that are not credentials even under a secret name: URLs and paths, env var
 * and secret-manager names, ARNs, i18n keys, header names, UUIDs, hashes, bcrypt hashes,
 * CSS colours, data URIs, public keys and ids, test card numbers, sentences.
 */
export function isNonSecretValue(value: string): boolean {
  const v = value;
  if (v.indexOf(" ") !== -1 && !v.startsWith("Bearer ") && !v.startsWith("Basic ")) return true; // UI text, CSS classes, sentences
  const c = v[0]!;
  if (c === "/" || c === "." || c === "~" || c === "@" || c === "\\") return true; // paths, routes, package names
  if (v.indexOf("://") !== -1 || v.startsWith("data:") || v.startsWith("arn:") || v.startsWith("urn:") || v.startsWith("projects/") || v.startsWith("secret/") || v.startsWith("kv/")) return true;
  if (v.startsWith("process.env.") || v.startsWith("import.meta.env.")) return true; // code text, e.g. in a code generator
  // Secret-manager paths (`prod/acme/db`) and regex sources (`[A-Za-z0-9._~+/-]+=*`).
  if (/^[a-z0-9_.-]+\/[a-z0-9_./-]*$/.test(v) || (v.indexOf("[") !== -1 && v.indexOf("]") !== -1)) return true;
  // A regex source with a group of alternatives: `"(?:Sun|Mon|Tue|…)"` under `WEEKDAY_TOKEN`, a date format's token.
  if (/\(\?(?:[:=!]|<[=!])[^()]*\|[^()]*\)/.test(v)) return true;
  if (CAMEL_IDENTIFIER_RE.test(v) && SECRET_NAME_RE.test(normalizeName(v))) return true;
  if (/^(?:secretsmanager|ssm|vault|gcp|aws|azure|env|op):/i.test(v)) return true;
  if (ENV_NAME_RE.test(v) || DOTTED_KEY_RE.test(v) || HEADER_NAME_RE.test(v) || LANG_WORD_RE.test(v) || CSS_CUSTOM_PROPERTY_RE.test(v)) return true;
  if (isCollectionName(v) || isNamespacedIdentifier(v)) return true;
  // A permission on credentials, `resource:action` (`apikeys:import`, `credentials:read`, `tokens:create`): the
  // resource is a credential's word in the plural, the action a word (production Flowise's role migrations).
  if (PERMISSION_ON_CREDENTIALS_RE.test(v) || CREDENTIAL_KEY_PATH_RE.test(v)) return true;
  if (VERSION_RE.test(v) || IP_RE.test(v) || ISO_DATE_RE.test(v)) return true;
  if (v.length <= 16 && /^[a-z]{1,8}(?:[_-][a-z]{1,8}){0,2}[_-]$/i.test(v)) return true; // a token prefix (`refreshToken: "fbor_"`, `"acme_rt_"`), not a token
  // A store key's prefix, words closed by `:` (`tokenTransferKey = "tokenTransfer:"`, `"sess:"`, `"user:token:"`;
  // production etherpad-lite): the key of what is stored, not a token.
  // Letters and single separators (no doubled one, no nested quantifier).
  if (v.length <= 32 && /^[A-Za-z]{2}[A-Za-z_.:-]*:$/.test(v) && !/[_.:-]{2}/.test(v)) return true;
  if (UUID_RE.test(v) || SRI_RE.test(v) || BCRYPT_RE.test(v) || CSS_COLOR_RE.test(v) || PUBLIC_VALUE_RE.test(v) || TEST_CARD_RE.test(v)) return true;
  if (/^(?:include|same-origin|omit|none|strict|lax)$/i.test(v)) return true; // fetch `credentials`, cookie options
  if (/^(?:true|false|yes|no|on|off|enabled|disabled|\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y|kb|mb|gb)?)$/i.test(v)) return v.length < 6 || !/^\d+$/.test(v);
  // jwt.io's example, a JWT header alone or without its signature, and a Supabase anon key (public by design: in a header, a URL or a name).
  if (c === "e" && v.startsWith("eyJ") && (isExampleJwt(v) || isJwtHeaderOnly(v) || isUnsignedJwt(v) || isPublicJwt(v))) return true;
  if (/^(?:HS|RS|ES|PS)(?:256|384|512)$|^EdDSA$|^aes-\d{3}-[a-z]+$|^sha\d+$|^md5$|^base64(?:url)?$|^hex$|^utf-?8$/i.test(v)) return true;
  return false;
}

/**
 * A Google app password as Gmail shows it, four groups of four lower-case letters
 * (`"abcd efgh ijkl mnop"`, what nodemailer's `auth.pass` holds): spaced, but not UI text.
 */
export function isAppPassword(value: string): boolean {
  return value.length === 19 && /^[a-z]{4}(?: [a-z]{4}){3}$/.test(value);
}

// "Password" in a label's own language (`password: "mot de passe"` in a table of login-method labels).
const PASSWORD_WORD_LABEL_RE = /pass|contrase|senha|kennwort|parol|clave|wachtwoord|haslo/;
// Words of validation messages and UI text (`password: "is required"`, `"must match"`), never of a passphrase.
const MESSAGE_WORD_RE = /\b(?:is|are|be|not|no|must|should|required|invalid|incorrect|wrong|missing|empty|short|long|least|most|characters?|chars?|match(?:es)?|enter|please|your|the|cannot|can't|too|at|of|for|to|and|or)\b/;

/**
 * A lower-case passphrase of two to six words (`secret: "keyboard cat"`, `sessionSecret: "my
 * session secret"`): what express-session's README and its copies put in config objects. Text a
 * person reads is capitalised or says what to do (`"Is required"`, `"must match"`); this is neither.
 */
export function isLowercasePassphrase(value: string): boolean {
  if (value.length < 6 || value.length > 48) return false;
  const words = value.split(" ");
  // Each word lower-case letters and digits, with inner `-` or `'` (`don't`, `top-secret`); one space between words.
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^[a-z0-9][a-z0-9'-]*$/.test(w) && !/[-']$|[-']{2}/.test(w))) return false;
  return !MESSAGE_WORD_RE.test(value) && !PASSWORD_WORD_LABEL_RE.test(value);
}

/**
 * Test credentials a provider publishes for its sandbox, the same in every sandbox app and
 * tutorial: they grant nothing outside the sandbox. Kept as SHA-256 digests, so the source holds
 * no credential-shaped value (and no scanner reports this file). Each entry names its source.
 */
const PUBLISHED_SANDBOX_SHA256: ReadonlySet<string> = new Set([
  // Safaricom Daraja (M-Pesa) sandbox: the Lipa Na M-Pesa Online passkey of test shortcode 174379,
  // listed on the Daraja portal's test credentials page (https://developer.safaricom.co.ke/test_credentials).
  "6b933448d12f658cae3204515c314d7745b132307854ba107b16922825446b73",
]);

// Cloudflare Turnstile's dummy secret keys (always passes, always fails, "token already spent"):
// https://developers.cloudflare.com/turnstile/troubleshooting/testing/ (held round 29).
const TURNSTILE_DUMMY_SECRET_RE = /^[123]x0{31}AA$/;

/** True for a provider's published sandbox test value ({@link PUBLISHED_SANDBOX_SHA256}, Turnstile's dummy secrets). */
export function isPublishedSandboxValue(value: string): boolean {
  if (TURNSTILE_DUMMY_SECRET_RE.test(value)) return true;
  // Every entry is 64 hex characters: nothing else is hashed.
  if (value.length !== 64 || !/^[0-9a-f]+$/.test(value)) return false;
  return PUBLISHED_SANDBOX_SHA256.has(createHash("sha256").update(value).digest("hex"));
}

/**
 * A JWT whose payload says it is public by design: a Supabase anon key (`"role":"anon"`), which
 * browsers hold and row-level security guards. A service-role key is not.
 */
export function isPublicJwt(value: string): boolean {
  if (!value.startsWith("eyJ") || value.length > 4096) return false;
  const parts = value.split(".");
  if (parts.length !== 3) return false;
  const payload = Buffer.from(parts[1]!.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return /"role"\s*:\s*"anon"/.test(payload);
}

/**
 * A Supabase service-role key: a JWT whose payload says `"role":"service_role"`. It bypasses
 * row-level security, so it is a secret under any name or none (`createClient(url, "eyJ…")`).
 * The local-development key every `supabase start` prints (`"iss":"supabase-demo"`) is public.
 */
export function isServiceRoleJwt(value: string): boolean {
  if (value.length < 100 || value.length > 4096 || !value.startsWith("eyJ")) return false;
  const parts = value.split(".");
  if (parts.length !== 3 || parts[2]!.length < 16) return false;
  const payload = jwtSegment(parts[1]!);
  return payload !== undefined && payload.role === "service_role" && payload.iss !== "supabase-demo";
}

/** The JSON object a base64url segment of a JWT decodes to, or undefined. */
function jwtSegment(segment: string): Record<string, unknown> | undefined {
  if (segment.length > 4096 || !/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return undefined;
  const text = Buffer.from(segment.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  if (!text.startsWith("{")) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not JSON: not a JWT segment
  }
}

/**
 * jwt.io's public example token, whose payload is `{"sub":"1234567890","name":"John Doe",…}`
 * (the debugger's default, copied into docs and test specs): everyone has it, it grants nothing.
 */
export function isExampleJwt(value: string): boolean {
  const parts = value.split(".");
  if (parts.length !== 3) return false;
  const payload = jwtSegment(parts[1]!);
  return payload !== undefined && payload.sub === "1234567890" && payload.name === "John Doe";
}

// The parameters a JWT header (JOSE header) holds: no credential among them.
const JWT_HEADER_PARAMS = new Set(["alg", "typ", "kid", "cty", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "crit", "enc", "zip"]);

/** The base64url JWT header alone (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`): no payload, no signature, no token. */
export function isJwtHeaderOnly(value: string): boolean {
  if (value.indexOf(".") !== -1) return false;
  const header = jwtSegment(value);
  return header !== undefined && typeof header.alg === "string" && Object.keys(header).every((k) => JWT_HEADER_PARAMS.has(k));
}

/**
 * A JWT's header and payload without a signature (`eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ`, also with the
 * empty third part of `alg: none`): a sample claim set no verifier of a signed algorithm accepts, so it
 * grants nothing (production Flowise's URL-encoding test). A signed token stays a credential.
 */
export function isUnsignedJwt(value: string): boolean {
  const parts = value.split(".");
  if (parts.length < 2 || parts.length > 3 || (parts.length === 3 && parts[2] !== "")) return false;
  const header = jwtSegment(parts[0]!);
  if (header === undefined || typeof header.alg !== "string" || !Object.keys(header).every((k) => JWT_HEADER_PARAMS.has(k))) return false;
  return jwtSegment(parts[1]!) !== undefined;
}

/**
 * The readable text a base64 value decodes to (`bXktc2VjcmV0LWtleQ==` → `my-secret-key`), or
 * undefined when it decodes to bytes (a random key's base64 does, all but always).
 */
export function base64Text(value: string): string | undefined {
  if (value.length < 12 || value.length > 1024 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const text = Buffer.from(value, "base64").toString("latin1");
  return /^[\x20-\x7e]+$/.test(text) && /[A-Za-z]/.test(text) ? text : undefined;
}

/**
 * The readable text the body of a prefixed token decodes to: `acme_7bWFkZS11…` is `acme_` and a
 * version character before base64 of `made-up_test_key`, a key made up for a test. The body is
 * tried from its first four characters on, cut to whole base64 groups; a random body decodes to
 * bytes (12 printable characters by chance about once in a few million).
 */
export function prefixedBase64Text(value: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9]{1,15}[_-]([A-Za-z0-9+/]{16,1024})$/.exec(value);
  if (m === null) return undefined;
  const body = m[1]!;
  for (let off = 0; off < 4; off++) {
    const rest = body.slice(off);
    const text = base64Text(rest.slice(0, rest.length - (rest.length % 4)));
    if (text !== undefined && text.length >= 12 && /[A-Za-z]{3}/.test(text)) return text;
  }
  return undefined;
}

// A wrong value on purpose (a negative login check): `wrongpassword`, `invalid-token`, `bad_secret1`.
const DELIBERATELY_WRONG_RE = /^(?:wrong|invalid|incorrect|bad|not[-_]?the)[-_ ]?(?:pass(?:word)?|pwd|secret|token|key|credentials?)[-_ ]?\d*$/i;

// A stored password digest with its salt, in hex, as scrypt and pbkdf2 helpers write it (`${hash}.${salt}`,
// `salt:hash`): a 64-byte (or 32-byte) digest beside a 16-to-32-byte salt. Judged only under a password
// name: an id:secret pair of hex (Ghost's admin API key, `<24 hex>:<64 hex>`) is a credential elsewhere.
const SALTED_DIGEST_RE = /^(?:[0-9a-f]{64}|[0-9a-f]{128})[.:$][0-9a-f]{16,64}$|^[0-9a-f]{16,64}[.:$](?:[0-9a-f]{64}|[0-9a-f]{128})$/i;

/**
 * A password's stored digest with its salt (`"b22f…1695.2432…61fd"`, scrypt's hex hash and salt): what a
 * seeder writes for an account, not the password; a comment that gives the password away does not
 * make the digest one (the docs: hashes are not credentials).
 */
export function isSaltedDigest(value: string): boolean {
  return value.length >= 81 && value.length <= 260 && SALTED_DIGEST_RE.test(value);
}

/** True for values that are wrong on purpose, for a negative check, and hold no credential. */
export function isDeliberatelyWrong(value: string): boolean {
  return DELIBERATELY_WRONG_RE.test(value);
}

/** True when the value looks randomly generated: long enough, mixed classes, many distinct characters. */
export function looksRandom(value: string): boolean {
  return value.length >= 16 && randomShape(value, 12) && !FAKE_IN_TEST_RE.test(value) && !FAKE_LEET_RE.test(deleet(value));
}

/**
 * A long value a generator wrote (40 characters or more), judged without the list of made-up
 * words: a 150-character session cookie holds `dev`, `Bad` or `12345` somewhere about once in
 * thirty draws, which `looksRandom` would read as typed by hand.
 */
export function looksGeneratedLong(value: string): boolean {
  return value.length >= 40 && value.length <= 4096 && randomShape(value, 16) && !hasAlphabetRun(value);
}

/**
 * A credential's value, not an example of one: 16 characters or more, no placeholder or elision
 * (`"g.a000…0076"`), generated rather than typed (`"account-secret"`, `"randomstring"` in a test).
 * A long generated value counts even when a made-up word shows up in it by chance, except where
 * made-up values are the rule (`lenient`: tests, examples).
 */
export function generatedCredential(value: string, lenient: boolean): boolean {
  if (value.length < 16 || isPlaceholder(value) || value.indexOf("...") !== -1 || value.indexOf("…") !== -1) return false;
  return !handTyped(value) || (!lenient && looksGeneratedLong(value));
}

/** Printable ASCII without spaces, two classes of characters or more, no words or pattern, `minUnique` distinct characters. */
function randomShape(value: string, minUnique: number): boolean {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    // Generators write printable ASCII without spaces: a space or a letter of another script (`Privatschlüssel`, `私钥`) is text.
    else if (c <= 32 || c >= 127) return false;
  }
  if (lower + upper + digit < 2) return false;
  if (isReadableWords(value) || isPatterned(value)) return false;
  let seen = "";
  for (let i = 0; i < value.length && seen.length < minUnique; i++) if (seen.indexOf(value[i]!) === -1) seen += value[i];
  return seen.length >= minUnique;
}

// Words people write with a number inside, between separators: end-to-end, business-to-business, internationalisation;
// and a version tag (`v1`, `v4`: `langfuse:v4:legacy-api-usage:lock:v1`, `v4-beta-intro-dialog-seen`).
const NUMERONYM_RE = /(?<![A-Za-z0-9])(?:e2e|b2b|b2c|p2p|i18n|l10n|a11y|k8s|v\d{1,3})(?![A-Za-z0-9])/gi;

// Digits and signs people put in words (`P4ssw0rd`, `MyC0mpl3x`), read as the letters they stand for.
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a" };

/**
 * Made of words a person typed, not generated: camelCase or separated words that each read as
 * a word (a vowel; single letters only `I` and `A`), digits and signs between them or standing
 * for letters, and an optional short prefix (`fbk_`): `failedLoginAttemptsThreshold`,
 * `oldKeyThatILoved`, `Str0ng-unique-passphrase`, `fbk_orgLevelApiKey456`,
 * `oauth:user_1:client_1`. Random text (`TrKKe1WEonm2aXjZ`, hex) splits into fragments that do not.
 */
function isReadableWords(value: string): boolean {
  if (value.length > 200) return false;
  // `e2e-default-channel` (production vendure's e2e channel token), `i18n`, `k8s`: a numeronym is a word.
  const spelled = value.replace(NUMERONYM_RE, "word");
  let text = "";
  for (let i = 0; i < spelled.length; i++) {
    const c = spelled[i]!;
    const leet = LEET[c];
    // A stand-in letter only inside a word: a letter on its left, or a letter on its right after a capital start.
    text += leet !== undefined && /[A-Za-z]/.test(spelled[i - 1] ?? "") && /[a-z]/.test(spelled[i + 1] ?? "") ? leet : c;
  }
  const tokens = text.split(/[^A-Za-z]+/).filter((t) => t !== "");
  // A short lowercase prefix before `_` or `-` (`fbk_`, `ghp_`, `sk-`): a vendor tag, not a word, but typed
  // all the same (its letters count as typed: `ghp_new_token_456`).
  let letters = 0;
  if (tokens.length > 1 && /^[a-z]{2,4}[_-]/.test(text) && !/[aeiouy]/.test(tokens[0]!)) letters += tokens.shift()!.length;
  // The `x-` of an extension name (`x-api-version`, an OpenAPI `x-hexabot:resourceRef`): a marker, not a word of its own
  // (session 43, production Hexabot's `WORKFLOW_RESOURCE_REF_METADATA_KEY`).
  else if (tokens.length > 2 && /^x-[a-z]/.test(text) && tokens[0] === "x") tokens.shift();
  // An upper-case word standing alone between separators (`AWAITING_APPROVAL`, `quality-EVAL-NUMERIC`) is
  // written in SCREAMING case; one a digit or another case touches (`AKIA4QWERTZ`, `TrKKe1WEonm`) is a fragment.
  const screaming = screamingWords(text);
  const words = tokens.flatMap((t) => t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []);
  for (const w of words) {
    if (w.length === 1 ? w !== "I" && w !== "A" : !/[aeiouy]/i.test(w) || (w.length > 3 && w === w.toUpperCase() && !screaming.has(w))) return false;
    letters += w.length;
  }
  return words.length >= 2 && letters >= 8 && letters * 5 >= value.length * 3;
}

/**
 * The upper-case words of `text` that stand alone between separators (`_`, `-`, `:`, `.`, `/`) or
 * the ends, in a value that has such a separator: `run-1:AWAITING_APPROVAL` gives `AWAITING` and
 * `APPROVAL`. Each reads as a word (a vowel, no run of four consonants) of at most 16 letters.
 */
function screamingWords(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  if (!/[-_:./]/.test(text)) return out;
  for (const seg of text.split(/[-_:./]/)) {
    if (seg.length > 3 && seg.length <= 16 && /^[A-Z]+$/.test(seg) && /[AEIOUY]/.test(seg) && !/[^AEIOUY]{4}/.test(seg)) out.add(seg);
  }
  return out;
}

/**
 * A pattern, not a random draw: mostly consecutive characters (`0123456789abcdef`, `ABCDEFGH…`,
 * `a1B2c3D4…`), or a short unit repeated.
 */
function isPatterned(value: string): boolean {
  const v = value.toLowerCase();
  const n = v.length;
  for (const stride of [1, 2]) {
    let steps = 0;
    for (let i = 0; i + stride < n; i++) if (v.charCodeAt(i + stride) === v.charCodeAt(i) + 1) steps++;
    if (steps * 2 >= n - stride) return true;
  }
  // Bounded: a unit repeated at least three times, looked for in values of at most 256 characters.
  for (let unit = 1; n <= 256 && unit <= n / 3; unit++) if (v.slice(unit) === v.slice(0, n - unit)) return true;
  return false;
}

// The longer fake words, also when written with stand-in digits and signs (`P@ssw0rd`, `S3cr3t`).
const FAKE_LEET_RE = /passw|secret|dummy|example|sample|changeme|invalid/i;

function deleet(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) out += LEET[value[i]!] ?? (value[i] === "$" ? "s" : value[i]);
  return out;
}

const FAKE_IN_TEST_RE = /test|fake|dummy|mock|stub|example|sample|invalid|wrong|bad|expired|secret|passw|changeme|foo|bar|baz|qux|local|dev|abc123|12345|qwerty/i;

/** A password that says it is made up (`testpass`, `super-secret`, `s3cret`) or reads as words a person typed. */
export function looksMadeUp(value: string): boolean {
  return FAKE_IN_TEST_RE.test(value) || FAKE_LEET_RE.test(deleet(value)) || isReadableWords(value);
}

/**
 * Typed by hand where the docs allow made-up values (tests, examples): not random-looking, or
 * holding a run of 5 or more consecutive letters or digits, case-insensitive
 * (`unkey_3ZZ8gT8vQk2mN4pXwYbCdEf`, `…Hijkl…`, `…45678…`), or of 6 or more of one character
 * (`6LeIx…-2x000000000000AA`). A generated key has such a run by chance about once in a few
 * hundred thousand.
 */
export function handTyped(value: string): boolean {
  return !looksRandom(value) || hasAlphabetRun(value) || hasAlphabetTriples(value);
}

export function hasAlphabetRun(value: string): boolean {
  return scanRuns(value, false);
}

/**
 * Four or more runs of 3 consecutive letters or digits in a value of 128 characters or fewer, as
 * fixtures are typed (`sk_a_b-c_d5_def456ghi789jkl012mno345pqr678`, `abc123def456ghi789`; production
 * rallly's API-key prefix test). A generated value of 40 characters has one such run about once in
 * thirty draws, and four about once in a million.
 */
function hasAlphabetTriples(value: string): boolean {
  return value.length <= 128 && scanRuns(value, true);
}

/**
 * One pass, case-insensitive: a run of 5 or more consecutive letters or digits or of 6 or more of
 * one character, or (`triples`) four runs of 3 consecutive ones, each counted once (`abcdef` is two).
 */
function scanRuns(value: string, triples: boolean): boolean {
  const v = value.toLowerCase();
  let run = 1;
  let same = 1;
  let runs = 0;
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    run = alnum && c === v.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    same = alnum && c === v.charCodeAt(i - 1) ? same + 1 : 1;
    if (!triples && (run >= 5 || same >= 6)) return true;
    if (triples && run === 3) {
      run = 1;
      if (++runs >= 4) return true;
    }
  }
  return false;
}

/** Obviously fake, low-value credentials that tests use: `test-secret`, `password123`, `sk_test_fake…`. */
export function isObviouslyFakeForTests(value: string): boolean {
  return !looksRandom(value);
}

/**
 * SCREAMING_SNAKE_CASE of an identifier or setting name: `stripeSecretKey` → `STRIPE_SECRET_KEY`,
 * `db.password` → `DB_PASSWORD`, `x-api-key` → `X_API_KEY`.
 */
export function toEnvName(name: string): string {
  // One pass, no regex: a word break before an upper-case letter that follows a lower-case
  // letter or digit, or that starts a word after an acronym (`APIKey` → `API_KEY`).
  let out = "";
  for (let i = 0; i < name.length && i < 200; i++) {
    const c = name[i]!;
    const alnum = /[A-Za-z0-9]/.test(c);
    if (!alnum) {
      if (out !== "" && !out.endsWith("_")) out += "_";
      continue;
    }
    const upper = c >= "A" && c <= "Z";
    const prev = name[i - 1] ?? "";
    const next = name[i + 1] ?? "";
    const prevLowerOrDigit = (prev >= "a" && prev <= "z") || (prev >= "0" && prev <= "9");
    const acronymEnd = prev >= "A" && prev <= "Z" && next >= "a" && next <= "z";
    if (upper && (prevLowerOrDigit || acronymEnd) && out !== "" && !out.endsWith("_")) out += "_";
    out += c.toUpperCase();
  }
  out = out.endsWith("_") ? out.slice(0, -1) : out;
  if (out === "") return "SECRET";
  return /^[0-9]/.test(out) ? `_${out}` : out;
}

/** Names so generic that the env var name borrows the enclosing object's name: `db: { password }` → `DB_PASSWORD`. */
export function isGenericName(name: string): boolean {
  return /^(?:password|passwd|pwd|pass|secret|token|key|apikey|api_key|accesstoken|access_token|clientsecret|client_secret|privatekey|private_key|passphrase|auth|credentials|secretkey|secret_key)$/i.test(name);
}

/** What the secret is, by its name when only the name tells: `adminPassword` holds a password. */
export function kindOfName(name: string): string {
  const n = name.toLowerCase();
  if (/passphrase/.test(n)) return "passphrase";
  if (/pass|pwd/.test(n)) return "password";
  if (/token/.test(n)) return "token";
  if (/secret/.test(n)) return "secret";
  if (/key|sig|vapid/.test(n)) return "key";
  return "credential";
}
