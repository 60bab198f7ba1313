/** Writes schemas/config.schema.json from the rules' metadata (npm run schema). */
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules } from "../src/engine/analyze";
import { buildConfigSchema } from "../src/engine/config/schema";

export const SCHEMA_PATH = path.resolve(__dirname, "../schemas/config.schema.json");

export function renderSchema(): string {
  return JSON.stringify(buildConfigSchema(allRules), null, 2) + "\n";
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_PATH, renderSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}\n`);
}
