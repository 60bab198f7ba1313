import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: an exported handler whose last step is a log-only try, called only in
// the modules that import it, each call the last step of an event callback (`client.on(…)`), also
// through one wrapper callback (`withRescue(async () => { await handleReaction(r, u); }, "…")`): the
// try ends the event callback too, which has nobody to answer (the retired held round 39's vctools
// `reportHandler.cjs:111`, decided clean). A caller that goes on after the call, or awaits it in a
// route, keeps the catch reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A reaction handler (held round 39): the row is updated, then the reporter is told by DM.
const handler = dedent`
  async function handleReaction(reaction, user) {
    if (user.bot) return;
    await reports.update(reaction.message.id, { status: "closed" });
    try {
      const reporter = await reaction.message.client.users.fetch(user.id);
      await reporter.send({ content: "Your report was closed." });
    } catch (error) {
      console.error(\`[ERROR] Could not DM reporter: \${error.message}\`);
    }
  }
  module.exports = { handleReaction };
`;
const bot = (body: string) => dedent`
  const { handleReaction } = require("./commands/reportHandler.cjs");
  client.on("messageReactionAdd", async (reaction, user) => {
    ${body}
  });
`;

// A TypeScript ESM bot, hand-written: a default role granted at the end of a guildMemberAdd listener.
const welcome = dedent`
  import type { GuildMember } from "discord.js";
  export async function onJoin(member: GuildMember): Promise<void> {
    await members.insert({ id: member.id, guildId: member.guild.id });
    try {
      await member.roles.add(defaultRoleId);
    } catch (err) {
      logger.warn({ err }, "default role not granted");
    }
  }
`;
const index = dedent`
  import { Events } from "discord.js";
  import { onJoin } from "./handlers/join";
  client.on(Events.GuildMemberAdd, (member) => onJoin(member));
`;

const handlerFile = "commands/reportHandler.cjs";
const ignored = (code: string, at: string, indent: string) => [{ title: "Mark as intentionally ignored…", output: code.replace(at, `${at}${indent}// Intentionally ignored: <reason>\n`) }];
const handlerFixes = [
  { title: "Rethrow the error", output: handler.replace("${error.message}`);\n", "${error.message}`);\n    throw error;\n") },
  ...ignored(handler, "} catch (error) {\n", "    "),
];
const afterWork = bot("await handleReaction(reaction, user);\n  await stats.bump(\"reactions\");");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a reaction handler's DM step ending it, called through a wrapper that ends the listener (held round 39)", code: handler, filename: handlerFile, files: { "index.cjs": bot('await withRescue(async () => {\n    await handleReaction(reaction, user);\n  }, "handleReaction");') } },
    { name: "the same called straight from the listener", code: handler, filename: handlerFile, files: { "index.cjs": bot("await handleReaction(reaction, user);") } },
    { name: "a TypeScript role grant ending a guildMemberAdd listener's arrow body", code: welcome, filename: "src/handlers/join.ts", files: { "src/index.ts": index } },
  ],
  invalid: [
    { name: "neighbour: the listener goes on after the call", code: handler, filename: handlerFile, files: { "index.cjs": afterWork }, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 18, suggestions: handlerFixes }], output: null },
    { name: "neighbour: no importer calls it (nothing known of its callers)", code: welcome, filename: "src/handlers/join.ts", findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: ignored(welcome, "} catch (err) {\n", "    ") }], output: null },
  ],
});
