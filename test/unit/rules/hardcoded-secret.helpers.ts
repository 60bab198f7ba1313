import { analyze } from "../../../src/engine/analyze";
import { applyFixes } from "../../../src/engine/apply-fixes";
import { normalize } from "../../../src/engine/config/load";
import { applyEdits } from "../../../src/engine/fix-invariants";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { profileCacheFor } from "../../../src/profile/cache";
import rule from "../../../src/rules/hardcoded-secret/rule";

/**
 * Accepts, one at a time as an editor user would, every "Move secret…" and "Remove the insecure
 * fallback" suggestion of the rule for /project/src/<name> (re-analyzing after each), and returns
 * the new text, the env example and the titles accepted.
 */
export function acceptAll(name: string, text: string, host = new MemoryProjectHost(new Map([["/project/package.json", "{}\n"]]))): { output: string; envExample: string | undefined; titles: string[] } {
  const config = normalize({} as never, "/project", [rule]);
  const file = `/project/src/${name}`;
  const titles: string[] = [];
  let output = text;
  for (let i = 0; i < 60; i++) {
    const result = analyze({ path: file, text: output, config, project: host, rules: [rule] });
    const fix = result.findings.flatMap((f) => f.fixes).find((x) => /^(?:Move secrets? to|Remove the insecure fallback)/.test(x.title));
    if (!fix) break;
    titles.push(fix.title);
    const applied = applyFixes(output, [fix]);
    output = applied.output;
    for (const e of applied.otherFileEdits) {
      host.files.set(e.file!, applyEdits(e.create ? "" : host.readFile(e.file!) ?? "", [{ ...e, file: undefined }]));
      profileCacheFor(host).invalidate(e.file!);
    }
  }
  return { output, envExample: host.readFile("/project/.env.example"), titles };
}
