/**
 * Provider-shaped secrets: one named constant per provider, each linked to the provider's
 * published format. Every pattern is linear-time: a fixed literal prefix, then bounded
 * character classes with no nested or overlapping quantifiers, and no trailing assertion
 * after an unbounded run (length and boundary checks happen in code, after the match).
 *
 * Scanning cost does not grow with the number of providers: {@link PREFIX_RE} is one
 * alternation of the literal prefixes, run once over a string; only the provider whose
 * prefix matched runs its (sticky) body pattern at that offset.
 */

export interface ProviderPattern {
  /** Stable id, used in tests. */
  id: string;
  /** Human name used in messages: "Stripe live secret key". */
  label: string;
  /** Regex source of the literal prefix (no quantifiers). */
  prefix: string;
  /** Sticky pattern of the whole token, tried where the prefix matched. */
  body: RegExp;
  /** Shown in redacted hints (public, provider-defined): `sk_live_`. */
  publicPrefix: string;
  /** Default environment variable name for the move-to-env fix. */
  envName: string;
  /** Vendor word that, when already in the context name, makes that name the env name. */
  vendor: string;
  /** Where the format is published. */
  docs: string;
  /** Extra check on the matched token (e.g. doc example keys, fake bodies). */
  accept?: (token: string) => boolean;
  /**
   * Length of the provider's URL in front of a key that sits in its path
   * (`https://v6.exchangerate-api.com/v6/<key>`): the match starts at the URL, the secret after it.
   */
  lead?: number;
}

const ALNUM = "A-Za-z0-9";

function sticky(source: string): RegExp {
  return new RegExp(source, "y");
}

// AWS access key ids: 4-letter type prefix + 16 upper-case base32 chars.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
export const AWS_ACCESS_KEY_ID: ProviderPattern = {
  id: "awsAccessKeyId",
  label: "AWS access key id",
  prefix: "(?:AKIA|ASIA|ABIA|ACCA)",
  body: sticky("(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"),
  publicPrefix: "AKIA",
  envName: "AWS_ACCESS_KEY_ID",
  vendor: "AWS",
  docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html",
  // The documentation's example key (AKIAIOSFODNN7EXAMPLE) and its look-alikes are not secrets.
  accept: (t) => !t.endsWith("EXAMPLE"),
};

// GitHub tokens: ghp_ (classic PAT), gho_ (OAuth), ghu_ (user-to-server), ghs_ (server-to-server), ghr_ (refresh).
// https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
export const GITHUB_TOKEN: ProviderPattern = {
  id: "githubToken",
  label: "GitHub token",
  prefix: "gh[pousr]_",
  body: sticky(`gh[pousr]_[${ALNUM}]{36}`),
  publicPrefix: "gh",
  envName: "GITHUB_TOKEN",
  vendor: "GITHUB",
  docs: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
};

// GitHub fine-grained personal access tokens: github_pat_ + 22 + _ + 59.
// https://github.blog/changelog/2022-10-18-introducing-fine-grained-personal-access-tokens/
export const GITHUB_FINE_GRAINED_PAT: ProviderPattern = {
  id: "githubFineGrainedPat",
  label: "GitHub fine-grained token",
  prefix: "github_pat_",
  body: sticky(`github_pat_[${ALNUM}]{22}_[${ALNUM}]{59}`),
  publicPrefix: "github_pat_",
  envName: "GITHUB_TOKEN",
  vendor: "GITHUB",
  docs: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
};

// GitLab personal/project access tokens.
// https://docs.gitlab.com/ee/security/token_overview.html#token-prefixes
export const GITLAB_TOKEN: ProviderPattern = {
  id: "gitlabToken",
  label: "GitLab access token",
  prefix: "glpat-",
  body: sticky(`glpat-[${ALNUM}_-]{20}`),
  publicPrefix: "glpat-",
  envName: "GITLAB_TOKEN",
  vendor: "GITLAB",
  docs: "https://docs.gitlab.com/ee/security/token_overview.html#token-prefixes",
};

