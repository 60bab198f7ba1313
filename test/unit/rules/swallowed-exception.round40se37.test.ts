import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 37, developer se37: the retired held round 40's decided swallowed-exception errors, as classes.
// - A periodic tick reached through a wrapper or started once at start too: a tick declared in a
//   function (`const tick = async () => { … }`) run by `const run = () => { void tick(); }`, handed by
//   name to `setInterval(run, ms)` and called once (`run();`) in the same function (Bot-Elysia's
//   keepalive); a module's `watcherCycle` started by `watcherCycle().catch(…)` in the function that sets
//   `setInterval(() => { watcherCycle().catch(…); }, ms)` (webhook-receiver's stock watcher); and an item
//   loop of the tick whose try follows the item's own preamble (`const last = …; if (…) continue;`).
// - A fire-and-forget wrapper: `nowait(func)` returning `(...args) => { func(...args).catch(log); }`.
// - A success flag: `let configured = false; try { register(); configured = true; } catch (e) { warn(e); }`
//   with routes that read it.
// - A JSON.parse probe whose catch falls through like the try's own "not that shape" (an else-if chain
//   that returns or sets one local the next statement tests), log lines in the try allowed.
// - (new finding) A verifier's fallback: the catch sets the verified local from the unverified input.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// The same at the header's last occurrence.
const ignoreLast = (code: string, header: string, indent: string) => {
  const at = code.lastIndexOf(`${header}\n`) + header.length + 1;
  return { title: "Mark as intentionally ignored…", output: `${code.slice(0, at)}${indent}// Intentionally ignored: <reason>\n${code.slice(at)}` };
};
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// Bot-Elysia's keepalive (round 40, decided clean): a tick in a function, run by a wrapper handed to setInterval and run once at start.
const keepAlive = (start: string) => dedent`
  function scheduleKeepAlive() {
    const tick = async () => {
      try {
        const bots = await loadBots();
        const now = Date.now();
        for (const bot of bots) {
          const last = lastByBot.get(bot.slug) ?? 0;
          if (now - last <= KEEPALIVE_MS) {
            continue;
          }
          try {
            await telegram.call("getMe", bot.token);
          } catch (err) {
            logger.warn({ slug: bot.slug, err }, "[KEEPALIVE] ping error");
          }
        }
      } catch (err) {
        logger.error({ err }, "[KEEPALIVE] loop error");
      }
    };
    const run = () => {
      void tick();
    };
    ${start}
    setInterval(run, 5_000);
  }
  scheduleKeepAlive();
`;
const keepAliveAwaited = keepAlive("await tick();").replace("function scheduleKeepAlive", "async function scheduleKeepAlive");

// webhook-receiver's stock watcher (round 40, decided clean): started once and by the interval, in the same function.
const watcher = (first: string) => dedent`
  let isRunning = false;
  async function watcherCycle() {
    if (isRunning) return;
    isRunning = true;
    try {
      const { rows } = await pool.query("SELECT product_id FROM ml_publications WHERE stock_qty <= 0");
      for (const row of rows) {
        await triggerAutoPause(row.product_id);
      }
    } catch (err) {
      log.error({ err: err.message }, "ml_stock_watcher: cycle error");
    } finally {
      isRunning = false;
    }
  }
  function startWatcher() {
    ${first}
    setInterval(() => {
      watcherCycle().catch(() => {});
    }, 60_000);
  }
  module.exports = { startWatcher };
`;
// The same started from a route as well: a caller that is not the interval's.
const watcherFromRoute = watcher("watcherCycle().catch(() => {});") + '\napp.post("/sync", (req, res) => {\n  watcherCycle();\n  res.json({ ok: true });\n});\n';

// A TypeScript ESM module, hand-written: a sync job started once and every minute.
const syncJob = dedent`
  import { logger } from "./logger";
  async function syncOnce(): Promise<void> {
    try {
      const due = await db.feed.findMany({ where: { due: true } });
      await Promise.all(due.map((f) => refresh(f.id)));
    } catch (error) {
      logger.error({ error }, "feed sync failed");
    }
  }
  export function startFeedSync(): void {
    void syncOnce();
    setInterval(() => void syncOnce(), 60_000);
  }
`;

