import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile } from "../../../src/profile/detect";

function profile(files: Record<string, string>, root = "/p") {
  return computeProfile(new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`${root}/${k}`, v]))), root, true);
}

describe("profile: validator and runtime per file", () => {
  it("reads the validator and its major from package.json", () => {
    assert.deepEqual(profile({ "package.json": '{ "dependencies": { "zod": "^3.23.8" } }' }).validator, { kind: "zod", specifier: "zod", major: 3 });
    assert.deepEqual(profile({ "package.json": '{ "dependencies": { "zod": "4.1.0" } }' }).validator, { kind: "zod", specifier: "zod", major: 4 });
    assert.deepEqual(profile({ "package.json": '{ "dependencies": { "valibot": "^1.0.0" } }' }).validator, { kind: "valibot", specifier: "valibot", major: 1 });
    assert.equal(profile({ "package.json": '{ "dependencies": { "express": "^5" } }' }).validator, undefined);
  });

  it("under Deno, the validator is the import-map key, whatever it maps to", () => {
    assert.deepEqual(profile({ "deno.json": '{ "imports": { "zod": "npm:zod@3.23.8" } }' }).validator, { kind: "zod", specifier: "zod", major: 3 });
    assert.deepEqual(profile({ "deno.json": '{ "imports": { "@zod": "https://deno.land/x/zod@v3.22.4/mod.ts" } }' }).validator, { kind: "zod", specifier: "@zod", major: 3 });
    assert.deepEqual(profile({ "deno.jsonc": '{ // map\n "imports": { "valibot": "jsr:@valibot/valibot@^1" } }' }).validator, { kind: "valibot", specifier: "valibot", major: 1 });
    // No import-map entry: nothing resolves as a bare `zod` there (the fix uses `npm:zod`).
    assert.equal(profile({ "deno.json": '{ "imports": { "std/": "https://deno.land/std@0.200.0/" } }' }).validator, undefined);
  });

  it("a Supabase Edge Function or a Deno file in a Node project runs on Deno; Bun.serve on Bun", () => {
    const p = profile({ "package.json": '{ "dependencies": { "zod": "^3" } }' });
    assert.equal(p.runtimeOf("/p/supabase/functions/signup/index.ts"), "deno");
    assert.equal(p.runtimeOf("/p/edge/a.ts", 'Deno.serve(async (req) => new Response("ok"));\n'), "deno");
    assert.equal(p.runtimeOf("/p/edge/b.ts", 'import { serve } from "https://deno.land/std@0.168.0/http/server.ts";\n'), "deno");
    assert.equal(p.runtimeOf("/p/server.ts", "Bun.serve({ fetch() { return new Response(); } });\n"), "bun");
    assert.equal(p.runtimeOf("/p/src/server.ts", 'import express from "express";\n'), "node");
    assert.equal(profile({ "package.json": "{}" }, "/repo/supabase/functions").runtime, "deno");
    // A Lovable app: bun.lockb at the root, Edge Functions under supabase/functions.
    const bun = profile({ "package.json": '{ "dependencies": { "zod": "^3" } }', "bun.lockb": "" });
    assert.equal(bun.runtime, "bun");
    assert.equal(bun.runtimeOf("/p/supabase/functions/chat/index.ts"), "deno");
    assert.equal(bun.runtimeOf("/p/src/App.tsx", "export default function App() {}\n"), "bun");
  });
});
