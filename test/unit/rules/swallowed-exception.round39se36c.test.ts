import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 36, developer se36: a try that only refines a value the code already holds and keeps that
// value itself when the answer has none (`let dm = body.user.id; try { const r = await open(…); dm =
// r.channel?.id || dm; } catch (e) { log(e); }`): a failure leaves the value the code goes on with
// when the call answers nothing (the retired held round 39's slack-overbase `templates.ts:76`, decided
// clean). A literal start, or a try that does more, stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Slack Bolt view submission (held round 39): the DM goes to the user id when no DM channel opens.
const slack = dedent`
  export async function sendTemplate({ body, client }: Args, text: string) {
    let dmChannelId = body.user.id;
    try {
      const dmOpen = await client.conversations.open({ users: body.user.id });
      dmChannelId = dmOpen.channel?.id || dmChannelId;
    } catch (error) {
      logger.error({ error }, "Failed to open DM channel");
    }
    await client.chat.postMessage({ channel: dmChannelId, text });
  }
`;

// An Express page, hand-written: the user's own locale refined by a stored preference.
const express = (start: string, step = "") => dedent`
  async function dashboard(req, res) {
    let locale = ${start};
    try {
      const prefs = await prefsService.get(req.user.id);
      ${step}locale = prefs?.locale ?? locale;
    } catch (err) {
      console.warn("preferences unavailable", err);
    }
    res.render("dashboard", { locale });
  }
`;

const ignored = (code: string) => [{ title: "Mark as intentionally ignored…", output: code.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") }];

new RuleTester().run(narrowed, {
  valid: [
    { name: "a DM channel refined from the user id, which it keeps when none opens (held round 39)", code: slack, filename: "src/home/handlers/templates.ts" },
    { name: "an Express page's locale refined by a stored preference, kept when there is none", code: express("req.user.locale") },
  ],
  invalid: [
    { name: "neighbour: a made-up literal start", code: express('"en"'), findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: ignored(express('"en"')) }], output: null },
    { name: "neighbour: the try also writes", code: express("req.user.locale", "await audit.insert({ user: req.user.id });\n    "), findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: ignored(express("req.user.locale", "await audit.insert({ user: req.user.id });\n    ")) }], output: null },
  ],
});
