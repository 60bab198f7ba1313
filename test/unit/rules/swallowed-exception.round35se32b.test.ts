import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 32, developer se32b, second part (the retired held round 35's lead decisions;
// hand-written analogues, no fetched code): a failed lookup whose miss the next branch warns of, a
// cache class's read answered as a miss, a first tick like its interval's, a URL parse first, and the
// recall classes (the try's own check swallowed, an empty else, Express 5's listen, a busy mark, 401 for an outage).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "emptyCatch", "promiseCatchLogOnly", "rethrowWithoutCause", "resultErrorLogOnly", "ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A notifier that looks the submitter up by e-mail, then `next` decides on the id.
const notifier = (next: string): string => dedent`
  export async function notifySubmitter(issue: Issue) {
    let submitterId = null;
    if (issue.submitterId) {
      submitterId = issue.submitterId;
    } else if (issue.submitterEmail) {
      try {
        const user = await User.findOne({ email: issue.submitterEmail });
        if (user) submitterId = user._id;
      } catch (err) {
        console.error("Error finding user by email:", err);
      }
    }
    ${next}
    return new Notification({ userId: submitterId }).save();
  }
`;
const warnsAndReturns = 'if (!submitterId) {\n    console.warn("No user id, notification not created");\n    return null;\n  }';
const silent = notifier("if (!submitterId) return null;");

// A cache class whose `method` reads an entry; the catch logs and answers `answer`.
const cache = (method: string, answer: string): string => dedent`
  class RedisCache {
    async ${method}(key: string) {
      try {
        const data = await this.client.get(key);
        return data ? JSON.parse(data) : null;
      } catch (error) {
        console.error("Redis error:", error);
        return ${answer};
      }
    }
  }
`;
const emptyList = cache("get", "[]");

// A scheduler: the interval's tick does `tick`, and a first run fires at start-up.
const scheduler = (tick: string): string => dedent`
  export function startScheduler() {
    cron.schedule("0 */6 * * *", () => {
      ${tick}
    });
    setTimeout(() => {
      console.log("Running initial fetch on startup...");
      runFetchCycle().catch((err) => console.error("Initial fetch error:", err));
    }, 3000);
  }
`;
const notifies = scheduler("runFetchCycle().catch((err) => notifyAdmins(err));");

// A cors origin check whose catch hands on `error`.
const cors = (error: string): string => dedent`
  export const corsOptions = {
    origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) => {
      if (!origin) return cb(null, true);
      try {
        const hostname = new URL(origin).hostname;
        const ok = allowedOrigins.some((o) => hostname.endsWith(o));
        return ok ? cb(null, true) : cb(new Error("CORS blocked"));
      } catch {
        return cb(new Error("${error}"));
      }
    },
  };
`;
const failed = cors("CORS check failed");

// A payment confirmation whose Stripe check is `check`, then `after`.
const confirm = (check: string, after: string): string => dedent`
  export async function confirmPayment(sessionId: string, offerId: string) {
    try {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      ${check}
    } catch {
      // If Stripe cannot be reached, trust the local state
    }
    ${after}
  }
`;
const markPaid = 'await db.from("payment_intents").update({ status: "paid" }).eq("offer_id", offerId);';
const notPaid = confirm('if (session.payment_status !== "paid") throw new Error("Payment not completed");', markPaid);

// A webhook's status update whose error branch logs, with `orElse`.
const statusUpdate = (orElse: string): string => dedent`
  export async function onEnvelope(supabase: SupabaseClient, envelopeId: string) {
    const { error: statusError } = await supabase.from("document_signatures").update({ status: "completed" }).eq("envelope_id", envelopeId);
    if (statusError) {
      console.error("Error updating signature status:", statusError);
    } else {${orElse}}
    return redirectTo(envelopeId);
  }
`;
const emptyElse = statusUpdate("\n    ");

// An Express app listening with a callback that takes no error.
const server = dedent`
  import express from "express";
  const app = express();
  app.listen(PORT, () => {
    console.log("Server running");
  });
`;
const manifest = (version: string) => ({ "package.json": `{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "${version}" } }\n` });

// A bot's dispatch whose placeholder reply fails into `handling`.
const dispatch = (handling: string): string => dedent`
  export async function dispatch(ctx: Context, userId: number) {
    let statusMsg;
    try {
      statusMsg = await ctx.reply("Thinking…");
    } catch (e) {
      ${handling}
    }
    return run(ctx, statusMsg.message_id);
  }
`;
const dropped = dispatch("busy.delete(userId);\n      return;");

// A /me route whose try does `work` after the token check.
const me = (work: string): string => dedent`
  router.get("/me", async (req, res) => {
    try {
      const decoded = jwt.verify(req.headers.authorization, SECRET_KEY);
      ${work}
    } catch (err) {
      res.status(401).json({ message: "Invalid token" });
    }
  });
`;
const looksUp = me('const user = await User.findById(decoded.id).select("-password");\n      res.json(user);');

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a failed lookup whose miss the next branch warns of and leaves (round 29, held round 35)", code: notifier(warnsAndReturns) },
    { name: "the same with the warning in the else of a presence test", code: notifier('if (submitterId) {\n    await notify(submitterId);\n  } else {\n    console.warn("No user id for the issue");\n  }') },
    { name: "a cache class's read answered as a miss after a log line", code: cache("get", "null") },
    { name: "a first tick at start-up logged as the interval's ticks are", code: scheduler('runFetchCycle().catch((err) => console.error("Unhandled error:", err));') },
    { name: "an origin that does not parse handed on as invalid", code: cors("Invalid origin") },
    { name: "neighbour: a throw under a test of the response's status is the outage sent to the catch", code: confirm('const res = await fetch(url);\n    if (!res.ok) throw new Error("Stripe unreachable");', markPaid) },
    { name: "neighbour: a try that ends its function has nothing to go on to", code: confirm('if (session.payment_status !== "paid") throw new Error("Payment not completed");', "") },
    { name: "neighbour: an else with the success path's work", code: statusUpdate("\n    await notifyParties(envelopeId);\n  ") },
    { name: "neighbour: Express 4's listen callback gets no error", code: server, files: manifest("^4.19.2") },
    { name: "neighbour: the busy mark cleared before a rethrow", code: dispatch("busy.delete(userId);\n      throw e;") },
    { name: "neighbour: a try that only checks the token answers 401 rightly", code: me("res.json({ id: decoded.id });") },
  ],
  invalid: [
    { name: "neighbour: a miss answered silently", code: silent, findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 18, suggestions: [ignore(silent, "} catch (err) {", "      ")] }], output: null },
    { name: "neighbour: a cache read answered [] stays a default", code: emptyList, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: emptyList.replace('      return [];\n', "      throw error;\n") },
      ignore(emptyList, "} catch (error) {", "      "),
    ] }], output: null },
    { name: "neighbour: a first tick whose interval's ticks notify", code: notifies, findings: [{ case: "promiseCatchLogOnly", line: 7, column: 27, endColumn: 78, suggestions: [{ title: "Mark as intentionally ignored…", output: notifies.replace(".catch((err) => console.error(", ".catch((err) => /* Intentionally ignored: <reason> */ console.error(") }] }], output: null },
    { name: "neighbour: an origin error that does not say the input is invalid", code: failed, findings: [{ case: "rethrowWithoutCause", line: 8, column: 7, endColumn: 12, suggestions: [] }], output: failed.replace("} catch {", "} catch (err) {").replace('failed"));', 'failed", { cause: err }));') },
    { name: "the try's own check swallowed by a catch explained for an outage, the function going on (held round 35)", code: notPaid, findings: [{ case: "emptyCatch", line: 5, column: 11, endLine: 7, endColumn: 4, suggestions: [ignore(notPaid, "} catch {", "    ")] }], output: notPaid.replace("} catch {", "} catch (err) {").replace("local state\n", 'local state\n    console.error("stripe.checkout.sessions.retrieve failed in confirmPayment", err);\n') },
    { name: "a webhook's status update logged with an empty else (held round 35)", code: emptyElse, findings: [{ case: "resultErrorLogOnly", line: 2, column: 34, endLine: 3, endColumn: 19, suggestions: [{ title: "Throw the error after logging it", output: emptyElse.replace("statusError);\n  } else", "statusError);\n    throw statusError;\n  } else") }] }], output: null },
    { name: "Express 5's listen callback without its error (held round 26's rule)", code: server, files: manifest("^5.1.0"), findings: [{ case: "ignoredCallbackError", line: 3, column: 18, endColumn: 23, suggestions: [
      { title: "Log err with console", output: server.replace("() => {\n", '(err) => {\n  if (err) console.error("app.listen failed", err);\n') },
      { title: "Check err, log it with console and return", output: server.replace("() => {\n", '(err) => {\n  if (err) {\n    console.error("app.listen failed", err);\n    return;\n  }\n') },
    ] }], output: null },
    { name: "a failed placeholder reply whose catch only clears the busy mark (held round 35)", code: dropped, findings: [{ case: "emptyCatch", line: 5, column: 15, endLine: 8, endColumn: 4, suggestions: [
      { title: "Log with console and rethrow", output: dropped.replace("  } catch (e) {\n", '  } catch (e) {\n    console.error("dispatch failed", e);\n').replace("    return;\n  }", "    throw e;\n  }") },
      ignore(dropped, "} catch (e) {", "    "),
    ] }], output: dropped.replace("  } catch (e) {\n", '  } catch (e) {\n    console.error("dispatch failed", e);\n') },
    { name: "a token check and a lookup whose every failure answers 401 with no log (held round 29)", code: looksUp, findings: [{ case: "catchReturnsDefault", line: 6, column: 5, endColumn: 16, suggestions: [
      { title: "Log the error with console", output: looksUp.replace("} catch (err) {\n", '} catch (err) {\n    console.error("GET /me failed", err);\n') },
      ignore(looksUp, "} catch (err) {", "    "),
    ] }], output: null },
  ],
});
