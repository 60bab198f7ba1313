import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 35, developer ks35: production keystone's sampled false findings (eval/production, seed
// 20261351), as hand-written analogues: a pure parse rethrown with a message that says what the value
// must be and carries it; a swallowed attempt the function makes again outside any try (a test
// helper's retry loop and its final attempt); an allSettled whose callbacks keep their errors in a
// list thrown once the batch has settled; a jwt.verify callback answering its error with the deny it
// gives an invalid token. This table declares only the cases its invalid rows name.
const named = new Set(["rethrowWithoutCause", "emptyCatch", "logAndContinue", "allSettledUnchecked", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const releaseTitle = (message: string): string => dedent`
  function formatReleaseTitle(tag) {
    let date;
    try {
      date = Temporal.PlainDate.from(tag);
    } catch {
      throw new Error(${message});
    }
    return date.toString();
  }
`;

// Another style: a GraphQL scalar's parser in a field config, and a BigInt of a CLI argument.
const scalarDefault = dedent`
  export function dayField(config: { defaultValue?: string }) {
    return (meta: { listKey: string; fieldKey: string }) => {
      if (typeof config.defaultValue === "string") {
        try {
          g.CalendarDay.parseValue(config.defaultValue);
        } catch (err) {
          throw new Error(\`The field \${meta.listKey}.\${meta.fieldKey} specifies defaultValue: \${config.defaultValue} but values must be provided as a full-date ISO8601 string\`);
        }
      }
      return { kind: "day" };
    };
  }
`;
const bigintArg = dedent`
  export function parseLimit(raw: string): bigint {
    try {
      return BigInt(raw);
    } catch {
      throw new Error(\`--limit should be an integer, received "\${raw}"\`);
    }
  }
`;

const waitFor = (last: string): string => dedent`
  export async function waitFor<T>(fn: () => T): Promise<T> {
    for (let i = 0; i < 20; i++) {
      try {
        return fn();
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return ${last};
  }
`;

// Another style: a Playwright page load retried once a check fails.
const loadIndex = dedent`
  export async function loadIndex(page) {
    try {
      await page.goto("http://localhost:3000");
    } catch {}
    try {
      await page.waitForSelector("text=Dashboard", { timeout: 2000 });
    } catch {
      await page.goto("http://localhost:3000");
    }
  }
`;

const fieldAccess = (after: string): string => dedent`
  export async function enforceFieldAccess(keys: string[], check: (key: string) => Promise<boolean>) {
    const denied: string[] = [];
    const accessErrors: { error: Error; key: string }[] = [];
    await Promise.allSettled(
      keys.map(async (key) => {
        let accepted: unknown;
        try {
          accepted = await check(key);
        } catch (error: any) {
          accessErrors.push({ error, key });
          return;
        }
        if (accepted !== true) denied.push(key);
      })
    );
    ${after}
    return denied;
  }
`;

// Another style: plain JavaScript uploads whose failures are thrown together.
const uploads = dedent`
  async function uploadAll(files) {
    const failures = [];
    await Promise.allSettled(
      files.map(async (f) => {
        try {
          await storage.put(f.key, f.body);
        } catch (e) {
          failures.push(e);
        }
      })
    );
    if (failures.length > 0) throw new AggregateError(failures, "uploads failed");
  }
`;

const jwtVerify = (firstCheck: string): string => dedent`
  import jwt from "jsonwebtoken";
  function verifySession(token: string): Promise<Claims | null> {
    return new Promise((resolve) => {
      jwt.verify(token, secret, { algorithms: ["HS256"] }, (err, result) => {
        if (${firstCheck}) return resolve(null);
        if (typeof (result as Claims).id !== "string") return resolve(null);
        return resolve(result as Claims);
      });
    });
  }
`;

// Another style: a passport strategy's verify callback (done(null, false) is its "not valid").
const passportVerify = dedent`
  passport.use(new BearerStrategy((token, done) => {
    jwt.verify(token, process.env.JWT_SECRET, (err, payload) => {
      if (err) return done(null, false);
      if (!payload.sub) return done(null, false);
      return done(null, { id: payload.sub });
    });
  }));
`;

const valid: ValidCase[] = [
  { name: "a pure parse rethrown with 'must be …, received' and the value", code: releaseTitle("`Draft release tag must be a date in YYYY-MM-DD format, received '${tag}'`"), filename: "scripts/prepare-release.js" },
  { name: "a GraphQL scalar's parseValue rethrown with 'specifies defaultValue: … but values must be'", code: scalarDefault, filename: "src/fields/day.ts" },
  { name: "another style: BigInt of a CLI argument, 'should be an integer, received'", code: bigintArg, filename: "src/cli/limit.ts" },
  { name: "a retry loop whose final attempt runs outside any try", code: waitFor("fn()"), filename: "tests/api-tests/utils.ts" },
  { name: "another style: a page load repeated in the catch of the check that follows it", code: loadIndex, filename: "tests/admin-ui-tests/utils.ts" },
  { name: "allSettled callbacks keep their errors in a list thrown after the settle", code: fieldAccess("if (accessErrors.length) throw new AggregateError(accessErrors.map((e) => e.error));"), filename: "src/access-control.ts" },
  { name: "another style: JavaScript uploads whose failures are thrown as one AggregateError", code: uploads, filename: "lib/upload.js" },
  { name: "a jwt.verify callback answering its error with the deny of an invalid token", code: jwtVerify("err || typeof result !== \"object\""), filename: "src/session.ts" },
  { name: "another style: a passport strategy's verify callback, done(null, false) for both", code: passportVerify, filename: "src/auth/bearer.js" },
];

// Neighbours: a message without the value, a retry loop with no last attempt, errors kept in a list
// only logged, an error check whose answer no invalid-token branch shares.
const noValue = releaseTitle('"Draft release tag must be a date in YYYY-MM-DD format"');
const noLastAttempt = waitFor("null as T");
const loggedNoLastAttempt = noLastAttempt.replace("} catch {}", '} catch (err) {\n      console.error("fn failed in waitFor", err);\n    }');
const onlyCounted = fieldAccess('if (accessErrors.length) console.warn("access checks failed", accessErrors.length);');
const errorOnly = dedent`
  import jwt from "jsonwebtoken";
  function verifySession(token: string): Promise<Claims | null> {
    return new Promise((resolve) => {
      jwt.verify(token, secret, { algorithms: ["HS256"] }, (err, result) => {
        if (err) return resolve(null);
        return resolve(result as Claims);
      });
    });
  }
`;

const invalid: InvalidCase[] = [
  { name: "neighbour: a 'must be' message without the value", code: noValue, filename: "scripts/prepare-release.js", findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 10, suggestions: [] }], output: noValue.replace("} catch {", "} catch (err) {").replace('format");', 'format", { cause: err });') },
  { name: "neighbour: a retry loop that answers null after its last swallowed attempt", code: noLastAttempt, filename: "tests/api-tests/utils.ts", findings: [{ case: "emptyCatch", line: 5, column: 13, endColumn: 15, suggestions: [{ title: "Mark as intentionally ignored…", output: noLastAttempt.replace("} catch {}", "} catch {\n      // Intentionally ignored: <reason>\n    }") }] }], output: noLastAttempt.replace("} catch {}", '} catch (err) {\n      console.error("fn failed in waitFor", err);\n    }') },
  { name: "neighbour: a retry loop that logs each attempt and answers null after the last", code: loggedNoLastAttempt, filename: "tests/api-tests/utils.ts", findings: [{ case: "logAndContinue", line: 5, column: 7, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: loggedNoLastAttempt.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") }] }], output: null },
  { name: "neighbour: errors kept in a list the function only counts in a log line", code: onlyCounted, filename: "src/access-control.ts", findings: [{ case: "allSettledUnchecked", line: 4, column: 3, endLine: 15, endColumn: 4, suggestions: [{ title: "Throw the first rejection after all settle", output: onlyCounted.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("  );\n", '  );\n  for (const result of settled) if (result.status === "rejected") throw result.reason;\n') }] }], output: onlyCounted.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("  );\n", '  );\n  for (const result of settled) if (result.status === "rejected") console.error("check, accessErrors.push or denied.push failed in enforceFieldAccess", result.reason);\n') },
  { name: "neighbour: a jwt.verify callback whose error check alone answers null", code: errorOnly, filename: "src/session.ts", findings: [{ case: "ignoredCallbackError", line: 4, column: 59, endColumn: 62, suggestions: [] }], output: errorOnly.replace("      if (err) return resolve(null);\n", '      if (err) {\n        console.error("jwt.verify failed", err);\n        return resolve(null);\n      }\n') },
];

new RuleTester().run(narrowed, { valid, invalid });
