#!/usr/bin/env node
// Browser-level check of what a person sees: open a .ts file in the real
// workbench, wait for the editor squiggle, read the Problems count in the
// status bar, press Ctrl+. and read the quick-fix menu, with screenshots in
// .vscode-test/screenshots/. Normally run against an installed .vsix:
//   node scripts/host/browser-check.mjs --vsix dist/hardening-hints.vsix [--spec my-spec.json]
// (same as run-host-tests.mjs --browser-check). The selectors are VS Code 1.139
// internals, hence the pinned code-server.
//
// What is asserted is data (DEFAULT_SPEC below, or --spec file.json merged over
// it): each check says what it waits for, for how long, and whether missing it
// fails the run ("required") or is only reported ("advisory").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, REPO_ROOT, log, seconds, waitFor, workbenchUrl } from './host-env.mjs';

export const DEFAULT_SPEC = {
  // Written into a throwaway workspace folder for each run. Line 5's finding is silenced by the
  // directive on line 4, so the Problems count stays at one; line 4 also shows the injection grammar.
  files: {
    'src/swallowed.ts': [
      'declare function f(): void;',
      '',
      'try { f(); } catch (e) {}',
      '// hardening-hints-ignore-next-line swallowed-exception -- warm-up may fail',
      'try { f(); } catch {}',
      '',
    ].join('\n'),
  },
  open: 'src/swallowed.ts',
  // 1-based; on the empty `{}` of the catch on line 3.
  cursor: { line: 3, column: 24 },
  checks: {
    squiggle: {
      selector: '.squiggly-warning',
      minCount: 1,
      // Exactly one: the silenced catch on line 5 has none.
      maxCount: 1,
      timeoutMs: 20_000,
      required: true,
    },
    problems: {
      selector: '#status\\.problems',
      // Matched against the aria-label, e.g. "Warnings: 1".
      ariaLabel: '^Warnings: 1$',
      timeoutMs: 10_000,
      required: true,
    },
    quickFix: {
      selector: '.action-widget .monaco-list-row',
      // The preferred safe fix, first in the menu (group headers such as "Quick Fix" are skipped):
      // it only adds a log line; the rethrow is a suggestion further down.
      label: '^Log the error with console$',
      first: true,
      timeoutMs: 10_000,
      required: true,
    },
    // A mouse click on the code link in the finding's hover opens the docs tab at the case, in the
    // same page: the link is in the editor's URL scheme (code-oss:// here), which the workbench's
    // opener hands to the extension's URI handler; the page must neither reload nor navigate.
    codeLink: {
      code: 'swallowed-exception/emptyCatch',
      // The heading id the docs view scrolls to and marks (the case id, lower case).
      anchor: 'emptycatch',
      timeoutMs: 30_000,
      required: true,
    },
    // The injection grammar gives the directive keyword its own token (its own colour) inside the comment.
    directive: {
      text: 'hardening-hints-ignore-next-line',
      timeoutMs: 10_000,
      required: true,
    },
  },
  // Choose the quick fix whose text matches `label`, save, and wait until the file on disk
  // matches `expectFile`. null skips it.
  apply: {
    label: '^Log the error with console$',
    expectFile: 'try \\{ f\\(\\); \\} catch \\(e\\) \\{\\n  console\\.error\\("f failed", e\\);\\n\\}\\n// hardening-hints-ignore-next-line',
    timeoutMs: 15_000,
    required: true,
  },
};

function loadSpec(specFile) {
  if (!specFile) return DEFAULT_SPEC;
  const override = JSON.parse(readFileSync(path.resolve(specFile), 'utf8'));
  const checks = { ...DEFAULT_SPEC.checks };
  for (const [name, value] of Object.entries(override.checks ?? {})) checks[name] = { ...checks[name], ...value };
  return { ...DEFAULT_SPEC, ...override, checks };
}

