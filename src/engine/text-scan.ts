/**
 * Whole-text questions the rules ask of every file before they look at its tree. Each one reads
 * the whole text, so a list of words is asked in one pass, not one `includes` per word.
 */

/**
 * A test for "the text holds at least one of `words`" (anywhere: code, strings, comments), the
 * same answer as `words.some((w) => text.includes(w))` in one regex pass: on a file that holds
 * none of them, a list of 31 words read the text 31 times.
 */
export function containsAnyOf(words: readonly string[]): (text: string) => boolean {
  if (words.length === 0) return () => false;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
  return (text) => re.test(text);
}
