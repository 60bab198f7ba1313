import * as vscode from "vscode";
import { normalizeSettings, type Settings } from "./convert";

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
