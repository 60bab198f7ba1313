// dist/THIRD_PARTY_NOTICES.txt for the npm package (run by `prepack` after the build): the
// license of every package the bundles carry, found from esbuild's `// node_modules/<pkg>/…`
// module comments. The bundles are built with `legalComments: "none"`, so this file is where
// TypeScript's Apache-2.0 license and the others travel with the code.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BUNDLES = ["dist/engine.js", "dist/cli.js", "dist/index.js", "dist/eslint.js"];
const OUT = "dist/THIRD_PARTY_NOTICES.txt";

const packages = new Set();
for (const bundle of BUNDLES) {
  for (const m of readFileSync(bundle, "utf8").matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) packages.add(m[1]);
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return file ? readFileSync(join(dir, file), "utf8").trim() : undefined;
}

const sections = [];
for (const name of [...packages].sort()) {
  const dir = join("node_modules", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const text = licenseText(dir);
  if (!text) throw new Error(`${name}: no license file to include in ${OUT}`);
  sections.push(`${name}@${manifest.version} (${manifest.license})\n\n${text}`);
  // @ts-morph/common ships TypeScript's compiler (dist/typescript.js, Apache-2.0) inside its MIT package.
  if (name === "@ts-morph/common" && existsSync("node_modules/typescript/LICENSE.txt")) {
    const notice = readFileSync("node_modules/typescript/ThirdPartyNoticeText.txt", "utf8").trim();
    sections.push(`typescript, as bundled by @ts-morph/common (Apache-2.0)\n\n${readFileSync("node_modules/typescript/LICENSE.txt", "utf8").trim()}\n\n${notice}`);
  }
}
const rule = `\n\n${"-".repeat(78)}\n\n`;
writeFileSync(OUT, `The hardening-hints bundles (dist/*.js) include code from these packages.${rule}${sections.join(rule)}\n`);
console.log(`notices: ${OUT} (${sections.length} packages)`);
