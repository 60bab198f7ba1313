#!/usr/bin/env node
// Takes the README's screenshots (media/screenshots/*.png) in the real workbench (code-server +
// Chromium, see scripts/host/): the hover, the quick-fix menu, the docs view and the rules view,
// on a folder you pass, e.g. a fetched real repository (never committed):
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
  // The empty secondary side bar (chat) only takes room from the editor and the docs.
  if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');
  await page.keyboard.press('Control+P');
  await page.keyboard.type(file);
  // The first file search waits for the folder's index.
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(file)}"]`).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+G');
  await page.keyboard.type(at);
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: 30_000 });

  // The hover.
  const squiggle = page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first();
  const box = await squiggle.boundingBox();
  const hover = page.locator('.monaco-hover a', { hasText: 'expressParams' }).filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    // Show Hover (Ctrl+K Ctrl+I) at the cursor, which Go to Line put on the finding.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 6) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await shot('hover');
  // The code link in the hover opens the docs tab inside VS Code, at the case.
  // The hover re-renders (and may hide) while its quick-fix line resolves: click its code link
  // the moment it is there, through the workbench's own click handler (the opener).
  const docsTab = page.locator('.tab[aria-label*="Hardening Hints:"]').first();
  for (let attempt = 1; !(await docsTab.isVisible()); attempt++) {
    if (attempt > 6) throw new Error('the hover code link did not open the docs tab');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover a.code-link', { hasText: 'expressParams' }).first().waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
    await page.locator('.monaco-hover a.code-link', { hasText: 'expressParams' }).first().evaluate((a) => a.click()).catch(() => undefined);
    await docsTab.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h3.hh-target').waitFor({ timeout: 20_000 });
  log('the hover link opened the docs tab at the case');
  await shot('docs-view');

  // The quick-fix menu, from the editor (the docs tab kept the focus off it).
  await page.keyboard.press('Control+1'); // the editor group, cursor still on the finding
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await shot('quick-fix-menu');
  await page.keyboard.press('Escape');

  // The rules view after a workspace audit (counts for the whole folder).
  await command('Hardening Hints: Audit Workspace');
  await command('Hardening Hints: Show Rules');
  const family = page.locator('.monaco-list-row', { hasText: 'unvalidated-boundary' }).first();
  await family.waitFor({ timeout: 20_000 });
  await family.click();
  // The explorer's folder tree takes the room: collapse it so the rules view shows its cases.
  await page.locator('.pane-header', { hasText: path.basename(path.resolve(folder)) }).first().click();
  const row = page.locator('.monaco-list-row', { hasText: 'expressParams' }).first();
  await row.waitFor({ timeout: 10_000 });
  // The audit's count (the open file's two findings at least).
  await page.locator('.monaco-list-row', { hasText: 'expressParams' }).filter({ hasText: /[1-9]\d* · / }).first().waitFor({ timeout: 60_000 });
  await row.hover();
  await shot('rules-view');
} catch (error) {
  await shot('failed').catch(() => undefined);
  console.error(error);
  process.exitCode = 1;
} finally {
  await context.close().catch(() => undefined);
  await killGroup(server.child);
}
