import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34a: the retired held round 37's decided FNs of a batch and a guard
// (hand-written analogues, no fetched code): pieces of one whole dropped from a Promise.all and
// joined back (an audio, a transcript: rounds 23/24's "with holes"), and a predicate whose catch
// answers the value its callers let work through on (a restriction check failing open).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Transcribed pieces of one recording (split from it), joined into one transcript (`join`), or kept apart.
const pieces = (use: string): string => dedent`
  export async function transcribe(recording: Blob) {
    const parts = await splitBySilence(recording);
    const texts = await Promise.all(
      parts.map(async (part, i) => {
        try {
          return await whisper.transcribe(part);
        } catch (e) {
          logger.warn({ e, i }, "part failed");
          return null;
        }
      }),
    );
    const kept = texts.filter(Boolean);
    ${use}
  }
`;
const joined = pieces('return kept.join(" ");');
const keptApart = pieces("return kept;");
const listedInLog = pieces('logger.info(`kept ${kept.join(", ")}`);\n  return kept;');
// Audio chunks filled into an array in a loop over the results, then merged by a helper.
const audio = dedent`
  async function speak(script: string) {
    const chunks = chunkText(script, 500);
    const jobs = chunks.map(async (text, i) => {
      try {
        const buffer = await tts(text);
        return { i, buffer };
      } catch (err) {
        console.error("chunk failed", err);
        return null;
      }
    });
    const results = await Promise.all(jobs);
    const buffers: ArrayBuffer[] = [];
    for (const r of results) {
      if (r) buffers[r.i] = r.buffer;
    }
    return concatenateWav(buffers.filter(Boolean));
  }
`;

// A predicate whose callers leave on `true` (a blocked sender skipped) answering `false` on failure,
// and one whose callers leave on `false` (`if (!(await canPublish(p))) return`) answering `true`.
const blocked = (answer: string, caller: string): string => dedent`
  async function isBlockedSender(id: string): Promise<boolean> {
    try {
      const row = await db.blocklist.findUnique({ where: { id } });
      return row !== null;
    } catch (err) {
      console.error("blocklist lookup failed", err);
      return ${answer};
    }
  }
  export async function deliver(msg: Message) {
    ${caller}
    await forward(msg);
  }
`;
const failsOpen = blocked("false", "if (await isBlockedSender(msg.from)) return;");
const failsClosed = blocked("true", "if (await isBlockedSender(msg.from)) return;");
const canPublish = dedent`
  const canPublish = async (post: Post): Promise<boolean> => {
    try {
      const flags = await moderation.check(post.body);
      return flags.length === 0;
    } catch (e) {
      log.error("moderation unavailable", e);
      return true;
    }
  };
  export async function publish(post: Post) {
    const allowed = await canPublish(post);
    if (!allowed) {
      throw new Error("rejected by moderation");
    }
    await feed.push(post);
  }
`;
// An action's outcome flag is no guard: `if (sent) return true;` leaves on success.
const outcome = dedent`
  async function pushJob(job: Job): Promise<boolean> {
    try {
      return (await redis.rpush("jobs", JSON.stringify(job))) > 0;
    } catch (err) {
      console.error("push failed", err);
      return false;
    }
  }
  export async function enqueue(job: Job) {
    if (await pushJob(job)) {
      return true;
    }
    return fallbackQueue.add(job);
  }
`;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened above `line` at `indent`.
const ignore = (code: string, line: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${line}\n`, `${indent}// Intentionally ignored: <reason>\n${line}\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "pieces kept apart: a failed item left out of the list (the batch-drop rule)", code: keptApart },
    { name: "separate sources joined for a hash: items of a list handed in, not pieces of one value", code: joined.replace("(recording: Blob) {\n  const parts = await splitBySilence(recording);", "(parts: Blob[]) {") },
    { name: "pieces listed in a log line only", code: listedInLog },
    { name: "a predicate failing closed: its callers leave on true, the catch answers true", code: failsClosed },
    { name: "an outcome flag whose callers leave on success is no guard", code: outcome },
  ],
  invalid: [
    { name: "transcript pieces joined back after the failed ones are dropped (rounds 23/24/37)", code: joined, findings: [{ case: "logAndContinue", line: 7, column: 9, endColumn: 18, suggestions: [ignore(joined, '        logger.warn({ e, i }, "part failed");', "        ")] }], output: null },
    { name: "audio chunks filled in a loop and merged by a helper (held round 37)", code: audio, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: audio.replace("      return null;\n", "      throw err;\n") },
      ignore(audio, '      console.error("chunk failed", err);', "      "),
    ] }], output: null },
    { name: "a blocklist predicate answering false on failure: the callers forward (held round 37)", code: failsOpen, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: failsOpen.replace("    return false;\n", "    throw err;\n") },
      ignore(failsOpen, '    console.error("blocklist lookup failed", err);', "    "),
    ] }], output: null },
    { name: "a moderation predicate answering true on failure: the caller publishes", code: canPublish, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 14, suggestions: [
      { title: "Rethrow the error", output: canPublish.replace("    return true;\n", "    throw e;\n") },
      ignore(canPublish, '    log.error("moderation unavailable", e);', "    "),
    ] }], output: null },
  ],
});