// Kamesuta's nowait (round 40, decided clean), and a TypeScript arrow form.
const nowait = dedent`
  export function nowait<T extends (...args: never[]) => Promise<unknown>>(func: T): (...args: Parameters<T>) => void {
    return (...args) => {
      func(...args).catch((error) => {
        logger.error(error);
      });
    };
  }
`;
const fireAndForget = dedent`
  const fireAndForget = (fn) => (...args) => {
    fn(...args).catch((e) => console.error("background task failed", e));
  };
  module.exports = { fireAndForget };
`;
// An Express wrapper that only logs: the request is left hanging.
const asyncRoute = dedent`
  const asyncRoute = (fn) => (req, res, next) => {
    fn(req, res, next).catch((e) => console.error("route failed", e));
  };
  module.exports = { asyncRoute };
`;

// Bot-Elysia's gateway registration at module load (round 40, decided clean), and the same with nothing reading the flag.
const registration = (route: string) => dedent`
  let pushinpayConfigured = false;
  try {
    registerPushinPayGatewayFromEnv();
    pushinpayConfigured = true;
    logger.info("[payments] PushinPay gateway registered");
  } catch (err) {
    logger.warn({ err }, "[payments] PushinPay gateway not configured");
  }
  ${route}
`;
const readsFlag = registration('router.post("/pix", (req, res) => {\n  if (!pushinpayConfigured) return res.status(503).json({ error: "not configured" });\n  return createPix(req, res);\n});');
const unread = registration('router.post("/pix", (req, res) => createPix(req, res));');
// A TypeScript ESM module, hand-written: a mailer set up at load, its flag read by the function that sends.
const mailerSetup = dedent`
  let mailerReady = false;
  try {
    registerSmtpTransport(loadSmtpConfig());
    mailerReady = true;
    logger.info("mailer ready");
  } catch (error) {
    logger.warn({ error }, "mailer setup failed");
  }
  export function sendDigest(to: string): Promise<void> | undefined {
    if (!mailerReady) return undefined;
    return mailer.send(to, digest());
  }
`;

// netlify-functions' status extraction (round 40, decided clean): a parse whose catch falls through to `return null`.
const extract = dedent`
  function extractStatusLabel(value) {
    if (typeof value === "object" && value.label) {
      return value.label;
    }
    if (typeof value === "string") {
      try {
        const parsed = JSON.parse(value);
        console.log("Parsed string value:", parsed);
        if (parsed.label && parsed.label.text) {
          console.log("Extracted from parsed.label.text:", parsed.label.text);
          return parsed.label.text;
        } else if (parsed.text) {
          return parsed.text;
        }
      } catch (e) {
        console.log("Value is not valid JSON string");
      }
    }
    console.log("Could not extract status label");
    return null;
  }
  module.exports = { extractStatusLabel };
`;
// The handler's inline form: the branches set the label, the next statement answers its absence.
const handlerParse = dedent`
  exports.handler = async (event) => {
    const payload = JSON.parse(event.body);
    const { value } = payload.event;
    let statusLabel = null;
    if (typeof value === "string") {
      try {
        const parsed = JSON.parse(value);
        if (parsed.label && parsed.label.text) {
          statusLabel = parsed.label.text;
          console.log("Extracted:", statusLabel);
        } else if (parsed.text) {
          statusLabel = parsed.text;
        }
      } catch (e) {
        console.log("Value is not valid JSON string");
      }
    }
    if (!statusLabel) {
      return { statusCode: 200, body: JSON.stringify({ message: "Could not extract status label" }) };
    }
    await updateStatus(statusLabel);
    return { statusCode: 200, body: "ok" };
  };
`;
// The same whose next statement does not test the label: the parse failure goes on unnoticed.
const handlerParseUntested = handlerParse.replace("if (!statusLabel) {", "if (payload.dryRun) {");

