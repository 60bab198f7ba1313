import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: a discord.js lookup answered `null` on rejection (`client.channels.fetch(id)
// .catch(() => null)`) and read only behind a test that it is there, in a function that goes on after
// that test: the channel or message may simply be gone, and the guarded step (a notice, an embed edited
// to match a row already updated) is optional (the retired held round 39's Acrellux/vctools, decided
// clean). Also the miss answered with a reply whose message object opens with a failure mark in angle
// brackets (`{ content: "<❌> Activity logs channel is missing." }`). A silent `if (!channel) return;`
// that ends the job (held round 26) and a guard that is the function's last step stay reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A cleanup job (held round 39): the report is closed whether or not its channel is still there.
const cleanup = dedent`
  async function closeReport(client, report) {
    if (report.channel_id) {
      const channel = await client.channels.fetch(report.channel_id).catch(() => null);
      if (channel) {
        await channel.send(\`Report \${report.id} closed.\`);
      }
    }
    await db.from("reports").delete().eq("id", report.id);
  }
`;

// An edit (held round 39): the row is updated, then its embed, in whichever channel the type names.
const edit = dedent`
  async function editReport(client, report, embed) {
    await db.from("reports").update({ details: report.details }).eq("id", report.id);
    let channel;
    if (report.type === "activity") {
      channel = await client.channels.fetch(report.log_channel_id).catch(() => null);
    } else {
      channel = await client.channels.fetch(REPORT_CHANNEL_ID).catch(() => null);
    }
    if (channel) {
      const msg = await channel.messages.fetch(report.message_id).catch(() => null);
      if (msg && msg.editable) await msg.edit({ embeds: [embed] });
    }
    return { message: \`Report \${report.id} has been updated.\` };
  }
`;

// The miss answered to the user with a failure mark (held round 39).
const answered = (text: string) => dedent`
  async function forward(interaction, settings, embed) {
    let target;
    if (settings.logChannelId) {
      target = await interaction.client.channels.fetch(settings.logChannelId).catch(() => null);
      if (!target) {
        return interaction.reply({ content: "${text}", ephemeral: true });
      }
    }
    await target.send({ embeds: [embed] });
  }
`;

// A TypeScript ESM command, hand-written: an optional role grant before the row is saved.
const grant = dedent`
  import type { Guild } from "discord.js";
  export async function enroll(guild: Guild, userId: string, roleId: string): Promise<void> {
    const member = await guild.members.fetch(userId).catch(() => undefined);
    if (member?.manageable) await member.roles.add(roleId);
    await enrollments.insert({ userId, guildId: guild.id });
  }
`;

// A daily summary (held round 26): the channel is the whole job, and a failed fetch ends it silently.
const summary = dedent`
  async function postSummary(client, channelId) {
    const channel = client.channels.cache.get(channelId) || await client.channels.fetch(channelId).catch(() => null);
    if (!channel) return;
    const rows = await loadProposals();
    await channel.send(render(rows));
  }
`;

// The guard is the function's last step: nothing goes on after it.
const lastStep = dedent`
  async function notifyChannel(client, channelId, text) {
    const channel = await client.channels.fetch(channelId).catch(() => null);
    if (channel) {
      await channel.send(text);
    }
  }
`;

const lastStepLogged = lastStep.replace(".catch(() => null);", '.catch((err) => {\n    console.error("client.channels.fetch failed in notifyChannel", { channelId }, err);\n    return null;\n  });');
const ignored = (code: string) => [{ title: "Mark as intentionally ignored…", output: code.replace(".catch(() => null)", ".catch(() => /* Intentionally ignored: <reason> */ null)") }];

new RuleTester().run(narrowed, {
  valid: [
    { name: "a cleanup job's notice in a channel that may be gone; the job goes on (held round 39)", code: cleanup, filename: "commands/report/cleanupReports.js" },
    { name: "an embed edited to match a row already updated, in either channel, its message optional (held round 39)", code: edit, filename: "commands/report/report.js" },
    { name: "the miss answered with a reply whose message object opens with a bracketed failure mark (held round 39)", code: answered("<❌> Activity logs channel is missing."), filename: "commands/report/report.js" },
    { name: "a TypeScript command's optional role grant before the row is saved", code: grant, filename: "src/commands/enroll.ts" },
  ],
  invalid: [
    { name: "neighbour: a silent return that ends the job (held round 26)", code: summary, filename: "services/summary.js", findings: [{ case: "promiseCatchNoop", line: 2, column: 104, endColumn: 114, suggestions: ignored(summary) }], output: summary.replace(".catch(() => null);", '.catch((err) => {\n    console.error("client.channels.fetch failed in postSummary", { channelId }, err);\n    return null;\n  });') },
    { name: "neighbour: the guard is the function's last step", code: lastStep, filename: "services/notify.js", findings: [{ case: "promiseCatchNoop", line: 2, column: 64, endColumn: 74, suggestions: ignored(lastStep) }], output: lastStepLogged },
    { name: "neighbour: the safe fix's second pass: the handler logs, and the guard is still the last step", code: lastStepLogged, filename: "services/notify.js", findings: [{ case: "promiseCatchLogOnly", line: 2, column: 64, endLine: 5, endColumn: 4, suggestions: [{ title: "Mark as intentionally ignored…", output: lastStepLogged.replace("=> {\n    console.error", "=> {\n    // Intentionally ignored: <reason>\n    console.error") }] }], output: null },
    { name: "neighbour: the miss answered with a reply that says nothing failed", code: answered("Sending it here instead."), filename: "commands/report/report.js", findings: [{ case: "promiseCatchNoop", line: 4, column: 83, endColumn: 93, suggestions: ignored(answered("Sending it here instead.")) }], output: answered("Sending it here instead.").replace(".catch(() => null);", '.catch((err) => {\n      console.error("interaction.client.channels.fetch failed in forward", err);\n      return null;\n    });') },
  ],
});
