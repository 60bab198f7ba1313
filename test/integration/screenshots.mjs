#!/usr/bin/env node
// Takes the README's screenshots (media/screenshots/*.png) in the real workbench (code-server +
// Chromium, see scripts/host/): the hover, the quick-fix menu, the docs view and the rules view,
// on a folder you pass, e.g. a fetched real repository (never committed); HH_SHOT_CODE picks the
// docs page (default unvalidated-boundary/expressParams):
//   npm run build && node test/integration/screenshots.mjs /tmp/real/owner__name src/file.ts 12:5
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, ensureCodeServer, killGroup, launchBrowser, log, makeRunDir, startServer, workbenchUrl } from '../../scripts/host/host-env.mjs';

const [folder, file, at] = process.argv.slice(2);
if (!folder || !file || !at) {
  console.error('usage: node test/integration/screenshots.mjs <folder> <file relative to it> <line:column of a finding>');
  process.exit(2);
}
const outDir = path.join(REPO_ROOT, 'media', 'screenshots');
mkdirSync(outDir, { recursive: true });

await ensureCodeServer();
const runDir = makeRunDir();
const server = await startServer(runDir);
const { context, page } = await launchBrowser(runDir);
const shot = async (name) => {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  log(`media/screenshots/${name}.png`);
};
const command = async (title) => {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
};
try {
  await page.goto(workbenchUrl(server, { folder: path.resolve(folder), extensionDevelopmentPath: REPO_ROOT }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+G');
  await page.keyboard.type(at);
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: 30_000 });

  // The hover (Ctrl+K Ctrl+I shows it at the cursor).
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover .marker.hover-contents, .monaco-hover .hover-row').first().waitFor({ timeout: 10_000 });
  await shot('hover');
  await page.keyboard.press('Escape');

  // The quick-fix menu.
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await shot('quick-fix-menu');
  await page.keyboard.press('Escape');

  // The docs view, opened at the case the cursor's finding has.
  const code = process.env.HH_SHOT_CODE ?? 'unvalidated-boundary/expressParams';
  await command('Hardening Hints: Show Rule Documentation');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(code);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab[aria-label*="Hardening Hints:"]').first().waitFor({ timeout: 20_000 });
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h3.hh-target').waitFor({ timeout: 20_000 });
  await shot('docs-view');

  // The rules view after a workspace audit (counts for the whole folder).
  await command('Hardening Hints: Audit Workspace');
  await page.locator('.notifications-toasts .notification-toast[aria-label*="Hardening Hints:"]').first().waitFor({ timeout: 60_000 });
  await command('Hardening Hints: Show Rules');
  const family = page.locator('.monaco-list-row[aria-label*="unvalidated-boundary"]').first();
  await family.waitFor({ timeout: 20_000 });
  await family.click();
  await page.locator('.monaco-list-row[aria-label*="expressParams"]').first().waitFor({ timeout: 10_000 });
  await page.locator('.monaco-list-row[aria-label*="expressParams"]').first().hover();
  await shot('rules-view');
} catch (error) {
  await shot('failed').catch(() => undefined);
  console.error(error);
  process.exitCode = 1;
} finally {
  await context.close().catch(() => undefined);
  await killGroup(server.child);
}
