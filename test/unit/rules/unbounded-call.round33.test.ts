import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Retired held round 33 and the tune part (session 31, hs31). Hand-written rows.

// Options a function of the file builds, judged by its returns: every `return` an object literal with
// none of the keys adds no bound (vidorra/flesvoedingcalculator lib/db/connection.js:45, a decided
// finding: `new Pool(parseDatabaseUrl(url))` through a const). A return that sets the key, or one that
// is no literal, leaves the options to the builder.
const POOL = (second: string) => dedent`
  import { Pool } from "pg";
  function parseDatabaseUrl(url) {
    const match = /^postgresql:\/\/([^:]+)@([^:]+)$/.exec(url);
    if (!match) return { connectionString: url };
    return ${second};
  }
  let pool = null;
  export function getPool() {
    if (!pool) {
      const poolConfig = parseDatabaseUrl(process.env.DATABASE_URL);
      pool = new Pool(poolConfig);
    }
    return pool;
  }
`;
const LITERAL = "{ user: match[1], host: match[2], ssl: false }";

// An endpoint named `wait` or `poll` told how long to hold the request (`…/wait?timeout=30`): a
// server-bounded long poll (tikitaka scripts/directories/config.js:73 and growthhackers.js:72, labelled
// clean by both labellers of round 33). The same mailbox's plain read stays reported.
const MAILBOX = (path: string) => dedent`
  export async function waitForEmail(id: string, subject: string, timeout = 60) {
    const resp = await fetch(\`https://mail.acme.io/v1/mailbox/\${id}${path}\`, { headers: { accept: "application/json" } });
    return resp.json();
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "client: a pg Pool whose options a function of the file builds with no connect timeout",
    code: POOL(LITERAL),
    filename: "lib/db/connection.js",
    findings: [{ case: "client", line: 11, column: 16, endLine: 11, endColumn: 20, suggestions: [{ title: "Set connectionTimeoutMillis to 5000 ms", output: POOL(LITERAL).replace("new Pool(poolConfig)", "new Pool({ ...poolConfig, connectionTimeoutMillis: 5000 })") }] }],
    output: null,
  },
  {
    name: "call: the same mailbox's plain read, no long poll",
    code: MAILBOX("/messages?timeout=30"),
    filename: "scripts/directories/config.js",
    findings: [{ case: "call", line: 2, column: 22, endLine: 2, endColumn: 27, suggestions: [{ title: "Abort after 10000 ms with AbortSignal.timeout", output: MAILBOX("/messages?timeout=30").replace('{ accept: "application/json" } }', '{ accept: "application/json" }, signal: AbortSignal.timeout(10000) }') }] }],
    output: null,
  },
];

// Only the cases these rows exercise (retry has its own tables).
const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => named.has(id))) } as typeof unboundedCall;
new RuleTester().run(narrowed, {
  valid: [
    { name: "client: a pg Pool whose options builder sets connectionTimeoutMillis in every return", code: POOL("{ user: match[1], host: match[2], connectionTimeoutMillis: 5000 }").replace("{ connectionString: url }", "{ connectionString: url, connectionTimeoutMillis: 5000 }"), filename: "lib/db/connection.js" },
    { name: "client: a pg Pool whose options builder returns something other than a literal", code: POOL("readPoolConfig(url)"), filename: "lib/db/connection.js" },
    { name: "call: a mailbox long poll told how long to hold the request", code: MAILBOX("/wait?timeout=${timeout}&subject_contains=${encodeURIComponent(subject)}"), filename: "scripts/directories/config.js" },
    { name: "call: a poll endpoint with a wait parameter", code: MAILBOX("/poll?wait=30"), filename: "scripts/directories/config.js" },
  ],
  invalid,
});
