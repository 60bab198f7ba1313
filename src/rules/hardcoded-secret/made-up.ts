/**
 * Made-up credentials of large codebases (issue 11, production samples): where a value lives
 * and what it looks like when nobody meant it as a secret. Test and tooling files the test-file
 * convention does not name, sentinel values, and the fallback of a request's own field. Every
 * check is a regex over the path or the value, or a look at the literal's parent: no walks.
 */
import { ts } from "../../engine/ts";

/**
 * Test files named with a qualifier before `spec` or `test` (`users.e2e-spec.ts`, the NestJS
 * CLI's name for end-to-end suites, `orders.int-spec.ts`, `api.e2e-test.ts`), Cypress specs
 * (`login.cy.ts`), type tests (`types.test-d.ts`), and modules named for a test's configuration
 * (`test-config.ts`, `testConfig.ts`, `test.config.ts`, `test-environment.ts`), and fixture
 * modules (`fixtures.ts`, `user.fixture.ts`, the data a suite loads): test code the
 * engine's `*.test.*`/`*.spec.*` convention does not name. A dot before the qualifier is required:
 * `login-test.js` and `test-db-connection.js` are manual scripts, judged like the app.
 */
const QUALIFIED_TEST_FILE_RE = /\.[a-z0-9]+[-_](?:spec|test)s?\.[cm]?[jt]sx?$|\.(?:cy|test-d|spec-d)\.[cm]?[jt]sx?$|(?:^|\/)test[-_.]?(?:config|configuration|env|environment|settings)\.[cm]?[jt]s$|(?:^|\/|\.)fixtures?\.[cm]?[jt]sx?$/i;

export function isQualifiedTestFile(path: string): boolean {
  return QUALIFIED_TEST_FILE_RE.test(path);
}

/**
 * A test runner's setup file by its name: `vitest.setup.ts`, `setupTests.ts`, `test-setup.js`, and a
 * runner or kind of test qualified before `.setup` (`vitest-e2e.setup.ts`, `jest-e2e.setup.ts`,
 * `e2e.setup.ts`, `integration.setup.ts`: production teable's e2e setup beside its
 * `vitest-e2e.config.ts`) or after `setup` (`setupJest.js`, `setup-vitest.ts`, `setupE2e.ts`). A
 * `database.setup.ts` or a plain `setup.ts` names no test and is judged like the app.
 */
const TEST_SETUP_FILE_RE = /(?:^|\/)(?:[\w-]*[-_.])?(?:vitest|jest|mocha|e2e|integration|unit|tests?)(?:[-_.][\w-]+)?[-_.]?setup[^/]*\.[cm]?[jt]sx?$|\/setup[-_.]?(?:vitest|jest|mocha|e2e|integration|unit|tests?)(?:[^a-z/][^/]*)?\.[cm]?[jt]sx?$/i;

export function isTestSetupFile(path: string): boolean {
  return TEST_SETUP_FILE_RE.test(path);
}

/**
 * Developer tooling that talks to a local or staging instance and never runs in production:
 * Storybook's configuration folder (`.storybook/`), load and performance tests (`load-tests/`,
 * `loadtest/`, `load-testing/`, `k6/`, `stress-tests/`, `perf-tests/`), and GraphQL or API code
 * generation (`codegen.ts`, `scripts/codegen/`), which logs in to the dev server to read its
 * schema. They reuse the product's documented default login and dev tokens. Documentation code
 * too: `snippets/`, and a `docs/` folder at the top of the project (judged below the nearest
 * `package.json`, so an app's `app/docs/page.tsx` route is not), whose values are shown to readers.
 */
const DEV_TOOLING_RE = /\/(?:\.storybook|load[-_]?test(?:s|ing)?|k6|stress[-_]?tests?|perf(?:ormance)?[-_]?tests?|codegen|snippets)\/|\/codegen\.[cm]?[jt]s$|^\/(?:docs?|documentation)\//i;

export function isDevToolingFile(path: string): boolean {
  return DEV_TOOLING_RE.test(path);
}

// Words that say a value stands in for a real one.
const STAND_IN_WORDS: ReadonlySet<string> = new Set(["dummy", "placeholder", "fake", "example", "sample"]);
// A value written where a credential-named field is set also says so with `demo` (`jwtSecret:
// "demo-jwt-secret"` in a no-row settings answer, retired held round 30). Not as the fallback of a
// secret setting (`row.jwt_secret || "demo-jwt-secret"`): a deployment without the setting signs with it.
export const ASSIGNED_STAND_IN_WORDS: ReadonlySet<string> = new Set([...STAND_IN_WORDS, "demo"]);

