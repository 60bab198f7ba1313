import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 22 (issue 11: recall on the tune part; hand-written analogues, no fetched
// code): a comment in a catch that only names the next step (not what happens to the failure), a
// doc comment whose `null` is the answer for an absent value, a Deno `new Response(JSON.stringify(
// default))` answered as success, a class's own `this.log(level, …)` as a log line (with the log
// messages that say the step is skipped or what goes on without it), and, the other way, an
// optional request body destructured with a default for every field. This table declares only the
// cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a comment in a catch above a step that says the carry-on (`// Queue it anyway: the retry job \u2026`) explains it", code: dedent`
        export async function chargeCard(card: Card, amount: number) {
          try {
            await gateway.charge(card, amount);
          } catch (error) {
            console.error("charge failed", error);
            // Queue it anyway: the retry job charges it again later
            await retries.push({ card, amount });
          }
        }
      ` },
    { name: "a doc comment that names the failure besides the absent value (`null if not signed in or the lookup fails`) explains the null", code: dedent`
        /**
         * The signed-in user, or null if not signed in or the lookup fails.
         */
        export async function currentUser(token: string) {
          try {
            const { data } = await auth.getUser(token);
            return data.user;
          } catch (error) {
            console.error("user lookup failed", error);
            return null;
          }
        }
      ` },
    { name: "a log line whose own sentence says what is done instead (`\u2014 publishing without a cover`) is a deliberate fallback", code: dedent`
        export class Publisher {
          async publish(post: Post) {
            let mediaId: string | undefined;
            try {
              mediaId = await this.uploadCover(post.cover);
            } catch (e) {
              await this.log("warn", \`cover upload failed: \${e.message} — publishing without a cover\`);
            }
            return this.api.create({ ...post, mediaId });
          }
        }
      ` },
    { name: "a log line that says the step is skipped (`primary search skip: \u2026`) is a deliberate fallback to the next candidate", code: dedent`
        export async function findImage(query: string) {
          try {
            return await primary.search(query);
          } catch (e) {
            logger.warn(\`primary search skip: \${e.message}\`);
          }
          return secondary.search(query);
        }
      ` },
    { name: "an optional request body whose every field is destructured with its default: a body that does not parse means no options", code: dedent`
        Deno.serve(async (req: Request) => {
          const { dryRun = false, region = "eu" } = await req.json().catch(() => ({}));
          const count = await collect(region, dryRun);
          return new Response(JSON.stringify({ count }), { headers: { "Content-Type": "application/json" } });
        });
      ` },
    { name: "a note above an `if` that only rethrows (`// Hand the provider's own errors on`) is no step of its own: it still explains the catch, as before", code: dedent`
        export async function syncInbox(account: Account) {
          try {
            return await provider.fetch(account);
          } catch (error) {
            if (!(error instanceof AuthError)) throw error;
            try {
              return await retryWithRefresh(account);
            } catch (retryError) {
              // Hand the provider's own errors on as they are
              if (retryError instanceof SyncError) throw retryError;
              throw new SyncError("fetch failed after refresh", { cause: retryError });
            }
          }
        }
      ` },
  ],
  invalid: [
    {
      name: "a comment in a catch that names the next step (`// Print the gateway's answer` above an `if`) does not explain the log-and-continue",
      code: dedent`
        export async function chargeCard(card: Card, amount: number) {
          try {
            await gateway.charge(card, amount);
          } catch (error) {
            console.error("charge failed", error);
            // Print the gateway's answer
            if (error.response) console.error(error.response.data);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function chargeCard(card: Card, amount: number) {
              try {
                await gateway.charge(card, amount);
              } catch (error) {
                console.error("charge failed", error);
                // Print the gateway's answer
                if (error.response) console.error(error.response.data);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function chargeCard(card: Card, amount: number) {
              try {
                await gateway.charge(card, amount);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("charge failed", error);
                // Print the gateway's answer
                if (error.response) console.error(error.response.data);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a doc comment whose null is the answer for an absent value (`null if not signed in`) says nothing of a failure: the catch's null is reported",
      code: dedent`
        /**
         * The signed-in user, or null if not signed in.
         */
        export async function currentUser(token: string) {
          try {
            const { data } = await auth.getUser(token);
            return data.user;
          } catch (error) {
            console.error("user lookup failed", error);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 5, endLine: 8, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            /**
             * The signed-in user, or null if not signed in.
             */
            export async function currentUser(token: string) {
              try {
                const { data } = await auth.getUser(token);
                return data.user;
              } catch (error) {
                console.error("user lookup failed", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            /**
             * The signed-in user, or null if not signed in.
             */
            export async function currentUser(token: string) {
              try {
                const { data } = await auth.getUser(token);
                return data.user;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("user lookup failed", error);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "`new Response(JSON.stringify({ saved: 0 }))` with no error status is a normal answer: the catch answers a default as success",
      code: dedent`
        Deno.serve(async (req: Request) => {
          const { text } = await req.json();
          let notes: string[] = [];
          try {
            notes = JSON.parse(await summarise(text)).notes;
          } catch {
            return new Response(JSON.stringify({ saved: 0 }), { headers: { "Content-Type": "application/json" } });
          }
          await store(notes);
          return new Response(JSON.stringify({ saved: notes.length }), { headers: { "Content-Type": "application/json" } });
        });
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            Deno.serve(async (req: Request) => {
              const { text } = await req.json();
              let notes: string[] = [];
              try {
                notes = JSON.parse(await summarise(text)).notes;
              } catch (err) {
                console.error("JSON.parse or summarise failed", err);
                return new Response(JSON.stringify({ saved: 0 }), { headers: { "Content-Type": "application/json" } });
              }
              await store(notes);
              return new Response(JSON.stringify({ saved: notes.length }), { headers: { "Content-Type": "application/json" } });
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            Deno.serve(async (req: Request) => {
              const { text } = await req.json();
              let notes: string[] = [];
              try {
                notes = JSON.parse(await summarise(text)).notes;
              } catch {
                // Intentionally ignored: <reason>
                return new Response(JSON.stringify({ saved: 0 }), { headers: { "Content-Type": "application/json" } });
              }
              await store(notes);
              return new Response(JSON.stringify({ saved: notes.length }), { headers: { "Content-Type": "application/json" } });
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the class's own log method (`this.log(\"warn\", \u2026)`) is a log line: the catch only logs and carries on",
      code: dedent`
        export class Mailer {
          async send(to: string, body: string) {
            try {
              await this.transport.send({ to, body });
            } catch (e) {
              await this.log("warn", \`send to \${to} failed: \${e.message}\`);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Mailer {
              async send(to: string, body: string) {
                try {
                  await this.transport.send({ to, body });
                } catch (e) {
                  await this.log("warn", \`send to \${to} failed: \${e.message}\`);
                  throw e;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Mailer {
              async send(to: string, body: string) {
                try {
                  await this.transport.send({ to, body });
                } catch (e) {
                  // Intentionally ignored: <reason>
                  await this.log("warn", \`send to \${to} failed: \${e.message}\`);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
