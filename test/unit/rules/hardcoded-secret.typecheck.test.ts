import * as assert from "node:assert/strict";
import { typecheck } from "../../helpers/typecheck";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { acceptAll } from "./hardcoded-secret.helpers";

// Every secret-shaped value below is fabricated.
const CONFIG = `import { z } from "zod";

export const config: { stripeKey: string; db: { host: string; password: string } } = {
  stripeKey: "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8",
  db: { host: "db.internal", password: "Tr0ub4dor&3" },
};

export const JWT_SECRET: string = process.env.JWT_SECRET || "supersecret";
export const sessionSecret: string = process.env.SESSION_SECRET ?? "changeme";

export const Env = z.object({ COOKIE_SECRET: z.string().min(16).default("dev-cookie-secret") });
export type Env = z.infer<typeof Env>;
export const cookieSecret: string = Env.parse(process.env).COOKIE_SECRET;

export class ApiClient {
  private readonly apiToken: string = "TrKKe1WEonm2aXjZTyMgul3uICn3WBH8";
  constructor(private readonly baseUrl = "https://api.internal", readonly password: string = "letmein") {}
  headers(): Record<string, string> {
    return { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe", "X-Token": this.apiToken };
  }
}

export const creds = { password: "hunter2" } as const;
export const token = <const>"gh0stT0k3n-valu3";
export const len: number = "sk_live_ZoDMOsPrQ4b94QnuRYSbd38o".length;
`;

const CRYPTO = `import { createHmac, createCipheriv, randomBytes } from "node:crypto";

export function sign(body: string): string {
  return createHmac("sha256", "webhook-signing-key").update(body).digest("hex");
}

export function encrypt(plain: string): Buffer {
  const cipher = createCipheriv("aes-256-cbc", Buffer.from("0123456789abcdef0123456789abcdef"), randomBytes(16));
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

declare const configService: { get<T>(key: string, fallback?: T): T | undefined; getOrThrow<T>(key: string): T };
export const jwtSecret: string = configService.get<string>("JWT_SECRET", "dev-secret");
`;

describe("hardcoded-secret: fix outputs type-check", function () {
  this.timeout(60_000);

  it("moved secrets and removed fallbacks keep every declared type (one strict project)", () => {
    const a = acceptAll("config.ts", CONFIG);
    const b = acceptAll("crypto.ts", CRYPTO);
    // The suggestions really ran: nothing secret is left in either output.
    assert.doesNotMatch(a.output + b.output, /sk_live_|Tr0ub4dor|supersecret|changeme|dev-cookie-secret|TrKKe1|letmein|rhJrXKI4|hunter2|webhook-signing-key|0123456789abcdef|dev-secret|gh0stT0k3n/);
    assert.ok(a.titles.length >= 11, `expected at least 11 accepted suggestions in config.ts, got ${a.titles.join(", ")}`);
    assert.match(a.output, /COOKIE_SECRET: z\.string\(\)\.min\(16\) \}/);
    assert.match(b.output, /configService\.getOrThrow<string>\("JWT_SECRET"\)/);
    // The header's token and the `apiToken` field are different values: they must not share `API_TOKEN`.
    assert.match(a.output, /Authorization: `Bearer \$\{process\.env\.CONFIG_API_TOKEN \?\?/);
    assert.equal(a.envExample, ["STRIPE_KEY=", "DB_PASSWORD=", "API_TOKEN=", "PASSWORD=", "CONFIG_API_TOKEN=", "CREDS_PASSWORD=", "TOKEN=", "STRIPE_SECRET_KEY=", ""].join("\n"));
    const diagnostics = typecheck({ "src/config.ts": a.output, "src/crypto.ts": b.output });
    assert.deepEqual(diagnostics, []);
  });

  it("Deno reads and a Workers handler's env binding (with the member added to Env) type-check", () => {
    const deno = acceptAll("pay.ts", 'export const stripe: string = "sk_live_tLU3Axzxy4ITpKE1qvRBaCW8";\n', new MemoryProjectHost(new Map([["/project/deno.json", "{}\n"]])));
    assert.deepEqual(deno.titles, ['Move secret to Deno.env.get("STRIPE")']);
    const workers = acceptAll(
      "worker.ts",
      'interface Env {\n  LIMIT: string;\n}\nexport default {\n  async fetch(req: Request, env: Env): Promise<Response> {\n    return fetch("https://api.internal/x", { headers: { Authorization: "Bearer rhJrXKI4LoSgLvIFDfBCTKbm0AXHtnAsDMYGqtdM7kGe" } });\n  },\n};\n',
      new MemoryProjectHost(new Map([["/project/package.json", "{}\n"], ["/project/wrangler.toml", 'name = "w"\n']])),
    );
    assert.deepEqual(workers.titles, ["Move secret to env.API_TOKEN"]);
    assert.match(workers.output, /interface Env \{\n  LIMIT: string;\n  API_TOKEN: string;\n\}/);
    const ambient = "declare const Deno: { env: { get(key: string): string | undefined } };";
    assert.deepEqual(typecheck({ "src/pay.ts": deno.output, "src/worker.ts": workers.output }, { ambient }), []);
  });
});
