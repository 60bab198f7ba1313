import hardcodedSecret from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer prodx34 (production homarr's sampled false finding: the name of a user group,
// `credentialsAdminGroup = "credentials-admin"`; hand-written analogues, no fetched code).
// This table declares only the case its invalid row names.
const narrowed = { ...hardcodedSecret, cases: { suspiciousName: hardcodedSecret.cases.suspiciousName } } as typeof hardcodedSecret;

const groups = dedent`
  export const everyoneGroup = "everyone";
  export const credentialsAdminGroup = "credentials-admin";
`;

// Another shape: an LDAP config object whose key ends in \`Group\`, beside a credential it holds.
const ldap = dedent`
  export const ldap = { passwordGroup: "vault-readers", bindDn: "cn=admin" };
  export const groupSecret = "Zq8vR2mX9pLw4Tn7Ks1Yb6Hd";
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a group's name whose name says credentials", code: groups, filename: "src/group.ts" },
  ],
  invalid: [
    { name: "another shape: a config key ending in Group is left alone; a secret named for a group is not", code: ldap, filename: "src/ldap.ts", findings: [{ case: "suspiciousName", line: 2, column: 28, endColumn: 54, suggestions: [
      { title: "Move secret to process.env.GROUP_SECRET", output: ldap.replace('"Zq8vR2mX9pLw4Tn7Ks1Yb6Hd"', 'process.env.GROUP_SECRET ?? (() => { throw new Error("GROUP_SECRET is not set"); })()') },
      { title: "Mark as not a secret…", output: ldap.replace("export const groupSecret", "// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\nexport const groupSecret") },
    ] }], output: null },
  ],
});
