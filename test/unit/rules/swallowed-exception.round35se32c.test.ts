import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 32, developer se32c: the lead's ruling on per-item log-only catches next to a count of
// the items that worked (held rounds 25, 29 and 35; hand-written analogues, no fetched code). The
// count excuses the catch only where the answer also counts or lists the failures, or the item
// stays pending for the next run of a scheduled job.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A job that reads its users (`source`), sends each one a reminder and answers `answer`.
const reminders = (source: string, answer = "return Response.json({ sent });", after = ""): string => dedent`
  export async function run(supabase: SupabaseClient) {
    ${source}
    let sent = 0;
    for (const user of users) {
      try {
        await sendReminder(user.email);
        sent++;
      } catch (err) {
        console.error("reminder failed for", user.id, err);
      }${after}
    }
    ${answer}
  }
`;
const selectUsers = 'const { data: users } = await supabase.from("users").select("*");';
const handedUsers = (code: string): string => code.replace("run(supabase: SupabaseClient)", "run(supabase: SupabaseClient, users: User[])").replace(`${selectUsers}\n  `, "");
const marked = "\n      await markReminded(user.id);";

// A store loop handed its items: the catch skips a duplicate and logs every other failure; the answer is `answer`.
const store = (answer: string): string => dedent`
  export async function storeItems(items: Item[]) {
    let added = 0;
    let duped = 0;
    for (const s of items) {
      try {
        await Item.create({ title: s.title.trim() });
        added++;
      } catch (error: any) {
        if (error.code === 11000) {
          duped++;
          continue;
        }
        console.error("[Store] DB error:", error.message);
      }
    }
    console.log(\`[Store] Done: added \${added}, duped \${duped}\`);
    ${answer}
  }
`;

// A job that reads the readings, creates an alert for each and answers the list of those created, then `answer`'s extra fields.
const alerts = (answer: string): string => dedent`
  export async function run(station: Station) {
    const readings = await station.latestReadings();
    const created: Alert[] = [];
    for (const r of readings) {
      try {
        created.push(await createAlert(r));
      } catch (err) {
        console.error("alert failed", err);
      }
    }
    return Response.json({ created: created.length${answer} });
  }
`;
const listed = alerts(", alerts: created");
const handedReadings = listed.replace("run(station: Station) {\n  const readings = await station.latestReadings();", "run(readings: Reading[]) {");

const cronRoute = "app/api/cron/remind/route.ts";
const plainRoute = "supabase/functions/send-report/index.ts";
const onlySent = reminders(selectUsers);
const handed = handedUsers(onlySent);
const softDeleted = reminders(selectUsers, undefined, marked);
const stored = store("return added;");

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "the answer counts the failures too (failed: users.length - sent)", code: reminders(selectUsers, "return Response.json({ sent, failed: users.length - sent });"), filename: plainRoute },
    { name: "the answer lists the failures too (errors)", code: reminders(selectUsers, "return Response.json({ sent, errors });").replace("let sent = 0;", "let sent = 0;\n  const errors: string[] = [];"), filename: plainRoute },
    { name: "a cron route whose users it reads itself: the failed one stays pending for the next tick (held round 29)", code: onlySent, filename: cronRoute },
    { name: "a file that schedules itself with setInterval", code: `${onlySent}\nsetInterval(() => run(client), 60_000);\n`, filename: "src/services/reminders.ts" },
    { name: "items read by a call named for their pending state", code: onlySent.replace(selectUsers, "const users = await getPendingReminders();"), filename: "src/services/reminders.ts" },
    { name: "a cron route whose catch skips the item before the write that marks it done", code: softDeleted.replace('user.id, err);\n    }', 'user.id, err);\n      continue;\n    }'), filename: cronRoute },
    { name: "a list of the items that worked answered next to what is left of the input (left: readings.length - created.length)", code: alerts(", left: readings.length - created.length"), filename: plainRoute },
    { name: "a list of the items that worked, from a list the caller handed in (the caller can tell which are missing)", code: handedReadings, filename: plainRoute },
    { name: "a store loop that skips duplicates and answers the failures too", code: store("return { added, failed: items.length - added - duped };"), filename: "src/services/store.ts" },
  ],
  invalid: [
    { name: "an answer that counts only the successes (session 32 ruling, held round 25)", code: onlySent, filename: plainRoute, findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 18, suggestions: [ignore(onlySent, "} catch (err) {", "      ")] }], output: null },
    { name: "a cron route looping over users it was handed (nobody reads them again)", code: handed, filename: cronRoute, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 18, suggestions: [ignore(handed, "} catch (err) {", "      ")] }], output: null },
    { name: "a cron route that writes the item's state after the failure (done for good)", code: softDeleted, filename: cronRoute, findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 18, suggestions: [ignore(softDeleted, "} catch (err) {", "      ")] }], output: null },
    { name: "a store loop that skips duplicates, only logs every other failure and answers the added count (held round 35)", code: stored, filename: "src/services/store.ts", findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 25, suggestions: [ignore(stored, "} catch (error: any) {", "      ")] }], output: null },
    { name: "a list of the items that worked, answered with its length, that says nothing of the failures (session 32 ruling)", code: listed, filename: plainRoute, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 18, suggestions: [ignore(listed, "} catch (err) {", "      ")] }], output: null },
  ],
});