// Slack bot/user/app tokens: xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-; app-level xapp-.
// https://api.slack.com/authentication/token-types
export const SLACK_TOKEN: ProviderPattern = {
  id: "slackToken",
  label: "Slack token",
  prefix: "xox[abposre]-",
  body: sticky(`xox[abposre]-[0-9]{6,20}-[${ALNUM}-]{8,80}`),
  publicPrefix: "xox",
  envName: "SLACK_TOKEN",
  vendor: "SLACK",
  docs: "https://api.slack.com/authentication/token-types",
};

export const SLACK_APP_TOKEN: ProviderPattern = {
  id: "slackAppToken",
  label: "Slack app-level token",
  prefix: "xapp-",
  body: sticky(`xapp-[0-9]-[A-Z0-9]{8,16}-[0-9]{6,20}-[a-f0-9]{32,80}`),
  publicPrefix: "xapp-",
  envName: "SLACK_APP_TOKEN",
  vendor: "SLACK",
  docs: "https://api.slack.com/authentication/token-types#app-level",
};

// Slack incoming webhooks: https://hooks.slack.com/services/T…/B…/<24 chars>.
// https://api.slack.com/messaging/webhooks
export const SLACK_WEBHOOK: ProviderPattern = {
  id: "slackWebhook",
  label: "Slack webhook URL",
  prefix: "https://hooks\\.slack\\.com/services/",
  body: sticky(`https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,16}/B[A-Z0-9]{6,16}/[${ALNUM}]{20,40}`),
  publicPrefix: "",
  envName: "SLACK_WEBHOOK_URL",
  vendor: "SLACK",
  docs: "https://api.slack.com/messaging/webhooks",
};

// Stripe secret and restricted keys, live and test mode (test keys are real credentials too).
// https://docs.stripe.com/keys#obtain-api-keys
export const STRIPE_SECRET_KEY: ProviderPattern = {
  id: "stripeSecretKey",
  label: "Stripe live secret key",
  prefix: "sk_live_",
  body: sticky(`sk_live_[${ALNUM}]{20,128}`),
  publicPrefix: "sk_live_",
  envName: "STRIPE_SECRET_KEY",
  vendor: "STRIPE",
  docs: "https://docs.stripe.com/keys",
};

export const STRIPE_RESTRICTED_KEY: ProviderPattern = {
  id: "stripeRestrictedKey",
  label: "Stripe live restricted key",
  prefix: "rk_live_",
  body: sticky(`rk_live_[${ALNUM}]{20,128}`),
  publicPrefix: "rk_live_",
  envName: "STRIPE_SECRET_KEY",
  vendor: "STRIPE",
  docs: "https://docs.stripe.com/keys#limit-access",
};

export const STRIPE_TEST_KEY: ProviderPattern = {
  id: "stripeTestKey",
  label: "Stripe test secret key",
  prefix: "[sr]k_test_",
  body: sticky(`[sr]k_test_[${ALNUM}]{20,128}`),
  publicPrefix: "sk_test_",
  envName: "STRIPE_SECRET_KEY",
  vendor: "STRIPE",
  docs: "https://docs.stripe.com/keys#test-live-modes",
};

// Stripe webhook signing secrets.
// https://docs.stripe.com/webhooks#verify-webhook-signatures-with-official-libraries
export const STRIPE_WEBHOOK_SECRET: ProviderPattern = {
  id: "stripeWebhookSecret",
  label: "Stripe webhook signing secret",
  prefix: "whsec_",
  body: sticky(`whsec_[${ALNUM}+/=]{24,128}`),
  publicPrefix: "whsec_",
  envName: "STRIPE_WEBHOOK_SECRET",
  vendor: "STRIPE",
  docs: "https://docs.stripe.com/webhooks",
};

// Google API keys (Maps, Firebase web config, Gemini): AIza + 35 chars.
// https://cloud.google.com/docs/authentication/api-keys
export const GOOGLE_API_KEY: ProviderPattern = {
  id: "googleApiKey",
  label: "Google API key",
  prefix: "AIza",
  body: sticky(`AIza[${ALNUM}_-]{35}`),
  publicPrefix: "AIza",
  envName: "GOOGLE_API_KEY",
  vendor: "GOOGLE",
  docs: "https://cloud.google.com/docs/authentication/api-keys",
};

