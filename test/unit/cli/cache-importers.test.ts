/**
 * `--cache` and the importers index (src/cli/cache.ts, src/profile/importers.ts): a helper's verdict
 * may depend on the files that import it (a notice helper whose caller claims the notice went out).
 * The index is built once per run, so an existing file that starts importing the helper changes no
 * folder and no text the helper's entry read: the entry must still be re-analysed.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../../src/cli/main";

const NOTICES = `import { SmsClient } from "./sms.client";

const sms = new SmsClient();

export async function notifyGuide(phone: string, offerId: string) {
  try {
    await sms.send(phone, \`Offer \${offerId} was accepted\`);
  } catch (err) {
    // The guide also sees the offer in the app
    console.error("Guide SMS failed", err);
  }
}
`;
const SMS = `export class SmsClient {
  async send(phone: string, text: string): Promise<void> {
    await fetch("https://sms.test/send", { method: "POST", body: JSON.stringify({ phone, text }) });
  }
}
`;
// The controller, edited: it now imports the helper and claims the guide was notified.
const CONTROLLER_AFTER = `import { Controller, Param, Post } from "@nestjs/common";
import { notifyGuide } from "../notifications/notifications.service";
import { OffersService } from "./offers.service";

@Controller("offers")
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post(":id/accept")
  async accept(@Param("id") id: string) {
    const offer = await this.offers.accept(id);
    await notifyGuide(offer.guidePhone, id);
    return { accepted: true, guideNotified: true };
  }
}
`;
// Before the edit: no import of the helper, no claim.
const CONTROLLER_BEFORE = CONTROLLER_AFTER.replace(/^import \{ notifyGuide \}.*\n/m, "").replace("    await notifyGuide(offer.guidePhone, id);\n", "").replace(", guideNotified: true", "");
const OFFERS = `export class OffersService {
  async accept(id: string) {
    return { id, guidePhone: "+10000000000" };
  }
}
`;

async function audit(cwd: string, cache: boolean) {
  let stdout = "";
  let stderr = "";
  const before = process.env.HH_DEBUG_CACHE;
  process.env.HH_DEBUG_CACHE = "1";
  try {
    await runCli(["audit", ".", ...(cache ? ["--cache"] : []), "--format", "json"], { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
  } finally {
    if (before === undefined) delete process.env.HH_DEBUG_CACHE;
    else process.env.HH_DEBUG_CACHE = before;
  }
  const m = /cache: (\d+) hits, (\d+) misses/.exec(stderr);
  if (cache) assert.ok(m, stderr);
  const findings = (JSON.parse(stdout) as { findings: { file: string; ruleId: string; line: number; message: string }[] }).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`).sort();
  return { hits: Number(m?.[1] ?? 0), misses: Number(m?.[2] ?? 0), findings };
}

describe("cli: --cache and the importers index", function () {
  this.timeout(60_000);
  let dir: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-cache-importers-"));
    write("package.json", '{ "name": "trips", "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0" } }');
    // Analysed first, it builds the index (and its entry lists every file the index read): the helper's entry lists only its edges.
    write("src/alerts/alerts.service.ts", NOTICES.replace("notifyGuide", "notifyAdmin").replace("./sms.client", "../notifications/sms.client"));
    write("src/notifications/notifications.service.ts", NOTICES);
    write("src/notifications/sms.client.ts", SMS);
    write("src/offers/offers.service.ts", OFFERS);
    write("src/util/format.ts", 'import { SmsClient } from "../notifications/sms.client";\n\nexport const client = new SmsClient();\n');
    write("src/offers/offers.controller.ts", CONTROLLER_BEFORE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a file that starts importing a helper and claims its notice went out re-analyses the helper: warm findings equal a cold run's", async () => {
    const first = await audit(dir, true);
    assert.equal(first.hits, 0);
    assert.ok(!first.findings.some((f) => f.startsWith("src/notifications/notifications.service.ts")), first.findings.join("\n"));
    const again = await audit(dir, true);
    assert.deepEqual([again.hits, again.misses], [first.misses, 0], "unchanged tree: every file from the cache");

    write("src/offers/offers.controller.ts", CONTROLLER_AFTER);
    const warm = await audit(dir, true);
    const cold = await audit(dir, false);
    assert.ok(cold.findings.some((f) => f.startsWith("src/notifications/notifications.service.ts")), cold.findings.join("\n"));
    assert.deepEqual(warm.findings, cold.findings);
    // The controller changed, the helper consulted the index, the alerts service built it; the other files stay cached.
    assert.deepEqual([warm.hits, warm.misses], [first.misses - 3, 3]);
    const settled = await audit(dir, true);
    assert.deepEqual([settled.hits, settled.misses], [first.misses, 0]);
    assert.deepEqual(settled.findings, cold.findings);
  });

  it("an edit that changes no import keeps the helper's entry (only that file and the one that built the index are re-analysed)", async () => {
    write("src/offers/offers.controller.ts", CONTROLLER_AFTER);
    const first = await audit(dir, true);
    // A file the helper's analysis did not read, edited with the same imports: same edges, so the helper's entry holds.
    write("src/util/format.ts", 'import { SmsClient } from "../notifications/sms.client";\n\nexport const sms = new SmsClient();\n');
    const warm = await audit(dir, true);
    assert.deepEqual(warm.findings, (await audit(dir, false)).findings);
    // The first file to consult the index read every file to build it, so its entry lists them all (as before the edges' hash).
    assert.deepEqual([warm.hits, warm.misses], [first.misses - 2, 2]);
  });
});
