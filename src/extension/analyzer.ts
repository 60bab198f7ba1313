import * as path from "node:path";
import * as vscode from "vscode";
import type { AnalysisResult } from "../engine";
import type { ConfigCache } from "./config-cache";
import { loadEngine } from "./engine";
import type { Reporter } from "./reporter";
import { readSettings } from "./settings";
import { openDocumentOf } from "./uris";

export interface DocumentAnalysis {
  version: number;
  /** Config generation the analysis used. */
  configVersion: number;
  /** Undefined when the config ignores the file. */
  result?: AnalysisResult;
}

/**
 * Runs the engine on an open document with its configuration. Synchronous and cheap to call;
 * the scheduler decides when. Analyses with fixes are kept for the current version only, so
 * that code actions are always built from the document as it is now.
 */
export class DocumentAnalyzer {
  private readonly withFixes = new Map<string, DocumentAnalysis>();
  private profiles: import("../profile/cache").ProfileCache | undefined;
  /** Files whose change can change a project profile (see src/profile/cache.ts). */
  private readonly profileWatcher = vscode.workspace.createFileSystemWatcher(
    "**/{package.json,package-lock.json,pnpm-lock.yaml,yarn.lock,bun.lock,bun.lockb,deno.json,deno.jsonc,import_map.json,tsconfig.json,jsconfig.json,.eslintrc*,eslint.config.*,biome.json,biome.jsonc,wrangler.toml,wrangler.json,wrangler.jsonc,.env.*,logger.*,Logger.*,log.*,logging.*,*api*.{yml,yaml,json},*spec*.{yml,yaml,json},*swagger*.{yml,yaml,json}}",
  );
  private readonly profileListeners = [this.profileWatcher.onDidChange((u) => this.dropProfiles(u)), this.profileWatcher.onDidCreate((u) => this.dropProfiles(u)), this.profileWatcher.onDidDelete((u) => this.dropProfiles(u))];

  private dropProfiles(uri: vscode.Uri): void {
    if (this.profiles?.invalidate(uri.fsPath)) this.withFixes.clear();
  }

  /** The host the profiles read the disk through (its texts are kept until a file changes). */
  private profileHost: InstanceType<ReturnType<typeof loadEngine>["FsProjectHost"]> | undefined;
  /**
   * Source files saved, created or deleted: who imports what may have changed, so the profiles'
   * importers index (src/profile/importers.ts) is built again on its next question, from the texts on disk.
   */
  private readonly sourceWatcher = vscode.workspace.createFileSystemWatcher("**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}");
  private readonly sourceListeners = [this.sourceWatcher.onDidChange((u) => this.dropImporters(u)), this.sourceWatcher.onDidCreate((u) => this.dropImporters(u)), this.sourceWatcher.onDidDelete((u) => this.dropImporters(u))];

  private dropImporters(uri: vscode.Uri): void {
    if (!this.profiles) return;
    this.profileHost?.invalidate(uri.fsPath);
    this.profiles.invalidate(uri.fsPath);
  }

  dispose(): void {
    this.profileWatcher.dispose();
    for (const l of this.profileListeners) l.dispose();
    this.sourceWatcher.dispose();
    for (const l of this.sourceListeners) l.dispose();
  }

  constructor(
    private readonly configs: ConfigCache,
    private readonly reporter: Reporter,
  ) {}

  analyze(doc: vscode.TextDocument, opts: { fixes: boolean; isCancelled?: () => boolean }): DocumentAnalysis {
    const engine = loadEngine();
    const file = doc.uri.fsPath;
    const settings = readSettings(doc.uri);
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const { config, problems } = this.configs.forFile(file, folder ? folder.uri.fsPath : path.dirname(file), settings.maxFileSizeKb);
    this.reporter.report(problems);
    const base = { version: doc.version, configVersion: this.configs.version };
    if (engine.isIgnored(file, config)) return base;
    // Other files (`.env.example`, `package.json`) as the editor sees them: open buffers first.
    const project = new engine.FsProjectHost((p) => openDocumentOf(p)?.getText());
    // The project profile is computed once per project from the files on disk, and dropped by the
    // watcher when a manifest, lockfile, config or logger module changes (not once per keystroke).
    if (!this.profiles) {
      this.profileHost = new engine.FsProjectHost();
      this.profiles = new engine.ProfileCache(this.profileHost);
    }
    const profile = this.profiles.get(file);
    const text = doc.getText();
    // A file on disk that is not valid UTF-8 reaches the buffer with U+FFFD for those bytes (unless
    // the user reopened it in its encoding): a fix saved through the buffer would overwrite them.
    const unfixable = doc.uri.scheme === "file" ? engine.unfixableOnDisk(text, file) : undefined;
    const result = engine.analyze({ path: file, text, config, project, profile, fixes: opts.fixes, isCancelled: opts.isCancelled, unfixable });
    this.reporter.report(result.problems);
    return { ...base, result };
  }

  /** The analysis with fixes of the document's current version (recomputed when the version or config moved). */
  current(doc: vscode.TextDocument): DocumentAnalysis {
    const key = doc.uri.toString();
    const cached = this.withFixes.get(key);
    if (cached && cached.version === doc.version && cached.configVersion === this.configs.version) return cached;
    const fresh = this.analyze(doc, { fixes: true });
    this.withFixes.set(key, fresh);
    return fresh;
  }

  forget(uri: vscode.Uri): void {
    this.withFixes.delete(uri.toString());
  }
}