// jon-ooosh's Stripe webhook (round 40, decided finding: forged events processed), without its comment.
const stripeHook = dedent`
  exports.handler = async (event) => {
    let stripeEvent;
    const signature = event.headers["stripe-signature"];
    try {
      stripeEvent = stripe.webhooks.constructEvent(event.body, signature, process.env.STRIPE_WEBHOOK_SECRET);
      console.log("Webhook signature verified");
    } catch (err) {
      console.log("Signature verification failed, parsing without verification");
      console.log("Verification error:", err.message);
      stripeEvent = JSON.parse(event.body);
    }
    await handleEvent(stripeEvent);
    return { statusCode: 200, body: "ok" };
  };
`;
// A TypeScript token check, hand-written: the token decoded unverified when the check fails.
const tokenCheck = dedent`
  export function readUser(token: string): Claims {
    let claims: Claims;
    try {
      claims = jwt.verify(token, SECRET) as Claims;
    } catch (error) {
      logger.warn({ error }, "token verification failed, decoding anyway");
      claims = jwt.decode(token) as Claims;
    }
    return claims;
  }
`;
// Two token formats: the catch checks the second one, no fallback past the check.
const twoFormats = dedent`
  export function readUser(token: string): Claims {
    let claims: Claims;
    try {
      claims = verifyCompactToken(token);
    } catch (error) {
      logger.debug({ error }, "not a compact token, trying JWT");
      claims = jwt.verify(token, SECRET) as Claims;
    }
    return claims;
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a keepalive tick run by a wrapper handed to setInterval and run once at start (round 40)", code: keepAlive("run();"), filename: "src/server.ts" },
    { name: "a watcher cycle started once and by the interval in the same function (round 40)", code: watcher("watcherCycle().catch(() => {});"), filename: "src/workers/mlStockWatcher.js" },
    { name: "a TypeScript sync job started with void and every minute", code: syncJob, filename: "src/jobs/feed-sync.ts" },
    { name: "a nowait wrapper (round 40)", code: nowait, filename: "src/utils/utils.ts" },
    { name: "a curried fire-and-forget wrapper", code: fireAndForget, filename: "lib/background.js" },
    { name: "a module-load registration whose flag the routes read (round 40)", code: readsFlag, filename: "src/http/payments/pushinpay.ts" },
    { name: "a TypeScript mailer set up at load, its flag read where it sends", code: mailerSetup, filename: "src/mail/digest.ts" },
    { name: "a parse whose catch falls through to the function's null (round 40)", code: extract, filename: "functions/monday-webhook.js" },
    { name: "a parse whose branches set the label the next statement tests (round 40)", code: handlerParse, filename: "functions/hirehop-webhook.js" },
    { name: "a second token format checked in the catch", code: twoFormats, filename: "src/auth/read-user.ts" },
  ],
  invalid: [
    { name: "neighbour: the tick awaited at start", code: keepAliveAwaited, filename: "src/server.ts", findings: [{ case: "logAndContinue", line: 13, column: 11, endColumn: 22, suggestions: [ignore(keepAliveAwaited, "} catch (err) {", "          ")] }, { case: "logAndContinue", line: 17, column: 7, endColumn: 18, suggestions: [{ title: "Rethrow the error", output: keepAliveAwaited.replace('loop error");\n', 'loop error");\n      throw err;\n') }, ignoreLast(keepAliveAwaited, "} catch (err) {", "      ")] }], output: null },
    { name: "neighbour: the watcher cycle also started from a route", code: watcherFromRoute, filename: "src/workers/mlStockWatcher.js", findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: watcherFromRoute.replace('cycle error");\n', 'cycle error");\n    throw err;\n') }, ignore(watcherFromRoute, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: an Express wrapper that only logs", code: asyncRoute, filename: "src/middleware/async-route.js", findings: [{ case: "promiseCatchLogOnly", line: 2, column: 28, endColumn: 67, suggestions: [{ title: "Mark as intentionally ignored…", output: asyncRoute.replace(".catch((e) => ", ".catch((e) => /* Intentionally ignored: <reason> */ ") }] }], output: null },
    { name: "neighbour: a success flag nothing reads", code: unread, filename: "src/http/payments/pushinpay.ts", findings: [{ case: "logAndContinue", line: 6, column: 3, endColumn: 14, suggestions: [ignore(unread, "} catch (err) {", "  ")] }], output: null },
    { name: "neighbour: the parsed label not tested after the try", code: handlerParseUntested, filename: "functions/hirehop-webhook.js", findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 16, suggestions: [ignore(handlerParseUntested, "} catch (e) {", "      ")] }], output: handlerParseUntested.replace('JSON string");', 'JSON string", e);') },
    { name: "a Stripe event parsed unverified when its signature check fails (round 40)", code: stripeHook, filename: "functions/handle-stripe-webhook.js", findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [ignore(stripeHook, "} catch (err) {", "    ")] }], output: null },
    { name: "a TypeScript token decoded unverified when its check fails", code: tokenCheck, filename: "src/auth/read-user.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [ignore(tokenCheck, "} catch (error) {", "    ")] }], output: null },
  ],
});

// Held rounds 23 and 24's "helper catches that turn errors into `{ success: false }` their callers drop" (round 40's
// Stripe webhook `updateMondayPreAuthStatus`, decided finding): the only call drops the answer.
const preAuth = (call: string) => dedent`
  exports.handler = async (event) => {
    const intent = JSON.parse(event.body).data.object;
    ${call}
    return { statusCode: 200, body: "ok" };
  };
  async function updateMondayPreAuthStatus(jobId, intent) {
    try {
      const item = await findMondayItem(jobId);
      await updateMondayColumn(item.id, "preauth", intent.id);
      return { success: true };
    } catch (error) {
      console.error("Error updating Monday.com:", error);
      return { success: false, error: error.message };
    }
  }
