#!/usr/bin/env node
// Takes the README's screenshots (media/screenshots/*.png) in the real workbench (code-server +
// Chromium, see scripts/host/): the hover, the quick-fix menu, the docs view, the baseline offer,
// the Explorer with its decorations and the rules view, on a folder you pass, e.g. a fetched real
// repository (never committed):
//   npm run build && node test/integration/screenshots.mjs /tmp/real/owner__name src/file.ts 12:5 [--case expressParams --family unvalidated-boundary] [--baseline-offer-at 5] [--full-out DIR]
// --baseline-offer-at sets hardeningHints.baselineOfferThreshold for the run (default 200: a small
// app never gets the offer), so the audit offers a baseline.
// The README's images are cropped to the part that matters (each under about 150 KB: the
// Marketplace loads them from the repository); --full-out also saves the whole window.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, USER_SETTINGS, ensureCodeServer, killGroup, launchBrowser, log, makeRunDir, startServer, workbenchUrl } from '../../scripts/host/host-env.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { case: { type: 'string', default: 'expressParams' }, family: { type: 'string', default: 'unvalidated-boundary' }, 'baseline-offer-at': { type: 'string', default: '5' }, 'full-out': { type: 'string' } } });
const [folder, file, at] = positionals;
if (!folder || !file || !at) {
  console.error('usage: node test/integration/screenshots.mjs <folder> <file relative to it> <line:column of a finding> [--case <case id of that finding> --family <its family>] [--full-out DIR]');
  process.exit(2);
}
const caseId = values.case;
const outDir = path.join(REPO_ROOT, 'media', 'screenshots');
mkdirSync(outDir, { recursive: true });
if (values['full-out']) mkdirSync(values['full-out'], { recursive: true });

