import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 20 (issue 11; the false positives of the production triage records in
// eval/production/, hand-written analogues, no fetched code): one item of a batch whose catch is in
// a function the `.map` callback calls by name (or that is the callback), or one hop further, in a
// function whose "none" its caller answers as its own. This table declares only the cases its
// invalid rows name.
const named = new Set(["logAndContinue", "emptyCatch", "rethrowWithoutCause", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a batch item named in the .map callback: logged, answered null, the results filtered", code: dedent`
        export async function loadPlugins(paths: string[]) {
          return (await Promise.all(paths.map(async (p, i) => readPlugin(p, i)))).filter(Boolean);
        }

        async function readPlugin(path: string, index: number) {
          const text = await fs.readFile(path, "utf8");
          try {
            return { index, plugin: compile(text) };
          } catch (err) {
            log.error("could not compile plugin", { path, err });
            return null;
          }
        }
      ` },
    { name: "a batch item handed to .map by name, answered as an object of nulls whose fields are projected and filtered", code: dedent`
        export async function hashSources(paths: string[]) {
          const parts = await Promise.all(paths.map(readParts));
          const heads = parts.map((p) => p.head).filter(Boolean);
          return hash(heads.join(""));
        }

        const readParts = async (path: string) => {
          const text = await fs.readFile(path, "utf8");
          try {
            return { head: headOf(parse(text)) };
          } catch (e) {
            log.error(\`cannot parse \${path}: \${e}\`);
            return { head: null };
          }
        };
      ` },
    { name: "one hop further: the caller answers null when the helper does, and is the batch item", code: dedent`
        export async function menuEntries(paths: string[]) {
          const entries = await Promise.all(paths.map(toEntry));
          return entries.filter((e) => e !== null);
        }

        async function toEntry(path: string) {
          const meta = await readMeta(path);
          if (!meta) {
            return null;
          }
          return { path, label: meta.label };
        }

        async function readMeta(path: string) {
          const text = await fs.readFile(path, "utf8");
          try {
            return extractMeta(text);
          } catch (error) {
            log.error("could not read the entry's meta", { path, error });
            return null;
          }
        }
      ` },
    { name: "a comment right above the try: one failed send must not fail the other handlers, so catch and log", code: dedent`
        export async function notifyAll(handlers: Handler[], payload: Payload) {
          await Promise.all(
            handlers.map(async (h) => {
              // One broken channel should not stop the rest, so we catch and log errors only
              try {
                await notifier.send(h.channel, payload);
              } catch (err) {
                logger.error("send failed", err.message);
              }
            })
          );
        }
      ` },
    { name: "a comment right above the try that accepts the risk of a failed re-creation", code: dedent`
        export async function restoreSessions(sessions: Session[]) {
          for (const s of sessions) {
            // Re-creating a session calls the provider again; we accept some risk of leaving the
            // collection incomplete here.
            try {
              await provider.createSession(s.collectionId, s.payload);
            } catch (e) {
              logger.error(\`could not re-create session: \${e}\`);
            }
          }
        }
      ` },
    { name: "a comment right above the try: we don't want the import to fail", code: dedent`
        export async function importAll(rows: Row[]) {
          for (const row of rows) {
            // We don't want to fail the whole import for one row
            try {
              await save(row);
            } catch (e) {
              logger.warn("save failed", e);
            }
          }
        }
      ` },
    { name: "a local left unset by a logged failure, turned into an explicit failure two statements on", code: dedent`
        export async function capture(id: string) {
          let charge: Charge | undefined;
          try {
            charge = await gateway.capture(id);
          } catch (e) {
            logger.error(\`capture failed for \${id}: \${e}\`);
          }
          const session = await gateway.session(id);
          if (session.state !== "captured" || !charge) {
            throw new PaymentError("capture failed");
          }
          return charge;
        }
      ` },
    { name: "a regex probe of the input whose empty catch falls through to the try's own 'not a regex' answer", code: dedent`
        export function toPattern(input: string): RegExp | undefined {
          try {
            const parts = input.match(/^\\/(.+)\\/([a-z]*)$/);
            if (parts) {
              return new RegExp(parts[1], parts[2]);
            }
          } catch {}
          return undefined;
        }
      ` },
    { name: "one expected error picked out by its text, mapped by a throw nested in more work, every other error rethrown", code: dedent`
        export async function acquire(key: string, me: string) {
          try {
            await db.execute("INSERT INTO locks (id, owner) VALUES (?, ?)", [key, me]);
          } catch (err) {
            if (err.toString().includes("locks_pkey")) {
              const owner = await loadOwner(key);
              if (owner !== me) {
                throw new Error(\`"\${key}" is already locked.\`);
              }
            } else {
              throw err;
            }
          }
        }
      ` },
    { name: "an idempotent ensureDatabase() step logged before the work that needs the database", code: dedent`
        export async function setup(orm: Orm, schema: string) {
          try {
            await orm.getSchemaGenerator().ensureDatabase();
          } catch (err) {
            console.log(err);
          }
          await orm.em.execute(\`CREATE SCHEMA IF NOT EXISTS "\${schema}"\`);
          await orm.getMigrator().up();
        }
      ` },
    { name: "an assertion's outcome kept in a flag: the try sets a value, the catch its negation, read after", code: dedent`
        export function checkMembers(value: unknown[], members: unknown[], negated: boolean) {
          let ok = false;
          try {
            assert.includeMembers(value, members);
            ok = !negated;
          } catch {
            ok = negated;
          }
          results.push({ status: ok ? "pass" : "fail" });
        }
      ` },
  ],
  invalid: [
    {
      name: "a batch item named in the .map callback whose nulls are returned as they are",
      code: dedent`
        export async function loadPlugins(paths: string[]) {
          return Promise.all(paths.map((p) => readPlugin(p)));
        }

        async function readPlugin(path: string) {
          try {
            return compile(await fs.readFile(path, "utf8"));
          } catch (err) {
            log.error("could not compile plugin", err);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 5, endLine: 8, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function loadPlugins(paths: string[]) {
              return Promise.all(paths.map((p) => readPlugin(p)));
            }

            async function readPlugin(path: string) {
              try {
                return compile(await fs.readFile(path, "utf8"));
              } catch (err) {
                log.error("could not compile plugin", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function loadPlugins(paths: string[]) {
              return Promise.all(paths.map((p) => readPlugin(p)));
            }

            async function readPlugin(path: string) {
              try {
                return compile(await fs.readFile(path, "utf8"));
              } catch (err) {
                // Intentionally ignored: <reason>
                log.error("could not compile plugin", err);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an object of nulls kept by a filter of the whole results: the object is truthy, nothing is left out",
      code: dedent`
        export async function hashSources(paths: string[]) {
          const parts = await Promise.all(paths.map(readParts));
          return parts.filter(Boolean);
        }

        async function readParts(path: string) {
          try {
            return { head: headOf(parse(await fs.readFile(path, "utf8"))) };
          } catch (e) {
            log.error("cannot parse", e);
            return { head: null };
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 9, column: 5, endLine: 9, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function hashSources(paths: string[]) {
              const parts = await Promise.all(paths.map(readParts));
              return parts.filter(Boolean);
            }

            async function readParts(path: string) {
              try {
                return { head: headOf(parse(await fs.readFile(path, "utf8"))) };
              } catch (e) {
                log.error("cannot parse", e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function hashSources(paths: string[]) {
              const parts = await Promise.all(paths.map(readParts));
              return parts.filter(Boolean);
            }

            async function readParts(path: string) {
              try {
                return { head: headOf(parse(await fs.readFile(path, "utf8"))) };
              } catch (e) {
                // Intentionally ignored: <reason>
                log.error("cannot parse", e);
                return { head: null };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a comment right above the try that only says what the try does",
      code: dedent`
        export async function restoreSessions(sessions: Session[]) {
          for (const s of sessions) {
            // Re-create the session at the provider
            try {
              await provider.createSession(s.collectionId, s.payload);
            } catch (e) {
              logger.error("could not re-create session", e);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function restoreSessions(sessions: Session[]) {
              for (const s of sessions) {
                // Re-create the session at the provider
                try {
                  await provider.createSession(s.collectionId, s.payload);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  logger.error("could not re-create session", e);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a local left unset by a logged failure and then used as it is",
      code: dedent`
        export async function capture(id: string) {
          let charge: Charge | undefined;
          try {
            charge = await gateway.capture(id);
          } catch (e) {
            logger.error("capture failed", e);
          }
          return { id, charge };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function capture(id: string) {
              let charge: Charge | undefined;
              try {
                charge = await gateway.capture(id);
              } catch (e) {
                logger.error("capture failed", e);
                throw e;
              }
              return { id, charge };
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function capture(id: string) {
              let charge: Charge | undefined;
              try {
                charge = await gateway.capture(id);
              } catch (e) {
                // Intentionally ignored: <reason>
                logger.error("capture failed", e);
              }
              return { id, charge };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a local left unset by a logged failure whose check only logs again",
      code: dedent`
        export async function capture(id: string) {
          let charge = null;
          try {
            charge = await gateway.capture(id);
          } catch (e) {
            logger.error("capture failed", e);
          }
          if (!charge) {
            logger.warn("no charge");
          }
          return charge;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function capture(id: string) {
              let charge = null;
              try {
                charge = await gateway.capture(id);
              } catch (e) {
                // Intentionally ignored: <reason>
                logger.error("capture failed", e);
              }
              if (!charge) {
                logger.warn("no charge");
              }
              return charge;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a regex built from stored text, not the input: the catch still hides the bad setting",
      code: dedent`
        export function toPattern(key: string): RegExp | undefined {
          try {
            const raw = settings.read(key);
            if (raw) {
              return new RegExp(raw);
            }
          } catch {}
          return undefined;
        }
      `,
      findings: [
        { case: "emptyCatch", line: 7, column: 11, endLine: 7, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            export function toPattern(key: string): RegExp | undefined {
              try {
                const raw = settings.read(key);
                if (raw) {
                  return new RegExp(raw);
                }
              } catch (err) {
                console.error("settings.read failed in toPattern", { key }, err);
                throw err;
              }
              return undefined;
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export function toPattern(key: string): RegExp | undefined {
              try {
                const raw = settings.read(key);
                if (raw) {
                  return new RegExp(raw);
                }
              } catch {
                // Intentionally ignored: <reason>
              }
              return undefined;
            }
          ` },
        ] },
      ],
      output: dedent`
        export function toPattern(key: string): RegExp | undefined {
          try {
            const raw = settings.read(key);
            if (raw) {
              return new RegExp(raw);
            }
          } catch (err) {
            console.error("settings.read failed in toPattern", { key }, err);
          }
          return undefined;
        }
      `,
    },
    {
      name: "a nested throw under a test of the error's truthiness: no one error is picked out",
      code: dedent`
        export async function acquire(key: string, me: string) {
          try {
            await db.execute("INSERT INTO locks (id, owner) VALUES (?, ?)", [key, me]);
          } catch (err) {
            if (err.code) {
              const owner = await loadOwner(key);
              if (owner !== me) {
                throw new Error("lock failed");
              }
            } else {
              throw err;
            }
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
        ] },
      ],
      output: dedent`
        export async function acquire(key: string, me: string) {
          try {
            await db.execute("INSERT INTO locks (id, owner) VALUES (?, ?)", [key, me]);
          } catch (err) {
            if (err.code) {
              const owner = await loadOwner(key);
              if (owner !== me) {
                throw new Error("lock failed", { cause: err });
              }
            } else {
              throw err;
            }
          }
        }
      `,
    },
    {
      name: "an ensure… call that makes sure of no store object (a user's profile) stays reported",
      code: dedent`
        export async function onSignIn(user: User) {
          try {
            await ensureUserProfile(user.id);
          } catch (err) {
            console.log(err);
          }
          await audit.record("sign-in", user.id);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export async function onSignIn(user: User) {
              try {
                await ensureUserProfile(user.id);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.log(err);
              }
              await audit.record("sign-in", user.id);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a flag the catch sets to a value that is no negation of the try's: a default, not an outcome",
      code: dedent`
        export function checkMembers(value: unknown[], members: unknown[], negated: boolean) {
          let ok = false;
          try {
            assert.includeMembers(value, members);
            ok = !negated;
          } catch {
            ok = fallbackVerdict;
          }
          results.push({ status: ok ? "pass" : "fail" });
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function checkMembers(value: unknown[], members: unknown[], negated: boolean) {
              let ok = false;
              try {
                assert.includeMembers(value, members);
                ok = !negated;
              } catch (err) {
                console.error("assert.includeMembers failed in checkMembers", err);
                ok = fallbackVerdict;
              }
              results.push({ status: ok ? "pass" : "fail" });
            }
          ` },
          { title: "Mark as intentionally ignored\u2026", output: dedent`
            export function checkMembers(value: unknown[], members: unknown[], negated: boolean) {
              let ok = false;
              try {
                assert.includeMembers(value, members);
                ok = !negated;
              } catch {
                // Intentionally ignored: <reason>
                ok = fallbackVerdict;
              }
              results.push({ status: ok ? "pass" : "fail" });
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
