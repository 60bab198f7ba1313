import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 39, developer prodn39: production NodeBB's sampled false finding (eval/production, seed
// 20261391). The installer maps environment variables' names to the configuration keys they set
// (`NODEBB_ADMIN_PASSWORD: "admin:password"`): the value is the key `admin:password`, made of its own
// variable's words, not a password. Hand-written analogues. This table declares only the case its rows name.
const narrowed = { ...rule, cases: { suspiciousName: rule.cases.suspiciousName } } as typeof rule;

const nodebbInstall = dedent`
  const envConfMap = {
    NODEBB_URL: 'url',
    NODEBB_PORT: 'port',
    NODEBB_ADMIN_USERNAME: 'admin:username',
    NODEBB_ADMIN_PASSWORD: 'admin:password',
    NODEBB_DB_PASSWORD: 'password',
  };
  Object.entries(process.env).forEach(([name, value]) => { if (envConfMap[name]) nconf.set(envConfMap[name], value); });
`;

// Another style: a typed TypeScript table of nconf-style keys, exported and looked up by a config loader.
const typedTable = dedent`
  export const ENV_TO_CONFIG: Record<string, string> = {
    DB_ROOT_PASSWORD: "root:password",
    APP_MAIL_PASS: "mail:pass",
    SMTP_HOST: "smtp:host",
    PORT: "port",
  };
`;

// Neighbour: a container's environment with a password value that is not the variable's own words.
const containerEnv = dedent`
  const env = {
    POSTGRES_USER: "admin",
    POSTGRES_DB: "app",
    POSTGRES_PASSWORD: "admin:s3cr3tpw",
  };
`;

const valid: ValidCase[] = [
  { name: "NodeBB's installer: environment variables' names mapped to config keys", code: nodebbInstall, filename: "src/install.js" },
  { name: "another style: a typed table of nconf-style config keys", code: typedTable, filename: "src/config/env-map.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: a container environment whose password is not made of its name's words",
    code: containerEnv,
    filename: "scripts/dev-db.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 4,
        column: 22,
        endColumn: 38,
        suggestions: [
          { title: "Move secret to process.env.POSTGRES_PASSWORD", output: containerEnv.replace('"admin:s3cr3tpw"', 'process.env.POSTGRES_PASSWORD ?? (() => { throw new Error("POSTGRES_PASSWORD is not set"); })()') },
          { title: "Mark as not a secret…", output: containerEnv.replace('  POSTGRES_PASSWORD', "  // hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n  POSTGRES_PASSWORD") },
        ],
      },
    ],
    output: null,
  },
];

new RuleTester().run(narrowed, { valid, invalid });