await ensureCodeServer();
// The run's user settings (written by makeRunDir).
USER_SETTINGS['hardeningHints.baselineOfferThreshold'] = Number(values['baseline-offer-at']);
const runDir = makeRunDir();
const server = await startServer(runDir);
const { context, page } = await launchBrowser(runDir);
/** Saves the window cropped to the boxes of `around` (padded), and the whole window with --full-out. */
const shot = async (name, around = [], pad = 24) => {
  const view = page.viewportSize();
  const boxes = (await Promise.all(around.map((l) => l.boundingBox().catch(() => null)))).filter(Boolean);
  let clip;
  if (boxes.length > 0) {
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    clip = { x, y, width: Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad) - x, height: Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad) - y };
  }
  await page.screenshot({ path: path.join(outDir, `${name}.png`), ...(clip ? { clip } : {}) });
  log(`media/screenshots/${name}.png`);
  if (values['full-out']) await page.screenshot({ path: path.join(values['full-out'], `${name}.png`) });
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

  // The code link needs the extension's URI handler: wait until the extensions have activated.
  await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.statusbar')?.textContent?.includes('Activating Extensions'), undefined, { timeout: 60_000 });

  // The hover.
  const squiggle = page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first();
  const box = await squiggle.boundingBox();
  const hover = page.locator('.monaco-hover a', { hasText: caseId }).filter({ visible: true }).first();
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
  // Its last line says "Checking for quick fixes…" until the code actions have resolved. While
  // the TypeScript server is still loading the project, the first hover may say "No quick fixes
  // available" although the lightbulb has them: show it again until it offers the quick fix.
  for (let attempt = 1; ; attempt++) {
    const line = page.locator('.monaco-hover', { hasText: /Quick Fix|No quick fixes/ }).filter({ visible: true }).first();
    await line.waitFor({ timeout: 10_000 }).catch(() => undefined);
    if (/Quick Fix/.test((await line.textContent().catch(() => '')) ?? '') || attempt === 6) break;
    await page.keyboard.press('Escape');
    // The lightbulb shows once the code actions are there.
    await page.locator('.lightBulbWidget').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await shot('hover', [squiggle, page.locator('.monaco-hover').filter({ visible: true }).first()], 110);
  // The code link in the hover opens the docs tab inside VS Code, at the case. Clicked with the
  // pointer, as a person does: the hover re-renders while its quick-fix line resolves and drops the
  // old link's click listener, and an element.click() on that old link (what this script did)
  // made the browser follow the code-oss:// href itself, a navigation that broke the page.
  const docsTab = page.locator('.tab[aria-label*="Hardening Hints:"]').first();
  const codeLink = page.locator('.monaco-hover a.code-link', { hasText: caseId }).filter({ visible: true }).first();
  const navigations = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.push(request.url());
  });
  for (let attempt = 1; !(await docsTab.isVisible()); attempt++) {
    if (attempt > 4) throw new Error('the hover code link did not open the docs tab');
    if (navigations.length > 0) throw new Error(`the code link navigated the page: ${navigations.join(', ')}`);
    if (!(await codeLink.isVisible())) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
    }
    await codeLink.click({ timeout: 5_000 }).catch(() => undefined);
    await docsTab.waitFor({ timeout: 4_000 }).catch(() => undefined);
  }
  if (navigations.length > 0) throw new Error(`the code link navigated the page: ${navigations.join(', ')}`);
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h3.hh-target').waitFor({ timeout: 20_000 });
  log('the hover link opened the docs tab at the case');
  // The hover (shown from the keyboard) stays up over the docs until Escape in the editor.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.locator('.monaco-hover').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await shot('docs-view', [page.locator('iframe.webview.ready').first(), docsTab], 0);

  // The quick-fix menu, from the editor (the docs tab kept the focus off it).
  await page.keyboard.press('Control+1'); // the editor group, cursor still on the finding
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await shot('quick-fix-menu', [page.locator('.action-widget').first(), squiggle]);
  await page.keyboard.press('Escape');

  // The workspace audit: its summary, and the baseline offer (more findings than the threshold).
  await command('Hardening Hints: Audit Workspace');
  // Toasts hide themselves in a window without focus: show them in the notification center.
  await page.locator('.statusbar', { hasText: /Hardening Hints/ }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  const center = page.locator('.notifications-center');
  const offer = center.locator('.monaco-list-row', { hasText: 'Show only new ones?' }).first();
  for (let attempt = 1; !(await offer.isVisible()); attempt++) {
    if (attempt > 60) throw new Error('no baseline offer in the notification center');
    if (!(await center.isVisible())) await command('Notifications: Show Notifications');
    await offer.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await shot('baseline-offer', [center], 8);
  await command('Notifications: Hide Notifications');

  // The Explorer: files and folders with findings are colored (VS Code's problem decorations).
  await page.keyboard.press('Control+Shift+E');
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.locator('.explorer-folders-view .monaco-list-row .label-name').first().waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.querySelectorAll('.explorer-folders-view .monaco-decoration-itemColor, .explorer-folders-view [class*="monaco-decoration-itemColor"]').length > 0, undefined, { timeout: 30_000 }).catch(() => undefined);
  // Revealing the open file scrolled the tree: back to its top, so no row is cut in half there.
  const tree = page.locator('.explorer-folders-view .monaco-list').first();
  const treeBox = await tree.boundingBox();
  if (treeBox) {
    await page.mouse.move(treeBox.x + treeBox.width / 2, treeBox.y + treeBox.height / 2);
    await page.mouse.wheel(0, -5_000);
    await page.waitForFunction(() => (document.querySelector('.explorer-folders-view .monaco-list .monaco-scrollable-element .monaco-list-rows')?.style.top ?? '0px') === '0px', undefined, { timeout: 5_000 }).catch(() => undefined);
    await page.mouse.move(5, 5);
  }
  await shot('explorer', [page.locator('.part.sidebar')], 0);

  // The rules view after the audit (counts for the whole folder).
  await command('Hardening Hints: Show Rules');
  const family = page.locator('.monaco-list-row', { hasText: values.family }).first();
  await family.waitFor({ timeout: 20_000 });
  await family.click();
  // The explorer's folder tree takes the room: collapse it so the rules view shows its cases.
  await page.locator('.pane-header', { hasText: path.basename(path.resolve(folder)) }).first().click();
  const row = page.locator('.monaco-list-row', { hasText: caseId }).first();
  await row.waitFor({ timeout: 10_000 });
  // The audit's count (the open file's two findings at least).
  await page.locator('.monaco-list-row', { hasText: caseId }).filter({ hasText: /[1-9]\d* · / }).first().waitFor({ timeout: 60_000 });
  // The case selected and under the pointer shows its inline toggle; the family row, neither,
  // reads whole (its own toggle would cut its description).
  await row.click();
  await row.hover();
  // From the Explorer's title to the view's last family: the empty side bar below is left out.
  await shot('rules-view', [page.locator('.part.sidebar .composite.title').first(), page.locator('.monaco-list-row', { hasText: 'unvalidated-boundary' }).last()], 8);
} catch (error) {
  await shot('failed').catch(() => undefined);
  console.error(error);
  process.exitCode = 1;
} finally {
  await context.close().catch(() => undefined);
  await killGroup(server.child);
}