`;
const preAuthDropped = preAuth("await updateMondayPreAuthStatus(intent.metadata.jobId, intent);");
const preAuthRead = preAuth('const result = await updateMondayPreAuthStatus(intent.metadata.jobId, intent);\n  if (!result.success) return { statusCode: 500, body: "Monday update failed" };');
// A TypeScript module, hand-written: a sync helper whose `{ ok: false }` the job drops.
const syncHelper = (call: string) => dedent`
  async function pushInvoice(id: string): Promise<{ ok: boolean; reason?: string }> {
    try {
      await xero.invoices.create(await buildInvoice(id));
      return { ok: true };
    } catch (err) {
      logger.error({ err, id }, "invoice push failed");
      return { ok: false, reason: String(err) };
    }
  }
  export async function closeOrder(id: string): Promise<void> {
    await orders.markClosed(id);
    ${call}
  }
`;

const dropsPush = syncHelper("await pushInvoice(id);");
const narrowedLog = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => id === "logAndContinue")) } as typeof swallowedException;

new RuleTester().run(narrowedLog, {
  valid: [
    { name: "the { success: false } read by its caller", code: preAuthRead, filename: "functions/handle-stripe-webhook.js" },
    { name: "a TypeScript { ok: false } read by its caller", code: syncHelper('const pushed = await pushInvoice(id);\n  if (!pushed.ok) await orders.flag(id, pushed.reason);'), filename: "src/jobs/close-order.ts" },
  ],
  invalid: [
    { name: "a { success: false } its only caller drops (round 40)", code: preAuthDropped, filename: "functions/handle-stripe-webhook.js", findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 18, suggestions: [{ title: "Rethrow the error", output: preAuthDropped.replace("return { success: false, error: error.message };", "throw error;") }, ignore(preAuthDropped, "} catch (error) {", "    ")] }], output: null },
    { name: "a TypeScript { ok: false } its only caller drops", code: dropsPush, filename: "src/jobs/close-order.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: dropsPush.replace("return { ok: false, reason: String(err) };", "throw err;") }, ignore(dropsPush, "} catch (err) {", "    ")] }], output: null },
  ],
});

// A "none" answered like the function's own failed-answer branch, whose callers test it (tune's twin of
// round 40's class, ai-1st's Telegram `getFileUrl`, decided clean): `!fileInfo.ok || !fileInfo.result`
// is the API saying it failed, not an absent value.
const fileUrl = (test: string) => dedent`
  async function getFileUrl(botToken, fileId) {
    try {
      const response = await fetch(\`https://api.telegram.org/bot\${botToken}/getFile?file_id=\${fileId}\`);
      const fileInfo = await response.json();
      if (${test}) {
        return null;
      }
      return \`https://api.telegram.org/file/bot\${botToken}/\${fileInfo.result.file_path}\`;
    } catch (error) {
      console.error(\`Error getting file URL: \${error}\`);
      return null;
    }
  }
  export async function handlePhoto(botToken, chatId, photo) {
    const url = await getFileUrl(botToken, photo.file_id);
    if (!url) {
      await sendMessage(botToken, chatId, "Sorry, I could not access the image.");
      return;
    }
    await analyse(url);
  }
`;
// A TypeScript Slack helper, hand-written: `{ ok: false }` or no channel answered null, which the caller tests.
const slackChannel = dedent`
  export class SlackNotifier {
    private async openChannel(userId: string): Promise<string | null> {
      try {
        const res = await fetch("https://slack.com/api/conversations.open", { method: "POST", body: JSON.stringify({ users: userId }) });
        const data = (await res.json()) as { ok: boolean; channel?: { id: string } };
        if (!data.ok || !data.channel) return null;
        return data.channel.id;
      } catch (err) {
        this.logger.error({ err }, "conversations.open failed");
        return null;
      }
    }
    async notify(userId: string, text: string): Promise<boolean> {
      const channel = await this.openChannel(userId);
      if (!channel) return false;
      await this.post(channel, text);
      return true;
    }
  }
`;
const fileUrlAbsent = fileUrl("!fileInfo.result");

new RuleTester().run(narrowedLog, {
  valid: [
    { name: "a Telegram getFile answer that failed answered null like the catch, the caller testing it", code: fileUrl("!fileInfo.ok || !fileInfo.result"), filename: "supabase/functions/generic-bot/reply.ts" },
    { name: "a TypeScript Slack answer that failed answered null like the catch, the caller testing it", code: slackChannel, filename: "src/notify/slack.ts" },
  ],
  invalid: [
    { name: "neighbour: a missing result alone is an absent value", code: fileUrlAbsent, filename: "supabase/functions/generic-bot/reply.ts", findings: [{ case: "logAndContinue", line: 9, column: 5, endColumn: 18, suggestions: [{ title: "Rethrow the error", output: fileUrlAbsent.replace("console.error(`Error getting file URL: ${error}`);\n    return null;", "console.error(`Error getting file URL: ${error}`);\n    throw error;") }, ignore(fileUrlAbsent, "} catch (error) {", "    ")] }], output: null },
  ],
});

// An optional database client's setup (the docs' client-setup reading; tune's Success-co `initDatabaseConnection`
// and clitchslash's `getDb`, decided clean): one build per way of configuring it, a database package's own
// factory (`postgres(…)`, `drizzle(…)`), the unconfigured path leaving it unset as the catch does.
const dbInit = (last: string) => dedent`
  let sql = null;
  function initDatabaseConnection() {
    if (sql) return sql;
    try {
      if (envConfig.DATABASE_URL) {
        sql = postgres(envConfig.DATABASE_URL, { max: 10 });
      } else if (envConfig.DB_HOST && envConfig.DB_USER) {
        sql = postgres({ host: envConfig.DB_HOST, username: envConfig.DB_USER, password: envConfig.DB_PASS });
      }${last}
      if (sql && isDevMode) {
        console.error("[DEBUG] Database connection initialized");
      }
    } catch (error) {
      console.error(\`[ERROR] Failed to initialize database: \${error.message}\`);
      sql = null;
    }
    return sql;
  }
  export function getDatabase() {
    if (!sql) initDatabaseConnection();
    return sql;
  }
`;
const dbInitDefault = dbInit(' else {\n      sql = postgres("postgres://localhost/app");\n    }');
const drizzleDb = dedent`
  import { drizzle } from "drizzle-orm/mysql2";
  let _db: ReturnType<typeof drizzle> | null = null;
  export async function getDb() {
    if (!_db && process.env.DATABASE_URL) {
      try {
        _db = drizzle(process.env.DATABASE_URL);
      } catch (error) {
        console.warn("[Database] Failed to connect:", error);
        _db = null;
      }
    }
    return _db;
  }
`;

new RuleTester().run(narrowedLog, {
  valid: [
    { name: "a postgres client built per setting, none built when unconfigured", code: dbInit(""), filename: "tools/core.js" },
    { name: "a TypeScript Drizzle client built behind its setting", code: drizzleDb, filename: "server/db.ts" },
  ],
  invalid: [
    { name: "neighbour: a final else builds a default client", code: dbInitDefault, filename: "tools/core.js", findings: [{ case: "logAndContinue", line: 15, column: 5, endColumn: 18, suggestions: [ignore(dbInitDefault, "} catch (error) {", "    ")] }], output: null },
  ],
});
