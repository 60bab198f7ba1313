import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { applyFixes } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent } from "../../helpers/rule-tester";
import { typecheck } from "../../helpers/typecheck";

/**
 * The fixes type-check: each input compiles under strict TypeScript (ES2022, DOM and Node types),
 * and so does every suggestion applied alone. Libraries that are not installed here are declared
 * with the shape of their real options.
 */
const AMBIENT = dedent`
  declare function get(u: string): Promise<{ ok: boolean }>;
  declare function sleep(ms: number): Promise<void>;
  declare const client: { connect(): Promise<void> };
  declare module "supa" {
    export function createClient(url: string, key: string, options?: { global?: { fetch?: typeof fetch; headers?: Record<string, string> } }): { from(t: string): unknown };
  }
  declare module "supa-ssr" {
    // Like @supabase/ssr: the options are inferred, so a fetch arrow in them gets no contextual parameter types.
    export function createServerClient<O extends { cookies: unknown; global?: { fetch?: unknown } }>(url: string, key: string, options: O): { from(t: string): unknown };
  }
`;

const INPUTS: Record<string, string> = {
  "fetch.ts": dedent`
    export async function a(u: string) {
      const r = await fetch(u);
      const c = new AbortController();
      const s = await fetch(u, { method: "POST", signal: c.signal });
      return [r.status, s.status];
    }
  `,
  "download.ts": dedent`
    import { writeFile } from "node:fs/promises";
    export async function save(fileUrl: string, to: string) {
      let docx: Response;
      try {
        docx = await fetch(fileUrl, { headers: { accept: "application/octet-stream" } });
      } catch (err) {
        throw new Error("fetch failed", { cause: err });
      }
      await writeFile(to, Buffer.from(await docx.arrayBuffer()));
    }
    export const image = (u: string) => fetch(u).then((r) => r.blob());
    export async function blob(u: string) {
      return fetch(u).then((r) => r.blob());
    }
  `,
  "http.ts": dedent`
    import https from "node:https";
    export function send(body: string) {
      const req = https.request({ hostname: "api.example.com", method: "POST", timeout: 5000 });
      req.end(body);
    }
  `,
  "undici.ts": dedent`
    import { request } from "undici";
    export async function count(u: string) {
      const { body } = await request(u, { method: "GET" });
      return body.json();
    }
  `,
  "retry.ts": dedent`
    export async function capped(u: string) {
      for (let i = 0; i < 3; i++) {
        try {
          return await get(u);
        } catch (e) {
          console.warn(e);
        }
      }
    }
    export async function forever() {
      while (true) {
        try {
          await client.connect();
          break;
        } catch {
          continue;
        }
      }
    }
    export async function noCap(u: string) {
      while (true) {
        try {
          return await get(u);
        } catch (e) {
          await sleep(1000);
        }
      }
    }
    export async function poll() {
      while (true) {
        try {
          await get("x");
          await sleep(5000);
        } catch (e) {
          console.error(e);
        }
      }
    }
    export async function reconnect(): Promise<void> {
      try {
        await client.connect();
      } catch {
        return reconnect();
      }
    }
  `,
  "supabase.ts": dedent`
    import { createClient } from "supa";
    export const db = createClient("https://x.supabase.co", "key");
    export const asUser = (authorization: string) => createClient("https://x.supabase.co", "key", { global: { headers: { authorization } } });
  `,
  "server.ts": dedent`
    import { createServerClient } from "supa-ssr";
    export const db = (cookies: object) => createServerClient("https://x.supabase.co", "key", { cookies });
  `,
};

/** Specifiers the inputs use for libraries that are not installed here → the real ones the rule knows. */
const REAL: Record<string, [string, string]> = { "supabase.ts": ['"supa"', '"@supabase/supabase-js"'], "server.ts": ['"supa-ssr"', '"@supabase/ssr"'] };

describe("unbounded-call: fixes type-check", function () {
  this.timeout(60_000);

  it("every input and every suggestion applied alone compile", () => {
    const files: Record<string, string> = {};
    let suggestions = 0;
    for (const [name, code] of Object.entries(INPUTS)) {
      files[`src/${name}`] = code;
      const [fake, real] = REAL[name] ?? ["", ""];
      const spec = REAL[name] ? code.replace(fake, real) : code;
      const host = new MemoryProjectHost(new Map([["/p/package.json", "{}"]]));
      const r = analyze({ path: `/p/src/${name}`, text: spec, config: normalize({} as never, "/p", [unboundedCall]), project: host, rules: [unboundedCall] });
      assert.ok(r.findings.length > 0, `${name} has findings`);
      r.findings.forEach((f, i) => {
        for (const [j, s] of f.fixes.entries()) {
          suggestions++;
          const out = applyFixes(spec, [s]).output;
          files[`src/${name.replace(".ts", "")}.${i}.${j}.ts`] = REAL[name] ? out.replace(real, fake) : out;
        }
      });
    }
    assert.ok(suggestions >= 11, `only ${suggestions} suggestions were produced`);
    assert.deepEqual(typecheck(files, { ambient: AMBIENT }), []);
  });
});
