import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CACHE_FILE = path.join(os.homedir(), ".mytool", "cache.json");

interface Cache {
  etag?: string;
  fetchedAt: number;
  releases: string[];
}

export function readCache(): Cache | undefined {
  if (!fs.existsSync(CACHE_FILE)) return undefined;
  const cache = JSON.parse(fs.readFileSync(CACHE_FILE, "utf8")) as Cache;
  return Date.now() - cache.fetchedAt < 3600_000 ? cache : undefined;
}

export function writeCache(cache: Cache): void {
  fs.mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
  fs.writeFileSync(CACHE_FILE, JSON.stringify(cache));
}

export function readUserConfig(file: string) {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const config = JSON.parse(fs.readFileSync(file, "utf8"));
  return { registry: config.registry ?? "https://registry.npmjs.org", token: config.token };
}

export async function readManifest(dir: string) {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const manifest = JSON.parse(await fs.promises.readFile(path.join(dir, "manifest.json"), "utf8"));
  for (const entry of manifest.files) {
    console.log(entry.path, entry.size);
  }
}
