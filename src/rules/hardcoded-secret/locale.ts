/**
 * UI text of a translation table, not a credential (issue 11: production logto-io/logto, where
 * 401 of 427 findings were values of its locale objects):
 *
 *   const input = { username: "Nombre de usuario", password: "Contraseña", … };
 *
 * A key that names a credential (`password`, `secret_key`, `create_new_token`) holds the word's
 * translation there, often a single word ("Passwort", "Auffrischungstoken") or text in a script
 * with no spaces ("密码", "パスワード"), which the sentence test (a space) misses. The rule already
 * judges a translation file by its path (`locales/de/…`, rule.ts `inLocaleTable`) like test code;
 * this module adds what the path cannot see. The value is UI text when it is not generated and:
 * - it is text written mostly in a script other than Latin (Han, Kana, Hangul, Thai, Cyrillic,
 *   Greek, Arabic…), with no digits or code signs, anywhere: words of a language, not a credential;
 * - it is a word or label (no digits; capitalised, a non-ASCII letter or closing punctuation) in a
 *   table of text: under a parent keyed by a language tag beside another one
 *   (`{ en: { password: "Password" }, de: { password: "Passwort" } }`) or named for text
 *   (`labels`, `messages`, `translations`…), or in an object whose string values are
 *   overwhelmingly natural-language text;
 * - or the file is a translation file and the value is not generated: a long compound
 *   (`Auffrischungstoken`) passes the randomness test that test code is judged by.
 * A generated value stays reported, and a provider-shaped key (`sk_live_…`) never reaches this
 * test: it is reported by its shape anywhere.
 */
import { ts } from "../../engine/ts";
import { looksRandom } from "./names";

// ISO 639-1 language codes: the first subtag of a BCP 47 tag.
const ISO_639_1: ReadonlySet<string> = new Set(
  (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu " +
    "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn " +
    "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os " +
    "pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw " +
    "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
  ).split(" "),
);

