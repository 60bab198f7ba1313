import rule from "../../../src/rules/hardcoded-secret/rule";
import { gitIndex } from "../../helpers/git-index";
import { dedent, type InvalidCase, RuleTester } from "../../helpers/rule-tester";

// Every secret-shaped value below is fabricated (seeded pseudo-random bodies of the right shape).

/** The fail-fast env read the move fix writes (double quotes, semicolons). */
function env(name: string, semi = ";"): string {
  return `process.env.${name} ?? (() => { throw new Error("${name} is not set")${semi} })()`;
}

/** Line/column span of `needle` in a one-line input. */
function span(code: string, needle: string, line = 1): { line: number; column: number; endColumn: number } {
  const text = code.split("\n")[line - 1]!;
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`test setup: ${needle} not in line ${line} of ${code}`);
  return { line, column: at + 1, endColumn: at + 1 + needle.length };
}

/** The "Mark as not a secret…" suggestion for a finding on line `line` (no indentation). */
function mark(code: string, caseId: string, line = 1): { title: string; output: string } {
  const lines = code.split("\n");
  const indent = /^[ \t]*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/${caseId} -- <reason>`);
  return { title: "Mark as not a secret…", output: lines.join("\n") };
}

/** The "Move secret to …" suggestion: `literal` becomes the fail-fast read of `envName` (a suggestion: it changes behaviour). */
function move(code: string, literal: string, envName: string, read = env(envName)): { title: string; output: string } {
  return { title: `Move secret to process.env.${envName}`, output: code.replace(literal, read) };
}

/** One finding on `literal`, with the suggestion to move it to `envName`; no safe fix applies. */
function moved(code: string, caseId: string, literal: string, envName: string, extra: Partial<InvalidCase> = {}): InvalidCase {
  return {
    code,
    findings: [{ case: caseId, ...span(code, literal), suggestions: [move(code, literal, envName), mark(code, caseId)] }],
    output: null,
    ...extra,
  };
}

/** One finding on `literal` with no safe fix (only the mark suggestion). */
function unfixable(code: string, caseId: string, literal: string, extra: Partial<InvalidCase> = {}): InvalidCase {
  return { code, findings: [{ case: caseId, ...span(code, literal), suggestions: [mark(code, caseId)] }], output: null, ...extra };
}

/** The "Require NAME in production" suggestion: a readable default stays outside production. */
function prodOnly(code: string, literal: string, name: string): { title: string; output: string } {
  return { title: `Require ${name} in production, keep the default elsewhere`, output: code.replace(literal, `(process.env.NODE_ENV === "production" ? (() => { throw new Error("${name} is not set"); })() : ${literal})`) };
}

/** A deliberate dev default on line `line`: "Require NAME in production" is the only fix; no plain removal, which would break local and test runs (review R1). */
function devDefault(code: string, literal: string, name: string, line = 1, message?: string): InvalidCase {
  return {
    code,
    findings: [{ case: "envFallbackLiteral", ...span(code, literal, line), ...(message ? { message } : {}), suggestions: [
      prodOnly(code, literal, name),
      mark(code, "envFallbackLiteral", line),
    ] }],
    output: null,
  };
}

/** A readable fallback on line 1: the plain removal first, then the production-only requirement. */
function readableFallback(code: string, literal: string, name: string): InvalidCase {
  return {
    code,
    findings: [{ case: "envFallbackLiteral", ...span(code, literal), suggestions: [
      { title: "Remove the insecure fallback", output: code.replace(literal, `(() => { throw new Error("${name} is not set"); })()`) },
      prodOnly(code, literal, name),
      mark(code, "envFallbackLiteral"),
    ] }],
    output: null,
  };
}

// The Daraja (M-Pesa) sandbox's published Lipa Na M-Pesa Online passkey (test shortcode 174379):
// public material, kept in pieces so that no file holds it as one credential-shaped string.
const DARAJA_SANDBOX_PASSKEY = ["bfb279f9aa9bdbcf", "158e97dd71a467cd", "2e0c893059b10f78", "e6b72ada1ed2c919"].join("");

/** A fallback for a constant named like its environment variable: the plain removal only (the production-only form is for `process.env` reads). */
function constantFallback(code: string, literal: string, name: string): InvalidCase {
  return {
    code,
    findings: [{ case: "envFallbackLiteral", ...span(code, literal), suggestions: [
      { title: "Remove the insecure fallback", output: code.replace(literal, `(() => { throw new Error("${name} is not set"); })()`) },
      mark(code, "envFallbackLiteral"),
    ] }],
    output: null,
  };
}

/** NODE_ENV and a warning next to a fallback, about other settings: not a sign that the fallback is a dev default. */
const OTHER_SETTINGS = dedent`
  const isDevMode = process.env.NODE_ENV === "development";
  const config = { debug: isDevMode, jwtSecret: process.env.JWT_SECRET || "your-secret-whatever" };
  if (!process.env.PORT) console.warn("PORT is not set");
`;

/** A refused default's line is drawn at a real refusal (held round 14): a check that only logs, a list nothing throws on, another read compared. */
const LOGS_ONLY = 'const secret = process.env.JWT_SECRET || "replace_this_jwt_key";\nif (secret === "replace_this_jwt_key") console.log("JWT_SECRET is the default");';
const LIST_NOT_THROWN = 'const secret = process.env.JWT_SECRET || "replace_this_jwt_key";\nconst notes = [];\nif (secret === "replace_this_jwt_key") notes.push("JWT_SECRET is the default");';
const OTHER_READ = 'const secret = process.env.JWT_SECRET || "replace_this_jwt_key";\nif (mode === "replace_this_jwt_key") throw new Error("bad mode");';

/** A default a const flag recognises, where the `if` on the flag only warns (held round 16): no refusal. */
const FLAG_WARNS = 'const smokePassword = process.env.SMOKE_PASSWORD || "smoke-admin-42";\nconst usingDefaultCreds = smokePassword === "smoke-admin-42";\nif (usingDefaultCreds) console.warn("SMOKE_PASSWORD is the default");';

/** Env fallbacks that are a provider key and a connection string with a password (held round 16). */
const PROVIDER_FALLBACK = 'const apiKey = process.env.GOOGLE_AI_API_KEY || "AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz";';
const DB_URL_FALLBACK = 'const pool = new Pool({ connectionString: process.env.DATABASE_URL || "postgres://app:Zq8pL2vW@localhost:5432/app" });';

const TEST_FILE = "test/auth.test.ts";

/** A git work tree at the project root whose index lists `tracked` (`undefined`: an index the engine cannot read). */
function gitRepo(tracked: string[] | undefined): Record<string, string> {
  return { ".git/HEAD": "ref: refs/heads/main\n", ...(tracked ? { ".git/index": gitIndex(["package.json", ...tracked]).toString("utf8") } : {}) };
}
const USE = "anyone who can read the code can use it.";
const READ_ENV = "Read it from an environment variable.";

new RuleTester().run(rule, {
  valid: [
    // Commented-out returns: a function not named for a credential, an elided token, a typed value.
    'export function formatId() {\n  return id.trim();\n  // return "Tk7qLm2ZpR9xW4vB8nC3jH6yS1dFGu5Ae0OiPn4Rm8Lk2Hj7Wq";\n}\n',
    'export const getToken = () => {\n  return storage.get("token");\n  // return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9....";\n};\n',
    'export const getToken = () => {\n  return storage.get("token");\n  // return "the-token-from-the-login-response-goes-here";\n};\n',
    {
      name: "a JSON Schema default of a request header (Fastify route schema, OpenAPI): what the docs UI pre-fills, not a setting",
      code: dedent`
        module.exports.MeSchema = {
          headers: {
            type: "object",
            properties: {
              "x-access-token": { type: "string", default: "your access token" },
              "x-refresh-token": { description: "the refresh token", default: "your refresh token" },
            },
          },
        };
      `,
    },
    // Placeholders standing alone.
    'const apiKey = "<your-api-key>";',
    'const apiKey = "your_api_key_here";',
    'const token = "xxx";',
    'const token = "XXXXXXXXXXXXXXXXXXXX";',
    'const secret = "0000000000000000";',
    'const npmToken = "${NPM_TOKEN}";',
    'const password = "********";',
    'const password = "";',
    'const password = "changeme";',
    'const stripeKey = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX";',
    // Environment and secret-manager lookups; names of secrets, ARNs and paths.
    "const apiKey = process.env.STRIPE_SECRET_KEY;",
    "const secret = process.env.JWT_SECRET!;",
    "const { JWT_SECRET } = process.env;",
    "const port = process.env.PORT || \"3000\";",
    "const mode = process.env.NODE_ENV ?? \"development\";",
    'const secretName = "prod/api/stripe";',
    'const secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf";',
    'const tokenEnvVar = "GITHUB_TOKEN";',
    'const API_KEY_NAME = "OPENAI_API_KEY";',
    'const secretPath = "projects/acme/secrets/db-password/versions/latest";',
    'const password = await client.getSecretValue({ SecretId: "prod/db/password" });',
    // Obviously fake values in test files.
    { code: 'const token = jwt.sign({ sub: "u1" }, "test-secret");', filename: TEST_FILE },
    { code: 'const user = { email: "a@b.c", password: "password123" };', filename: TEST_FILE },
    { code: 'const stripe = new Stripe("sk_test_fake_1234567890abcdefghij");', filename: TEST_FILE },
    { code: 'const url = "postgres://postgres:postgres@localhost:5432/test";', filename: TEST_FILE },
    { code: 'await request(app).get("/me").set("Authorization", "Bearer test-token-123");', filename: TEST_FILE },
    { code: 'process.env.JWT_SECRET = "test-jwt-secret";', filename: TEST_FILE },
    // AWS documentation example keys.
    'const accessKeyId = "AKIAIOSFODNN7EXAMPLE";',
    'const secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";',
    // Public material.
    'const publicKey = "-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEd3mBXzzIXnV0cvPhYmtmYdl0aXaFkL3b\\n-----END PUBLIC KEY-----";',
    'const cert = "-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQWvdzt8bWJJnHgBnTq1NWJ3pxnMwCgYIKoZIzj0EAwIw\\n-----END CERTIFICATE-----";',
    'const stripePublishableKey = "pk_live_51HqLyjWDarjtT1zdp7dcQwErTyUiOp";',
    'loadStripe("pk_test_51HqLyjWDarjtT1zdp7dcQwErTyUiOpAs");',
    'mapboxgl.accessToken = "pk.eyJ1IjoiYWNtZSIsImEiOiJja2x6MTIzNDU2Nzg5In0.AbCdEfGhIjKlMnOpQrStUv";',
    'Sentry.init({ dsn: "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o123456.ingest.sentry.io/4504" });',
    'const googleClientId = "123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com";',
    'const firebaseConfig = { appId: "1:123456789012:web:0a1b2c3d4e5f60718293a4", measurementId: "G-ABCDEF1234" };',
    'const twilioAccountSid = "AC0a1b2c3d4e5f60718293a4b5c6d7e8f9";',
    'const openaiOrg = "org-AbCdEfGhIjKlMnOpQrStUvWx";',
    // Hashes, UUIDs, data URIs, colours, classes, test cards.
    'const passwordHash = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";',
    'const hashedPassword = "$2b$12$KIXQJ8a0TzKZm3vV1qR0Uu7yJd2x5Qe1mW6o8pL9nB3cD4eF5gH6i";',
    'const integrity = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";',
    'const GIT_SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";',
    'const sessionToken = "3b241101-e2bb-4255-8caf-4136c566a962";',
    'const logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";',
    'const tokenColor = "#ff00aa";',
    'const passwordInputClass = "rounded border px-3 py-2 text-sm";',
    'const card = { number: "4242424242424242", cvc: "123" };',
    // UI text, labels, type="password", header names, routes, settings, regexes, redact lists.
    'const passwordLabel = "Password";',
    'const passwordHint = "Password must be at least 12 characters";',
    'const t = { "auth.password.placeholder": "Enter your password" };',
    { code: 'const f = <input type="password" name="password" autoComplete="current-password" placeholder="Password" />;', filename: "src/server/form.tsx" },
    'const API_KEY_HEADER = "x-api-key";',
    'res.setHeader("X-Auth-Token", token);',
    'router.post("/auth/token", handler);',
    'const tokenUrl = "https://oauth2.googleapis.com/token";',
    'const tokenTtl = "3600";',
    'const tokenExpiresIn = "15m";',
    'const passwordMinLength = "12";',
    "const tokenPattern = /^ghp_[A-Za-z0-9]{36}$/;",
    'const tokenRe = new RegExp("^Bearer (.+)$");',
    'const logger = pino({ redact: ["req.headers.authorization", "password", "*.token"] });',
    'const SENSITIVE_KEYS = ["password", "token", "apiKey", "secret"];',
    'const secrets = ["password", "clientSecret"];',
    'fetch(url, { credentials: "include" });',
    'const tokenType = "Bearer";',
    'const grantType = "client_credentials";',
    'const algorithm = "HS256";',
    'const c = createCipheriv("aes-256-gcm", key, iv);',
    'const h = createHmac("sha256", secret).update(body).digest("hex");',
    'const token = jwt.sign(payload, process.env.JWT_SECRET!, { algorithm: "HS256" });',
    'app.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));',
    'const authHeader = `Bearer ${token}`;',
    'const headers = { Authorization: `Bearer ${await getToken()}` };',
    'const url = `postgres://${user}:${password}@${host}:5432/app`;',
    'const url = "postgres://app@db.internal:5432/app";',
    'const url = "postgres://app:${DB_PASSWORD}@db.internal:5432/app";',
    'const url = "mongodb://user:<password>@cluster0.example.mongodb.net/app";',
    'const url = "postgres://app:secret@db.example.com:5432/app";',
    // Near misses of provider shapes.
    'const s = "ask_live_is_not_a_key_at_all";',
    'const id = "gh_not_a_token";',
    'const k = "sk-";',
    // Comments without provider-shaped secrets.
    "// set STRIPE_SECRET_KEY in .env, e.g. sk_live_...\nconst x = 1;",
    "/** Reads the password from the vault; never logs it. */\nfunction f() {}",
    // Elided and masked values, cookie and storage names.
    'const webhookSecret = "whsec_...";',
    'const apiKey = "sk_live_****************";',
    'const TOKEN_COOKIE = "acme_token";',
    'const TOKEN_STORAGE_KEY = "acme.auth.token";',
    // Getters take names, not secrets.
    'const password = await keytar.getPassword("acme-cli", "default");',
    // Key names, URNs, regex sources and generated code text under secret names.
    'const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";',
    'const PREVIEW_SIGNING_KEY = "previewModeSigningKey";',
    'const headers = { "Lock-Token": "urn:uuid:a515cfa4-5da4-22e1-f5b5-00a0451e6bf7" };',
    'const TOKEN_STRINGS = "[A-Za-z0-9._~+/-]+=*";',
    'const code = { encryptionKey: "process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY" };',
    // Examples, benchmarks and stories hold made-up credentials, judged below the nearest package.json.
    { code: 'const user = { name: "john", password: "secret123" };', filename: "benchmarks/basic.ts" },
    { code: 'export const Primary = { args: { apiToken: "demo-token" } };', filename: "src/Button.stories.tsx" },
    // Odd code does not crash the lookup tables.
    'obj.toString({ secret: process.env.S });',
    'const u = "constructor://a:b@host/x";',
    // Words and names under token- and key-like names: injection tokens, labels, public site keys.
    'const REPO_TOKEN = "IUserRepository";',
    'const token = "photo";',
    'if (type === "password") showField();',
    'const h = hash("users");',
    'const recaptchaSiteKey = "6LcA8f5f167f44f4964e6c998dee827110cAbCd";',
    'const label = options.secretLabel || "Secret";',
    'const limit = chatbot.settings.maxTokens || "1000";',
    'const key = "smart-office-key-2024";',
    'const u = "https://api.acme.io/v1?api_key=YOUR_API_KEY";',
    // URL templates: an interpolated or placeholder credential, a public WeChat app id, a made-up token in a test.
    "const u = `https://api.acme.io/v1?page=${page}&api_key=YOUR_API_KEY`;",
    "const u = `https://api.acme.io/v1?page=${page}&api_key=${process.env.ACME_API_KEY}`;",
    "const u = `https://api.weixin.qq.com/sns/oauth2/access_token?code=${code}&appid=wx1234abcd5678ef90`;",
    "const u = `https://api.openweathermap.org/data/2.5/weather?q=${city}&units=metric`;",
    { code: "const ws = new WebSocket(`ws://localhost:${port}/ws?token=test-token-1234`);", filename: TEST_FILE },
    // Spaced values under password names are text unless they have the app-password shape.
    'const labels = { password: "Mot de passe", pass: "Pass word here now" };',
    // …and lower-case passphrases only under secret and password names, never validation messages or labels.
    'const errors = { password: "is required", secret: "must be at least 32 characters", confirmPassword: "passwords must match" };',
    'const m = { password: "too short", token: "access token", apiKey: "api key", secretLabel: "my secret" };',
    'const t = { secret: "Secret key", password: "Open sesame please" };',
    'const METHOD_LABELS = { publickey: "clé", password: "mot de passe", "keyboard-interactive": "interactif" };',
    // A diagnostic script's list of passwords to try against a test account (retired held slice), and ids that are not key ids.
    { code: 'const passwordsToTest = ["123456", "password", "test123"];\nfor (const p of passwordsToTest) console.log(p, await bcrypt.compare(p, user.password));', filename: "scripts/check-password.ts" },
    'const candidatePasswords = ["letmein", "hunter22"];',
    'const clientId = process.env.CLIENT_ID || "web-app";',
    // The service-role key every local `supabase start` prints (iss supabase-demo) is public.
    'const local = createClient("http://127.0.0.1:54321", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5");',
    '// local dev: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5\nconst local = createClient(url, key);',
    { code: 'await mongoose.connect("mongodb://admin:admin@localhost:27017/app");', filename: TEST_FILE },
    // A Supabase anon key is public by design (its payload says `"role":"anon"`); a wrong password on purpose holds nothing.
    'const supabaseKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0";',
    { code: 'await supabase.auth.signInWithPassword({ email: "nobody@acme.io", password: "wrongpassword" });', filename: "scripts/check-login.js" },
    // Production false-positive classes (eval/production, eval/fixes/review.json): i18n keys with dashes,
    // dependency versions, IP lists, push-notification addresses, readable camelCase words in tests,
    // placeholder Basic pairs, made-up URL passwords in tests, sentinel words compared with tokens,
    // tables of short words (ID prefixes), lists of known-bad values, end-to-end test configs.
    'const messages = { changePassword: "label.change-password", noMatchPassword: "message.no-match-password" };',
    'const deps = { jsonwebtoken: "^9.0.2", "@types/jsonwebtoken": "~9.0.6" };',
    'const server = { masterKeyIps: ["10.0.0.1", "2001:0db8:0000:0042:0000:8a2e:0370:7334"] };',
    'const installation = { deviceToken: "11433856eed2f1285fb3aa11136718c1198ed5647875096952c66bf8cb976306" };',
    { code: 'user.setPassword("failedLoginAttemptsThreshold");\nconst oldEncryptionKey = "oldKeyThatILoved";', filename: TEST_FILE },
    'module.exports = [{ optionKey: "encodeParseObjectInCloudFunction", changeNewDefault: "true" }];',
    'const headers = { Authorization: "Basic dXNlcm5hbWU6cGFzc3dvcmQ=" };',
    { code: 'expect(options.authorizationHeader).toEqual("Basic YWRtaW46c2VjcmV0MTIz");', filename: TEST_FILE },
    { code: 'await request({ url: "http://localhost:8378/1/login?username=test&password=moon-y" });', filename: TEST_FILE },
    'if (process.env.TESTING && access_token === "test") return ok();',
    'if (token === "request") return sendCode();',
    'export const newId = new IdGenerator({ view: "view", doc: "doc", webhook: "wh", webhookSecret: "whsec", token: "pmk", preset: "preset" }).id;',
    // A table of phrases keyed by rule or family names (this repository's own self-audit: src/agents/instructions.ts).
    'const FAMILY_NOUN = { "swallowed-exception": "errors swallowed", "unvalidated-boundary": "input used unvalidated", "hardcoded-secret": "secrets in code", "unbounded-call": "calls without a time limit" };',
    'const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: "secret", AUTH_REFRESH_SECRET: "secret_for_refresh" } as const;',
    'const commonPasswords = ["password", "123456", "qwerty", "letmein", "monkey"];',
    { code: 'export default defineConfig({ env: { umami_user: "admin", umami_password: "umami" } });', filename: "cypress.config.ts" },
    // ...and (formbricks): test setup files, patterned and typed-by-a-person values in tests, token
    // prefixes, idempotency and lookup keys, "not configured" sentinels, WWW-Authenticate challenges,
    // a test's own database, a test that sets its own variable.
    { code: 'process.env.GOOGLE_CLIENT_SECRET = "test-google-client";\nconst env = { OIDC_CLIENT_SECRET: "oidc-client-value" };', filename: "apps/web/vitestSetup.ts" },
    { code: 'const alphabet = { secret: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" };\nconst testKey = "0123456789abcdef0123456789abcdef";\nconst mixed = { secret: "a1B2c3D4e5F6g7H8i9J0-_K1L2M3N4O5P6" };', filename: TEST_FILE },
    // issue 11 (Dokploy, unkey): a singular `__test__/` folder is a test folder; a key typed by hand in a
    // test holds a run of 5 consecutive letters or digits (`…NoPqRs`, `…45678…`).
    { code: 'export const mocks = { dbUrl: "postgres://mock:mock@localhost:5432/mock", password: "Zq8pL2vWmock" };', filename: "apps/web/__test__/setup.ts" },
    { code: 'const ROOT_KEY = "acme_4XqT9wZpLm2VtKbMnOpQrS";\nconst adminPassword = "Tq9vW2xL345678Zp";', filename: TEST_FILE },
    { code: 'const ROOT_KEY = "acme_4XqT9wZpLm2VtKbMnOpQrS";', filename: "examples/keys.ts" },
    { code: 'expect(prepared).toEqual(["DATABASE_URL=postgres://user:s3cret@db", "MYSQL_URL=mysql://root:p4ssw0rd@mysql/app"]);', filename: TEST_FILE },
    // A password generator's character set is not a password.
    'const DEFAULT_PASSWORD_CHARSET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";\nconst TOKEN_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";\nconst SECRET_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%";\nconst PASSWORD_SPECIAL_CHARACTERS = "!@#$%^&*()-_=+";',
    // A form field's placeholder shows the user the format: a JSX attribute, a field config's option,
    // or a constant used only as one.
    { code: 'const f = <Input placeholder="123456789:AAH4kR2vQ9mXzT7pLwB3nY8cJ5dF0gS1eKu" {...field} />;', filename: "src/components/telegram-form.tsx" },
    'export const fields = [{ name: "githubToken", label: "GitHub token", placeholder: "ghp_R8vT2mQ9wXcZ7kLp3NbY6sJ4hG1fD0aE5uWq" }];',
    { code: 'const keyHolder =\n  "-----BEGIN PRIVATE KEY-----\\nMIIFRDCCAyygAwIBAgIUd8Hq2ZkL0pV3xR7mT9wN4bY6cF1gS5aE2uJ8\\n-----END PRIVATE KEY-----";\nconst a = <Textarea placeholder={keyHolder} />;\nconst b = <Textarea className="font-mono" placeholder={keyHolder} />;', filename: "src/components/certificate-form.tsx" },
    { code: 'const headers = { "x-api-key": "fbk_orgLevelApiKey456" };\nconst body = { password: "Str0ng-unique-passphrase" };\nconst tool = { token: "oauth:user_1:client_1" };', filename: TEST_FILE },
    { code: 'const secret = "JBSWY3DPEHPK3PXP";', filename: TEST_FILE },
    { code: 'const complexPassword = "MyC0mpl3x!P@ssw0rd#2024$%^&*()";\nconst sessionToken = "session-token-cm8z6bn2q000008l34h8g7k9m";', filename: TEST_FILE },
    'const prefixes = { opaqueAccessToken: "fboa_", refreshToken: "fbor_", clientSecret: "fbocs_", accessToken: "acme_at_" };',
    'await stripe.customers.create(params, { idempotencyKey: "ensure-customer-org_1" });',
    'const cacheKey = hashString(env.STRIPE_SECRET_KEY ?? "stripe-unconfigured");',
    'res.setHeader("WWW-Authenticate", \'Bearer error="insufficient_scope"\');',
    { code: 'const url = "mysql://admin:super-secret@database/formbricks";', filename: TEST_FILE },
    { code: 'process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', filename: TEST_FILE },
    { code: 'process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@localhost:5432/test";', filename: TEST_FILE },
    // Production false-positive classes (hoppscotch): jwt.io's public example token (payload `sub` 1234567890,
    // `name` John Doe) anywhere, a JWT header alone after `Bearer`, an elided PEM (39 of the 1,217 bytes its
    // DER header announces; a short non-DER body), base64 of a placeholder anywhere and of a made-up
    // secret in a test, a PostHog project key (public by design, like Stripe `pk_`).
    'const mockToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";',
    'const headers = { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" };',
    { code: 'expect(headers[0]).toEqual({ key: "Authorization", value: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" });', filename: TEST_FILE },
    'const headers = { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" };',
    'const auth = { privateKey: "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC4..." };',
    'const sshKey = "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ…\\n-----END OPENSSH PRIVATE KEY-----";',
    'const auth = { secret: "Y2hhbmdlbWU=" };',
    { code: 'const auth = { secret: "bXktc2VjcmV0LWtleQ==", isSecretBase64Encoded: true };\njwt.sign(payload, "bXktc2VjcmV0LWtleQ==");', filename: TEST_FILE },
    "private POSTHOG_API_KEY = 'phc_S2G5BFulWwwpU7NMceUMGEc11jgw0eXDQ4diLdGtFBx';",
    // Held round 14 classes (issue 11): a default the code refuses at startup (the same literal compared
    // with the setting in a check that throws, exits, or collects an error a later test throws on), and a
    // number parsed from a setting named for model tokens.
    {
      name: "a fallback a startup check refuses through an error list it throws on, and the compared literal",
      code: dedent`
        export const config = {
          db: { password: process.env.DB_PASSWORD || "app_db_password" },
          jwt: { secret: process.env.JWT_SECRET || "replace_this_jwt_key" },
        };
        export function checkConfig() {
          const problems = [];
          if (!config.jwt.secret || config.jwt.secret === "replace_this_jwt_key") problems.push("JWT_SECRET must be set");
          if (config.db.password === "app_db_password") problems.push("DB_PASSWORD must be set");
          if (problems.length) throw new Error(problems.join("; "));
        }
      `,
    },
    {
      name: "a fallback refused by a direct throw in production, and one refused by an exit",
      code: dedent`
        const SESSION_SECRET = process.env.SESSION_SECRET ?? "session-key-to-replace";
        if (process.env.NODE_ENV === "production" && SESSION_SECRET === "session-key-to-replace") {
          throw new Error("SESSION_SECRET must be set in production");
        }
        const apiKey = Deno.env.get("PARTNER_API_KEY") || "partner-key-value";
        if ("partner-key-value" == apiKey) {
          console.error("PARTNER_API_KEY is not set");
          Deno.exit(1);
        }
      `,
    },
    'const AI_MAX_TOKENS = parseInt(Deno.env.get("AI_MAX_TOKENS") || "150");',
    'const limits = { completion: Number(process.env.OPENAI_MAX_COMPLETION_TOKENS ?? "512"), perMinute: +(process.env.LLM_TOKENS_PER_MINUTE || "40000") };',
    'const maxOutputTokens = parseFloat(process.env.GEMINI_MAX_OUTPUT_TOKENS || "2048");',
    'const refreshEvery = parseInt(process.env.TOKEN_REFRESH_SECONDS || "3600", 10);',
    'const model = { name: "claude", maxTokens: process.env.CLAUDE_MAX_TOKENS || "1024" };',
    // Held round 15 and unkey (issue 11): public sandbox material, checks that repeat a password, made-up and local dev values.
    { code: `const PASSKEY = "${DARAJA_SANDBOX_PASSKEY}";\nconst SHORTCODE = "174379";`, filename: "mpesa-check.js" },
    { code: `export const mpesa = { shortcode: "174379", passkey: "${DARAJA_SANDBOX_PASSKEY}" };`, filename: "src/config/mpesa.ts" },
    { code: 'const ok = await admin.comparePassword("Admin@2024");', filename: "test-admin-login.js" },
    { code: 'if (password === "Admin@2024") console.log("stored password matches");', filename: "scripts/login-test.js" },
    { code: 'const opaqueToken = "acme_7bWFkZS11cF90ZXN0X2tleQ";', filename: "lib/redact.test.ts" },
    { code: 'export const settings = { KV_URL: "http://127.0.0.1:8200", KV_TOKEN: "kv-dev-token-42" };', filename: "tools/local/src/cmd/api.ts" },
    { code: 'const vault = { address: "localhost:8200", token: "dev-root-token-8200" };', filename: "dev/start.ts" },
    "export const reply = (token?: string) => token || \"guest\";",
    'const API_URL_FALLBACK = API_URL ?? "http://localhost:3000";',
    // Held round 16 (issue 11): counts of model tokens and a log line's stand-in for an absent claim; names of secrets
    // (the file reads an environment variable of that name, or hands the setting to a secret-store lookup); a default
    // that a const flag recognises and an `if` that exits on the flag refuses.
    'console.log(`tokens: ${usage?.prompt_tokens || "pending"} + ${usage?.completion_tokens || "pending"} (reasoning ${meta.reasoning_tokens ?? "pending"})`);',
    'console.log(`in ${usage.input_tokens ?? "pending"}, out ${usage.output_tokens ?? "pending"}`);',
    'console.log(`kind: ${claims.token_use || "unknown"}, audience: ${claims.aud || "unavailable"}`);',
    'console.log(`session: ${session.token || "unknown"}, refresh: ${session.refreshToken ?? "unavailable"}`);',
    'const wp = { PASSWORD_SECRET: "wp_admin_password", password: process.env.wp_admin_password };',
    'const names = { smtpPasswordSecret: "smtp-pass-prod" };\nconst [v] = await sm.accessSecretVersion({ name: `projects/${project}/secrets/${names.smtpPasswordSecret}/versions/latest` });',
    'const DB_SECRET = "prod-db-credentials";\nconst out = await sm.send(new GetSecretValueCommand({ SecretId: DB_SECRET }));',
    'const partnerTokenSecret = "partner-api-token";\nconst token = await keyVault.getSecret(partnerTokenSecret);',
    {
      name: "a smoke script's default password that a flag recognises and the production run exits on",
      code: dedent`
        const smokePassword = process.env.SMOKE_PASSWORD || "smoke-admin-42";
        const usingDefaultCreds = smokePassword === "smoke-admin-42";
        async function main() {
          if (isProductionRun && usingDefaultCreds) {
            console.log("set SMOKE_PASSWORD to run the signed-in checks");
            process.exit(0);
          }
        }
      `,
    },
    // Allowed by option.
    { code: 'const password = "hunter2";', options: { allow: ["hunter2"] } },
    { code: 'const apiKey = "sk_live_ZoDMOsPrQ4b94QnuRYSbd38o";', options: { allow: ["/^sk_live_ZoDM/"] } },
  ],
  invalid: [
    // Held round 16 (issue 11): what the new exemptions leave reported: a secret-named setting beside a
    // read of another variable, or handed to a connection rather than a lookup; a real value under "unknown".
    moved('const wp = { password: "wp_admin_password", user: process.env.wp_admin_user };', "suspiciousName", '"wp_admin_password"', "WP_PASSWORD"),
    moved('const DB_SECRET = "prod-db-credentials";\nawait db.connect({ password: DB_SECRET });', "suspiciousName", '"prod-db-credentials"', "DB_SECRET"),
    readableFallback('const secret = process.env.JWT_SECRET || "unknown";', '"unknown"', "JWT_SECRET"),
    {
      name: "a default that a flag recognises, but the flag only warns: the fallback and the compared literal stay reported",
      code: FLAG_WARNS,
      findings: [
        { case: "envFallbackLiteral", ...span(FLAG_WARNS, '"smoke-admin-42"'), suggestions: [
          { title: "Remove the insecure fallback", output: FLAG_WARNS.replace('"smoke-admin-42"', '(() => { throw new Error("SMOKE_PASSWORD is not set"); })()') },
          prodOnly(FLAG_WARNS, '"smoke-admin-42"', "SMOKE_PASSWORD"),
          mark(FLAG_WARNS, "envFallbackLiteral"),
        ] },
        { case: "suspiciousName", ...span(FLAG_WARNS, '"smoke-admin-42"', 2), suggestions: [
          { title: "Move secret to process.env.SMOKE_PASSWORD", output: FLAG_WARNS.replace('=== "smoke-admin-42"', `=== (${env("SMOKE_PASSWORD")})`) },
          mark(FLAG_WARNS, "suspiciousName", 2),
        ] },
      ],
      output: null,
    },
    // Held round 16 (issue 11): a fallback with a provider key's or a connection string's shape stays envFallbackLiteral
    // (the fallback is what the fix removes), named by its kind and with the rotation advice: the key leaked.
    {
      code: PROVIDER_FALLBACK,
      filename: "scripts/check-google.js",
      files: gitRepo(["scripts/check-google.js"]),
      findings: [{ case: "envFallbackLiteral", ...span(PROVIDER_FALLBACK, '"AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz"'), message: "GOOGLE_AI_API_KEY falls back to a 39-character Google API key written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead. Rotate it: it is in git history.", suggestions: [
        { title: "Remove the insecure fallback", output: PROVIDER_FALLBACK.replace('"AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz"', '(() => { throw new Error("GOOGLE_AI_API_KEY is not set"); })()') },
        mark(PROVIDER_FALLBACK, "envFallbackLiteral"),
      ] }],
      output: null,
    },
    {
      code: DB_URL_FALLBACK,
      findings: [{ case: "envFallbackLiteral", ...span(DB_URL_FALLBACK, '"postgres://app:Zq8pL2vW@localhost:5432/app"'), message: "DATABASE_URL falls back to a 42-character PostgreSQL connection string written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead.", suggestions: [
        { title: "Remove the insecure fallback", output: DB_URL_FALLBACK.replace('"postgres://app:Zq8pL2vW@localhost:5432/app"', '(() => { throw new Error("DATABASE_URL is not set"); })()') },
        mark(DB_URL_FALLBACK, "envFallbackLiteral"),
      ] }],
      output: null,
    },
    // Held round 15 and unkey (issue 11): what the new exemptions leave reported.
    moved(`const PASSKEY = "${DARAJA_SANDBOX_PASSKEY.replace(/^b/, "c")}";`, "suspiciousName", `"${DARAJA_SANDBOX_PASSKEY.replace(/^b/, "c")}"`, "PASSKEY", { filename: "mpesa-check.js" }),
    moved('const ok = await admin.comparePassword("Admin@2024");', "suspiciousName", '"Admin@2024"', "PASSWORD", { filename: "scripts/check-admin.js" }),
    moved('const ok = await admin.comparePassword("q7Vz2LkP9xWm4TbR");', "suspiciousName", '"q7Vz2LkP9xWm4TbR"', "PASSWORD", { filename: "test-admin-login.js" }),
    moved('const opaqueToken = "acme_7q2LkVz9xWmP4TbRzN8cYd";', "suspiciousName", '"acme_7q2LkVz9xWmP4TbRzN8cYd"', "OPAQUE_TOKEN", { filename: "lib/redact.test.ts" }),
    moved('export const settings = { KV_URL: "https://kv.acme.io", KV_TOKEN: "kv-dev-token-42" };', "suspiciousName", '"kv-dev-token-42"', "KV_TOKEN", { filename: "tools/local/src/cmd/api.ts" }),
    moved('export const db = { host: "localhost", password: "Zq8pL2vW" };', "suspiciousName", '"Zq8pL2vW"', "DB_PASSWORD", { filename: "tools/local/src/db.ts" }),
    // ---- providerKey: one per provider family ----
    moved('const AWS_ACCESS_KEY_ID = "AKIAB6E3HSZ5PUPF4CDJ";', "providerKey", '"AKIAB6E3HSZ5PUPF4CDJ"', "AWS_ACCESS_KEY_ID"),
    moved('const secretAccessKey = "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";', "providerKey", '"yZQ9QXeSp/okS6ThVDT4rKiNjBp1pAVop+9suX+C"', "AWS_SECRET_ACCESS_KEY"),
    moved('const octokit = new Octokit({ auth: "ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X" });', "providerKey", '"ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X"', "GITHUB_TOKEN"),
    moved('const gh = "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";', "providerKey", '"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"', "GITHUB_TOKEN"),
    moved('const slack = new WebClient("xoxb-962635140461-2914413012048-DBwC7ZdCoLFw2QZPcUmf0Ai1");', "providerKey", '"xoxb-962635140461-2914413012048-DBwC7ZdCoLFw2QZPcUmf0Ai1"', "SLACK_TOKEN"),
    moved('const SLACK_WEBHOOK = "https://hooks.slack.com/services/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";', "providerKey", '"https://hooks.slack.com/services/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"', "SLACK_WEBHOOK"),
    moved('await fetch("https://hooks.slack.com/services/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", { method: "POST", body });', "providerKey", '"https://hooks.slack.com/services/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"', "SLACK_WEBHOOK_URL"),
    {
      ...moved('const stripe = new Stripe("sk_live_ZoDMOsPrQ4b94QnuRYSbd38o");', "providerKey", '"sk_live_ZoDMOsPrQ4b94QnuRYSbd38o"', "STRIPE_SECRET_KEY"),
      findings: [{ case: "providerKey", line: 1, column: 27, endColumn: 61, message: "A 32-character Stripe live secret key is written in the code: anyone who can read the code can use it. Read it from an environment variable.", suggestions: [move('const stripe = new Stripe("sk_live_ZoDMOsPrQ4b94QnuRYSbd38o");', '"sk_live_ZoDMOsPrQ4b94QnuRYSbd38o"', "STRIPE_SECRET_KEY"), mark('const stripe = new Stripe("sk_live_ZoDMOsPrQ4b94QnuRYSbd38o");', "providerKey")] }],
    },
    moved('const stripeRestricted = "rk_live_2EY4LhOTuWOOVC3MZGmR9FXl";', "providerKey", '"rk_live_2EY4LhOTuWOOVC3MZGmR9FXl"', "STRIPE_RESTRICTED"),
    moved('const stripe = new Stripe("sk_test_d1ClkQhdQSaQZkxjXEjYD3uO");', "providerKey", '"sk_test_d1ClkQhdQSaQZkxjXEjYD3uO"', "STRIPE_SECRET_KEY"),
    moved('const event = stripe.webhooks.constructEvent(body, sig, "whsec_2eleSuQv1TH7snWqMrGYv8VuCaXrKn3M");', "providerKey", '"whsec_2eleSuQv1TH7snWqMrGYv8VuCaXrKn3M"', "STRIPE_WEBHOOK_SECRET"),
    moved('const maps = new Client({ key: "AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz" });', "providerKey", '"AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz"', "GOOGLE_API_KEY"),
    moved('const openai = new OpenAI({ apiKey: "sk-proj-IrPmJhh-xLT9au0gvoZpV7hgkRFKXB_bA3CNLlvJkRZnkr0z" });', "providerKey", '"sk-proj-IrPmJhh-xLT9au0gvoZpV7hgkRFKXB_bA3CNLlvJkRZnkr0z"', "OPENAI_API_KEY"),
    moved('const OPENAI_KEY = "sk-WmZgeBXQNu4qgUvybBloPiaj79vxhCJKddchSFjuun0tGFR1";', "providerKey", '"sk-WmZgeBXQNu4qgUvybBloPiaj79vxhCJKddchSFjuun0tGFR1"', "OPENAI_KEY"),
    moved('const anthropic = new Anthropic({ apiKey: "sk-ant-api03-UtglSHgaRkmy5otlkYMpOfoaTzJFRpIH0M1c0kbcR45d4-XtFap0Nt-NL4oE_HIVKDA2D_8VDnb0DaE4XXNmnC3K4JhKJAA" });', "providerKey", '"sk-ant-api03-UtglSHgaRkmy5otlkYMpOfoaTzJFRpIH0M1c0kbcR45d4-XtFap0Nt-NL4oE_HIVKDA2D_8VDnb0DaE4XXNmnC3K4JhKJAA"', "ANTHROPIC_API_KEY"),
    moved('sgMail.setApiKey("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");', "providerKey", '"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"', "SENDGRID_API_KEY"),
    moved('const client = twilio("AC0a1b2c3d4e5f60718293a4b5c6d7e8f9", "4ccf487d29fbd19bca6c70cb6a5fd670");', "providerKey", '"4ccf487d29fbd19bca6c70cb6a5fd670"', "TWILIO_AUTH_TOKEN"),
    moved('const NPM_TOKEN = "npm_b4ONB8yRPUo4UjzSBsO6lVAJjDFoiTwJQsL3";', "providerKey", '"npm_b4ONB8yRPUo4UjzSBsO6lVAJjDFoiTwJQsL3"', "NPM_TOKEN"),
    moved('await fetch("https://discord.com/api/webhooks/994140962533924942/uZJBN-uRpRKB0Z99_PiHdr6I49Cq1csfNoT1ns0-VTG7f_d6POghE0fl4aB5v-vByKXl", opts);', "providerKey", '"https://discord.com/api/webhooks/994140962533924942/uZJBN-uRpRKB0Z99_PiHdr6I49Cq1csfNoT1ns0-VTG7f_d6POghE0fl4aB5v-vByKXl"', "DISCORD_WEBHOOK_URL"),
    moved('const hubspot = new Client({ accessToken: "pat-na1-26e0e3d6-a77e-816d-db3c-63932ec6af24" });', "providerKey", '"pat-na1-26e0e3d6-a77e-816d-db3c-63932ec6af24"', "HUBSPOT_ACCESS_TOKEN"),
    moved('const resend = new Resend("re_a8F04jis_GTZuTRXqIQ2meFUwKR2BbdkD");', "providerKey", '"re_a8F04jis_GTZuTRXqIQ2meFUwKR2BbdkD"', "RESEND_API_KEY"),
    moved('const MAPBOX_TOKEN = "sk.eyJNsWPYp2FtciFobOK6Uh5VPiFJ0l60egNf1uMY7d7.P_3FS-X4NotkyFSfJxeBwx";', "providerKey", '"sk.eyJNsWPYp2FtciFobOK6Uh5VPiFJ0l60egNf1uMY7d7.P_3FS-X4NotkyFSfJxeBwx"', "MAPBOX_TOKEN"),
    moved('const gitlab = new Gitlab({ token: "glpat-I5ZUJiDkClglpFIRmkJP" });', "providerKey", '"glpat-I5ZUJiDkClglpFIRmkJP"', "GITLAB_TOKEN"),
    moved('const hf = new HfInference("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");', "providerKey", '"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"', "HF_TOKEN"),
    moved('const shopify = { adminToken: "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" };', "providerKey", '"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"', "SHOPIFY_ACCESS_TOKEN"),
    moved('const mg = mailgun.client({ username: "api", key: "key-6f93dbeb5af13ea160d39e302e789e5b" });', "providerKey", '"key-6f93dbeb5af13ea160d39e302e789e5b"', "MAILGUN_API_KEY"),
    moved('const linear = new LinearClient({ apiKey: "lin_api_CG059soUgllKxXO6Z83JE5KZTEPic45ZyLkXAEd9" });', "providerKey", '"lin_api_CG059soUgllKxXO6Z83JE5KZTEPic45ZyLkXAEd9"', "LINEAR_API_KEY"),
    // Provider keys are real even in test files, and provider-aware env names follow the context name.
    moved('const stripe = new Stripe("sk_live_SrK6pq0nTwPgBflrMDtKKdHA");', "providerKey", '"sk_live_SrK6pq0nTwPgBflrMDtKKdHA"', "STRIPE_SECRET_KEY", { filename: TEST_FILE }),
    moved('const stripeBillingKey = "rk_live_z1cYEOsCJtE06wBs9lX9fmlF";', "providerKey", '"rk_live_z1cYEOsCJtE06wBs9lX9fmlF"', "STRIPE_BILLING_KEY"),

    moved('const bot = new Client(); bot.login("MTA0NzY3OTg4NjQ1ODY3Mzk5Mg.GxY2zA.q8Vn3LpR7tKw1mZc5HbJ9uYf2XeD4sA6gTiO0k");', "providerKey", '"MTA0NzY3OTg4NjQ1ODY3Mzk5Mg.GxY2zA.q8Vn3LpR7tKw1mZc5HbJ9uYf2XeD4sA6gTiO0k"', "DISCORD_BOT_TOKEN"),
    moved('const bot = new Telegraf("7412589630:AAHk3Lm9Qp2Rs5Tv8Wx1Yz4Ab7Cd0Ef3Gh6");', "providerKey", '"7412589630:AAHk3Lm9Qp2Rs5Tv8Wx1Yz4Ab7Cd0Ef3Gh6"', "TELEGRAM_BOT_TOKEN"),
    // A provider-shaped token inside a larger string: the move keeps the surrounding text.
    {
      code: 'const headers = { Authorization: "Bearer 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" };',
      findings: [{ case: "providerKey", ...span('const headers = { Authorization: "Bearer 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" };', '"Bearer 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"'), message: "A 69-character SendGrid API key is written in the code: anyone who can read the code can use it. Read it from an environment variable.", suggestions: [{ title: "Move secret to process.env.SENDGRID_API_KEY", output: `const headers = { Authorization: \`Bearer \${${env("SENDGRID_API_KEY")}}\` };` }, mark('const headers = { Authorization: "Bearer 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" };', "providerKey")] }],
      output: null,
    },
    {
      code: "execSync(\"curl -H 'Authorization: token ghs_6sFKqVydKhxJqiRKmcBeYq0PDvYlKleodBXy' https://api.github.com/user\");",
      findings: [{ case: "providerKey", line: 1, column: 10, endColumn: 111, suggestions: [{ title: "Move secret to process.env.GITHUB_TOKEN", output: `execSync(\`curl -H 'Authorization: token \${${env("GITHUB_TOKEN")}}' https://api.github.com/user\`);` }, mark("execSync(\"curl -H 'Authorization: token ghs_6sFKqVydKhxJqiRKmcBeYq0PDvYlKleodBXy' https://api.github.com/user\");", "providerKey")] }],
      output: null,
    },

    // ---- privateKey ----
    moved('const privateKey = "-----BEGIN RSA PRIVATE KEY-----\\nYIA+1aDqoXN6xlOm25afxIY7dnJMlmsDhbY8JQpzdn+RVGauA9OAKDBFr0YgNwYr\\n-----END RSA PRIVATE KEY-----";', "privateKey", '"-----BEGIN RSA PRIVATE KEY-----\\nYIA+1aDqoXN6xlOm25afxIY7dnJMlmsDhbY8JQpzdn+RVGauA9OAKDBFr0YgNwYr\\n-----END RSA PRIVATE KEY-----"', "PRIVATE_KEY"),
    moved('const key = "-----BEGIN PRIVATE KEY-----\\n4l9U2/XuwmfWh9KF4Vk1uj8HHwoBeBWSPJ1Tqcn0Sn/hMcO8pQSQbUZVixCx+Bfu\\n-----END PRIVATE KEY-----";', "privateKey", '"-----BEGIN PRIVATE KEY-----\\n4l9U2/XuwmfWh9KF4Vk1uj8HHwoBeBWSPJ1Tqcn0Sn/hMcO8pQSQbUZVixCx+Bfu\\n-----END PRIVATE KEY-----"', "PRIVATE_KEY", { filename: TEST_FILE }),
    {
      code: dedent`
        const sshKey = \`-----BEGIN OPENSSH PRIVATE KEY-----
        wnHmKIFPLde91UG3dZu3sZ4T4lQCuzJusIcf2OuGVpRrgot9UN/tW+AKKbsIn/Ht
        -----END OPENSSH PRIVATE KEY-----\`;
      `,
      findings: [{ case: "privateKey", line: 1, column: 16, endLine: 3, endColumn: 35, suggestions: [{ title: "Move secret to process.env.SSH_KEY", output: `const sshKey = ${env("SSH_KEY")};\n` }, { title: "Mark as not a secret…", output: dedent`
        // hardening-hints-ignore-next-line hardcoded-secret/privateKey -- <reason>
        const sshKey = \`-----BEGIN OPENSSH PRIVATE KEY-----
        wnHmKIFPLde91UG3dZu3sZ4T4lQCuzJusIcf2OuGVpRrgot9UN/tW+AKKbsIn/Ht
        -----END OPENSSH PRIVATE KEY-----\`;
      ` }] }],
      output: null,
    },
    unfixable('const ecKey = "-----BEGIN EC PRIVATE KEY-----\\n" + "YIA+1aDqoXN6xlOm25afxIY7dnJMlmsDhbY8JQpzdn+RVGauA9OAKDBFr0YgNwYr";', "privateKey", '"-----BEGIN EC PRIVATE KEY-----\\n"'),

    // ---- signingSecret ----
    moved('const token = jwt.sign({ sub: user.id }, "my-jwt-secret", { expiresIn: "1h" });', "signingSecret", '"my-jwt-secret"', "JWT_SECRET"),
    {
      code: "import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, 'hunter2-signing');\n",
      findings: [{ case: "signingSecret", line: 2, column: 34, endColumn: 51, suggestions: [{ title: "Move secret to process.env.JWT_SECRET", output: "import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, process.env.JWT_SECRET ?? (() => { throw new Error('JWT_SECRET is not set'); })());\n" }, mark("import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, 'hunter2-signing');\n", "signingSecret", 2)] }],
      output: null,
    },
    moved('app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: false }));', "signingSecret", '"keyboard cat"', "SESSION_SECRET"),
    moved('app.use(cookieSession({ name: "session", keys: ["k3yb0ard-one"] }));', "signingSecret", '"k3yb0ard-one"', "SESSION_SECRET"),
    moved('const mac = crypto.createHmac("sha256", "webhook-signing-key").update(body).digest("hex");', "signingSecret", '"webhook-signing-key"', "HMAC_SECRET"),
    moved('const cipher = createCipheriv("aes-256-cbc", Buffer.from("0123456789abcdef0123456789abcdef"), iv);', "signingSecret", '"0123456789abcdef0123456789abcdef"', "ENCRYPTION_KEY"),
    moved('app.use(cookieParser("cookie-signing-secret"));', "signingSecret", '"cookie-signing-secret"', "COOKIE_SECRET"),
    moved('export default NextAuth({ providers, secret: "nextauth-s3cr3t" });', "signingSecret", '"nextauth-s3cr3t"', "NEXTAUTH_SECRET"),
    moved('JwtModule.register({ secret: "nest-jwt-secret", signOptions: { expiresIn: "60s" } });', "signingSecret", '"nest-jwt-secret"', "JWT_SECRET"),
    moved('const key = scryptSync("backup-passphrase", salt, 32);', "signingSecret", '"backup-passphrase"', "ENCRYPTION_PASSPHRASE"),
    moved('export const authOptions: NextAuthOptions = { providers: [], secret: "n3xt-auth-s3cret" };', "signingSecret", '"n3xt-auth-s3cret"', "NEXTAUTH_SECRET"),
    unfixable('app.keys = ["k0a-cookie-key-one"];', "signingSecret", '"k0a-cookie-key-one"'),
    moved('const creds = rds.Credentials.fromPassword("reporting", cdk.SecretValue.unsafePlainText("R3port!ng-db"));', "suspiciousName", '"R3port!ng-db"', "SECRET_VALUE"),
    moved('client.setApiKey("ab12cd34ef56gh78ij90");', "suspiciousName", '"ab12cd34ef56gh78ij90"', "API_KEY"),
    moved('const SUPABASE_SERVICE_ROLE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.Qm3vT8kZp2LxW9rN5bYcHj";', "suspiciousName", '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.Qm3vT8kZp2LxW9rN5bYcHj"', "SUPABASE_SERVICE_ROLE_KEY"),
    moved('const secret = new TextEncoder().encode("jose-signing-secret-value");', "suspiciousName", '"jose-signing-secret-value"', "SECRET"),
    {
      code: 'const token = jwt.sign(payload, "JmW8w9uQZr2yXk4v7tBn");',
      filename: TEST_FILE,
      findings: [{ case: "signingSecret", ...span('const token = jwt.sign(payload, "JmW8w9uQZr2yXk4v7tBn");', '"JmW8w9uQZr2yXk4v7tBn"'), suggestions: [move('const token = jwt.sign(payload, "JmW8w9uQZr2yXk4v7tBn");', '"JmW8w9uQZr2yXk4v7tBn"', "JWT_SECRET"), mark('const token = jwt.sign(payload, "JmW8w9uQZr2yXk4v7tBn");', "signingSecret")] }],
      output: null,
    },

    // ---- suspiciousName: variables, properties, object keys, default parameters, class fields ----
    moved('const password = "hunter2";', "suspiciousName", '"hunter2"', "PASSWORD"),
    moved('const db = { host: "db.internal", user: "app", password: "Tr0ub4dor&3" };', "suspiciousName", '"Tr0ub4dor&3"', "DB_PASSWORD"),
    moved('const transporter = nodemailer.createTransport({ auth: { user: "mailer", pass: "s3nd-m41l" } });', "suspiciousName", '"s3nd-m41l"', "PASS"),
    moved('const config = { "api-key": "9MWr0sBkMJtLaL54TGASKYWlk2VWJ5BU" };', "suspiciousName", '"9MWr0sBkMJtLaL54TGASKYWlk2VWJ5BU"', "API_KEY"),
    moved('function connect(user: string, passwd = "letmein") {}', "suspiciousName", '"letmein"', "PASSWD"),
    moved('class Client { private clientSecret = "c1i3nt-s3cr3t-v4lue"; }', "suspiciousName", '"c1i3nt-s3cr3t-v4lue"', "CLIENT_SECRET"),
    moved('this.apiToken = "TrKKe1WEonm2aXjZTyMgul3uICn3WBH8";', "suspiciousName", '"TrKKe1WEonm2aXjZTyMgul3uICn3WBH8"', "API_TOKEN"),
    moved('const ADMIN_PASSWORD = "123456";', "suspiciousName", '"123456"', "ADMIN_PASSWORD"),
    moved('const JWT_SECRET = "supersecret";', "suspiciousName", '"supersecret"', "JWT_SECRET"),
    moved('axios.get(url, { headers: { "X-API-Key": "vNJhZqzBlprzQVgdtQKZxMem" } });', "suspiciousName", '"vNJhZqzBlprzQVgdtQKZxMem"', "X_API_KEY"),
    moved('const privateKey = "4l9U2XuwmfWh9KF4Vk1uj8HH";', "suspiciousName", '"4l9U2XuwmfWh9KF4Vk1uj8HH"', "PRIVATE_KEY"),
    unfixable('enum Keys { ApiToken = "uJEhn9ezbdA6UgkEql7NG0B5" }', "suspiciousName", '"uJEhn9ezbdA6UgkEql7NG0B5"'),
    unfixable('process.env.API_TOKEN = "uJEhn9ezbdA6UgkEql7NG0B5";', "suspiciousName", '"uJEhn9ezbdA6UgkEql7NG0B5"'),
    {
      code: 'const creds = { password: "hunter2" } as const;',
      findings: [{ case: "suspiciousName", ...span('const creds = { password: "hunter2" } as const;', '"hunter2"'), suggestions: [move('const creds = { password: "hunter2" } as const;', '"hunter2"', "CREDS_PASSWORD"), mark('const creds = { password: "hunter2" } as const;', "suspiciousName")] }],
      output: null,
    },
    {
      code: 'const token = "gh0stT0k3n-valu3" as const;',
      findings: [{ case: "suspiciousName", ...span('const token = "gh0stT0k3n-valu3" as const;', '"gh0stT0k3n-valu3"'), suggestions: [move('const token = "gh0stT0k3n-valu3" as const;', '"gh0stT0k3n-valu3" as const', "TOKEN"), mark('const token = "gh0stT0k3n-valu3" as const;', "suspiciousName")] }],
      output: null,
    },
    {
      code: 'const token = <const>"gh0stT0k3n-valu3";',
      findings: [{ case: "suspiciousName", ...span('const token = <const>"gh0stT0k3n-valu3";', '"gh0stT0k3n-valu3"'), suggestions: [move('const token = <const>"gh0stT0k3n-valu3";', '<const>"gh0stT0k3n-valu3"', "TOKEN"), mark('const token = <const>"gh0stT0k3n-valu3";', "suspiciousName")] }],
      output: null,
    },

    // ---- connectionString ----
    moved('const pool = new Pool({ connectionString: "postgres://app:Zq8pL2vW@db.internal:5432/app" });', "connectionString", '"postgres://app:Zq8pL2vW@db.internal:5432/app"', "DATABASE_URL"),
    moved('await mongoose.connect("mongodb+srv://admin:N0tS0S3cr3t@cluster0.ab1cd.mongodb.net/shop");', "connectionString", '"mongodb+srv://admin:N0tS0S3cr3t@cluster0.ab1cd.mongodb.net/shop"', "MONGODB_URI"),
    moved('const redis = new Redis("redis://:r3d1sPa55@cache.internal:6379/0");', "connectionString", '"redis://:r3d1sPa55@cache.internal:6379/0"', "REDIS_URL"),
    moved('const conn = await amqp.connect("amqp://guest:guest@mq.internal:5672");', "connectionString", '"amqp://guest:guest@mq.internal:5672"', "AMQP_URL"),
    moved('const mysqlUrl = "mysql://root:r00tpw@localhost:3306/app";', "connectionString", '"mysql://root:r00tpw@localhost:3306/app"', "MYSQL_URL"),
    unfixable("const url = `postgres://app:Zq8pL2vW@${host}:5432/app`;", "connectionString", "`postgres://app:Zq8pL2vW@${host}:5432/app`"),
    moved('const url = "postgres://app:Zq8pL2vW@db.prod.internal:5432/app";', "connectionString", '"postgres://app:Zq8pL2vW@db.prod.internal:5432/app"', "DATABASE_URL", { filename: TEST_FILE }),

    // ---- authorizationHeader ----
    {
      code: 'fetch(url, { headers: { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" } });',
      findings: [{ case: "authorizationHeader", ...span('fetch(url, { headers: { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" } });', '"Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe"'), message: "A 44-character Bearer token is written in an Authorization header: anyone who can read the code can call the API with it. Read it from an environment variable.", suggestions: [{ title: "Move secret to process.env.API_TOKEN", output: `fetch(url, { headers: { Authorization: \`Bearer \${${env("API_TOKEN")}}\` } });` }, mark('fetch(url, { headers: { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" } });', "authorizationHeader")] }],
      output: null,
    },
    {
      code: 'req.setHeader("Authorization", "Basic YWRtaW46czNjcjN0LXB3");',
      findings: [{ case: "authorizationHeader", ...span('req.setHeader("Authorization", "Basic YWRtaW46czNjcjN0LXB3");', '"Basic YWRtaW46czNjcjN0LXB3"'), suggestions: [{ title: "Move secret to process.env.BASIC_AUTH_CREDENTIALS", output: `req.setHeader("Authorization", \`Basic \${${env("BASIC_AUTH_CREDENTIALS")}}\`);` }, mark('req.setHeader("Authorization", "Basic YWRtaW46czNjcjN0LXB3");', "authorizationHeader")] }],
      output: null,
    },
    {
      code: 'const headers = { authorization: "Token 9a8b7c6d5e4f" };',
      findings: [{ case: "authorizationHeader", ...span('const headers = { authorization: "Token 9a8b7c6d5e4f" };', '"Token 9a8b7c6d5e4f"'), suggestions: [{ title: "Move secret to process.env.API_TOKEN", output: `const headers = { authorization: \`Token \${${env("API_TOKEN")}}\` };` }, mark('const headers = { authorization: "Token 9a8b7c6d5e4f" };', "authorizationHeader")] }],
      output: null,
    },

    // ---- secretInComment ----
    {
      code: "// old key: ghp_LrXUSymQj3aagZUflvzcP1ERXffimSQyZKlJ\nconst octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n",
      findings: [{ case: "secretInComment", line: 1, column: 13, endColumn: 53, message: "A 40-character GitHub token is written in a comment: anyone who can read the code can use it. Delete it from the comment.", suggestions: [mark("// old key: ghp_LrXUSymQj3aagZUflvzcP1ERXffimSQyZKlJ\nconst octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n", "secretInComment")] }],
      output: "// old key: <redacted>\nconst octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n",
    },
    {
      code: "/**\n * Stripe: sk_live_tLU3Axzxy4ITpKE1qvRBaCW8\n */\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
      findings: [{ case: "secretInComment", line: 2, column: 12, endColumn: 44 }],
      output: "/**\n * Stripe: <redacted>\n */\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
    },
    {
      code: "// old key: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5\nconst supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!);\n",
      findings: [{ case: "secretInComment", line: 1, column: 13, endColumn: 226, message: "A 213-character Supabase service-role key is written in a comment: anyone who can read the code can use it. Delete it from the comment.", suggestions: [mark("// old key: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5\nconst supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!);\n", "secretInComment")] }],
      output: "// old key: <redacted>\nconst supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!);\n",
    },

    // Held round 25 (issue 11): commented-out code that returns a generated literal in a function named for a token.
    {
      code: 'export function getAccessToken() {\n  return localStorage.getItem("token");\n  // return "Tk7qLm2ZpR9xW4vB8nC3jH6yS1dFGu5Ae0OiPn4Rm8Lk2Hj7Wq";\n}\n',
      findings: [{ case: "secretInComment", line: 3, column: 14, endColumn: 64, message: "A 50-character token is written in a comment: anyone who can read the code can use it. Delete it from the comment.", suggestions: [mark('export function getAccessToken() {\n  return localStorage.getItem("token");\n  // return "Tk7qLm2ZpR9xW4vB8nC3jH6yS1dFGu5Ae0OiPn4Rm8Lk2Hj7Wq";\n}\n', "secretInComment", 3)] }],
      output: 'export function getAccessToken() {\n  return localStorage.getItem("token");\n  // return "<redacted>";\n}\n',
    },

    // ---- sessionCookie ----
    // Held round 25 (issue 11): a session cookie is rotated by signing the account out (more rows in hardcoded-secret.cookies.test.ts).
    moved('const jar = [{ name: "li_at", value: "AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq" }];', "sessionCookie", '"AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq"', "LINKEDIN_LI_AT", {
      filename: "src/scrape.ts",
      files: gitRepo(["src/scrape.ts"]),
      findings: [{ case: "sessionCookie", ...span('const jar = [{ name: "li_at", value: "AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq" }];', '"AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq"'), message: `A 56-character LinkedIn session cookie li_at is written in the code: anyone who can read the code is signed in as its account. ${READ_ENV} Sign the account out of every session: the cookie is in git history.`, suggestions: [move('const jar = [{ name: "li_at", value: "AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq" }];', '"AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq"', "LINKEDIN_LI_AT"), mark('const jar = [{ name: "li_at", value: "AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq" }];', "sessionCookie")] }],
    }),

    // ---- configFile ----
    // Session 42 (issue 11): a committed JSON config file's credential, no fix (more rows in hardcoded-secret.json42.test.ts).
    {
      code: '{ "authentication": { "secret": "f3Kq9Zr2Lm8Vx1Tb6Np4Wc7Hs0Jd5Gy" } }\n',
      filename: "config/default.json",
      files: gitRepo(["config/default.json"]),
      findings: [{ case: "configFile", line: 1, column: 34, endColumn: 65, message: "A 31-character secret is written in a JSON config file (authentication.secret): anyone who can read the repository can use it. Delete it from the file and set it from an environment variable where the config is loaded. Rotate it: it is in git history." }],
      output: null,
    },
    {
      code: '{ "authentication": { "secret": "f3Kq9Zr2Lm8Vx1Tb6Np4Wc7Hs0Jd5Gy" } }\n',
      filename: "config/production.json",
      files: { "config/custom-environment-variables.json": '{ "authentication": { "secret": "AUTH_SECRET" } }\n' },
      findings: [{ case: "configFile", line: 1, column: 34, endColumn: 65, message: "A 31-character secret is written in a JSON config file (authentication.secret): anyone who can read the repository can use it. Delete it from the file and map the setting to an environment variable in custom-environment-variables.json." }],
      output: null,
    },

    // ---- envFallbackLiteral ----
    // Held round 15 (issue 11): a constant named like its environment variable, read from process.env here or in a config module.
    constantFallback('export const admin = { command: ADMIN_COMMAND_SECRET ?? "reset_quota" };', '"reset_quota"', "ADMIN_COMMAND_SECRET"),
    constantFallback('const { API_SECRET } = process.env; export const secret = API_SECRET || "letmein-please";', '"letmein-please"', "API_SECRET"),
    {
      code: 'const secret = process.env.JWT_SECRET || "supersecret";',
      findings: [{ case: "envFallbackLiteral", ...span('const secret = process.env.JWT_SECRET || "supersecret";', '"supersecret"'), message: "JWT_SECRET falls back to an 11-character value written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead.", suggestions: [{ title: "Remove the insecure fallback", output: 'const secret = process.env.JWT_SECRET || (() => { throw new Error("JWT_SECRET is not set"); })();' }, prodOnly('const secret = process.env.JWT_SECRET || "supersecret";', '"supersecret"', "JWT_SECRET"), mark('const secret = process.env.JWT_SECRET || "supersecret";', "envFallbackLiteral")] }],
      output: null,
    },
    {
      code: 'const key = process.env.STRIPE_SECRET_KEY ?? "changeme";',
      findings: [{ case: "envFallbackLiteral", ...span('const key = process.env.STRIPE_SECRET_KEY ?? "changeme";', '"changeme"'), suggestions: [{ title: "Remove the insecure fallback", output: 'const key = process.env.STRIPE_SECRET_KEY ?? (() => { throw new Error("STRIPE_SECRET_KEY is not set"); })();' }, prodOnly('const key = process.env.STRIPE_SECRET_KEY ?? "changeme";', '"changeme"', "STRIPE_SECRET_KEY"), mark('const key = process.env.STRIPE_SECRET_KEY ?? "changeme";', "envFallbackLiteral")] }],
      output: null,
    },
    {
      code: 'const dbUrl = process.env.DATABASE_URL || "postgres://app:Zq8pL2vW@localhost:5432/app";',
      findings: [{ case: "envFallbackLiteral", ...span('const dbUrl = process.env.DATABASE_URL || "postgres://app:Zq8pL2vW@localhost:5432/app";', '"postgres://app:Zq8pL2vW@localhost:5432/app"'), suggestions: [{ title: "Remove the insecure fallback", output: 'const dbUrl = process.env.DATABASE_URL || (() => { throw new Error("DATABASE_URL is not set"); })();' }, mark('const dbUrl = process.env.DATABASE_URL || "postgres://app:Zq8pL2vW@localhost:5432/app";', "envFallbackLiteral")] }],
      output: null,
    },
    {
      code: 'const jwtSecret = configService.get<string>("JWT_SECRET", "dev-secret");',
      findings: [{ case: "envFallbackLiteral", ...span('const jwtSecret = configService.get<string>("JWT_SECRET", "dev-secret");', '"dev-secret"'), suggestions: [{ title: "Remove the insecure fallback", output: 'const jwtSecret = configService.getOrThrow<string>("JWT_SECRET");' }, mark('const jwtSecret = configService.get<string>("JWT_SECRET", "dev-secret");', "envFallbackLiteral")] }],
      output: null,
    },
    {
      code: 'const Env = z.object({ SESSION_SECRET: z.string().min(32).default("dev-session-secret-please-change") });',
      findings: [{ case: "envFallbackLiteral", ...span('const Env = z.object({ SESSION_SECRET: z.string().min(32).default("dev-session-secret-please-change") });', '"dev-session-secret-please-change"'), suggestions: [{ title: "Remove the insecure fallback", output: "const Env = z.object({ SESSION_SECRET: z.string().min(32) });" }, mark('const Env = z.object({ SESSION_SECRET: z.string().min(32).default("dev-session-secret-please-change") });', "envFallbackLiteral")] }],
      output: null,
    },
    // A deliberate dev default (review R1): the production-only requirement is the only fix, no plain removal.
    devDefault(dedent`
      const secret = process.env.JWT_SECRET || "change-me-in-production";
      if (!process.env.JWT_SECRET && process.env.NODE_ENV !== "test") {
        fastify.log.warn("JWT_SECRET not set. Using a default secret.");
      }
    `, '"change-me-in-production"', "JWT_SECRET"),
    devDefault(dedent`
      const secret = process.env.SESSION_SECRET || "keyboard cat";
      if (!process.env.SESSION_SECRET) console.warn("SESSION_SECRET is not set: sessions are signed with a default");
    `, '"keyboard cat"', "SESSION_SECRET", 1, "SESSION_SECRET falls back to a 12-character value written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove it in production only (local and test runs keep the default), so that a deployment without the variable stops at startup."),
    devDefault(dedent`
      const secret = process.env.JWT_SECRET || "supersecret";
      if (!secret) logger.warn("no JWT secret");
    `, '"supersecret"', "JWT_SECRET"),
    devDefault('const secret = process.env.JWT_SECRET || "development-secret-change-in-production";', '"development-secret-change-in-production"', "JWT_SECRET"),
    devDefault('const devSecret = process.env.JWT_SECRET || "supersecret";', '"supersecret"', "JWT_SECRET"),
    devDefault(dedent`
      // Local runs sign with this; deployments set JWT_SECRET.
      const secret = process.env.JWT_SECRET || "supersecret";
    `, '"supersecret"', "JWT_SECRET", 2),
    // (The same after `if (process.env.NODE_ENV === "production" && !process.env.JWT_SECRET) throw …` is
    // not reported since held round 28: hardcoded-secret.round28.test.ts.)
    devDefault(dedent`
      const secret = process.env.JWT_SECRET || "supersecret";
      if (process.env.NODE_ENV === "production" && !process.env.JWT_SECRET) throw new Error("JWT_SECRET is required");
    `, '"supersecret"', "JWT_SECRET"),
    devDefault(dedent`
      let secret = process.env.JWT_SECRET;
      if (process.env.NODE_ENV !== "production") secret = process.env.JWT_SECRET || "supersecret";
    `, '"supersecret"', "JWT_SECRET", 2),
    // Deno has no NODE_ENV convention: the plain advice and removal, though the value says dev.
    {
      code: 'const secret = Deno.env.get("JWT_SECRET") ?? "dev-secret";',
      findings: [{ case: "envFallbackLiteral", ...span('const secret = Deno.env.get("JWT_SECRET") ?? "dev-secret";', '"dev-secret"'), message: "JWT_SECRET falls back to a 10-character value written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead.", suggestions: [
        { title: "Remove the insecure fallback", output: 'const secret = Deno.env.get("JWT_SECRET") ?? (() => { throw new Error("JWT_SECRET is not set"); })();' },
        mark('const secret = Deno.env.get("JWT_SECRET") ?? "dev-secret";', "envFallbackLiteral"),
      ] }],
      output: null,
    },
    // NODE_ENV read next to it for other settings, a warning about something else: the plain removal stays first.
    {
      code: OTHER_SETTINGS,
      findings: [{ case: "envFallbackLiteral", ...span(OTHER_SETTINGS, '"your-secret-whatever"', 2), suggestions: [
        { title: "Remove the insecure fallback", output: OTHER_SETTINGS.replace('"your-secret-whatever"', '(() => { throw new Error("JWT_SECRET is not set"); })()') },
        prodOnly(OTHER_SETTINGS, '"your-secret-whatever"', "JWT_SECRET"),
        mark(OTHER_SETTINGS, "envFallbackLiteral", 2),
      ] }],
      output: null,
    },
    unfixable('const { API_TOKEN = "local-token" } = process.env;', "envFallbackLiteral", '"local-token"'),
    unfixable('const env = cleanEnv(process.env, { JWT_SECRET: str({ default: "insecure" }) });', "envFallbackLiteral", '"insecure"'),
    // convict names `format` and `env`: a setting, even beside a type-like key.
    unfixable('const config = convict({ jwtSecret: { doc: "JWT key", type: "string", format: String, default: "insecure", env: "JWT_SECRET" } });', "envFallbackLiteral", '"insecure"'),
    {
      code: 'const secret = process.env.JWT_SECRET || "x";',
      filename: TEST_FILE,
      findings: [{ case: "envFallbackLiteral", ...span('const secret = process.env.JWT_SECRET || "x";', '"x"'), suggestions: [{ title: "Remove the insecure fallback", output: 'const secret = process.env.JWT_SECRET || (() => { throw new Error("JWT_SECRET is not set"); })();' }, prodOnly('const secret = process.env.JWT_SECRET || "x";', '"x"', "JWT_SECRET"), mark('const secret = process.env.JWT_SECRET || "x";', "envFallbackLiteral")] }],
      output: null,
    },

    // ---- real-code classes (issue 11): comparisons, password calls, config keys, URL queries, Basic pairs, option fallbacks ----
    {
      ...moved('if (password === "admin123") ok();', "suspiciousName", '"admin123"', "PASSWORD"),
      findings: [{ case: "suspiciousName", ...span('if (password === "admin123") ok();', '"admin123"'), message: "An 8-character password is written in the code (compared with password): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [move('if (password === "admin123") ok();', '"admin123"', "PASSWORD", `(${env("PASSWORD")})`), mark('if (password === "admin123") ok();', "suspiciousName")] }],
    },
    {
      ...moved('const hashed = await bcrypt.hash("Adm1n-pass", 10);', "suspiciousName", '"Adm1n-pass"', "PASSWORD"),
      findings: [{ case: "suspiciousName", ...span('const hashed = await bcrypt.hash("Adm1n-pass", 10);', '"Adm1n-pass"'), message: "A 10-character password is written in the code (passed to bcrypt.hash): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [move('const hashed = await bcrypt.hash("Adm1n-pass", 10);', '"Adm1n-pass"', "PASSWORD"), mark('const hashed = await bcrypt.hash("Adm1n-pass", 10);', "suspiciousName")] }],
    },
    moved('const ok = await bcrypt.compare(pw, "hunter22");', "suspiciousName", '"hunter22"', "PASSWORD"),
    moved('const router = AdminJSExpress.buildAuthenticatedRouter(admin, { authenticate, cookieName: "adminjs", cookiePassword: "secret-password-change-in-production" });', "signingSecret", '"secret-password-change-in-production"', "COOKIE_SECRET"),
    moved('const config = { cryptoKey: "abcd1234efgh" };', "suspiciousName", '"abcd1234efgh"', "CRYPTO_KEY"),
    moved('const client = new Client({ licenseKey: "a8f5f167f44f4964e6c998dee827110c" });', "suspiciousName", '"a8f5f167f44f4964e6c998dee827110c"', "LICENSE_KEY"),
    {
      code: 'const ws = new WebSocket("wss://stream.acme.io/ws?token=a8f5f167f44f4964e6c998de");',
      findings: [{ case: "suspiciousName", ...span('const ws = new WebSocket("wss://stream.acme.io/ws?token=a8f5f167f44f4964e6c998de");', '"wss://stream.acme.io/ws?token=a8f5f167f44f4964e6c998de"'), message: "A 24-character token is written in the code (in the URL parameter token): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [{ title: "Move secret to process.env.ACME_TOKEN", output: `const ws = new WebSocket(\`wss://stream.acme.io/ws?token=\${${env("ACME_TOKEN")}}\`);` }, mark('const ws = new WebSocket("wss://stream.acme.io/ws?token=a8f5f167f44f4964e6c998de");', "suspiciousName")] }],
      output: null,
    },
    moved('axios.get(url, { headers: { Authorization: "Basic " + btoa("admin:s3cret-pw") } });', "authorizationHeader", '"admin:s3cret-pw"', "BASIC_AUTH_CREDENTIALS"),
    moved('const headers = { Authorization: `Basic ${Buffer.from("admin:s3cret-pw").toString("base64")}` };', "authorizationHeader", '"admin:s3cret-pw"', "BASIC_AUTH_CREDENTIALS"),
    {
      code: 'const secret = options.secret || "dev-secret-123";',
      findings: [{ case: "envFallbackLiteral", ...span('const secret = options.secret || "dev-secret-123";', '"dev-secret-123"'), message: "secret falls back to a 14-character value written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead.", suggestions: [{ title: "Remove the insecure fallback", output: 'const secret = options.secret || (() => { throw new Error("secret is not set"); })();' }, mark('const secret = options.secret || "dev-secret-123";', "envFallbackLiteral")] }],
      output: null,
    },
    moved('const url = config.dbUrl || "postgres://admin:pw123x@db.internal:5432/app";', "connectionString", '"postgres://admin:pw123x@db.internal:5432/app"', "DATABASE_URL", {
      findings: [{ case: "connectionString", ...span('const url = config.dbUrl || "postgres://admin:pw123x@db.internal:5432/app";', '"postgres://admin:pw123x@db.internal:5432/app"'), suggestions: [move('const url = config.dbUrl || "postgres://admin:pw123x@db.internal:5432/app";', '"postgres://admin:pw123x@db.internal:5432/app"', "DATABASE_URL", `(${env("DATABASE_URL")})`), mark('const url = config.dbUrl || "postgres://admin:pw123x@db.internal:5432/app";', "connectionString")] }],
    }),
    moved('await mongoose.connect("mongodb://admin:s3cretpw@localhost:27017/app");', "connectionString", '"mongodb://admin:s3cretpw@localhost:27017/app"', "MONGODB_URI", { filename: "scripts/seed.ts" }),
    {
      code: 'const hook = "https://hooks.example.net/x?token=ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X&sig=Zq8pL2vWk3R9tY6uQ1";',
      findings: [
        { case: "providerKey", ...span('const hook = "https://hooks.example.net/x?token=ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X&sig=Zq8pL2vWk3R9tY6uQ1";', "ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X"), suggestions: [{ title: "Move secrets to process.env.GITHUB_TOKEN and process.env.SIG", output: `const hook = \`https://hooks.example.net/x?token=\${${env("GITHUB_TOKEN")}}&sig=\${${env("SIG")}}\`;` }, mark('const hook = "https://hooks.example.net/x?token=ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X&sig=Zq8pL2vWk3R9tY6uQ1";', "providerKey")] },
        { case: "suspiciousName", ...span('const hook = "https://hooks.example.net/x?token=ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X&sig=Zq8pL2vWk3R9tY6uQ1";', "Zq8pL2vWk3R9tY6uQ1"), message: "An 18-character key is written in the code (in the URL parameter sig): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [{ title: "Move secrets to process.env.GITHUB_TOKEN and process.env.SIG", output: `const hook = \`https://hooks.example.net/x?token=\${${env("GITHUB_TOKEN")}}&sig=\${${env("SIG")}}\`;` }, mark('const hook = "https://hooks.example.net/x?token=ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X&sig=Zq8pL2vWk3R9tY6uQ1";', "suspiciousName")] },
      ],
      output: null,
    },

    // ---- dev-set classes (eval-hs, session 14): a query credential after a substitution of a URL template
    // (no part alone is a URL; reported with no move), OpenWeatherMap's `appid`, a literal under
    // encodeURIComponent, a Gmail app password (spaced, but not text) ----
    unfixable("const url = `https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c`;", "suspiciousName", "`https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c`", {
      findings: [{ case: "suspiciousName", ...span("const url = `https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c`;", "`https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c`"), message: "A 32-character credential is written in the code (in the URL parameter appid): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [mark("const url = `https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c`;", "suspiciousName")] }],
    }),
    unfixable("const ws = new WebSocket(`wss://stream.acme.io/ws?symbol=${symbol}&token=a8f5f167f44f4964e6c998de`);", "suspiciousName", "`wss://stream.acme.io/ws?symbol=${symbol}&token=a8f5f167f44f4964e6c998de`"),
    // …and before one, in the template's first part, or with the host interpolated.
    unfixable("const u = `https://api.acme.io/v1/search?api_key=a8f5f167f44f4964e6c998dee827110c&q=${q}`;", "suspiciousName", "`https://api.acme.io/v1/search?api_key=a8f5f167f44f4964e6c998dee827110c&q=${q}`"),
    unfixable("const u = `https://${host}/v1/search?token=a8f5f167f44f4964e6c998dee827110c`;", "suspiciousName", "`https://${host}/v1/search?token=a8f5f167f44f4964e6c998dee827110c`"),
    unfixable("const res = await fetch(`${BASE}/news?country=${c}`.replace(\"x\", \"y\") + `https://newsapi.org/v2/top?country=${c}&apiKey=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c`);", "suspiciousName", "`https://newsapi.org/v2/top?country=${c}&apiKey=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c`"),
    {
      code: 'const url = "https://api.openweathermap.org/data/2.5/weather?q=London&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c";',
      findings: [{ case: "suspiciousName", ...span('const url = "https://api.openweathermap.org/data/2.5/weather?q=London&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c";', '"https://api.openweathermap.org/data/2.5/weather?q=London&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c"'), suggestions: [{ title: "Move secret to process.env.OPENWEATHERMAP_APPID", output: `const url = \`https://api.openweathermap.org/data/2.5/weather?q=London&appid=\${${env("OPENWEATHERMAP_APPID")}}\`;` }, mark('const url = "https://api.openweathermap.org/data/2.5/weather?q=London&appid=9c1f4e7a2b8d3f6e0a5c7b9d1e3f5a7c";', "suspiciousName")] }],
      output: null,
    },
    // A Supabase service-role key (payload role service_role) under any name or none; named, it keeps its provider's variable.
    moved('export const supabaseAdmin = createClient("https://qzkvbtmwplxrnhdc.supabase.co", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5");', "providerKey", '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5"', "SUPABASE_SERVICE_ROLE_KEY"),
    moved('const supabaseKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5";', "providerKey", '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6a3ZidG13cGx4cm5oZGMiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.Qm3vT8kZp2LxW9rN5bYcHjT4sDf6Gh8Jk1Lz0aB3cD5"', "SUPABASE_SERVICE_ROLE_KEY"),
    // Retired held slice (Fishkiller111/Fastify): an access key id's fallback is the key pair's setting, placeholders included.
    {
      code: 'await setConfig({ key: "aliyun_sms_access_key_id", value: process.env.ALIYUN_SMS_ACCESS_KEY_ID || "your-access-key-id" });',
      findings: [{ case: "envFallbackLiteral", ...span('await setConfig({ key: "aliyun_sms_access_key_id", value: process.env.ALIYUN_SMS_ACCESS_KEY_ID || "your-access-key-id" });', '"your-access-key-id"'), suggestions: [{ title: "Remove the insecure fallback", output: 'await setConfig({ key: "aliyun_sms_access_key_id", value: process.env.ALIYUN_SMS_ACCESS_KEY_ID || (() => { throw new Error("ALIYUN_SMS_ACCESS_KEY_ID is not set"); })() });' }, prodOnly('await setConfig({ key: "aliyun_sms_access_key_id", value: process.env.ALIYUN_SMS_ACCESS_KEY_ID || "your-access-key-id" });', '"your-access-key-id"', "ALIYUN_SMS_ACCESS_KEY_ID"), mark('await setConfig({ key: "aliyun_sms_access_key_id", value: process.env.ALIYUN_SMS_ACCESS_KEY_ID || "your-access-key-id" });', "envFallbackLiteral")] }],
      output: null,
    },
    moved('const config = { session: { secret: "keyboard cat" } };', "suspiciousName", '"keyboard cat"', "SESSION_SECRET"),
    // Phrases among other values: a session config, not a table of labels.
    moved('const session = { name: "sid", secret: "keyboard cat", sameSite: "strict mode", store: "redis store" };', "suspiciousName", '"keyboard cat"', "SESSION_SECRET"),
    moved('export default { sessionSecret: "my session secret", port: 3000 };', "suspiciousName", '"my session secret"', "SESSION_SECRET"),
    moved('const adminPassword = "open sesame";', "suspiciousName", '"open sesame"', "ADMIN_PASSWORD"),
    moved('const password = encodeURIComponent("Lbj-0101-moon");', "suspiciousName", '"Lbj-0101-moon"', "PASSWORD"),
    moved('const mailer = nodemailer.createTransport({ service: "gmail", auth: { user: "shop@acme.io", pass: "qwhr tmzk pbvd lsne" } });', "suspiciousName", '"qwhr tmzk pbvd lsne"', "PASS", {
      findings: [{ case: "suspiciousName", ...span('const mailer = nodemailer.createTransport({ service: "gmail", auth: { user: "shop@acme.io", pass: "qwhr tmzk pbvd lsne" } });', '"qwhr tmzk pbvd lsne"'), message: "A 19-character password is written in the code (assigned to pass): anyone who can read the code can use it. Read it from an environment variable.", suggestions: [move('const mailer = nodemailer.createTransport({ service: "gmail", auth: { user: "shop@acme.io", pass: "qwhr tmzk pbvd lsne" } });', '"qwhr tmzk pbvd lsne"', "PASS"), mark('const mailer = nodemailer.createTransport({ service: "gmail", auth: { user: "shop@acme.io", pass: "qwhr tmzk pbvd lsne" } });', "suspiciousName")] }],
    }),

    // The production false-positive classes keep their true neighbours: a random value or a password
    // in a table of words, a word compared with a password, a Basic pair and a URL password outside tests.
    moved('const ids = { view: "view", doc: "doc", page: "page", preset: "preset", apiToken: "TrKKe1WEonm2aXjZTyMgul3uICn3WBH8" };', "suspiciousName", '"TrKKe1WEonm2aXjZTyMgul3uICn3WBH8"', "API_TOKEN"),
    moved('const db = { host: "localhost", user: "app", database: "app", schema: "public", password: "admin" };', "suspiciousName", '"admin"', "DB_PASSWORD"),
    moved('if (password === "letmein") grantAdmin();', "suspiciousName", '"letmein"', "PASSWORD", {
      findings: [{ case: "suspiciousName", ...span('if (password === "letmein") grantAdmin();', '"letmein"'), suggestions: [move('if (password === "letmein") grantAdmin();', '"letmein"', "PASSWORD", `(${env("PASSWORD")})`), mark('if (password === "letmein") grantAdmin();', "suspiciousName")] }],
    }),
    moved('const defaults = { jwtSecret: "keyboardcat" };', "suspiciousName", '"keyboardcat"', "JWT_SECRET"),
    {
      code: 'const headers = { Authorization: "Basic YWRtaW46czNjcmV0LXB3" };',
      findings: [{ case: "authorizationHeader", ...span('const headers = { Authorization: "Basic YWRtaW46czNjcmV0LXB3" };', '"Basic YWRtaW46czNjcmV0LXB3"'), suggestions: [{ title: "Move secret to process.env.BASIC_AUTH_CREDENTIALS", output: `const headers = { Authorization: \`Basic \${${env("BASIC_AUTH_CREDENTIALS")}}\` };` }, mark('const headers = { Authorization: "Basic YWRtaW46czNjcmV0LXB3" };', "authorizationHeader")] }],
      output: null,
    },
    {
      code: 'const login = "https://acme.io/login?user=ops&password=moon-y";',
      findings: [{ case: "suspiciousName", ...span('const login = "https://acme.io/login?user=ops&password=moon-y";', '"https://acme.io/login?user=ops&password=moon-y"'), suggestions: [{ title: "Move secret to process.env.ACME_PASSWORD", output: `const login = \`https://acme.io/login?user=ops&password=\${${env("ACME_PASSWORD")}}\`;` }, mark('const login = "https://acme.io/login?user=ops&password=moon-y";', "suspiciousName")] }],
      output: null,
    },
    // A random-looking key in a test file is still one; so is a test setting's fallback outside tests,
    // and a value a test assigns to a variable other than the one it falls back for.
    moved('const oldEncryptionKey = "Qm3vT8kZp2LxW9rN5bYc";', "suspiciousName", '"Qm3vT8kZp2LxW9rN5bYc"', "OLD_ENCRYPTION_KEY", { filename: TEST_FILE }),
    // A run of 4 is chance; the `__test__/` folder still reports a random password on a real host; a
    // name that starts with a character set's word still names a secret; a constant used beside its
    // placeholder is a key the code uses, and a `value` is not a placeholder.
    moved('const ROOT_KEY = "acme_4XqT9wZpLm2VtKbCdEqW";', "suspiciousName", '"acme_4XqT9wZpLm2VtKbCdEqW"', "ROOT_KEY", { filename: TEST_FILE }),
    moved('const url = "postgres://app:Zq8pL2vW@db.prod.internal:5432/app";', "connectionString", '"postgres://app:Zq8pL2vW@db.prod.internal:5432/app"', "DATABASE_URL", { filename: "apps/web/__test__/setup.ts" }),
    moved('const charsetPassword = "Zq8pL2vWk3Tx";', "suspiciousName", '"Zq8pL2vWk3Tx"', "CHARSET_PASSWORD"),
    unfixable('const keyHolder = "-----BEGIN PRIVATE KEY-----\\n4l9U2/XuwmfWh9KF4Vk1uj8HHwoBeBWSPJ1Tqcn0Sn/hMcO8pQSQbUZVixCx+Bfu\\n-----END PRIVATE KEY-----";\nconst a = <Textarea placeholder={keyHolder} />;\nsign(data, keyHolder);', "privateKey", '"-----BEGIN PRIVATE KEY-----\\n4l9U2/XuwmfWh9KF4Vk1uj8HHwoBeBWSPJ1Tqcn0Sn/hMcO8pQSQbUZVixCx+Bfu\\n-----END PRIVATE KEY-----"', { filename: "src/components/certificate-form.tsx" }),
    unfixable('const f = <Input value="123456789:AAH4kR2vQ9mXzT7pLwB3nY8cJ5dF0gS1eKu" />;', "providerKey", '"123456789:AAH4kR2vQ9mXzT7pLwB3nY8cJ5dF0gS1eKu"', { filename: "src/components/telegram-form.tsx" }),
    {
      code: 'process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";',
      findings: [{ case: "envFallbackLiteral", ...span('process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', '"cube-secret"'), suggestions: [{ title: "Remove the insecure fallback", output: 'process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || (() => { throw new Error("CUBEJS_API_SECRET is not set"); })();' }, prodOnly('process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', '"cube-secret"', "CUBEJS_API_SECRET"), mark('process.env.CUBEJS_API_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', "envFallbackLiteral")] }],
      output: null,
    },
    {
      code: 'process.env.JWT_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";',
      filename: TEST_FILE,
      findings: [{ case: "envFallbackLiteral", ...span('process.env.JWT_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', '"cube-secret"'), suggestions: [{ title: "Remove the insecure fallback", output: 'process.env.JWT_SECRET = process.env.CUBEJS_API_SECRET || (() => { throw new Error("CUBEJS_API_SECRET is not set"); })();' }, prodOnly('process.env.JWT_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', '"cube-secret"', "CUBEJS_API_SECRET"), mark('process.env.JWT_SECRET = process.env.CUBEJS_API_SECRET || "cube-secret";', "envFallbackLiteral")] }],
      output: null,
    },
    // A bearer token next to the challenge syntax is still a token; a random password of a test's remote database too.
    {
      code: 'const h = { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" };',
      findings: [{ case: "authorizationHeader", ...span('const h = { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" };', '"Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe"'), suggestions: [{ title: "Move secret to process.env.API_TOKEN", output: `const h = { Authorization: \`Bearer \${${env("API_TOKEN")}}\` };` }, mark('const h = { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" };', "authorizationHeader")] }],
      output: null,
    },
    moved('const url = "mysql://admin:Zq8pL2vWk3@database/formbricks";', "connectionString", '"mysql://admin:Zq8pL2vWk3@database/formbricks"', "DATABASE_URL", { filename: TEST_FILE }),

    // ---- rotation advice: certain when git tracks the file, conditional when the index cannot be read ----
    moved('const password = "hunter2";', "suspiciousName", '"hunter2"', "PASSWORD", {
      filename: "src/db.ts",
      files: gitRepo(["src/db.ts"]),
      findings: [{ case: "suspiciousName", ...span('const password = "hunter2";', '"hunter2"'), message: `A 7-character password is written in the code (assigned to password): ${USE} ${READ_ENV} Rotate it: it is in git history.`, suggestions: [move('const password = "hunter2";', '"hunter2"', "PASSWORD"), mark('const password = "hunter2";', "suspiciousName")] }],
    }),
    moved('const password = "hunter2";', "suspiciousName", '"hunter2"', "PASSWORD", {
      filename: "src/db.ts",
      files: gitRepo(undefined),
      findings: [{ case: "suspiciousName", ...span('const password = "hunter2";', '"hunter2"'), message: `A 7-character password is written in the code (assigned to password): ${USE} ${READ_ENV} If this file was ever committed, rotate it: it stays in git history.`, suggestions: [move('const password = "hunter2";', '"hunter2"', "PASSWORD"), mark('const password = "hunter2";', "suspiciousName")] }],
    }),
    moved('const password = "hunter2";', "suspiciousName", '"hunter2"', "PASSWORD", {
      filename: "src/db.ts",
      files: gitRepo(["src/other.ts"]),
      findings: [{ case: "suspiciousName", ...span('const password = "hunter2";', '"hunter2"'), message: `A 7-character password is written in the code (assigned to password): ${USE} ${READ_ENV}`, suggestions: [move('const password = "hunter2";', '"hunter2"', "PASSWORD"), mark('const password = "hunter2";', "suspiciousName")] }],
    }),
    {
      code: "// old key: ghp_LrXUSymQj3aagZUflvzcP1ERXffimSQyZKlJ\nconst x = 1;",
      filename: "src/gh.ts",
      files: gitRepo(["src/gh.ts"]),
      findings: [{ case: "secretInComment", line: 1, column: 13, endColumn: 53, message: `A 40-character GitHub token is written in a comment: ${USE} Delete it from the comment. Rotate it: it is in git history.`, suggestions: [mark("// old key: ghp_LrXUSymQj3aagZUflvzcP1ERXffimSQyZKlJ\nconst x = 1;", "secretInComment")] }],
      output: "// old key: <redacted>\nconst x = 1;",
    },
    {
      code: 'const secret = process.env.JWT_SECRET || "supersecret";',
      filename: "src/jwt.ts",
      files: gitRepo(["src/jwt.ts"]),
      findings: [{ case: "envFallbackLiteral", ...span('const secret = process.env.JWT_SECRET || "supersecret";', '"supersecret"'), message: "JWT_SECRET falls back to an 11-character value written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. Remove the fallback so that the app stops at startup instead.", suggestions: [{ title: "Remove the insecure fallback", output: 'const secret = process.env.JWT_SECRET || (() => { throw new Error("JWT_SECRET is not set"); })();' }, prodOnly('const secret = process.env.JWT_SECRET || "supersecret";', '"supersecret"', "JWT_SECRET"), mark('const secret = process.env.JWT_SECRET || "supersecret";', "envFallbackLiteral")] }],
      output: null,
    },

    // ---- style and browser code (the env example edits are in hardcoded-secret.env.test.ts) ----
    {
      code: "import { connect } from './db'\nconst password = 'hunter2'\nconnect({ password })\n",
      findings: [{ case: "suspiciousName", line: 2, column: 18, endColumn: 27, suggestions: [{ title: "Move secret to process.env.PASSWORD", output: "import { connect } from './db'\nconst password = process.env.PASSWORD ?? (() => { throw new Error('PASSWORD is not set') })()\nconnect({ password })\n" }, mark("import { connect } from './db'\nconst password = 'hunter2'\nconnect({ password })\n", "suspiciousName", 2)] }],
      output: null,
    },
    moved('const pay = (amount: number) => charge(amount, "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8" + suffix);', "providerKey", '"sk_live_tLU3Axzxy4ITpKE1qvRBaCW8"', "STRIPE_SECRET_KEY", {
      findings: [{ case: "providerKey", ...span('const pay = (amount: number) => charge(amount, "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8" + suffix);', '"sk_live_tLU3Axzxy4ITpKE1qvRBaCW8"'), suggestions: [move('const pay = (amount: number) => charge(amount, "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8" + suffix);', '"sk_live_tLU3Axzxy4ITpKE1qvRBaCW8"', "STRIPE_SECRET_KEY", `(${env("STRIPE_SECRET_KEY")})`), mark('const pay = (amount: number) => charge(amount, "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8" + suffix);', "providerKey")] }],
    }),
    {
      code: '"use client";\nconst stripe = new Stripe("sk_live_tLU3Axzxy4ITpKE1qvRBaCW8");\n',
      filename: "app/checkout/page.tsx",
      findings: [{ case: "providerKey", line: 2, column: 27, endColumn: 61, message: "A 32-character Stripe live secret key is written in the code: anyone who can read the code can use it. Browser code ships it to every visitor: move it to the server.", suggestions: [mark('"use client";\nconst stripe = new Stripe("sk_live_tLU3Axzxy4ITpKE1qvRBaCW8");\n', "providerKey", 2)] }],
      output: null,
    },
    {
      code: 'export function Map() { return <GoogleMap apiKey="AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l" />; }',
      filename: "src/components/Map.tsx",
      files: { "package.json": '{ "dependencies": { "next": "15.0.0", "react": "19.0.0" } }\n' },
      findings: [{ case: "providerKey", ...span('export function Map() { return <GoogleMap apiKey="AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l" />; }', '"AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l"'), message: "A 39-character Google API key is written in the code: anyone who can read the code can use it. In browser code, read it from a public build-time variable.", suggestions: [move('export function Map() { return <GoogleMap apiKey="AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l" />; }', '"AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l"', "NEXT_PUBLIC_GOOGLE_API_KEY", `{${env("NEXT_PUBLIC_GOOGLE_API_KEY")}}`), mark('export function Map() { return <GoogleMap apiKey="AIzav0sjAAkU1MOY3tmmio_3swEBtRx1Nt9w67l" />; }', "providerKey")] }],
      output: null,
    },
    {
      code: 'const firebaseConfig = { apiKey: "AIzaW8R1Jng_L8X78SXemkWpeM_IiiWbR_ryK_u", projectId: "acme-shop" };',
      filename: "src/client/firebase.ts",
      files: { "package.json": '{ "devDependencies": { "vite": "6.0.0" } }\n' },
      findings: [{ case: "providerKey", ...span('const firebaseConfig = { apiKey: "AIzaW8R1Jng_L8X78SXemkWpeM_IiiWbR_ryK_u", projectId: "acme-shop" };', '"AIzaW8R1Jng_L8X78SXemkWpeM_IiiWbR_ryK_u"'), suggestions: [{ title: "Move secret to import.meta.env.VITE_FIREBASE_API_KEY", output: 'const firebaseConfig = { apiKey: import.meta.env.VITE_FIREBASE_API_KEY ?? (() => { throw new Error("VITE_FIREBASE_API_KEY is not set"); })(), projectId: "acme-shop" };' }, mark('const firebaseConfig = { apiKey: "AIzaW8R1Jng_L8X78SXemkWpeM_IiiWbR_ryK_u", projectId: "acme-shop" };', "providerKey")] }],
      output: null,
    },
    {
      code: 'export const LoginForm = () => { const adminPassword = "Tr0ub4dor&3"; return null; };',
      filename: "src/components/LoginForm.tsx",
      findings: [{ case: "suspiciousName", ...span('export const LoginForm = () => { const adminPassword = "Tr0ub4dor&3"; return null; };', '"Tr0ub4dor&3"'), message: "An 11-character password is written in the code (assigned to adminPassword): anyone who can read the code can use it. Browser code ships it to every visitor: move it to the server.", suggestions: [mark('export const LoginForm = () => { const adminPassword = "Tr0ub4dor&3"; return null; };', "suspiciousName")] }],
      output: null,
    },
    // A folder named like a convention above the project (here `client/`) does not make the file browser code.
    moved('const password = "hunter2";', "suspiciousName", '"hunter2"', "PASSWORD", { filename: "client/api-server/src/db.ts", files: { "client/api-server/package.json": "{}\n" } }),
    // ...but a folder convention inside the project does.
    unfixable('const password = "hunter2";', "suspiciousName", '"hunter2"', { filename: "src/client/db.ts" }),
    // Random-looking values still count in examples.
    moved('const apiToken = "TrKKe1WEonm2aXjZTyMgul3uICn3WBH8";', "suspiciousName", '"TrKKe1WEonm2aXjZTyMgul3uICn3WBH8"', "API_TOKEN", { filename: "examples/client.ts" }),
    // Two different values under one derived name: the second gets its own variable; the same value shares it.
    {
      code: 'jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, "keyboard cat");\n',
      findings: [
        { case: "signingSecret", line: 1, column: 13, endColumn: 27, suggestions: [move('jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, "keyboard cat");\n', '"keyboard cat"', "JWT_SECRET"), mark('jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, "keyboard cat");\n', "signingSecret")] },
        { case: "signingSecret", line: 2, column: 13, endColumn: 32, suggestions: [{ title: "Move secret to process.env.FILE_JWT_SECRET", output: `jwt.sign(a, "keyboard cat");\njwt.sign(b, ${env("FILE_JWT_SECRET")});\njwt.sign(c, "keyboard cat");\n` }, mark('jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, "keyboard cat");\n', "signingSecret", 2)] },
        { case: "signingSecret", line: 3, column: 13, endColumn: 27, suggestions: [{ title: "Move secret to process.env.JWT_SECRET", output: `jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, ${env("JWT_SECRET")});\n` }, mark('jwt.sign(a, "keyboard cat");\njwt.sign(b, "other-signing-key");\njwt.sign(c, "keyboard cat");\n', "signingSecret", 3)] },
      ],
      output: null,
    },

    // ---- hoppscotch classes, where the line is drawn: a JWT with any other payload (in a test, as a
    // Bearer token), a complete Ed25519 body followed by `...`, base64 of a made-up secret outside tests,
    // a PostHog personal API key (`phx_`) ----
    moved('const mockToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP";', "suspiciousName", '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP"', "MOCK_TOKEN", { filename: TEST_FILE }),
    moved('const headers = { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP" };', "authorizationHeader", '"Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP"', "API_TOKEN", {
      findings: [{ case: "authorizationHeader", ...span('const headers = { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP" };', '"Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP"'), suggestions: [{ title: "Move secret to process.env.API_TOKEN", output: `const headers = { Authorization: \`Bearer \${${env("API_TOKEN")}}\` };` }, mark('const headers = { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZDQxYzciLCJuYW1lIjoiQWRhIEJ5cm9uIiwiaWF0IjoxNzMzMjEzMDIyfQ.qfwNINkUql24t2NwI4qYeY7e5a4vMLGJQH1ip3xoMlP" };', "authorizationHeader")] }],
    }),
    moved('const key = "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIuLK7fjc+1okaCY/rC0Xu/MAjveqvQAMyAnxcqPBQGYA...";', "privateKey", '"-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIuLK7fjc+1okaCY/rC0Xu/MAjveqvQAMyAnxcqPBQGYA..."', "PRIVATE_KEY"),
    moved('const auth = { secret: "bXktc2VjcmV0LWtleQ==" };', "suspiciousName", '"bXktc2VjcmV0LWtleQ=="', "SECRET"),
    moved('const POSTHOG_PERSONAL_API_KEY = "phx_7qIbkYHQb1jkugFLLLNn0J3ZsMGRajchFzHseMsWSJl";', "suspiciousName", '"phx_7qIbkYHQb1jkugFLLLNn0J3ZsMGRajchFzHseMsWSJl"', "POSTHOG_PERSONAL_API_KEY"),

    // ---- held round 14 classes, where the line is drawn: a check that only logs, an error list nothing
    // throws on, a check of another setting, a login check (`!==` then a throw), a number nobody parses ----
    readableFallback(LOGS_ONLY, '"replace_this_jwt_key"', "JWT_SECRET"),
    readableFallback(LIST_NOT_THROWN, '"replace_this_jwt_key"', "JWT_SECRET"),
    readableFallback(OTHER_READ, '"replace_this_jwt_key"', "JWT_SECRET"),
    moved('if (password !== "Tr0ub4dor-3") throw new Error("Unauthorized");', "suspiciousName", '"Tr0ub4dor-3"', "PASSWORD", {
      findings: [{ case: "suspiciousName", ...span('if (password !== "Tr0ub4dor-3") throw new Error("Unauthorized");', '"Tr0ub4dor-3"'), suggestions: [move('if (password !== "Tr0ub4dor-3") throw new Error("Unauthorized");', '"Tr0ub4dor-3"', "PASSWORD", `(${env("PASSWORD")})`), mark('if (password !== "Tr0ub4dor-3") throw new Error("Unauthorized");', "suspiciousName")] }],
    }),
    {
      code: 'const pin = process.env.ADMIN_PASSWORD || "482913";',
      findings: [{ case: "envFallbackLiteral", ...span('const pin = process.env.ADMIN_PASSWORD || "482913";', '"482913"'), suggestions: [{ title: "Remove the insecure fallback", output: 'const pin = process.env.ADMIN_PASSWORD || (() => { throw new Error("ADMIN_PASSWORD is not set"); })();' }, prodOnly('const pin = process.env.ADMIN_PASSWORD || "482913";', '"482913"', "ADMIN_PASSWORD"), mark('const pin = process.env.ADMIN_PASSWORD || "482913";', "envFallbackLiteral")] }],
      output: null,
    },
  ],
});
