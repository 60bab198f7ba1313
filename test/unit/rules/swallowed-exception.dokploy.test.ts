import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from the Dokploy/dokploy production audit (issue 11, hand-written analogues): a failed
// response's body read for detail in try/catch form inside the branch that reports the status, a
// name that promises the fallback in its middle (`loadOrEmpty…`), and a request check whose catch
// answers the "no session" deny result its own invalid branches answer. This table declares only
// the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a failed token response's body read for detail in try/catch inside `if (!response.ok)`, then a throw with the status",
      code: dedent`
        export async function getAccessToken(config: Config) {
          const response = await fetch(config.tokenUrl, { method: "POST", signal: AbortSignal.timeout(5000) });
          if (!response.ok) {
            let detail = "";
            try {
              const body = (await response.json()) as { error_description?: string };
              detail = (body.error_description ?? "").split("\\n")[0] ?? "";
            } catch {}
            throw new Error(\`authentication failed (status \${response.status}\${detail ? \`: \${detail}\` : ""})\`);
          }
          return (await response.json()).access_token;
        }
      `,
    },
    {
      name: "a failed response's text parsed with JSON.parse in a try whose catch keeps the raw text",
      code: dedent`
        async function call(res: Response) {
          if (!res.ok || !res.body) {
            const text = await res.text();
            let message = text;
            try {
              message = JSON.parse(text).message;
            } catch {
              message = text;
            }
            throw new ApiError(res.status, message);
          }
          return res.json();
        }
      `,
    },
    {
      name: "the body of a failed response read in the `else` of `if (res.ok)`, its parse failure logged",
      code: dedent`
        async function send(res: Response) {
          if (res.ok) {
            return res.json();
          } else {
            let reason = "unknown";
            try {
              reason = await res.text();
            } catch (e) {
              console.warn("no error body", e);
            }
            return { ok: false as const, status: res.status, reason };
          }
        }
      `,
    },
    {
      name: "the body read for detail past an `if (response.ok) return response;` guard, then a throw with the status",
      code: dedent`
        const request = async (url: string) => {
          const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
          if (response.ok) {
            return response;
          }
          let detail = "";
          try {
            const body = (await response.json()) as { message?: string };
            detail = body.message ?? "";
          } catch {}
          throw new Error(\`request failed (status \${response.status}): \${detail}\`);
        };
      `,
    },
    {
      name: "a loader named for its empty fallback in the middle of its name (`loadOrEmptyMiddlewares`)",
      code: dedent`
        const loadOrEmptyMiddlewares = async (serverId: string | null): Promise<FileConfig> => {
          try {
            return serverId ? await loadRemote(serverId) : loadLocal();
          } catch {
            return { http: { middlewares: {} } };
          }
        };
      `,
    },
    {
      name: "a getter named for its default (`getOrDefaultSettings`) that logs and answers the default",
      code: dedent`
        export async function getOrDefaultSettings(db: Db) {
          try {
            return await db.settings.findFirst();
          } catch (err) {
            logger.warn({ err }, "settings unavailable, using defaults");
            return null;
          }
        }
      `,
    },
    {
      name: "a request check (`validateRequest`) whose catch answers the same \"no session\" as its invalid-key branch",
      code: dedent`
        export const validateRequest = async (request: IncomingMessage) => {
          const apiKey = request.headers["x-api-key"] as string;
          if (apiKey) {
            try {
              const { valid, key } = await api.verifyApiKey({ body: { key: apiKey } });
              if (!valid || !key) {
                return { session: null, user: null };
              }
              return { session: { userId: key.userId }, user: await findUser(key.userId) };
            } catch (error) {
              console.error("Error verifying API key", error);
              return { session: null, user: null };
            }
          }
          return api.getSession({ headers: request.headers });
        };
      `,
    },
    {
      name: "an unnamed check whose try calls a verify* method and denies with the same all-null answer",
      code: dedent`
        export async function sessionFromHeader(header: string | undefined) {
          try {
            const claims = await auth.verifySessionCookie(header ?? "");
            if (!claims.uid) return { user: null, session: null };
            return { user: await users.get(claims.uid), session: claims };
          } catch (err) {
            logger.info({ err }, "invalid session cookie");
            return { user: null, session: null };
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: "a try in the failed-response branch that also waits on another call is reported",
      code: dedent`
        async function report(res: Response) {
          if (!res.ok) {
            try {
              const body = await res.json();
              await alerts.send(body);
            } catch {}
            throw new Error(\`status \${res.status}\`);
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 13, endLine: 6, endColumn: 15, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            async function report(res: Response) {
              if (!res.ok) {
                try {
                  const body = await res.json();
                  await alerts.send(body);
                } catch {
                  // Intentionally ignored: <reason>
                }
                throw new Error(\`status \${res.status}\`);
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        async function report(res: Response) {
          if (!res.ok) {
            try {
              const body = await res.json();
              await alerts.send(body);
            } catch (err) {
              console.error("alerts.send failed in report", err);
            }
            throw new Error(\`status \${res.status}\`);
          }
        }
      `,
    },
    {
      name: "a body read with an empty catch outside any failed-response branch (an `if (res.ok)` that does not exit) is reported",
      code: dedent`
        async function load(res: Response) {
          if (res.ok) console.log("loaded", res.status);
          let data = {};
          try {
            data = await res.json();
          } catch {}
          return data;
        }
      `,
      findings: [
        { case: "emptyCatch", line: 6, column: 11, endLine: 6, endColumn: 13, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            async function load(res: Response) {
              if (res.ok) console.log("loaded", res.status);
              let data = {};
              try {
                data = await res.json();
              } catch (err) {
                console.error("load failed", err);
                throw err;
              }
              return data;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function load(res: Response) {
              if (res.ok) console.log("loaded", res.status);
              let data = {};
              try {
                data = await res.json();
              } catch {
                // Intentionally ignored: <reason>
              }
              return data;
            }
          ` },
        ] },
      ],
      output: dedent`
        async function load(res: Response) {
          if (res.ok) console.log("loaded", res.status);
          let data = {};
          try {
            data = await res.json();
          } catch (err) {
            console.error("load failed", err);
          }
          return data;
        }
      `,
    },
    {
      name: "a name with `Default` inside a word (`loadVendorDefaults`) promises nothing",
      code: dedent`
        async function loadVendorDefaults() {
          try {
            return await readVendorFile();
          } catch {
            return {};
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            async function loadVendorDefaults() {
              try {
                return await readVendorFile();
              } catch (err) {
                console.error("readVendorFile failed in loadVendorDefaults", err);
                return {};
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            async function loadVendorDefaults() {
              try {
                return await readVendorFile();
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
      name: "a verify* call whose try never denies: the all-null answer in the catch is reported",
      code: dedent`
        export async function sessionFromHeader(header: string) {
          try {
            const claims = await auth.verifySessionCookie(header);
            return { user: await users.get(claims.uid), session: claims };
          } catch (err) {
            logger.info({ err }, "session lookup failed");
            return { user: null, session: null };
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export async function sessionFromHeader(header: string) {
              try {
                const claims = await auth.verifySessionCookie(header);
                return { user: await users.get(claims.uid), session: claims };
              } catch (err) {
                // Intentionally ignored: <reason>
                logger.info({ err }, "session lookup failed");
                return { user: null, session: null };
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
