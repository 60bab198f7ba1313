import * as assert from "node:assert/strict";
import { fixAll } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { applyEdits } from "../../../src/engine/fix-invariants";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import type { TextEdit } from "../../../src/engine/types";
import rule from "../../../src/rules/hardcoded-secret/rule";
import { typecheck } from "../../helpers/typecheck";

/** Applies every safe fix of the rule to `text` (as /project/src/<name>), returning the new text and .env.example. */
function fixed(name: string, text: string): { output: string; envExample: string | undefined; fixed: string[] } {
  const host = new MemoryProjectHost(new Map([["/project/package.json", "{}\n"]]));
  const config = normalize({} as never, "/project", [rule]);
  const result = fixAll({ path: `/project/src/${name}`, text, config, project: host, rules: [rule] }, (edits: TextEdit[]) => {
    for (const e of edits) host.files.set(e.file!, applyEdits(e.create ? "" : host.readFile(e.file!) ?? "", [{ ...e, file: undefined }]));
  });
  return { output: result.output, envExample: host.readFile("/project/.env.example"), fixed: result.fixed };
}

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
    const a = fixed("config.ts", CONFIG);
    const b = fixed("crypto.ts", CRYPTO);
    // The fixes really ran: nothing secret is left in either output.
    assert.doesNotMatch(a.output + b.output, /sk_live_|Tr0ub4dor|supersecret|changeme|dev-cookie-secret|TrKKe1|letmein|rhJrXKI4|hunter2|webhook-signing-key|0123456789abcdef|dev-secret/);
    assert.ok(a.fixed.length >= 10, `expected at least 10 fixes in config.ts, got ${a.fixed.join(", ")}`);
    assert.match(a.output, /configService|getOrThrow|COOKIE_SECRET: z\.string\(\)\.min\(16\) \}/);
    assert.match(b.output, /configService\.getOrThrow<string>\("JWT_SECRET"\)/);
    // The header's token and the `apiToken` field are different values: they must not share `API_TOKEN`.
    assert.match(a.output, /Authorization: `Bearer \$\{process\.env\.API_TOKEN_2 \?\?/);
    assert.equal(
      a.envExample,
      ["STRIPE_KEY=", "DB_PASSWORD=", "API_TOKEN=", "PASSWORD=", "API_TOKEN_2=", "CREDS_PASSWORD=", "STRIPE_SECRET_KEY=", ""].join("\n"),
    );
    const diagnostics = typecheck({ "src/config.ts": a.output, "src/crypto.ts": b.output });
    assert.deepEqual(diagnostics, []);
  });
});
