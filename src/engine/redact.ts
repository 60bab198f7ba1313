import type { Finding, Fix } from "./types";

/**
 * The only place that renders secret-bearing values. A secret is never shown in full: at most
 * its public, provider-defined prefix (`sk_live_`, `ghp_`), then an ellipsis and its length.
 *
 * @example redactSecret("sk_live_" + "x".repeat(24), "sk_live_") === "`sk_live_…` (32 chars)"
 */
export function redactSecret(value: string, publicPrefix = ""): string {
  // Never reveal more than a third of the value, whatever prefix a caller claims is public.
  const prefix = value.startsWith(publicPrefix) && publicPrefix.length * 3 <= value.length ? publicPrefix : "";
  return `\`${prefix}…\` (${value.length} chars)`;
}

/**
 * A secret as a message shows it: its kind and its length, never its text (messages are plain
 * text, so no backticks).
 *
 * @example describeSecret("GitHub token", "ghp_" + "x".repeat(36)) === "a 40-character GitHub token"
 */
export function describeSecret(kind: string, value: string): string {
  const n = value.length;
  // "an 8-…", "an 11-…", "an 18-…", "an 80-…": the number is read aloud.
  const an = /^8/.test(String(n)) || n === 11 || n === 18 || (n >= 11_000 && n < 12_000) || (n >= 18_000 && n < 19_000);
  return `${an ? "an" : "a"} ${n}-character ${kind}`;
}

/** Lines of a multi-line secret long enough to identify it (a PEM body line), masked one by one. */
const MIN_SECRET_LINE = 16;

/**
 * Replaces every occurrence of each secret in `text` (defence in depth for free text such as
 * snippets and diffs). A multi-line secret (a PEM key) is also masked line by line, since a diff
 * shows it one prefixed line at a time.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join(redactSecret(s));
    if (s.indexOf("\n") === -1 && s.indexOf("\\n") === -1) continue;
    for (const line of s.split(/\r?\n|\\n/)) {
      const l = line.trim();
      if (l.length >= MIN_SECRET_LINE && !l.startsWith("-----") && out.includes(l)) out = out.split(l).join(redactSecret(l));
    }
  }
  return out;
}

/**
 * The source text of every hardcoded-secret finding of a file: the literal or comment span as
 * written, and without its quotes. What a fix text must not carry when it leaves the editor;
 * a diff, which shows the source itself, masks every one (`minLength` 1).
 */
export function secretSpans(findings: readonly Finding[], text: string, minLength = 8): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.ruleId !== "hardcoded-secret") continue;
    const raw = text.slice(f.range.start, f.range.end);
    if (raw.length < minLength) continue;
    out.add(raw);
    const q = raw[0];
    if ((q === '"' || q === "'" || q === "`") && raw.endsWith(q) && raw.length >= minLength + 2) out.add(raw.slice(1, -1));
  }
  return [...out];
}

/** True when one of the fix's edits writes a secret (in full) of `secrets`. */
export function fixCarriesSecret(fix: Fix, secrets: readonly string[]): boolean {
  return secrets.length > 0 && fix.edits.some((e) => e.text.length >= 8 && secrets.some((s) => e.text.includes(s)));
}

/** What the title of a fix whose text copies a secret says, in the editor (the only place such a fix is offered). */
export const CARRIES_SECRET_NOTE = " (its text copies a hard-coded secret of this file)";

/**
 * Says so in the title of every fix whose text would carry one of the file's hard-coded secrets
 * (a schema fix that copies `fetch("…?token=ghp_…")`): such a fix is offered only in the editor,
 * where the text already is, and JSON, SARIF and MCP leave it out ({@link withoutSecretFixes}).
 */
export function labelSecretFixes(findings: Finding[], text: string): void {
  const secrets = secretSpans(findings, text);
  if (secrets.length === 0) return;
  for (const f of findings) {
    if (!f.fixes.some((x) => fixCarriesSecret(x, secrets))) continue;
    f.fixes = f.fixes.map((x) => (fixCarriesSecret(x, secrets) && !x.title.endsWith(CARRIES_SECRET_NOTE) ? { ...x, title: x.title + CARRIES_SECRET_NOTE } : x));
  }
}

/**
 * The findings as JSON and SARIF may show them: a fix whose text would carry one of the file's
 * hard-coded secrets (say a schema fix that copies `fetch("…?token=ghp_…")`) is left out. It is
 * still offered in the editor, where the text already is.
 */
export function withoutSecretFixes<F extends Finding>(findings: readonly F[], text: string): F[] {
  const secrets = secretSpans(findings, text);
  if (secrets.length === 0) return [...findings];
  return findings.map((f) => (f.fixes.some((x) => fixCarriesSecret(x, secrets)) ? { ...f, fixes: f.fixes.filter((x) => !fixCarriesSecret(x, secrets)) } : f));
}
