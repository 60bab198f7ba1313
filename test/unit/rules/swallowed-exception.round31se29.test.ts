import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer se29 (the retired held round 31 and the tune part; hand-written
// analogues, no fetched code). This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "promiseCatchNoop", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A payment webhook's plan update whose error goes to the file's own helper `helper`, declared as `decl`.
const webhook = (decl: string, branch: string, rest = ""): string => `${decl}\n` + dedent`
  export async function onSubscription(supabase: SupabaseClient, userId: string, plan: string) {
    const { error: planError } = await supabase.from("users").update({ plan }).eq("clerk_user_id", userId);
    if (planError) {
      ${branch}
    }${rest}
  }
`;

const logStep = 'const logStep = (step: string, details?: any) => {\n  const detailsStr = details ? ` - ${JSON.stringify(details)}` : "";\n  console.log(`[STRIPE-WEBHOOK] ${step}${detailsStr}`);\n};';
const stepped = webhook(logStep, 'logStep("ERROR: Failed to update user plan", { error: planError.message });', ' else {\n    logStep("User plan updated", { userId, plan });\n  }');
const declared = webhook('function debugLog(message: string) {\n  if (DEBUG) console.error(message);\n}', 'debugLog("plan update failed");');

// An Express handler that answers a ZIP, then removes its temp folder in a timer, \`then\` after the removal.
const zipped = (then: string): string => dedent`
  export async function download(req: Request, res: Response) {
    try {
      const dir = await build(req.params.id);
      res.send(await zip(dir));
      setTimeout(async () => {
        try {
          await fs.rm(dir, { recursive: true });
          ${then}
        } catch (cleanupError) {
          console.error("cleanup failed:", cleanupError);
        }
      }, 5000);
    } catch (error) {
      res.status(500).json({ error: "build failed" });
    }
  }
`;

// A socket.io connection whose listener for \`event\` only logs its failure.
const room = (event: string): string => dedent`
  io.on("connection", (socket) => {
    socket.on("${event}", async () => {
      try {
        await rooms.leave(socket.roomId, socket.id);
        socket.to(socket.roomId).emit("user-left", { id: socket.id });
      } catch (error) {
        console.error("leave failed:", error);
      }
    });
  });
`;

// A Telegram send whose catch logs without the error, followed by \`comment\`.
const send = (comment: string): string => dedent`
  export async function sendTelegramMessage(chatId: number, text: string) {
    try {
      await firstValueFrom(http.post(url, { chat_id: chatId, text }));
    } catch (error) {
      console.log("Telegram send failed");
      ${comment}
    }
  }
`;

// GIF candidates checked with a HEAD request in turn; \`rejected\` after the answer of a good one.
const candidates = (rejected: string): string => dedent`
  export async function firstImage(results: Result[]): Promise<string | null> {
    for (const r of results) {
      const url = r.media?.gif?.url;
      if (!url) continue;
      try {
        const head = await fetch(url, { method: "HEAD" });
        if (head.ok) return url;
        ${rejected}
      } catch (err) {
        logger.error(\`HEAD check failed for \${url}\`, err);
      }
    }
    logger.warn("no GIF found");
    return null;
  }
`;

// A debounced save: a timer whose body is \`before\` and then the save's log-only \`.catch\`.
const debounced = (before: string): string => dedent`
  let saveTimer: NodeJS.Timeout | undefined;
  function scheduleSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      ${before}
      saveConversations(histories).catch((err) => logger.error("Failed to save conversations:", err));
    }, 5000);
  }
`;

// A registry whose clients are held in \`clients\`; disconnecting one ends its own failures.
const registry = (clients: string): string => dedent`
  export class Registry {
    private clients = ${clients};

    async disconnect(id: string): Promise<void> {
      const client = this.clients.get(id);
      if (!client) return;
      try {
        await client.close();
        this.clients.delete(id);
      } catch (error) {
        // Best effort: a client that fails to close is dropped anyway.
        logger.warn(\`disconnect of \${id} failed\`, { error });
      }
    }

    async disconnectAll(): Promise<void> {
      await Promise.all([...this.clients.keys()].map((id) => this.disconnect(id).catch((error) => logger.warn("disconnect failed", { error }))));
    }
  }
`;

// A cooldown notice \`sent\` and deleted a few seconds later, its deletion's failure dropped.
const notice = (sent: string): string => dedent`
  export async function onMessage(message: Message) {
    if (onCooldown(message.author.id)) {
      const warn = await ${sent};
      setTimeout(() => warn.delete().catch(() => {}), 5000);
      return;
    }
    await answer(message);
  }
`;

const queued = notice("queue.send({ kind: \"cooldown\" })");
const madeElsewhere = registry("createClients()");
const flushedFirst = debounced("flushPending();");
const marksBad = candidates("await markBad(url);");
const commentedOut = send("//   this.logger.error(\n      //     'Telegram send failed',\n      //     error.response?.data || error.message,\n      //   );");
const answeredLater = zipped("res.end();");
const leaves = room("leave");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a helper named for logging whose body also writes (an audit row): no log line", code: webhook('const logStep = async (step: string) => {\n  console.log(step);\n  await audit.insert({ step });\n};', 'logStep("ERROR: Failed to update user plan");'), filename: "supabase/functions/stripe-webhook/index.ts" },
    { name: "a helper that only prints, not named for logging", code: webhook("const step = (s: string) => console.log(s);", 'step("ERROR: Failed to update user plan");'), filename: "supabase/functions/stripe-webhook/index.ts" },
    { name: "a log helper's if/else outside a webhook (the else rule stands)", code: stepped, filename: "scripts/sync-plans.ts" },
    { name: "a temp folder removed in a timer after the handler answered, its failure logged", code: zipped("console.log(\"cleaned\");") },
    { name: "candidates tried in turn: a missing one skipped, a rejected one logged after the conditional answer", code: candidates("logger.warn(`invalid HEAD for ${url}: ${head.status}`);") },
    { name: "a timer whose whole work, after resetting its own handle, is a log-only .catch", code: debounced("saveTimer = undefined;") },
    { name: "a .catch on a method that looks its client up in the class's Map and ends its own failures", code: registry("new Map<string, Client>()") },
    { name: "the bot's own cooldown notice deleted later: tidying the chat", code: notice('message.reply("⏳ Cooldown")') },
    { name: "the same for a message sent to the channel", code: notice('message.channel.send("⏳ Cooldown")') },
    { name: "a catch explained over two comment lines", code: send("// Telegram rejects some Markdown (unclosed `*`);\n      // the user can ask again, so the send is best effort.") },
    { name: "a socket's disconnect listener whose failure is logged: the peer is gone", code: room("disconnect") },
  ],
  invalid: [
    { name: "neighbour: deleting a queued job, not a chat message", code: queued, findings: [{ case: "promiseCatchNoop", line: 4, column: 42, endColumn: 50, suggestions: [
      { title: "Rethrow in the handler after logging", output: queued.replace("catch(() => {})", 'catch((err) => {\n      console.error("warn.delete failed", err);\n      throw err;\n    })') },
      { title: "Mark as intentionally ignored…", output: queued.replace("catch(() => {})", "catch(() => {\n      // Intentionally ignored: <reason>\n    })") },
    ] }], output: queued.replace("catch(() => {})", 'catch((err) => {\n      console.error("warn.delete failed", err);\n    })') },
    { name: "neighbour: the clients are not a Map the class makes, so their get() may throw", code: madeElsewhere, findings: [{ case: "promiseCatchLogOnly", line: 17, column: 86, endColumn: 140, suggestions: [
      { title: "Mark as intentionally ignored…", output: madeElsewhere.replace("((error) => logger", "((error) => /* Intentionally ignored: <reason> */ logger") },
    ] }], output: null },
    { name: "neighbour: a timer that does other work before its log-only .catch", code: flushedFirst, findings: [{ case: "promiseCatchLogOnly", line: 6, column: 40, endColumn: 99, suggestions: [
      { title: "Mark as intentionally ignored…", output: flushedFirst.replace("(err) => logger", "(err) => /* Intentionally ignored: <reason> */ logger") },
    ] }], output: null },
    { name: "neighbour: a candidate's try that does more work after its conditional answer", code: marksBad, findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 18, suggestions: [
      { title: "Mark as intentionally ignored…", output: marksBad.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a log call commented out over several lines explains nothing", code: commentedOut, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: commentedOut.replace('"Telegram send failed");\n', '"Telegram send failed", error);\n    throw error;\n') },
      { title: "Mark as intentionally ignored…", output: commentedOut.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: commentedOut.replace('"Telegram send failed")', '"Telegram send failed", error)') },
    { name: "neighbour: a timer that still answers the response", code: answeredLater, findings: [{ case: "logAndContinue", line: 9, column: 9, endColumn: 29, suggestions: [
      { title: "Rethrow the error", output: answeredLater.replace('cleanupError);\n', "cleanupError);\n        throw cleanupError;\n") },
      { title: "Mark as intentionally ignored…", output: answeredLater.replace("} catch (cleanupError) {\n", "} catch (cleanupError) {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: a socket's message listener whose failure is only logged", code: leaves, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: leaves.replace('error);\n', "error);\n      throw error;\n") },
      { title: "Mark as intentionally ignored…", output: leaves.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a webhook's write error only passed to the file's log helper, with a success else", code: stepped, filename: "supabase/functions/stripe-webhook/index.ts", findings: [{ case: "resultErrorLogOnly", line: 6, column: 32, endLine: 7, endColumn: 17, suggestions: [
      { title: "Throw the error after logging it", output: stepped.replace("planError.message });\n", "planError.message });\n    throw planError;\n") },
    ] }], output: null },
    { name: "a function declaration that logs under an if is a log helper; no error added to its call", code: declared, findings: [{ case: "resultErrorLogOnly", line: 5, column: 32, endLine: 6, endColumn: 17, suggestions: [
      { title: "Throw the error after logging it", output: declared.replace('failed");\n', 'failed");\n    throw planError;\n') },
    ] }], output: null },
  ],
});
