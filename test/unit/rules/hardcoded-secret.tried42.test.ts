import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 45 (session 42, hsuc): jrgleason/mqtt-ollama-presentation `scripts/find-mqtt-password.js:9`–`:14`,
// five FPs. A list named for the passwords it holds (`passwords`), three values or more, that the file walks with a
// `for … of` and tries one by one against a service on this machine (`mqtt://localhost:1883`), naming no other host:
// a diagnostic script's candidates (the broker's vendor defaults), like the docs' `passwordsToTest`. The same loop over
// the project's database passwords tried against its remote pooler stays reported (tune streamerstickprofinal
// `scripts/run-migration.ts`), as does a random-looking candidate, a list the file only indexes, and a list of two.

// mqtt-ollama-presentation's style: vendor defaults against the local broker.
const MQTT = (host: string) => `import mqtt from "mqtt";
const passwords = [
  "hivemq",
  "adminpw",
  "admin",
  "HiveMQ",
];
async function tryPassword(password) {
  return new Promise((resolve) => {
    const client = mqtt.connect("mqtt://${host}:1883", { username: "admin", password, connectTimeout: 3000 });
    client.on("connect", () => { client.end(); resolve(password); });
    client.on("error", () => { client.end(); resolve(null); });
  });
}
(async () => {
  for (const password of passwords) {
    if (await tryPassword(password)) process.exit(0);
  }
  process.exit(1);
})();
`;
// Another style: TypeScript, a local Postgres tried with a PASSWORDS constant.
const PG = (list: string) => `import { Client } from "pg";
const PASSWORDS: string[] = [${list}];
export async function findLocalPassword(): Promise<string | undefined> {
  for (const pw of PASSWORDS) {
    const client = new Client({ connectionString: \`postgres://postgres:\${encodeURIComponent(pw)}@127.0.0.1:5432/postgres\` });
    try {
      await client.connect();
      await client.end();
      return pw;
    } catch {
      continue;
    }
  }
  return undefined;
}
`;
// The neighbour: a list the file only indexes (one password per seeded user).
const INDEXED = `const passwords = ["sunflower", "riverbank", "moonlight"];
const users = ["ana", "ben", "cy"].map((name, i) => ({ name, password: passwords[i], url: "http://localhost:3000" }));
export default users;
`;

const valid: ValidCase[] = [
  { name: "vendor defaults tried against the local broker (JS)", code: MQTT("localhost"), filename: "scripts/find-mqtt-password.js" },
  { name: "a PASSWORDS list tried against Postgres on 127.0.0.1 (TS)", code: PG('"postgres", "password", "admin123"'), filename: "scripts/find-pg-password.ts" },
];

function mark(code: string, line: number): string {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>`);
  return lines.join("\n");
}

/** The finding on `literal` (its first occurrence), offering only "Mark as not a secret…" (a list's element has no name to move to). */
function onLiteral(code: string, literal: string) {
  const i = code.indexOf(literal);
  const line = code.slice(0, i).split("\n").length;
  const column = i - code.lastIndexOf("\n", i - 1);
  return { case: "suspiciousName", line, column, endColumn: column + literal.length, suggestions: [{ title: "Mark as not a secret…", output: mark(code, line) }] };
}

const REMOTE = MQTT("broker.acme.io");
const RANDOM = PG('"postgres", "password", "Xk29fLq8TzW4mNp7Qs"');
const TWO = PG('"postgres", "admin123"');

const invalid: InvalidCase[] = [
  { name: "the same candidates tried against a remote broker stay reported", code: REMOTE, filename: "scripts/find-mqtt-password.js", output: null, findings: ['"hivemq"', '"adminpw"', '"admin"', '"HiveMQ"'].map((l) => onLiteral(REMOTE, l)) },
  { name: "a random-looking candidate stays reported", code: RANDOM, filename: "scripts/find-pg-password.ts", output: null, findings: [onLiteral(RANDOM, '"Xk29fLq8TzW4mNp7Qs"')] },
  { name: "a list of two is no candidate list", code: TWO, filename: "scripts/find-pg-password.ts", output: null, findings: [onLiteral(TWO, '"postgres"'), onLiteral(TWO, '"admin123"')] },
  { name: "a list the file only indexes", code: INDEXED, filename: "scripts/seed-users.js", output: null, findings: ['"sunflower"', '"riverbank"', '"moonlight"'].map((l) => onLiteral(INDEXED, l)) },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
