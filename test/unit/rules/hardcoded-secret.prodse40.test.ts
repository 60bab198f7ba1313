import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 40, developer prodse40: production grist-core and etherpad-lite, triaged blind. Fake values.
// - A special value marked as one, a word in capitals between asterisks or after `#`, under a token's
//   name: `DELETED_TOKEN = "*DELETED*"` (a deleted file's checksum stand-in, grist-core
//   ExternalStorage.ts:13), `allToken = "#ALL"` (the "every recipient" entry, Sharing.ts:359).
// - A store key's prefix, words closed by `:`: `tokenTransferKey = "tokenTransfer:"` (etherpad-lite
//   tokenTransfer.ts:12). A random body after such a prefix, or a lower-case body between asterisks, is reported.

// grist-core's style: TypeScript constants.
const SENTINELS = 'export const DELETED_TOKEN = "*DELETED*";\nconst allToken: string = "#ALL";\nexport function isAll(r: string) { return r === allToken; }\n';
// etherpad-lite's style, and another: CommonJS, a namespace prefix and a marked special value.
const PREFIX = 'const tokenTransferKey = "tokenTransfer:";\nexport const key = (id: string) => `${tokenTransferKey}${id}`;\n';
const PREFIX_JS = 'const TOKEN_NS = "magicLink:";\nexports.EVERYONE_TOKEN = "#EVERYONE";\nmodule.exports.key = (id) => TOKEN_NS + id;\n';
// Neighbours: a random body between asterisks, a token after a prefix.
const STARRED = 'export const apiToken = "*q7Zr9XkP2mWv*";\n';
const AFTER_PREFIX = 'export const apiToken = "tok:q7Zr9XkP2mWv4nLs";\n';

// A neighbour's one finding: the literal on line 1 of a one-line `export const apiToken = …;`, with its two suggestions.
function reported(name: string, code: string, literal: string): InvalidCase {
  const column = code.indexOf(literal) + 1;
  const env = 'process.env.API_TOKEN ?? (() => { throw new Error("API_TOKEN is not set"); })()';
  return {
    name,
    code,
    filename: "src/client.ts",
    findings: [{ case: "suspiciousName", line: 1, column, endColumn: column + literal.length, suggestions: [
      { title: "Move secret to process.env.API_TOKEN", output: code.replace(literal, env) },
      { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}` },
    ] }],
    output: null,
  };
}

const invalid: InvalidCase[] = [
  reported("suspiciousName: a random body between asterisks is no marked word", STARRED, '"*q7Zr9XkP2mWv*"'),
  reported("suspiciousName: a token after a prefix is no prefix", AFTER_PREFIX, '"tok:q7Zr9XkP2mWv4nLs"'),
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "suspiciousName: grist-core's marked special values under token names", code: SENTINELS, filename: "app/server/lib/ExternalStorage.ts" },
    { name: "suspiciousName: etherpad's store key prefix under a token's name", code: PREFIX, filename: "src/node/hooks/express/tokenTransfer.ts" },
    { name: "suspiciousName: another style, a CommonJS store's namespace prefix and a marked special value", code: PREFIX_JS, filename: "lib/store.js" },
  ],
  invalid,
});