// Anthropic API keys: sk-ant-api03-…, admin keys sk-ant-admin01-….
// https://docs.anthropic.com/en/api/getting-started#authentication
export const ANTHROPIC_API_KEY: ProviderPattern = {
  id: "anthropicApiKey",
  label: "Anthropic API key",
  prefix: "sk-ant-",
  body: sticky(`sk-ant-(?:api|admin)[0-9]{2}-[${ALNUM}_-]{80,200}`),
  publicPrefix: "sk-ant-",
  envName: "ANTHROPIC_API_KEY",
  vendor: "ANTHROPIC",
  docs: "https://docs.anthropic.com/en/api/getting-started",
};

// OpenRouter API keys: sk-or-v1- + 64 hex (an OpenAI-compatible API: projects hand them to the openai SDK
// with OpenRouter's baseURL; held round 32: hackaithon-ec's server/lib/deepseek.ts).
// https://openrouter.ai/docs/api-reference/authentication
export const OPENROUTER_API_KEY: ProviderPattern = {
  id: "openrouterApiKey",
  label: "OpenRouter API key",
  prefix: "sk-or-v1-",
  body: sticky("sk-or-v1-[0-9a-f]{64}(?![0-9A-Za-z])"),
  publicPrefix: "sk-or-v1-",
  envName: "OPENROUTER_API_KEY",
  vendor: "OPENROUTER",
  docs: "https://openrouter.ai/docs/api-reference/authentication",
};

// xAI (Grok) API keys: xai- + 70 to 120 characters (84 as issued).
// https://docs.x.ai/docs/api-reference#authentication
export const XAI_API_KEY: ProviderPattern = {
  id: "xaiApiKey",
  label: "xAI API key",
  prefix: "xai-",
  body: sticky(`xai-[${ALNUM}_-]{70,120}(?![${ALNUM}_-])`),
  publicPrefix: "xai-",
  envName: "XAI_API_KEY",
  vendor: "XAI",
  docs: "https://docs.x.ai/docs/api-reference#authentication",
};

// Perplexity API keys: pplx- + 48.
// https://docs.perplexity.ai/guides/getting-started
export const PERPLEXITY_API_KEY: ProviderPattern = {
  id: "perplexityApiKey",
  label: "Perplexity API key",
  prefix: "pplx-",
  body: sticky(`pplx-[${ALNUM}]{48}(?![${ALNUM}])`),
  publicPrefix: "pplx-",
  envName: "PERPLEXITY_API_KEY",
  vendor: "PERPLEXITY",
  docs: "https://docs.perplexity.ai/guides/getting-started",
};

// Replicate API tokens: r8_ + 37.
// https://replicate.com/docs/topics/security/api-tokens
export const REPLICATE_API_TOKEN: ProviderPattern = {
  id: "replicateApiToken",
  label: "Replicate API token",
  prefix: "r8_",
  body: sticky(`r8_[${ALNUM}]{37}(?![${ALNUM}])`),
  publicPrefix: "r8_",
  envName: "REPLICATE_API_TOKEN",
  vendor: "REPLICATE",
  docs: "https://replicate.com/docs/topics/security/api-tokens",
};

// OpenAI project/service-account/admin keys, and legacy user keys (sk- + 48, with the T3BlbkFJ marker).
// https://platform.openai.com/docs/api-reference/authentication
export const OPENAI_API_KEY: ProviderPattern = {
  id: "openaiApiKey",
  label: "OpenAI API key",
  prefix: "sk-(?:proj-|svcacct-|admin-)?",
  body: sticky(`sk-(?:(?:proj|svcacct|admin)-[${ALNUM}_-]{40,200}|[${ALNUM}]{32,128})`),
  publicPrefix: "sk-",
  envName: "OPENAI_API_KEY",
  vendor: "OPENAI",
  docs: "https://platform.openai.com/docs/api-reference/authentication",
};

