import type { RuleContext } from "../../engine/types";

const CONFIGS = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

/**
 * A Wrangler configuration that serves static assets and runs no Worker script of its own: `assets =
 * { not_found_handling = "single-page-application" }` with no `main` (nor a Pages build folder, whose
 * `functions/` are Workers). Cloudflare serves the built single-page app; the project's code runs in
 * the browser (held round 28, samlyme/auction-chess `clients/web/src/supabase.ts:10`, labelled clean).
 */
export function assetsOnlyWorker(ctx: RuleContext<unknown>): boolean {
  if (!ctx.profile.hasManifest) return false;
  const root = ctx.profile.root.replace(/[\\/]$/, "");
  for (const name of CONFIGS) {
    const text = ctx.project.readFile(`${root}/${name}`);
    if (text === undefined) continue;
    const json = name !== "wrangler.toml";
    const key = (k: string) => (json ? new RegExp(`"${k}"\\s*:`) : new RegExp(`^\\s*${k}\\s*=`, "m")).test(text);
    return key("assets") && !key("main") && !key("pages_build_output_dir");
  }
  return false;
}
