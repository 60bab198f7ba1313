import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Classes from session 26, developer se26 (issue 11; false positives and misses of the retired held
// round 28, with its labellers' conventions; hand-written analogues, no fetched code). Each class is
// a builder whose one argument makes the valid row or its reported neighbour. This table declares
// only the cases its invalid rows name.
const named = new Set(["catchReturnsDefault", "emptyCatch", "rethrowWithoutCause", "logAndContinue", "resultErrorIgnored", "resultErrorLogOnly", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A clean-up method deleting temporary uploads with the synchronous fs call, or doing other work.
const cleanup = (step: string): string => dedent`
  import fs from "fs";

  export class MediaService {
    cleanup(files: { path: string }[]) {
      try {
        for (const file of files) {
          ${step}
        }
      } catch (error) {
        logger.error("Error cleaning up temp files", error);
      }
    }
  }
`;

// A queue worker's failure path: the original logged first (or only counted), then the row marked failed.
const worker = (first: string): string => dedent`
  export async function processItem(item: QueueItem, isFallback: boolean) {
    try {
      await handle(item);
      if (!isFallback) await markDone(item.msgId);
    } catch (err) {
      ${first}
      if (!isFallback) {
        try {
          await markFailed(item.msgId, (err as Error).message ?? "unknown");
        } catch (markErr) {
          log.error({ err: markErr, msgId: item.msgId }, "Failed to mark queue row failed");
        }
      }
    }
  }
`;

// An extension loader probing an optional folder and each extension's entry file.
const loader = (probe: string): string => dedent`
  import { access, readdir } from "node:fs/promises";
  import { join } from "node:path";

  export async function loadExtensions(dir: string) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      log.info("No extensions directory found");
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name, "index.ts");
      try {
        ${probe}
      } catch {
        continue;
      }
      await register((await import(path)).default);
    }
  }
`;

// A supabase-js insert destructured as { data } only, and what the next statement does without it.
const createProfile = (next: string): string => dedent`
  import { supabase } from "@/integrations/supabase/client";

  export async function createDefaultProfile(name: string) {
    const { data } = await supabase.from("route_profiles").insert({ name, is_default: true }).select().single();
    ${next}
    return data.id;
  }
`;

// A supabase-js update fired from a state setter with an empty .then(), or under a comment.
const saveRoute = (before: string): string => dedent`
  import { supabase } from "@/integrations/supabase/client";

  export function saveRoute(id: string, name: string) {
    ${before}supabase.from("routes").update({ route_name: name }).eq("id", id).then();
  }
`;

// An insert whose error is only logged, into an activity feed (a log record) or another table.
const record = (table: string): string => dedent`
  import { supabase } from "@/integrations/supabase/client";

  export async function record(entry: Entry) {
    const { error } = await supabase.from("${table}" as any).insert(entry as any);
    if (error) console.error("Activity log failed:", error);
  }
`;

// A Mongo getter whose catch-all answers `undefined` (the try's own "not found"), or the id it was given.
const getUser = (answer: string): string => dedent`
  import { ObjectId } from "mongodb";

  export async function getUserById(db: Db, id: string) {
    try {
      const user = await db.collection("users").findOne({ _id: new ObjectId(id) });
      return user ? toUser(user) : ${answer};
    } catch (error) {
      return ${answer};
    }
  }
`;

// A model's JSON that does not parse, thrown on as a plain Error with a code-like message, or a project's 4xx error.
const modelJson = (thrown: string): string => dedent`
  export async function generateDiet(prompt: string) {
    const rawText = await askModel(prompt);
    let parsed;
    try {
      parsed = parseModelJson(rawText);
    } catch (e) {
      console.error("JSON parse failed", rawText);
      throw ${thrown};
    }
    return parsed;
  }
`;

// A diagnostic parse of a database URL for log lines, or one that also keeps the host it read.
const describeDb = (keep: string): string => dedent`
  export function describeDatabase(databaseUrl: string) {
    let host = "unknown";
    try {
      const url = new URL(databaseUrl);${keep}
      if (url.hostname.includes("supabase.co")) console.log("[db] Supabase connection:", url.hostname);
    } catch (urlError) {
      console.error("[db] Could not parse DATABASE_URL:", urlError);
    }
    return host;
  }
`;
const KEEPS_HOST = describeDb("\n    host = url.hostname;");

// A stored entry parsed on load; the catch removes that entry, or another one.
const wishlist = (removed: string): string => dedent`
  export function loadWishlist(setWishlist: (items: Item[]) => void) {
    const saved = localStorage.getItem("wishlist");
    if (saved) {
      try {
        setWishlist(JSON.parse(saved));
      } catch (error) {
        console.error("Error parsing wishlist from localStorage:", error);
        localStorage.removeItem(${removed});
      }
    }
  }
`;

// A webhook signature check whose catch lets the request through, or refuses it, or says why it passes.
const verify = (handling: string): string => dedent`
  import crypto from "crypto";

  export function verifySignature(raw: string, header: string): boolean {
    if (!APP_SECRET) return true;
    try {
      const digest = crypto.createHmac("sha256", APP_SECRET).update(raw).digest("hex");
      const ok = header === \`sha256=\${digest}\`;
      if (!ok) console.warn("[verify] signature mismatch");
      return ok;
    } catch (e) {
      ${handling}
    }
  }
`;
const FAILS_OPEN = verify('console.warn("[verify] error, skipping verification:", e);\n    return true;');

// A note's insert whose error branch logs that it failed, but not why.
const NOTE_UNEXPLAINED = dedent`
  import { supabase } from "@/integrations/supabase/client";

  export async function saveNote(note: Note) {
    const { error } = await supabase.from("notes").insert(note);
    if (error) {
      console.error("Failed to save note");
    }
    return note;
  }
`;

// The same branch logging through an awaited call, and through a format string with a placeholder left unfilled (review rv26).
const NOTE_AWAITED = NOTE_UNEXPLAINED.replace('console.error("Failed to save note");', 'await logger.error("Failed to save note");');
const NOTE_FORMAT = NOTE_UNEXPLAINED.replace('console.error("Failed to save note");', 'console.log("Failed to save note %s: %d", note.id);');
// A rejection handler whose log line sits in parentheses (review rv26: the rule crashed on it).
const PARENTHESIZED_HANDLER = dedent`
  export function refresh() {
    loadFeed().catch(() => (console.error("Failed to load feed")));
  }
`;

const WRITING_CLEANUP = cleanup('fs.writeFileSync(file.path + ".done", "");');
const COUNTED = worker('metrics.increment("inbound.failed");');

/** A reported log-only catch: its first suggestion, then "Mark as intentionally ignored…" above `logLine`. */
function logOnly(name: string, code: string, filename: string, [line, column, endColumn]: number[], [title, output]: string[], logLine: string): InvalidCase {
  const indent = logLine.slice(0, logLine.length - logLine.trimStart().length);
  const marked = code.replace(logLine, `${indent}// Intentionally ignored: <reason>\n${logLine}`);
  return { name, code, filename, findings: [{ case: "logAndContinue", line: line!, column: column!, endColumn: endColumn!, suggestions: [{ title: title!, output: output! }, { title: "Mark as intentionally ignored…", output: marked }] }], output: null };
}

/** A reported log-only error branch on lines 4-5 with the throw suggestion, and the bulk output (`null`: no safe fix). */
function logOnlyBranch(name: string, code: string, filename: string, thrown: string, output: string | null): InvalidCase {
  return { name, code, filename, findings: [{ case: "resultErrorLogOnly", line: 4, column: 21, endLine: 5, endColumn: 13, suggestions: [{ title: "Throw the error after logging it", output: thrown }] }], output };
}

new RuleTester().run(narrowed, {
  valid: [
    { name: "a clean-up method deleting each temporary file with unlinkSync", code: cleanup("fs.unlinkSync(file.path);"), filename: "src/services/media.service.ts" },
    { name: "a secondary failure logged after the original was logged with its error", code: worker('log.error({ err, msgId: item.msgId }, "Failed to process inbound message");'), filename: "src/routes/webhook.ts" },
    { name: "an optional folder read and an access() probe that skip what is not there", code: loader("await access(path);"), filename: "src/loader.ts" },
    { name: "a missing row turned into an explicit error", code: createProfile('if (!data) throw new Error("Failed to create default profile");'), filename: "src/stores/route-profile-store.ts" },
    { name: "a missing row answered null, the function's could-not answer", code: createProfile("if (!data) return null;"), filename: "src/stores/route-profile-store.ts" },
    { name: "an empty .then() under a comment that says the write is fired and forgotten", code: saveRoute("// best-effort, don't await\n  "), filename: "src/stores/route-store.ts" },
    { name: "an activity-feed insert (a log record) whose error is logged, its table name cast", code: record("binder_activity"), filename: "src/stores/activity-store.ts" },
    { name: "a catch answering the id it was given, as the try does for no match", code: getUser("id"), filename: "server/storage.ts" },
    { name: "a project's error given a client code (INVALID_…) is the client's answer", code: modelJson('new AppError(ErrorCode.INVALID_INPUT, "The plan could not be read")'), filename: "app/api/diets/generate/route.ts" },
    { name: "a URL parse whose only effect is log lines", code: describeDb(""), filename: "lib/prisma.ts" },
    { name: "a corrupt stored entry removed by the catch of its parse", code: wishlist('"wishlist"'), filename: "src/contexts/WishlistContext.tsx" },
    { name: "a signature check whose catch refuses the request", code: verify('console.warn("[verify] error:", e);\n    return false;'), filename: "backend/src/whatsapp.ts" },
    { name: "a signature check failing open under a comment that states the policy", code: verify('// Fail open on purpose: a broken check must not drop customer messages.\n    console.warn("[verify] error, skipping verification:", e);\n    return true;'), filename: "backend/src/whatsapp.ts" },
  ],
  invalid: [
    logOnlyBranch(
      "a log-only error branch whose log leaves the error out: add it (safe), or throw it", NOTE_UNEXPLAINED, "src/stores/notes.ts",
      NOTE_UNEXPLAINED.replace('note");\n', 'note");\n    throw error;\n'),
      NOTE_UNEXPLAINED.replace('"Failed to save note")', '"Failed to save note", error)'),
    ),
    logOnlyBranch(
      "an awaited log call in the error branch gets the error too (the rule crashed on it)", NOTE_AWAITED, "src/stores/notes.ts",
      NOTE_AWAITED.replace('note");\n', 'note");\n    throw error;\n'),
      NOTE_AWAITED.replace('"Failed to save note")', '"Failed to save note", error)'),
    ),
    // The error added after the format string would fill its `%d` (NaN) instead of being logged: no safe fix.
    logOnlyBranch("a log line whose format string leaves a placeholder unfilled: only the throw", NOTE_FORMAT, "src/stores/notes.ts", NOTE_FORMAT.replace("note.id);\n", "note.id);\n    throw error;\n"), null),
    {
      name: "a rejection handler whose parenthesized log line leaves the error out (the rule crashed on it)",
      code: PARENTHESIZED_HANDLER,
      findings: [{ case: "promiseCatchLogOnly", line: 2, column: 20, endColumn: 64, suggestions: [{ title: "Mark as intentionally ignored…", output: PARENTHESIZED_HANDLER.replace("() => (", "() => /* Intentionally ignored: <reason> */ (") }] }],
      output: PARENTHESIZED_HANDLER.replace("(() => (console.error(\"Failed to load feed\")))", "((err) => (console.error(\"Failed to load feed\", err)))"),
    },
    {
      name: "a signature check whose catch answers true fails open (also when it passes everything unconfigured)",
      code: FAILS_OPEN,
      filename: "backend/src/whatsapp.ts",
      findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 14, suggestions: [{ title: "Mark as intentionally ignored…", output: FAILS_OPEN.replace("    console.warn(\"[verify] error,", "    // Intentionally ignored: <reason>\n    console.warn(\"[verify] error,") }] }],
      output: null,
    },
    {
      name: "a catch that removes another entry stays reported",
      code: wishlist('"cart"'),
      filename: "src/contexts/WishlistContext.tsx",
      findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [{ title: "Mark as intentionally ignored…", output: wishlist('"cart"').replace("      console.error", "      // Intentionally ignored: <reason>\n      console.error") }] }],
      output: null,
    },
    logOnly("a parse that also sets a local outside the try stays reported", KEEPS_HOST, "lib/prisma.ts", [7, 5, 21], [
      "Rethrow the error",
      KEEPS_HOST.replace('DATABASE_URL:", urlError);\n', 'DATABASE_URL:", urlError);\n    throw urlError;\n'),
    ], '    console.error("[db] Could not'),
    {
      name: "a plain Error whose message is written like a code (INVALID_AI_JSON) is no client error",
      code: modelJson('new Error("INVALID_AI_JSON")'),
      filename: "app/api/diets/generate/route.ts",
      findings: [{ case: "rethrowWithoutCause", line: 6, column: 5, endColumn: 14 }],
      output: modelJson('new Error("INVALID_AI_JSON", { cause: e })'),
    },
    {
      name: "a lookup's catch-all answering undefined is a default, not the input (undefined is no name)",
      code: getUser("undefined"),
      filename: "server/storage.ts",
      findings: [
        {
          case: "catchReturnsDefault",
          line: 7,
          column: 5,
          endColumn: 18,
          suggestions: [
            { title: "Log the error with console", output: getUser("undefined").replace("  } catch (error) {\n", '  } catch (error) {\n    console.error("getUserById failed", { id }, error);\n') },
            { title: "Mark as intentionally ignored…", output: getUser("undefined").replace("  } catch (error) {\n", "  } catch (error) {\n    // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    logOnlyBranch(
      "another table's insert whose error is only logged stays reported, its table name cast", record("binder_notes"), "src/stores/notes-store.ts",
      record("binder_notes").replace('failed:", error);', 'failed:", error); throw error; }').replace("if (error) console", "if (error) { console"),
      null,
    ),
    // A bare `activities` table holds the app's own records (a run, a workout), no feed about them (review rv26).
    logOnlyBranch(
      "an insert into a bare activities table, whose error is only logged, stays reported", record("activities"), "src/stores/activity-store.ts",
      record("activities").replace('failed:", error);', 'failed:", error); throw error; }').replace("if (error) console", "if (error) { console"),
      null,
    ),
    logOnly("a clean-up step that writes stays reported", WRITING_CLEANUP, "src/services/media.service.ts", [9, 7, 20], [
      "Rethrow the error",
      WRITING_CLEANUP.replace('temp files", error);\n', 'temp files", error);\n      throw error;\n'),
    ], "      logger.error"),
    logOnly("a secondary failure whose original is only counted, never logged, stays reported", COUNTED, "src/routes/webhook.ts", [10, 9, 24], [
      "Throw both errors as an AggregateError",
      COUNTED.replace('row failed");\n', 'row failed");\n        throw new AggregateError([err, markErr], "processItem failed twice");\n'),
    ], "        log.error({ err: markErr"),
    {
      name: "a try that probes and then does the work stays reported",
      code: loader("await access(path); await register((await import(path)).default);"),
      filename: "src/loader.ts",
      findings: [
        {
          case: "emptyCatch",
          line: 16,
          column: 13,
          endLine: 18,
          endColumn: 6,
          suggestions: [{ title: "Mark as intentionally ignored…", output: loader("await access(path); await register((await import(path)).default);").replace("    } catch {\n      continue;", "    } catch {\n      // Intentionally ignored: <reason>\n      continue;") }],
        },
      ],
      output: loader("await access(path); await register((await import(path)).default);").replace("    } catch {\n      continue;", '    } catch (err) {\n      console.error("loadExtensions failed", { path }, err);\n      continue;'),
    },
    {
      name: "a missing row only warned about stays reported",
      code: createProfile('if (!data) console.warn("no profile yet");'),
      filename: "src/stores/route-profile-store.ts",
      findings: [
        {
          case: "resultErrorIgnored",
          line: 4,
          column: 20,
          endColumn: 110,
          suggestions: [{ title: "Throw the error", output: createProfile('if (!data) console.warn("no profile yet");').replace("{ data }", "{ data, error }").replace("  if (!data)", "  if (error) throw error;\n  if (!data)") }],
        },
      ],
      output: createProfile('if (!data) console.warn("no profile yet");').replace("{ data }", "{ data, error }").replace("  if (!data)", '  if (error) console.error("insert into route_profiles failed", error);\n  if (!data)'),
    },
    {
      name: "a write fired with an empty .then() and no comment",
      code: saveRoute(""),
      filename: "src/stores/route-store.ts",
      findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 75 }],
      output: null,
    },
  ],
});