// SendGrid API keys: SG.<22>.<43>.
// https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
export const SENDGRID_API_KEY: ProviderPattern = {
  id: "sendgridApiKey",
  label: "SendGrid API key",
  prefix: "SG\\.",
  body: sticky(`SG\\.[${ALNUM}_-]{22}\\.[${ALNUM}_-]{43}`),
  publicPrefix: "SG.",
  envName: "SENDGRID_API_KEY",
  vendor: "SENDGRID",
  docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
};

// Twilio API key secrets are not prefixed; API key SIDs are (SK + 32 hex) and come with a secret.
// https://www.twilio.com/docs/iam/api-keys
export const TWILIO_API_KEY: ProviderPattern = {
  id: "twilioApiKey",
  label: "Twilio API key SID",
  prefix: "SK",
  body: sticky("SK[0-9a-f]{32}"),
  publicPrefix: "SK",
  envName: "TWILIO_API_KEY",
  vendor: "TWILIO",
  docs: "https://www.twilio.com/docs/iam/api-keys",
};

// npm access tokens: npm_ + 36.
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
export const NPM_TOKEN: ProviderPattern = {
  id: "npmToken",
  label: "npm access token",
  prefix: "npm_",
  body: sticky(`npm_[${ALNUM}]{36}`),
  publicPrefix: "npm_",
  envName: "NPM_TOKEN",
  vendor: "NPM",
  docs: "https://docs.npmjs.com/about-access-tokens",
};

// Discord webhooks: https://discord.com/api/webhooks/<id>/<token>.
// https://discord.com/developers/docs/resources/webhook
export const DISCORD_WEBHOOK: ProviderPattern = {
  id: "discordWebhook",
  label: "Discord webhook URL",
  prefix: "https://discord(?:app)?\\.com/api/webhooks/",
  body: sticky(`https://discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[${ALNUM}_-]{60,100}`),
  publicPrefix: "",
  envName: "DISCORD_WEBHOOK_URL",
  vendor: "DISCORD",
  docs: "https://discord.com/developers/docs/resources/webhook",
};

