import { readFileSync, existsSync } from "node:fs";
import { z } from "zod";

const Config = z.object({
  port: z.coerce.number().default(3000),
  databaseUrl: z.string().url(),
  logLevel: z.enum(["debug", "info", "warn", "error"]).default("info"),
  features: z.record(z.boolean()).default({}),
});

export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

function readJsonFile(file: string): unknown {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON`, { cause: err });
  }
}

export function loadConfig(file = "config.json"): Config {
  const fromFile = readJsonFile(file);
  const merged = { ...(fromFile as object), databaseUrl: process.env.DATABASE_URL, port: process.env.PORT };
  const parsed = Config.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  return parsed.data;
}

export function featureEnabled(config: Config, name: string): boolean {
  return config.features[name] ?? false;
}

export function parseDuration(text: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new ConfigError(`bad duration: ${text}`);
  const n = Number(m[1]);
  switch (m[2]) {
    case "ms":
      return n;
    case "s":
      return n * 1000;
    case "m":
      return n * 60_000;
    default:
      return n * 3_600_000;
  }
}

export function isValidUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

export function loadOverrides(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw err;
  }
}

export function loadLegacyOverrides(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return {};
  }
}

export function parsePort(raw: string | undefined): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`bad port: ${raw}`);
  return port;
}
