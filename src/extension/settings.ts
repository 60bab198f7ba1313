import * as vscode from "vscode";
import { normalizeSettings, type Settings } from "./convert";
import { DECORATION_THRESHOLDS, DEFAULT_BASELINE_FILE, DEFAULT_BASELINE_OFFER_THRESHOLD, type DecorationThreshold } from "./noise";

export const SECTION = "hardeningHints";

export type { RunMode, Settings, TraceLevel } from "./convert";
export { DEFAULT_SETTINGS } from "./convert";

/** Reads the settings that apply to `scope` (a document or a workspace folder). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return normalizeSettings({
    enable: c.get("enable"),
    run: c.get("run"),
    debounceMs: c.get("debounceMs"),
    maxFileSizeKb: c.get("maxFileSizeKb"),
    trace: c.get("trace"),
  });
}

/** Noise settings (issue 17): the Explorer decoration threshold and the baseline. */
export interface NoiseSettings {
  explorerDecorations: DecorationThreshold;
  /** Workspace-relative path of the baseline file. */
  baseline: string;
  /** Findings above which the first audit offers a baseline; 0: never. */
  baselineOfferThreshold: number;
}

/** Reads the noise settings; anything malformed falls back to its default. */
export function readNoiseSettings(scope?: vscode.ConfigurationScope): NoiseSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const decorations = c.get<unknown>("explorerDecorations");
  const baseline = c.get<unknown>("baseline");
  const threshold = c.get<unknown>("baselineOfferThreshold");
  return {
    explorerDecorations: DECORATION_THRESHOLDS.includes(decorations as DecorationThreshold) ? (decorations as DecorationThreshold) : "warning",
    baseline: typeof baseline === "string" && baseline.trim() !== "" ? baseline.trim() : DEFAULT_BASELINE_FILE,
    baselineOfferThreshold: typeof threshold === "number" && Number.isInteger(threshold) && threshold >= 0 ? threshold : DEFAULT_BASELINE_OFFER_THRESHOLD,
  };
}
