import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Minimatch } from "minimatch";
import { DEFAULT_BASELINE_FILE as ENGINE_DEFAULT } from "../../../src/engine/baseline";
import { BASELINE_OFFER_ACTIONS, baselineOfferMessage, DEFAULT_BASELINE_FILE, DEFAULT_BASELINE_OFFER_THRESHOLD, ignoreSuggestionMessage, nonSourceSuggestions, shownSeverity } from "../../../src/extension/noise";

describe("extension/noise: nonSourceSuggestions", () => {
  it("suggests a numbered duplicate only beside its original", () => {
    assert.deepEqual(nonSourceSuggestions(["src/app.js", "src/app 2.js", "src/route 2.ts", "src/page (1).tsx", "src/page.tsx"]), [
      { glob: "src/app 2.js", reason: "a duplicate of app.js", files: 1 },
      { glob: "src/page \\(1\\).tsx", reason: "a duplicate of page.tsx", files: 1 },
    ]);
  });

  it("suggests backup and copy folders as folder/** with their file counts, outermost first", () => {
    const files = ["old/a.ts", "old/lib/b.ts", "src/backup/c.js", "src/Copy of api/d.ts", "web - Copy/e.ts", "src/app.ts", "src/bakery/f.ts", "server.bak/g.ts"];
    assert.deepEqual(nonSourceSuggestions(files), [
      { glob: "old/**", reason: "a backup folder", files: 2 },
      { glob: "server.bak/**", reason: "a backup folder", files: 1 },
      { glob: "src/backup/**", reason: "a backup folder", files: 1 },
      { glob: "src/Copy of api/**", reason: "a copy of a folder", files: 1 },
      { glob: "web - Copy/**", reason: "a copy of a folder", files: 1 },
    ]);
  });

  it("suggests a numbered folder only beside its original", () => {
    assert.deepEqual(nonSourceSuggestions(["src/a.ts", "src 2/a.ts", "v 2/a.ts"]), [{ glob: "src 2/**", reason: "a duplicate of src/", files: 1 }]);
  });

  it("suggests sync conflicts, editor backups and merge leftovers by name", () => {
    const files = ["src/db (Ann's conflicted copy 2026-01-02).ts", "src/db.orig.ts", "src/db_BACKUP_4242.ts", "src/db copy.ts", "src/db.ts", "src/original.ts", "src/copyright.ts"];
    assert.deepEqual(
      nonSourceSuggestions(files).map((s) => [s.glob, s.reason]),
      [
        ["src/db \\(Ann's conflicted copy 2026-01-02\\).ts", "a sync conflict copy"],
        ["src/db copy.ts", "a copy of a file"],
        ["src/db_BACKUP_4242.ts", "a merge tool leftover"],
        ["src/db.orig.ts", "a backup copy"],
      ],
    );
  });

  it("gives globs that match exactly their own files under the engine's ignore matching", () => {
    const files = ["src/db (Ann's conflicted copy).ts", "src/[id] 2.ts", "src/[id].ts", "x/old/y.ts", "x/oldy.ts"];
    const globs = nonSourceSuggestions(files).map((s) => new Minimatch(s.glob, { dot: true, matchBase: !s.glob.includes("/") }));
    assert.deepEqual(
      files.filter((f) => globs.some((g) => g.match(f))),
      ["src/db (Ann's conflicted copy).ts", "src/[id] 2.ts", "x/old/y.ts"],
    );
  });

  it("suggests nothing for ordinary source", () => {
    assert.deepEqual(nonSourceSuggestions(["src/index.ts", "src/old-api.ts", "src/backups.test.ts", "lib/v2/a.ts", "src/copy.ts"]), []);
  });
});

describe("extension/noise: messages", () => {
  it("lists the first three suggestions with counts", () => {
    const list = [
      { glob: "old/**", reason: "a backup folder", files: 12 },
      { glob: "bak/**", reason: "a backup folder", files: 3 },
      { glob: "src/a 2.ts", reason: "a duplicate of a.ts", files: 1 },
      { glob: "src/b 2.ts", reason: "a duplicate of b.ts", files: 1 },
    ];
    assert.equal(ignoreSuggestionMessage(list), "Hardening Hints: 17 audited files look like copies or backups, not source: old/** (12), bak/** (3), src/a 2.ts (1) and 1 more. Add them to ignore in .hardeninghints.json?");
    assert.equal(ignoreSuggestionMessage(list.slice(2, 3)), "Hardening Hints: 1 audited file looks like copies or backups, not source: src/a 2.ts (1). Add it to ignore in .hardeninghints.json?");
  });

  it("offers the baseline with the count", () => {
    assert.equal(baselineOfferMessage(974), "Hardening Hints: 974 existing problems. Show only new ones? A baseline records today's findings (counts and fingerprints, no code) in a file the CLI reads too.");
  });

  it("the baseline offer's buttons are short enough to read whole in the notification", () => {
    assert.deepEqual(Object.values(BASELINE_OFFER_ACTIONS), ["Show only new", "Not now", "Don't ask again"]);
    // A notification at its default width (about 450 px) showed about 40 characters of buttons:
    // "Record baseline", "Not now", "Don't ask again for this workspace" (56) were all cut.
    const labels = Object.values(BASELINE_OFFER_ACTIONS);
    assert.ok(labels.join("").length <= 40, `${labels.join("").length} characters`);
  });

  it("the editor's default baseline name is the engine's", () => {
    // noise.ts holds a copy (the engine is loaded lazily); it must not drift.
    assert.equal(DEFAULT_BASELINE_FILE, ENGINE_DEFAULT);
  });

  it("package.json declares the same defaults", () => {
    const props = (JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } }).contributes.configuration.properties;
    assert.equal(props["hardeningHints.baseline"]?.default, DEFAULT_BASELINE_FILE);
    assert.equal(props["hardeningHints.baselineOfferThreshold"]?.default, DEFAULT_BASELINE_OFFER_THRESHOLD);
    assert.equal(props["hardeningHints.explorerDecorations"]?.default, "warning");
  });
});

describe("extension/noise: shownSeverity", () => {
  it("keeps severities at threshold warning (VS Code's own behaviour)", () => {
    assert.deepEqual((["error", "warning", "info"] as const).map((s) => shownSeverity(s, "warning")), ["error", "warning", "info"]);
  });
  it("shows warnings as info at threshold error", () => {
    assert.deepEqual((["error", "warning", "info"] as const).map((s) => shownSeverity(s, "error")), ["error", "info", "info"]);
  });
  it("shows everything as info at threshold off", () => {
    assert.deepEqual((["error", "warning", "info"] as const).map((s) => shownSeverity(s, "off")), ["info", "info", "info"]);
  });
});
