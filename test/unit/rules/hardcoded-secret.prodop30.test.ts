import rule from "../../../src/rules/hardcoded-secret/rule";
import { RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Production OpenPanel (session 30, hsfmt30): false connectionString classes. Hand-written rows, fake values.
// - A format template (`redis://user:pw@host:port/db` in a prompt's text, also inside a longer sentence): the
//   password word (`pw`, `passwd`, `password`) or the host word (`host`, `hostname`, `server`) shows the shape
//   of a URL, not one.
// - The engine's default login (`postgres:postgres`, MySQL's `root:root`, AMQP's `guest:guest`) on this machine
//   or on a compose service (one label, no dots: `op-db`, `db`): a local stand-in in any file (a test config's
//   Docker database, the self-hosting quiz's DEBUG default and fallback). A real password on the same host, the
//   default login on a real host, and an environment variable's fallback to it stay reported.

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string, before: string, id = "connectionString") => code.replace(before, `${/^ */.exec(before)![0]}// hardening-hints-ignore-next-line hardcoded-secret/${id} -- <reason>\n${before}`);
const move = (code: string, literal: string, env: string) => code.replace(literal, `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`);

const REAL_ON_SERVICE = 'export const db = { url: "postgresql://postgres:Zq8pL2vWk3@op-db:5432/postgres" };\n';
const DEFAULT_ON_REAL_HOST = 'export const db = { url: "postgresql://postgres:postgres@db.acme.io:5432/app" };\n';
const ENV_FALLBACK = 'export const dbUrl = process.env.DATABASE_URL || "postgresql://postgres:postgres@localhost:5432/app";\n';
const NOT_ENGINE_DEFAULT = 'export const db = { url: "postgresql://app:app@op-db:5432/app" };\n';

const invalid: InvalidCase[] = [
  {
    name: "a real password on a compose service",
    code: REAL_ON_SERVICE,
    findings: [{ case: "connectionString", ...span(REAL_ON_SERVICE, '"postgresql://postgres:Zq8pL2vWk3@op-db:5432/postgres"'), suggestions: [
      { title: "Move secret to process.env.DATABASE_URL", output: move(REAL_ON_SERVICE, '"postgresql://postgres:Zq8pL2vWk3@op-db:5432/postgres"', "DATABASE_URL") },
      { title: "Mark as not a secret…", output: mark(REAL_ON_SERVICE, "export const db") },
    ] }],
    output: null,
  },
  {
    name: "the engine's default login on a real host",
    code: DEFAULT_ON_REAL_HOST,
    findings: [{ case: "connectionString", ...span(DEFAULT_ON_REAL_HOST, '"postgresql://postgres:postgres@db.acme.io:5432/app"'), suggestions: [
      { title: "Move secret to process.env.DATABASE_URL", output: move(DEFAULT_ON_REAL_HOST, '"postgresql://postgres:postgres@db.acme.io:5432/app"', "DATABASE_URL") },
      { title: "Mark as not a secret…", output: mark(DEFAULT_ON_REAL_HOST, "export const db") },
    ] }],
    output: null,
  },
  {
    name: "a user repeated as its password that is not the engine's default user",
    code: NOT_ENGINE_DEFAULT,
    findings: [{ case: "connectionString", ...span(NOT_ENGINE_DEFAULT, '"postgresql://app:app@op-db:5432/app"'), suggestions: [
      { title: "Move secret to process.env.DATABASE_URL", output: move(NOT_ENGINE_DEFAULT, '"postgresql://app:app@op-db:5432/app"', "DATABASE_URL") },
      { title: "Mark as not a secret…", output: mark(NOT_ENGINE_DEFAULT, "export const db") },
    ] }],
    output: null,
  },
  {
    name: "an environment variable's fallback to the engine's default login on this machine",
    code: ENV_FALLBACK,
    findings: [{ case: "envFallbackLiteral", ...span(ENV_FALLBACK, '"postgresql://postgres:postgres@localhost:5432/app"'), suggestions: [
      { title: "Remove the insecure fallback", output: ENV_FALLBACK.replace('"postgresql://postgres:postgres@localhost:5432/app"', '(() => { throw new Error("DATABASE_URL is not set"); })()') },
      { title: "Mark as not a secret…", output: mark(ENV_FALLBACK, "export const dbUrl", "envFallbackLiteral") },
    ] }],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, {
  valid: [
    { name: "a format template in a prompt's text", code: 'export const questions = [{ name: "REDIS_URL", message: "Enter your Redis URL (format: redis://user:pw@host:port/db):" }];\n' },
    { name: "a format template inside a longer sentence", code: 'export const help = "Set DATABASE_URL, for instance postgresql://user:password@hostname:5432/db, before you start.";\n' },
    { name: "a test config's local Docker database", filename: "vitest.shared.ts", code: 'export const env = {\n  // Always point at local Docker, never production\n  DATABASE_URL: "postgresql://postgres:postgres@localhost:5432/postgres?schema=public",\n};\n' },
    { name: "the compose database's default login as a DEBUG default", code: 'export const db = { default: process.env.DEBUG ? "postgresql://postgres:postgres@op-db:5432/postgres?schema=public" : undefined };\n' },
    { name: "the compose database's default login as an answer's fallback", code: 'export const write = (envs: { DATABASE_URL?: string }) => ({ DATABASE_URL: envs.DATABASE_URL || "postgresql://postgres:postgres@op-db:5432/postgres" });\n' },
    { name: "MySQL's root and AMQP's guest on compose services", code: 'export const urls = ["mysql://root:root@db:3306/app", "amqp://guest:guest@rabbitmq:5672"];\n' },
  ],
  invalid,
});