function writeWorkspace(runDir, spec) {
  const folder = path.join(runDir.root, 'browser-workspace');
  for (const [relative, content] of Object.entries(spec.files)) {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return folder;
}

/**
 * Runs the check in `page` (already launched) against `server`. Returns true
 * when every required step was seen. Prints one line per step.
 */
export async function runBrowserCheck({ page, server, runDir, specFile, extensionDevelopmentPath, deadline }) {
  const spec = loadSpec(specFile);
  const shotsDir = path.join(CACHE_DIR, 'screenshots');
  mkdirSync(shotsDir, { recursive: true });
  const results = [];
  // Facts worth reading in the output that are not checks themselves.
  const note = (name, line) => results.push({ name, ok: true, info: true, line });
  const remaining = (ms) => Math.max(1, Math.min(ms, deadline - Date.now()));

  const shot = async (name) => {
    const file = path.join(shotsDir, `${name}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    return path.relative(REPO_ROOT, file);
  };

  /**
   * What the workbench shows when a wait failed, so a failure in CI (where the screenshot is
   * not kept) says what was on screen: open tabs, a dialog, notification toasts, the link.
   */
  const workbenchState = async (link) => {
    const texts = async (selector) =>
      page
        .locator(selector)
        .evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('aria-label') || n.textContent || '').replace(/\s+/g, ' ').trim()).filter(Boolean))
        .catch(() => []);
    const parts = [
      `tabs ${JSON.stringify(await texts('.tabs-container .tab'))}`,
      `dialog ${JSON.stringify(await texts('.monaco-dialog-box .dialog-message-row'))}`,
      `toasts ${JSON.stringify(await texts('.notifications-toasts .notification-list-item-message'))}`,
    ];
    if (link) parts.push(`link visible ${await link.isVisible().catch(() => false)}`);
    return parts.join('; ');
  };

  /** Waits for one thing; records seen/missing with what it waited for and what the workbench showed instead. */
  const step = async (name, { what, timeoutMs, required, diagnose }, probe) => {
    const started = Date.now();
    try {
      const detail = await waitFor(probe, { timeoutMs: remaining(timeoutMs), intervalMs: 200, what });
      results.push({ name, ok: true, required, line: `seen ${what} after ${seconds(Date.now() - started)}${typeof detail === 'string' ? `: ${detail}` : ''}` });
      return detail;
    } catch (error) {
      const state = await (diagnose ?? (() => workbenchState()))().catch((e) => `state unreadable: ${e.message}`);
      const file = await shot(`browser-check-missing-${name}`).catch(() => null);
      results.push({ name, ok: false, required, line: `NOT seen: ${error.message}${state ? `; the workbench showed: ${state}` : ''}${file ? ` (screenshot: ${file})` : ''}` });
      if (required) throw Object.assign(error, { reported: true });
      return null;
    }
  };

  // Group headers ("Quick Fix", "Move") are list rows too; only actions count.
  const actionRows = () =>
    page
      .locator(spec.checks.quickFix.selector)
      .evaluateAll((rows) =>
        rows.filter((row) => !row.classList.contains('group-header')).map((row) => row.textContent.replace(/\s+/g, ' ').trim()),
      );

  /** Picks the quick fix, saves, and polls the file on disk. */
  const applyFix = async (apply) => {
    const target = path.join(folder, spec.open);
    const before = readFileSync(target, 'utf8');
    const rows = await actionRows();
    const index = rows.findIndex((text) => new RegExp(apply.label).test(text));
    const options = { timeoutMs: apply.timeoutMs ?? 15_000, required: apply.required ?? true };
    await step('applyPick', { what: `a quick fix matching /${apply.label}/`, ...options, timeoutMs: 1 }, () => index >= 0);
    if (index < 0) return;
    const editorText = () => page.locator('.monaco-editor .view-lines').first().innerText();
    const shown = await editorText();
    await page
      .locator(spec.checks.quickFix.selector)
      .filter({ hasText: new RegExp(apply.label) })
      .first()
      .click();
    await step('applyEdit', { what: 'the editor text to change', ...options }, async () => (await editorText()) !== shown);
    await page.keyboard.press('Control+S');
    await step('applySaved', { what: `${spec.open} on disk matching /${apply.expectFile}/`, ...options }, () => {
      const after = readFileSync(target, 'utf8');
      return after !== before && new RegExp(apply.expectFile).test(after) && JSON.stringify(after);
    });
    note('appliedShot', `screenshot ${await shot('browser-check-04-applied')}`);
  };

  /**
   * Hovers the squiggle and clicks the hover's code link with the mouse, as a person does. The
   * hover re-renders its parts while its quick-fix line resolves and drops the old link's click
   * listener: a script's element.click() on that old link (screenshots.mjs did so) made the
   * browser follow its code-oss:// href itself, a top-level navigation that left the page broken.
   * A pointer click lands on the link on screen, whose listener hands the URI to the opener.
   */
  const openCodeLink = async (codeLink, squiggleSelector) => {
    const options = { timeoutMs: codeLink.timeoutMs, required: codeLink.required };
    const navigations = [];
    const onRequest = (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.push(request.url());
    };
    // A reload would drop this mark; a navigation shows up as a main-frame request.
    await page.evaluate(() => {
      window.hhBrowserCheckMark = 'still this page';
    });
    page.on('request', onRequest);
    try {
      const box = await page.locator(squiggleSelector).first().boundingBox();
      let moves = 0;
      let movedAt = 0;
      const link = page.locator('.monaco-hover a.code-link', { hasText: codeLink.code }).filter({ visible: true }).first();
      await step('codeLinkHover', { what: `the hover's code link "${codeLink.code}"`, ...options }, async () => {
        if (await link.isVisible()) return true;
        // A pointer resting on the squiggle shows the hover after a delay (a move restarts it);
        // nudged by a pixel every 2 s until it does.
        if (Date.now() - movedAt > 2_000) {
          await page.mouse.move(box.x + box.width / 2 + (moves++ % 2), box.y + box.height / 2);
          movedAt = Date.now();
        }
        return false;
      });
      // Its last line reads "Checking for quick fixes…" until the code actions have resolved (the
      // TypeScript server may still be loading: then the hover re-renders while we click).
      await page.locator('.monaco-hover', { hasText: /Quick Fix|No quick fixes/ }).filter({ visible: true }).first().waitFor({ timeout: remaining(10_000) }).catch(() => undefined);
      note('codeLinkHref', `code link href: ${await link.getAttribute('href')}`);
      const tab = page.locator(`.tab[aria-label*="Hardening Hints: ${codeLink.code}"]`).first();
      let clickedAt = 0;
      let clicks = 0;
      let rehovers = 0;
      const detail = await step('codeLinkDocs', { what: `a docs tab for ${codeLink.code}`, ...options, diagnose: () => workbenchState(link) }, async () => {
        if (await tab.isVisible()) return `after ${clicks} click(s), ${rehovers} re-hover(s)`;
        if (Date.now() - clickedAt <= 4_000) return false;
        // A click the re-rendering hover swallowed (pressed on the old link, released on the new)
        // does nothing: a person clicks again. One whose listener was gone would navigate, below.
        if (await link.isVisible()) {
          await link.click({ timeout: 2_000 }).catch(() => undefined);
          clicks++;
        } else {
          // The hover closed (a click can close it before the opener ran): a person points at
          // the squiggle again and waits for the hover, then clicks on the next round.
          await page.mouse.move(5, 5);
          await page.mouse.move(box.x + box.width / 2 + (rehovers++ % 2), box.y + box.height / 2);
        }
        clickedAt = Date.now();
        return false;
      });
      if (detail === null) return;
      const heading = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator(`h3.hh-target#${codeLink.anchor}`);
      await step('codeLinkAnchor', { what: `the docs at the heading #${codeLink.anchor}, marked as the target`, ...options }, () => heading.isVisible());
      await step('codeLinkSamePage', { what: 'the same page: no reload, no navigation', ...options, timeoutMs: 1 }, async () => {
        const mark = await page.evaluate(() => window.hhBrowserCheckMark).catch(() => undefined);
        return mark === 'still this page' && navigations.length === 0;
      });
      note('codeLinkShot', `screenshot ${await shot('browser-check-02-code-link-docs')}`);
    } finally {
      page.off('request', onRequest);
      if (navigations.length > 0) note('codeLinkNavigations', `main-frame navigations: ${JSON.stringify(navigations)}`);
    }
    // Back to the editor (the docs opened beside it without taking focus), the hover closed.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
  };

  const folder = writeWorkspace(runDir, spec);
  const fileName = path.posix.basename(spec.open);
  log(`browser check: workspace ${path.relative(REPO_ROOT, folder)}, extension ${extensionDevelopmentPath ? 'from the source tree' : 'installed from the .vsix'}`);

  try {
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath }), {
      waitUntil: 'domcontentloaded',
      timeout: remaining(60_000),
    });
    await step('workbench', { what: 'the explorer listing the workspace', timeoutMs: 60_000, required: true }, () =>
      page.locator('.explorer-folders-view .monaco-list-row').first().isVisible(),
    );

    // Quick Open is how a person opens a file by name; the workbench handles Ctrl+P, not the browser.
    await page.keyboard.press('Control+P');
    await step('quickOpen', { what: 'the Quick Open input', timeoutMs: 10_000, required: true }, () =>
      page.locator('.quick-input-widget input').isVisible(),
    );
    await page.keyboard.type(spec.open);
    await step('quickOpenResult', { what: `a Quick Open row for ${fileName}`, timeoutMs: 10_000, required: true }, () =>
      page.locator(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`).first().isVisible(),
    );
    await page.keyboard.press('Enter');
    const firstLine = Object.values(spec.files)[0].split('\n')[0];
    await step('editor', { what: `an editor showing ${fileName}`, timeoutMs: 20_000, required: true }, async () => {
      const tab = await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().isVisible();
      const text = await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '');
      return tab && text.replace(/\u00a0/g, ' ').includes(firstLine.slice(0, 20));
    });

    // Go to Line/Column puts the cursor where the quick fix is expected.
    const { line, column } = spec.cursor;
    await page.keyboard.press('Control+G');
    await step('gotoLine', { what: 'the Go to Line input', timeoutMs: 10_000, required: true }, () =>
      page.locator('.quick-input-widget input').isVisible(),
    );
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await step('cursor', { what: `the status bar reading Ln ${line}, Col ${column}`, timeoutMs: 10_000, required: true }, async () => {
      const text = await page.locator('#status\\.editor\\.selection').innerText();
      return text.includes(`Ln ${line}, Col ${column}`) && text;
    });
    note('opened', `screenshot ${await shot('browser-check-01-opened')}`);

    const { squiggle, problems, quickFix, directive } = spec.checks;
    if (directive) {
      // The grammar splits the comment into tokens: the directive keyword is a span of its own
      // whose class (colour) differs from the `//` that starts the comment.
      await step('directive', { what: `"${directive.text}" highlighted as its own token`, ...directive }, async () => {
        const classes = await page.locator('.monaco-editor .view-lines .view-line').evaluateAll((lines, text) => {
          const line = lines.find((l) => l.textContent.includes(text));
          if (!line) return null;
          const spans = [...line.querySelectorAll('span > span')];
          const keyword = spans.find((s) => s.textContent === text);
          const slashes = spans.find((s) => s.textContent.includes('//'));
          return keyword && slashes ? [keyword.className, slashes.className] : null;
        }, directive.text);
        return classes && classes[0] !== classes[1] && `keyword ${classes[0]}, comment ${classes[1]}`;
      });
    }
    await step('squiggle', { what: `${squiggle.minCount}${squiggle.maxCount === squiggle.minCount ? '' : '+'} of "${squiggle.selector}"`, ...squiggle }, async () => {
      const count = await page.locator(squiggle.selector).count();
      return count >= squiggle.minCount && count <= (squiggle.maxCount ?? Infinity) && `${count} element(s)`;
    });
    await step('problems', { what: `${problems.selector} aria-label matching /${problems.ariaLabel}/`, ...problems }, async () => {
      const label = (await page.locator(problems.selector).first().getAttribute('aria-label')) ?? '';
      return new RegExp(problems.ariaLabel).test(label) && `"${label}"`;
    });
    if (spec.checks.codeLink) await openCodeLink(spec.checks.codeLink, squiggle.selector);
    // Report what the status bar says even when it did not match.
    const label = await page.locator(problems.selector).first().getAttribute('aria-label').catch(() => null);
    note('problemsLabel', `Problems status aria-label: ${JSON.stringify(label)}`);
    note('diagnosticsShot', `screenshot ${await shot('browser-check-02-diagnostics')}`);

    await page.keyboard.press('Control+.');
    let pressedAt = Date.now();
    await step('quickFix', { what: `a row of "${quickFix.selector}" matching /${quickFix.label}/`, ...quickFix }, async () => {
      const rows = await actionRows();
      // Ctrl+. pressed while the code-action providers are still warming up shows nothing; ask again.
      if (rows.length === 0 && Date.now() - pressedAt > 2_000) {
        await page.keyboard.press('Control+.');
        pressedAt = Date.now();
      }
      const at = rows.findIndex((text) => new RegExp(quickFix.label).test(text));
      // `first`: the preferred fix leads the menu, where Enter picks it.
      const ok = at === 0 || (at > 0 && !quickFix.first);
      return ok && `"${rows[at]}" at position ${at + 1} of ${rows.length} actions`;
    });
    note('quickFixRows', `quick-fix actions: ${JSON.stringify(await actionRows().catch(() => []))}`);
    note('quickFixShot', `screenshot ${await shot('browser-check-03-quick-fix')}`);

    if (spec.apply) {
      await applyFix(spec.apply);
    } else {
      await page.keyboard.press('Escape');
    }
  } catch (error) {
    if (!error.reported) {
      const file = await shot('browser-check-error').catch(() => null);
      results.push({ name: 'error', ok: false, required: true, line: `${error.message.split('\n')[0]}${file ? ` (screenshot: ${file})` : ''}` });
    }
  }

  for (const r of results) {
    const mark = r.info ? '    ' : r.ok ? 'ok  ' : r.required ? 'FAIL' : 'miss';
    process.stdout.write(`  ${mark} ${r.name.padEnd(16)} ${r.line}${!r.ok && !r.required ? ' [advisory]' : ''}\n`);
  }
  const checks = results.filter((r) => !r.info);
  const failed = checks.filter((r) => !r.ok && r.required).length;
  const advisory = checks.filter((r) => !r.ok && !r.required).length;
  // Advisory misses count as skipped: they are reported, never silently dropped.
  process.stdout.write(`browser-check: ${checks.filter((r) => r.ok).length} passed, ${failed} failed, ${advisory} skipped\n`);
  return failed === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // No top-level await: main() imports this module again, which must have finished evaluating.
  import('./run-host-tests.mjs')
    .then(({ main }) => main(['--browser-check', ...process.argv.slice(2)]))
    .then((code) => {
      process.exitCode = code;
    });
}
