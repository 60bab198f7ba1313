import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../../..");
const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");

/**
 * The README is the extension's page on the Marketplace and in the Extensions view (issue 17).
 * `vsce package` rewrites its relative image paths to the repository's raw URLs (the images are
 * not in the .vsix), refuses SVG, and the page loads every image: each must exist, be a PNG, GIF
 * or JPEG, and stay small.
 */
describe("meta: the README as the extension page", () => {
  const images = [...README.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

  it("shows screenshots, each a relative path to a small PNG, GIF or JPEG in media/", () => {
    assert.ok(images.length >= 3, `only ${images.length} images`);
    const bad = images.flatMap((src) => {
      if (!src.startsWith("media/")) return [`${src}: not under media/`];
      if (!/\.(?:png|gif|jpe?g)$/i.test(src)) return [`${src}: vsce accepts PNG, GIF or JPEG, not SVG`];
      const file = path.join(REPO, src);
      if (!fs.existsSync(file)) return [`${src}: missing`];
      const kb = fs.statSync(file).size / 1024;
      return kb > 160 ? [`${src}: ${Math.round(kb)} KB (keep each under about 150 KB)`] : [];
    });
    assert.deepEqual(bad, []);
  });

  it("keeps the two newcomer commands", () => {
    assert.ok(README.includes("npm ci && npx hardening-hints audit path/to/your/project"));
    assert.ok(README.includes("npm ci && npm test"));
  });

  it("says what it does with the network and telemetry", () => {
    assert.match(README, /^## Privacy$/m);
    assert.match(README, /No network requests, no telemetry/);
  });
});
