import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { ProfileCache } from "../../../src/profile/cache";
import { findProjectRoot } from "../../../src/profile/detect";

const host = (files: Record<string, string>) => new MemoryProjectHost(new Map(Object.entries(files)));

describe("project profile", () => {
  it("finds the nearest package.json or deno.json as the root", () => {
    const h = host({ "/r/package.json": "{}", "/r/supabase/functions/pay/deno.json": "{}" });
    assert.equal(findProjectRoot(h, "/r/src/a.ts"), "/r");
    assert.equal(findProjectRoot(h, "/r/supabase/functions/pay/index.ts"), "/r/supabase/functions/pay");
    assert.equal(findProjectRoot(host({}), "/x/a.ts"), undefined);
  });

  const runtimes: Array<[string, Record<string, string>, string, string | undefined, string]> = [
    ["a Node project", { "/r/package.json": "{}" }, "/r/src/a.ts", undefined, "node"],
    ["a Deno project (deno.json)", { "/r/deno.json": "{}" }, "/r/main.ts", undefined, "deno"],
    ["a Supabase Edge Function inside a Node project", { "/r/package.json": "{}" }, "/r/supabase/functions/pay/index.ts", undefined, "deno"],
    ["a Cloudflare Workers project", { "/r/package.json": "{}", "/r/wrangler.toml": "name = \"w\"" }, "/r/src/index.ts", undefined, "workers"],
    ["a Bun project", { "/r/package.json": "{}", "/r/bun.lockb": "" }, "/r/index.ts", undefined, "bun"],
    ["a \"use client\" file", { "/r/package.json": "{}" }, "/r/app/x.ts", '// comment\n"use client";\nexport {};', "browser"],
    ["a React component outside a server-rendering framework", { "/r/package.json": "{}" }, "/r/src/App.tsx", undefined, "browser"],
    ["a Next.js server component", { "/r/package.json": '{ "dependencies": { "next": "15.0.0" } }' }, "/r/app/page.tsx", "export default function Page() {}", "node"],
    ["a client-only/ folder (next to server-only/)", { "/r/package.json": "{}" }, "/r/packages/lib/client-only/download-pdf.ts", "export {};", "browser"],
    // MahlerSignalsBot's Express routes live in src/web/routes/ (retired held round 29).
    ["a web/ folder file that imports express and undici", { "/r/package.json": "{}" }, "/r/src/web/routes/admin.ts", 'import { Router } from "express";\nimport { fetch } from "undici";\nexport {};', "node"],
    // ijn-kruso/stripeworker's stripeworker-ui (retired held round 30): a Stripe Apps UI extension, run in the dashboard's sandboxed frame.
    ["a Stripe Apps UI extension (its SDK in the dependencies)", { "/r/package.json": '{ "dependencies": { "@stripe/ui-extension-sdk": "^8.10.0", "react": "17.0.2", "stripe": "^14.0.0" } }' }, "/r/src/api.ts", "export {};", "browser"],
    ["a package with a stripe-app.json manifest and React", { "/r/package.json": '{ "dependencies": { "react": "17.0.2" } }', "/r/stripe-app.json": "{}" }, "/r/src/api.ts", "export {};", "browser"],
    ["a package whose dependencies are only UI libraries", { "/r/package.json": '{ "dependencies": { "react": "18.0.0", "clsx": "2.0.0" }, "devDependencies": { "typescript": "5.0.0" } }' }, "/r/src/lib/api.ts", "export {};", "browser"],
    ["a monorepo root listing a UI extension SDK and a server framework", { "/r/package.json": '{ "dependencies": { "@stripe/ui-extension-sdk": "^8.10.0", "hono": "4.0.0" } }' }, "/r/worker/src/index.ts", "export {};", "node"],
    ["a server package that renders e-mails with React", { "/r/package.json": '{ "dependencies": { "react": "18.0.0", "resend": "3.0.0" } }' }, "/r/src/mail.ts", "export {};", "node"],
    ["a web/ folder file that imports a front-end library", { "/r/package.json": "{}" }, "/r/src/web/app.ts", 'import { createApp } from "vue";\nexport {};', "browser"],
  ];
  for (const [name, files, file, text, want] of runtimes) {
    it(`runtime of ${name}: ${want}`, () => {
      assert.equal(new ProfileCache(host(files)).get(file).runtimeOf(file, text), want);
    });
  }

  it("module system, ES2022 and the env example file", () => {
    const p = new ProfileCache(host({ "/r/package.json": '{ "type": "module" }', "/r/tsconfig.json": '{ "compilerOptions": { "target": "es2019" } }', "/r/.env.sample": "A=\n" })).get("/r/src/a.ts");
    assert.deepEqual([p.moduleSystem, p.predatesEs2022, p.envExample], ["esm", true, { path: "/r/.env.sample", exists: true }]);
    const q = new ProfileCache(host({ "/r/package.json": "{}" })).get("/r/a.js");
    assert.deepEqual([q.moduleSystem, q.predatesEs2022, q.envExample], ["cjs", false, { path: "/r/.env.example", exists: false }]);
  });

  it("ES2018 (Promise.prototype.finally) and ES2022 from the target, the lib winning over it", () => {
    const of = (compilerOptions: object) => new ProfileCache(host({ "/r/package.json": "{}", "/r/tsconfig.json": JSON.stringify({ compilerOptions }) })).get("/r/a.ts");
    const both = (compilerOptions: object) => [of(compilerOptions).predatesEs2018, of(compilerOptions).predatesEs2022];
    assert.deepEqual([both({ target: "es6" }), both({ target: "es2017" }), both({ target: "ES2018" }), both({ target: "esnext" }), both({ target: "es5", lib: ["dom", "es2018.promise"] }), both({})], [[true, true], [true, true], [false, true], [false, false], [false, true], [false, false]]);
  });

  it("is computed once per root and dropped when a manifest changes, not when a source file does", () => {
    const files = new Map(Object.entries({ "/r/package.json": "{}" }));
    const cache = new ProfileCache(new MemoryProjectHost(files));
    const first = cache.get("/r/src/a.ts");
    assert.equal(cache.get("/r/lib/b.ts"), first);
    assert.equal(cache.invalidate("/r/src/a.ts"), false);
    assert.equal(cache.get("/r/src/a.ts"), first);
    files.set("/r/package.json", '{ "type": "module", "dependencies": { "zod": "^3.23.0" } }');
    assert.equal(cache.invalidate("/r/package.json"), true);
    const second = cache.get("/r/src/a.ts");
    assert.notEqual(second, first);
    assert.equal(second.moduleSystem, "esm");
    assert.deepEqual(second.validator && { kind: second.validator.kind, major: second.validator.major }, { kind: "zod", major: 3 });
  });
});
