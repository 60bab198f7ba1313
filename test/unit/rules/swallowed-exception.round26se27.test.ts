import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type ExpectedFinding, type InvalidCase } from "../../helpers/rule-tester";

// Classes from session 25, developer se27 (issue 11; false positives of the retired held round 26,
// with the lead's decisions on its conventions; hand-written analogues, no fetched code). Each class
// is a builder whose one argument makes the valid row or its reported neighbour.
// This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault", "rethrowWithoutCause", "promiseCatchNoop", "promiseCatchLogOnly", "allSettledUnchecked", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const ignored = "// Intentionally ignored: <reason>";
/** The code with `// Intentionally ignored: <reason>` above its first line that starts with `line`. */
const marked = (code: string, line: string): string => code.replace(new RegExp(`^( *)(${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "m"), `$1${ignored}\n$1$2`);

// A query whose catch throws a fixed message after an `if (error instanceof Error)` branch.
const query = (branch: string): string => dedent`
  export async function run(db: Db, sql: string) {
    try {
      return await db.query(sql);
    } catch (error) {
      if (error instanceof Error) ${branch}
      throw new Error("Query execution failed");
    }
  }
`;

// A URL parse whose catch throws "Invalid remote URL".
const remoteUrl = (arg: string): string => dedent`
  export function normalizeRemoteUrl(value: unknown) {
    let parsed: URL;
    try {
      parsed = new URL(${arg});
    } catch (_error) {
      throw new Error("Invalid remote URL");
    }
    return parsed;
  }
`;

// A script's `main().catch(console.error)`.
const script = (step: string): string => dedent`
  async function main() {
    console.log("Newsletter generator");
    ${step}
  }

  main().catch(console.error);
`;

// An optional model list behind a setting read through the settings object.
const models = (fallback: string): string => dedent`
  export async function getAvailableModels() {
    const apiKey = ENV.OPENROUTER_API_KEY;
    if (!apiKey) return [];
    try {
      const response = await fetch(BASE_URL + "/models", { headers: { Authorization: "Bearer " + apiKey } });
      return (await response.json()).data;
    } catch (error) {
      console.error("[OpenRouter] Error fetching models:", error);
      return ${fallback};
    }
  }
`;

// A debug print of an HMAC prefix in an empty catch.
const debugHmac = (step: string): string => dedent`
  import crypto from "node:crypto";

  export async function debugHmac(raw: string, secret: string) {
    try {
      const computed = crypto.createHmac("sha256", secret).update(raw, "utf8").digest("base64");
      console.log("HMAC prefix:", computed.slice(0, 12));
      ${step}
    } catch {}
  }
`;

// A store module under a `//` header.
const storage = (header: string): string => dedent`
  // profile/storage.ts: customer profiles in Redis.
  // ${header}

  export async function saveProfile(redis: Redis, phone: string, profile: Profile) {
    try {
      await redis.set("profile:" + phone, JSON.stringify(profile));
    } catch (e) {
      console.error("[profile] save failed:", e.message);
    }
    return profile;
  }
`;

// A stub whose try logs (and maybe does the work).
const deleteImage = (step: string): string => dedent`
  export async function deleteImage(path: string) {
    try {
      console.log(\`Mock: image deleted from \${path}\`);
      ${step}
      return true;
    } catch (error) {
      console.error("Error deleting image: ", error);
      throw new Error("Image could not be deleted.");
    }
  }
`;

// Pushes settled through a const that holds the mapped batch.
const pushAll = (send: string): string => dedent`
  export async function notifyAll(subscriptions: Subscription[], payload: string) {
    const pushPromises = subscriptions.map(async (subscription) => {
      ${send}
    });
    await Promise.allSettled(pushPromises);
  }
`;
const ownCatch = "try {\n    await fetch(subscription.endpoint, { method: \"POST\", body: payload });\n  } catch (error) {\n    // best effort: one failed push must not stop the others\n    console.warn(\"push failed\", subscription.userId, error);\n  }";
const bare = 'await fetch(subscription.endpoint, { method: "POST", body: payload });';

// An embedding cache read.
const embeddings = (name: string): string => dedent`
  export class EmbeddingService {
    async ${name}(hash: string) {
      try {
        const cached = await redis.get("emb:" + hash);
        return cached ? JSON.parse(cached) : null;
      } catch {
        return null;
      }
    }
  }
`;

// A payment webhook's two lookups of the deposit, then what it does when none was found.
const deposit = (notFound: string): string => dedent`
  export async function handle(paymentId: string, orderId: string) {
    let deposit = null;
    try {
      deposit = await getDepositByPaymentId(paymentId);
    } catch (err) {
      console.error("[WEBHOOK] Error finding by payment_id:", err.message);
    }
    if (!deposit && orderId) {
      try {
        deposit = await getDepositById(orderId);
      } catch (err) {
        console.error("[WEBHOOK] Error finding by order_id:", err.message);
      }
    }
    if (!deposit) ${notFound}
    return new Response("OK");
  }
`;

// Something sent after the main work, fired and forgotten with a log-only `.catch`.
const fired = (call: string): string => dedent`
  export async function finish(email: string, id: string) {
    await backend.complete(id);
    ${call}.catch((err) => {
      console.error("[finish] Failed to send:", err);
    });
    return Response.json({ ok: true });
  }
`;

// A relay route that reads the upstream body with a fallback before its test of the response.
const relay = (test: string): string => dedent`
  export async function GET() {
    const res = await fetch("https://api.example.com/reports", { signal: AbortSignal.timeout(5000) });
    const data = await res.json().catch(() => []);
    if (${test}) {
      return Response.json({ error: data?.detail ?? "upstream error" }, { status: 502 });
    }
    return Response.json(data);
  }
`;

// A profile delete whose error, other than not-found, goes to `branch`.
const deleteProfile = (branch: string): string => dedent`
  export async function deleteUser(supabase: Client, userId: string) {
    const { error: delProfErr } = await supabase.from("user_profiles").delete().eq("user_id", userId);
    // Ignore the error if the profile does not exist
    if (delProfErr && delProfErr.code !== "PGRST116") {
      ${branch}
    }
    return { deleted: true };
  }
`;

/** A `logAndContinue` at [line, column, endColumn] whose suggestions rethrow (`rethrown`) or mark the line starting with `markAt`. */
const logged = (code: string, [line, column, endColumn]: [number, number, number], rethrown: string, markAt: string): ExpectedFinding => ({
  case: "logAndContinue", line, column, endColumn,
  suggestions: [
    { title: "Rethrow the error", output: rethrown },
    { title: "Mark as intentionally ignored…", output: marked(code, markAt) },
  ],
});

/** The row of `fired(…)`: its log-only handler reported at `column` with `confidence`, one suggestion. */
const firedRow = (name: string, code: string, column: number, confidence: "low" | "high"): InvalidCase => ({
  name,
  code,
  findings: [
    {
      case: "promiseCatchLogOnly", line: 3, column, endLine: 5, endColumn: 4, confidence, severity: confidence === "low" ? "info" : "warning",
      suggestions: [{ title: "Mark as intentionally ignored…", output: marked(code, 'console.error("[finish]') }],
    },
  ],
  output: null,
});

/** A `rethrowWithoutCause` at [line, column, endColumn] whose safe fix gives `new Error(message, { cause })`. */
const causeRow = (name: string, code: string, [line, column, endColumn]: [number, number, number], message: string, err: string): InvalidCase => ({
  name,
  code,
  findings: [{ case: "rethrowWithoutCause", line, column, endColumn }],
  output: code.replace(`${message})`, `${message}, { cause: ${err} })`),
});

const okOnly = relay("!res.ok");
const warnsOnly = deleteProfile('console.warn("Error deleting from user_profiles:", delProfErr.message);');

const noCause = query("console.error(error.message);");
const throughCall = remoteUrl('expand(String(value || "").trim())');
const awaits = script("await generate();");
const madeUp = models('[{ id: "openai/gpt-4o" }]');
const writes = debugHmac('await audit.record("hmac", computed);');
const mentionsErrors = storage("Errors are logged with the phone number.");
const removes = deleteImage("await storage.remove(path);");
const unsettled = pushAll(bare);
const otherName = embeddings("_getEmbedding");
const logsOnly = deposit('console.error("[WEBHOOK] Deposit not found", paymentId);');
const mail = fired("sendAccountDeletionEmail(email)");
const webhooks = fired("triggerWebhooks(id)");
const mailClaimed = mail.replace("{ ok: true }", "{ ok: true, emailSent: true }");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a fire-and-forget e-mail whose .catch logs the error, with nothing claiming it was sent (session 27: held round 26's lead decision)", code: mail },
    { name: "a fixed message after an `if (error instanceof Error)` branch that always throws with the error's message (no `else`)", code: query("throw new Error(`Query failed: ${error.message}`);") },
    { name: "a try that only parses a URL coerced with String() and trim(), whose new error says it is invalid", code: remoteUrl('String(value || "").trim()') },
    { name: "`main().catch(console.error)` on a stub main whose body is only log lines: it cannot reject", code: script('console.log("Not implemented yet: coming in phase 2");') },
    { name: "an optional dependency read through the settings object (`ENV.OPENROUTER_API_KEY`): the catch answers what the unconfigured branch answers", code: models("[]") },
    { name: "an empty catch around a debug log of an HMAC prefix: the try only hashes and logs", code: debugHmac('console.log("secret present:", Boolean(secret));') },
    { name: "a `//` module header stating the fail-open policy of the module's functions", code: storage("Fail-open: if Redis fails, the merged profile is returned without being stored.") },
    { name: "a stub whose try only logs a plain message and returns: nothing in it can fail", code: deleteImage('console.log("nothing stored: mock bucket");') },
    { name: "Promise.allSettled over a const holding a .map whose items each end in their own catch", code: pushAll(ownCatch) },
    { name: "a function named for a cache read whose try awaits only the entry read and whose catch answers the miss", code: embeddings("_getCachedEmbedding") },
    { name: "a second lookup inside `if (!deposit && orderId)` whose catch leaves the local unset, followed by a 404", code: deposit('return new Response("Not found", { status: 404 });') },
    { name: "a body read with a fallback whose emptiness the failure test also checks (`!res.ok || !Array.isArray(data)`)", code: relay("!res.ok || !Array.isArray(data)") },
    { name: "a delete whose error other than not-found is thrown", code: deleteProfile("throw delProfErr;") },
  ],
  invalid: [
    causeRow("neighbour: the `if (error instanceof Error)` branch only logs, so the fixed message replaces every error", noCause, [4, 5, 18], '"Query execution failed"', "error"),
    causeRow("neighbour: the URL argument goes through a call of the project's own (`expand(…)`)", throughCall, [5, 5, 19], '"Invalid remote URL"', "_error"),
    {
      name: "neighbour: a main that awaits work outside a try can reject",
      code: awaits,
      findings: [
        {
          case: "promiseCatchLogOnly", line: 6, column: 14, endColumn: 27,
          suggestions: [{ title: "Set process.exitCode after logging", output: awaits.replace("main().catch(console.error);", "main().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});") }],
        },
      ],
      output: null,
    },
    {
      name: "neighbour: the catch answers a made-up model list, not the unconfigured branch's []",
      code: madeUp,
      findings: [logged(madeUp, [7, 5, 18], madeUp.replace('return [{ id: "openai/gpt-4o" }];', "throw error;"), 'console.error("[OpenRouter]')],
      output: null,
    },
    {
      name: "neighbour: the try also awaits a write",
      code: writes,
      findings: [
        {
          case: "emptyCatch", line: 8, column: 11, endColumn: 13,
          suggestions: [
            { title: "Log with console and rethrow", output: writes.replace("} catch {}", '} catch (err) {\n    console.error("debugHmac failed", err);\n    throw err;\n  }') },
            { title: "Mark as intentionally ignored…", output: writes.replace("} catch {}", `} catch {\n    ${ignored}\n  }`) },
          ],
        },
      ],
      output: writes.replace("} catch {}", '} catch (err) {\n    console.error("debugHmac failed", err);\n  }'),
    },
    {
      name: "neighbour: a `//` header that only mentions errors states no policy",
      code: mentionsErrors,
      findings: [logged(mentionsErrors, [7, 5, 14], mentionsErrors.replace('e.message);\n', "e.message);\n    throw e;\n"), 'console.error("[profile]')],
      output: null,
    },
    causeRow("neighbour: the try also awaits the storage call", removes, [6, 5, 18], '"Image could not be deleted."', "error"),
    {
      name: "neighbour: the mapped items have no catch of their own",
      code: unsettled,
      findings: [
        {
          case: "allSettledUnchecked", line: 5, column: 3, endColumn: 41,
          suggestions: [{ title: "Throw the first rejection after all settle", output: unsettled.replace("  await Promise.allSettled(pushPromises);", '  const settled = await Promise.allSettled(pushPromises);\n  for (const result of settled) if (result.status === "rejected") throw result.reason;') }],
        },
      ],
      output: unsettled.replace("  await Promise.allSettled(pushPromises);", '  const settled = await Promise.allSettled(pushPromises);\n  for (const result of settled) if (result.status === "rejected") console.error("notifyAll failed", result.reason);'),
    },
    {
      name: "neighbour: a function not named for a cache read",
      code: otherName,
      findings: [
        {
          case: "catchReturnsDefault", line: 6, column: 7, endColumn: 12,
          suggestions: [
            { title: "Log the error with console", output: otherName.replace("} catch {\n", '} catch (err) {\n      console.error("EmbeddingService._getEmbedding failed", err);\n') },
            { title: "Mark as intentionally ignored…", output: marked(otherName, "return null;\n    }") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "neighbour: the unset local is only logged, the request answered OK",
      code: logsOnly,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [{ title: "Mark as intentionally ignored…", output: marked(logsOnly, 'console.error("[WEBHOOK] Error finding by payment_id') }] },
        { case: "logAndContinue", line: 11, column: 7, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: marked(logsOnly, 'console.error("[WEBHOOK] Error finding by order_id') }] },
      ],
      output: null,
    },
    {
      name: "a body read with a fallback before a test of the response alone: the failure branch only words the error, a good response with an unreadable body is answered []",
      code: okOnly,
      findings: [
        {
          case: "promiseCatchNoop", line: 3, column: 39, endColumn: 47, confidence: "low", severity: "info",
          suggestions: [{ title: "Mark as intentionally ignored…", output: okOnly.replace(".catch(() => [])", ".catch(() => /* Intentionally ignored: <reason> */ [])") }],
        },
      ],
      output: okOnly.replace(".catch(() => [])", '.catch((err) => {\n    console.error("res.json failed in GET", err);\n    return [];\n  })'),
    },
    {
      name: "a delete whose error other than not-found (`if (err && err.code !== \"PGRST116\")`) is only warned: the comment above the if speaks of not-found only",
      code: warnsOnly,
      findings: [
        {
          case: "resultErrorLogOnly", line: 2, column: 33, endLine: 4, endColumn: 52,
          suggestions: [{ title: "Throw the error after logging it", output: warnsOnly.replace("delProfErr.message);\n", "delProfErr.message);\n    throw delProfErr;\n") }],
        },
      ],
      output: null,
    },
    firedRow("notification: a fire-and-forget e-mail whose .catch logs the error, under an answer that claims it was sent, is low confidence (info)", mailClaimed, 41, "low"),
    firedRow("notification's neighbour: outbound webhooks fired and forgotten stay high confidence (warning)", webhooks, 29, "high"),
  ],
});
