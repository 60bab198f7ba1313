/**
 * unbounded-call's own-route lookup on a host that cannot list folders: a dynamic segment
 * (`/api/links/${id}`) cannot be matched to a `[param]` folder there, so which route answers, and
 * how long it may run, cannot be told: no fix rather than a deadline that may be too short.
 */
import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import type { ProjectHost } from "../../../src/engine/types";
import unboundedCall from "../../../src/rules/unbounded-call/rule";

/** The same files, without listings. */
class NoListing implements ProjectHost {
  constructor(private readonly inner: MemoryProjectHost) {}
  readFile(p: string) {
    return this.inner.readFile(p);
  }
  fileExists(p: string) {
    return this.inner.fileExists(p);
  }
}

const FILES = new Map([
  ["/p/package.json", '{ "dependencies": { "next": "15.0.0" } }'],
  ["/p/pages/api/links/[id]/archive.ts", "export const config = { maxDuration: 30 };\n"],
  ["/p/pages/api/revalidate.ts", "export default async function handler() {}\n"],
]);

function titles(host: ProjectHost, code: string): string[][] {
  const r = analyze({ path: "/p/lib/links.ts", text: code, config: normalize({} as never, "/p", [unboundedCall]), project: host, rules: [unboundedCall] });
  return r.findings.map((f) => f.fixes.map((x) => x.title));
}

describe("unbounded-call: the project's own route without folder listings", () => {
  const dynamic = "export async function archive(id: string) { await fetch(`${process.env.NEXTAUTH_URL}/api/links/${id}/archive`, { method: \"PUT\" }); }";
  const staticPath = "export async function revalidate() { const res = await fetch(`${process.env.NEXTAUTH_URL}/api/revalidate`); return res.ok; }";

  it("a dynamic segment: the route cannot be pinned down, no fix (a listing host finds [id] and its maxDuration)", () => {
    assert.deepEqual(titles(new NoListing(new MemoryProjectHost(FILES)), dynamic), [[]]);
    assert.deepEqual(titles(new MemoryProjectHost(FILES), dynamic), [["Abort after 40000 ms with AbortSignal.timeout (the route's maxDuration of 30 s plus 10000 ms)"]]);
  });

  it("a path with no dynamic segment is still looked up by name", () => {
    assert.deepEqual(titles(new NoListing(new MemoryProjectHost(FILES)), staticPath), [["Abort after 10000 ms with AbortSignal.timeout"]]);
  });
});
