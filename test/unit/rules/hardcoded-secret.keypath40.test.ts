import hardcodedSecret from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 40, developer ub40. Two values that name or mask a credential, not hold one:
// - a stand-in word between mask characters, `privateKey: '***REDACTED***'` in a log line (held round 43,
//   ayunesb/rork-escolta-probodyguard-app `expo/functions/src/config/braintree.ts:53`);
// - a configuration key path whose last part names the credential, `NODEBB_ADMIN_PASSWORD: 'admin:password'` in a
//   map from environment names to nconf keys (production NodeBB `src/install.js:58`, session 39).
// Rows as in the repositories (TypeScript logger call, CommonJS map) and hand-made in another style.

const MASKLIKE = 'export const privateKey = "__9f8e7d6c5b4a39281706f5e4d3c2b1a0__";\n';
const PAIR = "const NODEBB_ADMIN_PASSWORD = 'admin:Xk29fLq8Tz';\nmodule.exports = { NODEBB_ADMIN_PASSWORD };\n";
const fixes = (code: string, literal: string, env: string) => [
  { title: `Move secret to process.env.${env}`, output: code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`) },
  { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${code}` },
];

const nameOnly = { ...hardcodedSecret, cases: { suspiciousName: hardcodedSecret.cases.suspiciousName } } as typeof hardcodedSecret;

new RuleTester().run(nameOnly, {
  valid: [
    {
      name: "a masked stand-in in a log line (round 43, rork-escolta)",
      code: dedent`
        import { logger } from "firebase-functions";
        export function init(merchantId: string, publicKey: string) {
          logger.info("[Braintree] Initializing gateway", { merchantId, publicKey: publicKey.substring(0, 8) + "...", privateKey: "***REDACTED***" });
        }
      `,
      filename: "functions/src/config/braintree.ts",
    },
    { name: "hand-made: a masked stand-in in a JavaScript settings dump", code: "module.exports.display = { smtpHost: settings.host, smtpPassword: '--masked--' };\n", filename: "src/settings.js" },
    {
      name: "a map from environment names to config key paths (production NodeBB)",
      code: dedent`
        const envConfMap = {
          NODEBB_ADMIN_USERNAME: 'admin:username',
          NODEBB_ADMIN_PASSWORD: 'admin:password',
        };
        module.exports = envConfMap;
      `,
      filename: "src/install.js",
    },
    { name: "hand-made: a TypeScript lookup of a nested setting", code: 'export const SECRET_SETTING = "stripe:secret";\n', filename: "src/config/keys.ts" },
  ],
  invalid: [
    {
      name: "a real value between mask-like characters stays a finding",
      code: MASKLIKE,
      filename: "src/config/keys.ts",
      findings: [{ case: "suspiciousName", line: 1, column: 27, endColumn: 65, suggestions: fixes(MASKLIKE, '"__9f8e7d6c5b4a39281706f5e4d3c2b1a0__"', "PRIVATE_KEY") }],
      output: null,
    },
    {
      name: "a user:password pair whose password is no credential word stays a finding",
      code: PAIR,
      filename: "src/install.js",
      findings: [{ case: "suspiciousName", line: 1, column: 31, endColumn: 49, suggestions: fixes(PAIR, "'admin:Xk29fLq8Tz'", "NODEBB_ADMIN_PASSWORD") }],
      output: null,
    },
  ],
});
