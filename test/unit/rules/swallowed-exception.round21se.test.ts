import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 21 (issue 11; the false positives and negatives of the tune part, first the
// retired held round 20; hand-written analogues, no fetched code): comments that explain nothing
// (code commented out, a note that the catch logs), a "none" the try answers itself for an absent
// value (a nullable lookup, `if (!content) return null`), an expected error picked out through a
// cast alias, Wrangler's `.dev.vars`, a script entry whose catch answers `false` to a top level
// that drops it, a `switch` of log lines, a logger transport's shipment, a project's `parseJson…`
// helper and a parse kept after a test of its shape, a `-1` sentinel kept in a local and answered
// as a normal case; and, from the production codebases, an `authenticate` call's deny, a URL probe
// that ends a loop's body, Sentry's own set-up. This table declares only the cases its invalid rows
// name.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "promiseCatchNoop", "catchReturnsDefault", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a comment that says the catch logs and why it goes on still explains it", code: dedent`
        export async function sendReceipt(to: string, body: string) {
          try {
            await mailer.send({ to, body });
          } catch (error) {
            // Only log: a missing receipt must not undo the order
            logger.error("receipt not sent", error);
          }
        }
      ` },
    { name: "the try's own null is a failure it logs first: null is already the function's could-not answer, which callers check", code: dedent`
        export async function fetchTokens(code: string) {
          try {
            const res = await http.post(TOKEN_URL, { code });
            if (res.status === 200 && res.data.tokens) {
              return res.data.tokens;
            } else {
              log.warn("token exchange refused", res.status);
              return null;
            }
          } catch (error) {
            log.error("token exchange failed", error);
            return null;
          }
        }

        export async function login(code: string) {
          const tokens = await fetchTokens(code);
          if (!tokens) throw new LoginError("could not sign in");
          return tokens;
        }
      ` },
    { name: "one expected error picked out through a cast alias, mapped to a clearer error, the rest rethrown through the alias", code: dedent`
        export async function createMailbox(db: Db, address: string) {
          try {
            await db.prepare("INSERT INTO mailboxes (address) VALUES (?)").bind(address).run();
          } catch (e) {
            const err = e as Error;
            if (err.message.includes("UNIQUE")) {
              throw new Error("mailbox already exists");
            }
            throw err;
          }
        }
      ` },
    { filename: "scripts/env.ts", name: "Wrangler's optional .dev.vars file read into a local made before the try, whose path is a const before it", code: dedent`
        import { readFileSync } from "node:fs";
        import { join } from "node:path";

        export function loadDevVars(): Record<string, string> {
          const vars: Record<string, string> = {};
          const file = join(process.cwd(), ".dev.vars");
          try {
            for (const line of readFileSync(file, "utf-8").split("\\n")) {
              const [key, value] = line.trim().split("=");
              if (key && value) vars[key.trim()] = value.trim();
            }
          } catch (error) {
            console.warn("no .dev.vars, using process.env", error);
          }
          return vars;
        }
      ` },
    { name: "a logger transport ships records through a function only its log method calls: a failed shipment told on the console", code: dedent`
        import Transport from "winston-transport";

        const ship = async (record: LogRecord) => {
          return http.post(INTAKE_URL, [record]).catch((error) => {
            console.log("log shipment failed", error);
          });
        };

        export class IntakeTransport extends Transport {
          log(record: LogRecord, done: () => void) {
            ship(record);
            done();
          }
        }
      ` },
    { name: "a project's parseJson helper probed like JSON.parse: the catch answers one answer of the try's conditional", code: dedent`
        export function parseItemsReply(text: string): Item[] {
          try {
            const parsed = parseJsonFromText(text);
            return Array.isArray(parsed) ? toItems(parsed) : [];
          } catch {
            return [];
          }
        }
      ` },
    { name: "a parse kept as it is after a test of its shape: the catch answers the empty object the guard answers for an absent input", code: dedent`
        export function normalizeArgs(args: unknown) {
          if (args === null || args === undefined) {
            return {};
          }
          if (typeof args === "string") {
            try {
              const parsed = JSON.parse(args);
              if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
                return parsed;
              }
            } catch {
              return {};
            }
          }
          return typeof args === "object" ? args : {};
        }
      ` },
    { name: "a -1 sentinel kept in a local that the next statement turns into a 500", code: dedent`
        export async function POST(req: Request) {
          const { userId, messages } = await req.json();
          const stored = await db.messages.findMany({ where: { userId } }).then((rows) => rows.length).catch(() => -1);
          if (stored === -1) {
            return new Response("history unavailable", { status: 500 });
          }
          await db.messages.createMany({ data: messages.slice(stored) });
          return Response.json({ saved: messages.length - stored });
        }
      ` },
    { name: "a -1 sentinel returned to the caller stays the caller's to check", code: dedent`
        export function countRows(userId: string) {
          return db.messages.findMany({ where: { userId } }).then((rows) => rows.length).catch(() => -1);
        }
      ` },
    { name: "above a statement, a note that it logs says its job is a log: the comment explains the chain", code: dedent`
        export function recordHit(store: Store, path: string, status: number) {
          // Log the failed request asynchronously
          store.logRequest({ path, status }).catch((err) => console.error("request log not written", err));
        }
      ` },
    { name: "an authenticate call whose own invalid branch in the try answers null: the catch's null is the verifier's deny", code: dedent`
        export async function apiKeyFromHeader(header: string | undefined, keys: KeyService) {
          if (!header?.startsWith("Basic ")) {
            return null;
          }
          try {
            const key = await keys.authenticate(header.slice(6));
            if (!key) {
              return null;
            }
            return key;
          } catch (error) {
            console.error(error);
            return null;
          }
        }
      ` },
    { name: "a URL probe that ends the loop's body: the log-only catch goes on to the next item as the try does", code: dedent`
        export function matchUrls(signed: string[], paths: string[], onMatch: (path: string, url: string, name: string) => void) {
          for (const url of signed) {
            for (const path of paths) {
              try {
                const pathname = decodeURIComponent(new URL(url).pathname);
                if (pathname.includes(path)) {
                  onMatch(path, url, getFileName(path));
                  break;
                }
              } catch (e) {
                console.error("invalid URL while matching", url, e);
              }
            }
          }
        }
      ` },
    { name: "the error tracker's own set-up logged when it fails: the job was a log", code: dedent`
        import * as Sentry from "@sentry/nextjs";

        export function startTracking(dsn: string, environment: string) {
          try {
            Sentry.init({ dsn, environment, tracesSampleRate: 0.2 });
          } catch (err) {
            console.error("Sentry.init failed:", err);
          }
        }
      ` },
  ],
  invalid: [
    {
      name: "a catch whose only comment is code commented out: it says what the catch once did, not why it goes on",
      code: dedent`
        export async function openStore(url: string) {
          try {
            await store.connect(url);
          } catch (err) {
            // setTimeout(() => openStore(url), 5000);
            console.error("store connection failed", err);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function openStore(url: string) {
              try {
                await store.connect(url);
              } catch (err) {
                // setTimeout(() => openStore(url), 5000);
                console.error("store connection failed", err);
                throw err;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function openStore(url: string) {
              try {
                await store.connect(url);
              } catch (err) {
                // Intentionally ignored: <reason>
                // setTimeout(() => openStore(url), 5000);
                console.error("store connection failed", err);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch whose only comment says it logs: the log line is there to see, the carry-on is unexplained",
      code: dedent`
        export async function sendReceipt(to: string, body: string) {
          try {
            await mailer.send({ to, body });
          } catch (error) {
            // Detailed error logging
            logger.error("receipt not sent", error);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function sendReceipt(to: string, body: string) {
              try {
                await mailer.send({ to, body });
              } catch (error) {
                // Intentionally ignored: <reason>
                // Detailed error logging
                logger.error("receipt not sent", error);
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a nullable lookup (findOne) in the try: the catch's null makes the database being down read as no such user",
      code: dedent`
        export async function getAccount(handle: string) {
          try {
            const account = await Account.findOne({ handle });
            return account;
          } catch (error) {
            log.error("getAccount failed", error);
            return null;
          }
        }

        export async function greet(handle: string) {
          const account = await getAccount(handle);
          if (!account) return "Please sign up first";
          return \`Hello \${account.name}\`;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function getAccount(handle: string) {
              try {
                const account = await Account.findOne({ handle });
                return account;
              } catch (error) {
                log.error("getAccount failed", error);
                throw error;
              }
            }

            export async function greet(handle: string) {
              const account = await getAccount(handle);
              if (!account) return "Please sign up first";
              return \`Hello \${account.name}\`;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function getAccount(handle: string) {
              try {
                const account = await Account.findOne({ handle });
                return account;
              } catch (error) {
                // Intentionally ignored: <reason>
                log.error("getAccount failed", error);
                return null;
              }
            }

            export async function greet(handle: string) {
              const account = await getAccount(handle);
              if (!account) return "Please sign up first";
              return \`Hello \${account.name}\`;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the try answers null itself for an absent reply: the catch's null makes an outage read as no answer",
      code: dedent`
        export async function classify(text: string) {
          try {
            const reply = await llm.complete({ prompt: text });
            const content = reply.choices[0]?.content;
            if (!content) return null;
            return JSON.parse(content);
          } catch (error) {
            log.error("classify failed", error);
            return null;
          }
        }

        export async function route(text: string) {
          const label = await classify(text);
          if (!label) return "other";
          return label.topic;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 5, endLine: 7, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function classify(text: string) {
              try {
                const reply = await llm.complete({ prompt: text });
                const content = reply.choices[0]?.content;
                if (!content) return null;
                return JSON.parse(content);
              } catch (error) {
                log.error("classify failed", error);
                throw error;
              }
            }

            export async function route(text: string) {
              const label = await classify(text);
              if (!label) return "other";
              return label.topic;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function classify(text: string) {
              try {
                const reply = await llm.complete({ prompt: text });
                const content = reply.choices[0]?.content;
                if (!content) return null;
                return JSON.parse(content);
              } catch (error) {
                // Intentionally ignored: <reason>
                log.error("classify failed", error);
                return null;
              }
            }

            export async function route(text: string) {
              const label = await classify(text);
              if (!label) return "other";
              return label.topic;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a cast alias whose other errors get a new error without the cause stays reported (once for the catch)",
      code: dedent`
        export async function createMailbox(db: Db, address: string) {
          try {
            await db.prepare("INSERT INTO mailboxes (address) VALUES (?)").bind(address).run();
          } catch (e) {
            const err = e as Error;
            if (err.message.includes("UNIQUE")) {
              throw new Error("mailbox already exists");
            }
            throw new Error("could not create the mailbox");
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [] },
      ],
      output: dedent`
        export async function createMailbox(db: Db, address: string) {
          try {
            await db.prepare("INSERT INTO mailboxes (address) VALUES (?)").bind(address).run();
          } catch (e) {
            const err = e as Error;
            if (err.message.includes("UNIQUE")) {
              throw new Error("mailbox already exists");
            }
            throw new Error("could not create the mailbox", { cause: e });
          }
        }
      `,
    },
    {
      name: "another settings file read the same way stays reported", filename: "scripts/env.ts",
      code: dedent`
        import { readFileSync } from "node:fs";
        import { join } from "node:path";

        export function loadOverrides(): Record<string, string> {
          const vars: Record<string, string> = {};
          const file = join(process.cwd(), "overrides.txt");
          try {
            for (const line of readFileSync(file, "utf-8").split("\\n")) {
              const [key, value] = line.trim().split("=");
              if (key && value) vars[key.trim()] = value.trim();
            }
          } catch (error) {
            console.warn("could not read overrides", error);
          }
          return vars;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 12, column: 5, endLine: 12, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { readFileSync } from "node:fs";
            import { join } from "node:path";

            export function loadOverrides(): Record<string, string> {
              const vars: Record<string, string> = {};
              const file = join(process.cwd(), "overrides.txt");
              try {
                for (const line of readFileSync(file, "utf-8").split("\\n")) {
                  const [key, value] = line.trim().split("=");
                  if (key && value) vars[key.trim()] = value.trim();
                }
              } catch (error) {
                // Intentionally ignored: <reason>
                console.warn("could not read overrides", error);
              }
              return vars;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a script entry whose catch answers false, which the top-level .catch drops with the result: the run exits 0", filename: "scripts/trigger.js",
      code: dedent`
        async function trigger() {
          try {
            const res = await invoke("collect");
            console.log("status", res.status);
            return res.status === 200;
          } catch (error) {
            console.error("trigger failed:", error.message);
            return false;
          }
        }

        trigger().catch(console.error);
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 12, column: 17, endLine: 12, endColumn: 30, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            async function trigger() {
              try {
                const res = await invoke("collect");
                console.log("status", res.status);
                return res.status === 200;
              } catch (error) {
                console.error("trigger failed:", error.message);
                return false;
              }
            }

            trigger().catch((err) => {
              console.error(err);
              process.exitCode = 1;
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a catch that only logs through a switch on the status: every branch carries on",
      code: dedent`
        export async function checkQuota(key: string) {
          try {
            const res = await api.get("/quota", { headers: { key } });
            console.log("quota left", res.data.left);
          } catch (error) {
            switch (error.response?.status) {
              case 401:
                console.log("bad key");
                break;
              case 429:
                console.log("rate limited");
                break;
              default:
                console.log("quota check failed", error.message);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export async function checkQuota(key: string) {
              try {
                const res = await api.get("/quota", { headers: { key } });
                console.log("quota left", res.data.left);
              } catch (error) {
                switch (error.response?.status) {
                  case 401:
                    console.log("bad key");
                    break;
                  case 429:
                    console.log("rate limited");
                    break;
                  default:
                    console.log("quota check failed", error.message);
                }
                throw error;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function checkQuota(key: string) {
              try {
                const res = await api.get("/quota", { headers: { key } });
                console.log("quota left", res.data.left);
              } catch (error) {
                // Intentionally ignored: <reason>
                switch (error.response?.status) {
                  case 401:
                    console.log("bad key");
                    break;
                  case 429:
                    console.log("rate limited");
                    break;
                  default:
                    console.log("quota check failed", error.message);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "the same chain in a function something else calls too stays reported",
      code: dedent`
        import Transport from "winston-transport";

        const ship = async (record: LogRecord) => {
          return http.post(INTAKE_URL, [record]).catch((error) => {
            console.log("shipment failed", error);
          });
        };

        export class IntakeTransport extends Transport {
          log(record: LogRecord, done: () => void) {
            ship(record);
            done();
          }
        }

        export async function flushOrder(order: LogRecord) {
          await ship(order);
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 48, endLine: 6, endColumn: 4, suggestions: [
          { title: "Rethrow in the handler after logging", output: dedent`
            import Transport from "winston-transport";

            const ship = async (record: LogRecord) => {
              return http.post(INTAKE_URL, [record]).catch((error) => {
                console.log("shipment failed", error);
                throw error;
              });
            };

            export class IntakeTransport extends Transport {
              log(record: LogRecord, done: () => void) {
                ship(record);
                done();
              }
            }

            export async function flushOrder(order: LogRecord) {
              await ship(order);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import Transport from "winston-transport";

            const ship = async (record: LogRecord) => {
              return http.post(INTAKE_URL, [record]).catch((error) => {
                // Intentionally ignored: <reason>
                console.log("shipment failed", error);
              });
            };

            export class IntakeTransport extends Transport {
              log(record: LogRecord, done: () => void) {
                ship(record);
                done();
              }
            }

            export async function flushOrder(order: LogRecord) {
              await ship(order);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a parse the try goes on to build from: the catch's empty object loses that work",
      code: dedent`
        export function normalizeArgs(args: unknown) {
          if (args === null || args === undefined) {
            return {};
          }
          if (typeof args === "string") {
            try {
              const parsed = JSON.parse(args);
              if (parsed && typeof parsed === "object") {
                return { ...defaults, ...parsed };
              }
            } catch {
              return {};
            }
          }
          return typeof args === "object" ? args : {};
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 11, column: 7, endLine: 11, endColumn: 12, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function normalizeArgs(args: unknown) {
              if (args === null || args === undefined) {
                return {};
              }
              if (typeof args === "string") {
                try {
                  const parsed = JSON.parse(args);
                  if (parsed && typeof parsed === "object") {
                    return { ...defaults, ...parsed };
                  }
                } catch (err) {
                  console.error("JSON.parse failed in normalizeArgs", err);
                  return {};
                }
              }
              return typeof args === "object" ? args : {};
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function normalizeArgs(args: unknown) {
              if (args === null || args === undefined) {
                return {};
              }
              if (typeof args === "string") {
                try {
                  const parsed = JSON.parse(args);
                  if (parsed && typeof parsed === "object") {
                    return { ...defaults, ...parsed };
                  }
                } catch {
                  // Intentionally ignored: <reason>
                  return {};
                }
              }
              return typeof args === "object" ? args : {};
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a -1 sentinel kept in a local and answered as a normal case: the failed count reads as no history",
      code: dedent`
        export async function POST(req: Request) {
          const { userId, messages } = await req.json();
          const stored = await db.messages.findMany({ where: { userId } }).then((rows) => rows.length).catch(() => -1);
          if (stored === -1) {
            await db.messages.createMany({ data: messages });
            return Response.json({ saved: messages.length });
          }
          await db.messages.createMany({ data: messages.slice(stored) });
          return Response.json({ saved: messages.length - stored });
        }
      `,
      findings: [
        { case: "promiseCatchNoop", line: 3, column: 102, endLine: 3, endColumn: 110, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function POST(req: Request) {
              const { userId, messages } = await req.json();
              const stored = await db.messages.findMany({ where: { userId } }).then((rows) => rows.length).catch(() => /* Intentionally ignored: <reason> */ -1);
              if (stored === -1) {
                await db.messages.createMany({ data: messages });
                return Response.json({ saved: messages.length });
              }
              await db.messages.createMany({ data: messages.slice(stored) });
              return Response.json({ saved: messages.length - stored });
            }
          ` },
        ] },
      ],
      output: dedent`
        export async function POST(req: Request) {
          const { userId, messages } = await req.json();
          const stored = await db.messages.findMany({ where: { userId } }).then((rows) => rows.length).catch((err) => {
            console.error("db.messages.findMany failed in POST", { userId }, err);
            return -1;
          });
          if (stored === -1) {
            await db.messages.createMany({ data: messages });
            return Response.json({ saved: messages.length });
          }
          await db.messages.createMany({ data: messages.slice(stored) });
          return Response.json({ saved: messages.length - stored });
        }
      `,
    },
    {
      name: "a URL probe followed by more work in the loop's body stays reported",
      code: dedent`
        export function matchUrls(signed: string[], paths: string[]) {
          const matched: { path: string; url: string }[] = [];
          for (const url of signed) {
            let pathname = "";
            try {
              pathname = decodeURIComponent(new URL(url).pathname);
            } catch (e) {
              console.error("invalid URL while matching", url, e);
            }
            matched.push({ path: paths.find((p) => pathname.includes(p)) ?? "", url });
          }
          return matched;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function matchUrls(signed: string[], paths: string[]) {
              const matched: { path: string; url: string }[] = [];
              for (const url of signed) {
                let pathname = "";
                try {
                  pathname = decodeURIComponent(new URL(url).pathname);
                } catch (e) {
                  // Intentionally ignored: <reason>
                  console.error("invalid URL while matching", url, e);
                }
                matched.push({ path: paths.find((p) => pathname.includes(p)) ?? "", url });
              }
              return matched;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a URL probe at the end of a loop's body whose try also awaits an upload stays reported",
      code: dedent`
        export async function storeParts(parts: Part[], teamId: string) {
          for (const part of parts) {
            try {
              const decoded = decodeDataUrl(new URL(part.url));
              if (!decoded) continue;
              await uploads.save({ teamId, name: part.name, data: decoded.data });
            } catch (error) {
              logger.warn("could not store an uploaded part", { error, name: part.name });
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function storeParts(parts: Part[], teamId: string) {
              for (const part of parts) {
                try {
                  const decoded = decodeDataUrl(new URL(part.url));
                  if (!decoded) continue;
                  await uploads.save({ teamId, name: part.name, data: decoded.data });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  logger.warn("could not store an uploaded part", { error, name: part.name });
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
