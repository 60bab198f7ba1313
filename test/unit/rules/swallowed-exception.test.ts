import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import { analyze } from "../../../src/engine/analyze";
import { applyFixes, fixAll } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";
import { typecheck } from "../../helpers/typecheck";

const ruleTester = new RuleTester();

ruleTester.run(swallowedException, {
  valid: [
    // issue 11, held round 17 (session 17, se18a): a malformed body parsed to what an absent one parses to.
    {
      name: "a loader that reads an optional .env file into a local object it returns, logging and answering no settings",
      filename: "server.cjs",
      code: dedent`
        function readEnv() {
          try {
            const text = fs.readFileSync(path.join(__dirname, ".env.local"), "utf8");
            const vars = {};
            text.split("\\n").forEach((line) => {
              const [key, value] = line.split("=");
              if (key && value) vars[key.trim()] = value.trim();
            });
            return vars;
          } catch (err) {
            console.error("no .env file:", err.message);
            return {};
          }
        }
      `,
    },
    { name: "a handler's malformed JSON body assigned the value of its absent-body default", code: dedent`
      export const handler = async (event: { body?: string }) => {
        let body;
        try { body = JSON.parse(event.body || "{}"); } catch { body = {}; }
        const name = String(body.name || "").trim();
        if (!name) return { statusCode: 400, body: "name is required" };
        return save(name);
      };
    ` },
    { name: "a list parsed with a ?? default of an empty array, the catch assigning the same empty array", code: dedent`
      function readTags(req: { query: { tags?: string } }) {
        let tags;
        try {
          tags = JSON.parse(req.query.tags ?? "[ ]");
        } catch {
          tags = [];
        }
        return tags.filter(Boolean);
      }
    ` },
    // resultErrorIgnored: supabase-js returns { data, error } and never throws.
    {
      name: "resultErrorLogOnly: the error is logged and the function exits",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { error } = await supabase.from("profiles").insert(row);
          if (error) {
            console.error("insert failed", error);
            return false;
          }
          return true;
        }
      `,
    },
    {
      name: "resultErrorLogOnly: the error is logged and shown to the user",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { error } = await supabase.from("profiles").insert(row);
          if (error) {
            console.error("insert failed", error);
            toast.error("Could not save");
          }
        }
      `,
    },
    {
      name: "resultErrorLogOnly: the error is logged, then returned to the caller",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { error } = await supabase.from("profiles").insert(row);
          if (error) console.error("insert failed", error);
          return { ok: !error };
        }
      `,
    },
    {
      name: "the error is checked",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { error } = await supabase.from("profiles").insert(row);
          if (error) throw error;
        }
      `,
    },
    {
      name: "the renamed error is returned to the caller",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { data, error: insertError } = await supabase.from("profiles").insert(row).select();
          return { data, insertError };
        }
      `,
    },
    {
      name: ".throwOnError() makes the call reject",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          await supabase.from("profiles").insert(row).throwOnError();
        }
      `,
    },
    {
      name: "the whole result is kept and returned",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const result = await supabase.from("profiles").upsert(row);
          return result;
        }
      `,
    },
    {
      name: "a read that leaves error out: data is null on failure and the null check is the failure path",
      code: dedent`
        export async function load(supabase: Client, id: string) {
          const { data } = await supabase.from("profiles").select("*").eq("id", id).single();
          if (!data) return null;
          return data;
        }
      `,
    },
    {
      name: "auth calls answer with a null user, which the caller checks",
      code: dedent`
        export async function me(supabase: Client) {
          const { data: { user } } = await supabase.auth.getUser();
          await supabase.auth.signOut();
          return user;
        }
      `,
    },
    {
      name: "a rest element takes the error along",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          const { data, ...rest } = await supabase.from("profiles").insert(row).select();
          return { data, rest };
        }
      `,
    },
    {
      name: "not a supabase client (no supabase name, no supabase import)",
      code: dedent`
        export async function save(db: Db, row: Row) {
          await db.from("profiles").insert(row);
        }
      `,
    },
    {
      name: "a failed response's body parsed with a fallback inside `if (!res.ok)`: the branch reports the status",
      code: dedent`
        export async function download(linkId: string) {
          const response = await fetch("/api/links/download", { method: "POST", body: linkId });
          if (!response.ok) {
            const errorData = await response.json().catch(() => ({}));
            logger.error("Download failed", { status: response.status, errorData });
            throw new Error(errorData.error || "Failed to download file");
          }
          const res = await fetch("/api/checkout");
          if (!res.ok) {
            const body = await res.json().catch(() => null);
            const message = body?.message || res.statusText;
            throw new Error(message);
          }
          return response.blob();
        }
      `,
    },
    {
      name: "a default assigned in the catch, then checked and turned into an explicit failure",
      code: dedent`
        export async function resetPassword(userId: string | undefined) {
          let user: User | null = null;
          if (userId !== undefined) {
            try {
              user = await users.findById(userId);
            } catch {
              user = null;
            }
          }
          if (!user) {
            throw new UnprocessableEntityException({ errors: { hash: "invalidHash" } });
          }
          return user;
        }
      `,
    },
    {
      name: "an optional dependency: the catch answers like the function's own not-configured branch",
      code: dedent`
        const REDIS_URL = Deno.env.get("REDIS_URL");
        let redisClient: Redis | null = null;
        async function getRedisClient() {
          if (!REDIS_URL) {
            return null;
          }
          if (!redisClient) {
            try {
              redisClient = await connect(REDIS_URL);
            } catch (error) {
              console.error("Redis connection failed:", error);
              return null;
            }
          }
          return redisClient;
        }
      `,
    },
    {
      name: "a check for one error whose others are logged with the error is not partialErrorCheck",
      code: dedent`
        export async function subscriptionDeleted(stripeId: string, res: Res) {
          try {
            await teams.cancel(stripeId);
          } catch (error) {
            if (error instanceof NotFoundError) {
              return res.status(200).send("Team not found");
            }
            await log({ message: \`Error updating team \${stripeId}: \${error}\`, type: "error" });
            return res.status(200).send("Error processing the webhook.");
          }
        }
      `,
    },
    {
      name: "a decodeURIComponent probe whose catch takes the try's own exit",
      code: dedent`
        export function normalize(next: string) {
          let normalized = next;
          for (let i = 0; i < 3; i += 1) {
            try {
              const decoded = decodeURIComponent(normalized);
              if (decoded === normalized) {
                break;
              }
              normalized = decoded;
            } catch {
              break;
            }
          }
          return normalized;
        }
      `,
    },
    { name: "rethrow", code: "try { f(); } catch (e) { throw e; }" },
    { name: "wrapped with cause", code: "try { f(); } catch (e) { throw new Error(\"failed\", { cause: e }); }" },
    { name: "message built from err.message", code: "try { f(); } catch (e) { throw new Error(`failed: ${(e as Error).message}`); }" },
    { name: "error passed as an argument", code: "try { f(); } catch (e) { throw new WrappedError(\"failed\", e); }" },
    { name: "log then rethrow", code: "try { f(); } catch (e) { logger.error({ err: e }, \"f failed\"); throw e; }" },
    { name: "next(err)", code: "app.get(\"/\", async (req, res, next) => { try { res.json(await f()); } catch (err) { next(err); } });" },
    { name: ".catch(next)", code: "router.get(\"/\", (req, res, next) => { load().then((x) => res.json(x)).catch(next); });" },
    { name: "reject(err)", code: "new Promise((resolve, reject) => { try { resolve(f()); } catch (e) { reject(e); } });" },
    { name: "cb(err)", filename: "src/file.js", code: "function g(cb) { try { cb(null, f()); } catch (e) { cb(e); } }" },
    { name: "done(err)", filename: "src/file.js", code: "worker.process((job, done) => { try { run(job); done(); } catch (e) { done(e); } });" },
    { name: "emit('error', err)", code: "class S extends Emitter { tick() { try { this.step(); } catch (err) { this.emit(\"error\", err); } } }" },
    { name: "returned as data", code: "async function safeRun() { try { return { ok: true, value: await f() }; } catch (error) { return { ok: false, error }; } }" },
    { name: "tuple [err, null]", code: "async function to(p: Promise<unknown>) { try { return [null, await p]; } catch (err) { return [err, null]; } }" },
    { name: "HTTP 500 without logging", code: "app.get(\"/\", async (req, res) => { try { res.json(await f()); } catch { res.status(500).json({ message: \"Internal error\" }); } });" },
    { name: "parse-only try answering 400", code: "app.post(\"/\", (req, res) => { let body; try { body = JSON.parse(req.body); } catch { return res.status(400).send(\"Invalid JSON\"); } res.json(body); });" },
    { name: "client error thrown", code: "function parse(input: unknown) { try { return schema.parse(input); } catch { throw new BadRequestException(\"Invalid payload\"); } }" },
    { name: "HttpException with a 4xx status", code: "function parse(input: unknown) { try { return schema.parse(input); } catch { throw new HttpException(\"Invalid payload\", HttpStatus.BAD_REQUEST); } }" },
    { name: "non-zero process.exit", code: "try { main(); } catch (e) { console.error(e); process.exit(1); }" },
    { name: "process.exitCode", code: "try { main(); } catch { console.error(\"failed\"); process.exitCode = 2; }" },
    { name: "UI error state", code: "async function load() { try { setData(await fetchData()); } catch { setError(\"Could not load\"); } }" },
    { name: "error toast", code: "async function save() { try { await api.save(); } catch { toast.error(\"Save failed\"); } }" },
    { name: "batch-failure list", code: "async function sendAll(items: Item[]) { const failed = []; for (const item of items) { try { await send(item); } catch (e) { failed.push({ id: item.id, error: String(e) }); } } return failed; }" },
    { name: "deny result", code: "function authorize(token: string) { try { return verify(token); } catch { return { allowed: false }; } }" },
    { name: "boolean predicate", code: "function isJson(s: string) { try { JSON.parse(s); return true; } catch { return false; } }" },
    { name: "parse failure answered with an error message", code: "function parseBody(s: string) { try { return { value: JSON.parse(s) }; } catch { return { error: \"Invalid JSON\" }; } }" },
    { name: "ENOENT expected, the rest rethrown", code: "async function read(p: string) { try { return await readFile(p); } catch (e) { if (e.code === \"ENOENT\") return null; throw e; } }" },
    { name: "AbortError expected, the rest rethrown", code: "async function get() { try { await fetch(url); } catch (e) { if (e.name !== \"AbortError\") throw e; } }" },
    { name: "retry loop keeps the last error", code: "async function retry() { let lastError; for (let i = 0; i < 3; i++) { try { return await f(); } catch (e) { lastError = e; await sleep(100); } } throw lastError; }" },
    { name: "retry loop throws an AggregateError", code: "async function retry() { const errors = []; for (let i = 0; i < 3; i++) { try { return await f(); } catch (e) { errors.push(e); } } throw new AggregateError(errors, \"all attempts failed\"); }" },
    { name: "explaining block comment", code: "try { cache.set(k, v); } catch { /* ignore: optional cache */ }" },
    { name: "explaining line comment", code: dedent`
        try {
          cache.set(k, v);
        } catch (e) {
          // best effort: the cache is optional
        }
      ` },
    { name: "error listener logging the error object", code: "stream.on(\"error\", (err) => logger.error({ err }, \"stream failed\"));" },
    { name: "error listener passing on", code: "stream.on(\"error\", reject);" },
    { name: "try/finally", code: "try { f(); } finally { g(); }" },
    { name: "void promise", code: "void sendMetrics();" },
    { name: "test asserting on the error", filename: "test/parse.test.ts", code: "it(\"throws\", () => { try { parse(\"x\"); assert.fail(\"should throw\"); } catch (e) { assert.match((e as Error).message, /bad/); } });" },
    { name: ".catch(() => {}) on a promise awaited later", code: "async function run() { const p = load(); p.catch(() => {}); await other(); return await p; }" },
    { name: ".then(ok, err => next(err))", code: "load().then((x) => use(x), (err) => next(err));" },
    { name: ".then(() => true, () => false) probe", code: "const exists = await access(p).then(() => true, () => false);" },
    { name: "callback that passes err on", code: "fs.readFile(p, (err, data) => { if (err) return cb(err); cb(null, data); });" },
    { name: "callback that logs err and returns", code: "fs.readFile(p, (err, data) => { if (err) { logger.error({ err }, \"read failed\"); return; } use(data); });" },
    { name: "callback with an underscore error", code: "fs.unlink(p, (_err) => {});" },
    { name: "array of errors mapped", code: "errors.forEach((error) => console.log(error.message));" },
    { name: "uncaughtException that logs and exits", code: "process.on(\"uncaughtException\", (err) => { logger.fatal({ err }, \"crash\"); process.exit(1); });" },
    { name: "allSettled results inspected", code: "async function run(ps: Promise<void>[]) { const results = await Promise.allSettled(ps); for (const r of results) if (r.status === \"rejected\") logger.error(r.reason); }" },
    { name: "allSettled returned", code: "async function run(ps: Promise<void>[]) { return await Promise.allSettled(ps); }" },
    { name: "Next.js route handler answering 500", code: "export async function GET() { try { return Response.json(await f()); } catch { return Response.json({ error: \"Failed\" }, { status: 500 }); } }" },
    { name: "Koa ctx.status = 500", code: "app.use(async (ctx) => { try { ctx.body = await f(); } catch (err) { ctx.status = 500; ctx.body = { message: \"failed\" }; } });" },
    { name: "Lambda statusCode 502", code: "export const handler = async () => { try { return { statusCode: 200, body: await f() }; } catch { return { statusCode: 502, body: \"Bad gateway\" }; } };" },
    { name: "reported to Sentry and rethrown", code: "try { f(); } catch (e) { Sentry.captureException(e); throw e; }" },
    { name: "tryParse is a fallback by contract", code: "function tryParse(s: string) { try { return JSON.parse(s); } catch { return undefined; } }" },
    { name: "a *Safe suffix is a fallback by contract like a safe* prefix", code: "function parseJsonSafe(value: string, fallback: unknown) { try { return value ? JSON.parse(value) : fallback; } catch { return fallback; } }" },
    { name: "a catch that does other work we cannot judge", code: "try { f(); } catch (e) { metrics.increment(\"f.errors\"); cleanup(); }" },
    { name: "fs callback that is not a no-op", code: "fs.unlink(tmp, (err) => { if (err) logger.warn({ err }, \"cleanup failed\"); });" },
    { name: "fs promises are not callback APIs", code: "fs.unlinkSync(tmp); void fs.promises.rm(tmp);" },
    { name: "onerror that logs the event", code: "ws.onerror = (event) => console.error(\"socket error\", event);" },
    { name: "a log line that states the fallback", code: "async function plan(id: string) { try { return await cache.get(id); } catch (err) { logger.warn({ err }, \"cache read failed, falling back to the database\"); return null; } }" },
    { name: "a log-only .catch that is the whole body of a timer callback", code: "setInterval(() => { poll().catch((err) => logger.error({ err }, \"poll failed\")); }, 1000);" },
    { name: "a check that lets the other errors out", code: "async function ensureDir(dir: string) { try { await mkdir(dir); } catch (e) { if (e.code !== \"EEXIST\") throw e; } }" },
    { name: "an error listener resolving false keeps a boolean contract", code: "function copy(s: Stream) { return new Promise((resolve) => { s.on(\"error\", () => resolve(false)); s.on(\"finish\", () => resolve(true)); }); }" },
    { name: "a health ping answering down", code: "function ping() { return redis.ping().then(() => \"up\").catch(() => \"down\"); }" },
    { name: "a condition that hands the error to a handler", code: "function watch(p: string) { try { return fs.watch(p); } catch (e) { if (handleError(e)) return; } }" },
    { name: "a comment above a fire-and-forget call", code: "function track(id: string) {\n  // best effort: the audit trail is rebuilt nightly\n  audit.record(id).catch((err) => logger.warn({ err }, \"audit failed\"));\n}\n" },
    { name: "a lint directive with a reason", code: "try { cleanup(); } catch { /* eslint-disable-line no-empty -- the temp dir may be gone already */ }" },
    // issue 11: comments, locals, probes and queue tails that are not swallows.
    { name: "an `// ignore` comment says the catch is deliberate", code: "try {\n  cache.set(k, v);\n} catch {\n  // ignore\n}\n" },
    { name: "a `/* noop */` handler comment", code: "prefetch(url).catch(() => { /* noop */ });" },
    { name: "error text kept through a local", code: "function load() { try { return f(); } catch (e) { const msg = describe(e); throw new Error(msg); } }" },
    { name: "a URL probe whose catch takes the try's own invalid exit", code: "function httpsUrl(s: string) { try { const u = new URL(s); if (u.protocol !== \"https:\") return null; return u; } catch { return null; } }" },
    { name: "a queue tail when the queued promise is returned", code: "class Queue { tail = Promise.resolve(); push(task: () => Promise<void>) { const p = this.tail.then(task); this.tail = p.then(noop, noop); return p; } }" },
    { name: "a log and a fallback on the same resource", code: "async function stop() { try { await redis.quit(); } catch (err) { logger.warn({ err }, \"quit failed\"); redis.disconnect(); } }" },
    { name: "a log and a new error handed to next with a 5xx status", code: "app.post(\"/ship\", async (req, res, next) => { try { await ship(); } catch (err) { logger.error({ err }, \"ship failed\"); next(createError(502, \"provider down\")); } });" },
    { name: "a log and a failure list", code: "async function refundAll(ids: string[]) { const failed: string[] = []; for (const id of ids) { try { await refund(id); } catch (err) { logger.warn({ err }, \"refund failed\"); failed.push(id); } } return failed; }" },
    // issue 11, real code: classes that real-code triage found reported but clean by the conventions.
    { name: "a comment after a log call whose message is a template literal", code: "async function register(id: string) {\n  try {\n    await db.conversations.insert(id);\n  } catch (regError) {\n    console.error(`auto-registration failed for ${id}:`, regError);\n    // Continue despite error - don't block the response\n  }\n  return { id };\n}\n" },
    { name: "a log-only try/catch that is the whole body of an event listener", code: "client.on(\"guildMemberAdd\", async (member) => { try { await welcome(member); } catch (error) { console.error(\"welcome failed\", error); } });" },
    { name: "a log-only try/catch that ends a cron callback", code: "const job = new Cron(\"* * * * *\", async () => { if (stopped) return; try { await run(); } catch (error) { console.error(\"cron job failed\", error); } });" },
    { name: "a log-only .catch that is the whole body of a bot command module", filename: "commands/hello.js", code: "exports.run = (client, message, args) => {\n  message.channel.send(\"Hello!\").catch(console.error);\n};\n" },
    { name: "a log-only .catch that is the whole body of a Telegraf command", code: "bot.command(\"start\", (ctx) => ctx.reply(\"Welcome\").catch(console.error));" },
    { name: "a catch that tells the chat user it failed (Telegram)", code: "async function handlePhoto(ctx: Context) { try { await convert(ctx.message); } catch (e) { console.error(e); await ctx.reply(\"Error: the conversion failed\"); } }" },
    { name: "a catch that tells the chat user it failed (Discord)", code: "async function runCommand(interaction: Interaction) { try { await command.execute(interaction); } catch (e) { console.error(e); await interaction.reply({ content: \"There was an error while executing this command\", ephemeral: true }); } }" },
    { name: "a cache read whose log line names the cache, in a function whose job is not the cache", code: "async function getSettings(id: string) { try { const hit = await redis.get(id); if (hit) return JSON.parse(hit); } catch (cacheError) { console.error(\"Cache retrieval error:\", cacheError); } return db.settings.find(id); }" },
    { name: "an analytics ping whose log line says so", code: "function Form({ id }: { id: string }) { useEffect(() => { trackEvent({ id, type: \"view\" }).catch((err) => console.error(\"Analytics track failed:\", err)); }, [id]); return null; }" },
    { name: "a log line that says it proceeds without the failed part", code: "async function context(req: Request) { let user = null; try { user = await resolveSession(req); } catch (err) { console.warn(\"session resolution failed; proceeding without session\", err); } return { user }; }" },
    { name: "a throw inside a nested catch is judged by that catch, not the outer one", code: "async function answer() { try { return await claude(); } catch (first) { console.error(first); try { return await openai(); } catch (second) { throw new Error(`fallback failed: ${second.message}`); } } }" },
    { name: "a second failure in an outer catch's handling, logged with its error while the outer catch handles its own", code: dedent`
      async function generate(ctx: Context, id: string) {
        try {
          await build(id);
        } catch (error) {
          try {
            await markFailed(id);
          } catch (statusError) {
            logger.error("could not mark the generation failed", statusError);
          }
          logger.error("generation failed", error);
          await ctx.reply(t("generation_error"));
        }
      }
    ` },
    { name: "candidates tried in turn: each failure logged with its error, none answered when all fail", code: dedent`
      async function firstImage(urls: string[]) {
        for (const url of urls) {
          try {
            return await fetchImage(url);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            logger.warn(\`image \${url} failed: \${message}\`);
          }
        }
        return undefined;
      }
    ` },
    { name: "a URL parse whose catch throws a validation error about the input: Invalid URL is all the cause would say", code: dedent`
      function normalizeUrl(value: string, fieldName: string) {
        let u;
        try {
          u = new URL(value);
        } catch {
          throw new Error(\`\${fieldName} must be a valid URL\`);
        }
        return u.toString();
      }
    ` },
    { name: "a cleanup failure in a finally block, logged with its error: the outcome is already decided", code: dedent`
      async function render(jobs: Job[]) {
        const dirs: string[] = [];
        try {
          for (const job of jobs) dirs.push(await renderJob(job));
        } finally {
          for (const dir of dirs) {
            try {
              await rm(dir, { recursive: true });
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              console.error(\`cleanup failed (\${dir}): \${message}\`);
            }
          }
        }
      }
    ` },
    { name: "a send function whose catch logs and returns false: a boolean answer its caller checks", code: dedent`
      async function sendCode(phone: string): Promise<boolean> {
        try {
          return await sms.send(phone, generateCode());
        } catch (error) {
          console.error("send failed", error);
          return false;
        }
      }
    ` },
    { name: "a nested catch that logs its error and throws one built from the outer error", code: "async function reply(to: string) { try { await sendText(to); } catch (textError) { try { await sendTemplate(to); } catch (templateError) { console.error(templateError); throw new Error(`reply failed: ${textError.message}`); } } }" },
    { name: "a fallback body text used in the error thrown next", code: "async function check(res: Response) { if (!res.ok) { const text = await res.text().catch(() => \"\"); throw new Error(`HTTP ${res.status}: ${text}`); } }" },
    { name: "a .catch(() => null) lookup turned into a 404 next", code: "app.get(\"/u/:id\", async (req, res) => { const user = await findUser(req.params.id).catch(() => null); if (!user) return res.status(404).json({ error: \"not found\" }); res.json(user); });" },
    { name: "a .catch(() => null) lookup turned into notFound() next", code: "export default async function Page({ params }: Props) { const post = await getPost(params.slug).catch(() => null); if (!post) notFound(); return render(post); }" },
    { name: "a token verifier whose catch returns null as the deny result", code: "export function verifyFormToken(token: string): { formId: string } | null { try { return decodeToken(token); } catch { return null; } }" },
    { name: "a verify call whose catch denies like the try's own invalid branch", code: "export const check = (token: string) => { try { const p = jwt.verify(token, key) as Payload; if (p.exp < now()) return null; return p; } catch { return null; } };" },
    { name: "the error message kept through a local in a later argument", code: "function run() { try { f(); } catch (e) { const message = (e as Error).message; throw new ServiceError(\"F_FAILED\", message); } }" },
    { name: "one error code mapped to a project client error, the rest rethrown", code: "async function create(data: Data) { try { return await db.insert(data); } catch (err) { if (err.code === \"P2002\") throw new AppError(AppErrorCode.ALREADY_EXISTS, \"exists\"); throw err; } }" },
    { name: "a Parse.Error with a client code, the rest rethrown", code: "async function load(cls: string) { try { return await schema.get(cls); } catch (error) { if (error === undefined) throw new Parse.Error(Parse.Error.INVALID_CLASS_NAME, \"Invalid class name\"); throw error; } }" },
    { name: "Zod's schema .catch(fallback) is not a promise handler", code: "const Query = z.object({ role: z.string().catch(() => \"user\"), page: z.coerce.number().optional().catch(() => 1) });" },
    { name: "a test expecting a rejection with .then(done.fail, …)", filename: "spec/load.spec.js", code: "it(\"rejects\", (done) => { load().then(done.fail, () => done()); });" },
    { name: "a test expecting a rejection with .then(done.fail).catch(…)", filename: "spec/load.spec.js", code: "it(\"rejects\", (done) => { load().then(done.fail).catch(() => done()); });" },
    { name: "a test expecting a rejection with .then(fail, …)", filename: "spec/load.spec.js", code: "it(\"rejects\", async () => { await load().then(fail, () => {}); });" },
    { name: "a test that swallows and then asserts on a spy", filename: "test/run.test.ts", code: "it(\"logs the failure\", async () => { try { await run(); } catch {} expect(logSpy).toHaveBeenCalled(); });" },
    { name: "failures kept in a returned not-done list", code: "async function sendAll(ids: string[]) { const notSent: string[] = []; for (const id of ids) { try { await send(id); } catch (err) { console.error(err); notSent.push(id); } } return notSent; }" },
    { name: "a doc comment on the helper says what it does with failures", code: "/** Reads the config; returns null when the file is missing or unreadable. */\nexport function readConfig(p: string) {\n  try {\n    return JSON.parse(fs.readFileSync(p, \"utf8\"));\n  } catch {\n    return null;\n  }\n}\n" },
    { name: "a comment between the chain's links explains the .catch", code: "async function find(id: string) {\n  return db.rows.find(id)\n    // a missing row is the same answer as none\n    .catch(() => null);\n}\n" },
    { name: "a comment after the .catch on the same line", code: "function warm(id: string) {\n  cache.prime(id).catch(() => {}); // best effort: primed again on read\n}\n" },
    { name: "a check whose other errors are logged with the false result that is the contract", code: "async function exists(p: string): Promise<boolean> { try { await stat(p); return true; } catch (err) { if (err.code === \"ENOENT\") return false; console.error(\"stat failed\", err); return false; } }" },
    // issue 11, new small apps (eval/real/dev-repos.txt): bot replies, degraded modes, chat acknowledgements, timer jobs.
    { name: "a bot command's catch that answers the user with a failure-marked reply in another language", code: "export async function listRacesCommand(input: CommandInput): Promise<CommandOutput> {\n  try {\n    const races = await raceService.getAvailableRaces();\n    return { text: formatRaces(races), format: \"HTML\" };\n  } catch (error) {\n    logger.error(\"Failed to fetch races\", { module: \"RaceCommands\", error: String(error) });\n    return { text: \"❌ Erro ao buscar corridas. Tente novamente mais tarde.\", format: \"HTML\" };\n  }\n}\n" },
    { name: "a log line that says the service runs without the failed part", code: "export async function attachRedis(io: Server, redisUrl: string) {\n  try {\n    io.adapter(createAdapter(await connect(redisUrl)));\n  } catch (error) {\n    logger.error(\"Failed to initialize Redis adapter\", { error, redisUrl });\n    logger.warn(\"Socket.IO running without Redis adapter - broadcasts limited to this instance\");\n  }\n}\n" },
    { name: "a dropped rejection of a chat acknowledgement (the button spinner answer)", filename: "src/bot.js", code: "bot.on(\"callback_query\", async (query) => {\n  await bot.answerCallbackQuery(query.id).catch(() => {});\n  await showPanel(query.message.chat.id);\n});\n" },
    { name: "log-only sections of a function handed by name to setInterval", filename: "src/crons.js", code: "function startCrons(bot, User) {\n  async function runHourlyCrons() {\n    const hour = new Date().getUTCHours();\n    try {\n      await expireVips(User);\n    } catch (err) { console.error(\"[CRON] VIP expiry error:\", err.message); }\n    if (hour === 20) {\n      try {\n        await sendLikesTeaser(bot, User);\n      } catch (err) { console.error(\"[RETENTION] Likes teaser error:\", err.message); }\n    }\n  }\n  setInterval(runHourlyCrons, 60 * 60 * 1000);\n}\n" },
    // issue 11, production re-sample (documenso, seed 20261203): Hono statuses, UI error states, a timeout picked through a local.
    { name: "a lookup's fallback checked next and answered with Hono's c.text(…, 404)", code: "app.post(\"/jobs/:id\", async (c) => {\n  const job = await prisma.job.update({ where: { id: c.req.param(\"id\") }, data: { status: \"RUNNING\" } }).catch(() => null);\n  if (!job) {\n    return c.text(\"Job not found\", 404);\n  }\n  return c.json(job);\n});\n" },
    { name: "a catch that logs and sets a UI state to 'error'", filename: "src/viewer.tsx", code: "export function usePage(render: () => Promise<string>) {\n  const [state, setLoadingState] = useState(\"idle\");\n  const load = async () => {\n    try {\n      setUrl(await render());\n    } catch (err) {\n      console.error(err);\n      setLoadingState(\"error\");\n    }\n  };\n  return { state, load };\n}\n" },
    { name: "the helper's own timeout picked out through a local, every other error rethrown with its message", code: "export async function convert(url: string, ms: number) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), ms);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } catch (err) {\n    const isAbortError = err instanceof Error && err.name === \"AbortError\";\n    if (isAbortError) {\n      throw new AppError(\"SERVICE_UNAVAILABLE\", { message: \"Conversion service timed out\" });\n    }\n    const errMessage = err instanceof Error ? err.message : String(err);\n    throw new AppError(\"SERVICE_UNAVAILABLE\", { message: `Conversion failed: ${errMessage}` });\n  } finally {\n    clearTimeout(timer);\n  }\n}\n" },
    { name: "a comment above the `if` holding `await Promise.allSettled(…)` says why the results are not read", filename: "src/editor.tsx", code: "export function useFlush(pending: Set<Promise<unknown>>) {\n  return async () => {\n    // Await the in-flight mutations; each one reports its own failure.\n    // allSettled so that one failed mutation does not stop us awaiting the rest.\n    if (pending.size > 0) {\n      await Promise.allSettled(Array.from(pending));\n    }\n    return getState();\n  };\n}\n" },
    { name: "a doc comment that says the helper silently skips what it cannot read", code: "/**\n * Loads the cached profile; silently skips an unreadable entry.\n */\nexport function readProfile(raw: string) {\n  try {\n    return JSON.parse(raw);\n  } catch {\n    return {};\n  }\n}\n" },
    // issue 11, production triage (eval/production): classes the samples found reported but clean by the conventions.
    { name: "a lookup's fallback in a `Promise.all` element, checked next and turned into a 404", code: "export async function loader({ params }: Args) {\n  const [doc, recipient] = await Promise.all([\n    findDocumentByToken(params.token).catch(() => null),\n    findRecipientByToken(params.token).catch(() => null),\n  ]);\n  if (!doc || !recipient) {\n    throw new Response(\"Not Found\", { status: 404 });\n  }\n  return { doc, recipient };\n}\n" },
    { name: "a fallback assigned from a chain, checked next and turned into an error toast", code: "async function onSubmit(values: Values) {\n  let token: string | undefined;\n  if (captchaKey) {\n    token = await captcha.current?.getResponse(3000).catch(() => undefined);\n    if (!token) {\n      toast({ title: \"Human verification required\", variant: \"destructive\" });\n      return;\n    }\n  }\n  await signUp({ ...values, token });\n}\n" },
    { name: "a handler that logs and returns null, checked next and turned into a 404", code: "app.get(\"/logo/:id\", async (c) => {\n  const file = await loadFile(c.req.param(\"id\")).catch((err) => {\n    console.error(err);\n    return null;\n  });\n  if (!file) return c.json({ error: \"Not found\" }, 404);\n  return c.body(file);\n});\n" },
    { name: "a verifier's rejection turned into its deny answer", code: "export async function loader(token: string) {\n  const claims = await verifyPresignToken({ token }).catch(() => null);\n  return { token, hasValidToken: !!claims };\n}\n" },
    { name: "a test whose success handler fails the test expects the rejection", filename: "spec/schema.spec.js", code: "it(\"rejects a bad schema\", (done) => {\n  schema.validate({ bad: 1 }).then(\n    () => {\n      fail(\"expected invalidity\");\n      done();\n    },\n    () => done()\n  );\n});\n" },
    { name: "a test that lets a request fail and asserts on the logs in the next link", filename: "spec/logs.spec.js", code: "it(\"logs the failed login\", (done) => {\n  login(\"test\", \"wrong\")\n    .catch(() => {})\n    .then(() => {\n      expect(logs.last().message).toContain(\"login failed\");\n      done();\n    });\n});\n" },
    { name: "a token parser whose null is the deny answer", code: "export function parseSessionToken(token: string, secret: string) {\n  try {\n    return jwt.verify(token, secret);\n  } catch {\n    return null;\n  }\n}\nexport function parseShareToken(request: Request) {\n  try {\n    return parseSessionToken(request.headers.get(\"x-share-token\") ?? \"\", secret());\n  } catch (e) {\n    log(e);\n    return null;\n  }\n}\n" },
    { name: "a catch that answers with the input the try parses", code: "const parseBody = (text: string) => {\n  try {\n    return JSON.parse(text);\n  } catch {\n    return text;\n  }\n};\n" },
    { name: "a catch that answers with the same value as the try path", code: "function resolveIp(ip: string) {\n  const stripped = stripPort(ip);\n  try {\n    ipaddr.parse(stripped);\n    return stripped;\n  } catch {\n    return stripped;\n  }\n}\n" },
    { name: "a catch that renders the same value another way", filename: "src/print.js", code: "function printOptions(options) {\n  for (const key in options) {\n    let value = options[key];\n    try {\n      value = JSON.stringify(value);\n    } catch (e) {\n      value = value.constructor.name;\n    }\n    console.log(`${key}: ${value}`);\n  }\n}\n" },
    { name: "a URL probe whose catch answers like the function's own guard for a missing input", code: "export const normalizeReturnTo = (returnTo?: string) => {\n  if (!returnTo) {\n    return undefined;\n  }\n  try {\n    const url = new URL(decodeURIComponent(returnTo), BASE_URL);\n    return `${url.pathname}${url.search}`;\n  } catch {\n    return undefined;\n  }\n};\n" },
    { name: "a negated check whose branch answers a failure for every other error", code: "export async function readState(file: string) {\n  try {\n    return { ok: true, state: await fs.promises.readFile(file, \"utf8\") };\n  } catch (err) {\n    if (err.code !== \"ENOENT\") return { ok: false };\n  }\n}\n" },
    { name: "a negated check whose branch logs every other error, in a timer with no caller", code: "export function renewLater(token: string) {\n  setTimeout(async () => {\n    try {\n      await renew(token);\n    } catch (e) {\n      if (e?.code !== Errors.OBJECT_NOT_FOUND) {\n        logger.error(\"Could not renew the session: \", e);\n      }\n    }\n  }, 500);\n}\n" },
    // issue 11, held round 17 retired to tune (se18b): picks made through consts that read the error; a URL check kept nowhere.
    { name: "statuses picked out through consts that read the error, mapped to clearer errors, every other error keeps its message", code: "export async function getTranscript(id: string) {\n  try {\n    return (await http.get(`/t/${id}`)).data;\n  } catch (error) {\n    const httpError = error as HttpFailure;\n    const status = httpError.response?.status;\n    if (status === 401) {\n      throw new ApiError(\"Unauthorized: check the API key\");\n    } else if (status === 404) {\n      throw new ApiError(`No transcript for ${id}`);\n    }\n    throw new ApiError(`Transcript request failed: ${httpError.message}`);\n  }\n}\n" },
    { name: "messages picked out through a const, mapped to clearer errors, every other error rethrown", code: "export async function quota(key: string) {\n  try {\n    return await provider.quota(key);\n  } catch (err) {\n    const text = (err as Error).message;\n    if (text.includes(\"429\") || text.includes(\"rate limit\")) {\n      throw new Error(\"Provider rate limit exceeded\");\n    }\n    throw err;\n  }\n}\n" },
    { name: "a body fallback destructured, its fields checked next with a 400", code: "export async function handler(req: Request) {\n  const body: Query = await req.json().catch(() => ({}));\n  const { lat, lon } = body;\n  console.log(\"query\", { lat, lon });\n  if (typeof lat !== \"number\" || typeof lon !== \"number\") {\n    return new Response(\"coordinates required\", { status: 400 });\n  }\n  return Response.json(await lookup(lat, lon));\n}\n" },
    { name: "a try that only checks a setting parses as a URL, keeping it nowhere", code: "export function checkSettings(settings: { apiUrl: string }) {\n  try {\n    new URL(settings.apiUrl);\n  } catch {\n    throw new Error(\"Invalid API_URL format\");\n  }\n}\n" },
    { name: "one expected error mapped to a clearer one, every other error rethrown", code: "export async function fetchWithTimeout(url: string, ms: number) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), ms);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } catch (err) {\n    if (err instanceof DOMException && err.name === \"AbortError\") {\n      throw new Error(`Request timed out after ${ms}ms`);\n    }\n    throw err;\n  } finally {\n    clearTimeout(timer);\n  }\n}\n" },
    { name: "a `void`-marked fire-and-forget chain whose handler logs the error", code: "export async function render(pdf: Pdf) {\n  const images = await toImages(pdf);\n  void pdf.destroy().catch((e) => console.error(e));\n  return images;\n}\n" },
    { name: "a line comment above the function says what happens to the failure", code: "// Re-baseline only after a successful save: the page handler reports the error and rethrows it.\nconst handleSave = form.handleSubmit(async (data) => {\n  try {\n    await onSave(data);\n  } catch {\n    return;\n  }\n  form.reset(form.getValues());\n});\n" },
    { name: "a loop whose try records each item that worked in the list the function returns", filename: "src/rotate.js", code: "async function rotateKeys(fileNames) {\n  const rotated = [];\n  for (const name of fileNames) {\n    try {\n      await reencrypt(name);\n      rotated.push(name);\n    } catch (err) {\n      continue;\n    }\n  }\n  return { rotated };\n}\n" },
    // issue 11, eval-se dev repos (session 14): logAndContinue and neighbours judged clean by the conventions.
    { name: "a log-only catch ending a chat bot handler by its shape (a ctx it answers in the chat), wherever it is registered", filename: "src/statistic.js", code: "const stats = {\n  async today(ctx) {\n    try {\n      const res = await db.query(\"select * from results where id = $1\", [ctx.from.id]);\n      await ctx.reply(format(res.rows));\n    } catch (error) {\n      console.log(\"statistics failed\", error);\n    } finally {\n      await ctx.answerCallbackQuery();\n    }\n  },\n};\nmodule.exports = stats;\n" },
    { name: "a failed failure reply logged in the bot's error handler", filename: "src/error.ts", code: "export const errorHandler: ErrorHandler<MyContext> = async (err) => {\n  console.error(\"Error while handling update:\", err.error);\n  try {\n    await err.ctx.reply(\n      \"❌ An error occurred while processing your request.\\n\" +\n      \"Please try again.\"\n    );\n  } catch (replyError) {\n    console.error(\"Failed to send error message:\", replyError);\n  }\n};\n" },
    { name: "a direct message's outcome kept in a flag the function reports", filename: "src/timeout.js", code: "async function timeout(interaction, member, reason) {\n  await member.timeout(60000, reason);\n  let sentDM = \"False\";\n  try {\n    await member.send({ embeds: [new MessageEmbed().setTitle(\"Timeout\").addFields({ name: \"Reason\", value: reason })] });\n    sentDM = \"True\";\n  } catch (error) {\n    sentDM = \"False (Member has DMs turned off)\";\n    console.info(\"Cannot send DMs to \" + member.id);\n  }\n  await logChannel.send(`Timed out ${member.id}, sent DM: ${sentDM}`);\n}\n" },
    {
      name: "a safe* helper that logs and returns its empty answer: the name promises the fallback (openstatus)",
      code: dedent`
        async function safeRows<T>(promise: Promise<T[]>, label: string): Promise<T[]> {
          try {
            return await promise;
          } catch (err) {
            console.error(\`[external-service] \${label} failed, returning empty:\`, err);
            return [];
          }
        }
        export async function safePipeData<T>(promise: Promise<{ data: T[] }>, label: string): Promise<{ data: T[] }> {
          try {
            return await promise;
          } catch (err) {
            console.error(\`[tinybird] \${label} failed, returning empty data:\`, err);
            return { data: [] };
          }
        }
      `,
    },
    {
      name: "a flag the catch leaves at its declared value, returned to the caller (openstatus)",
      code: dedent`
        export async function createStatusReport(input: Input) {
          const result = await insertReport(input);
          let notified = false;
          if (input.notify) {
            try {
              await notifyStatusReport({ id: result.id });
              notified = true;
            } catch (err) {
              console.warn("notifyStatusReport failed after create_status_report", err);
            }
          }
          return { id: result.id, notified };
        }
      `,
    },
    { name: "a direct message to a new member, which fails when they closed their DMs", filename: "src/events/guildMemberAdd.js", code: "module.exports = {\n  name: \"guildMemberAdd\",\n  async execute(member) {\n    try {\n      await member.send(\"Please verify in the #verify channel\");\n    } catch (error) {\n      console.info(`Cannot send DMs to ${member.user.username}`);\n    }\n    await member.roles.add(UNVERIFIED_ROLE);\n  },\n};\n" },
    { name: "a chat message tidied away, its failure logged", filename: "src/vote.js", code: "function endVote(game) {\n  if (game.voteMessage) {\n    game.voteMessage.delete().catch((err) => console.log(\"Could not delete the voteMessage\", err));\n  }\n}\n" },
    { name: "a check whose else branch, where every other error goes, writes a failure into the report", filename: "src/status.ts", code: "export async function statusCommand(ctx: Ctx) {\n  const statuses: string[] = [];\n  try {\n    await axios.get(url, { timeout: 5000 });\n    statuses.push(\"✅ n8n: Reachable\");\n  } catch (error) {\n    if (axios.isAxiosError(error) && error.response?.status === 404) {\n      statuses.push(\"✅ n8n: Reachable\");\n    } else {\n      statuses.push(\"⚠️ n8n: Unreachable (workflows may still work)\");\n    }\n  }\n  await send(statuses.join(\"\\n\"));\n}\n" },
    // Production false-positive classes (hoppscotch, issue 11): failure words in a // comment right above
    // the try, a // comment above a method naming its null for unparseable input, best effort said at the only
    // call, the raw input assigned or returned where nothing is defaulted, a try that only parses, a throwing
    // lookup whose not-found is the deny, allSettled over promises handed back to their callers.
    {
      name: "a // comment right above the try says the failure is non-fatal (hoppscotch)",
      code: dedent`
        export async function saveSettings(settings: Settings) {
          await store.write(settings);
          // Mirror to the native side. Non-fatal on failure: it falls back to its defaults.
          try {
            await invoke("set_config", { config: settings });
          } catch (err) {
            console.warn("Failed to push settings", err);
          }
        }
      `,
    },
    {
      name: "// lines above a method that name its null for input it cannot parse (hoppscotch)",
      code: dedent`
        export class CookieJar {
          // Returns the parsed URL, or null if raw is unparseable.
          private parseRequestURL(raw: string): URL | null {
            try {
              return new URL(raw);
            } catch {
              return null;
            }
          }
        }
      `,
    },
    {
      name: "best effort said at the only call of a private method (hoppscotch)",
      code: dedent`
        export class Migration {
          async run() {
            await this.copyFiles();
            // Clean up old files (best effort, don't fail if this fails)
            await this.cleanupOldFiles();
          }

          private async cleanupOldFiles() {
            try {
              await remove(legacyDir);
            } catch (error) {
              console.log("Could not clean up old files:", error);
            }
          }
        }
      `,
    },
    {
      name: "the catch assigns the raw text where the try assigns its parsed form (hoppscotch)",
      code: dedent`
        export function mediaExample(bodyStr: string) {
          const media: { example?: unknown } = {};
          try {
            media.example = JSON.parse(bodyStr);
          } catch {
            media.example = bodyStr;
          }
          return media;
        }
      `,
    },
    {
      name: "the catch returns the input, as the guard on what the function parsed from it does (hoppscotch)",
      code: dedent`
        export function stripCommentsAndCommas(text: string): string {
          const tree = parseTree(text, undefined, { allowTrailingComma: true });
          if (!tree) {
            return text;
          }
          try {
            return convertNodeToJSON(tree);
          } catch (_) {
            return text;
          }
        }
      `,
    },
    {
      name: "a try that only parses answers null for absent and malformed alike (hoppscotch)",
      code: dedent`
        export const getCollectionSchema = (jsonStr: string): string | null => {
          try {
            const data = JSON.parse(jsonStr);
            return data?.info?.schema ?? null;
          } catch {
            return null;
          }
        };
      `,
    },
    {
      name: "a Prisma *OrThrow lookup whose not-found throw is the check's deny, O.none (hoppscotch)",
      code: dedent`
        export class UserCollectionService {
          private async isOwnerCheck(collectionID: string, userID: string) {
            try {
              await this.prisma.userCollection.findFirstOrThrow({ where: { id: collectionID, userUid: userID } });
              return O.some(true);
            } catch (error) {
              return O.none;
            }
          }

          private async validateTokens(dto: VerifyDto) {
            try {
              const tokens = await this.prisma.verificationToken.findUniqueOrThrow({ where: { token: dto.token } });
              return O.some(tokens);
            } catch (error) {
              return O.none;
            }
          }
        }
      `,
    },
    {
      name: "allSettled only waits for promises also handed back to their callers (hoppscotch)",
      code: dedent`
        export function createTracker() {
          const pending: Promise<unknown>[] = [];
          const track = <T>(promise: Promise<T>): Promise<T> => {
            pending.push(promise);
            return promise.finally(() => pending.splice(pending.indexOf(promise), 1));
          };
          const drain = async () => {
            await Promise.allSettled(pending);
          };
          return { track, drain };
        }
      `,
    },
    // Production false-positive classes (openstatus, issue 11): a toast.promise with an error option
    // already shows the failure of the promise the try awaits.
    {
      name: "toast.promise(promise, { error }) shows the failure; the catch only keeps the await from going unhandled (openstatus)",
      filename: "form.tsx",
      code: dedent`
        export function Form({ onSubmit }: Props) {
          const [isPending, startTransition] = useTransition();
          function submitAction(values: FormValues) {
            startTransition(async () => {
              try {
                const promise = onSubmit(values);
                toast.promise(promise, {
                  loading: "Saving...",
                  success: "Saved",
                  error: (error) => (error instanceof Error ? error.message : "Failed to save"),
                });
                await promise;
              } catch (error) {
                console.error(error);
              }
            });
          }
        }
      `,
    },
    {
      name: "the toast above the try, and a state update after the await (openstatus)",
      filename: "dialog.tsx",
      code: dedent`
        export function ConfirmDialog({ onConfirm, onOpenChange }: Props) {
          const handleConfirm = () => {
            startTransition(async () => {
              const promise = onConfirm();
              toast.promise(promise, { loading: "Confirming...", success: "Confirmed", error: "Failed to confirm" });
              try {
                await promise;
                onOpenChange(false);
              } catch (error) {
                console.error("Failed to confirm:", error);
              }
            });
          };
        }
      `,
    },
    { name: "a cache read in a request middleware that falls through to the origin (round 14)", filename: "src/middleware/cache.js", code: dedent`
      export async function cacheMiddleware(req, res, next) {
        try {
          const cached = await cacheManager.load(req.originalUrl);
          if (cached) return res.json(cached);
        } catch (error) {
          console.error("Cache middleware error:", error);
        }
        next();
      }
    ` },
    { name: "a cache write in a helper a request middleware defines: the origin's answer is sent anyway (round 14)", filename: "src/middleware/cache.js", code: dedent`
      export function cacheMiddleware(req, res, next) {
        res.saveToCache = async (data) => {
          try {
            await cacheManager.save(req.originalUrl, data);
          } catch (error) {
            console.error("Failed to save to cache:", error);
          }
        };
        next();
      }
    ` },
    { name: "a cache write in a Koa middleware", code: "export async function cacheResponse(ctx: Context, next: Next) { await next(); try { await redis.set(ctx.url, JSON.stringify(ctx.body)); } catch (err) { logger.warn(\"cache write failed\", err); } }" },
    { name: "a throw in a try nested in the catch lands in that try's own catch: it never leaves the outer one (round 14)", filename: "src/middleware/auth.js", code: dedent`
      export const authenticate = async (req, res, next) => {
        try {
          const { data } = await axios.post(AUTH_URL, { token: req.headers.authorization });
          req.user = data.user;
          next();
        } catch (error) {
          logger.error("token validation error", { error: error.message });
          if (error.code === "ECONNREFUSED") {
            try {
              const decoded = jwt.verify(req.headers.authorization, SECRET);
              if (decoded.type !== "access") throw new Error("Invalid token type");
              req.user = decoded;
              next();
            } catch {
              return res.status(401).json({ error: "Authentication failed" });
            }
          } else {
            return res.status(401).json({ error: "Authentication failed" });
          }
        }
      };
    ` },
    // Production false-positive classes (openstatus and hoppscotch re-samples, issue 11; seprod).
    {
      name: "failure words above the if that holds a fire-and-forget chain alone (openstatus)",
      code: dedent`
        export async function touchKey(key: ApiKey) {
          // Best-effort: a failed bookkeeping write must never fail the request.
          if (isStale(key.lastUsedAt)) {
            await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id)).catch(() => {});
          }
          return key;
        }
      `,
    },
    {
      name: "failure words above an if without braces, and above the if that holds a try alone",
      code: dedent`
        export async function refresh(session: Session) {
          // Non-fatal on failure: the next request retries it.
          if (session.expired) await session.renew().catch(() => undefined);
          // Ignore a failed ping, the monitor reports it.
          if (session.heartbeat) {
            try {
              await ping(session.id);
            } catch (err) {
              console.warn("ping failed", err);
            }
          }
          return session;
        }
      `,
    },
    {
      name: "a failed response's body parsed with a fallback inside `if (!res.ok || !res.body)`, cast on the way (openstatus)",
      code: dedent`
        export async function startChecks(id: string) {
          const res = await fetch("/api/checks", { method: "POST", body: JSON.stringify({ id }) });
          if (!res.ok || !res.body) {
            const json = (await res.json().catch(() => null)) as { error?: string } | null;
            throw new Error(json?.error ?? \`Checks failed (\${res.status})\`);
          }
          return res.body.getReader();
        }
      `,
    },
    {
      name: "a log-only .catch that is the whole body of a change watcher's callback (hoppscotch)",
      code: dedent`
        export function syncSettings(settings: SettingsStore) {
          settings.watch((next) => {
            invoke("set_config", { config: next }).catch((err) => {
              log.warn("settings sync failed", err);
            });
          });
          watch(() => settings.theme, (theme) => applyTheme(theme).catch((err) => console.error("theme failed", err)));
        }
      `,
    },
    {
      name: "a log and a bare return in a catch at the top level of an event callback leave it (hoppscotch)",
      code: dedent`
        export class Jar {
          listen(watcher: Watcher) {
            watcher.on("change", ({ value }: { value?: unknown }) => {
              let stored: Stored;
              try {
                stored = this.parse(value);
              } catch (e) {
                console.error("watcher rejected a malformed payload", e);
                return;
              }
              this.apply(stored);
            });
          }
        }
      `,
    },
    {
      name: "the catch answers the input whose parsed form's field the try returns (openstatus)",
      code: dedent`
        export function originOf(url: string): string {
          try {
            return new URL(url).origin;
          } catch {
            return url;
          }
        }
      `,
    },
    {
      name: "a URL probe whose catch logs, then answers what the try answers for a host it cannot use (openstatus)",
      code: dedent`
        export function subdomainOf(url: string) {
          try {
            if (url.trim() === "") return "";
            const parts = new URL(url).hostname.split(".");
            if (parts.length > 2) return parts.slice(0, -2).join("-");
            return "";
          } catch (e) {
            console.error(e);
            return "";
          }
        }
      `,
    },
    {
      name: "a JSON.parse probe answering null like the function's own guard on no value, and like the try's own invalid branch (openstatus)",
      code: dedent`
        export const configSchema = z.string().nullable().transform((str) => {
          if (!str) return null;
          try {
            return JSON.parse(str);
          } catch {
            return null;
          }
        });
        export function readChecks(lines: string[]) {
          return lines.map((line) => {
            try {
              const result = checkSchema.safeParse(JSON.parse(line));
              if (!result.success) return null;
              return result.data;
            } catch {
              return null;
            }
          });
        }
      `,
    },
    {
      name: "a failed write of a log line, dropped or logged to the console (hoppscotch)",
      code: dedent`
        function diag(msg: string) {
          const line = \`[\${new Date().toISOString()}] \${msg}\\n\`;
          window.__TAURI_INTERNALS__.invoke("append_log", { filename: "diag.log", content: line }).catch(() => {});
          appendLog(line).catch((err) => console.warn("could not write the log file", err));
        }
      `,
    },
    {
      name: "a throwing lookup whose row is projected inside the answer's constructor (hoppscotch)",
      code: dedent`
        export class Invitations {
          async getInvitation(id: string) {
            try {
              const row = await this.prisma.teamInvitation.findUniqueOrThrow({ where: { id } });
              return O.some(this.cast(row));
            } catch (e) {
              return O.none;
            }
          }
        }
      `,
    },
    {
      name: "allSettled over a fan-out whose every item ends in a try that logs its own error (openstatus)",
      code: dedent`
        export async function sendWebhooks(subs: Subscription[], update: Update) {
          await Promise.allSettled(
            subs.map(async (sub) => {
              const payload = buildPayload(update, sub);
              try {
                await postWebhook(sub.url, payload);
              } catch (error) {
                console.error(\`webhook to \${sub.id} failed\`, error);
                throw error;
              }
            }),
          );
        }
      `,
    },
    {
      name: "cancelling a stream reader the code is done with (openstatus)",
      code: dedent`
        export async function firstEvent(res: Response) {
          const reader = res.body!.getReader();
          const { value } = await reader.read();
          await reader.cancel().catch(() => {});
          await res.body?.cancel().catch(() => {});
          return value;
        }
      `,
    },
    {
      name: "a fallback checked next and answered with a deny helper (`denied(req)`) (openstatus)",
      code: dedent`
        export async function GET(req: Request) {
          const workspace = await findWorkspace(orgId(req)).catch(() => null);
          if (!workspace?.ssoEnabled) return denied(req);
          return Response.redirect(workspace.loginUrl);
        }
      `,
    },
    {
      name: "a log-only catch ending a Vue lifecycle hook's callback (hoppscotch)",
      code: dedent`
        export function useConfigs() {
          const configs = ref<Config[]>([]);
          onMounted(async () => {
            try {
              configs.value = await api.loadConfigs();
            } catch (err) {
              console.error("Error fetching configs", err);
            } finally {
              loading.value = false;
            }
          });
          return configs;
        }
      `,
    },
    {
      name: "URL probes whose catch answers what the try answers, through a loop's end or a conditional (hoppscotch)",
      code: dedent`
        export function hasSameOrigin(urls: string[], origin: string): boolean {
          for (const url of urls) {
            try {
              if (new URL(url).origin === origin) return true;
            } catch {
              continue;
            }
          }
          return false;
        }
        export function hashOf(raw: string): string {
          try {
            const parsed = new URL(raw);
            return parsed.hash ? parsed.hash.slice(1) : "";
          } catch {
            return "";
          }
        }
      `,
    },
    {
      name: "the input is one of the try's own answers (hoppscotch)",
      code: dedent`
        export const decodeWireValue = (value: string): string => {
          try {
            const parsed = JSON.parse(value);
            return typeof parsed === "string" ? parsed : value;
          } catch {
            return value;
          }
        };
      `,
    },
    {
      name: "a display string in place of a failed rendering, in a function that only formats (hoppscotch)",
      code: dedent`
        export const formatValue = (val: unknown): string => {
          if (typeof val === "object" && val !== null) {
            try {
              const keys = Object.keys(val).slice(0, 5);
              return \`{\${keys.map((k) => \`\${k}: \${formatValue((val as Record<string, unknown>)[k])}\`).join(", ")}}\`;
            } catch {
              return "[object Object]";
            }
          }
          return String(val);
        };
      `,
    },
    {
      name: "failure words above a loop whose body is only the chain, or a try (openstatus)",
      code: dedent`
        export async function finish(results: Promise<unknown>[], domains: string[]) {
          // The promises keep running after the response; a rejection here would crash the process, so swallow and log failures.
          for (const result of results) {
            result.catch((error: unknown) => logger.warn("check failed", { error }));
          }
          // A Vercel error must not fail the webhook.
          for (const domain of domains) {
            try {
              await releaseDomain(domain);
            } catch (err) {
              console.error("release failed", { domain, err });
            }
          }
        }
      `,
    },
    {
      name: "a fallback read into a local that the next statement turns into a deny (openstatus)",
      code: dedent`
        export async function GET(req: Request) {
          const connection = await workos.sso.getConnection(connectionId(req)).catch(() => null);
          const organizationId = connection?.organizationId;
          if (!organizationId) return denied(req);
          return Response.redirect(loginUrl(organizationId));
        }
      `,
    },
    {
      name: "a log-only try ending a JSX event handler that waits on nothing (openstatus)",
      filename: "form.tsx",
      code: dedent`
        export function TimeField({ field }: Props) {
          return (
            <input
              type="time"
              onChange={(e) => {
                try {
                  const [hours, minutes] = e.target.value.split(":").map(Number);
                  const next = new Date(field.value);
                  next.setHours(hours, minutes, 0, 0);
                  field.onChange(next);
                } catch (error) {
                  console.error(error);
                }
              }}
            />
          );
        }
      `,
    },
    {
      name: "a message that says something failed, whose own failure is only logged (openstatus)",
      code: dedent`
        export async function reportFailure(slack: WebClient, channel: string, ts: string) {
          await slack.chat
            .update({ channel, ts, text: ":x: Something went wrong. Please try again." })
            .catch((err: unknown) => logger.error("failed to update the error message", { err }));
        }
      `,
    },
    {
      name: "probes skipped like the loop's blank lines, and answering like the guard on a local made from the input (openstatus)",
      code: dedent`
        export function readLines(lines: string[]) {
          const out: unknown[] = [];
          for (const line of lines) {
            if (!line.trim()) continue;
            let parsed: unknown;
            try {
              parsed = JSON.parse(line);
            } catch {
              continue;
            }
            out.push(parsed);
          }
          return out;
        }
        export function hostOf(raw: string): string | null {
          const trimmed = raw.trim();
          if (!trimmed) return null;
          try {
            return new URL(\`https://\${trimmed}\`).hostname;
          } catch {
            return null;
          }
        }
      `,
    },
    { name: "a parse whose catch keeps the raw input in a field of the fallback object (round 14)", code: dedent`
      export async function openingFor(row: CallRow) {
        let details;
        try {
          details = JSON.parse(row.additional_context || "{}");
        } catch {
          details = { originalContext: row.additional_context || "", recipient: row.recipient_name };
        }
        return greet(details);
      }
    ` },
    { name: "a parse whose catch keeps the raw input under its own name", code: dedent`
      function readMeta(raw: string) {
        let meta;
        try {
          meta = JSON.parse(raw);
        } catch {
          meta = { raw };
        }
        return meta;
      }
    ` },
    { name: "resultErrorLogOnly: a comment in the branch says why the request carries on (round 14)", code: dedent`
      export async function startCall(supabase: Client, callId: string, sid: string) {
        const { error: updateError } = await supabase.from("calls").update({ sid }).eq("id", callId);
        if (updateError) {
          console.error("Failed to update call record:", updateError);
          // Don't fail the entire request if the database update fails
        }
        return { sid };
      }
    ` },
    { name: "a rejection handler that returns its error, tested before it is answered (round 14)", filename: "server/index.js", code: dedent`
      router.post("/message", async (ctx) => {
        const data = await postMsg(ctx.request.body).catch((e) => {
          console.log("e", e);
          return e;
        });
        if (data instanceof Error) {
          ctx.status = 502;
          ctx.body = { error: data.message };
          return;
        }
        ctx.body = { data };
      });
    ` },
    { name: "a reply built by a helper of the file whose answers include an apology for a technical problem (round 14)", code: dedent`
      export async function processSpeech(speech: string) {
        try {
          const text = await ai.reply(speech);
          return { text, shouldContinue: true };
        } catch (error) {
          console.error("AI processing error:", error);
          return { text: fallbackResponse(speech), shouldContinue: true };
        }
      }

      function fallbackResponse(speech: string): string {
        if (wantsToHangUp(speech)) return "Thank you for your time. Goodbye!";
        return "Sorry, I had a technical problem. Could you say that again?";
      }
    ` },
    { name: "a reply that says it had a technical problem", code: dedent`
      export async function answer(question: string) {
        try {
          return await llm.complete(question);
        } catch (error) {
          console.error("AI processing error:", error);
          return { text: "Sorry, I had a technical problem. Could you repeat that?", shouldContinue: true };
        }
      }
    ` },
    { name: "a log-only try that is the whole body of a loop over the items of a timer job: one item, retried on the next tick (round 14)", code: dedent`
      async function monitorTasks() {
        const tasks = await db.getActiveTasks();
        for (const task of tasks) {
          try {
            const agent = await api.getAgent(task.id);
            if (agent.status !== task.status) await db.updateTask(task.id, agent.status);
          } catch (error) {
            logger.error(\`Error monitoring task \${task.id}:\`, error);
          }
        }
      }

      setInterval(monitorTasks, 60000);
    ` },
    { name: "an HTTP 500 answer thrown after the caught error is logged with it: the log keeps the cause (issue 11, round 16)", code: dedent`
      export class TeamService {
        async findAll() {
          try {
            return await this.repo.find();
          } catch (error) {
            console.error("Error listing teams", error);
            throw new HttpException("Error listing teams", HttpStatus.INTERNAL_SERVER_ERROR);
          }
        }
      }
    ` },
    { name: "a Nest InternalServerErrorException after logging the stack", code: dedent`
      export class TeamService {
        async create(dto: CreateTeamDto) {
          try {
            return await this.repo.save(dto);
          } catch (err) {
            this.logger.error("Failed to create team", err.stack);
            throw new InternalServerErrorException("Could not create the team");
          }
        }
      }
    ` },
    { name: "a tRPC error after a structured log that carries the error", code: dedent`
      export async function createPost(input: PostInput) {
        try {
          return await db.post.create({ data: input });
        } catch (e) {
          logger.error({ err: e, input }, "post create failed");
          throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Could not save the post" });
        }
      }
    ` },
    { name: "a retry of the outer try's parse whose new error keeps the first failure (issue 11, round 16)", code: dedent`
      export function parseModelJson(text: string) {
        try {
          return JSON.parse(text);
        } catch (firstError) {
          try {
            return JSON.parse(repairJson(text));
          } catch (secondError) {
            throw new Error(\`Model JSON parse failed: \${firstError.message}\`);
          }
        }
      }
    ` },
    { name: "a script entry whose function cannot reject: its body is log lines, an exit and a try whose catch handles everything (issue 11, round 16)", code: dedent`
      async function checkApi() {
        console.log("Checking the API...");
        if (!process.env.API_KEY) {
          console.error("API_KEY is required");
          process.exit(1);
        }
        try {
          const res = await fetch(process.env.API_URL + "/health");
          console.log("status", res.status);
        } catch (error) {
          console.error("API check failed:", error.message);
          process.exitCode = 1;
        }
      }

      checkApi().catch(console.error);
    ` },
    { name: "a script entry declared as an arrow function that cannot reject", code: dedent`
      const main = async () => {
        const model = process.env.MODEL || "small";
        try {
          await runModel(model);
        } catch (err) {
          logger.error({ err }, "model run failed");
          process.exitCode = 1;
        }
      };

      main().catch((err) => console.error(err));
    ` },
    { name: "a request-body fallback read into a local inside an if branch, and the local answered 400 after the if (issue 11, round 16)", code: dedent`
      export async function handler(req: Request) {
        let region = "";
        if (req.method === "POST") {
          const body = await req.json().catch(() => ({}));
          if (body && body.region) region = String(body.region);
        } else {
          region = new URL(req.url).searchParams.get("region") ?? "";
        }
        if (!region) {
          return new Response(JSON.stringify({ error: "region is required" }), { status: 400 });
        }
        return Response.json(await listStores(region));
      }
    ` },
    { name: "a verify call whose function's guard above the try gives the same deny answer: no token and a bad token are one 'not valid' (issue 11, round 16)", code: dedent`
      async function readClaims(c: Context) {
        const header = c.req.header("Authorization");
        if (!header?.startsWith("Bearer ")) return null;
        try {
          return await verify(header.slice(7), c.env.JWT_SECRET);
        } catch {
          return null;
        }
      }
    ` },
    { name: "a 401 for a failed token check in a middleware that calls next() after the try: only the check's failure becomes a client error", code: dedent`
      export const requireUser = async (c: Context, next: Next) => {
        let payload: JWTPayload;
        try {
          payload = await verify(c.req.header("Authorization")?.slice(7) ?? "", SECRET);
        } catch {
          throw new HTTPException(401, { message: "Unauthorized" });
        }
        c.set("user", payload);
        await next();
      };
    ` },
    // issue 11, held round 16 (session 17, se17a): log-and-continue that two reviewers call deliberate.
    {
      name: "a try that only writes a debug file under a logs folder (issue 11: appraisals openai.js:247)",
      filename: "src/complete.js",
      code: dedent`
        async function complete(id, payload) {
          try {
            const dir = path.join(__dirname, "../logs");
            await fs.mkdir(dir, { recursive: true });
            await fs.writeFile(path.join(dir, \`request_\${id}.json\`), JSON.stringify(payload, null, 2));
          } catch (err) {
            console.warn(\`Could not write the request file: \${err.message}\`);
          }
          return client.send(payload);
        }
      `,
    },
    {
      name: "a try that only appends a line to a log file",
      code: dedent`
        export function trace(line: string) {
          try {
            fs.appendFileSync(TRACE_LOG_FILE, \`\${new Date().toISOString()} \${line}\\n\`);
          } catch (e) {
            console.error("append failed", e);
          }
        }
      `,
    },
    {
      name: "a try that only gathers values for a log line (issue 11: appraisals report.js:208)",
      filename: "src/render.js",
      code: dedent`
        async function render(post) {
          try {
            const { networkInterfaces } = require("os");
            const nets = networkInterfaces();
            logger.info("interfaces: " + JSON.stringify(nets));
          } catch (netError) {
            logger.info("no interface list", netError.message);
          }
          return renderPost(post);
        }
      `,
    },
    {
      name: "a log line that says what the failure turns off (issue 11: appraisals index.js:90)",
      filename: "src/secrets.js",
      code: dedent`
        async function loadSecrets() {
          try {
            process.env.SEARCH_KEY = await getSecret("SEARCH_KEY");
          } catch (err) {
            console.warn("Search key not found:", err.message);
            console.warn("Web search will be disabled.");
          }
          await startServer();
        }
      `,
    },
    {
      name: "a log line that says the feature may not work",
      code: dedent`
        export async function init(cfg: Config) {
          try {
            cfg.mapsKey = await vault.read("maps");
          } catch (e) {
            logger.warn({ err: e }, "maps key unavailable; the map view may not work");
          }
          return cfg;
        }
      `,
    },
    {
      name: "a comment above the try calls the step optional (issue 11: forge-recon seed-supabase.js:91)",
      filename: "scripts/seed.js",
      code: dedent`
        async function seed(db) {
          await db.run("INSERT INTO users (name) VALUES ('admin')");
          // Audit table (older schemas may have skipped it)
          try { await db.run("INSERT INTO audit (event) VALUES ('seeded')"); } catch (e) { console.warn("no audit table", e.message); }
          console.log("Seed complete");
        }
      `,
    },
    {
      name: "a try that loads an optional .env file into process.env (issue 11: forge-recon write-feedback-log.js:46)",
      filename: "tools/report.js",
      code: dedent`
        async function main() {
          try {
            const envPath = path.join(ROOT, ".env");
            if (fs.existsSync(envPath)) {
              for (const line of fs.readFileSync(envPath, "utf-8").split("\\n")) {
                const [key, ...rest] = line.split("=");
                if (key && !process.env[key.trim()]) process.env[key.trim()] = rest.join("=").trim();
              }
            }
          } catch (e) {
            console.warn("could not load .env:", e.message);
          }
          await writeReport(process.env.REPORT_DIR);
        }
      `,
    },
    {
      name: "a failed idempotent schema step logged before the work that uses it (issue 11: forge-recon seed-closures.js:10)",
      filename: "src/db/seed-holidays.js",
      code: dedent`
        async function main() {
          await db.init();
          try { db.run("CREATE TABLE IF NOT EXISTS holidays (id INTEGER PRIMARY KEY, day TEXT NOT NULL)"); } catch (e) { console.error(e.message); }
          for (const day of DAYS) db.run("INSERT INTO holidays (day) VALUES (?)", [day]);
        }
      `,
    },
    {
      name: "a logged catch followed by another way of getting the same value (issue 11: forge-recon m365-device-code-auth.js:49)",
      code: dedent`
        export async function getToken(): Promise<string> {
          const accounts = await app.getAccounts();
          if (accounts.length > 0) {
            try {
              const result = await app.acquireSilent({ account: accounts[0] });
              return result.accessToken;
            } catch (e) {
              console.warn("silent refresh failed:", e);
            }
          }
          const interactive = await app.acquireByDeviceCode({ scopes });
          return interactive.accessToken;
        }
      `,
    },
    {
      name: "a secondary failure logged in an error middleware that still answers the error (issue 11: appraisals index.js:216)",
      filename: "src/app.js",
      code: dedent`
        app.use(async (err, req, res, next) => {
          console.error("Unhandled error:", err);
          if (err) {
            try {
              await reportIssue(err, req);
            } catch (reportError) {
              console.error("Failed to report the issue:", reportError);
            }
          }
          res.status(err.status || 500).json({ message: err.message });
        });
      `,
    },
    {
      name: "a secondary failure logged in an if of a catch that still answers the error (issue 11: prumo_ai ingest/index.ts:223)",
      code: dedent`
        export async function ingest(req: Request) {
          let docId: string | undefined;
          try {
            docId = await startIngest(req);
            return Response.json({ ok: true });
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            if (docId) {
              try {
                await markFailed(docId, message);
              } catch (e) {
                console.error("could not record the failure", e);
              }
            }
            return Response.json({ error: message }, { status: 500 });
          }
        }
      `,
    },
    {
      name: "a catch that logs and returns the null a guard on a dependency before the try returns (issue 11: viAIzer userManager.js:74)",
      code: dedent`
        export class Users {
          constructor(private readonly db: Db) {}

          async create(u: NewUser) {
            if (!this.db.isAvailable()) {
              console.warn("database unavailable");
              return null;
            }
            try {
              const result = await this.db.query("INSERT INTO users (name) VALUES ($1) RETURNING *", [u.name]);
              return result.rows[0];
            } catch (error) {
              console.error("Error creating user:", error);
              return null;
            }
          }
        }
      `,
    },
    {
      name: "a helper that logs and returns null, whose every caller checks (issue 11: collective-rides debug-jwt-token.js:116)",
      filename: "tools/debug-tokens.js",
      code: dedent`
        async function getTokens() {
          try {
            const response = await request(AUTH_URL);
            return { access: response.data.access, id: response.data.id };
          } catch (error) {
            console.log("Error getting tokens:", error.message);
            return null;
          }
        }

        async function main() {
          const tokens = await getTokens();
          if (!tokens) {
            console.log("Cannot proceed without tokens");
            return;
          }
          await useTokens(tokens);
        }
      `,
    },
    {
      name: "a log tag that says the step is skipped (issue 11: forge-recon e2e-smoke.js:150)",
      filename: "scripts/smoke.js",
      code: dedent`
        async function resolveAnchors(entities) {
          const anchors = {};
          for (const entity of entities) {
            try {
              const res = await get(entity.listPath);
              anchors[entity.token] = res.body.match(entity.pattern)[1];
            } catch (e) {
              console.log(\`ANCHOR_SKIPPED:\${entity.label} — \${e.message}\`);
            }
          }
          return anchors;
        }
      `,
    },
    {
      name: "a status screen of an interactive tool prints the failure and waits for the user (issue 11: aicarousel cli/status.ts:29)",
      filename: "cli/status.ts",
      code: dedent`
        export async function showStatus(): Promise<void> {
          clearScreen();
          try {
            await migrate();
            console.log(\`  Migrations: \${green("✓ up to date")}\`);
          } catch {
            console.log(\`  Migrations: \${red("✗ Error")}\`);
          }
          console.log(\`  Port: \${getPort()}\`);
          await pressEnter();
        }
      `,
    },
    { name: "a catch whose text opens like the try's answer but says it failed: the user is told", code: dedent`
      async function ask(prompt: string) {
        try {
          const answer = await model.complete(prompt);
          return \`🤖 Assistant: \${answer}\`;
        } catch (error) {
          console.error("model call failed", error);
          return \`🤖 Assistant: sorry, the model is unavailable (\${prompt.length} chars not sent)\`;
        }
      }
    ` },
    { name: "a supabase call alone in a try whose catch comment says its failure is fine (issue 11: v0-saas-facturation getSessionUser.ts:97)", code: dedent`
      export async function selectOrg(supabase: SupabaseClient, orgId: string) {
        try {
          await supabase.rpc("set_current_org", { org_id: orgId });
        } catch (error) {
          // Older databases lack the function: filtering happens on the client then
          console.warn("could not set the org context", error);
        }
      }
    ` },
    {
      name: "catchReturnsDefault: the input kept where the try formats its date (format(new Date(input)))",
      code: dedent`
        import { format } from "date-fns";

        export function formatWhen(dateStr?: string | null): string {
          if (!dateStr) return "";
          try {
            return format(new Date(dateStr), "MMM d, yyyy");
          } catch {
            return dateStr;
          }
        }
      `,
    },
    {
      name: "catchReturnsDefault: the input assigned where the try assigns its formatted date",
      code: dedent`
        import { format } from "date-fns";

        export function preview(due: string | null, pattern: string) {
          let shown: string | null = null;
          if (due) {
            try {
              shown = format(new Date(due), pattern);
            } catch {
              shown = due;
            }
          }
          return shown;
        }
      `,
    },
    {
      name: "catchReturnsDefault: JSON.parse(s) as T, else s under an as cast: the input kept",
      code: dedent`
        export function parseCached<T>(value: string | null): T | undefined {
          if (!value) return undefined;
          try {
            return JSON.parse(value) as T;
          } catch {
            return value as unknown as T;
          }
        }
      `,
    },
    {
      name: "catchReturnsDefault: the input kept where the try renders its date (dayjs(x).format, new Date(x).toLocaleDateString)",
      code: dedent`
        import dayjs from "dayjs";

        export function shortDate(iso: string) {
          try {
            return dayjs(iso).format("LL");
          } catch {
            return iso;
          }
        }

        export function localDate(ts: string) {
          try {
            return new Date(ts).toLocaleDateString();
          } catch {
            return ts;
          }
        }
      `,
    },
    {
      name: "catchReturnsDefault: an empty label for a failed rendering in a useMemo callback",
      filename: "src/components/range-card.tsx",
      code: dedent`
        import { useMemo } from "react";
        import { format, parseISO } from "date-fns";

        export function RangeCard({ from, to }: { from: string; to: string }) {
          const range = useMemo(() => {
            try {
              return \`\${format(parseISO(from), "MMM d")} - \${format(parseISO(to), "MMM d, yyyy")}\`;
            } catch {
              return "";
            }
          }, [from, to]);
          return <span>{range}</span>;
        }
      `,
    },
    {
      name: "catchReturnsDefault: a placeholder for a failed rendering in a Vue computed",
      filename: "src/components/when.ts",
      code: dedent`
        import { computed } from "vue";

        export function useWhen(props: { at: number }) {
          return computed(() => {
            try {
              return new Intl.DateTimeFormat("en").format(props.at);
            } catch {
              return "-";
            }
          });
        }
      `,
    },
    {
      name: "promiseCatchNoop: the chat SDK's typing indicator (startTyping) dropped",
      code: dedent`
        export async function onMessage(thread: Thread, text: string) {
          await thread.startTyping("Working on it...").catch(() => {});
          const answer = await agent.run(text);
          await thread.post(answer);
        }
      `,
    },
    {
      name: "promiseCatchNoop: discord.js sendTyping dropped",
      code: dedent`
        export async function onMessage(message: Message) {
          await message.channel.sendTyping().catch(() => {});
          await message.channel.send(await answerFor(message.content));
        }
      `,
    },
    {
      name: "logAndContinue: a Slack reaction after its preparation, logged at debug",
      code: dedent`
        export async function markDone(client: WebClient, channel: string, ts: string) {
          try {
            await joinChannel(client, channel);
            await client.reactions.add({ channel, timestamp: ts, name: "white_check_mark" });
          } catch (error) {
            logger.debug("Failed to add reaction", { error, channel });
          }
          await audit(channel, ts);
        }
      `,
    },
    {
      name: "logAndContinue: Slack suggested prompts, logged at debug",
      code: dedent`
        export async function updatePrompts(channel: string, threadTs: string) {
          try {
            const slack = bot.getAdapter("slack");
            await slack.setSuggestedPrompts(channel, threadTs, PROMPTS);
          } catch (error) {
            logger.debug("Failed to update suggested prompts", { error });
          }
        }
      `,
    },
    {
      name: "logAndContinue: a try that only reacts to the message, logged",
      code: dedent`
        export async function ack(message: Message) {
          try {
            await message.react("👀");
          } catch (err) {
            console.error("react failed", err);
          }
          await handle(message);
        }
      `,
    },
    {
      name: "promiseCatchLogOnly: a cleanup logged with its error behind an if, right before an explicit throw",
      code: dedent`
        export async function reschedule(id: string, at: Date) {
          const job = await queue.add("send", { id }, { delay: at.getTime() - Date.now() });
          const updated = await invoices.update(id, { jobId: job.id });
          if (!updated) {
            if (job) {
              await job.remove().catch((err) => {
                logger.error("Failed to remove orphaned job", { err });
              });
            }
            throw new NotFoundError("Invoice not found");
          }
          return updated;
        }
      `,
    },
    {
      name: "promiseCatchLogOnly: a cleanup logged with its error right before an explicit throw",
      code: dedent`
        export async function accept(tmp: string) {
          if (!(await scan(tmp))) {
            await fs.unlink(tmp).catch((e) => console.warn("unlink failed", e));
            throw new Error("upload rejected");
          }
        }
      `,
    },
    {
      name: "logAndContinue: a cleanup try ending an if block, logged, before an explicit throw",
      code: dedent`
        export async function signUp(email: string) {
          const customer = await stripe.customers.create({ email });
          const user = await users.insert({ email, customerId: customer.id });
          if (!user) {
            if (customer) {
              try {
                await stripe.customers.del(customer.id);
              } catch (e) {
                console.error("customer cleanup failed", e);
              }
            }
            throw new Error("could not create user");
          }
          return user;
        }
      `,
    },
    {
      name: "logAndContinue: a local function a listener starts with void f(), its try logged",
      code: dedent`
        client.on("ready", () => {
          const register = async () => {
            try {
              await client.application.commands.set(commands);
            } catch (err) {
              logger.error("command registration failed", err);
            }
          };
          void register();
        });
      `,
    },
    {
      name: "logAndContinue: a graceful-shutdown step in an async IIFE of a SIGTERM/SIGINT handler that then calls process.exit",
      code: dedent`
        const shutdown = async (signal: string) => {
          logger.info(\`Received \${signal}\`);
          const done = (async () => {
            try {
              await Promise.all(workers.map((w) => w.close()));
              await db.end();
            } catch (error) {
              logger.error("Error during shutdown", { error: String(error) });
            }
          })();
          await Promise.race([done, sleep(30_000)]);
          process.exit(0);
        };

        process.on("SIGTERM", () => shutdown("SIGTERM"));
        process.on("SIGINT", () => shutdown("SIGINT"));
      `,
    },
  ],
  invalid: [
    // issue 11, held round 17 (session 17, se18a): a parse default that is not the absent-input default stays reported.
    {
      name: "a loader that reads some other settings file into a local object stays reported",
      filename: "server.cjs",
      code: dedent`
        function readSettings() {
          try {
            const text = fs.readFileSync("settings.ini", "utf8");
            const vars = {};
            text.split("\\n").forEach((line) => {
              const [key, value] = line.split("=");
              if (key && value) vars[key.trim()] = value.trim();
            });
            return vars;
          } catch (err) {
            console.error("no settings file:", err.message);
            return {};
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 10, column: 5, endLine: 10, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            function readSettings() {
              try {
                const text = fs.readFileSync("settings.ini", "utf8");
                const vars = {};
                text.split("\\n").forEach((line) => {
                  const [key, value] = line.split("=");
                  if (key && value) vars[key.trim()] = value.trim();
                });
                return vars;
              } catch (err) {
                console.error("no settings file:", err.message);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function readSettings() {
              try {
                const text = fs.readFileSync("settings.ini", "utf8");
                const vars = {};
                text.split("\\n").forEach((line) => {
                  const [key, value] = line.split("=");
                  if (key && value) vars[key.trim()] = value.trim();
                });
                return vars;
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("no settings file:", err.message);
                return {};
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a malformed body assigned a default other than the absent-body default stays reported",
      code: dedent`
        function readPrefs(raw?: string) {
          let prefs;
          try { prefs = JSON.parse(raw || "{}"); } catch { prefs = { theme: "dark" }; }
          return prefs;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 3, column: 44, endLine: 3, endColumn: 49, suggestions: [
          { title: "Log the error with console", output: dedent`
            function readPrefs(raw?: string) {
              let prefs;
              try { prefs = JSON.parse(raw || "{}"); } catch (err) { console.error("JSON.parse failed in readPrefs", err); prefs = { theme: "dark" }; }
              return prefs;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function readPrefs(raw?: string) {
              let prefs;
              try { prefs = JSON.parse(raw || "{}"); } catch { /* Intentionally ignored: <reason> */ prefs = { theme: "dark" }; }
              return prefs;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a parse with no absent-input default assigned an empty object stays reported",
      code: dedent`
        function readPrefs(raw: string) {
          let prefs;
          try { prefs = JSON.parse(raw); } catch { prefs = {}; }
          return prefs;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 3, column: 36, endLine: 3, endColumn: 41, suggestions: [
          { title: "Log the error with console", output: dedent`
            function readPrefs(raw: string) {
              let prefs;
              try { prefs = JSON.parse(raw); } catch (err) { console.error("JSON.parse failed in readPrefs", err); prefs = {}; }
              return prefs;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function readPrefs(raw: string) {
              let prefs;
              try { prefs = JSON.parse(raw); } catch { /* Intentionally ignored: <reason> */ prefs = {}; }
              return prefs;
            }
          ` },
        ] },
      ],
      output: null,
    },
    // issue 11, held round 16 (session 17, se17a): log-and-continue shapes next to the deliberate ones, still reported.
    {
      name: "a try that writes a file that is no log stays reported",
      filename: "src/export.js",
      code: dedent`
        async function exportInvoice(id, pdf) {
          try {
            await fs.writeFile(path.join(EXPORT_DIR, \`invoice_\${id}.pdf\`), pdf);
          } catch (err) {
            console.warn(\`Could not write the invoice: \${err.message}\`);
          }
          return { id };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function exportInvoice(id, pdf) {
              try {
                await fs.writeFile(path.join(EXPORT_DIR, \`invoice_\${id}.pdf\`), pdf);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.warn(\`Could not write the invoice: \${err.message}\`);
              }
              return { id };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that gathers a log line from awaited work stays reported",
      filename: "src/report.js",
      code: dedent`
        async function report(db) {
          try {
            const rows = await db.query("select count(*) from jobs");
            console.log("jobs:", rows);
          } catch (error) {
            console.error("count failed", error);
          }
          return db.close();
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function report(db) {
              try {
                const rows = await db.query("select count(*) from jobs");
                console.log("jobs:", rows);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("count failed", error);
              }
              return db.close();
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log line that only says the key failed to load stays reported",
      filename: "src/secrets.js",
      code: dedent`
        async function loadSecrets() {
          try {
            process.env.PAYMENT_KEY = await getSecret("PAYMENT_KEY");
          } catch (err) {
            console.warn("Payment key not found:", err.message);
          }
          await startServer();
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function loadSecrets() {
              try {
                process.env.PAYMENT_KEY = await getSecret("PAYMENT_KEY");
              } catch (err) {
                // Intentionally ignored: <reason>
                console.warn("Payment key not found:", err.message);
              }
              await startServer();
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an .env loader that also writes elsewhere stays reported",
      filename: "tools/run.js",
      code: dedent`
        async function main() {
          try {
            const text = fs.readFileSync(".env", "utf-8");
            for (const line of text.split("\\n")) process.env[line.split("=")[0]] = line.split("=")[1];
            fs.writeFileSync(".env.bak", text);
          } catch (e) {
            console.warn("could not load .env:", e.message);
          }
          await run();
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function main() {
              try {
                const text = fs.readFileSync(".env", "utf-8");
                for (const line of text.split("\\n")) process.env[line.split("=")[0]] = line.split("=")[1];
                fs.writeFileSync(".env.bak", text);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.warn("could not load .env:", e.message);
              }
              await run();
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a schema step that is not idempotent, or with nothing after it, stays reported",
      filename: "src/db/migrate.js",
      code: dedent`
        async function migrate() {
          try { db.run("CREATE TABLE holidays (id INTEGER PRIMARY KEY, day TEXT NOT NULL)"); } catch (e) { console.error(e.message); }
          try { db.run("CREATE TABLE IF NOT EXISTS closures (id INTEGER PRIMARY KEY)"); } catch (e) { console.error(e.message); }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 2, column: 88, endLine: 2, endColumn: 97, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function migrate() {
              try { db.run("CREATE TABLE holidays (id INTEGER PRIMARY KEY, day TEXT NOT NULL)"); } catch (e) { /* Intentionally ignored: <reason> */ console.error(e.message); }
              try { db.run("CREATE TABLE IF NOT EXISTS closures (id INTEGER PRIMARY KEY)"); } catch (e) { console.error(e.message); }
            }
          ` },
        ] },
        { case: "logAndContinue", line: 3, column: 83, endLine: 3, endColumn: 92, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function migrate() {
              try { db.run("CREATE TABLE holidays (id INTEGER PRIMARY KEY, day TEXT NOT NULL)"); } catch (e) { console.error(e.message); }
              try { db.run("CREATE TABLE IF NOT EXISTS closures (id INTEGER PRIMARY KEY)"); } catch (e) { console.error(e.message); throw e; }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function migrate() {
              try { db.run("CREATE TABLE holidays (id INTEGER PRIMARY KEY, day TEXT NOT NULL)"); } catch (e) { console.error(e.message); }
              try { db.run("CREATE TABLE IF NOT EXISTS closures (id INTEGER PRIMARY KEY)"); } catch (e) { /* Intentionally ignored: <reason> */ console.error(e.message); }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a logged catch followed by a made-up answer stays reported",
      code: dedent`
        export async function listPlans(): Promise<Plan[]> {
          try {
            const plans = await billing.plans();
            return plans;
          } catch (e) {
            console.warn("plans failed:", e);
          }
          const plans = [] as Plan[];
          return plans;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function listPlans(): Promise<Plan[]> {
              try {
                const plans = await billing.plans();
                return plans;
              } catch (e) {
                // Intentionally ignored: <reason>
                console.warn("plans failed:", e);
              }
              const plans = [] as Plan[];
              return plans;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a fallback attempt in an if of a catch that never reads its own error stays reported",
      code: dedent`
        export async function upload(file: Blob, id: string) {
          try {
            await primary.put(id, file);
          } catch {
            if (backup) {
              try {
                await backup.put(id, file);
              } catch (backupError) {
                console.error("backup failed", backupError);
              }
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 9, endLine: 8, endColumn: 28, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function upload(file: Blob, id: string) {
              try {
                await primary.put(id, file);
              } catch {
                if (backup) {
                  try {
                    await backup.put(id, file);
                  } catch (backupError) {
                    // Intentionally ignored: <reason>
                    console.error("backup failed", backupError);
                  }
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch whose null reads as the try's own 'not found' stays reported (tune: viAIzer userManager.js:28)",
      code: dedent`
        export async function findUser(db: Db, id: string) {
          if (!db.isAvailable()) return null;
          try {
            const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);
            return result.rows[0] || null;
          } catch (error) {
            console.error("Error fetching user:", error);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function findUser(db: Db, id: string) {
              if (!db.isAvailable()) return null;
              try {
                const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);
                return result.rows[0] || null;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error fetching user:", error);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a helper that logs and returns null with a caller that does not check stays reported",
      filename: "tools/debug-tokens.js",
      code: dedent`
        async function getTokens() {
          try {
            const response = await request(AUTH_URL);
            return { access: response.data.access };
          } catch (error) {
            console.log("Error getting tokens:", error.message);
            return null;
          }
        }

        async function main() {
          const tokens = await getTokens();
          await useTokens(tokens);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function getTokens() {
              try {
                const response = await request(AUTH_URL);
                return { access: response.data.access };
              } catch (error) {
                console.log("Error getting tokens:", error.message);
                throw error;
              }
            }

            async function main() {
              const tokens = await getTokens();
              await useTokens(tokens);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function getTokens() {
              try {
                const response = await request(AUTH_URL);
                return { access: response.data.access };
              } catch (error) {
                // Intentionally ignored: <reason>
                console.log("Error getting tokens:", error.message);
                return null;
              }
            }

            async function main() {
              const tokens = await getTokens();
              await useTokens(tokens);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a one-off script that prints the failure and ends stays reported (exit 0)",
      filename: "check-api.js",
      code: dedent`
        async function checkApi() {
          try {
            await fetchModels();
            console.log(\`  Models: \${green("✓ reachable")}\`);
          } catch {
            console.log(\`  Models: \${red("✗ Error")}\`);
          }
        }

        checkApi();
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function checkApi() {
              try {
                await fetchModels();
                console.log(\`  Models: \${green("✓ reachable")}\`);
              } catch (err) {
                console.log(\`  Models: \${red("✗ Error")}\`, err);
                throw err;
              }
            }

            checkApi();
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function checkApi() {
              try {
                await fetchModels();
                console.log(\`  Models: \${green("✓ reachable")}\`);
              } catch {
                // Intentionally ignored: <reason>
                console.log(\`  Models: \${red("✗ Error")}\`);
              }
            }

            checkApi();
          ` },
        ] },
      ],
      output: dedent`
        async function checkApi() {
          try {
            await fetchModels();
            console.log(\`  Models: \${green("✓ reachable")}\`);
          } catch (err) {
            console.log(\`  Models: \${red("✗ Error")}\`, err);
          }
        }

        checkApi();
      `,
    },
    {
      name: "resultErrorLogOnly: the error is only logged, then the code reports success",
      code: dedent`
        export async function markPaid(supabase: Client, id: string) {
          const { error } = await supabase.from("invoices").update({ status: "paid" }).eq("id", id);
          if (error) {
            console.error("update failed", error);
          }
          console.log("invoice paid");
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 2, column: 21, endLine: 3, endColumn: 13, suggestions: [
          { title: "Throw the error after logging it", output: dedent`
            export async function markPaid(supabase: Client, id: string) {
              const { error } = await supabase.from("invoices").update({ status: "paid" }).eq("id", id);
              if (error) {
                console.error("update failed", error);
                throw error;
              }
              console.log("invoice paid");
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "resultErrorLogOnly: a one-line log, renamed error",
      code: dedent`
        export async function track(supabase: Client, e: Event) {
          const { error: insertError } = await supabase.rpc("track", e);
          if (insertError) logger.warn("track failed", insertError);
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 2, column: 34, endLine: 3, endColumn: 19, suggestions: [
          { title: "Throw the error after logging it", output: dedent`
            export async function track(supabase: Client, e: Event) {
              const { error: insertError } = await supabase.rpc("track", e);
              if (insertError) { logger.warn("track failed", insertError); throw insertError; }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a write awaited as a statement: the result and its error are dropped",
      code: dedent`
        export async function save(supabase: Client, row: Row) {
          await supabase.from("profiles").insert(row);
          return true;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 2, column: 3, endLine: 2, endColumn: 46, suggestions: [
          { title: "Throw the error", output: dedent`
            export async function save(supabase: Client, row: Row) {
              const { error } = await supabase.from("profiles").insert(row);
              if (error) throw error;
              return true;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function save(supabase: Client, row: Row) {
          const { error } = await supabase.from("profiles").insert(row);
          if (error) console.error("insert into profiles failed", error);
          return true;
        }
      `,
    },
    {
      name: "an update whose destructuring leaves error out",
      code: dedent`
        export async function rename(supabase: Client, id: string, name: string) {
          const { data } = await supabase.from("teams").update({ name }).eq("id", id).select();
          return data;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 2, column: 20, endLine: 2, endColumn: 87, suggestions: [
          { title: "Throw the error", output: dedent`
            export async function rename(supabase: Client, id: string, name: string) {
              const { data, error } = await supabase.from("teams").update({ name }).eq("id", id).select();
              if (error) throw error;
              return data;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function rename(supabase: Client, id: string, name: string) {
          const { data, error } = await supabase.from("teams").update({ name }).eq("id", id).select();
          if (error) console.error("update on teams failed", error);
          return data;
        }
      `,
    },
    {
      name: "error destructured and never read; the logger of the file is used",
      code: dedent`
        import { logger } from "./logger";
        export async function notify(supabaseAdmin: Client, userId: string) {
          const { error } = await supabaseAdmin.rpc("send_digest", { user_id: userId });
          return { ok: true };
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 3, column: 21, endLine: 3, endColumn: 80, suggestions: [
          { title: "Throw the error", output: dedent`
            import { logger } from "./logger";
            export async function notify(supabaseAdmin: Client, userId: string) {
              const { error } = await supabaseAdmin.rpc("send_digest", { user_id: userId });
              if (error) throw error;
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: dedent`
        import { logger } from "./logger";
        export async function notify(supabaseAdmin: Client, userId: string) {
          const { error } = await supabaseAdmin.rpc("send_digest", { user_id: userId });
          if (error) logger.error({ err: error }, "rpc send_digest failed");
          return { ok: true };
        }
      `,
      files: { "src/logger.ts": "import pino from \"pino\";\nexport const logger = pino();\n" },
    },
    {
      name: "a storage upload through a client from an import, in a function that already uses error",
      code: dedent`
        import { createClient } from "@supabase/supabase-js";
        const client = createClient(url, key);
        export async function upload(path: string, file: Blob) {
          let error = "";
          await client.storage.from("avatars").upload(path, file);
          return error;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 5, column: 3, endLine: 5, endColumn: 58, suggestions: [
          { title: "Throw the error", output: dedent`
            import { createClient } from "@supabase/supabase-js";
            const client = createClient(url, key);
            export async function upload(path: string, file: Blob) {
              let error = "";
              const { error: storageError } = await client.storage.from("avatars").upload(path, file);
              if (storageError) throw storageError;
              return error;
            }
          ` },
        ] },
      ],
      output: dedent`
        import { createClient } from "@supabase/supabase-js";
        const client = createClient(url, key);
        export async function upload(path: string, file: Blob) {
          let error = "";
          const { error: storageError } = await client.storage.from("avatars").upload(path, file);
          if (storageError) console.error("storage upload in avatars failed", storageError);
          return error;
        }
      `,
    },
    {
      name: "an Edge Function invoked and its error dropped",
      code: dedent`
        export async function kick(supabase: Client) {
          const { data } = await supabase.functions.invoke("reindex");
          return data;
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 2, column: 20, endLine: 2, endColumn: 62, suggestions: [
          { title: "Throw the error", output: dedent`
            export async function kick(supabase: Client) {
              const { data, error } = await supabase.functions.invoke("reindex");
              if (error) throw error;
              return data;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function kick(supabase: Client) {
          const { data, error } = await supabase.functions.invoke("reindex");
          if (error) console.error("function reindex failed", error);
          return data;
        }
      `,
    },
    {
      code: dedent`
        function save(orderId: string) {
          try {
            db.save(orderId);
          } catch (e) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 4, endColumn: 17, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function save(orderId: string) {
              try {
                db.save(orderId);
              } catch (e) {
                console.error("db.save failed", { orderId }, e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function save(orderId: string) {
              try {
                db.save(orderId);
              } catch (e) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        function save(orderId: string) {
          try {
            db.save(orderId);
          } catch (e) {
            console.error("db.save failed", { orderId }, e);
          }
        }
      `,
    },
    {
      code: dedent`
        function save(orderId: string) {
          try {
            db.save(orderId);
          } catch {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 11, endLine: 4, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function save(orderId: string) {
              try {
                db.save(orderId);
              } catch (err) {
                console.error("db.save failed", { orderId }, err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function save(orderId: string) {
              try {
                db.save(orderId);
              } catch {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        function save(orderId: string) {
          try {
            db.save(orderId);
          } catch (err) {
            console.error("db.save failed", { orderId }, err);
          }
        }
      `,
    },
    {
      name: "a bare TODO comment explains nothing",
      code: dedent`
        function save() {
          try {
            db.flush();
          } catch (e) {
            // TODO
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 6, endColumn: 4, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function save() {
              try {
                db.flush();
              } catch (e) {
                // TODO
                console.error("db.flush failed in save", e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function save() {
              try {
                db.flush();
              } catch (e) {
                // Intentionally ignored: <reason>
                // TODO
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        function save() {
          try {
            db.flush();
          } catch (e) {
            // TODO
            console.error("db.flush failed in save", e);
          }
        }
      `,
    },
    {
      code: dedent`
        for (const job of jobs) {
          try {
            run(job);
          } catch {
            continue;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 11, endLine: 6, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            for (const job of jobs) {
              try {
                run(job);
              } catch {
                // Intentionally ignored: <reason>
                continue;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        for (const job of jobs) {
          try {
            run(job);
          } catch (err) {
            console.error("run failed", err);
            continue;
          }
        }
      `,
    },
    {
      name: "Express handler: pass the error to next",
      code: dedent`
        app.get("/users/:id", async (req, res, next) => {
          try {
            res.json(await users.get(req.params.id));
          } catch (err) {}
        });
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 17, endLine: 4, endColumn: 19, suggestions: [
          { title: "Pass the error to next", output: dedent`
            app.get("/users/:id", async (req, res, next) => {
              try {
                res.json(await users.get(req.params.id));
              } catch (err) {
                return next(err);
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            app.get("/users/:id", async (req, res, next) => {
              try {
                res.json(await users.get(req.params.id));
              } catch (err) {
                // Intentionally ignored: <reason>
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        app.get("/users/:id", async (req, res, next) => {
          try {
            res.json(await users.get(req.params.id));
          } catch (err) {
            console.error("users.get failed in GET /users/:id", err);
          }
        });
      `,
    },
    {
      name: "callback API: pass the error to the callback",
      filename: "src/file.js",
      code: dedent`
        function read(path, callback) {
          try {
            callback(null, parse(path));
          } catch (e) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 4, endColumn: 17, suggestions: [
          { title: "Pass the error to callback", output: dedent`
            function read(path, callback) {
              try {
                callback(null, parse(path));
              } catch (e) {
                return callback(e);
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function read(path, callback) {
              try {
                callback(null, parse(path));
              } catch (e) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        function read(path, callback) {
          try {
            callback(null, parse(path));
          } catch (e) {
            console.error("read failed", { path }, e);
          }
        }
      `,
    },
    {
      name: "promise executor: reject",
      code: dedent`
        const p = new Promise((resolve, reject) => {
          try {
            resolve(compute());
          } catch (e) {}
        });
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 4, endColumn: 17, suggestions: [
          { title: "Reject with the error", output: dedent`
            const p = new Promise((resolve, reject) => {
              try {
                resolve(compute());
              } catch (e) {
                return reject(e);
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            const p = new Promise((resolve, reject) => {
              try {
                resolve(compute());
              } catch (e) {
                // Intentionally ignored: <reason>
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        const p = new Promise((resolve, reject) => {
          try {
            resolve(compute());
          } catch (e) {
            console.error("compute failed", e);
          }
        });
      `,
    },
    {
      name: "several calls in a function whose name says nothing: the log lists them, it does not pick the first (review R53, R59)",
      code: dedent`
        export default async function handle(req: Req, res: Res) {
          try {
            const team = await prisma.team.findUnique({ where: { id: req.query.teamId } });
            if (!team) {
              return res.status(401).json({ message: "Unauthorized" });
            }
            await prisma.dataroomDocument.update({ where: { id: req.query.documentId }, data: req.body });
            return res.status(204).end();
          } catch (error) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 9, column: 19, endLine: 9, endColumn: 21, suggestions: [
          { title: "Log and respond with 500", output: dedent`
            export default async function handle(req: Req, res: Res) {
              try {
                const team = await prisma.team.findUnique({ where: { id: req.query.teamId } });
                if (!team) {
                  return res.status(401).json({ message: "Unauthorized" });
                }
                await prisma.dataroomDocument.update({ where: { id: req.query.documentId }, data: req.body });
                return res.status(204).end();
              } catch (error) {
                console.error("prisma.team.findUnique or prisma.dataroomDocument.update failed in handle", error);
                return res.status(500).json({ error: "Internal Server Error" });
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handle(req: Req, res: Res) {
              try {
                const team = await prisma.team.findUnique({ where: { id: req.query.teamId } });
                if (!team) {
                  return res.status(401).json({ message: "Unauthorized" });
                }
                await prisma.dataroomDocument.update({ where: { id: req.query.documentId }, data: req.body });
                return res.status(204).end();
              } catch (error) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "three calls listed, the answers to the request left out (review R20)",
      code: dedent`
        export default async function handle(req: Req, res: Res) {
          try {
            const access = await prisma.userTeam.findUnique({ where: { userId: req.userId } });
            if (!access) return res.status(401).json({ message: "Unauthorized" });
            const dataroom = await prisma.dataroom.findUnique({ where: { id: req.query.id } });
            if (!dataroom) return res.status(404).json({ message: "Dataroom not found" });
            await prisma.dataroomDocument.delete({ where: { id: req.query.documentId } });
            return res.status(204).end();
          } catch (error) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 9, column: 19, endLine: 9, endColumn: 21, suggestions: [
          { title: "Log and respond with 500", output: dedent`
            export default async function handle(req: Req, res: Res) {
              try {
                const access = await prisma.userTeam.findUnique({ where: { userId: req.userId } });
                if (!access) return res.status(401).json({ message: "Unauthorized" });
                const dataroom = await prisma.dataroom.findUnique({ where: { id: req.query.id } });
                if (!dataroom) return res.status(404).json({ message: "Dataroom not found" });
                await prisma.dataroomDocument.delete({ where: { id: req.query.documentId } });
                return res.status(204).end();
              } catch (error) {
                console.error("prisma.userTeam.findUnique, prisma.dataroom.findUnique or prisma.dataroomDocument.delete failed in handle", error);
                return res.status(500).json({ error: "Internal Server Error" });
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handle(req: Req, res: Res) {
              try {
                const access = await prisma.userTeam.findUnique({ where: { userId: req.userId } });
                if (!access) return res.status(401).json({ message: "Unauthorized" });
                const dataroom = await prisma.dataroom.findUnique({ where: { id: req.query.id } });
                if (!dataroom) return res.status(404).json({ message: "Dataroom not found" });
                await prisma.dataroomDocument.delete({ where: { id: req.query.documentId } });
                return res.status(204).end();
              } catch (error) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "several calls in a function whose name says what it does: the log names the function",
      code: dedent`
        export async function deleteTeam(teamId: string) {
          try {
            await db.documents.deleteMany({ teamId });
            await db.teams.delete({ id: teamId });
          } catch (err) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 17, endLine: 5, endColumn: 19, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            export async function deleteTeam(teamId: string) {
              try {
                await db.documents.deleteMany({ teamId });
                await db.teams.delete({ id: teamId });
              } catch (err) {
                console.error("deleteTeam failed", { teamId }, err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function deleteTeam(teamId: string) {
              try {
                await db.documents.deleteMany({ teamId });
                await db.teams.delete({ id: teamId });
              } catch (err) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function deleteTeam(teamId: string) {
          try {
            await db.documents.deleteMany({ teamId });
            await db.teams.delete({ id: teamId });
          } catch (err) {
            console.error("deleteTeam failed", { teamId }, err);
          }
        }
      `,
    },
    {
      name: "more than three calls in a function whose name says nothing: the function, not a long list",
      code: dedent`
        export const handler = async (event: { body: string }) => {
          try {
            const body = JSON.parse(event.body);
            const user = await users.get(body.userId);
            await teams.create({ owner: user.id });
            await mailer.sendWelcome(user.email);
          } catch (err) {}
        };
      `,
      findings: [
        { case: "emptyCatch", line: 7, column: 17, endLine: 7, endColumn: 19, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            export const handler = async (event: { body: string }) => {
              try {
                const body = JSON.parse(event.body);
                const user = await users.get(body.userId);
                await teams.create({ owner: user.id });
                await mailer.sendWelcome(user.email);
              } catch (err) {
                console.error("handler failed", err);
                throw err;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const handler = async (event: { body: string }) => {
              try {
                const body = JSON.parse(event.body);
                const user = await users.get(body.userId);
                await teams.create({ owner: user.id });
                await mailer.sendWelcome(user.email);
              } catch (err) {
                // Intentionally ignored: <reason>
              }
            };
          ` },
        ] },
      ],
      output: dedent`
        export const handler = async (event: { body: string }) => {
          try {
            const body = JSON.parse(event.body);
            const user = await users.get(body.userId);
            await teams.create({ owner: user.id });
            await mailer.sendWelcome(user.email);
          } catch (err) {
            console.error("handler failed", err);
          }
        };
      `,
    },
    {
      name: "a Web Storage wrapper that falls back when storage is unavailable: logging, no rethrow (review R29)",
      code: dedent`
        export const storage = {
          removeItem: (key: string) => {
            try {
              window.localStorage.removeItem(key);
            } catch (e) {
              return;
            }
          },
        };
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 17, endLine: 7, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const storage = {
              removeItem: (key: string) => {
                try {
                  window.localStorage.removeItem(key);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  return;
                }
              },
            };
          ` },
        ] },
      ],
      output: dedent`
        export const storage = {
          removeItem: (key: string) => {
            try {
              window.localStorage.removeItem(key);
            } catch (e) {
              console.error("window.localStorage.removeItem failed", { key }, e);
              return;
            }
          },
        };
      `,
    },
    {
      name: "one item of a Promise.all batch: logging, no rethrow that would reject the batch while the other items go on (review R65)",
      code: dedent`
        export async function deleteTeam(teamId: string, customers: string[]) {
          await Promise.all(
            customers.map(async (customer) => {
              try {
                await stripe.subscriptions.cancel(customer);
              } catch (err) {}
            }),
          );
          await db.teams.delete(teamId);
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 21, endLine: 6, endColumn: 23, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function deleteTeam(teamId: string, customers: string[]) {
              await Promise.all(
                customers.map(async (customer) => {
                  try {
                    await stripe.subscriptions.cancel(customer);
                  } catch (err) {
                    // Intentionally ignored: <reason>
                  }
                }),
              );
              await db.teams.delete(teamId);
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function deleteTeam(teamId: string, customers: string[]) {
          await Promise.all(
            customers.map(async (customer) => {
              try {
                await stripe.subscriptions.cancel(customer);
              } catch (err) {
                console.error("stripe.subscriptions.cancel failed", err);
              }
            }),
          );
          await db.teams.delete(teamId);
        }
      `,
    },
    {
      name: "a rejection handler on an element of Promise.all: no rethrow",
      code: dedent`
        export async function syncAll(a: string, b: string) {
          await Promise.all([
            pull(a).catch((err) => console.error("pull failed", err)),
            pull(b).catch((err) => console.error("pull failed", err)),
          ]);
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 19, endLine: 3, endColumn: 61, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function syncAll(a: string, b: string) {
              await Promise.all([
                pull(a).catch((err) => /* Intentionally ignored: <reason> */ console.error("pull failed", err)),
                pull(b).catch((err) => console.error("pull failed", err)),
              ]);
            }
          ` },
        ] },
        { case: "promiseCatchLogOnly", line: 4, column: 19, endLine: 4, endColumn: 61, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function syncAll(a: string, b: string) {
              await Promise.all([
                pull(a).catch((err) => console.error("pull failed", err)),
                pull(b).catch((err) => /* Intentionally ignored: <reason> */ console.error("pull failed", err)),
              ]);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a helper of a one-off script under scripts/ that carries on: no rethrow (review R71)",
      filename: "scripts/helpers/replace.ts",
      code: dedent`
        import fs from "fs";

        export const replace = (path: string, find: string, by: string) => {
          try {
            const content = fs.readFileSync(path, "utf-8");
            fs.writeFileSync(path, content.replace(find, by), "utf-8");
          } catch (error) {
            console.error(\`Error replacing text in \${path}:\`, error);
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import fs from "fs";

            export const replace = (path: string, find: string, by: string) => {
              try {
                const content = fs.readFileSync(path, "utf-8");
                fs.writeFileSync(path, content.replace(find, by), "utf-8");
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(\`Error replacing text in \${path}:\`, error);
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the entry of a script under scripts/ still gets the rethrow: a failed script must not exit 0",
      filename: "scripts/remove-auth-apple.ts",
      code: dedent`
        import fs from "fs";

        async function main() {
          try {
            fs.rmSync("src/auth-apple", { recursive: true });
          } catch (error) {
            console.error("Could not remove the Apple auth module:", error);
          }
        }

        main();
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import fs from "fs";

            async function main() {
              try {
                fs.rmSync("src/auth-apple", { recursive: true });
              } catch (error) {
                console.error("Could not remove the Apple auth module:", error);
                throw error;
              }
            }

            main();
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import fs from "fs";

            async function main() {
              try {
                fs.rmSync("src/auth-apple", { recursive: true });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Could not remove the Apple auth module:", error);
              }
            }

            main();
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a project that sits in a scripts folder is no script: its helper keeps the rethrow",
      filename: "tools/scripts/app/src/replace.ts",
      files: { "tools/scripts/app/package.json": '{ "name": "app" }\n' },
      code: dedent`
        import fs from "fs";

        export const replace = (path: string, find: string, by: string) => {
          try {
            const content = fs.readFileSync(path, "utf-8");
            fs.writeFileSync(path, content.replace(find, by), "utf-8");
          } catch (error) {
            console.error(\`Error replacing text in \${path}:\`, error);
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import fs from "fs";

            export const replace = (path: string, find: string, by: string) => {
              try {
                const content = fs.readFileSync(path, "utf-8");
                fs.writeFileSync(path, content.replace(find, by), "utf-8");
              } catch (error) {
                console.error(\`Error replacing text in \${path}:\`, error);
                throw error;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import fs from "fs";

            export const replace = (path: string, find: string, by: string) => {
              try {
                const content = fs.readFileSync(path, "utf-8");
                fs.writeFileSync(path, content.replace(find, by), "utf-8");
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(\`Error replacing text in \${path}:\`, error);
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that answers not found: the log fix logs a warning, not an error (review R26)",
      code: dedent`
        export async function getLinkData(link: Link) {
          let linkData;
          try {
            linkData = await fetchDocumentLinkData(link.id);
          } catch {
            return { status: "not_found" };
          }
          return { status: "ok", linkData };
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error as a warning with console", output: dedent`
            export async function getLinkData(link: Link) {
              let linkData;
              try {
                linkData = await fetchDocumentLinkData(link.id);
              } catch (err) {
                console.warn("fetchDocumentLinkData failed in getLinkData", err);
                return { status: "not_found" };
              }
              return { status: "ok", linkData };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function getLinkData(link: Link) {
              let linkData;
              try {
                linkData = await fetchDocumentLinkData(link.id);
              } catch {
                // Intentionally ignored: <reason>
                return { status: "not_found" };
              }
              return { status: "ok", linkData };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an invalid token is the caller's failure: warn with console (review R23)",
      code: dedent`
        import jwt from "jsonwebtoken";

        export function readResetToken(hash: string, secret: string) {
          try {
            return jwt.verify(hash, secret) as { userId: string };
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error as a warning with console", output: dedent`
            import jwt from "jsonwebtoken";

            export function readResetToken(hash: string, secret: string) {
              try {
                return jwt.verify(hash, secret) as { userId: string };
              } catch (err) {
                console.warn("jwt.verify failed in readResetToken", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import jwt from "jsonwebtoken";

            export function readResetToken(hash: string, secret: string) {
              try {
                return jwt.verify(hash, secret) as { userId: string };
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an expected not_found answer with pino: logger.warn",
      code: dedent`
        import pino from "pino";

        const logger = pino();

        export async function getLinkData(link: Link) {
          try {
            return { status: "ok", data: await fetchDataroomLinkData(link.id) };
          } catch (err) {
            return { status: "not_found" };
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 5, endLine: 8, endColumn: 16, suggestions: [
          { title: "Log the error as a warning with pino", output: dedent`
            import pino from "pino";

            const logger = pino();

            export async function getLinkData(link: Link) {
              try {
                return { status: "ok", data: await fetchDataroomLinkData(link.id) };
              } catch (err) {
                logger.warn({ err }, "fetchDataroomLinkData failed in getLinkData");
                return { status: "not_found" };
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import pino from "pino";

            const logger = pino();

            export async function getLinkData(link: Link) {
              try {
                return { status: "ok", data: await fetchDataroomLinkData(link.id) };
              } catch (err) {
                // Intentionally ignored: <reason>
                return { status: "not_found" };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a local logger module, shape inferred (object first by default)",
      code: dedent`
        import { logger } from "./lib/logger";

        export async function sync(accountId: string) {
          try {
            await pull(accountId);
          } catch (error) {
            ;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 19, endLine: 8, endColumn: 4, suggestions: [
          { title: "Log with logger and rethrow", output: dedent`
            import { logger } from "./lib/logger";

            export async function sync(accountId: string) {
              try {
                await pull(accountId);
              } catch (error) {
                logger.error({ err: error, accountId }, "pull failed in sync");
                ;
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { logger } from "./lib/logger";

            export async function sync(accountId: string) {
              try {
                await pull(accountId);
              } catch (error) {
                // Intentionally ignored: <reason>
                ;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { logger } from "./lib/logger";

        export async function sync(accountId: string) {
          try {
            await pull(accountId);
          } catch (error) {
            logger.error({ err: error, accountId }, "pull failed in sync");
            ;
          }
        }
      `,
    },
    {
      name: "tabs and no semicolons",
      filename: "src/file.js",
      code: dedent`
        function save(id) {
        	try {
        		store.put(id)
        	} catch {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 10, endLine: 4, endColumn: 12, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function save(id) {
            	try {
            		store.put(id)
            	} catch (err) {
            		console.error("store.put failed in save", { id }, err)
            		throw err
            	}
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function save(id) {
            	try {
            		store.put(id)
            	} catch {
            		// Intentionally ignored: <reason>
            	}
            }
          ` },
        ] },
      ],
      output: dedent`
        function save(id) {
        	try {
        		store.put(id)
        	} catch (err) {
        		console.error("store.put failed in save", { id }, err)
        	}
        }
      `,
    },
    {
      code: dedent`
        async function loadUser(userId: string) {
          try {
            return await db.users.find(userId);
          } catch (e) {
            console.log(e);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function loadUser(userId: string) {
              try {
                return await db.users.find(userId);
              } catch (e) {
                console.log(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function loadUser(userId: string) {
              try {
                return await db.users.find(userId);
              } catch (e) {
                // Intentionally ignored: <reason>
                console.log(e);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "winston, message first, single quotes",
      filename: "src/file.js",
      code: dedent`
        const winston = require('winston');
        const logger = winston.createLogger({});

        async function charge(invoiceId) {
          try {
            await stripe.charge(invoiceId);
          } catch (err) {
            logger.warn('charge failed');
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            const winston = require('winston');
            const logger = winston.createLogger({});

            async function charge(invoiceId) {
              try {
                await stripe.charge(invoiceId);
              } catch (err) {
                // Intentionally ignored: <reason>
                logger.warn('charge failed');
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        const winston = require('winston');
        const logger = winston.createLogger({});

        async function charge(invoiceId) {
          try {
            await stripe.charge(invoiceId);
          } catch (err) {
            logger.warn('charge failed', err);
          }
        }
      `,
    },
    {
      name: "bunyan",
      code: dedent`
        import bunyan from "bunyan";
        const log = bunyan.createLogger({ name: "worker" });

        export async function handle(jobId: string) {
          try {
            await process(jobId);
          } catch (err) {
            log.error(err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import bunyan from "bunyan";
            const log = bunyan.createLogger({ name: "worker" });

            export async function handle(jobId: string) {
              try {
                await process(jobId);
              } catch (err) {
                log.error(err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import bunyan from "bunyan";
            const log = bunyan.createLogger({ name: "worker" });

            export async function handle(jobId: string) {
              try {
                await process(jobId);
              } catch (err) {
                // Intentionally ignored: <reason>
                log.error(err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "NestJS this.logger",
      code: dedent`
        import { Injectable, Logger } from "@nestjs/common";

        @Injectable()
        export class UsersService {
          private readonly logger = new Logger(UsersService.name);

          async remove(userId: string) {
            try {
              await this.repo.delete(userId);
            } catch (e) {
              this.logger.error("remove failed");
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 10, column: 7, endLine: 10, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            import { Injectable, Logger } from "@nestjs/common";

            @Injectable()
            export class UsersService {
              private readonly logger = new Logger(UsersService.name);

              async remove(userId: string) {
                try {
                  await this.repo.delete(userId);
                } catch (e) {
                  this.logger.error("remove failed", e);
                  throw e;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { Injectable, Logger } from "@nestjs/common";

            @Injectable()
            export class UsersService {
              private readonly logger = new Logger(UsersService.name);

              async remove(userId: string) {
                try {
                  await this.repo.delete(userId);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  this.logger.error("remove failed");
                }
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { Injectable, Logger } from "@nestjs/common";

        @Injectable()
        export class UsersService {
          private readonly logger = new Logger(UsersService.name);

          async remove(userId: string) {
            try {
              await this.repo.delete(userId);
            } catch (e) {
              this.logger.error("remove failed", e);
            }
          }
        }
      `,
    },
    {
      name: "pino, loop continue; the secret-named parameter is never logged",
      code: dedent`
        import pino from "pino";
        const logger = pino();

        export async function drain(queue: string, password: string) {
          for (const msg of await receive(queue, password)) {
            try {
              await handleMessage(msg);
            } catch (err) {
              logger.error({ err }, "message failed");
              continue;
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 7, endLine: 8, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import pino from "pino";
            const logger = pino();

            export async function drain(queue: string, password: string) {
              for (const msg of await receive(queue, password)) {
                try {
                  await handleMessage(msg);
                } catch (err) {
                  // Intentionally ignored: <reason>
                  logger.error({ err }, "message failed");
                  continue;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "Fastify request.log",
      code: dedent`
        fastify.get("/items/:id", async (request, reply) => {
          try {
            return await items.get(request.params.id);
          } catch (err) {
            request.log.warn("lookup failed");
            return { items: [] };
          }
        });
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            fastify.get("/items/:id", async (request, reply) => {
              try {
                return await items.get(request.params.id);
              } catch (err) {
                // Intentionally ignored: <reason>
                request.log.warn("lookup failed");
                return { items: [] };
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        fastify.get("/items/:id", async (request, reply) => {
          try {
            return await items.get(request.params.id);
          } catch (err) {
            request.log.warn({ err }, "lookup failed");
            return { items: [] };
          }
        });
      `,
    },
    {
      code: dedent`
        export function readConfig(path: string) {
          try {
            return JSON.parse(fs.readFileSync(path, "utf8"));
          } catch {
            return {};
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function readConfig(path: string) {
              try {
                return JSON.parse(fs.readFileSync(path, "utf8"));
              } catch (err) {
                console.error("readConfig failed", { path }, err);
                return {};
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function readConfig(path: string) {
              try {
                return JSON.parse(fs.readFileSync(path, "utf8"));
              } catch {
                // Intentionally ignored: <reason>
                return {};
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "assigning a fallback",
      code: dedent`
        let settings;
        try {
          settings = load();
        } catch (e) {
          settings = DEFAULTS;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 3, endLine: 4, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            let settings;
            try {
              settings = load();
            } catch (e) {
              console.error("load failed", e);
              settings = DEFAULTS;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            let settings;
            try {
              settings = load();
            } catch (e) {
              // Intentionally ignored: <reason>
              settings = DEFAULTS;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: dedent`
        async function connect(url: string) {
          try {
            return await client.connect(url);
          } catch (e) {
            throw new Error("Database unavailable");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 14 },
      ],
      output: dedent`
        async function connect(url: string) {
          try {
            return await client.connect(url);
          } catch (e) {
            throw new Error("Database unavailable", { cause: e });
          }
        }
      `,
    },
    {
      name: "adds a binding",
      code: dedent`
        function parseConfig(text: string) {
          try {
            return JSON.parse(text);
          } catch {
            throw new TypeError("config is not JSON");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 10 },
      ],
      output: dedent`
        function parseConfig(text: string) {
          try {
            return JSON.parse(text);
          } catch (err) {
            throw new TypeError("config is not JSON", { cause: err });
          }
        }
      `,
    },
    {
      name: "target before ES2022: Object.assign form",
      files: {
        "tsconfig.json": dedent`
          {
            // old toolchain
            "compilerOptions": { "target": "ES2019" }
          }
        `,
      },
      code: dedent`
        function parseConfig(text: string) {
          try {
            return JSON.parse(text);
          } catch (err) {
            throw new Error("config is not JSON");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow with cause via Object.assign (target predates ES2022)", output: dedent`
            function parseConfig(text: string) {
              try {
                return JSON.parse(text);
              } catch (err) {
                throw Object.assign(new Error("config is not JSON"), { cause: err });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "custom error class: suggestion only",
      code: dedent`
        async function pay(orderId: string) {
          try {
            await gateway.pay(orderId);
          } catch (e) {
            throw new PaymentError("payment failed");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Pass the caught error to PaymentError as { cause }", output: dedent`
            async function pay(orderId: string) {
              try {
                await gateway.pay(orderId);
              } catch (e) {
                throw new PaymentError("payment failed", { cause: e });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: dedent`
        async function readCache(file: string) {
          try {
            return await fs.promises.readFile(file, "utf8");
          } catch (err) {
            if (err.code === "ENOENT") return null;
          }
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the errors the check does not expect", output: dedent`
            async function readCache(file: string) {
              try {
                return await fs.promises.readFile(file, "utf8");
              } catch (err) {
                if (err.code === "ENOENT") return null;
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function readCache(file: string) {
              try {
                return await fs.promises.readFile(file, "utf8");
              } catch (err) {
                // Intentionally ignored: <reason>
                if (err.code === "ENOENT") return null;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        async function readCache(file: string) {
          try {
            return await fs.promises.readFile(file, "utf8");
          } catch (err) {
            if (err.code === "ENOENT") return null;
            console.error("fs.promises.readFile failed in readCache", { file }, err);
          }
        }
      `,
    },
    {
      name: "branch that falls through: else rethrows",
      code: dedent`
        async function fetchPage(url: string) {
          try {
            return await fetch(url, { signal });
          } catch (e) {
            if (e instanceof AbortError) {
              console.log("aborted");
            }
          }
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Rethrow the errors the check does not expect", output: dedent`
            async function fetchPage(url: string) {
              try {
                return await fetch(url, { signal });
              } catch (e) {
                if (e instanceof AbortError) {
                  console.log("aborted");
                } else {
                  throw e;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function fetchPage(url: string) {
              try {
                return await fetch(url, { signal });
              } catch (e) {
                // Intentionally ignored: <reason>
                if (e instanceof AbortError) {
                  console.log("aborted");
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an else that only logs: no safe fix",
      code: dedent`
        async function fetchPage(url: string) {
          try {
            return await fetch(url);
          } catch (e) {
            if (e.name === "AbortError") return null;
            else console.warn("fetch failed");
          }
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function fetchPage(url: string) {
              try {
                return await fetch(url);
              } catch (e) {
                // Intentionally ignored: <reason>
                if (e.name === "AbortError") return null;
                else console.warn("fetch failed");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: dedent`
        export function warmUp(tenantId: string) {
          cache.prime(tenantId).catch(() => {});
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 31, endLine: 2, endColumn: 39, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function warmUp(tenantId: string) {
              cache.prime(tenantId).catch(() => {
                // Intentionally ignored: <reason>
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        export function warmUp(tenantId: string) {
          cache.prime(tenantId).catch((err) => {
            console.error("cache.prime failed in warmUp", { tenantId }, err);
          });
        }
      `,
    },
    {
      code: dedent`
        async function getUser(id: string) {
          const user = await api.user(id).catch(() => null);
          return user;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 41, endLine: 2, endColumn: 51, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function getUser(id: string) {
              const user = await api.user(id).catch(() => /* Intentionally ignored: <reason> */ null);
              return user;
            }
          ` },
        ] },
      ],
      output: dedent`
        async function getUser(id: string) {
          const user = await api.user(id).catch((err) => {
            console.error("api.user failed in getUser", { id }, err);
            return null;
          });
          return user;
        }
      `,
    },
    {
      code: dedent`
        export function ping() {
          telemetry.send().catch(noop);
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 26, endLine: 2, endColumn: 30, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function ping() {
              telemetry.send().catch((err) => {
                console.error("telemetry.send failed in ping", err);
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a regular expression holding `/*` in a catch is not a comment",
      code: "function load(id: string) { try { return fetchOne(id); } catch (e) { console.log(String(e).replace(/\\/*$/, \"\")); } }\n",
      findings: [
        { case: "logAndContinue", line: 1, column: 58, endLine: 1, endColumn: 67, suggestions: [
          { title: "Rethrow the error", output: "function load(id: string) { try { return fetchOne(id); } catch (e) { console.log(String(e).replace(/\\/*$/, \"\")); throw e; } }\n" },
          { title: "Mark as intentionally ignored…", output: "function load(id: string) { try { return fetchOne(id); } catch (e) { /* Intentionally ignored: <reason> */ console.log(String(e).replace(/\\/*$/, \"\")); } }\n" },
        ] },
      ],
      output: null,
    },
    {
      name: "a doc comment about errors does not excuse a rethrow that drops the cause",
      code: "/** Connects; errors go to the caller. */\nexport async function connect(url: string) { try { return await client.connect(url); } catch (e) { throw new Error(\"Database unavailable\"); } }\n",
      findings: [
        { case: "rethrowWithoutCause", line: 2, column: 88, endLine: 2, endColumn: 97, suggestions: [] },
      ],
      output: "/** Connects; errors go to the caller. */\nexport async function connect(url: string) { try { return await client.connect(url); } catch (e) { throw new Error(\"Database unavailable\", { cause: e }); } }\n",
    },
    {
      name: "a script's top-level .catch(console.error) under a comment that does not talk about the failure (exit code 0)",
      code: "// Run the script\ncreateUsers().then(() => check()).catch(console.error);\n",
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 41, endLine: 2, endColumn: 54, suggestions: [
          { title: "Set process.exitCode after logging", output: "// Run the script\ncreateUsers().then(() => check()).catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});\n" },
        ] },
      ],
      output: null,
    },
    {
      name: "CLI entry point: log and set exitCode",
      code: "main().catch(console.error);\n",
      findings: [
        { case: "promiseCatchLogOnly", line: 1, column: 14, endLine: 1, endColumn: 27, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            main().catch((err) => {
              console.error(err);
              process.exitCode = 1;
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: dedent`
        export function refresh(sessionId: string) {
          store.touch(sessionId).catch((err) => console.warn("touch failed", err));
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 32, endLine: 2, endColumn: 74, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function refresh(sessionId: string) {
              store.touch(sessionId).catch((err) => /* Intentionally ignored: <reason> */ console.warn("touch failed", err));
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: dedent`
        export function load(userId: string) {
          return api.get(userId).then((r) => r.data, () => undefined);
        }
      `,
      findings: [
        { case: "thenRejectionNoop", line: 2, column: 46, endLine: 2, endColumn: 61, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export function load(userId: string) {
              return api.get(userId).then((r) => r.data, (err) => {
                console.error("api.get failed in load", { userId }, err);
                throw err;
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function load(userId: string) {
              return api.get(userId).then((r) => r.data, () => /* Intentionally ignored: <reason> */ undefined);
            }
          ` },
        ] },
      ],
      output: dedent`
        export function load(userId: string) {
          return api.get(userId).then((r) => r.data, (err) => {
            console.error("api.get failed in load", { userId }, err);
            return undefined;
          });
        }
      `,
    },
    {
      filename: "src/file.js",
      code: dedent`
        fs.readFile(file, "utf8", (err, text) => {
          render(text);
        });
      `,
      findings: [
        { case: "ignoredCallbackError", line: 1, column: 28, endLine: 1, endColumn: 31, suggestions: [
          { title: "Check err, log it with console and return", output: dedent`
            fs.readFile(file, "utf8", (err, text) => {
              if (err) {
                console.error("fs.readFile failed", { file }, err);
                return;
              }
              render(text);
            });
          ` },
        ] },
      ],
      output: dedent`
        fs.readFile(file, "utf8", (err, text) => {
          if (err) console.error("fs.readFile failed", { file }, err);
          render(text);
        });
      `,
    },
    {
      name: "checked and dropped, a callback in scope",
      filename: "src/file.js",
      code: dedent`
        function load(file, done) {
          fs.readFile(file, (err, buf) => {
            if (err) return;
            done(null, buf);
          });
        }
      `,
      findings: [
        { case: "ignoredCallbackError", line: 2, column: 22, endLine: 2, endColumn: 25, suggestions: [
          { title: "Check err and pass it to done", output: dedent`
            function load(file, done) {
              fs.readFile(file, (err, buf) => {
                if (err) return done(err);
                done(null, buf);
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        function load(file, done) {
          fs.readFile(file, (err, buf) => {
            if (err) {
              console.error("fs.readFile failed in load", { file }, err);
              return;
            }
            done(null, buf);
          });
        }
      `,
    },
    {
      code: "fs.unlink(tmpPath, () => {});\n",
      findings: [
        { case: "noopCallback", line: 1, column: 20, endLine: 1, endColumn: 28, suggestions: [
          { title: "Log the callback error with console", output: dedent`
            fs.unlink(tmpPath, (err) => {
              if (err) console.error("fs.unlink failed", err);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      filename: "src/file.js",
      code: dedent`
        const fs = require("fs");
        fs.rm(dir, { recursive: true }, noop);
      `,
      findings: [
        { case: "noopCallback", line: 2, column: 33, endLine: 2, endColumn: 37, suggestions: [
          { title: "Log the callback error with console", output: dedent`
            const fs = require("fs");
            fs.rm(dir, { recursive: true }, (err) => {
              if (err) console.error("fs.rm failed", { dir }, err);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: "process.on(\"unhandledRejection\", () => {});\n",
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 34, endLine: 1, endColumn: 42, suggestions: [
          { title: "Log the error with console", output: dedent`
            process.on("unhandledRejection", (err) => {
              console.error("unhandledRejection", err);
            });
          ` },
          { title: "Log with console and exit", output: dedent`
            process.on("unhandledRejection", (err) => {
              console.error("unhandledRejection", err);
              process.exit(1);
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            process.on("unhandledRejection", () => {
              // Intentionally ignored: <reason>
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      filename: "src/file.js",
      code: "socket.on(\"error\", noop);\n",
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 20, endLine: 1, endColumn: 24, suggestions: [
          { title: "Log the error with console", output: dedent`
            socket.on("error", (err) => {
              console.error("socket error", err);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      code: "ws.onerror = () => {};\n",
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 14, endLine: 1, endColumn: 22, suggestions: [
          { title: "Log the error with console", output: dedent`
            ws.onerror = (err) => {
              console.error("ws error", err);
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            ws.onerror = () => {
              // Intentionally ignored: <reason>
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an error listener that resolves as if it succeeded",
      code: dedent`
        function download(url: string) {
          return new Promise((resolve, reject) => {
            const file = get(url);
            file.on("error", () => resolve(null));
            file.on("end", () => resolve(file));
          });
        }
      `,
      findings: [
        { case: "emptyErrorHandler", line: 4, column: 22, endLine: 4, endColumn: 41, suggestions: [
          { title: "Log the error with console", output: dedent`
            function download(url: string) {
              return new Promise((resolve, reject) => {
                const file = get(url);
                file.on("error", (err) => {
                  console.error("file error", err);
                  return resolve(null);
                });
                file.on("end", () => resolve(file));
              });
            }
          ` },
          { title: "Reject with the error", output: dedent`
            function download(url: string) {
              return new Promise((resolve, reject) => {
                const file = get(url);
                file.on("error", (err) => reject(err));
                file.on("end", () => resolve(file));
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function download(url: string) {
              return new Promise((resolve, reject) => {
                const file = get(url);
                file.on("error", () => /* Intentionally ignored: <reason> */ resolve(null));
                file.on("end", () => resolve(file));
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a batch that sends: log each rejection (safe), no throw that would make a retry send again",
      code: dedent`
        export async function notifyAll(users: User[]) {
          await Promise.allSettled(users.map((u) => mailer.send(u)));
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 3, endLine: 2, endColumn: 61 },
      ],
      output: dedent`
        export async function notifyAll(users: User[]) {
          const settled = await Promise.allSettled(users.map((u) => mailer.send(u)));
          for (const result of settled) if (result.status === "rejected") console.error("mailer.send failed in notifyAll", result.reason);
        }
      `,
    },
    {
      name: "a batch that creates rows after the function created its own: log the rejections, no throw that would answer an error for work that is done (review R44, R74)",
      code: dedent`
        async function duplicateFolders(dataroomId: string, folder: Folder, parentId?: string) {
          const copy = await prisma.dataroomFolder.create({ data: { name: folder.name, parentId, dataroomId } });
          await Promise.allSettled(folder.children.map((child) => duplicateFolders(dataroomId, child, copy.id)));
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 3, column: 3, endLine: 3, endColumn: 105 },
      ],
      output: dedent`
        async function duplicateFolders(dataroomId: string, folder: Folder, parentId?: string) {
          const copy = await prisma.dataroomFolder.create({ data: { name: folder.name, parentId, dataroomId } });
          const settled = await Promise.allSettled(folder.children.map((child) => duplicateFolders(dataroomId, child, copy.id)));
          for (const result of settled) if (result.status === "rejected") console.error("duplicateFolders failed", result.reason);
        }
      `,
    },
    {
      name: "two unread batches in one block (papermark duplicate.ts): each keeps its results under its own name, so --fix applying both declares no name twice",
      code: dedent`
        async function duplicateFolders(dataroomId: string, folder: Folder, parentId?: string) {
          const copy = await prisma.dataroomFolder.create({ data: { name: folder.name, parentId, dataroomId } });
          await Promise.allSettled(folder.documents.map((doc) => prisma.dataroomDocument.create({ data: { documentId: doc.id, folderId: copy.id } })));
          await Promise.allSettled(folder.children.map((child) => duplicateFolders(dataroomId, child, copy.id)));
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 3, column: 3, endLine: 3, endColumn: 143 },
        { case: "allSettledUnchecked", line: 4, column: 3, endLine: 4, endColumn: 105 },
      ],
      output: dedent`
        async function duplicateFolders(dataroomId: string, folder: Folder, parentId?: string) {
          const copy = await prisma.dataroomFolder.create({ data: { name: folder.name, parentId, dataroomId } });
          const settled = await Promise.allSettled(folder.documents.map((doc) => prisma.dataroomDocument.create({ data: { documentId: doc.id, folderId: copy.id } })));
          for (const result of settled) if (result.status === "rejected") console.error("prisma.dataroomDocument.create failed in duplicateFolders", result.reason);
          const settled2 = await Promise.allSettled(folder.children.map((child) => duplicateFolders(dataroomId, child, copy.id)));
          for (const result of settled2) if (result.status === "rejected") console.error("duplicateFolders failed", result.reason);
        }
      `,
    },
    {
      name: "three unread batches in one block: settled, settled2, settled3 in order",
      code: dedent`
        export async function notifyAll(users: User[]) {
          await Promise.allSettled(users.map((u) => mailer.send(u)));
          await Promise.allSettled(users.map((u) => sms.send(u)));
          await Promise.allSettled(users.map((u) => push.send(u)));
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 3, endLine: 2, endColumn: 61 },
        { case: "allSettledUnchecked", line: 3, column: 3, endLine: 3, endColumn: 58 },
        { case: "allSettledUnchecked", line: 4, column: 3, endLine: 4, endColumn: 59 },
      ],
      output: dedent`
        export async function notifyAll(users: User[]) {
          const settled = await Promise.allSettled(users.map((u) => mailer.send(u)));
          for (const result of settled) if (result.status === "rejected") console.error("mailer.send failed in notifyAll", result.reason);
          const settled2 = await Promise.allSettled(users.map((u) => sms.send(u)));
          for (const result of settled2) if (result.status === "rejected") console.error("sms.send failed in notifyAll", result.reason);
          const settled3 = await Promise.allSettled(users.map((u) => push.send(u)));
          for (const result of settled3) if (result.status === "rejected") console.error("push.send failed in notifyAll", result.reason);
        }
      `,
    },
    {
      name: "unread batches in nested blocks and a nested function: numbered over the outermost function, so none shadows another",
      code: dedent`
        export async function notifyAll(users: User[], full: boolean) {
          await Promise.allSettled(users.map((u) => mailer.send(u)));
          if (full) {
            await Promise.allSettled(users.map((u) => sms.send(u)));
            for (const u of users) {
              await Promise.allSettled(u.devices.map((d) => push.send(d)));
            }
          }
          const later = async () => {
            await Promise.allSettled(users.map((u) => audit.write(u)));
          };
          await later();
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 3, endLine: 2, endColumn: 61 },
        { case: "allSettledUnchecked", line: 4, column: 5, endLine: 4, endColumn: 60 },
        { case: "allSettledUnchecked", line: 6, column: 7, endLine: 6, endColumn: 67 },
        { case: "allSettledUnchecked", line: 10, column: 5, endLine: 10, endColumn: 63 },
      ],
      output: dedent`
        export async function notifyAll(users: User[], full: boolean) {
          const settled = await Promise.allSettled(users.map((u) => mailer.send(u)));
          for (const result of settled) if (result.status === "rejected") console.error("mailer.send failed in notifyAll", result.reason);
          if (full) {
            const settled2 = await Promise.allSettled(users.map((u) => sms.send(u)));
            for (const result of settled2) if (result.status === "rejected") console.error("sms.send failed in notifyAll", result.reason);
            for (const u of users) {
              const settled3 = await Promise.allSettled(u.devices.map((d) => push.send(d)));
              for (const result of settled3) if (result.status === "rejected") console.error("push.send failed in notifyAll", result.reason);
            }
          }
          const later = async () => {
            const settled4 = await Promise.allSettled(users.map((u) => audit.write(u)));
            for (const result of settled4) if (result.status === "rejected") console.error("audit.write failed in later", result.reason);
          };
          await later();
        }
      `,
    },
    {
      name: "a function that already uses `settled`: the results go under the first name it does not use",
      code: dedent`
        export async function notifyAll(users: User[]) {
          let settled = false;
          await Promise.allSettled(users.map((u) => mailer.send(u)));
          settled = true;
          return settled;
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 3, column: 3, endLine: 3, endColumn: 61 },
      ],
      output: dedent`
        export async function notifyAll(users: User[]) {
          let settled = false;
          const settled2 = await Promise.allSettled(users.map((u) => mailer.send(u)));
          for (const result of settled2) if (result.status === "rejected") console.error("mailer.send failed in notifyAll", result.reason);
          settled = true;
          return settled;
        }
      `,
    },
    {
      name: "a batch that only reads: the log through the project's logger, and the throw as a suggestion",
      code: dedent`
        import { logger } from "./logger";

        export async function warmCaches(keys: string[]) {
          await Promise.allSettled(keys.map((key) => cache.load(key)));
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 4, column: 3, endLine: 4, endColumn: 63, suggestions: [
          { title: "Throw the first rejection after all settle", output: dedent`
            import { logger } from "./logger";

            export async function warmCaches(keys: string[]) {
              const settled = await Promise.allSettled(keys.map((key) => cache.load(key)));
              for (const result of settled) if (result.status === "rejected") throw result.reason;
            }
          ` },
        ] },
      ],
      output: dedent`
        import { logger } from "./logger";

        export async function warmCaches(keys: string[]) {
          const settled = await Promise.allSettled(keys.map((key) => cache.load(key)));
          for (const result of settled) if (result.status === "rejected") logger.error({ err: result.reason }, "cache.load failed in warmCaches");
        }
      `,
    },
    {
      name: "results assigned and never read",
      code: dedent`
        export async function notifyAll(users: User[]) {
          const results = await Promise.allSettled(users.map((u) => mailer.send(u)));
          return users.length;
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 19, endLine: 2, endColumn: 77 },
      ],
      output: null,
    },
    {
      name: "a lint directive explains nothing",
      code: dedent`
        try {
          cleanup();
        } catch (e) { /* eslint-disable-line no-empty */ }
      `,
      findings: [
        { case: "emptyCatch", line: 3, column: 13, endLine: 3, endColumn: 51, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            try {
              cleanup();
            } catch (e) { console.error("cleanup failed", e); throw e; /* eslint-disable-line no-empty */ }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            try {
              cleanup();
            } catch (e) {
              // Intentionally ignored: <reason>
            }
          ` },
        ] },
      ],
      output: dedent`
        try {
          cleanup();
        } catch (e) { console.error("cleanup failed", e); /* eslint-disable-line no-empty */ }
      `,
    },
    {
      name: "an instanceof Error test is not a specific check",
      code: dedent`
        export async function save(form: Form) {
          try {
            await api.save(form);
          } catch (error) {
            if (error instanceof Error) console.error(error.message);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function save(form: Form) {
              try {
                await api.save(form);
              } catch (error) {
                if (error instanceof Error) console.error(error.message);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function save(form: Form) {
              try {
                await api.save(form);
              } catch (error) {
                // Intentionally ignored: <reason>
                if (error instanceof Error) console.error(error.message);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a 4xx answer for the expected error does not handle the others",
      code: dedent`
        router.post("/notes", async (req, res) => {
          try {
            await notes.add(req.body);
            res.status(201).end();
          } catch (err) {
            if (err.name === "ValidationError") return res.status(422).json({ error: err.message });
          }
        });
      `,
      findings: [
        { case: "partialErrorCheck", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the errors the check does not expect", output: dedent`
            router.post("/notes", async (req, res) => {
              try {
                await notes.add(req.body);
                res.status(201).end();
              } catch (err) {
                if (err.name === "ValidationError") return res.status(422).json({ error: err.message });
                throw err;
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            router.post("/notes", async (req, res) => {
              try {
                await notes.add(req.body);
                res.status(201).end();
              } catch (err) {
                // Intentionally ignored: <reason>
                if (err.name === "ValidationError") return res.status(422).json({ error: err.message });
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        router.post("/notes", async (req, res) => {
          try {
            await notes.add(req.body);
            res.status(201).end();
          } catch (err) {
            if (err.name === "ValidationError") return res.status(422).json({ error: err.message });
            console.error("notes.add failed in POST /notes", err);
          }
        });
      `,
    },
    {
      name: "Lambda: named after the export",
      filename: "src/handler.js",
      code: dedent`
        exports.handler = async (event) => {
          try {
            return await process(event);
          } catch (err) {
            console.error(err);
            return { statusCode: 200, body: "{}" };
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            exports.handler = async (event) => {
              try {
                return await process(event);
              } catch (err) {
                console.error(err);
                throw err;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            exports.handler = async (event) => {
              try {
                return await process(event);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error(err);
                return { statusCode: 200, body: "{}" };
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "test code that does not assert still swallows (a setup hook: only teardown is exempt)",
      filename: "test/orders.test.ts",
      code: dedent`
        beforeEach(async () => {
          try {
            await resetDb();
          } catch {}
        });
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 11, endLine: 4, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            beforeEach(async () => {
              try {
                await resetDb();
              } catch (err) {
                console.error("resetDb failed", err);
                throw err;
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            beforeEach(async () => {
              try {
                await resetDb();
              } catch {
                // Intentionally ignored: <reason>
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        beforeEach(async () => {
          try {
            await resetDb();
          } catch (err) {
            console.error("resetDb failed", err);
          }
        });
      `,
    },
    {
      name: "preventDefault silences the browser's report",
      filename: "src/app.tsx",
      code: "window.addEventListener(\"unhandledrejection\", (e) => e.preventDefault());\n",
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 47, endLine: 1, endColumn: 72, suggestions: [
          { title: "Mark as intentionally ignored…", output: "window.addEventListener(\"unhandledrejection\", (e) => /* Intentionally ignored: <reason> */ e.preventDefault());\n" },
        ] },
      ],
      output: dedent`
        window.addEventListener("unhandledrejection", (e) => {
          console.error("unhandledrejection", e);
          return e.preventDefault();
        });
      `,
    },
    {
      name: "onerror returning true",
      filename: "src/app.tsx",
      code: dedent`
        window.onerror = function () {
          return true;
        };
      `,
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 18, endLine: 3, endColumn: 2, suggestions: [
          { title: "Log the error with console", output: dedent`
            window.onerror = function (err) {
              console.error("window error", err);
              return true;
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            window.onerror = function () {
              // Intentionally ignored: <reason>
              return true;
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a named no-op in the callback position of any API",
      filename: "src/file.js",
      code: "redis.expire(key, 60, noop);\n",
      findings: [
        { case: "noopCallback", line: 1, column: 23, endLine: 1, endColumn: 27, suggestions: [
          { title: "Log the callback error with console", output: dedent`
            redis.expire(key, 60, (err) => {
              if (err) console.error("redis.expire failed", { key }, err);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a rejection handler that reports success",
      filename: "src/file.js",
      code: "instance.redis.quit().then(() => done(), () => done());\n",
      findings: [
        { case: "thenRejectionNoop", line: 1, column: 42, endLine: 1, endColumn: 54, suggestions: [
          { title: "Pass the error to done", output: "instance.redis.quit().then(() => done(), (err) => done(err));\n" },
          { title: "Mark as intentionally ignored…", output: "instance.redis.quit().then(() => done(), () => /* Intentionally ignored: <reason> */ done());\n" },
        ] },
      ],
      output: dedent`
        instance.redis.quit().then(() => done(), (err) => {
          console.error("instance.redis.quit failed", err);
          return done();
        });
      `,
    },
    {
      name: "exit 0 after a failure",
      code: "stop().then(() => process.exit(0), () => process.exit(0));\n",
      findings: [
        { case: "thenRejectionNoop", line: 1, column: 36, endLine: 1, endColumn: 57, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            stop().then(() => process.exit(0), (err) => {
              console.error("stop failed", err);
              process.exitCode = 1;
            });
          ` },
          { title: "Mark as intentionally ignored…", output: "stop().then(() => process.exit(0), () => /* Intentionally ignored: <reason> */ process.exit(0));\n" },
        ] },
      ],
      output: dedent`
        stop().then(() => process.exit(0), (err) => {
          console.error("stop failed", err);
          return process.exit(0);
        });
      `,
    },
    {
      name: "log-only catch in an Express handler keeps its log and passes the error to next",
      code: dedent`
        router.get("/items", async (req, res, next) => {
          try {
            res.json(await items.list());
          } catch (err) {
            console.warn("listing items failed");
          }
        });
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Pass the error to next", output: dedent`
            router.get("/items", async (req, res, next) => {
              try {
                res.json(await items.list());
              } catch (err) {
                console.warn("listing items failed", err);
                return next(err);
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            router.get("/items", async (req, res, next) => {
              try {
                res.json(await items.list());
              } catch (err) {
                // Intentionally ignored: <reason>
                console.warn("listing items failed");
              }
            });
          ` },
        ] },
      ],
      output: dedent`
        router.get("/items", async (req, res, next) => {
          try {
            res.json(await items.list());
          } catch (err) {
            console.warn("listing items failed", err);
          }
        });
      `,
    },
    {
      name: "loggers of any name and case: `Logger.warn`",
      code: "function f2() { try { f(); } catch (e) { Logger.warn(\"f failed\"); } }\n",
      findings: [
        { case: "logAndContinue", line: 1, column: 30, endLine: 1, endColumn: 39, suggestions: [
          { title: "Mark as intentionally ignored…", output: "function f2() { try { f(); } catch (e) { /* Intentionally ignored: <reason> */ Logger.warn(\"f failed\"); } }\n" },
        ] },
      ],
      output: "function f2() { try { f(); } catch (e) { Logger.warn(\"f failed\", e); } }\n",
    },
    {
      name: "`throw Error(…)` without `new`",
      code: "function parse(s: string) { try { return JSON.parse(s); } catch (e) { throw Error(\"bad JSON\"); } }\n",
      findings: [
        { case: "rethrowWithoutCause", line: 1, column: 59, endLine: 1, endColumn: 68, suggestions: [
          { title: "Rethrow with { cause }", output: "function parse(s: string) { try { return JSON.parse(s); } catch (e) { throw Error(\"bad JSON\", { cause: e }); } }\n" },
        ] },
      ],
      output: null,
    },
    {
      name: "`.catch(() => { throw new Error(…) })` drops the rejection",
      code: dedent`
        export function load(id: string) {
          return api.get(id).catch(() => {
            throw new Error("load failed");
          });
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 2, column: 28, endLine: 2, endColumn: 33 },
      ],
      output: dedent`
        export function load(id: string) {
          return api.get(id).catch((err) => {
            throw new Error("load failed", { cause: err });
          });
        }
      `,
    },
    {
      name: "`next(new Error(…))` drops the caught error",
      code: dedent`
        app.get("/x", async (req, res, next) => {
          try {
            res.json(await f());
          } catch (err) {
            next(new Error("lookup failed"));
          }
        });
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16 },
      ],
      output: dedent`
        app.get("/x", async (req, res, next) => {
          try {
            res.json(await f());
          } catch (err) {
            next(new Error("lookup failed", { cause: err }));
          }
        });
      `,
    },
    {
      name: "a callback that leaves out its error parameter (express-session)",
      code: dedent`
        app.post("/logout", (req, res) => {
          req.session.destroy(() => {
            res.redirect("/");
          });
        });
      `,
      findings: [
        { case: "ignoredCallbackError", line: 2, column: 23, endLine: 2, endColumn: 28, suggestions: [
          { title: "Log err with console", output: dedent`
            app.post("/logout", (req, res) => {
              req.session.destroy((err) => {
                if (err) console.error("req.session.destroy failed in POST /logout", err);
                res.redirect("/");
              });
            });
          ` },
          { title: "Check err, log it with console and return", output: dedent`
            app.post("/logout", (req, res) => {
              req.session.destroy((err) => {
                if (err) {
                  console.error("req.session.destroy failed in POST /logout", err);
                  return;
                }
                res.redirect("/");
              });
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "`if (!err && …)` drops the error",
      filename: "src/file.js",
      code: dedent`
        jwt.verify(token, secret, (err, payload) => {
          if (!err && payload) req.user = payload;
          next();
        });
      `,
      findings: [
        { case: "ignoredCallbackError", line: 1, column: 28, endLine: 1, endColumn: 31, suggestions: [
          { title: "Check err, log it with console and return", output: dedent`
            jwt.verify(token, secret, (err, payload) => {
              if (err) {
                console.error("jwt.verify failed", err);
                return;
              }
              if (!err && payload) req.user = payload;
              next();
            });
          ` },
        ] },
      ],
      output: dedent`
        jwt.verify(token, secret, (err, payload) => {
          if (err) console.error("jwt.verify failed", err);
          if (!err && payload) req.user = payload;
          next();
        });
      `,
    },
    {
      name: "a log plus one cleanup call, then carrying on",
      code: dedent`
        async function runJob(job: Job) {
          try {
            await job.run();
          } catch (e) {
            console.error("job failed");
            await conn.close();
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function runJob(job: Job) {
              try {
                await job.run();
              } catch (e) {
                console.error("job failed", e);
                await conn.close();
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function runJob(job: Job) {
              try {
                await job.run();
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error("job failed");
                await conn.close();
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        async function runJob(job: Job) {
          try {
            await job.run();
          } catch (e) {
            console.error("job failed", e);
            await conn.close();
          }
        }
      `,
    },
    {
      name: "a 200 answer with a default body",
      code: dedent`
        export async function GET() {
          try {
            return NextResponse.json(await list());
          } catch (e) {
            console.error(e);
            return NextResponse.json({ items: [] });
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function GET() {
              try {
                return NextResponse.json(await list());
              } catch (e) {
                console.error(e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function GET() {
              try {
                return NextResponse.json(await list());
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
                return NextResponse.json({ items: [] });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "candidates tried in turn, then a made-up answer after the loop: reported",
      code: dedent`
        async function slides(keys: string[]) {
          for (const key of keys) {
            try {
              return await generate(key);
            } catch (error) {
              logger.warn("generation failed", error);
            }
          }
          return fallbackSlides();
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function slides(keys: string[]) {
              for (const key of keys) {
                try {
                  return await generate(key);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.warn("generation failed", error);
                }
              }
              return fallbackSlides();
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL parse followed by a fetch in the same try: the new error hides which failed",
      code: dedent`
        async function ping(value: string) {
          try {
            const u = new URL(value);
            await fetch(u);
          } catch {
            throw new Error("invalid URL");
          }
        }
      `,
      findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [] }],
      output: dedent`
        async function ping(value: string) {
          try {
            const u = new URL(value);
            await fetch(u);
          } catch (err) {
            throw new Error("invalid URL", { cause: err });
          }
        }
      `,
    },
    {
      name: "an *Unsafe suffix promises no fallback",
      code: dedent`
        function parseUnsafe(value: string) {
          try {
            return JSON.parse(value);
          } catch {
            return {};
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            function parseUnsafe(value: string) {
              try {
                return JSON.parse(value);
              } catch (err) {
                console.error("JSON.parse failed in parseUnsafe", err);
                return {};
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function parseUnsafe(value: string) {
              try {
                return JSON.parse(value);
              } catch {
                // Intentionally ignored: <reason>
                return {};
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same log-only catch in the try block, not in its finally: reported",
      code: dedent`
        async function render(job: Job) {
          try {
            await rm(await renderJob(job), { recursive: true });
          } catch (error) {
            console.error("render failed", error);
          } finally {
            await release(job);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function render(job: Job) {
              try {
                await rm(await renderJob(job), { recursive: true });
              } catch (error) {
                console.error("render failed", error);
                throw error;
              } finally {
                await release(job);
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function render(job: Job) {
              try {
                await rm(await renderJob(job), { recursive: true });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("render failed", error);
              } finally {
                await release(job);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a fallback attempt nested in a catch that never reads its own error: the log-only inner catch is reported",
      code: dedent`
        async function upload(file: Blob) {
          try {
            await primary.put(file);
          } catch (error) {
            try {
              await backup.put(file);
            } catch (backupError) {
              console.error("backup upload failed", backupError);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 26, suggestions: [
          { title: "Throw both errors as an AggregateError", output: dedent`
            async function upload(file: Blob) {
              try {
                await primary.put(file);
              } catch (error) {
                try {
                  await backup.put(file);
                } catch (backupError) {
                  console.error("backup upload failed", backupError);
                  throw new AggregateError([error, backupError], "upload failed twice");
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function upload(file: Blob) {
              try {
                await primary.put(file);
              } catch (error) {
                try {
                  await backup.put(file);
                } catch (backupError) {
                  // Intentionally ignored: <reason>
                  console.error("backup upload failed", backupError);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a secondary error rethrown in a nested catch replaces the original",
      code: dedent`
        async function transfer() {
          try {
            await work();
          } catch (e) {
            try {
              await db.rollback();
            } catch (rollbackErr) {
              throw rollbackErr;
            }
            throw e;
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 7, column: 7, endLine: 7, endColumn: 26, suggestions: [
          { title: "Log rollbackErr and keep the original error", output: dedent`
            async function transfer() {
              try {
                await work();
              } catch (e) {
                try {
                  await db.rollback();
                } catch (rollbackErr) {
                  console.error("transfer: a second error while handling the first", rollbackErr);
                }
                throw e;
              }
            }
          ` },
          { title: "Throw both errors as an AggregateError", output: dedent`
            async function transfer() {
              try {
                await work();
              } catch (e) {
                try {
                  await db.rollback();
                } catch (rollbackErr) {
                  throw new AggregateError([e, rollbackErr], "transfer failed twice");
                }
                throw e;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an empty catch nested in a catch: the safe fix logs the secondary error, never rethrows it",
      code: dedent`
        async function transfer() {
          try {
            await work();
          } catch (e) {
            try {
              await db.rollback();
            } catch {}
            throw e;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 7, column: 13, endLine: 7, endColumn: 15, suggestions: [
          { title: "Throw both errors as an AggregateError", output: dedent`
            async function transfer() {
              try {
                await work();
              } catch (e) {
                try {
                  await db.rollback();
                } catch (err) {
                  throw new AggregateError([e, err], "transfer failed twice");
                }
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function transfer() {
              try {
                await work();
              } catch (e) {
                try {
                  await db.rollback();
                } catch {
                  // Intentionally ignored: <reason>
                }
                throw e;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        async function transfer() {
          try {
            await work();
          } catch (e) {
            try {
              await db.rollback();
            } catch (err) {
              console.error("db.rollback failed in transfer", err);
            }
            throw e;
          }
        }
      `,
    },
    {
      name: "the project's logger module is imported in the file's style",
      filename: "src/jobs/sync.ts",
      files: {
        "src/lib/logger.ts": dedent`
          import pino from "pino";
          export const logger = pino();
        `,
      },
      code: dedent`
        import { pull } from "../remote";

        export async function sync(accountId: string) {
          try {
            await pull(accountId);
          } catch {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 11, endLine: 6, endColumn: 13, suggestions: [
          { title: "Log with logger and rethrow", output: dedent`
            import { pull } from "../remote";
            import { logger } from "../lib/logger";

            export async function sync(accountId: string) {
              try {
                await pull(accountId);
              } catch (err) {
                logger.error({ err, accountId }, "pull failed in sync");
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { pull } from "../remote";

            export async function sync(accountId: string) {
              try {
                await pull(accountId);
              } catch {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { pull } from "../remote";
        import { logger } from "../lib/logger";

        export async function sync(accountId: string) {
          try {
            await pull(accountId);
          } catch (err) {
            logger.error({ err, accountId }, "pull failed in sync");
          }
        }
      `,
    },
    {
      name: "a CommonJS file gets a require of the project's logger",
      filename: "src/jobs/sync.js",
      files: {
        "src/lib/logger.js": dedent`
          const winston = require("winston");
          module.exports = winston.createLogger({});
        `,
      },
      code: dedent`
        const { pull } = require("../remote");

        async function sync(accountId) {
          try {
            await pull(accountId);
          } catch {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 11, endLine: 6, endColumn: 13, suggestions: [
          { title: "Log with logger and rethrow", output: dedent`
            const { pull } = require("../remote");
            const logger = require("../lib/logger");

            async function sync(accountId) {
              try {
                await pull(accountId);
              } catch (err) {
                logger.error("pull failed in sync", { err, accountId });
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            const { pull } = require("../remote");

            async function sync(accountId) {
              try {
                await pull(accountId);
              } catch {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        const { pull } = require("../remote");
        const logger = require("../lib/logger");

        async function sync(accountId) {
          try {
            await pull(accountId);
          } catch (err) {
            logger.error("pull failed in sync", { err, accountId });
          }
        }
      `,
    },
    {
      name: "no-console and no logger: no log fix",
      files: {
        ".eslintrc.json": "{ \"rules\": { \"no-console\": \"error\" } }\n",
      },
      code: dedent`
        function save(id: string) {
          try {
            store.put(id);
          } catch (err) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 17, endLine: 4, endColumn: 19, suggestions: [
          { title: "Rethrow the error", output: dedent`
            function save(id: string) {
              try {
                store.put(id);
              } catch (err) {
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function save(id: string) {
              try {
                store.put(id);
              } catch (err) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a NestJS project without a class logger uses Nest's Logger",
      filename: "src/main.ts",
      files: {
        "package.json": "{ \"name\": \"api\", \"dependencies\": { \"@nestjs/common\": \"^10.0.0\" } }\n",
      },
      code: dedent`
        import { NestFactory } from "@nestjs/core";

        async function bootstrap() {
          try {
            await NestFactory.create(AppModule);
          } catch (err) {}
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 17, endLine: 6, endColumn: 19, suggestions: [
          { title: "Log with Logger and rethrow", output: dedent`
            import { NestFactory } from "@nestjs/core";
            import { Logger } from "@nestjs/common";

            async function bootstrap() {
              try {
                await NestFactory.create(AppModule);
              } catch (err) {
                Logger.error("NestFactory.create failed in bootstrap", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { NestFactory } from "@nestjs/core";

            async function bootstrap() {
              try {
                await NestFactory.create(AppModule);
              } catch (err) {
                // Intentionally ignored: <reason>
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { NestFactory } from "@nestjs/core";
        import { Logger } from "@nestjs/common";

        async function bootstrap() {
          try {
            await NestFactory.create(AppModule);
          } catch (err) {
            Logger.error("NestFactory.create failed in bootstrap", err);
          }
        }
      `,
    },
    {
      name: "a log message and its fields are kept when the error is added",
      code: dedent`
        for (const id of ids) {
          try {
            await sync(id);
          } catch (err) {
            console.error(\`Failed at \${id}\`);
            continue;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            for (const id of ids) {
              try {
                await sync(id);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error(\`Failed at \${id}\`);
                continue;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        for (const id of ids) {
          try {
            await sync(id);
          } catch (err) {
            console.error(\`Failed at \${id}\`, err);
            continue;
          }
        }
      `,
    },
    {
      name: "`{ error }` stays `{ error }`: a logger call that already has an error field gets no safe fix",
      files: {
        "src/lib/logger.ts": dedent`
          import pino from "pino";
          export const logger = pino();
        `,
      },
      code: dedent`
        import { logger } from "./lib/logger";
        export async function f3(id: string) {
          try {
            await sync(id);
          } catch (e) {
            logger.warn({ error: String(e) }, "sync failed");
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { logger } from "./lib/logger";
            export async function f3(id: string) {
              try {
                await sync(id);
              } catch (e) {
                // Intentionally ignored: <reason>
                logger.warn({ error: String(e) }, "sync failed");
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a comment in a catch is kept by every fix",
      code: dedent`
        function f4() {
          try {
            run();
          } catch (e) {
            // TODO: ignore for now
            return;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 7, endColumn: 4, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            function f4() {
              try {
                run();
              } catch (e) {
                // TODO: ignore for now
                console.error("run failed in f4", e);
                throw e;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function f4() {
              try {
                run();
              } catch (e) {
                // Intentionally ignored: <reason>
                // TODO: ignore for now
                return;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        function f4() {
          try {
            run();
          } catch (e) {
            // TODO: ignore for now
            console.error("run failed in f4", e);
            return;
          }
        }
      `,
    },
    {
      name: "no 500 where the handler goes on after the catch (a side effect such as a notification)",
      code: dedent`
        export default async function handler(req, res) {
          const view = await views.update(req.query.id);
          try {
            await notifyDownload(view.id);
          } catch (error) {
            console.error("Error sending notification:", error);
          }
          const file = await files.get(view.fileId);
          return res.status(200).json({ file });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handler(req, res) {
              const view = await views.update(req.query.id);
              try {
                await notifyDownload(view.id);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error sending notification:", error);
              }
              const file = await files.get(view.fileId);
              return res.status(200).json({ file });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no 500 where the catch answers like the try's own negative branch",
      code: dedent`
        export default async function handler(req, res) {
          try {
            const pageId = parsePageId(req.query.url);
            if (!pageId) {
              return res.status(200).json({ isAccessible: false });
            }
            await notion.getPage(pageId);
            return res.status(200).json({ isAccessible: true });
          } catch (error) {
            console.error("Error checking Notion accessibility:", error);
            return res.status(200).json({ isAccessible: false });
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 9, column: 5, endLine: 9, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handler(req, res) {
              try {
                const pageId = parsePageId(req.query.url);
                if (!pageId) {
                  return res.status(200).json({ isAccessible: false });
                }
                await notion.getPage(pageId);
                return res.status(200).json({ isAccessible: true });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error checking Notion accessibility:", error);
                return res.status(200).json({ isAccessible: false });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow in place of a fallback assigned in the catch",
      code: dedent`
        export async function status(job: Job) {
          let urls: string[] | undefined;
          try {
            urls = await Promise.all(job.keys.map((k) => presign(k)));
          } catch (error) {
            console.error("Failed to generate fresh presigned URLs:", error);
            urls = job.storedUrls;
          }
          return { id: job.id, urls };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function status(job: Job) {
              let urls: string[] | undefined;
              try {
                urls = await Promise.all(job.keys.map((k) => presign(k)));
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Failed to generate fresh presigned URLs:", error);
                urls = job.storedUrls;
              }
              return { id: job.id, urls };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the rethrow stays where nothing follows the try",
      code: dedent`
        export async function connectToDB(url: string) {
          try {
            await mongoose.connect(url);
          } catch (error) {
            console.log(error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function connectToDB(url: string) {
              try {
                await mongoose.connect(url);
              } catch (error) {
                console.log(error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function connectToDB(url: string) {
              try {
                await mongoose.connect(url);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.log(error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "UI code: no rethrow of the errors a check does not expect",
      filename: "src/components/agreement-panel.tsx",
      code: dedent`
        import { useState } from "react";
        export function useUrl() {
          const [error, setError] = useState("");
          const handleChange = (url: string) => {
            try {
              urlSchema.parse(url);
              setError("");
            } catch (err) {
              if (err instanceof z.ZodError) {
                setError(err.errors[0]?.message ?? "Invalid URL");
                return;
              }
            }
          };
          return { error, handleChange };
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 8, column: 7, endLine: 8, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { useState } from "react";
            export function useUrl() {
              const [error, setError] = useState("");
              const handleChange = (url: string) => {
                try {
                  urlSchema.parse(url);
                  setError("");
                } catch (err) {
                  // Intentionally ignored: <reason>
                  if (err instanceof z.ZodError) {
                    setError(err.errors[0]?.message ?? "Invalid URL");
                    return;
                  }
                }
              };
              return { error, handleChange };
            }
          ` },
        ] },
      ],
      output: dedent`
        import { useState } from "react";
        export function useUrl() {
          const [error, setError] = useState("");
          const handleChange = (url: string) => {
            try {
              urlSchema.parse(url);
              setError("");
            } catch (err) {
              if (err instanceof z.ZodError) {
                setError(err.errors[0]?.message ?? "Invalid URL");
                return;
              }
              console.error("handleChange failed", err);
            }
          };
          return { error, handleChange };
        }
      `,
    },
    {
      name: "UI code: no rethrow in a rejection handler",
      filename: "src/components/viewer.tsx",
      code: dedent`
        import { useRef } from "react";
        export function Viewer() {
          const ref = useRef<HTMLDivElement>(null);
          const enter = async () => {
            await ref.current?.requestFullscreen().catch((err) => {
              console.error("Fullscreen failed:", err);
            });
          };
          return enter;
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 5, column: 50, endLine: 7, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { useRef } from "react";
            export function Viewer() {
              const ref = useRef<HTMLDivElement>(null);
              const enter = async () => {
                await ref.current?.requestFullscreen().catch((err) => {
                  // Intentionally ignored: <reason>
                  console.error("Fullscreen failed:", err);
                });
              };
              return enter;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow in place of a rejection handler's fallback value",
      code: dedent`
        export async function createVersion(res: Response) {
          const body = await res.json().catch(() => ({}));
          return { status: res.status, body };
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 39, endLine: 2, endColumn: 49, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function createVersion(res: Response) {
              const body = await res.json().catch(() => /* Intentionally ignored: <reason> */ ({}));
              return { status: res.status, body };
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function createVersion(res: Response) {
          const body = await res.json().catch((err) => {
            console.error("res.json failed in createVersion", err);
            return ({});
          });
          return { status: res.status, body };
        }
      `,
    },
    {
      name: "no rethrow after a warning: the author carries on deliberately",
      code: dedent`
        export async function deprovision(userId: string) {
          await links.resetOwner(userId).catch((err) => {
            console.warn("Could not reset link ownership");
          });
          await users.remove(userId);
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 40, endLine: 4, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function deprovision(userId: string) {
              await links.resetOwner(userId).catch((err) => {
                // Intentionally ignored: <reason>
                console.warn("Could not reset link ownership");
              });
              await users.remove(userId);
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function deprovision(userId: string) {
          await links.resetOwner(userId).catch((err) => {
            console.warn("Could not reset link ownership", err);
          });
          await users.remove(userId);
        }
      `,
    },
    {
      name: "an awaited chain whose handler only logs at error level keeps the rethrow",
      code: dedent`
        export async function deprovision(userId: string) {
          await links.resetOwner(userId).catch((err) => {
            console.error("Could not reset link ownership");
          });
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 40, endLine: 4, endColumn: 4, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function deprovision(userId: string) {
              await links.resetOwner(userId).catch((err) => {
                console.error("Could not reset link ownership", err);
                throw err;
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function deprovision(userId: string) {
              await links.resetOwner(userId).catch((err) => {
                // Intentionally ignored: <reason>
                console.error("Could not reset link ownership");
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function deprovision(userId: string) {
          await links.resetOwner(userId).catch((err) => {
            console.error("Could not reset link ownership", err);
          });
        }
      `,
    },
    {
      name: "a comment in the catch does not excuse a new error that drops the caught one",
      code: dedent`
        export function parseBody(status: number, text: string) {
          try {
            const data = JSON.parse(text);
            if (data?.error?.type === "overloaded_error") throw new Error(\`overloaded: \${text}\`);
            throw new Error(\`API error: \${status} \${text}\`);
          } catch (parseError) {
            // If not JSON, use the text directly
            throw new Error(\`API error: \${status} \${text}\`);
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 6, column: 5, endLine: 6, endColumn: 23, suggestions: [] },
      ],
      output: dedent`
        export function parseBody(status: number, text: string) {
          try {
            const data = JSON.parse(text);
            if (data?.error?.type === "overloaded_error") throw new Error(\`overloaded: \${text}\`);
            throw new Error(\`API error: \${status} \${text}\`);
          } catch (parseError) {
            // If not JSON, use the text directly
            throw new Error(\`API error: \${status} \${text}\`, { cause: parseError });
          }
        }
      `,
    },
    {
      name: "an input guard with the same answer does not make a lookup failure deliberate (no rethrow: null is the function's answer for nothing found)",
      code: dedent`
        export async function getUser(id: string) {
          if (!id) return null;
          try {
            return await db.users.find(id);
          } catch (error) {
            console.error("lookup failed:", error);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function getUser(id: string) {
              if (!id) return null;
              try {
                return await db.users.find(id);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("lookup failed:", error);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a generic function name: the log line says which call failed",
      code: dedent`
        export class Store {
          client: S3;
          constructor(private readonly fallback: S3) {
            try {
              this.client = new S3(getStorageConfig("us-east-2"));
            } catch {
              this.client = this.fallback;
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            export class Store {
              client: S3;
              constructor(private readonly fallback: S3) {
                try {
                  this.client = new S3(getStorageConfig("us-east-2"));
                } catch (err) {
                  console.error("getStorageConfig failed in constructor", err);
                  this.client = this.fallback;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Store {
              client: S3;
              constructor(private readonly fallback: S3) {
                try {
                  this.client = new S3(getStorageConfig("us-east-2"));
                } catch {
                  // Intentionally ignored: <reason>
                  this.client = this.fallback;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a generic task name: the message names the call (`response.json`), not `run`",
      code: dedent`
        export const task = {
          async run(url: string) {
            const response = await fetch(url);
            const body = await response.json().catch(() => ({}));
            return { status: response.status, body };
          },
        };
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 46, endLine: 4, endColumn: 56, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const task = {
              async run(url: string) {
                const response = await fetch(url);
                const body = await response.json().catch(() => /* Intentionally ignored: <reason> */ ({}));
                return { status: response.status, body };
              },
            };
          ` },
        ] },
      ],
      output: dedent`
        export const task = {
          async run(url: string) {
            const response = await fetch(url);
            const body = await response.json().catch((err) => {
              console.error("response.json failed in run", err);
              return ({});
            });
            return { status: response.status, body };
          },
        };
      `,
    },
    {
      name: "a success answer after a try that does not answer: the 500 fits",
      code: dedent`
        export default async function handler(req, res) {
          try {
            await orders.save(req.body.id);
          } catch (error) {
            console.error("save failed:", error);
          }
          return res.status(200).json({ ok: true });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Log and respond with 500", output: dedent`
            export default async function handler(req, res) {
              try {
                await orders.save(req.body.id);
              } catch (error) {
                console.error("save failed:", error);
                return res.status(500).json({ error: "Internal Server Error" });
              }
              return res.status(200).json({ ok: true });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handler(req, res) {
              try {
                await orders.save(req.body.id);
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("save failed:", error);
              }
              return res.status(200).json({ ok: true });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no 500 where the try answers and a fallback answer follows it",
      code: dedent`
        export default async function handler(req, res) {
          const job = await jobs.get(req.query.id);
          if (job.key) {
            try {
              const freshUrl = await presign(job.key);
              return res.redirect(302, freshUrl);
            } catch (error) {
              console.error("Failed to generate a fresh URL:", error);
            }
          }
          // Fallback to the stored URL
          res.redirect(302, job.storedUrl);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handler(req, res) {
              const job = await jobs.get(req.query.id);
              if (job.key) {
                try {
                  const freshUrl = await presign(job.key);
                  return res.redirect(302, freshUrl);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("Failed to generate a fresh URL:", error);
                }
              }
              // Fallback to the stored URL
              res.redirect(302, job.storedUrl);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow in the rejection handler of a function that sends a notification",
      code: dedent`
        export default async function sendNotification(viewId: string) {
          return await fetch("/api/jobs/send-notification", { method: "POST", body: viewId })
            .then(() => {})
            .catch((error) => {
              log({ message: \`Failed to send the notification: \${error}\`, type: "error" });
            });
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 12, endLine: 6, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function sendNotification(viewId: string) {
              return await fetch("/api/jobs/send-notification", { method: "POST", body: viewId })
                .then(() => {})
                .catch((error) => {
                  // Intentionally ignored: <reason>
                  log({ message: \`Failed to send the notification: \${error}\`, type: "error" });
                });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a send…Invitation function is a notification too: no rethrow in its rejection handler",
      code: dedent`
        export async function sendViewerInvitation(viewerIds: string[]) {
          for (const viewerId of viewerIds) {
            await fetch("/api/jobs/send-invitation", { method: "POST", body: viewerId }).catch((error) => {
              log({ message: \`Failed to send the invitation: \${error}\`, type: "error" });
            });
          }
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 88, endLine: 5, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function sendViewerInvitation(viewerIds: string[]) {
              for (const viewerId of viewerIds) {
                await fetch("/api/jobs/send-invitation", { method: "POST", body: viewerId }).catch((error) => {
                  // Intentionally ignored: <reason>
                  log({ message: \`Failed to send the invitation: \${error}\`, type: "error" });
                });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow from a best-effort notification: every caller would fail with it",
      code: dedent`
        export const sendWelcomeEmail = async (email: string) => {
          try {
            await sendEmail({ to: email, subject: "Welcome!" });
          } catch (e) {
            console.error(e);
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const sendWelcomeEmail = async (email: string) => {
              try {
                await sendEmail({ to: email, subject: "Welcome!" });
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    // issue 12, session-13 review: no rethrow where failing soft is the function's contract or what it is.
    // (`verify`, session 30: a `decode` alone only computes, and a catch that puts back the `undefined` of a bare `let` is an empty catch there.)
    {
      name: "a bad token that the function answers with a 4xx: no log fix (the 422 says what happened)",
      code: dedent`
        export class AuthService {
          async resetPassword(hash: string) {
            let userId: string | undefined;
            try {
              userId = this.jwtService.verify(hash)?.forgotUserId;
            } catch {
              userId = undefined;
            }
            const user = userId ? await this.usersService.findById(userId) : null;
            if (!user) {
              throw new UnprocessableEntityException({ errors: { hash: "notFound" } });
            }
            return user;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 12, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export class AuthService {
              async resetPassword(hash: string) {
                let userId: string | undefined;
                try {
                  userId = this.jwtService.verify(hash)?.forgotUserId;
                } catch {
                  // Intentionally ignored: <reason>
                  userId = undefined;
                }
                const user = userId ? await this.usersService.findById(userId) : null;
                if (!user) {
                  throw new UnprocessableEntityException({ errors: { hash: "notFound" } });
                }
                return user;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a bad token that nothing answers after: the warning stays",
      code: dedent`
        export class AuthService {
          async resetPassword(hash: string) {
            let userId: string | undefined;
            try {
              userId = this.jwtService.verify(hash)?.forgotUserId;
            } catch {
              userId = undefined;
            }
            return userId;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 12, suggestions: [
          { title: "Log the error as a warning with console", output: dedent`
            export class AuthService {
              async resetPassword(hash: string) {
                let userId: string | undefined;
                try {
                  userId = this.jwtService.verify(hash)?.forgotUserId;
                } catch (err) {
                  console.warn("jwtService.verify failed in AuthService.resetPassword", err);
                  userId = undefined;
                }
                return userId;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class AuthService {
              async resetPassword(hash: string) {
                let userId: string | undefined;
                try {
                  userId = this.jwtService.verify(hash)?.forgotUserId;
                } catch {
                  // Intentionally ignored: <reason>
                  userId = undefined;
                }
                return userId;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a handler's catch that leaves the request unanswered: the 500 answer is preferred, and no log-only fix (it would leave the request hanging; review R70)",
      code: dedent`
        export default async function handle(req: NextApiRequest, res: NextApiResponse) {
          if (req.method === "PATCH") {
            try {
              const doc = await prisma.document.update({ where: { id: req.query.id }, data: req.body });
              return res.status(200).json(doc);
            } catch (error) {}
          } else {
            return res.status(405).end();
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 21, endLine: 6, endColumn: 23, suggestions: [
          { title: "Log and respond with 500", output: dedent`
            export default async function handle(req: NextApiRequest, res: NextApiResponse) {
              if (req.method === "PATCH") {
                try {
                  const doc = await prisma.document.update({ where: { id: req.query.id }, data: req.body });
                  return res.status(200).json(doc);
                } catch (error) {
                  console.error("prisma.document.update failed in handle", error);
                  return res.status(500).json({ error: "Internal Server Error" });
                }
              } else {
                return res.status(405).end();
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export default async function handle(req: NextApiRequest, res: NextApiResponse) {
              if (req.method === "PATCH") {
                try {
                  const doc = await prisma.document.update({ where: { id: req.query.id }, data: req.body });
                  return res.status(200).json(doc);
                } catch (error) {
                  // Intentionally ignored: <reason>
                }
              } else {
                return res.status(405).end();
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow where a guard of the function returns what the catch returns (a value, or nothing: the callers check)",
      code: dedent`
        export async function cancelSubscription(customer?: string) {
          if (!customer) return;
          try {
            const id = await stripe.subscriptions.list({ customer }).then((res) => res.data[0].id);
            return await stripe.subscriptions.update(id, { cancel_at_period_end: true });
          } catch (error) {
            return;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 19, endLine: 8, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function cancelSubscription(customer?: string) {
              if (!customer) return;
              try {
                const id = await stripe.subscriptions.list({ customer }).then((res) => res.data[0].id);
                return await stripe.subscriptions.update(id, { cancel_at_period_end: true });
              } catch (error) {
                // Intentionally ignored: <reason>
                return;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function cancelSubscription(customer?: string) {
          if (!customer) return;
          try {
            const id = await stripe.subscriptions.list({ customer }).then((res) => res.data[0].id);
            return await stripe.subscriptions.update(id, { cancel_at_period_end: true });
          } catch (error) {
            console.error("cancelSubscription failed", error);
            return;
          }
        }
      `,
    },
    {
      name: "a guard's early return in a function that returns nothing keeps the rethrow",
      code: dedent`
        export async function syncAccount(accountId?: string) {
          if (!accountId) return;
          try {
            await crm.accounts.sync(accountId);
          } catch (error) {
            return;
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 19, endLine: 7, endColumn: 4, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            export async function syncAccount(accountId?: string) {
              if (!accountId) return;
              try {
                await crm.accounts.sync(accountId);
              } catch (error) {
                console.error("crm.accounts.sync failed in syncAccount", { accountId }, error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function syncAccount(accountId?: string) {
              if (!accountId) return;
              try {
                await crm.accounts.sync(accountId);
              } catch (error) {
                // Intentionally ignored: <reason>
                return;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function syncAccount(accountId?: string) {
          if (!accountId) return;
          try {
            await crm.accounts.sync(accountId);
          } catch (error) {
            console.error("crm.accounts.sync failed in syncAccount", { accountId }, error);
            return;
          }
        }
      `,
    },
    {
      name: "no rethrow in a helper that logs and returns null like the module's other helpers",
      code: dedent`
        async function getDocumentInfo(documentId: string) {
          try {
            return await prisma.document.findUnique({ where: { id: documentId } });
          } catch (error) {
            console.error("Error fetching document info:", error);
            return null;
          }
        }

        async function getViewInfo(viewId: string) {
          try {
            return await prisma.view.findUnique({ where: { id: viewId } });
          } catch (error) {
            console.error("Error fetching view info:", error);
            return null;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function getDocumentInfo(documentId: string) {
              try {
                return await prisma.document.findUnique({ where: { id: documentId } });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error fetching document info:", error);
                return null;
              }
            }

            async function getViewInfo(viewId: string) {
              try {
                return await prisma.view.findUnique({ where: { id: viewId } });
              } catch (error) {
                console.error("Error fetching view info:", error);
                return null;
              }
            }
          ` },
        ] },
        { case: "logAndContinue", line: 13, column: 5, endLine: 13, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function getDocumentInfo(documentId: string) {
              try {
                return await prisma.document.findUnique({ where: { id: documentId } });
              } catch (error) {
                console.error("Error fetching document info:", error);
                return null;
              }
            }

            async function getViewInfo(viewId: string) {
              try {
                return await prisma.view.findUnique({ where: { id: viewId } });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Error fetching view info:", error);
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "no rethrow in the project's own log helper: it must never throw",
      code: dedent`
        export const log = async (message: string) => {
          try {
            return await postJson(process.env.SLACK_WEBHOOK_URL, { text: message });
          } catch (e) {}
        };
      `,
      findings: [
        { case: "emptyCatch", line: 4, column: 15, endLine: 4, endColumn: 17, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const log = async (message: string) => {
              try {
                return await postJson(process.env.SLACK_WEBHOOK_URL, { text: message });
              } catch (e) {
                // Intentionally ignored: <reason>
              }
            };
          ` },
        ] },
      ],
      output: dedent`
        export const log = async (message: string) => {
          try {
            return await postJson(process.env.SLACK_WEBHOOK_URL, { text: message });
          } catch (e) {
            console.error("postJson failed in log", e);
          }
        };
      `,
    },
    {
      name: "no throw of analytics rejections after all settle: tracking is best effort",
      code: dedent`
        export async function onSignIn(email: string) {
          await Promise.allSettled([identifyUser(email), trackAnalytics({ event: "User Signed In", email })]);
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 3, endLine: 2, endColumn: 102 },
      ],
      output: dedent`
        export async function onSignIn(email: string) {
          const settled = await Promise.allSettled([identifyUser(email), trackAnalytics({ event: "User Signed In", email })]);
          for (const result of settled) if (result.status === "rejected") console.error("identifyUser or trackAnalytics failed in onSignIn", result.reason);
        }
      `,
    },
    {
      name: "no throw out of a handler in a library's events object (NextAuth events.signIn)",
      code: dedent`
        export const authOptions = {
          events: {
            signIn: async (message: { user: { id: string } }) => {
              await Promise.allSettled([syncProfile(message.user.id), warmCache(message.user.id)]);
              await joinWorkspace(message.user.id);
            },
          },
        };
      `,
      findings: [
        { case: "allSettledUnchecked", line: 4, column: 7, endLine: 4, endColumn: 91 },
      ],
      output: dedent`
        export const authOptions = {
          events: {
            signIn: async (message: { user: { id: string } }) => {
              const settled = await Promise.allSettled([syncProfile(message.user.id), warmCache(message.user.id)]);
              for (const result of settled) if (result.status === "rejected") console.error("syncProfile or warmCache failed in signIn", result.reason);
              await joinWorkspace(message.user.id);
            },
          },
        };
      `,
    },

    {
      name: "no rethrow in a rejection handler inside a library's events object",
      code: dedent`
        export const authOptions = {
          events: {
            async createUser(message: { user: { id: string } }) {
              await syncProfile(message.user.id).catch((err) => {
                console.error("syncProfile failed", err);
              });
            },
          },
        };
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 48, endLine: 6, endColumn: 8, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export const authOptions = {
              events: {
                async createUser(message: { user: { id: string } }) {
                  await syncProfile(message.user.id).catch((err) => {
                    // Intentionally ignored: <reason>
                    console.error("syncProfile failed", err);
                  });
                },
              },
            };
          ` },
        ] },
      ],
      output: null,
    },

    // issue 11, production triage: the line each class draws (these stay findings).
    {
      name: "a doc comment whose 'silently' is not about failures explains nothing",
      code: dedent`
        /**
         * Fired at the end of onboarding: silently adds a few likers to the new profile.
         */
        export async function autoMatch(userId: string) {
          try {
            await addLikers(userId);
          } catch (err) {
            console.error("auto-match failed", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            /**
             * Fired at the end of onboarding: silently adds a few likers to the new profile.
             */
            export async function autoMatch(userId: string) {
              try {
                await addLikers(userId);
              } catch (err) {
                console.error("auto-match failed", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            /**
             * Fired at the end of onboarding: silently adds a few likers to the new profile.
             */
            export async function autoMatch(userId: string) {
              try {
                await addLikers(userId);
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error("auto-match failed", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a comment above `await Promise.allSettled(…)` that says nothing of failures explains nothing",
      code: dedent`
        export async function notifyTeam(users: User[]) {
          // Notify everyone
          const results = await Promise.allSettled(users.map((u) => mailer.send(u)));
          return users.length;
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 3, column: 19, endLine: 3, endColumn: 77 },
      ],
      output: null,
    },
    {
      name: "a catch that logs and sets a UI state that is not a failure stays a finding",
      filename: "src/viewer.tsx",
      code: dedent`
        export function usePage(render: () => Promise<string>) {
          const [state, setLoadingState] = useState("idle");
          const load = async () => {
            try {
              setUrl(await render());
            } catch (err) {
              console.error(err);
              setLoadingState("idle");
            }
          };
          return { state, load };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function usePage(render: () => Promise<string>) {
              const [state, setLoadingState] = useState("idle");
              const load = async () => {
                try {
                  setUrl(await render());
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error(err);
                  setLoadingState("idle");
                }
              };
              return { state, load };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a section of a timer job whose result the next section reads stays a finding",
      filename: "src/crons.js",
      code: dedent`
        function startCrons() {
          async function runHourly() {
            let users = [];
            try {
              users = await loadUsers();
            } catch (err) { console.error("load failed", err); }
            await notifyAll(users);
          }
          setInterval(runHourly, 3600000);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            function startCrons() {
              async function runHourly() {
                let users = [];
                try {
                  users = await loadUsers();
                } catch (err) { /* Intentionally ignored: <reason> */ console.error("load failed", err); }
                await notifyAll(users);
              }
              setInterval(runHourly, 3600000);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a dropped rejection of a chat message that is not an acknowledgement stays a finding",
      filename: "src/bot.js",
      code: dedent`
        async function notifyMatch(bot, telegramId) {
          await bot.sendMessage(telegramId, "It's a match!").catch(() => {});
          return true;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 60, endLine: 2, endColumn: 68, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function notifyMatch(bot, telegramId) {
              await bot.sendMessage(telegramId, "It's a match!").catch(() => {
                // Intentionally ignored: <reason>
              });
              return true;
            }
          ` },
        ] },
      ],
      output: dedent`
        async function notifyMatch(bot, telegramId) {
          await bot.sendMessage(telegramId, "It's a match!").catch((err) => {
            console.error("bot.sendMessage failed in notifyMatch", { telegramId }, err);
          });
          return true;
        }
      `,
    },
    {
      name: "a `Promise.all` element's fallback that nothing checks stays a finding",
      code: dedent`
        export async function loader(token: string) {
          const [doc, completed] = await Promise.all([
            findDocument(token).catch(() => null),
            findCompletedFields(token).catch(() => []),
          ]);
          if (!doc) throw new Response("Not Found", { status: 404 });
          return { doc, completed };
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 38, endLine: 4, endColumn: 46, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loader(token: string) {
              const [doc, completed] = await Promise.all([
                findDocument(token).catch(() => null),
                findCompletedFields(token).catch(() => /* Intentionally ignored: <reason> */ []),
              ]);
              if (!doc) throw new Response("Not Found", { status: 404 });
              return { doc, completed };
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function loader(token: string) {
          const [doc, completed] = await Promise.all([
            findDocument(token).catch(() => null),
            findCompletedFields(token).catch((err) => {
              console.error("findCompletedFields failed in loader", err);
              return [];
            }),
          ]);
          if (!doc) throw new Response("Not Found", { status: 404 });
          return { doc, completed };
        }
      `,
    },
    {
      name: "a test whose success handler only asserts: the ignored rejection stays a finding",
      filename: "spec/query.spec.js",
      code: dedent`
        it("finds nothing", (done) => {
          query.find().then(
            (results) => {
              equal(results.length, 0);
              done();
            },
            () => {}
          );
        });
      `,
      findings: [
        { case: "thenRejectionNoop", line: 7, column: 5, endLine: 7, endColumn: 13, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            it("finds nothing", (done) => {
              query.find().then(
                (results) => {
                  equal(results.length, 0);
                  done();
                },
                () => {
                  // Intentionally ignored: <reason>
                }
              );
            });
          ` },
        ] },
      ],
      output: dedent`
        it("finds nothing", (done) => {
          query.find().then(
            (results) => {
              equal(results.length, 0);
              done();
            },
            (err) => {
              console.error("query.find failed", err);
            }
          );
        });
      `,
    },
    {
      name: "a test setup whose next link asserts nothing: the dropped rejection stays a finding",
      filename: "spec/setup.spec.js",
      code: dedent`
        beforeEach((done) => {
          signUp("tester", "abc")
            .catch(() => {})
            .then((u) => (user = u))
            .then(done);
        });
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 12, endLine: 3, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            beforeEach((done) => {
              signUp("tester", "abc")
                .catch(() => {
                  // Intentionally ignored: <reason>
                })
                .then((u) => (user = u))
                .then(done);
            });
          ` },
        ] },
      ],
      output: dedent`
        beforeEach((done) => {
          signUp("tester", "abc")
            .catch((err) => {
              console.error("signUp failed", err);
            })
            .then((u) => (user = u))
            .then(done);
        });
      `,
    },
    {
      name: "a `void`-marked chain whose handler drops the error stays a finding",
      code: dedent`
        export async function render(pdf: Pdf) {
          const images = await toImages(pdf);
          void pdf.destroy().catch(() => {});
          return images;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 28, endLine: 3, endColumn: 36, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function render(pdf: Pdf) {
              const images = await toImages(pdf);
              void pdf.destroy().catch(() => {
                // Intentionally ignored: <reason>
              });
              return images;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function render(pdf: Pdf) {
          const images = await toImages(pdf);
          void pdf.destroy().catch((err) => {
            console.error("pdf.destroy failed in render", err);
          });
          return images;
        }
      `,
    },
    {
      name: "a URL normalizer whose catch answers with the raw input stays a catchReturnsDefault",
      code: dedent`
        export const normalize = (raw?: string) => {
          if (!raw) return raw;
          try {
            const u = new URL(raw, BASE_URL);
            u.hash = "";
            return u.toString();
          } catch {
            return raw;
          }
        };
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 5, endLine: 7, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export const normalize = (raw?: string) => {
              if (!raw) return raw;
              try {
                const u = new URL(raw, BASE_URL);
                u.hash = "";
                return u.toString();
              } catch (err) {
                console.error("u.toString failed in normalize", err);
                return raw;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const normalize = (raw?: string) => {
              if (!raw) return raw;
              try {
                const u = new URL(raw, BASE_URL);
                u.hash = "";
                return u.toString();
              } catch {
                // Intentionally ignored: <reason>
                return raw;
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a negated check whose branch answers a default for the other errors stays partialErrorCheck",
      code: dedent`
        export async function readState(file: string) {
          try {
            return await fs.promises.readFile(file, "utf8");
          } catch (err) {
            if (err.code !== "ENOENT") return null;
          }
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the errors the check does not expect", output: dedent`
            export async function readState(file: string) {
              try {
                return await fs.promises.readFile(file, "utf8");
              } catch (err) {
                if (err.code !== "ENOENT") {
                  return null;
                  throw err;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function readState(file: string) {
              try {
                return await fs.promises.readFile(file, "utf8");
              } catch (err) {
                // Intentionally ignored: <reason>
                if (err.code !== "ENOENT") return null;
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function readState(file: string) {
          try {
            return await fs.promises.readFile(file, "utf8");
          } catch (err) {
            if (err.code !== "ENOENT") {
              console.error("fs.promises.readFile failed in readState", { file }, err);
              return null;
            }
          }
        }
      `,
    },
    {
      name: "a test of the error's truthiness picks out no one error: the new error stays a finding",
      code: dedent`
        export async function charge(id: string) {
          try {
            return await api.charge(id);
          } catch (err) {
            if (err.response) {
              throw new Error("Payment API failed");
            }
            throw err;
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16 },
      ],
      output: dedent`
        export async function charge(id: string) {
          try {
            return await api.charge(id);
          } catch (err) {
            if (err.response) {
              throw new Error("Payment API failed", { cause: err });
            }
            throw err;
          }
        }
      `,
    },
    {
      name: "a truthiness test through a const that reads the error picks out no one error either",
      code: dedent`
        export async function refund(id: string) {
          try {
            return await api.refund(id);
          } catch (err) {
            const response = err.response;
            if (response) {
              throw new Error("Refund API failed");
            }
            throw err;
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16 },
      ],
      output: dedent`
        export async function refund(id: string) {
          try {
            return await api.refund(id);
          } catch (err) {
            const response = err.response;
            if (response) {
              throw new Error("Refund API failed", { cause: err });
            }
            throw err;
          }
        }
      `,
    },
    {
      name: "a URL check kept nowhere, followed by a request, stays a finding",
      code: dedent`
        export async function ping(url: string) {
          try {
            new URL(url);
            await fetch(url);
          } catch {
            throw new Error("Endpoint unreachable");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 5, column: 5, endLine: 5, endColumn: 10 },
      ],
      output: dedent`
        export async function ping(url: string) {
          try {
            new URL(url);
            await fetch(url);
          } catch (err) {
            throw new Error("Endpoint unreachable", { cause: err });
          }
        }
      `,
    },
    {
      name: "a line comment above the function that says nothing of failures explains nothing",
      code: dedent`
        // Save the form, then re-baseline it.
        const handleSave = form.handleSubmit(async (data) => {
          try {
            await onSave(data);
          } catch {
            return;
          }
          form.reset(form.getValues());
        });
      `,
      findings: [
        { case: "emptyCatch", line: 5, column: 11, endLine: 7, endColumn: 4, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            // Save the form, then re-baseline it.
            const handleSave = form.handleSubmit(async (data) => {
              try {
                await onSave(data);
              } catch (err) {
                console.error("onSave failed in handleSave", err);
                throw err;
              }
              form.reset(form.getValues());
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            // Save the form, then re-baseline it.
            const handleSave = form.handleSubmit(async (data) => {
              try {
                await onSave(data);
              } catch {
                // Intentionally ignored: <reason>
                return;
              }
              form.reset(form.getValues());
            });
          ` },
        ] },
      ],
      output: dedent`
        // Save the form, then re-baseline it.
        const handleSave = form.handleSubmit(async (data) => {
          try {
            await onSave(data);
          } catch (err) {
            console.error("onSave failed in handleSave", err);
            return;
          }
          form.reset(form.getValues());
        });
      `,
    },
    // issue 11, eval-se dev repos (session 14): where the line is drawn.
    {
      name: "a log-only catch around a message that does not say it failed stays a finding",
      filename: "src/announce.ts",
      code: dedent`
        export async function announce(channel: Channel) {
          try {
            await channel.send("✅ Deploy finished");
          } catch (replyError) {
            console.error("Failed to announce:", replyError);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 23, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function announce(channel: Channel) {
              try {
                await channel.send("✅ Deploy finished");
              } catch (replyError) {
                console.error("Failed to announce:", replyError);
                throw replyError;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function announce(channel: Channel) {
              try {
                await channel.send("✅ Deploy finished");
              } catch (replyError) {
                // Intentionally ignored: <reason>
                console.error("Failed to announce:", replyError);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a check whose else branch neither fails, passes on nor logs stays a partialErrorCheck",
      filename: "src/elsebr.ts",
      code: dedent`
        async function probe(url: string, stats: string[]) {
          try {
            await axios.get(url);
          } catch (error) {
            if (axios.isAxiosError(error) && error.response?.status === 404) {
              return null;
            } else {
              stats.push("probe done");
            }
          }
        }
      `,
      findings: [
        { case: "partialErrorCheck", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function probe(url: string, stats: string[]) {
              try {
                await axios.get(url);
              } catch (error) {
                // Intentionally ignored: <reason>
                if (axios.isAxiosError(error) && error.response?.status === 404) {
                  return null;
                } else {
                  stats.push("probe done");
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a Koa handler's ctx answers with ctx.body, not in a chat: its log-only catch stays a finding",
      filename: "src/koa.ts",
      code: dedent`
        router.post("/groups", async (ctx) => {
          try {
            await groups.create(ctx.request.body);
            ctx.body = { ok: true };
          } catch (e) {
            console.error(e);
          }
        });
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Rethrow the error", output: dedent`
            router.post("/groups", async (ctx) => {
              try {
                await groups.create(ctx.request.body);
                ctx.body = { ok: true };
              } catch (e) {
                console.error(e);
                throw e;
              }
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            router.post("/groups", async (ctx) => {
              try {
                await groups.create(ctx.request.body);
                ctx.body = { ok: true };
              } catch (e) {
                // Intentionally ignored: <reason>
                console.error(e);
              }
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "deleting a record that is not a chat message, its failure only logged, stays a finding",
      filename: "src/del.js",
      code: dedent`
        function removeAccount(account) {
          account.delete().catch((err) => console.log("Could not delete the account", err));
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 26, endLine: 2, endColumn: 83, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            function removeAccount(account) {
              account.delete().catch((err) => /* Intentionally ignored: <reason> */ console.log("Could not delete the account", err));
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that sends a direct message and also writes stays a finding",
      filename: "src/dm.js",
      code: dedent`
        async function welcome(member) {
          try {
            await member.send("Welcome! Please verify in #verify.");
            await db.members.insert({ id: member.id });
          } catch (error) {
            console.info(\`Cannot welcome \${member.id}\`);
          }
          await member.roles.add(UNVERIFIED_ROLE);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function welcome(member) {
              try {
                await member.send("Welcome! Please verify in #verify.");
                await db.members.insert({ id: member.id });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.info(\`Cannot welcome \${member.id}\`);
              }
              await member.roles.add(UNVERIFIED_ROLE);
            }
          ` },
        ] },
      ],
      output: dedent`
        async function welcome(member) {
          try {
            await member.send("Welcome! Please verify in #verify.");
            await db.members.insert({ id: member.id });
          } catch (error) {
            console.info(\`Cannot welcome \${member.id}\`, error);
          }
          await member.roles.add(UNVERIFIED_ROLE);
        }
      `,
    },
    {
      name: "a helper whose name promises no fallback, logging and returning empty, stays a finding",
      code: dedent`
        async function loadRows<T>(promise: Promise<T[]>, label: string): Promise<T[]> {
          try {
            return await promise;
          } catch (err) {
            console.error(\`\${label} failed, returning empty:\`, err);
            return [];
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function loadRows<T>(promise: Promise<T[]>, label: string): Promise<T[]> {
              try {
                return await promise;
              } catch (err) {
                console.error(\`\${label} failed, returning empty:\`, err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function loadRows<T>(promise: Promise<T[]>, label: string): Promise<T[]> {
              try {
                return await promise;
              } catch (err) {
                // Intentionally ignored: <reason>
                console.error(\`\${label} failed, returning empty:\`, err);
                return [];
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a flag declared false and set in the try that nothing reads after it stays a finding",
      code: dedent`
        export async function createStatusReport(input: Input) {
          let notified = false;
          try {
            await notifyStatusReport(input);
            notified = true;
          } catch (err) {
            console.warn("notify failed", err);
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function createStatusReport(input: Input) {
              let notified = false;
              try {
                await notifyStatusReport(input);
                notified = true;
              } catch (err) {
                // Intentionally ignored: <reason>
                console.warn("notify failed", err);
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a flag set in the catch that nothing reads after the try stays a finding",
      filename: "src/flag.js",
      code: dedent`
        async function warn(member, reason) {
          let sentDM = "no";
          try {
            await member.send(\`You were warned: \${reason}\`);
            await db.warnings.insert({ id: member.id, reason });
            sentDM = "yes";
          } catch (error) {
            sentDM = "no";
            console.info("warn failed", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function warn(member, reason) {
              let sentDM = "no";
              try {
                await member.send(\`You were warned: \${reason}\`);
                await db.warnings.insert({ id: member.id, reason });
                sentDM = "yes";
              } catch (error) {
                // Intentionally ignored: <reason>
                sentDM = "no";
                console.info("warn failed", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    // The toast.promise class, where the line is drawn: a toast without an error option tells no one
    // of the failure, and a second await in the try is work whose failure no toast shows.
    {
      name: "toast.promise without an error option: the failure is only logged",
      filename: "form.tsx",
      code: dedent`
        export async function save(values: FormValues) {
          try {
            const promise = onSubmit(values);
            toast.promise(promise, { loading: "Saving...", success: "Saved" });
            await promise;
          } catch (error) {
            console.error(error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function save(values: FormValues) {
              try {
                const promise = onSubmit(values);
                toast.promise(promise, { loading: "Saving...", success: "Saved" });
                await promise;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "toast.promise, then more awaited work in the try: its failure is only logged",
      filename: "form.tsx",
      code: dedent`
        export async function save(values: FormValues) {
          try {
            const promise = onSubmit(values);
            toast.promise(promise, { loading: "Saving...", success: "Saved", error: "Failed to save" });
            await promise;
            await setSearchParams({ saved: "1" });
          } catch (error) {
            console.error(error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function save(values: FormValues) {
              try {
                const promise = onSubmit(values);
                toast.promise(promise, { loading: "Saving...", success: "Saved", error: "Failed to save" });
                await promise;
                await setSearchParams({ saved: "1" });
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error(error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    // The seprod classes, where the line is drawn (each row a neighbour of a valid one above).
    {
      name: "a comment above the if that says nothing of a failure explains nothing",
      code: dedent`
        export async function touchKey(key: ApiKey) {
          // Record when the key was last used.
          if (isStale(key.lastUsedAt)) {
            await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch(() => {});
          }
          return key;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 68, endLine: 4, endColumn: 76, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function touchKey(key: ApiKey) {
              // Record when the key was last used.
              if (isStale(key.lastUsedAt)) {
                await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch((err) => {
                  console.error("set failed in touchKey", err);
                  throw err;
                });
              }
              return key;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function touchKey(key: ApiKey) {
              // Record when the key was last used.
              if (isStale(key.lastUsedAt)) {
                await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch(() => {
                  // Intentionally ignored: <reason>
                });
              }
              return key;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function touchKey(key: ApiKey) {
          // Record when the key was last used.
          if (isStale(key.lastUsedAt)) {
            await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch((err) => {
              console.error("set failed in touchKey", err);
            });
          }
          return key;
        }
      `,
    },
    {
      name: "failure words above an if that holds more than the chain do not reach it",
      code: dedent`
        export async function touchKey(key: ApiKey) {
          // Best-effort: never fail the request.
          if (isStale(key.lastUsedAt)) {
            await audit.write(key.id);
            await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch(() => {});
          }
          return key;
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 5, column: 68, endLine: 5, endColumn: 76, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function touchKey(key: ApiKey) {
              // Best-effort: never fail the request.
              if (isStale(key.lastUsedAt)) {
                await audit.write(key.id);
                await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch((err) => {
                  console.error("set failed in touchKey", err);
                  throw err;
                });
              }
              return key;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function touchKey(key: ApiKey) {
              // Best-effort: never fail the request.
              if (isStale(key.lastUsedAt)) {
                await audit.write(key.id);
                await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch(() => {
                  // Intentionally ignored: <reason>
                });
              }
              return key;
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function touchKey(key: ApiKey) {
          // Best-effort: never fail the request.
          if (isStale(key.lastUsedAt)) {
            await audit.write(key.id);
            await db.update(apiKeys).set({ lastUsedAt: new Date() }).catch((err) => {
              console.error("set failed in touchKey", err);
            });
          }
          return key;
        }
      `,
    },
    {
      name: "a body parsed with a fallback in a branch that lets a good response in (`!res.ok || refresh`), whose value only goes to a log (session 19: a throw of it would be the caller's failure, under a cast as without one)",
      code: dedent`
        export async function load(refresh: boolean) {
          const res = await fetch("/api/items");
          if (!res.ok || refresh) {
            const json = (await res.json().catch(() => null)) as { error?: string } | null;
            console.warn(json?.error ?? "load failed");
            return [];
          }
          return res.json();
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 4, column: 42, endLine: 4, endColumn: 52, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function load(refresh: boolean) {
              const res = await fetch("/api/items");
              if (!res.ok || refresh) {
                const json = (await res.json().catch(() => /* Intentionally ignored: <reason> */ null)) as { error?: string } | null;
                console.warn(json?.error ?? "load failed");
                return [];
              }
              return res.json();
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function load(refresh: boolean) {
          const res = await fetch("/api/items");
          if (!res.ok || refresh) {
            const json = (await res.json().catch((err) => {
              console.error("res.json failed in load", err);
              return null;
            })) as { error?: string } | null;
            console.warn(json?.error ?? "load failed");
            return [];
          }
          return res.json();
        }
      `,
    },
    {
      name: "a log and a bare return in a catch of a method nobody registers as a callback is reported",
      code: dedent`
        export class Jar {
          reload(value: unknown) {
            let stored: Stored;
            try {
              stored = this.parse(value);
            } catch (e) {
              console.error("rejected a malformed payload", e);
              return;
            }
            this.apply(stored);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Jar {
              reload(value: unknown) {
                let stored: Stored;
                try {
                  stored = this.parse(value);
                } catch (e) {
                  console.error("rejected a malformed payload", e);
                  throw e;
                }
                this.apply(stored);
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Jar {
              reload(value: unknown) {
                let stored: Stored;
                try {
                  stored = this.parse(value);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  console.error("rejected a malformed payload", e);
                  return;
                }
                this.apply(stored);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log and a bare return in a listener that can still answer (`res`) is reported",
      code: dedent`
        export function serve(server: Server) {
          server.on("request", (req: Req, res: Res) => {
            let body: string;
            try {
              body = render(req.url);
            } catch (e) {
              console.error("render failed", e);
              return;
            }
            res.end(body);
          });
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function serve(server: Server) {
              server.on("request", (req: Req, res: Res) => {
                let body: string;
                try {
                  body = render(req.url);
                } catch (e) {
                  console.error("render failed", e);
                  throw e;
                }
                res.end(body);
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function serve(server: Server) {
              server.on("request", (req: Req, res: Res) => {
                let body: string;
                try {
                  body = render(req.url);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  console.error("render failed", e);
                  return;
                }
                res.end(body);
              });
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also waits on a lookup is not a JSON.parse probe, whatever its own branches answer",
      code: dedent`
        export async function loadConfig(id: string) {
          try {
            const row = await db.configs.find(id);
            const config = JSON.parse(row.body);
            if (!config.enabled) return null;
            return config;
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 5, endLine: 7, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function loadConfig(id: string) {
              try {
                const row = await db.configs.find(id);
                const config = JSON.parse(row.body);
                if (!config.enabled) return null;
                return config;
              } catch (err) {
                console.error("loadConfig failed", { id }, err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function loadConfig(id: string) {
              try {
                const row = await db.configs.find(id);
                const config = JSON.parse(row.body);
                if (!config.enabled) return null;
                return config;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a JSON.parse probe with no guard and no branch of its own answering null returns a default",
      code: dedent`
        export function parseConfig(str: string) {
          try {
            return JSON.parse(str).settings;
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function parseConfig(str: string) {
              try {
                return JSON.parse(str).settings;
              } catch (err) {
                console.error("JSON.parse failed in parseConfig", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function parseConfig(str: string) {
              try {
                return JSON.parse(str).settings;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a failed IPC command that is not a log write is reported",
      code: dedent`
        function persist(settings: Settings) {
          window.__TAURI_INTERNALS__.invoke("save_settings", { settings }).catch(() => {});
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 74, endLine: 2, endColumn: 82, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            function persist(settings: Settings) {
              window.__TAURI_INTERNALS__.invoke("save_settings", { settings }).catch(() => {
                // Intentionally ignored: <reason>
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        function persist(settings: Settings) {
          window.__TAURI_INTERNALS__.invoke("save_settings", { settings }).catch((err) => {
            console.error("window.__TAURI_INTERNALS__.invoke failed in persist", err);
          });
        }
      `,
    },
    {
      name: "a throwing lookup whose answer also awaits more work is reported",
      code: dedent`
        export class Invitations {
          async getInvitation(id: string) {
            try {
              const row = await this.prisma.teamInvitation.findUniqueOrThrow({ where: { id } });
              return O.some(await this.withTeam(row));
            } catch (e) {
              return O.none;
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Log the error with console", output: dedent`
            export class Invitations {
              async getInvitation(id: string) {
                try {
                  const row = await this.prisma.teamInvitation.findUniqueOrThrow({ where: { id } });
                  return O.some(await this.withTeam(row));
                } catch (e) {
                  console.error("Invitations.getInvitation failed", { id }, e);
                  return O.none;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Invitations {
              async getInvitation(id: string) {
                try {
                  const row = await this.prisma.teamInvitation.findUniqueOrThrow({ where: { id } });
                  return O.some(await this.withTeam(row));
                } catch (e) {
                  // Intentionally ignored: <reason>
                  return O.none;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "allSettled over items that await work before the try that logs is reported",
      code: dedent`
        export async function sendWebhooks(subs: Subscription[]) {
          await Promise.allSettled(
            subs.map(async (sub) => {
              const config = await loadConfig(sub.id);
              try {
                await postWebhook(sub.url, config);
              } catch (error) {
                console.error("webhook failed", error);
                throw error;
              }
            }),
          );
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 2, column: 3, endLine: 12, endColumn: 4 },
      ],
      output: dedent`
        export async function sendWebhooks(subs: Subscription[]) {
          const settled = await Promise.allSettled(
            subs.map(async (sub) => {
              const config = await loadConfig(sub.id);
              try {
                await postWebhook(sub.url, config);
              } catch (error) {
                console.error("webhook failed", error);
                throw error;
              }
            }),
          );
          for (const result of settled) if (result.status === "rejected") console.error("loadConfig or postWebhook failed in sendWebhooks", result.reason);
        }
      `,
    },
    {
      name: "cancelling something that is not a stream (a job) is reported",
      code: dedent`
        export async function stop(job: Job) {
          await job.cancel().catch(() => {});
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 28, endLine: 2, endColumn: 36, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            export async function stop(job: Job) {
              await job.cancel().catch((err) => {
                console.error("job.cancel failed in stop", err);
                throw err;
              });
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function stop(job: Job) {
              await job.cancel().catch(() => {
                // Intentionally ignored: <reason>
              });
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function stop(job: Job) {
          await job.cancel().catch((err) => {
            console.error("job.cancel failed in stop", err);
          });
        }
      `,
    },
    {
      name: "a try that reads storage before it parses is not a JSON.parse probe, whatever its own answer",
      code: dedent`
        export function readStored<T>(key: string, initial: T): T {
          try {
            const item = window.localStorage.getItem(key);
            return item ? JSON.parse(item) : initial;
          } catch (error) {
            console.log(error);
            return initial;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function readStored<T>(key: string, initial: T): T {
              try {
                const item = window.localStorage.getItem(key);
                return item ? JSON.parse(item) : initial;
              } catch (error) {
                console.log(error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function readStored<T>(key: string, initial: T): T {
              try {
                const item = window.localStorage.getItem(key);
                return item ? JSON.parse(item) : initial;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.log(error);
                return initial;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL probe whose empty catch continues does no I/O (not reported: the no-I/O empty catch), and a string default outside a formatter is reported",
      code: dedent`
        export function findSameOrigin(urls: string[], origin: string): number {
          let checked = 0;
          for (const url of urls) {
            try {
              if (new URL(url).origin === origin) return checked;
            } catch {
              continue;
            }
            checked++;
          }
          return -1;
        }
        export function loadTemplate(name: string): string {
          try {
            return templates.render(name);
          } catch {
            return "";
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 16, column: 5, endLine: 16, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function findSameOrigin(urls: string[], origin: string): number {
              let checked = 0;
              for (const url of urls) {
                try {
                  if (new URL(url).origin === origin) return checked;
                } catch {
                  continue;
                }
                checked++;
              }
              return -1;
            }
            export function loadTemplate(name: string): string {
              try {
                return templates.render(name);
              } catch (err) {
                console.error("templates.render failed in loadTemplate", { name }, err);
                return "";
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function findSameOrigin(urls: string[], origin: string): number {
              let checked = 0;
              for (const url of urls) {
                try {
                  if (new URL(url).origin === origin) return checked;
                } catch {
                  continue;
                }
                checked++;
              }
              return -1;
            }
            export function loadTemplate(name: string): string {
              try {
                return templates.render(name);
              } catch {
                // Intentionally ignored: <reason>
                return "";
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a log-only try ending a JSX event handler that saves is reported: the user is not told",
      filename: "form.tsx",
      code: dedent`
        export function SaveButton({ onSave }: Props) {
          return (
            <button
              onClick={async () => {
                try {
                  await onSave();
                } catch (error) {
                  console.error(error);
                }
              }}
            />
          );
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 11, endLine: 7, endColumn: 24, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function SaveButton({ onSave }: Props) {
              return (
                <button
                  onClick={async () => {
                    try {
                      await onSave();
                    } catch (error) {
                      // Intentionally ignored: <reason>
                      console.error(error);
                    }
                  }}
                />
              );
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a message that does not say it failed, and a loop holding more than the chain under failure words, are reported",
      code: dedent`
        export async function announce(slack: WebClient, channel: string, items: Item[]) {
          await slack.chat.postMessage({ channel, text: "Deploy finished" }).catch((err: unknown) => logger.error("post failed", { err }));
          // Best effort: never fail the run.
          for (const item of items) {
            await audit.write(item.id);
            item.sync().catch((err: unknown) => logger.error("sync failed", { err }));
          }
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 76, endLine: 2, endColumn: 130, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function announce(slack: WebClient, channel: string, items: Item[]) {
              await slack.chat.postMessage({ channel, text: "Deploy finished" }).catch((err: unknown) => /* Intentionally ignored: <reason> */ logger.error("post failed", { err }));
              // Best effort: never fail the run.
              for (const item of items) {
                await audit.write(item.id);
                item.sync().catch((err: unknown) => logger.error("sync failed", { err }));
              }
            }
          ` },
        ] },
        { case: "promiseCatchLogOnly", line: 6, column: 23, endLine: 6, endColumn: 77, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function announce(slack: WebClient, channel: string, items: Item[]) {
              await slack.chat.postMessage({ channel, text: "Deploy finished" }).catch((err: unknown) => logger.error("post failed", { err }));
              // Best effort: never fail the run.
              for (const item of items) {
                await audit.write(item.id);
                item.sync().catch((err: unknown) => /* Intentionally ignored: <reason> */ logger.error("sync failed", { err }));
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    // The hoppscotch classes, where the line is drawn (each row a neighbour of a valid one above).
    {
      name: "a // comment right above the try that says nothing of a failure explains nothing",
      code: dedent`
        export async function saveSettings(settings: Settings) {
          await store.write(settings);
          // Mirror to the native side.
          try {
            await invoke("set_config", { config: settings });
          } catch (err) {
            console.warn("Failed to push settings", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 5, endLine: 6, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function saveSettings(settings: Settings) {
              await store.write(settings);
              // Mirror to the native side.
              try {
                await invoke("set_config", { config: settings });
              } catch (err) {
                // Intentionally ignored: <reason>
                console.warn("Failed to push settings", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a \"Fallback:\" label above a try nested in another catch says what the try is, not why its own failure may be dropped",
      code: dedent`
        export function toDataURI(body: Body): string {
          try {
            return encodeBase64(body);
          } catch (_e) {
            // Fallback: return text as data URI
            try {
              return \`data:text/plain,\${encodeURIComponent(toText(body))}\`;
            } catch {
              return "data:,";
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 8, column: 7, endLine: 8, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function toDataURI(body: Body): string {
              try {
                return encodeBase64(body);
              } catch (_e) {
                // Fallback: return text as data URI
                try {
                  return \`data:text/plain,\${encodeURIComponent(toText(body))}\`;
                } catch (err) {
                  console.error("toText failed in toDataURI", err);
                  return "data:,";
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function toDataURI(body: Body): string {
              try {
                return encodeBase64(body);
              } catch (_e) {
                // Fallback: return text as data URI
                try {
                  return \`data:text/plain,\${encodeURIComponent(toText(body))}\`;
                } catch {
                  // Intentionally ignored: <reason>
                  return "data:,";
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "// lines above a method that name its null for no match say nothing of a failure",
      code: dedent`
        export class Users {
          // Returns the user, or null if none matches.
          async findUser(id: string) {
            try {
              return await db.user.find(id);
            } catch {
              return null;
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            export class Users {
              // Returns the user, or null if none matches.
              async findUser(id: string) {
                try {
                  return await db.user.find(id);
                } catch (err) {
                  console.error("db.user.find failed in Users.findUser", { id }, err);
                  return null;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Users {
              // Returns the user, or null if none matches.
              async findUser(id: string) {
                try {
                  return await db.user.find(id);
                } catch {
                  // Intentionally ignored: <reason>
                  return null;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "best effort said at one of two calls: the other caller is not told",
      code: dedent`
        export class Migration {
          async run() {
            await this.copyFiles();
            // Clean up old files (best effort, don't fail if this fails)
            await this.cleanupOldFiles();
          }

          async reset() {
            await this.cleanupOldFiles();
          }

          private async cleanupOldFiles() {
            try {
              await remove(legacyDir);
            } catch (error) {
              console.log("Could not clean up old files:", error);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 15, column: 7, endLine: 15, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export class Migration {
              async run() {
                await this.copyFiles();
                // Clean up old files (best effort, don't fail if this fails)
                await this.cleanupOldFiles();
              }

              async reset() {
                await this.cleanupOldFiles();
              }

              private async cleanupOldFiles() {
                try {
                  await remove(legacyDir);
                } catch (error) {
                  console.log("Could not clean up old files:", error);
                  throw error;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class Migration {
              async run() {
                await this.copyFiles();
                // Clean up old files (best effort, don't fail if this fails)
                await this.cleanupOldFiles();
              }

              async reset() {
                await this.cleanupOldFiles();
              }

              private async cleanupOldFiles() {
                try {
                  await remove(legacyDir);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.log("Could not clean up old files:", error);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the catch assigns a made-up value where the try assigns its parsed form",
      code: dedent`
        export function mediaExample(bodyStr: string) {
          const media: { example?: unknown } = {};
          try {
            media.example = JSON.parse(bodyStr);
          } catch {
            media.example = {};
          }
          return media;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function mediaExample(bodyStr: string) {
              const media: { example?: unknown } = {};
              try {
                media.example = JSON.parse(bodyStr);
              } catch (err) {
                console.error("JSON.parse failed in mediaExample", err);
                media.example = {};
              }
              return media;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function mediaExample(bodyStr: string) {
              const media: { example?: unknown } = {};
              try {
                media.example = JSON.parse(bodyStr);
              } catch {
                // Intentionally ignored: <reason>
                media.example = {};
              }
              return media;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a guard on the input itself says nothing of the catch that returns it",
      code: dedent`
        export function stripCommentsAndCommas(text: string): string {
          if (!text) return text;
          try {
            return convertNodeToJSON(parseTree(text));
          } catch (_) {
            return text;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function stripCommentsAndCommas(text: string): string {
              if (!text) return text;
              try {
                return convertNodeToJSON(parseTree(text));
              } catch (_) {
                console.error("stripCommentsAndCommas failed", _);
                return text;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function stripCommentsAndCommas(text: string): string {
              if (!text) return text;
              try {
                return convertNodeToJSON(parseTree(text));
              } catch (_) {
                // Intentionally ignored: <reason>
                return text;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also reads a file: its failure is not a malformed input",
      code: dedent`
        export const getCollectionSchema = async (path: string): Promise<string | null> => {
          try {
            const data = JSON.parse(await fs.readFile(path, "utf8"));
            return data?.info?.schema ?? null;
          } catch {
            return null;
          }
        };
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export const getCollectionSchema = async (path: string): Promise<string | null> => {
              try {
                const data = JSON.parse(await fs.readFile(path, "utf8"));
                return data?.info?.schema ?? null;
              } catch (err) {
                console.error("getCollectionSchema failed", { path }, err);
                return null;
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const getCollectionSchema = async (path: string): Promise<string | null> => {
              try {
                const data = JSON.parse(await fs.readFile(path, "utf8"));
                return data?.info?.schema ?? null;
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            };
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a lookup that does not throw on not found: the catch sees only real failures",
      code: dedent`
        export class TeamRequestService {
          async getRequest(reqID: string) {
            try {
              const teamRequest = await this.prisma.teamRequest.findUnique({ where: { id: reqID } });
              return O.some(teamRequest);
            } catch (e) {
              return O.none;
            }
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 7, endLine: 6, endColumn: 16, suggestions: [
          { title: "Log the error with console", output: dedent`
            export class TeamRequestService {
              async getRequest(reqID: string) {
                try {
                  const teamRequest = await this.prisma.teamRequest.findUnique({ where: { id: reqID } });
                  return O.some(teamRequest);
                } catch (e) {
                  console.error("TeamRequestService.getRequest failed", { reqID }, e);
                  return O.none;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export class TeamRequestService {
              async getRequest(reqID: string) {
                try {
                  const teamRequest = await this.prisma.teamRequest.findUnique({ where: { id: reqID } });
                  return O.some(teamRequest);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  return O.none;
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "allSettled over promises nobody else gets back",
      code: dedent`
        export function createTracker() {
          const pending: Promise<unknown>[] = [];
          const track = (promise: Promise<unknown>): void => {
            pending.push(promise);
          };
          const drain = async () => {
            await Promise.allSettled(pending);
          };
          return { track, drain };
        }
      `,
      findings: [
        { case: "allSettledUnchecked", line: 7, column: 5, endLine: 7, endColumn: 38, suggestions: [
          { title: "Throw the first rejection after all settle", output: dedent`
            export function createTracker() {
              const pending: Promise<unknown>[] = [];
              const track = (promise: Promise<unknown>): void => {
                pending.push(promise);
              };
              const drain = async () => {
                const settled = await Promise.allSettled(pending);
                for (const result of settled) if (result.status === "rejected") throw result.reason;
              };
              return { track, drain };
            }
          ` },
        ] },
      ],
      output: dedent`
        export function createTracker() {
          const pending: Promise<unknown>[] = [];
          const track = (promise: Promise<unknown>): void => {
            pending.push(promise);
          };
          const drain = async () => {
            const settled = await Promise.allSettled(pending);
            for (const result of settled) if (result.status === "rejected") console.error("drain failed", result.reason);
          };
          return { track, drain };
        }
      `,
    },
    {
      name: "a failed deletion of a cache entry is reported even where the cache is not the function's job: a stale entry stays (round 14)",
      code: dedent`
        export async function revalidate(prefix: string) {
          const rows = await index.find(prefix);
          for (const row of rows) {
            try {
              await index.remove(row.id);
            } catch (error) {
              console.error(\`Error deleting cache entry \${row.id}:\`, error);
            }
          }
          return { ok: true };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function revalidate(prefix: string) {
              const rows = await index.find(prefix);
              for (const row of rows) {
                try {
                  await index.remove(row.id);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error(\`Error deleting cache entry \${row.id}:\`, error);
                }
              }
              return { ok: true };
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a failed clear of a cache is reported: the old entries are served again (round 14)",
      code: dedent`
        export function forgetUploads(userId: number) {
          try {
            store.unlink(userId);
          } catch (error) {
            logger.error("Error clearing uploads from cache:", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function forgetUploads(userId: number) {
              try {
                store.unlink(userId);
              } catch (error) {
                logger.error("Error clearing uploads from cache:", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function forgetUploads(userId: number) {
              try {
                store.unlink(userId);
              } catch (error) {
                // Intentionally ignored: <reason>
                logger.error("Error clearing uploads from cache:", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a function whose job is the cache write, outside any request middleware, is reported",
      code: dedent`
        export async function saveToCache(key: string, data: unknown) {
          try {
            await redis.set(key, JSON.stringify(data));
          } catch (error) {
            console.error("Failed to save to cache:", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function saveToCache(key: string, data: unknown) {
              try {
                await redis.set(key, JSON.stringify(data));
              } catch (error) {
                console.error("Failed to save to cache:", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function saveToCache(key: string, data: unknown) {
              try {
                await redis.set(key, JSON.stringify(data));
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("Failed to save to cache:", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a throw after a nested try that handles its own throws is still judged (round 14)",
      code: dedent`
        export async function login(token: string) {
          try {
            return await authServer.validate(token);
          } catch (err) {
            try {
              const decoded = jwt.verify(token, SECRET);
              if (!decoded.sub) throw new Error("no subject");
              return decoded;
            } catch (verifyError) {
              if (verifyError instanceof TokenExpiredError) throw verifyError;
            }
            throw new Error("authentication failed");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16 },
      ],
      output: dedent`
        export async function login(token: string) {
          try {
            return await authServer.validate(token);
          } catch (err) {
            try {
              const decoded = jwt.verify(token, SECRET);
              if (!decoded.sub) throw new Error("no subject");
              return decoded;
            } catch (verifyError) {
              if (verifyError instanceof TokenExpiredError) throw verifyError;
            }
            throw new Error("authentication failed", { cause: err });
          }
        }
      `,
    },

    {
      name: "a parse whose catch builds a fallback object without the raw input is a default",
      code: dedent`
        export async function openingFor(row: CallRow) {
          let details;
          try {
            details = JSON.parse(row.additional_context || "{}");
          } catch {
            details = { recipient: row.recipient_name };
          }
          return greet(details);
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export async function openingFor(row: CallRow) {
              let details;
              try {
                details = JSON.parse(row.additional_context || "{}");
              } catch (err) {
                console.error("JSON.parse failed in openingFor", err);
                details = { recipient: row.recipient_name };
              }
              return greet(details);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function openingFor(row: CallRow) {
              let details;
              try {
                details = JSON.parse(row.additional_context || "{}");
              } catch {
                // Intentionally ignored: <reason>
                details = { recipient: row.recipient_name };
              }
              return greet(details);
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "resultErrorLogOnly: a bare TODO in the branch explains nothing",
      code: dedent`
        export async function startCall(supabase: Client, callId: string, sid: string) {
          const { error: updateError } = await supabase.from("calls").update({ sid }).eq("id", callId);
          if (updateError) {
            console.error("Failed to update call record:", updateError);
            // TODO
          }
          return { sid };
        }
      `,
      findings: [
        { case: "resultErrorLogOnly", line: 2, column: 34, endLine: 3, endColumn: 19, suggestions: [
          { title: "Throw the error after logging it", output: dedent`
            export async function startCall(supabase: Client, callId: string, sid: string) {
              const { error: updateError } = await supabase.from("calls").update({ sid }).eq("id", callId);
              if (updateError) {
                console.error("Failed to update call record:", updateError);
                throw updateError;
                // TODO
              }
              return { sid };
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a middleware whose catch logs and calls next() with no error fails open: the request goes on as if the check passed (round 14)",
      filename: "src/middleware/auth.js",
      code: dedent`
        export const rateLimitByIP = async (req, res, next) => {
          try {
            const failedAttempts = await AuthLog.countFailed(req.ip);
            if (failedAttempts > 5) {
              return res.status(429).json({ error: "Too many failed attempts" });
            }
            next();
          } catch (error) {
            logger.error("Rate limit check error", { error: error.message });
            next();
          }
        };
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 5, endLine: 8, endColumn: 18, suggestions: [
          { title: "Pass the error to next", output: dedent`
            export const rateLimitByIP = async (req, res, next) => {
              try {
                const failedAttempts = await AuthLog.countFailed(req.ip);
                if (failedAttempts > 5) {
                  return res.status(429).json({ error: "Too many failed attempts" });
                }
                next();
              } catch (error) {
                logger.error("Rate limit check error", { error: error.message });
                return next(error);
              }
            };
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export const rateLimitByIP = async (req, res, next) => {
              try {
                const failedAttempts = await AuthLog.countFailed(req.ip);
                if (failedAttempts > 5) {
                  return res.status(429).json({ error: "Too many failed attempts" });
                }
                next();
              } catch (error) {
                // Intentionally ignored: <reason>
                logger.error("Rate limit check error", { error: error.message });
                next();
              }
            };
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a rejection handler that logs and returns its error, sent as a success body (Koa ctx.body, round 14)",
      filename: "server/index.js",
      code: dedent`
        router.post("/message", async (ctx) => {
          const messages = ctx.request.body || [];
          const data = await postMsg(messages).then((res) => {
            return JSON.parse(res).choices[0].message.content;
          }).catch((e) => {
            console.log("e", e);
            return e;
          });
          ctx.body = { data };
        });
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 5, column: 12, endLine: 8, endColumn: 4, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            router.post("/message", async (ctx) => {
              const messages = ctx.request.body || [];
              const data = await postMsg(messages).then((res) => {
                return JSON.parse(res).choices[0].message.content;
              }).catch((e) => {
                // Intentionally ignored: <reason>
                console.log("e", e);
                return e;
              });
              ctx.body = { data };
            });
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a rejection handler that only returns its error, sent with res.json",
      filename: "server/app.js",
      code: dedent`
        app.get("/summary/:id", async (req, res) => {
          const summary = await summarize(req.params.id).catch((err) => err);
          res.json({ summary });
        });
      `,
      findings: [
        { case: "promiseCatchNoop", line: 2, column: 56, endLine: 2, endColumn: 68, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            app.get("/summary/:id", async (req, res) => {
              const summary = await summarize(req.params.id).catch((err) => /* Intentionally ignored: <reason> */ err);
              res.json({ summary });
            });
          ` },
        ] },
      ],
      output: dedent`
        app.get("/summary/:id", async (req, res) => {
          const summary = await summarize(req.params.id).catch((err) => {
            console.error("summarize failed in GET /summary/:id", err);
            return err;
          });
          res.json({ summary });
        });
      `,
    },

    {
      name: "a reply built by a helper whose answers never say it failed is a made-up answer",
      code: dedent`
        export async function processSpeech(speech: string) {
          try {
            const text = await ai.reply(speech);
            return { text, shouldContinue: true };
          } catch (error) {
            console.error("AI processing error:", error);
            return { text: cannedAnswer(speech), shouldContinue: true };
          }
        }

        function cannedAnswer(speech: string): string {
          if (speech.includes("price")) return "Our plans start at $10 a month.";
          return "Could you tell me more about what you need?";
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function processSpeech(speech: string) {
              try {
                const text = await ai.reply(speech);
                return { text, shouldContinue: true };
              } catch (error) {
                console.error("AI processing error:", error);
                throw error;
              }
            }

            function cannedAnswer(speech: string): string {
              if (speech.includes("price")) return "Our plans start at $10 a month.";
              return "Could you tell me more about what you need?";
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function processSpeech(speech: string) {
              try {
                const text = await ai.reply(speech);
                return { text, shouldContinue: true };
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("AI processing error:", error);
                return { text: cannedAnswer(speech), shouldContinue: true };
              }
            }

            function cannedAnswer(speech: string): string {
              if (speech.includes("price")) return "Our plans start at $10 a month.";
              return "Could you tell me more about what you need?";
            }
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "a try that is one statement of a timer job's loop body, followed by a write, stays reported",
      code: dedent`
        async function monitorTasks() {
          const tasks = await db.getActiveTasks();
          for (const task of tasks) {
            let status = task.status;
            try {
              status = (await api.getAgent(task.id)).status;
            } catch (error) {
              logger.error(\`Error monitoring task \${task.id}:\`, error);
            }
            await db.updateTask(task.id, status);
          }
        }

        setInterval(monitorTasks, 60000);
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function monitorTasks() {
              const tasks = await db.getActiveTasks();
              for (const task of tasks) {
                let status = task.status;
                try {
                  status = (await api.getAgent(task.id)).status;
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.error(\`Error monitoring task \${task.id}:\`, error);
                }
                await db.updateTask(task.id, status);
              }
            }

            setInterval(monitorTasks, 60000);
          ` },
        ] },
      ],
      output: null,
    },

    {
      name: "an HTTP 500 answer after a log of the message only: the stack is lost (issue 11, round 16)",
      code: dedent`
        async function listTeams() {
          try {
            return await repo.find();
          } catch (error) {
            console.error("Error listing teams:", error.message);
            throw new HttpException("Error listing teams", HttpStatus.INTERNAL_SERVER_ERROR);
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: "a domain error after logging the error: it goes on through other layers without its cause (issue 11, round 16)",
      code: dedent`
        async function sendEmail(to: string) {
          try {
            await ses.send(new SendEmailCommand({ to }));
          } catch (error) {
            logger.error("Failed to send email", { error });
            throw new IntegrationError("Failed to send email via SES");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Pass the caught error to IntegrationError as { cause }", output: dedent`
            async function sendEmail(to: string) {
              try {
                await ses.send(new SendEmailCommand({ to }));
              } catch (error) {
                logger.error("Failed to send email", { error });
                throw new IntegrationError("Failed to send email via SES", { cause: error });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a nested catch whose try does other work than the outer one: its own error is dropped",
      code: dedent`
        async function render(text: string) {
          try {
            return JSON.parse(text);
          } catch (parseError) {
            try {
              return await templates.render(text);
            } catch (renderError) {
              throw new Error(\`Render failed: \${parseError.message}\`);
            }
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 7, column: 7, endLine: 7, endColumn: 26 },
      ],
      output: dedent`
        async function render(text: string) {
          try {
            return JSON.parse(text);
          } catch (parseError) {
            try {
              return await templates.render(text);
            } catch (renderError) {
              throw new Error(\`Render failed: \${parseError.message}\`, { cause: renderError });
            }
          }
        }
      `,
    },
    {
      name: "a script entry whose function calls outside its try can still reject into the log-only handler (issue 11, round 16)",
      code: dedent`
        async function checkApi() {
          const token = await login();
          try {
            await fetch(process.env.API_URL, { headers: { token } });
          } catch (error) {
            console.error("API check failed:", error.message);
            process.exitCode = 1;
          }
        }

        checkApi().catch(console.error);
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 11, column: 18, endLine: 11, endColumn: 31, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            async function checkApi() {
              const token = await login();
              try {
                await fetch(process.env.API_URL, { headers: { token } });
              } catch (error) {
                console.error("API check failed:", error.message);
                process.exitCode = 1;
              }
            }

            checkApi().catch((err) => {
              console.error(err);
              process.exitCode = 1;
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a script entry whose catch rethrows: the error reaches the log-only handler",
      code: dedent`
        async function checkApi() {
          try {
            await fetch(process.env.API_URL);
          } catch (error) {
            console.error("API check failed");
            throw error;
          }
        }

        checkApi().catch(console.error);
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 10, column: 18, endLine: 10, endColumn: 31, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            async function checkApi() {
              try {
                await fetch(process.env.API_URL);
              } catch (error) {
                console.error("API check failed");
                throw error;
              }
            }

            checkApi().catch((err) => {
              console.error(err);
              process.exitCode = 1;
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a verify call with no deny answer of its own: the catch's null is only a default",
      code: dedent`
        async function readClaims(c: Context) {
          const header = c.req.header("Authorization") ?? "";
          try {
            return await verify(header.slice(7), c.env.JWT_SECRET);
          } catch {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            async function readClaims(c: Context) {
              const header = c.req.header("Authorization") ?? "";
              try {
                return await verify(header.slice(7), c.env.JWT_SECRET);
              } catch (err) {
                console.error("readClaims failed", err);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function readClaims(c: Context) {
              const header = c.req.header("Authorization") ?? "";
              try {
                return await verify(header.slice(7), c.env.JWT_SECRET);
              } catch {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a state file read after an existence check: the check is no setting, an unreadable or corrupt file is lost (issue 11, round 16)",
      code: dedent`
        function readLastRun() {
          if (!fs.existsSync(STATE_FILE)) return null;
          try {
            const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
            return state.lastRun || null;
          } catch (e) {
            return null;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 14, suggestions: [
          { title: "Log the error with console", output: dedent`
            function readLastRun() {
              if (!fs.existsSync(STATE_FILE)) return null;
              try {
                const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
                return state.lastRun || null;
              } catch (e) {
                console.error("readLastRun failed", e);
                return null;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            function readLastRun() {
              if (!fs.existsSync(STATE_FILE)) return null;
              try {
                const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
                return state.lastRun || null;
              } catch (e) {
                // Intentionally ignored: <reason>
                return null;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a 401 thrown by a middleware catch whose try holds await next(): every downstream failure becomes Unauthorized (issue 11, round 16)",
      code: dedent`
        export const requireUser = async (c: Context, next: Next) => {
          try {
            const payload = await verify(c.req.header("Authorization")?.slice(7) ?? "", SECRET);
            c.set("user", await users.find(payload.sub));
            await next();
          } catch (error) {
            throw new HTTPException(401, { message: "Unauthorized" });
          }
        };
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 6, column: 5, endLine: 6, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: "a Koa middleware whose try returns next(): a 403 there hides the downstream error",
      code: dedent`
        export async function requireAdmin(ctx: Context, next: Next) {
          try {
            if (!ctx.state.user?.isAdmin) throw new Error("not admin");
            return next();
          } catch {
            throw new ForbiddenError("Admins only");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
          { title: "Pass the caught error to ForbiddenError as { cause }", output: dedent`
            export async function requireAdmin(ctx: Context, next: Next) {
              try {
                if (!ctx.state.user?.isAdmin) throw new Error("not admin");
                return next();
              } catch (err) {
                throw new ForbiddenError("Admins only", { cause: err });
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that logs and answers text made like the try's own answer: a fake reply (issue 11, round 16)",
      code: dedent`
        async function ask(prompt: string) {
          try {
            const answer = await model.complete(prompt);
            return \`🤖 Assistant: \${answer}\`;
          } catch (error) {
            console.error("model call failed", error);
            return \`🤖 Assistant: here is a quick answer to "\${prompt}"\`;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            async function ask(prompt: string) {
              try {
                const answer = await model.complete(prompt);
                return \`🤖 Assistant: \${answer}\`;
              } catch (error) {
                console.error("model call failed", error);
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function ask(prompt: string) {
              try {
                const answer = await model.complete(prompt);
                return \`🤖 Assistant: \${answer}\`;
              } catch (error) {
                // Intentionally ignored: <reason>
                console.error("model call failed", error);
                return \`🤖 Assistant: here is a quick answer to "\${prompt}"\`;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that only answers text made like the try's own answer",
      code: dedent`
        async function ask(prompt: string) {
          try {
            return \`Bot: \${await model.complete(prompt)}\`;
          } catch {
            return \`Bot: I think "\${prompt}" is a great question!\`;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            async function ask(prompt: string) {
              try {
                return \`Bot: \${await model.complete(prompt)}\`;
              } catch (err) {
                console.error("model.complete failed in ask", err);
                return \`Bot: I think "\${prompt}" is a great question!\`;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function ask(prompt: string) {
              try {
                return \`Bot: \${await model.complete(prompt)}\`;
              } catch {
                // Intentionally ignored: <reason>
                return \`Bot: I think "\${prompt}" is a great question!\`;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a supabase call in a try whose catch only logs: the result error goes past the catch, and the catch, which supabase-js never reaches, is not reported (held round 23)",
      code: dedent`
        export async function selectOrg(supabase: SupabaseClient, orgId: string) {
          try {
            await supabase.rpc("set_current_org", { org_id: orgId });
          } catch (error) {
            console.warn("could not set the org context", error);
          }
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 3, column: 5, endLine: 3, endColumn: 61, suggestions: [
          { title: "Throw the error", output: dedent`
            export async function selectOrg(supabase: SupabaseClient, orgId: string) {
              try {
                const { error: rpcError } = await supabase.rpc("set_current_org", { org_id: orgId });
                if (rpcError) throw rpcError;
              } catch (error) {
                console.warn("could not set the org context", error);
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function selectOrg(supabase: SupabaseClient, orgId: string) {
          try {
            const { error: rpcError } = await supabase.rpc("set_current_org", { org_id: orgId });
            if (rpcError) console.error("rpc set_current_org failed", rpcError);
          } catch (error) {
            console.warn("could not set the org context", error);
          }
        }
      `,
    },
    {
      name: "catchReturnsDefault: a made-up string where the try formats the input's date (not a display function)",
      code: dedent`
        import { format } from "date-fns";

        export function dueDateOf(dateStr: string): string {
          try {
            return format(new Date(dateStr), "MMM d, yyyy");
          } catch {
            return "unknown";
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
              import { format } from "date-fns";

              export function dueDateOf(dateStr: string): string {
                try {
                  return format(new Date(dateStr), "MMM d, yyyy");
                } catch (err) {
                  console.error("format failed in dueDateOf", err);
                  return "unknown";
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              import { format } from "date-fns";

              export function dueDateOf(dateStr: string): string {
                try {
                  return format(new Date(dateStr), "MMM d, yyyy");
                } catch {
                  // Intentionally ignored: <reason>
                  return "unknown";
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "catchReturnsDefault: a default under an as cast is still a default",
      code: dedent`
        export function parseConfig(raw: string): Config {
          try {
            return JSON.parse(raw) as Config;
          } catch {
            return defaults as Config;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
              export function parseConfig(raw: string): Config {
                try {
                  return JSON.parse(raw) as Config;
                } catch (err) {
                  console.error("JSON.parse failed in parseConfig", err);
                  return defaults as Config;
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export function parseConfig(raw: string): Config {
                try {
                  return JSON.parse(raw) as Config;
                } catch {
                  // Intentionally ignored: <reason>
                  return defaults as Config;
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "catchReturnsDefault: an empty label for a failed rendering outside a memo or display function",
      code: dedent`
        import { format, parseISO } from "date-fns";

        export function rangeOf(from: string, to: string) {
          try {
            return \`\${format(parseISO(from), "MMM d")} - \${format(parseISO(to), "MMM d")}\`;
          } catch {
            return "";
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 6, column: 5, endLine: 6, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
              import { format, parseISO } from "date-fns";

              export function rangeOf(from: string, to: string) {
                try {
                  return \`\${format(parseISO(from), "MMM d")} - \${format(parseISO(to), "MMM d")}\`;
                } catch (err) {
                  console.error("rangeOf failed", err);
                  return "";
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              import { format, parseISO } from "date-fns";

              export function rangeOf(from: string, to: string) {
                try {
                  return \`\${format(parseISO(from), "MMM d")} - \${format(parseISO(to), "MMM d")}\`;
                } catch {
                  // Intentionally ignored: <reason>
                  return "";
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "catchReturnsDefault: a memo whose try builds a URL, rendering nothing for people to read",
      filename: "src/components/link.tsx",
      code: dedent`
        import { useMemo } from "react";

        export function Link({ base, path }: { base: string; path: string }) {
          const href = useMemo(() => {
            try {
              return \`\${new URL(base).origin}\${path}\`;
            } catch {
              return "";
            }
          }, [base, path]);
          return <a href={href}>open</a>;
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 7, column: 7, endLine: 7, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
              import { useMemo } from "react";

              export function Link({ base, path }: { base: string; path: string }) {
                const href = useMemo(() => {
                  try {
                    return \`\${new URL(base).origin}\${path}\`;
                  } catch (err) {
                    console.error("href failed", { path }, err);
                    return "";
                  }
                }, [base, path]);
                return <a href={href}>open</a>;
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              import { useMemo } from "react";

              export function Link({ base, path }: { base: string; path: string }) {
                const href = useMemo(() => {
                  try {
                    return \`\${new URL(base).origin}\${path}\`;
                  } catch {
                    // Intentionally ignored: <reason>
                    return "";
                  }
                }, [base, path]);
                return <a href={href}>open</a>;
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: a reaction after its preparation, logged at error level",
      code: dedent`
        export async function markDone(client: WebClient, channel: string, ts: string) {
          try {
            await joinChannel(client, channel);
            await client.reactions.add({ channel, timestamp: ts, name: "white_check_mark" });
          } catch (error) {
            logger.error("Failed to add reaction", { error, channel });
          }
          await audit(channel, ts);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function markDone(client: WebClient, channel: string, ts: string) {
                try {
                  await joinChannel(client, channel);
                  await client.reactions.add({ channel, timestamp: ts, name: "white_check_mark" });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.error("Failed to add reaction", { error, channel });
                }
                await audit(channel, ts);
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: a try that reacts and then saves, logged at debug",
      code: dedent`
        export async function ack(message: Message) {
          try {
            await message.react("👀");
            await db.messages.markSeen(message.id);
          } catch (err) {
            logger.debug("react failed", err);
          }
          await handle(message);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function ack(message: Message) {
                try {
                  await message.react("👀");
                  await db.messages.markSeen(message.id);
                } catch (err) {
                  // Intentionally ignored: <reason>
                  logger.debug("react failed", err);
                }
                await handle(message);
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "promiseCatchLogOnly: a cleanup before an explicit throw whose handler drops the error",
      code: dedent`
        export async function reschedule(id: string) {
          const job = await queue.add("send", { id });
          const updated = await invoices.update(id, { jobId: job.id });
          if (!updated) {
            if (job) {
              await job.remove().catch(() => logger.error("Failed to remove orphaned job"));
            }
            throw new NotFoundError("Invoice not found");
          }
          return updated;
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 32, endLine: 6, endColumn: 83, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
              export async function reschedule(id: string) {
                const job = await queue.add("send", { id });
                const updated = await invoices.update(id, { jobId: job.id });
                if (!updated) {
                  if (job) {
                    await job.remove().catch((err) => {
                      logger.error("Failed to remove orphaned job", err);
                      throw err;
                    });
                  }
                  throw new NotFoundError("Invoice not found");
                }
                return updated;
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function reschedule(id: string) {
                const job = await queue.add("send", { id });
                const updated = await invoices.update(id, { jobId: job.id });
                if (!updated) {
                  if (job) {
                    await job.remove().catch(() => /* Intentionally ignored: <reason> */ logger.error("Failed to remove orphaned job"));
                  }
                  throw new NotFoundError("Invoice not found");
                }
                return updated;
              }
            ` },
        ] },
      ],
      output: dedent`
        export async function reschedule(id: string) {
          const job = await queue.add("send", { id });
          const updated = await invoices.update(id, { jobId: job.id });
          if (!updated) {
            if (job) {
              await job.remove().catch((err) => logger.error("Failed to remove orphaned job", err));
            }
            throw new NotFoundError("Invoice not found");
          }
          return updated;
        }
      `,
    },
    {
      name: "promiseCatchLogOnly: a cleanup logged behind an if, followed by a return rather than a throw",
      code: dedent`
        export async function reschedule(id: string) {
          const job = await queue.add("send", { id });
          const updated = await invoices.update(id, { jobId: job.id });
          if (!updated) {
            if (job) {
              await job.remove().catch((err) => logger.error("Failed to remove orphaned job", { err }));
            }
            return null;
          }
          return updated;
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 32, endLine: 6, endColumn: 95, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
              export async function reschedule(id: string) {
                const job = await queue.add("send", { id });
                const updated = await invoices.update(id, { jobId: job.id });
                if (!updated) {
                  if (job) {
                    await job.remove().catch((err) => {
                      logger.error("Failed to remove orphaned job", { err });
                      throw err;
                    });
                  }
                  return null;
                }
                return updated;
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function reschedule(id: string) {
                const job = await queue.add("send", { id });
                const updated = await invoices.update(id, { jobId: job.id });
                if (!updated) {
                  if (job) {
                    await job.remove().catch((err) => /* Intentionally ignored: <reason> */ logger.error("Failed to remove orphaned job", { err }));
                  }
                  return null;
                }
                return updated;
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: the setup a React effect starts without waiting on it stays reported (an effect is no event boundary: the labelled React set)",
      filename: "src/components/nav.tsx",
      code: dedent`
        import { useEffect } from "react";

        export function DesktopNav({ router }: { router: Router }) {
          useEffect(() => {
            let unlisten: (() => void) | undefined;
            const setup = async () => {
              try {
                unlisten = await currentWindow.listen("navigate", (e) => router.push(e.payload.path));
              } catch (error) {
                console.error("Failed to set up navigation listener:", error);
              }
            };
            setup().then(() => console.log("ready"));
            return () => unlisten?.();
          }, [router]);
          return null;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 9, column: 9, endLine: 9, endColumn: 22, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              import { useEffect } from "react";

              export function DesktopNav({ router }: { router: Router }) {
                useEffect(() => {
                  let unlisten: (() => void) | undefined;
                  const setup = async () => {
                    try {
                      unlisten = await currentWindow.listen("navigate", (e) => router.push(e.payload.path));
                    } catch (error) {
                      // Intentionally ignored: <reason>
                      console.error("Failed to set up navigation listener:", error);
                    }
                  };
                  setup().then(() => console.log("ready"));
                  return () => unlisten?.();
                }, [router]);
                return null;
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: a local function a listener starts but a timer chains with .then(notify): a caller waits",
      code: dedent`
        client.on("ready", () => {
          const load = async () => {
            try {
              await client.application.commands.set(commands);
            } catch (error) {
              console.error("registration failed", error);
            }
            await refresh();
          };
          load();
          setTimeout(() => load().then(notify), 1000);
        });
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              client.on("ready", () => {
                const load = async () => {
                  try {
                    await client.application.commands.set(commands);
                  } catch (error) {
                    // Intentionally ignored: <reason>
                    console.error("registration failed", error);
                  }
                  await refresh();
                };
                load();
                setTimeout(() => load().then(notify), 1000);
              });
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: a shutdown step in an IIFE of a signal handler that never exits the process",
      code: dedent`
        const shutdown = async (signal: string) => {
          const done = (async () => {
            try {
              await Promise.all(workers.map((w) => w.close()));
            } catch (error) {
              logger.error("Error during shutdown", { error: String(error) });
            }
          })();
          await Promise.race([done, sleep(30_000)]);
          logger.info(\`stopped on \${signal}\`);
        };

        process.on("SIGTERM", () => shutdown("SIGTERM"));
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
              const shutdown = async (signal: string) => {
                const done = (async () => {
                  try {
                    await Promise.all(workers.map((w) => w.close()));
                  } catch (error) {
                    logger.error("Error during shutdown", { error: String(error) });
                    throw error;
                  }
                })();
                await Promise.race([done, sleep(30_000)]);
                logger.info(\`stopped on \${signal}\`);
              };

              process.on("SIGTERM", () => shutdown("SIGTERM"));
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              const shutdown = async (signal: string) => {
                const done = (async () => {
                  try {
                    await Promise.all(workers.map((w) => w.close()));
                  } catch (error) {
                    // Intentionally ignored: <reason>
                    logger.error("Error during shutdown", { error: String(error) });
                  }
                })();
                await Promise.race([done, sleep(30_000)]);
                logger.info(\`stopped on \${signal}\`);
              };

              process.on("SIGTERM", () => shutdown("SIGTERM"));
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "logAndContinue: a shutdown function also awaited outside the signal handler",
      code: dedent`
        async function stop() {
          try {
            await server.close();
          } catch (err) {
            console.error("close failed", err);
          }
          await flushMetrics();
          process.exit(0);
        }

        process.once("SIGINT", stop);
        export const restart = async () => {
          await stop();
        };
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              async function stop() {
                try {
                  await server.close();
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("close failed", err);
                }
                await flushMetrics();
                process.exit(0);
              }

              process.once("SIGINT", stop);
              export const restart = async () => {
                await stop();
              };
            ` },
        ] },
      ],
      output: null,
    },
  ],
});

/** Applies every safe fix of the rule to `files` (relative path → text) and returns the outputs. */
function fixed(files: Record<string, string>, project: Record<string, string> = {}): Record<string, string> {
  const host = new MemoryProjectHost(new Map(Object.entries(project).map(([k, v]) => [`/project/${k}`, v])));
  const config = normalize({} as never, "/project", [swallowedException]);
  const out: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) {
    const result = fixAll({ path: `/project/${rel}`, text, config, project: host, rules: [swallowedException] }, () => undefined);
    out[rel] = result.output;
  }
  return out;
}

describe("swallowed-exception fixes type-check", function () {
  this.timeout(60_000);

  it("console, a local logger module, Nest-style this.logger, next(err) and callbacks (ES2022)", () => {
    const inputs = {
      "src/console.ts": dedent`
        import * as fs from "node:fs";
        declare function save(id: string): void;
        declare function fetchUser(id: string): Promise<{ name: string }>;
        export function persist(orderId: string) {
          try {
            save(orderId);
          } catch {}
        }
        export async function loadUser(userId: string) {
          try {
            return await fetchUser(userId);
          } catch (e) {
            console.log(e);
            return null;
          }
        }
        export function parseConfig(text: string) {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new Error("config is not JSON");
          }
        }
        export async function readCache(file: string) {
          try {
            return await fs.promises.readFile(file, "utf8");
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
          }
        }
        export function warmUp(userId: string) {
          fetchUser(userId).catch(() => {});
          return fetchUser(userId).then((u) => u.name, () => undefined);
        }
        fs.readFile("x", "utf8", (err, text) => {
          console.log(text);
        });
        fs.unlink("tmp", () => {});
        process.on("unhandledRejection", () => {});
        export function download(stream: NodeJS.ReadableStream) {
          return new Promise((resolve, reject) => {
            stream.on("error", () => resolve(null));
            stream.on("end", () => resolve(stream));
          });
        }
        export async function notifyAll(ids: string[]) {
          await Promise.allSettled(ids.map((id) => fetchUser(id)));
        }
        async function main() {}
        main().catch(console.error);
      `,
      "src/lib/logger.ts": dedent`
        export const logger = {
          error(obj: object, msg?: string): void {
            process.stderr.write(JSON.stringify({ ...obj, msg }));
          },
          warn(obj: object, msg?: string): void {
            process.stderr.write(JSON.stringify({ ...obj, msg }));
          },
        };
      `,
      "src/service.ts": dedent`
        import { logger } from "./lib/logger";
        declare const repo: { delete(id: string): Promise<void> };
        type Next = (err?: unknown) => void;
        class Logger {
          constructor(readonly context: string) {}
          error(message: string, ...meta: unknown[]): void {
            console.error(this.context, message, ...meta);
          }
        }
        export class UsersService {
          private readonly logger = new Logger("UsersService");
          async remove(userId: string) {
            try {
              await repo.delete(userId);
            } catch (e) {
              this.logger.error("remove failed");
            }
          }
        }
        export async function purge(accountId: string) {
          try {
            await repo.delete(accountId);
          } catch (error) {
            logger.warn({ accountId }, "purge failed");
          }
        }
        export async function handler(req: { params: { id: string } }, res: { json(v: unknown): void }, next: Next) {
          try {
            await repo.delete(req.params.id);
            res.json({ ok: true });
          } catch (err) {}
        }
      `,
    };
    const outputs = fixed(inputs);
    for (const [rel, text] of Object.entries(outputs)) if (rel !== "src/lib/logger.ts") assert.notEqual(text, inputs[rel as keyof typeof inputs], `${rel} was not fixed`);
    assert.deepEqual(typecheck(outputs), []);
  });

  it("`Object.assign` cause form where the tsconfig targets ES2019 (a suggestion: no safe fix applies)", () => {
    const text = dedent`
      export function parseConfig(text: string): unknown {
        try {
          return JSON.parse(text);
        } catch (err) {
          throw new Error("config is not JSON");
        }
      }
    `;
    const project = { "package.json": '{ "name": "legacy" }\n', "tsconfig.json": '{ "compilerOptions": { "target": "es2019" } }\n' };
    assert.equal(fixed({ "src/legacy.ts": text }, project)["src/legacy.ts"], text);
    const host = new MemoryProjectHost(new Map(Object.entries(project).map(([k, v]) => [`/project/${k}`, v])));
    const config = normalize({} as never, "/project", [swallowedException]);
    const result = analyze({ path: "/project/src/legacy.ts", text, config, project: host, rules: [swallowedException] });
    const fix = result.findings[0]!.fixes.find((f) => f.title.includes("Object.assign"))!;
    assert.equal(fix.kind, "suggestion");
    const out = applyFixes(text, [fix]).output;
    assert.match(out, /Object\.assign\(new Error\("config is not JSON"\), \{ cause: err \}\)/);
    assert.deepEqual(typecheck({ "src/legacy.ts": out }, { target: ts.ScriptTarget.ES2019, lib: ["lib.es2019.d.ts"] }), []);
  });
});

describe("swallowed-exception suggestions type-check", function () {
  this.timeout(60_000);

  it("each suggestion, applied alone, type-checks", () => {
    const input = dedent`
      declare function load(id: string): Promise<{ id: string }>;
      declare function send(id: string): Promise<void>;
      class ServiceError extends Error {
        constructor(message: string, options?: { cause?: unknown }) {
          super(message, options);
        }
      }
      export function readConfig(text: string): unknown {
        try {
          return JSON.parse(text);
        } catch {
          return {};
        }
      }
      export async function fetchOne(id: string) {
        try {
          return await load(id);
        } catch (e) {
          throw new ServiceError("fetch failed");
        }
      }
      export async function loadAll(ids: string[]) {
        await Promise.allSettled(ids.map((id) => load(id)));
      }
      export function warm(id: string) {
        load(id).catch(() => null);
      }
      export async function save(id: string) {
        try {
          await send(id);
        } catch {}
      }
      export function reload(id: string) {
        return load(id).catch(() => {
          console.error("reload failed");
        });
      }
    `;
    const config = normalize({} as never, "/project", [swallowedException]);
    const result = analyze({ path: "/project/src/s.ts", text: input, config, project: new MemoryProjectHost(), rules: [swallowedException] });
    const suggestions = result.findings.flatMap((f) => f.fixes.filter((x) => x.kind === "suggestion"));
    assert.deepEqual(
      suggestions.map((s) => s.title),
      ["Log the error with console", "Mark as intentionally ignored…", "Pass the caught error to ServiceError as { cause }", "Throw the first rejection after all settle", "Mark as intentionally ignored…", "Log with console and rethrow", "Mark as intentionally ignored…", "Rethrow in the handler after logging", "Mark as intentionally ignored…"],
    );
    // And the safe log of each rejection after Promise.allSettled (result.reason read after the status check).
    const settledLog = result.findings.filter((f) => f.caseId === "allSettledUnchecked").flatMap((f) => f.fixes.filter((x) => x.kind === "safe"));
    assert.deepEqual(settledLog.map((s) => s.title), ["Log the rejected ones with console"]);
    const files: Record<string, string> = {};
    [...suggestions, ...settledLog].forEach((s, i) => (files[`src/s${i}.ts`] = applyFixes(input, [s]).output.replace(/<reason>/g, "cache miss is fine")));
    assert.deepEqual(typecheck(files), []);
  });
});

describe("swallowed-exception preferred fix", () => {
  const fixesOf = (code: string) => {
    const config = normalize({} as never, "/project", [swallowedException]);
    const result = analyze({ path: "/project/src/s.ts", text: code, config, project: new MemoryProjectHost(), rules: [swallowedException], fixes: true });
    return result.findings.flatMap((f) => f.fixes.map((x) => [x.title, x.kind, x.isPreferred === true]));
  };

  it("the 500 answer is preferred where a handler's catch leaves the request unanswered, and no log-only fix is offered (--fix leaves the site to the user)", () => {
    const code = dedent`
      export default async function handle(req: NextApiRequest, res: NextApiResponse) {
        if (req.method === "PATCH") {
          try {
            const doc = await prisma.document.update({ where: { id: req.query.id }, data: req.body });
            return res.status(200).json(doc);
          } catch (error) {}
        } else {
          return res.status(405).end();
        }
      }
    `;
    assert.deepEqual(fixesOf(code), [
      ["Log and respond with 500", "suggestion", true],
      ["Mark as intentionally ignored…", "suggestion", false],
    ]);
  });

  it("the log stays preferred where an answer follows the try", () => {
    const code = dedent`
      export default async function handle(req: NextApiRequest, res: NextApiResponse) {
        try {
          await prisma.view.create({ data: req.body });
          return res.status(200).json({ ok: true });
        } catch (error) {}
        return res.status(200).json({ ok: false });
      }
    `;
    assert.deepEqual(fixesOf(code), [
      ["Log the error with console", "safe", true],
      ["Log and respond with 500", "suggestion", false],
      ["Mark as intentionally ignored…", "suggestion", false],
    ]);
  });
});
