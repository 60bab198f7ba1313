import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fixes (session 25's fix review, R67 and R40), hand-written rows. The findings stay; only the
// suggestions that throw are not offered:
// - R67 (papermark `app/(ee)/api/scim/v2.0/[...directory]/route.ts:312`): an event hook (`on…`,
//   `handle…Events`, `…Listener`) that the file hands to a library's call and never calls itself,
//   as Jackson's `directorySyncController.requests.handle(request, handleSCIMEvents)` awaits after it
//   stored the user: a throw turns the identity provider's request into a 500 whose retry meets a
//   409. The same hook called by the file's own code keeps the rethrow.
// - R40 (chatgpt-your-files `supabase/functions/embed/index.ts:78`): a loop whose other failure
//   branch logs and `continue`s skips failed items by design; a throw would end the batch at the
//   first failed update. The same loop without such a branch keeps the throw.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "an event hook handed by name to a library's call: no rethrow, only the mark (R67)",
      code: dedent`
        import { jackson } from "@/lib/jackson";
        import prisma from "@/lib/prisma";

        export async function POST(req: Request) {
          const { directorySyncController } = await jackson();
          const { status, data } = await directorySyncController.requests.handle(await req.json(), handleSCIMEvents);
          return Response.json(data, { status });
        }

        async function handleSCIMEvents(event: { event: string; tenant: string; data: { email: string } }) {
          try {
            await prisma.userTeam.create({ data: { teamId: event.tenant, email: event.data.email } });
          } catch (error) {
            console.error(\`[SCIM] Error handling event \${event.event}:\`, error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 13, column: 5, endLine: 13, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { jackson } from "@/lib/jackson";
            import prisma from "@/lib/prisma";

            export async function POST(req: Request) {
              const { directorySyncController } = await jackson();
              const { status, data } = await directorySyncController.requests.handle(await req.json(), handleSCIMEvents);
              return Response.json(data, { status });
            }

            async function handleSCIMEvents(event: { event: string; tenant: string; data: { email: string } }) {
              try {
                await prisma.userTeam.create({ data: { teamId: event.tenant, email: event.data.email } });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(\`[SCIM] Error handling event \${event.event}:\`, error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same hook also called by the file's own code: the rethrow stays",
      code: dedent`
        import { jackson } from "@/lib/jackson";
        import prisma from "@/lib/prisma";

        export async function POST(req: Request) {
          const { directorySyncController } = await jackson();
          const { status, data } = await directorySyncController.requests.handle(await req.json(), handleSCIMEvents);
          return Response.json(data, { status });
        }

        export async function replay(event: { event: string; tenant: string; data: { email: string } }) {
          await handleSCIMEvents(event);
        }

        async function handleSCIMEvents(event: { event: string; tenant: string; data: { email: string } }) {
          try {
            await prisma.userTeam.create({ data: { teamId: event.tenant, email: event.data.email } });
          } catch (error) {
            console.error(\`[SCIM] Error handling event \${event.event}:\`, error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 17, column: 5, endLine: 17, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import { jackson } from "@/lib/jackson";
            import prisma from "@/lib/prisma";

            export async function POST(req: Request) {
              const { directorySyncController } = await jackson();
              const { status, data } = await directorySyncController.requests.handle(await req.json(), handleSCIMEvents);
              return Response.json(data, { status });
            }

            export async function replay(event: { event: string; tenant: string; data: { email: string } }) {
              await handleSCIMEvents(event);
            }

            async function handleSCIMEvents(event: { event: string; tenant: string; data: { email: string } }) {
              try {
                await prisma.userTeam.create({ data: { teamId: event.tenant, email: event.data.email } });
              } catch (error) {
                console.error(\`[SCIM] Error handling event \${event.event}:\`, error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { jackson } from "@/lib/jackson";
            import prisma from "@/lib/prisma";

            export async function POST(req: Request) {
              const { directorySyncController } = await jackson();
              const { status, data } = await directorySyncController.requests.handle(await req.json(), handleSCIMEvents);
              return Response.json(data, { status });
            }

            export async function replay(event: { event: string; tenant: string; data: { email: string } }) {
              await handleSCIMEvents(event);
            }

            async function handleSCIMEvents(event: { event: string; tenant: string; data: { email: string } }) {
              try {
                await prisma.userTeam.create({ data: { teamId: event.tenant, email: event.data.email } });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(\`[SCIM] Error handling event \${event.event}:\`, error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an `onFinish` hook in the object handed to a library's call: the error added to the log, the mark, no rethrow (R67)",
      code: dedent`
        import { streamText } from "ai";

        export async function POST(req: Request) {
          const { messages, chatId } = await req.json();
          const result = streamText({
            model,
            messages,
            onFinish: async ({ text }) => {
              try {
                await saveChat(chatId, text);
              } catch (error) {
                console.error("Failed to save the chat");
              }
            },
          });
          return result.toDataStreamResponse();
        }
      `,
      findings: [
        { case: "logAndContinue", line: 11, column: 9, endLine: 11, endColumn: 22, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { streamText } from "ai";

            export async function POST(req: Request) {
              const { messages, chatId } = await req.json();
              const result = streamText({
                model,
                messages,
                onFinish: async ({ text }) => {
                  try {
                    await saveChat(chatId, text);
                  } catch (error) {
                    // Intentionally ignored: <reason>
                    console.error("Failed to save the chat");
                  }
                },
              });
              return result.toDataStreamResponse();
            }
          ` },
        ] },
      ],
      output: dedent`
        import { streamText } from "ai";

        export async function POST(req: Request) {
          const { messages, chatId } = await req.json();
          const result = streamText({
            model,
            messages,
            onFinish: async ({ text }) => {
              try {
                await saveChat(chatId, text);
              } catch (error) {
                console.error("Failed to save the chat", error);
              }
            },
          });
          return result.toDataStreamResponse();
        }
      `,
    },
    {
      // The log lines carry the error: without it the branch gets the safe "Add error to the log call" (session 26).
      name: "a loop whose other failure branch logs and skips the row: no throw offered (R40)",
      code: dedent`
        for (const row of rows) {
          const { id, content } = row;
          if (!content) {
            console.error(\`No content for \${id}\`);
            continue;
          }
          const embedding = JSON.stringify(await model.run(content));
          const { error } = await supabase.from(table).update({ embedding }).eq("id", id);
          if (error) {
            console.error(\`Failed to save embedding with id \${id}\`, error);
          }
          console.log(\`Generated embedding \${id}\`);
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 8, column: 21, endLine: 9, endColumn: 13, suggestions: [] },
      ],
      output: null,
    },
    {
      name: "the same loop without a branch that skips: the throw stays",
      code: dedent`
        for (const row of rows) {
          const { id, content } = row;
          const embedding = JSON.stringify(await model.run(content));
          const { error } = await supabase.from(table).update({ embedding }).eq("id", id);
          if (error) {
            console.error(\`Failed to save embedding with id \${id}\`, error);
          }
          console.log(\`Generated embedding \${id}\`);
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 4, column: 21, endLine: 5, endColumn: 13, suggestions: [
          { title: "Throw the error after logging it", output: dedent`
            for (const row of rows) {
              const { id, content } = row;
              const embedding = JSON.stringify(await model.run(content));
              const { error } = await supabase.from(table).update({ embedding }).eq("id", id);
              if (error) {
                console.error(\`Failed to save embedding with id \${id}\`, error);
                throw error;
              }
              console.log(\`Generated embedding \${id}\`);
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
