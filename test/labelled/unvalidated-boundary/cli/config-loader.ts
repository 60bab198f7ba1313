import fs from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";

const ConfigSchema = z.object({
  port: z.number().int().default(3000),
  database: z.object({ url: z.string().url() }),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(file = process.env.APP_CONFIG ?? "config.json"): Config {
  const raw = fs.readFileSync(path.resolve(file), "utf8");
  return ConfigSchema.parse(JSON.parse(raw));
}

export async function loadPipeline(file: string) {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const doc = YAML.parse(await readFile(file, "utf8"));
  return doc.stages.map((stage: { name: string }) => stage.name);
}

// The package's own package.json ships with it: not outside input.
export function readPackageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  return pkg.version;
}

export function parseFlags(): Record<string, unknown> {
  const flags = JSON.parse(process.env.FEATURE_FLAGS ?? "{}");
  const cliFlags = JSON.parse(process.argv[2] ?? "{}");
  return { ...flags, ...cliFlags };
}

export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

export function loadTranslations(locale: string) {
  const text = fs.readFileSync(path.join(__dirname, "locales", `${locale}.json`), "utf8");
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const messages = JSON.parse(text);
  return (key: string) => messages[key] ?? key;
}

export function defaults() {
  const literal = JSON.parse('{"retries":3}');
  return literal.retries;
}
