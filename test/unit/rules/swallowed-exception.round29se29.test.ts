import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Classes from session 26, developer se29 (issue 11; false positives of the retired held round 29,
// with its lead's decisions on its labellers' conflicts; hand-written analogues, no fetched code).
// Each class is a builder whose one argument makes the valid row or its reported neighbour.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A moderation step whose catch logs and posts `notice` to the moderators' channel.
const escalation = (notice: string): string => dedent`
  export async function escalate(guild: Guild, member: GuildMember, ms: number) {
    try {
      await member.timeout(ms, "escalation");
    } catch (error) {
      console.error("[warn] timeout failed:", error);
      await postToChannel(guild, "moderation", { content: ${notice} });
    }
  }
`;

// A socket dispatcher whose catch logs and answers the socket through \`answer\`.
const dispatcher = (answer: string): string => dedent`
  export function onMessage(ws: WebSocket, type: string, data: unknown) {
    try {
      route(ws, type, data);
    } catch (error) {
      console.error("Error handling message:", error);
      ${answer}(ws, "INTERNAL_ERROR", "Something went wrong");
    }
  }
`;

// A proxy that parses the upstream reply only to log its shape (\`shape\`), then relays the text.
const relay = (shape: string): string => dedent`
  export async function proxy(url: string) {
    const response = await fetch(url);
    const data = await response.text();
    try {
      const parsed = JSON.parse(data);
      console.log("upstream reply:", ${shape});
    } catch (e) {
      console.log("upstream reply: (not JSON)");
    }
    return new Response(data, { status: response.status });
  }
`;

// An autocomplete handler whose guard answers \`answer\` with a no-op rejection handler.
const autocomplete = (answer: string): string => dedent`
  export async function onAutocomplete(interaction: AutocompleteInteraction) {
    if (!interaction.guild) {
      await interaction.${answer}.catch(() => {});
      return;
    }
    await interaction.respond(await search(interaction.options.getFocused()));
  }
`;

// A fire-and-forget chain that logs its error, the whole of an \`if\` under \`comment\`.
const guarded = (comment: string): string => dedent`
  export async function save(ctx: Context, text: string) {
    const result = await saveNote(text);
    await ctx.reply("Saved.");
    ${comment}
    if (result.noteId) {
      classifyNote(result.noteId).catch((err) => {
        console.error("Auto-classification failed:", err);
      });
    }
  }
`;

// An autocomplete whose search failure is logged, then \`answer\`.
const searchFailed = (answer: string): string => dedent`
  export async function onAutocomplete(interaction: AutocompleteInteraction) {
    try {
      await interaction.respond(await search(interaction.options.getFocused()));
    } catch (error) {
      console.error("autocomplete failed:", error);
      ${answer}
    }
  }
`;

// A member lookup answered \`null\` on a rejection, then \`next\`.
const lookup = (next: string): string => dedent`
  function assertMember(member: GuildMember | null): asserts member is GuildMember {
    if (!member) throw new Error("member not found");
  }
  export async function mute(message: Message, ms: number) {
    const member = message.member ?? (await message.guild.members.fetch(message.author.id).catch(() => null));
    ${next}
    await member.timeout(ms);
  }
`;

// A Next.js App Router handler (app/api/books/route.ts) whose try answers and whose catch logs, then \`after\`.
const route = (after: string): string => dedent`
  export async function GET() {
    try {
      const books = await prisma.book.findMany();
      return NextResponse.json({ books });
    } catch (error) {
      console.error("Error fetching books", error);
    }
    ${after}
  }
`;

const ignored = "// Intentionally ignored: <reason>";
/** The code with the marker comment above its first line that starts with \`line\`. */
const marked = (code: string, line: string): string => code.replace(new RegExp(`^( *)(${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "m"), `$1${ignored}\n$1$2`);

type Suggestion = { title: string; output: string };
const mark = (code: string, markAt: string): Suggestion => ({ title: "Mark as intentionally ignored…", output: marked(code, markAt) });
/** A no-op rejection handler's suggestions: log and rethrow in it (\`what\` failed in \`fn\`), or mark it. */
const noopHandler = (code: string, what: string, fn: string): Suggestion[] => [
  { title: "Rethrow in the handler after logging", output: code.replace(".catch(() => {})", `.catch((err) => {\n      console.error("${what} failed in ${fn}", err);\n      throw err;\n    })`) },
  { title: "Mark as intentionally ignored…", output: code.replace(".catch(() => {})", ".catch(() => {\n      // Intentionally ignored: <reason>\n    })") },
];
/** The safe fix of a no-op rejection handler: the error logged in it. */
const loggedHandler = (code: string, what: string, fn: string): string => code.replace(".catch(() => {})", `.catch((err) => {\n      console.error("${what} failed in ${fn}", err);\n    })`);
/** "Rethrow the error" after the catch's statement \`last\`. */
const rethrow = (code: string, last: string): Suggestion => ({ title: "Rethrow the error", output: code.replace(`${last}\n`, `${last}\n    throw error;\n`) });

/** A row of one finding of \`kind\` at [line, column, endColumn] with \`suggestions\`; low-confidence (info) when \`low\`. */
const row = (name: string, code: string, kind: string, [line, column, endColumn]: [number, number, number], suggestions: Suggestion[], low = false, output: string | null = null): InvalidCase => ({
  name,
  code,
  findings: [{ case: kind, line, column, endColumn, ...(low ? { confidence: "low" as const, severity: "info" as const } : {}), suggestions }],
  output,
});

const menuAnswer = autocomplete('respond([{ name: "all", value: "all" }])');
const loggedMenu = loggedHandler(menuAnswer, "interaction.respond", "onAutocomplete");
const failureReply = autocomplete('reply({ content: "❌ This command only works in a server." })');
const onlyLogged = searchFailed("");
const unexplained = guarded("// Step 4: classify the note");
const silentMiss = lookup("if (!member) return;");
const loggedRoute = route("// Next.js answers 500 when a route handler returns nothing.");
const routeThenMore = route("await audit();");

const quietNotice = escalation("`Timeout applied to <@${member.id}>.`");
const otherAnswer = dispatcher("sendStatus");
const trackedShape = relay("{ keys: Object.keys(parsed), id: track(parsed) }");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a catch that tells the moderators in a template opening with a failure mark (`⚠️ … ${id} …`)", code: escalation("`⚠️ Automatic timeout for <@${member.id}> failed. Check the bot's permissions.`") },
    { name: "a catch that answers the socket through the project's `sendError` helper", code: dispatcher("sendError") },
    { name: "a try that parses a reply only for what a log line computes from it (`Object.keys(parsed)`)", code: relay("{ keys: Object.keys(parsed), count: parsed.items?.length }") },
    { name: "an autocomplete answered with no options (`respond([])`) whose rejection handler drops the error", code: autocomplete("respond([])") },
    { name: "a logged fire-and-forget chain, the whole of an `if` under a comment saying it runs in the background", code: guarded("// Background auto-classification") },
    { name: "an autocomplete's search failure logged and answered with no options (`respond([])`)", code: searchFailed("await interaction.respond([]).catch(() => {});") },
    { name: "a lookup answered null, tested on the next line, warned and left (`if (!member) { console.warn(…); return; }`)", code: lookup('if (!member) {\n    console.warn("could not resolve the member");\n    return;\n  }') },
    { name: "a lookup answered null and asserted on the next line by an `asserts` function of the file that throws", code: lookup("assertMember(member);") },
  ],
  invalid: [
    row("neighbour: the template posted does not say it failed", quietNotice, "logAndContinue", [4, 5, 18], [rethrow(quietNotice, '<@${member.id}>.` });'), mark(quietNotice, 'console.error("[warn]')]),
    row("neighbour: the helper is not named for an error answer", otherAnswer, "logAndContinue", [4, 5, 18], [rethrow(otherAnswer, '"Something went wrong");'), mark(otherAnswer, 'console.error("Error handling')]),
    row("neighbour: a log line's argument calls what the rule cannot name as pure (`track(parsed)`)", trackedShape, "logAndContinue", [7, 5, 14], [mark(trackedShape, 'console.log("upstream reply: (not')], true, trackedShape.replace('(not JSON)");', '(not JSON)", e);')),
    row("neighbour: the autocomplete answers options (the main answer)", menuAnswer, "promiseCatchNoop", [3, 70, 78], noopHandler(menuAnswer, "interaction.respond", "onAutocomplete"), false, loggedHandler(menuAnswer, "interaction.respond", "onAutocomplete")),
    {
      name: "neighbour, after its safe fix: the main answer's rejection only logged",
      code: loggedMenu,
      findings: [{
        case: "promiseCatchLogOnly", line: 3, column: 70, endLine: 5, endColumn: 6,
        suggestions: [
          { title: "Rethrow in the handler after logging", output: loggedMenu.replace("onAutocomplete\", err);\n", "onAutocomplete\", err);\n      throw err;\n") },
          { title: "Mark as intentionally ignored…", output: loggedMenu.replace(".catch((err) => {\n", ".catch((err) => {\n      // Intentionally ignored: <reason>\n") },
        ],
      }],
      output: null,
    },
    row("a reply that is itself the failure notice, its own failure dropped: low confidence (`failureNotice`)", failureReply, "promiseCatchNoop", [3, 90, 98], noopHandler(failureReply, "interaction.reply", "onAutocomplete"), true, loggedHandler(failureReply, "interaction.reply", "onAutocomplete")),
    row("neighbour: the search failure only logged (the autocomplete left unanswered)", onlyLogged, "logAndContinue", [4, 5, 18], [rethrow(onlyLogged, '"autocomplete failed:", error);'), mark(onlyLogged, 'console.error("autocomplete')]),
    {
      name: "neighbour: the comment above the `if` only says what it does",
      code: unexplained,
      findings: [{
        case: "promiseCatchLogOnly", line: 6, column: 39, endLine: 8, endColumn: 6,
        suggestions: [{ title: "Mark as intentionally ignored…", output: unexplained.replace("(err) => {\n", "(err) => {\n      // Intentionally ignored: <reason>\n") }],
      }],
      output: null,
    },
    row("neighbour: the null leads to a silent return", silentMiss, "promiseCatchNoop", [5, 96, 106], [
      { title: "Mark as intentionally ignored…", output: silentMiss.replace(".catch(() => null)", ".catch(() => /* Intentionally ignored: <reason> */ null)") },
    ], false, silentMiss.replace(".catch(() => null)", '.catch((err) => {\n    console.error("message.guild.members.fetch failed in mute", err);\n    return null;\n  })')),
    {
      ...row("a Next.js route handler whose catch logs and falls off the end (Next.js answers 500): low confidence (`frameworkAnswers`)", loggedRoute, "logAndContinue", [5, 5, 18], [rethrow(loggedRoute, '"Error fetching books", error);'), mark(loggedRoute, 'console.error("Error fetching')], true),
      filename: "app/api/books/route.ts",
    },
    { ...row("neighbour: more work after the try", routeThenMore, "logAndContinue", [5, 5, 18], [mark(routeThenMore, 'console.error("Error fetching')]), filename: "app/api/books/route.ts" },
  ],
});
