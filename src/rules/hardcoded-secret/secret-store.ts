/**
 * Names of secrets, not secrets (issue 11, held round 16): a secret-named setting whose value is
 * the NAME under which the secret is kept,
 *
 *   const config = { WORDPRESS_PASSWORD_SECRET: "wp_app_password", WORDPRESS_APP_PASSWORD: process.env.wp_app_password };
 *   config.WORDPRESS_APP_PASSWORD = await getSecret(config.WORDPRESS_PASSWORD_SECRET);
 *
 * The value is a name when the file reads an environment variable of that name
 * (`process.env.wp_app_password`, `process.env["…"]`, `Deno.env.get("…")`, `Bun.env.…`,
 * `import.meta.env.…`), or when the setting is handed to a secret-store lookup: Google Secret
 * Manager (`accessSecretVersion`, a `…/secrets/${name}/versions/…` path), AWS Secrets Manager
 * and SSM (`GetSecretValueCommand({ SecretId })`, `getParameter({ Name })`), Vault, Doppler and
 * Azure Key Vault (`getSecret(name)`), or a helper named like one (`fetchSecret`, `loadSecret`).
 * Knowing the name grants nothing: the store asks for its own credentials. The file is walked
 * once, lazily, only when a candidate literal needs the answer.
 */
import { calleeName } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { envReadName } from "./context";
import { normalizeName } from "./names";

export interface SecretStoreNames {
  /** Environment variables the file reads, as written. */
  readonly envReads: ReadonlySet<string>;
  /** Normalised names of settings handed to a secret-store lookup. */
  readonly lookedUp: ReadonlySet<string>;
}

// Callees that fetch a secret by its name: `getSecret`, `accessSecretVersion`, `getParameter`, `fetchSecretValue`, `readSecret`.
const LOOKUP_CALL_RE = /^(?:get|fetch|load|read|access|retrieve|resolve)(?:Secret|Parameter)s?(?:Value|Version|String)?$|^accessSecretVersion$/i;
// AWS SDK v3 commands that name a secret or parameter.
const LOOKUP_COMMAND_RE = /^(?:GetSecretValue|DescribeSecret|GetParameters?)Command$/;
// Option keys that carry the secret's name in a lookup's options object.
const NAME_KEY_RE = /^(?:SecretId|Names?|name|secretId|secretName|SecretName|path)$/;

/** The name a read answers to: `config.WORDPRESS_PASSWORD_SECRET` and `this.X` → `X`, `pwSecret` → `pwSecret`. */
function readName(e: ts.Expression): string | undefined {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Reads the settings a lookup's argument names: the argument itself, a name key of an options object, a substitution of a path template. */
function namesIn(arg: ts.Expression, out: Set<string>): void {
  let e = arg;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  const direct = readName(e);
  if (direct !== undefined) out.add(normalizeName(direct));
  else if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && NAME_KEY_RE.test(p.name.text)) namesIn(p.initializer, out);
      else if (ts.isShorthandPropertyAssignment(p) && NAME_KEY_RE.test(p.name.text)) out.add(normalizeName(p.name.text));
    }
  } else if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const n = readName(span.expression);
      if (n !== undefined) out.add(normalizeName(n));
    }
  }
}

/** The environment variables the file reads and the settings it hands to a secret-store lookup. */
export function secretStoreNames(sf: ts.SourceFile): SecretStoreNames {
  const envReads = new Set<string>();
  const lookedUp = new Set<string>();
  walk(sf, (n) => {
    const env = ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n) ? envReadName(n) : undefined;
    if (env !== undefined) envReads.add(env);
    else if (ts.isCallExpression(n)) {
      const callee = calleeName(n);
      if (callee !== undefined && LOOKUP_CALL_RE.test(callee) && n.arguments[0]) namesIn(n.arguments[0], lookedUp);
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && LOOKUP_COMMAND_RE.test(n.expression.text) && n.arguments?.[0]) {
      namesIn(n.arguments[0], lookedUp);
    }
    if (ts.isTemplateExpression(n)) {
      // `projects/${projectId}/secrets/${SECRET_NAME}/versions/latest`: the substitution after `/secrets/` is a secret's name.
      let before = n.head.text;
      for (const span of n.templateSpans) {
        if (before.endsWith("/secrets/")) {
          const name = readName(span.expression);
          if (name !== undefined) lookedUp.add(normalizeName(name));
        }
        before = span.literal.text;
      }
    }
  });
  return { envReads, lookedUp };
}

/** True when `value`, under the setting `name`, is the name of a secret rather than the secret. */
export function isSecretStoreName(names: SecretStoreNames, value: string, name: string): boolean {
  return names.envReads.has(value) || (name !== "" && names.lookedUp.has(normalizeName(name)));
}