/**
 * A value that says it is not a real credential: a sentinel between double underscores
 * (`__dummy_session_token__`, `__placeholder__`), the way code marks a name that is not data,
 * or a word in capitals between asterisks or after `#` (`*DELETED*`, `#ALL`),
 * or words a person typed with a stand-in word among them (`dummy-secret-value`,
 * `fake_session_token`, `sampleWebhookSecret`): the existing one-word placeholders
 * (`example-password`) with more words. Digits only as a trailing counter (`dummy-token-2`).
 */
export function isStandInValue(value: string, standIn: ReadonlySet<string> = STAND_IN_WORDS): boolean {
  if (value.length > 80 || value.length < 3) return false;
  // `"*DELETED*"`, `"#ALL"`: a word in capitals marked by asterisks or a leading `#`, the way code marks
  // a special value (a deleted file's checksum stand-in, the "every recipient" entry; production grist-core).
  if (/^(?:\*[A-Z][A-Z_]*[A-Z]\*|#[A-Z][A-Z_]*[A-Z])$/.test(value) && /[AEIOUY]/.test(value)) return true;
  const sentinel = value.length > 4 && value.startsWith("__") && value.endsWith("__");
  let body = sentinel ? value.slice(2, -2) : value;
  // A trailing counter (`dummy-token-2`), then only letters between single separators.
  let end = body.length;
  while (end > 0 && isDigit(body.charCodeAt(end - 1))) end--;
  if (body.length - end > 3 || end === 0) return false;
  if (end < body.length && /[-_]/.test(body[end - 1]!)) end--;
  body = body.slice(0, end);
  if (!/^[A-Za-z][A-Za-z_. -]*$/.test(body) || !/[A-Za-z]$/.test(body)) return false;
  const parts = body.split(/[-_. ]/);
  if (parts.some((p) => p === "")) return false; // doubled separators: `a__b`
  const words = parts.flatMap((p) => p.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(" "));
  // A sentinel's words are a name the code gave it; elsewhere a stand-in word must say so.
  if (sentinel) return words.every((w) => /[aeiouy]/.test(w));
  return words.length >= 2 && words.some((w) => standIn.has(w));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Names of a request's context in handlers and middleware (Koa, Hono, Nest, Express, in-process dispatchers).
const REQUEST_CONTEXT_RE = /^(?:ctx|context|req|request|reqCtx|requestContext)$/;

/**
 * The left side of `ctx.apiKey ?? "internal-agent"`: a field of the request being handled, not a
 * configured setting. Its fallback labels a request that came without one (the caller, an
 * in-process agent); nothing signs or authenticates with it. A read through the context's
 * environment (`c.env.JWT_SECRET ?? "…"` in Hono, `ctx.config.secret`) is a setting all the same.
 */
export function isRequestField(left: ts.Expression): boolean {
  let e: ts.Expression = left;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return false;
  let root: ts.Expression = e;
  for (let depth = 0; (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) && depth < 8; depth++) {
    if (ts.isPropertyAccessExpression(root) && /^(?:env|config|configs|settings|options|opts)$/i.test(root.name.text) && root !== e) return false;
    root = root.expression;
  }
  return ts.isIdentifier(root) && REQUEST_CONTEXT_RE.test(root.text);
}

// Names of an embed's public identifier: the token a chat or support widget's snippet puts in every page.
const WIDGET_TOKEN_NAME_RE = /(?:website|widget)(?:token|key)$/;

/**
 * `websiteToken` (Chatwoot's widget), `widgetKey`: the identifier a site's embed snippet ships in its
 * HTML to every visitor, like an analytics id; the widget's provider treats it as public. A
 * name with `secret` or `hmac` in it (`websiteHmacToken`) is the server-side half and stays reported.
 */
export function isWidgetTokenName(normalized: string): boolean {
  return WIDGET_TOKEN_NAME_RE.test(normalized) && !/secret|hmac|private/.test(normalized);
}

const LOCAL_CHAR_RE = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR_RE = /[A-Za-z0-9.-]/;

interface FileAddresses {
  /** An address built around a substitution at a reserved domain (`${id}@example.com`). */
  built: boolean;
  /** An address at a real domain, fixed or built. */
  real: boolean;
  /** The distinct fixed addresses at reserved domains, lower-cased. */
  reservedFixed: Set<string>;
}

/** One pass over a file's `@` signs, each looked at within an address's length. */
function addressesOf(text: string, reserved: (address: string) => boolean): FileAddresses {
  const out: FileAddresses = { built: false, real: false, reservedFixed: new Set() };
  for (let at = text.indexOf("@"); at !== -1 && !out.real; at = text.indexOf("@", at + 1)) {
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_CHAR_RE.test(text[end]!)) end++;
    while (end > at + 1 && text[end - 1] === ".") end--; // the full stop of a sentence
    const domain = text.slice(at + 1, end);
    if (domain.indexOf(".") <= 0) continue; // `@Injectable`, `@types/node`: no address
    const before = at > 0 ? text[at - 1]! : "";
    if (before === "}") {
      // `${id}@example.com`: built around a substitution.
      if (reserved(`a@${domain}`)) out.built = true;
      else out.real = true;
    } else if (LOCAL_CHAR_RE.test(before)) {
      let start = at - 1;
      while (start > 0 && at - start < 64 && LOCAL_CHAR_RE.test(text[start - 1]!)) start--;
      const address = text.slice(start, end).toLowerCase();
      if (reserved(address)) out.reservedFixed.add(address);
      else out.real = true; // an address at a real domain: real accounts
    }
  }
  return out;
}

/**
 * A file that makes throwaway accounts: it builds their addresses per run at a reserved domain
 * (`` `${nanoid()}@example.com` ``, a seeder the tests call for each case), or seeds several demo
 * accounts, two or more distinct fixed addresses there (`user1@example.com`, `user2@example.com`:
 * production linkwarden's and karakeep's seed scripts), and writes no address at a real domain. The
 * password it gives them is as made up as the addresses. One fixed address (`admin@example.com`, one
 * account a seed script makes once) is judged by the object it sits in. Done once per file by the caller.
 */
export function makesThrowawayAccounts(text: string, reserved: (address: string) => boolean): boolean {
  const found = addressesOf(text, reserved);
  return !found.real && (found.built || found.reservedFixed.size >= 2);
}

/**
 * A literal inside a component's preview props (`InvitationEmail.PreviewProps = { unsubscribeToken:
 * "preview-token-123" }`): react-email's preview server renders the template with them, and nothing
 * else reads them. They are sample data, like a story's args (production inbox-zero's
 * `packages/resend/emails/*.tsx`). Looks up through the object and array literals around the value.
 */
export function inPreviewProps(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent, i = 0; p && i < 12; p = p.parent, i++) {
    if (ts.isPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) continue;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text === "PreviewProps";
    return false;
  }
  return false;
}

// A comment that says the value is no secret: "This is not actually a secret key", "// dummy secret", "fake token".
const NOT_SECRET_COMMENT_RE = /\bnot\s+(?:actually\s+|really\s+)?(?:a\s+)?(?:real\s+)?(?:secret|credential)s?\b|\b(?:dummy|fake)\s+(?:[a-z]+\s+)?(?:secret|key|token|password|credential)s?\b/i;
// The same words anywhere in a file: most files have none, and skip the look at the comments.
export const NOT_SECRET_WORDS_RE = /\bnot\s+(?:actually\s+|really\s+)?(?:a\s+)?(?:real\s+)?(?:secret|credential)|\b(?:dummy|fake)\s/i;

/**
 * The literal's own line comment, or a comment above the property or statement holding it, says it
 * is no secret (`// This is not actually a secret key, it's just a string that we XOR with the key`
 * above `const XOR_SECRET_KEY = "58ff…"`; `secret: "whsec_6f9f…", // dummy secret` in a test; production
 * dub): the author wrote down that the value grants nothing. Only the first holder's comments count.
 */
export function commentSaysNotSecret(node: ts.Node, text: string): boolean {
  const eol = text.indexOf("\n", node.end);
  const rest = text.slice(node.end, eol === -1 ? text.length : eol);
  const slashes = rest.indexOf("//");
  if (slashes !== -1 && NOT_SECRET_COMMENT_RE.test(rest.slice(slashes))) return true;
  for (let p: ts.Node | undefined = node.parent; p && !ts.isSourceFile(p) && !ts.isBlock(p); p = p.parent) {
    if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isVariableStatement(p) || ts.isExpressionStatement(p)) {
      return (ts.getLeadingCommentRanges(text, p.pos) ?? []).some((c) => NOT_SECRET_COMMENT_RE.test(text.slice(c.pos, c.end)));
    }
  }
  return false;
}
