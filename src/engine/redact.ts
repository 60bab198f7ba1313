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

/** Replaces every occurrence of each secret in `text` (defence in depth for free text such as snippets). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join(redactSecret(s));
  }
  return out;
}