// A language subtag, then an optional script (`Hant`) and region (`CN`, `br`, `419`): `zh-Hant-TW`, `pt_BR`, `uk-ua`.
const LANGUAGE_TAG_RE = /^([a-z]{2})(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?$/i;

/** True for a BCP 47 language tag whose language is an ISO 639-1 code: `en`, `zh-CN`, `pt_BR`. */
function isLanguageTag(s: string): boolean {
  const m = LANGUAGE_TAG_RE.exec(s);
  return m !== null && ISO_639_1.has(m[1]!.toLowerCase());
}

// A letter of a script other than Latin (Han, Kana, Hangul, Thai, Cyrillic, Greek, Arabic, Hebrew, Devanagari…).
const NON_LATIN_LETTER_RE = /(?!\p{Script=Latin})\p{L}/u;
// A letter outside ASCII (`ñ`, `ü`, `密`).
const NON_ASCII_LETTER_RE = /(?![\x00-\x7F])\p{L}/u;
// Letters, marks, spaces and the punctuation of text; no digits, no code signs.
const TEXT_CHARS_RE = /^[\p{L}\p{M}\s'’.,:;!?…()«»"“”„、。，：；！？（）・-]+$/u;
// Letters, spaces, any punctuation (`「」`, `、`), and the markup and placeholders of a translation
// (`<strong>…</strong>`, `{{time}}`); no digits.
const MARKUP_TEXT_CHARS_RE = /^[\p{L}\p{M}\s\p{P}<>/{}]+$/u;
const MARKUP_RE = /<\/?[A-Za-z][^<>]{0,40}>|\{\{[^{}]{0,40}\}\}/g;
// A word as a language writes it, capitalised or in capitals: `Auffrischungstoken`, `OIDC`,
// `Privatschlüssel`; a generated value mixes cases inside a run.
const WORD_RE = /^(?:\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+)$/u;
const WORD_SEPARATOR_RE = /[\s'’.,:;!?…()-]+/u;

/** Words between spaces, hyphens or punctuation, with an optional closing mark: `OIDC-Privatschlüssel`. */
function wordShaped(s: string): boolean {
  return s.length <= 200 && s.replace(/[.:!?…]$/u, "").split(WORD_SEPARATOR_RE).every((w) => WORD_RE.test(w));
}

/**
 * Generated, not written: random-looking (`looksRandom`, which already answers no for text with a
 * space or a letter outside ASCII) and not words as a language writes them (a long compound such
 * as `Auffrischungstoken` passes the randomness test).
 */
function generated(s: string): boolean {
  return looksRandom(s) && !wordShaped(s);
}

// How a label or a sentence ends: `Passwort:`, `Token expired.`, `已重置密碼！`.
const CLOSING_PUNCTUATION_RE = /[.:!?…。：！？]$/u;
// Two words with whitespace between them: text, not a credential.
const SPACED_WORDS_RE = /\p{L}[\s\u3000]+\p{L}/u;

/** Mostly letters of a script other than Latin, with no digits or code signs (markup aside): `密码`, `Пароль`. */
function nonLatinText(s: string): boolean {
  if (!MARKUP_TEXT_CHARS_RE.test(s)) return false;
  let letters = 0;
  let other = 0;
  // Letters of the words, not of the markup (`<strong>`) or of a placeholder's name (`{{time}}`).
  for (const c of s.replace(MARKUP_RE, "")) {
    if (!/\p{L}/u.test(c)) continue;
    letters++;
    if (NON_LATIN_LETTER_RE.test(c)) other++;
  }
  return other > 0 && other * 2 >= letters;
}

/** Words of a language, as a label shows them: no digits, capitalised, not ASCII, or closed by punctuation. */
function readsAsText(s: string): boolean {
  if (!TEXT_CHARS_RE.test(s)) return false;
  return /^\p{Lu}/u.test(s) || NON_ASCII_LETTER_RE.test(s) || CLOSING_PUNCTUATION_RE.test(s) || SPACED_WORDS_RE.test(s);
}

// Parents whose values are text shown to the user.
const TEXT_PARENT_RE = /^(?:labels?|messages?|translations?|strings|texts?|copy|i18n|l10n|locales?|phrases|captions?|titles?|placeholders?|tooltips?|hints?|descriptions?)$/i;

function keyText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** `{ en: { … }, de: { … } }`: a key that is a language tag beside another language-tag key. */
function languageKeyed(prop: ts.PropertyAssignment): boolean {
  const key = keyText(prop.name);
  if (key === undefined || !isLanguageTag(key)) return false;
  return (prop.parent as ts.ObjectLiteralExpression).properties.some((p) => p !== prop && p.name !== undefined && ts.isPropertyName(p.name) && isLanguageTag(keyText(p.name) ?? ""));
}

// The most string values one table check reads.
const TABLE_LEAF_LIMIT = 2000;

/** Verdicts per outermost object literal: every literal of one table shares one count. */
const tableCache = new WeakMap<ts.ObjectLiteralExpression, boolean>();

/**
 * True when the object's string values (nested objects included) are overwhelmingly
 * natural-language text: eight or more, at least three in four of them text (spaced words, a
 * non-ASCII letter, closing punctuation), none random-looking. A record (a user's name, bio and
 * password) has fewer.
 */
function textTable(obj: ts.ObjectLiteralExpression): boolean {
  const cached = tableCache.get(obj);
  if (cached !== undefined) return cached;
  let leaves = 0;
  let text = 0;
  let random = false;
  const visit = (o: ts.ObjectLiteralExpression): void => {
    for (const p of o.properties) {
      if (random || leaves >= TABLE_LEAF_LIMIT || !ts.isPropertyAssignment(p)) continue;
      const v = p.initializer;
      if (ts.isObjectLiteralExpression(v)) visit(v);
      else if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) {
        leaves++;
        const s = v.text;
        if (generated(s)) random = true;
        else if (SPACED_WORDS_RE.test(s) || NON_ASCII_LETTER_RE.test(s) || CLOSING_PUNCTUATION_RE.test(s)) text++;
      }
    }
  };
  visit(obj);
  const verdict = !random && leaves >= 8 && text * 4 >= leaves * 3;
  tableCache.set(obj, verdict);
  return verdict;
}

/** Parent evidence: a language-tag or text-named key above the value, or a table of text around it. */
function inTextTable(literal: ts.Node): boolean {
  let prop = literal.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== literal) return false;
  let outer = prop.parent as ts.ObjectLiteralExpression;
  for (let depth = 0; depth < 16; depth++) {
    const up = outer.parent;
    if (!up || !ts.isPropertyAssignment(up) || up.initializer !== outer) break;
    const key = keyText(up.name);
    if ((key !== undefined && TEXT_PARENT_RE.test(key)) || languageKeyed(up)) return true;
    prop = up;
    outer = up.parent as ts.ObjectLiteralExpression;
  }
  return textTable(outer);
}

/**
 * True when `literal`, found under a credential's name, is UI text of a translation table: see the
 * module comment. `localeFile` says whether the file is a translation file (rule.ts `inLocaleTable`),
 * computed once per file by the caller.
 */
export function isTranslatedText(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, localeFile: () => boolean): boolean {
  const s = literal.text;
  if (!/\p{L}/u.test(s) || generated(s)) return false;
  if (nonLatinText(s) || localeFile()) return true;
  return readsAsText(s) && inTextTable(literal);
}