// HubSpot private app access tokens: pat-<region>-<uuid>.
// https://developers.hubspot.com/docs/api/private-apps
export const HUBSPOT_TOKEN: ProviderPattern = {
  id: "hubspotToken",
  label: "HubSpot private app token",
  prefix: "pat-(?:na|eu|ap)[0-9]-",
  body: sticky("pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
  publicPrefix: "pat-",
  envName: "HUBSPOT_ACCESS_TOKEN",
  vendor: "HUBSPOT",
  docs: "https://developers.hubspot.com/docs/api/private-apps",
};

// Resend API keys: re_<8>_<24+>.
// https://resend.com/docs/dashboard/api-keys/introduction
export const RESEND_API_KEY: ProviderPattern = {
  id: "resendApiKey",
  label: "Resend API key",
  prefix: "re_",
  body: sticky(`re_[${ALNUM}]{8}_[${ALNUM}]{20,64}`),
  publicPrefix: "re_",
  envName: "RESEND_API_KEY",
  vendor: "RESEND",
  docs: "https://resend.com/docs/dashboard/api-keys/introduction",
};

// Mapbox secret tokens: sk.eyJ… (public pk. tokens are meant for the browser and not reported).
// https://docs.mapbox.com/accounts/guides/tokens/
export const MAPBOX_SECRET_TOKEN: ProviderPattern = {
  id: "mapboxSecretToken",
  label: "Mapbox secret token",
  prefix: "sk\\.eyJ",
  body: sticky(`sk\\.eyJ[${ALNUM}_-]{20,200}\\.[${ALNUM}_-]{20,200}`),
  publicPrefix: "sk.",
  envName: "MAPBOX_SECRET_TOKEN",
  vendor: "MAPBOX",
  docs: "https://docs.mapbox.com/accounts/guides/tokens/",
};

// Shopify admin/custom-app/private-app/shared-secret tokens.
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
export const SHOPIFY_TOKEN: ProviderPattern = {
  id: "shopifyToken",
  label: "Shopify access token",
  prefix: "shp(?:at|ca|pa|ss)_",
  body: sticky("shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"),
  publicPrefix: "shp",
  envName: "SHOPIFY_ACCESS_TOKEN",
  vendor: "SHOPIFY",
  docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
};

// Hugging Face user access tokens: hf_ + 34 letters.
// https://huggingface.co/docs/hub/security-tokens
export const HUGGINGFACE_TOKEN: ProviderPattern = {
  id: "huggingfaceToken",
  label: "Hugging Face token",
  prefix: "hf_",
  body: sticky("hf_[A-Za-z]{34}"),
  publicPrefix: "hf_",
  envName: "HF_TOKEN",
  vendor: "HF",
  docs: "https://huggingface.co/docs/hub/security-tokens",
};

// Mailgun private API keys: key- + 32 hex.
// https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/
export const MAILGUN_API_KEY: ProviderPattern = {
  id: "mailgunApiKey",
  label: "Mailgun API key",
  prefix: "key-",
  body: sticky("key-[0-9a-f]{32}"),
  publicPrefix: "key-",
  envName: "MAILGUN_API_KEY",
  vendor: "MAILGUN",
  docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
};

// Square access tokens (sq0atp-, EAAA…) and OAuth secrets (sq0csp-).
// https://developer.squareup.com/docs/build-basics/access-tokens
export const SQUARE_TOKEN: ProviderPattern = {
  id: "squareToken",
  label: "Square access token",
  prefix: "sq0(?:atp|csp)-",
  body: sticky(`sq0(?:atp|csp)-[${ALNUM}_-]{22,64}`),
  publicPrefix: "sq0",
  envName: "SQUARE_ACCESS_TOKEN",
  vendor: "SQUARE",
  docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
};

// Linear API keys: lin_api_ + 40.
// https://developers.linear.app/docs/graphql/working-with-the-graphql-api#personal-api-keys
export const LINEAR_API_KEY: ProviderPattern = {
  id: "linearApiKey",
  label: "Linear API key",
  prefix: "lin_api_",
  body: sticky(`lin_api_[${ALNUM}]{40}`),
  publicPrefix: "lin_api_",
  envName: "LINEAR_API_KEY",
  vendor: "LINEAR",
  docs: "https://developers.linear.app/docs/graphql/working-with-the-graphql-api",
};

// PyPI API tokens: pypi- + a macaroon whose first bytes encode "pypi.org".
// https://pypi.org/help/#apitoken
export const PYPI_TOKEN: ProviderPattern = {
  id: "pypiToken",
  label: "PyPI API token",
  prefix: "pypi-AgEIcHlwaS5vcmc",
  body: sticky(`pypi-AgEIcHlwaS5vcmc[${ALNUM}_-]{50,300}`),
  publicPrefix: "pypi-",
  envName: "PYPI_TOKEN",
  vendor: "PYPI",
  docs: "https://pypi.org/help/#apitoken",
};

// DigitalOcean personal access tokens.
// https://docs.digitalocean.com/reference/api/create-personal-access-token/
export const DIGITALOCEAN_TOKEN: ProviderPattern = {
  id: "digitaloceanToken",
  label: "DigitalOcean token",
  prefix: "do[opr]_v1_",
  body: sticky("do[opr]_v1_[a-f0-9]{64}"),
  publicPrefix: "do",
  envName: "DIGITALOCEAN_TOKEN",
  vendor: "DIGITALOCEAN",
  docs: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
};

// Groq API keys: gsk_ + 52.
// https://console.groq.com/docs/api-keys
export const GROQ_API_KEY: ProviderPattern = {
  id: "groqApiKey",
  label: "Groq API key",
  prefix: "gsk_",
  body: sticky(`gsk_[${ALNUM}]{48,64}`),
  publicPrefix: "gsk_",
  envName: "GROQ_API_KEY",
  vendor: "GROQ",
  docs: "https://console.groq.com/docs/api-keys",
};

// Databricks personal access tokens: dapi + 32 hex.
// https://docs.databricks.com/en/dev-tools/auth/pat.html
export const DATABRICKS_TOKEN: ProviderPattern = {
  id: "databricksToken",
  label: "Databricks token",
  prefix: "dapi",
  body: sticky("dapi[a-f0-9]{32}"),
  publicPrefix: "dapi",
  envName: "DATABRICKS_TOKEN",
  vendor: "DATABRICKS",
  docs: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
};

/**
 * A key that its provider's documented URL carries in the path: the match starts at the URL (its
 * dots escaped for the prefix), the secret after it; `key` is the key's pattern with what may follow it.
 */
function keyInUrlPath(p: Pick<ProviderPattern, "id" | "label" | "envName" | "vendor" | "docs">, url: string, key: string): ProviderPattern {
  const prefix = url.replace(/\./g, "\\.");
  return { ...p, prefix, body: sticky(prefix + key), publicPrefix: "", lead: url.length };
}

// ExchangeRate-API keys sit in the request path: https://v6.exchangerate-api.com/v6/<24 hex>/latest/USD.
export const EXCHANGERATE_API_KEY = keyInUrlPath(
  { id: "exchangerateApiKey", label: "ExchangeRate-API key", envName: "EXCHANGERATE_API_KEY", vendor: "EXCHANGERATE", docs: "https://www.exchangerate-api.com/docs/standard-requests" },
  "https://v6.exchangerate-api.com/v6/",
  "[0-9a-f]{24}(?![A-Za-z0-9])",
);

// Telegram bot tokens in the Bot API's URL, where its documentation puts them:
// https://api.telegram.org/bot<token>/sendMessage (the bare token is TELEGRAM_BOT_TOKEN_RE below).
export const TELEGRAM_BOT_URL_TOKEN = keyInUrlPath(
  { id: "telegramBotUrlToken", label: "Telegram bot token", envName: "TELEGRAM_BOT_TOKEN", vendor: "TELEGRAM", docs: "https://core.telegram.org/bots/api#making-requests" },
  "https://api.telegram.org/bot",
  "[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])",
);

/** Every prefixed provider, most specific prefix first (sk-ant- before sk-). */
export const PROVIDERS: readonly ProviderPattern[] = [
  AWS_ACCESS_KEY_ID,
  GITHUB_FINE_GRAINED_PAT,
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  SLACK_TOKEN,
  SLACK_APP_TOKEN,
  SLACK_WEBHOOK,
  STRIPE_SECRET_KEY,
  STRIPE_RESTRICTED_KEY,
  STRIPE_TEST_KEY,
  STRIPE_WEBHOOK_SECRET,
  GOOGLE_API_KEY,
  ANTHROPIC_API_KEY,
  OPENROUTER_API_KEY,
  XAI_API_KEY,
  PERPLEXITY_API_KEY,
  REPLICATE_API_TOKEN,
  MAPBOX_SECRET_TOKEN,
  OPENAI_API_KEY,
  SENDGRID_API_KEY,
  TWILIO_API_KEY,
  NPM_TOKEN,
  DISCORD_WEBHOOK,
  HUBSPOT_TOKEN,
  RESEND_API_KEY,
  SHOPIFY_TOKEN,
  HUGGINGFACE_TOKEN,
  MAILGUN_API_KEY,
  SQUARE_TOKEN,
  LINEAR_API_KEY,
  PYPI_TOKEN,
  DIGITALOCEAN_TOKEN,
  GROQ_API_KEY,
  DATABRICKS_TOKEN,
  EXCHANGERATE_API_KEY,
  TELEGRAM_BOT_URL_TOKEN,
];

/**
 * One alternation of every provider prefix, each in its own capture group so the match says
 * which provider it was. Prefixes are fixed strings: the scan is linear.
 */
export const PREFIX_RE = new RegExp(PROVIDERS.map((p) => `(${p.prefix})`).join("|"), "g");
/**
 * The same alternation without the groups, for the scan: V8 runs it about a third faster, and
 * the groups are read (from {@link PREFIX_AT_RE}) only where a prefix is.
 */
const PREFIX_SCAN_RE = new RegExp(PROVIDERS.map((p) => `(?:${p.prefix})`).join("|"), "g");
/** {@link PREFIX_RE} anchored where its lastIndex is: which provider's prefix starts there. */
const PREFIX_AT_RE = new RegExp(PREFIX_RE.source, "y");

// Shapes without a literal prefix, only checked when they are the whole string.

// Discord bot tokens: base64(user id).timestamp.hmac.
// https://discord.com/developers/docs/reference#authentication
export const DISCORD_BOT_TOKEN_RE = /^[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}$/;
// Telegram bot tokens: <bot id>:<35 chars>.
// https://core.telegram.org/bots/api#authorizing-your-bot
export const TELEGRAM_BOT_TOKEN_RE = /^[0-9]{8,10}:AA[A-Za-z0-9_-]{33}$/;
// AWS secret access keys: 40 base64 characters, recognised only next to an AWS-shaped name.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
export const AWS_SECRET_ACCESS_KEY_RE = /^[A-Za-z0-9/+]{40}$/;
/** The documentation's example secret key (and look-alikes ending in EXAMPLEKEY). */
export const AWS_DOC_SECRET_SUFFIX = "EXAMPLEKEY";
// Twilio auth tokens: 32 lower-case hex, recognised only as the second argument of `twilio()`.
// https://www.twilio.com/docs/iam/credentials/api
export const TWILIO_AUTH_TOKEN_RE = /^[0-9a-f]{32}$/;

// PEM private keys: RSA, EC, DSA, PKCS#8 (optionally ENCRYPTED), OpenSSH, PGP.
// https://www.rfc-editor.org/rfc/rfc7468#section-10 and https://www.rfc-editor.org/rfc/rfc4716
export const PEM_PRIVATE_KEY_HEADER_RE = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
/** Base64 body characters after the header (at least this many make it a key, not a header check). */
export const PEM_BODY_RE = /[A-Za-z0-9+/=]{32}/;

export interface ProviderMatch {
  provider: ProviderPattern;
  token: string;
  /** Offset of the token in the scanned string. */
  index: number;
}

const TOKEN_CHAR = /[A-Za-z0-9_\-+/=.]/;

/**
 * The first provider-shaped token in `s`, or undefined. One pass of the prefixes' alternation; the
 * provider's sticky body runs only where its prefix matched. Tokens glued to more token
 * characters on the left (`xsk_live_…`) are ignored, so prefixes inside longer words do not count.
 */
export function findProviderToken(s: string, from = 0, to = s.length): ProviderMatch | undefined {
  const re = PREFIX_SCAN_RE;
  re.lastIndex = from;
  for (let found = re.exec(s); found !== null && found.index < to; found = re.exec(s)) {
    const at = found.index;
    const before = at > 0 ? s[at - 1]! : " ";
    if (before !== "/" && before !== "=" && TOKEN_CHAR.test(before)) {
      re.lastIndex = at + 1;
      continue;
    }
    // The leftmost match of the scan is the leftmost of PREFIX_RE, and at the same place the
    // groups pick the same (first matching) alternative.
    PREFIX_AT_RE.lastIndex = at;
    const m = PREFIX_AT_RE.exec(s)!;
    let g = 1;
    while (m[g] === undefined) g++;
    const provider = PROVIDERS[g - 1]!;
    provider.body.lastIndex = at;
    const body = provider.body.exec(s);
    if (body !== null && (!provider.accept || provider.accept(body[0])) && !looksFakeToken(body[0], m[0].length)) {
      re.lastIndex = 0;
      const lead = provider.lead ?? 0;
      return { provider, token: body[0].slice(lead), index: at + lead };
    }
    re.lastIndex = at + 1;
  }
  re.lastIndex = 0;
  return undefined;
}

const FAKE_WORD_RE = /example|fake|dummy|sample|placeholder|xxxx|your|redacted|insert|replace|changeme|0000000|1234567|abcdefg|test/i;

/**
 * True when the random part of a provider-shaped token is obviously made up: a fake word,
 * a run of one character, or too few distinct characters to be random.
 */
export function looksFakeToken(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (FAKE_WORD_RE.test(body)) return true;
  return distinctChars(body, 10) < Math.min(10, Math.ceil(body.length / 4));
}

/** Number of distinct characters in `s`, counting at most up to `cap` (cheap early exit). */
export function distinctChars(s: string, cap: number): number {
  let seen = "";
  for (let i = 0; i < s.length && seen.length < cap; i++) {
    const c = s[i]!;
    if (seen.indexOf(c) === -1) seen += c;
  }
  return seen.length;
}
