import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on sampled production codebases (issue 11: eval/production/, hoppscotch and
// openstatus at seed 20261206): hand-written analogues, not the codebases' code. Each class has
// its valid rows (the forms that are no use) and invalid rows (the forms that stay reported).

const LITERAL_COMPARED_OTHER_READ = dedent`
  import axios from "axios";
  export async function agentStatus() {
    const res = await axios.get("http://localhost:9119/handshake");
    if (res.data.status === "success") return res.data.version.trim();
    return null;
  }
`;

const BOOLEAN_THEN_STORED = dedent`
  export async function syncFlags(userId: string) {
    const res = await fetch("https://flags.example.com/v1/flags");
    const flags = await res.json();
    if (!!flags.enabled) await db.flags.upsert({ where: { userId }, data: flags });
  }
`;

const ERROR_WORDED_THEN_USED = dedent`
  export async function register(otp: string) {
    const res = await fetch("https://agent.example.com/register", { method: "POST", body: otp });
    const body = await res.json();
    if (body.message !== "stored") throw new Error(body.message ?? "Registration failed");
    return body.key.id;
  }
`;

const CONFIG_WITHOUT_RAW_TYPE = dedent`
  import axios from "axios";
  export async function relay(url: string) {
    const config = { url, method: "GET", timeout: 10_000 };
    const res = await axios(config);
    return res.data.items.length;
  }
`;

const LITERAL_OUTSIDE_TRY = dedent`
  export function readFlags() {
    const flags = JSON.parse(localStorage.getItem("flags") ?? "{}");
    return { beta: flags.beta === true };
  }
`;

const LITERAL_CATCH_RETHROWS = dedent`
  export async function ready(url: string) {
    try {
      const res = await fetch(url);
      const body = await res.json();
      return body.state === "ready";
    } catch (err) {
      throw new Error("probe failed", { cause: err });
    }
  }
`;

const NEGATED_THEN_RETURNS = dedent`
  export async function confirm(url: string) {
    const res = await fetch(url, { method: "POST" });
    const ack = await res.json();
    if (ack.status !== "accepted") return false;
    return true;
  }
`;

const PUBLIC_UPLOAD = dedent`
  import fs from "node:fs";
  export function loadUpload(name: string) {
    const doc = JSON.parse(fs.readFileSync(\`\${process.cwd()}/public/uploads/\${name}\`, "utf8"));
    return doc.rows.length;
  }
`;

const READ_NOT_WRITTEN = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  const settings = JSON.parse(readFileSync("settings.json", "utf8"));
  writeFileSync("dist/port.txt", String(settings.port));
`;

/** A NestJS controller that hands a query value to an injected service (the service is each row's). */
const SIGNIN_CONTROLLER = dedent`
  import { Body, Controller, Post, Query } from "@nestjs/common";
  import { AuthService } from "./auth.service";
  @Controller("auth")
  export class AuthController {
    constructor(private readonly authService: AuthService) {}
    @Post("signin")
    async signIn(@Body() dto: SignInDto, @Query("origin") origin: string) {
      return this.authService.signInMagicLink(dto.email, origin);
    }
  }
`;

const NEST_FILES = { "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }' };

/** SIGNIN_CONTROLLER with the given auth service, its query value still reported at the call. */
function signinReported(name: string, service: string): InvalidCase {
  return {
    name,
    code: SIGNIN_CONTROLLER,
    filename: "src/auth/auth.controller.ts",
    files: { ...NEST_FILES, "src/auth/auth.service.ts": service },
    findings: [{ case: "nestDecorator", line: 7, column: 40, endColumn: 56, suggestions: [mark(SIGNIN_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  };
}

const LOCAL_FIELD_STORED = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/rpc", async (c) => {
    const body = await c.req.json();
    const id = body?.id;
    await db.calls.insert({ id });
    return c.json({ ok: true });
  });
`;

const ELEMENT_HANDED_ON = dedent`
  export async function search(q: string) {
    const res = await fetch(\`https://docs.example.com/api/search?q=\${encodeURIComponent(q)}\`);
    const body = (await res.json()) as unknown;
    if (!Array.isArray(body)) return [];
    return body.flatMap((el) => {
      const item = el as { href?: unknown };
      if (typeof item.href !== "string") return [];
      return [item];
    });
  }
`;

const ELEMENTS_UNGUARDED = dedent`
  export async function search(q: string) {
    const res = await fetch(\`https://docs.example.com/api/search?q=\${encodeURIComponent(q)}\`);
    const body = (await res.json()) as unknown[];
    return body.flatMap((el) => {
      const item = el as { href?: unknown };
      return typeof item.href === "string" ? [item.href] : [];
    });
  }
`;

const REDIRECT_ORIGIN_UNSEPARATED = dedent`
  import express from "express";
  const app = express();
  app.get("/go", (req, res) => {
    res.redirect(\`\${process.env.APP_URL}\${req.query.next}\`);
  });
`;

const REDIRECT_ORIGIN_LET = dedent`
  import express from "express";
  const app = express();
  let base = "https://app.example.com";
  app.get("/go", (req, res) => {
    res.redirect(\`\${base}/teams/\${req.query.team}\`);
  });
`;

// Dokploy (issue 11, eval/production/Dokploy__dokploy.json): a file written by a sibling function,
// and a query value an imported service only compares.

const METRICS_OTHER_PATH = dedent`
  import { promises as fsp } from "node:fs";
  export async function lastSummary(app: string) {
    const file = \`\${METRICS_DIR}/\${app}/summary.json\`;
    const doc = JSON.parse(await fsp.readFile(file, "utf8"));
    return doc.points.at(-1);
  }
  export async function addPoint(app: string, kind: string, value: number) {
    const points = [{ value, at: Date.now() }];
    await fsp.writeFile(\`\${METRICS_DIR}/\${app}/\${kind}.json\`, JSON.stringify(points));
  }
`;

const INBOX_NOT_JSON_WRITE = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  export function keep(id: string, text: string) {
    writeFileSync(\`inbox/\${id}.json\`, text);
  }
  export function open(id: string) {
    const msg = JSON.parse(readFileSync(\`inbox/\${id}.json\`, "utf8"));
    return msg.to.toLowerCase();
  }
`;

const JOBS_ROUTE = dedent`
  import { Hono } from "hono";
  import { listJobs } from "./jobs.service";
  const app = new Hono();
  app.get("/jobs", async (c) => {
    const serverId = c.req.query("serverId");
    if (!serverId) return c.json({ message: "serverId is required" }, 400);
    return c.json(await listJobs(serverId));
  });
`;

/** JOBS_ROUTE with the given jobs service: the query value stays reported at the call. */
function jobsReported(name: string, service: string): InvalidCase {
  return {
    name,
    code: JOBS_ROUTE,
    files: { "package.json": '{ "dependencies": { "hono": "^4.0.0" } }', "src/jobs.service.ts": service },
    findings: [{ case: "honoRequest", line: 5, column: 20, endColumn: 43, suggestions: [mark(JOBS_ROUTE, "honoRequest", 5)] }],
    output: null,
  };
}

const valid: ValidCase[] = [
  {
    name: "response fields only compared with literals inside a try whose catch answers false (hoppscotch agent handshake)",
    code: dedent`
      import axios from "axios";
      export async function agentRunning(): Promise<boolean> {
        try {
          const res = await axios.get("http://localhost:9119/handshake");
          return res.data.status === "success" && res.data.__agent__ === true;
        } catch {
          return false;
        }
      }
    `,
  },
  {
    name: "a response field compared with null, !== to a literal, or == to a number inside a try whose catch answers",
    code: dedent`
      export async function ready(url: string) {
        try {
          const res = await fetch(url);
          const body = await res.json();
          if (body.error != null) return false;
          return body.state !== "pending" && body.code == 0;
        } catch (err) {
          console.warn("readiness probe failed", err);
          return false;
        }
      }
    `,
  },
  {
    name: "a response field reduced to a boolean with !! or Boolean() inside a try whose catch answers false (a token check)",
    code: dedent`
      import axios from "axios";
      export async function tokensValid(api: string) {
        try {
          const res = await axios.get(\`\${api}/auth/verify-token\`, { withCredentials: true });
          return !!res.data.isValid || Boolean(res.data.refreshed);
        } catch {
          return false;
        }
      }
    `,
  },
  {
    name: "a field whose every value but the literal throws",
    code: dedent`
      export async function confirm(url: string) {
        const res = await fetch(url, { method: "POST" });
        const ack = await res.json();
        if (ack.status !== "accepted") throw new Error("not accepted");
        return true;
      }
    `,
  },
  {
    name: "a response field that only words the error thrown (new Error, a …Exception, in a template)",
    code: dedent`
      export async function register(otp: string) {
        const res = await fetch("https://agent.example.com/register", { method: "POST", body: otp });
        const body = await res.json();
        if (body.message !== "stored") throw new Error(body.message ?? "Registration failed");
        if (body.state !== "open") throw new ConflictException(\`agent says: \${body.reason}\`);
        return otp;
      }
    `,
  },
  {
    name: "axios with a local config object asking for an arraybuffer: bytes, not a parsed document (hoppscotch relay)",
    code: dedent`
      import axios, { type AxiosRequestConfig } from "axios";
      export async function relay(url: string) {
        const config: AxiosRequestConfig = { url, method: "GET", responseType: "arraybuffer" };
        const res = await axios(config);
        const raw = res.data;
        return { size: raw.byteLength, body: raw };
      }
    `,
  },
  {
    name: "a JSON file the site ships under public/, read by a server component (openstatus)",
    code: dedent`
      import fs from "node:fs";
      export function ChartTable({ staticFile }: { staticFile: string }) {
        const data = JSON.parse(fs.readFileSync(\`\${process.cwd()}/public\${staticFile}\`, "utf8"));
        return data.regions.map((r: string) => r.toUpperCase());
      }
    `,
  },
  {
    name: "a public/ file named through path.join in a variable",
    code: dedent`
      import { readFileSync } from "node:fs";
      import path from "node:path";
      const menuPath = path.join(process.cwd(), "public", "menu.json");
      export const menu = JSON.parse(readFileSync(menuPath, "utf8")).items;
    `,
  },
  {
    name: "a build script that reads a repository JSON file, transforms it and writes it out with JSON.stringify (openstatus registry.json)",
    code: dedent`
      import { readFileSync, writeFileSync } from "node:fs";
      import { join } from "node:path";
      const registry = JSON.parse(readFileSync(join(ROOT, "registry.json"), "utf-8"));
      for (const item of registry.items) item.url = BASE + "/" + item.name;
      writeFileSync(join(DIST, "registry.json"), JSON.stringify(registry, null, 2));
    `,
  },
  {
    name: "the same transform with fs.promises and a cast",
    code: dedent`
      import fs from "node:fs";
      async function build(src: string, out: string) {
        const components = JSON.parse(await fs.promises.readFile(src, "utf8")) as Record<string, unknown>;
        components.aliases = rewrite(components.aliases);
        await fs.promises.writeFile(out, JSON.stringify(components));
      }
    `,
  },
  {
    name: "a query value an injected service only maps through a switch with literal cases and a default (hoppscotch origin)",
    code: SIGNIN_CONTROLLER,
    filename: "src/auth/auth.controller.ts",
    files: {
      ...NEST_FILES,
      "src/auth/auth.service.ts": dedent`
        export class AuthService {
          async signInMagicLink(email: string, origin: string) {
            let url: string;
            switch (origin) {
              case Origin.ADMIN:
                url = this.config.get("ADMIN_URL");
                break;
              case "app":
                url = this.config.get("BASE_URL");
                break;
              default:
                url = this.config.get("BASE_URL");
            }
            await this.mailer.send(email, \`\${url}/enter\`);
          }
        }
      `,
    },
  },
  {
    name: "a body field read into a local decided by typeof, the body handed to a transport (openstatus MCP route)",
    code: dedent`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/mcp", async (c) => {
        let parsedBody: unknown;
        let rpcId: string | number | null = null;
        try {
          parsedBody = await c.req.json();
          const idCandidate = (parsedBody as { id?: unknown } | null)?.id;
          if (typeof idCandidate === "string" || typeof idCandidate === "number") rpcId = idCandidate;
        } catch {
          // the transport answers a parse error itself
        }
        return transport.handleRequest(c, parsedBody, rpcId);
      });
    `,
  },
  {
    name: "an Array.isArray-decided response whose elements are picked field by field with typeof checks (openstatus docs search)",
    code: dedent`
      export async function searchDocs(q: string) {
        const res = await fetch(\`https://docs.example.com/api/search?q=\${encodeURIComponent(q)}\`);
        if (!res.ok) return [];
        const body = (await res.json()) as unknown;
        if (!Array.isArray(body)) return [];
        return body.flatMap((el) => {
          const item = el as { meta?: { title?: unknown; summary?: unknown }; href?: unknown };
          const title = item.meta?.title;
          const href = item.href;
          if (typeof title !== "string" || typeof href !== "string") return [];
          return [{
            title,
            summary: typeof item.meta?.summary === "string" ? item.meta.summary : undefined,
            url: \`https://docs.example.com\${href}\`,
          }];
        });
      }
    `,
  },
  {
    name: "a redirect under a configured origin followed by a path (an env read, a const of one)",
    code: dedent`
      import express from "express";
      const app = express();
      const APP_URL = process.env.APP_URL ?? "https://app.example.com";
      app.get("/teams", (req, res) => {
        res.redirect(\`\${APP_URL}/teams/\${req.query.team}/settings\`);
      });
      app.get("/docs", (req, res) => {
        res.redirect(\`\${import.meta.env.VITE_DOCS_URL}/search?q=\${req.query.q}\`);
      });
    `,
  },
  {
    name: "a redirect under a choice of literal origins followed by a path (openstatus callback)",
    code: dedent`
      import { redirect } from "next/navigation";
      export async function GET(request: Request) {
        const { searchParams } = new URL(request.url);
        const workspace = searchParams.get("workspace");
        const url = \`\${process.env.NODE_ENV === "development" ? "http://localhost:3000" : "https://app.example.com"}/app/\${workspace}/settings\`;
        redirect(url);
      }
    `,
  },
  {
    name: "a stats file a sibling function of the module writes with JSON.stringify at the same path (Dokploy monitoring)",
    code: dedent`
      import { promises as fsp } from "node:fs";
      export async function readPoints(app: string, kind: "cpu" | "memory") {
        try {
          const file = \`\${METRICS_DIR}/\${app}/\${kind}.json\`;
          const points = JSON.parse(await fsp.readFile(file, "utf8"));
          return points.slice(-10);
        } catch {
          return [];
        }
      }
      export async function addPoint(app: string, kind: "cpu" | "memory", value: number) {
        const points = await readPoints(app, kind);
        points.push({ value, at: Date.now() });
        const body = JSON.stringify(points);
        await fsp.writeFile(\`\${METRICS_DIR}/\${app}/\${kind}.json\`, body);
      }
    `,
  },
  {
    name: "a state file written through a temporary file renamed onto it, a literal path with a newline added, fs-extra's writeJson",
    code: dedent`
      import fs from "node:fs";
      import fse from "fs-extra";
      const STATE_FILE = "./data/state.json";
      export function saveState(state: object) {
        fs.writeFileSync(STATE_FILE + ".tmp", JSON.stringify(state));
        fs.renameSync(STATE_FILE + ".tmp", STATE_FILE);
        fs.writeFileSync("last-run.json", JSON.stringify({ at: Date.now() }, null, 2) + "\\n");
      }
      export async function saveSession(session: object) {
        await fse.writeJson(SESSION_FILE, session);
      }
      export function loadState() {
        const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
        const last = JSON.parse(fs.readFileSync("last-run.json", "utf8"));
        return { ...state, at: last.at };
      }
      export async function loadSession() {
        return JSON.parse(await fse.readFile(SESSION_FILE, "utf8")).user.id;
      }
    `,
  },
  {
    name: "a query value an imported service only compares with ===, there and in a helper of its module (Dokploy jobs)",
    code: JOBS_ROUTE,
    files: {
      "package.json": '{ "dependencies": { "hono": "^4.0.0" } }',
      "src/jobs.service.ts": dedent`
        export async function listJobs(serverId: string) {
          const events = await fetchEvents();
          const mine = events.filter((e) => e.name === "deploy" && e.data?.serverId === serverId);
          return toRows(mine, serverId);
        }
        function toRows(events: Event[], serverId: string) {
          if (!serverId) return [];
          logger.debug("building rows", { serverId });
          return events.filter((e) => e.data.serverId === serverId).map((e) => ({ id: e.id, at: e.ts }));
        }
      `,
    },
  },
  {
    name: "a NestJS query value the injected service only compares with !== to its configuration",
    code: SIGNIN_CONTROLLER,
    filename: "src/auth/auth.controller.ts",
    files: {
      ...NEST_FILES,
      "src/auth/auth.service.ts": dedent`
        export class AuthService {
          async signInMagicLink(email: string, origin: string) {
            const admin = origin !== this.config.get("ADMIN_ORIGIN") ? false : true;
            return this.mailer.send(email, admin ? ADMIN_LINK : APP_LINK);
          }
        }
      `,
    },
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a field compared with a literal is no use, but another field read from the same response is",
    code: LITERAL_COMPARED_OTHER_READ,
    findings: [{ case: "fetchJson", line: 4, column: 7, endColumn: 15, suggestions: [mark(LITERAL_COMPARED_OTHER_READ, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "a field compared with a literal where a null document crashes with nothing to catch it (localStorage flags)",
    code: LITERAL_OUTSIDE_TRY,
    findings: [{ case: "jsonParseExternal", line: 2, column: 17, endColumn: 66, suggestions: [{ title: 'Validate JSON.parse(localStorage.getItem("flags"… with Zod (adds the zod dependency)', output: dedent`
      import { z } from "zod";

      const ReadFlagsData = z.object({ beta: z.boolean() });

      export function readFlags() {
        const flags = ReadFlagsData.parse(JSON.parse(localStorage.getItem("flags") ?? "{}"));
        return { beta: flags.beta === true };
      }
    ` }, mark(LITERAL_OUTSIDE_TRY, "jsonParseExternal", 2)] }],
    output: null,
  },
  {
    name: "a comparison inside a try whose catch rethrows",
    code: LITERAL_CATCH_RETHROWS,
    findings: [{ case: "fetchJson", line: 4, column: 24, endColumn: 34, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const ReadyResponse = z.object({ state: z.string() });

      export async function ready(url: string) {
        try {
          const res = await fetch(url);
          const body = ReadyResponse.parse(await res.json());
          return body.state === "ready";
        } catch (err) {
          throw new Error("probe failed", { cause: err });
        }
      }
    ` }, mark(LITERAL_CATCH_RETHROWS, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "a negated comparison whose branch returns: a null document crashes instead",
    code: NEGATED_THEN_RETURNS,
    findings: [{ case: "fetchJson", line: 3, column: 21, endColumn: 31, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const ConfirmResponse = z.object({ status: z.string() });

      export async function confirm(url: string) {
        const res = await fetch(url, { method: "POST" });
        const ack = ConfirmResponse.parse(await res.json());
        if (ack.status !== "accepted") return false;
        return true;
      }
    ` }, mark(NEGATED_THEN_RETURNS, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a truthiness test does not validate the document stored after it",
    code: BOOLEAN_THEN_STORED,
    findings: [{ case: "fetchJson", line: 3, column: 23, endColumn: 33, suggestions: [mark(BOOLEAN_THEN_STORED, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a field that words the thrown error is no use, but one returned after it is",
    code: ERROR_WORDED_THEN_USED,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(ERROR_WORDED_THEN_USED, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a local axios config without a responseType: the body is a parsed document",
    code: CONFIG_WITHOUT_RAW_TYPE,
    findings: [{ case: "fetchJson", line: 5, column: 10, endColumn: 18, suggestions: [mark(CONFIG_WITHOUT_RAW_TYPE, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "an upload folder under public/ holds what users sent",
    code: PUBLIC_UPLOAD,
    findings: [{ case: "jsonParseExternal", line: 3, column: 15, endColumn: 93, suggestions: [mark(PUBLIC_UPLOAD, "jsonParseExternal", 3)] }],
    output: null,
  },
  {
    name: "a file read whose parsed document is not written out again stays reported",
    code: READ_NOT_WRITTEN,
    findings: [{ case: "jsonParseExternal", line: 2, column: 18, endColumn: 67, suggestions: [mark(READ_NOT_WRITTEN, "jsonParseExternal", 2)] }],
    output: null,
  },
  signinReported("a query value read again after the switch goes on raw: reported at the call", dedent`
    export class AuthService {
      async signInMagicLink(email: string, origin: string) {
        switch (origin) {
          case "demo":
            return DEMO_LINK;
          default:
            break;
        }
        return db.link.create({ data: { email, origin } });
      }
    }
  `),
  signinReported("a switch with no default lets every other value through: reported at the call", dedent`
    export class AuthService {
      async signInMagicLink(email: string, origin: string) {
        switch (origin) {
          case "admin":
            return ADMIN_URL;
        }
        return db.link.findFirst({ where: { origin } });
      }
    }
  `),
  {
    name: "a body field read into a local that is stored unchecked",
    code: LOCAL_FIELD_STORED,
    findings: [{ case: "honoRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark(LOCAL_FIELD_STORED, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "an element handed on whole from the callback is a use",
    code: ELEMENT_HANDED_ON,
    findings: [{ case: "fetchJson", line: 3, column: 23, endColumn: 33, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const SearchResponse = z.array(z.object({ href: z.string() }).passthrough());

      export async function search(q: string) {
        const res = await fetch(\`https://docs.example.com/api/search?q=\${encodeURIComponent(q)}\`);
        const body = (SearchResponse.parse(await res.json())) as unknown;
        if (!Array.isArray(body)) return [];
        return body.flatMap((el) => {
          const item = el as { href?: unknown };
          if (typeof item.href !== "string") return [];
          return [item];
        });
      }
    ` }, mark(ELEMENT_HANDED_ON, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "elements read without an Array.isArray decision on the array",
    code: ELEMENTS_UNGUARDED,
    findings: [{ case: "fetchJson", line: 3, column: 23, endColumn: 33, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const SearchResponse = z.array(z.unknown());

      export async function search(q: string) {
        const res = await fetch(\`https://docs.example.com/api/search?q=\${encodeURIComponent(q)}\`);
        const body = (SearchResponse.parse(await res.json())) as unknown[];
        return body.flatMap((el) => {
          const item = el as { href?: unknown };
          return typeof item.href === "string" ? [item.href] : [];
        });
      }
    ` }, mark(ELEMENTS_UNGUARDED, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a configured origin with no / after it lets @host in: the redirect stays reported",
    code: REDIRECT_ORIGIN_UNSEPARATED,
    findings: [{ case: "expressQuery", line: 4, column: 41, endColumn: 50, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
      import express from "express";
      import { z } from "zod";
      const app = express();
      const GetGoQuery = z.object({ next: z.string() });

      app.get("/go", (req, res) => {
        const parsed = GetGoQuery.safeParse(req.query);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        res.redirect(\`\${process.env.APP_URL}\${parsed.data.next}\`);
      });
    ` }, mark(REDIRECT_ORIGIN_UNSEPARATED, "expressQuery", 4)] }],
    output: null,
  },
  {
    name: "an origin held in a let can change: the redirect stays reported",
    code: REDIRECT_ORIGIN_LET,
    findings: [{ case: "expressQuery", line: 5, column: 33, endColumn: 42, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
      import express from "express";
      import { z } from "zod";
      const app = express();
      let base = "https://app.example.com";
      const GetGoQuery = z.object({ team: z.string() });

      app.get("/go", (req, res) => {
        const parsed = GetGoQuery.safeParse(req.query);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        res.redirect(\`\${base}/teams/\${parsed.data.team}\`);
      });
    ` }, mark(REDIRECT_ORIGIN_LET, "expressQuery", 5)] }],
    output: null,
  },
  {
    name: "a file the module writes with JSON.stringify at another path stays reported",
    code: METRICS_OTHER_PATH,
    findings: [{ case: "jsonParseExternal", line: 4, column: 15, endColumn: 59, suggestions: [mark(METRICS_OTHER_PATH, "jsonParseExternal", 4)] }],
    output: null,
  },
  {
    name: "a file the module writes at the same path with text it was handed, not JSON.stringify, stays reported",
    code: INBOX_NOT_JSON_WRITE,
    findings: [{ case: "jsonParseExternal", line: 6, column: 15, endColumn: 67, suggestions: [{ title: "Validate JSON.parse(readFileSync('inbox/${id}.js… with Zod (adds the zod dependency)", output: dedent`
      import { readFileSync, writeFileSync } from "node:fs";
      import { z } from "zod";
      export function keep(id: string, text: string) {
        writeFileSync(\`inbox/\${id}.json\`, text);
      }
      const OpenData = z.object({ to: z.string() });

      export function open(id: string) {
        const msg = OpenData.parse(JSON.parse(readFileSync(\`inbox/\${id}.json\`, "utf8")));
        return msg.to.toLowerCase();
      }
    ` }, mark(INBOX_NOT_JSON_WRITE, "jsonParseExternal", 6)] }],
    output: null,
  },
  jobsReported("a query value the service compares and also puts in the rows it returns", dedent`
    export async function listJobs(serverId: string) {
      const events = await fetchEvents();
      return events.filter((e) => e.data.serverId === serverId).map((e) => ({ id: e.id, serverId }));
    }
  `),
  jobsReported("a query value the service compares and hands on to another module", dedent`
    import { notifyServer } from "./notify";
    export async function listJobs(serverId: string) {
      const events = await fetchEvents();
      await notifyServer(serverId);
      return events.filter((e) => e.data.serverId === serverId);
    }
  `),
  jobsReported("a query value a helper of the service's module puts in the rows it returns", dedent`
    export async function listJobs(serverId: string) {
      const events = await fetchEvents();
      return toRows(events.filter((e) => e.data.serverId === serverId), serverId);
    }
    function toRows(events: Event[], serverId: string) {
      return events.map((e) => ({ id: e.id, serverId }));
    }
  `),
];

runWithNamedCases(valid, invalid);
