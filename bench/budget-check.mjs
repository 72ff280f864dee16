/**
 * The start-up budget of the production build, for `make test`: the gzip
 * bytes of our extension that JupyterLab loads before `restored`.
 *
 *   node bench/budget-check.mjs [--jupyter PATH] [--report FILE]
 *
 * `--jupyter` names the environment holding the production build (the
 * `wheel` suite's, where the built wheel is installed); the default is the
 * one on PATH. Prints each figure with its budget; exits 1 when one is over.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';

import {
  chromium,
  executablePath,
  gzipBytes,
  judge,
  loadOnce,
  root,
  startLab,
  option,
  restoredPage
} from './lab.mjs';

const budget = JSON.parse(
  readFileSync(path.join(root, 'bench', 'budget.json'), 'utf-8')
);

/**
 * The styles load with the panel, not at start: in a production build they
 * must still arrive (a bundler that thought them free of side effects would
 * drop them).
 */
async function panelStyled(browser, url) {
  const context = await browser.newContext();
  const page = await restoredPage(context, url);
  await page.evaluate(() =>
    window.jupyterapp.commands.execute('hub-help:open')
  );
  const content = page.locator('#jp-hub-help-panel > .jp-SidePanel-content');
  await page.locator('#jp-hub-help-panel .jp-HubHelp-body').waitFor();
  const overflow = await content.evaluate(
    node => getComputedStyle(node).overflowY
  );
  await context.close();
  const ok = overflow === 'auto';
  return {
    ok,
    line: `${ok ? 'ok    ' : 'FAILED'} the panel's styles load with it (its content scrolls: overflow-y ${overflow})`
  };
}

/**
 * The hub help service's pages as the wheel installed them next to
 * `jupyter` (the help page, the hub pages' box): each script's gzip bytes.
 */
function servicePages(jupyter) {
  const lib = path.join(path.dirname(path.dirname(jupyter)), 'lib');
  const python = existsSync(lib)
    ? readdirSync(lib).find(name => name.startsWith('python'))
    : undefined;
  const dir = python
    ? path.join(
        lib,
        python,
        'site-packages',
        'jupyterlab_hub_help',
        'service',
        'static'
      )
    : '';
  return Object.entries(budget.servicePagesGzipBytes).map(([file, most]) => {
    const where = path.join(dir, file);
    return existsSync(where)
      ? judge(
          `the service's ${file}, gzip`,
          gzipSync(readFileSync(where)).length,
          most,
          'B'
        )
      : { ok: false, line: `FAILED the wheel holds no service/static/${file}` };
  });
}

const jupyter = option('--jupyter');
const lab = await startLab({ jupyter: jupyter ?? 'jupyter' });
const browser = await chromium.launch({ executablePath });
let checks;
try {
  // The first load warms the server's caches; the second is measured.
  await loadOnce(browser, lab.url, { afterMs: 0 });
  const load = await loadOnce(browser, lab.url, { afterMs: 0 });
  const bytes = await gzipBytes(load.ours.before);
  console.log(
    `Our files loaded before JupyterLab's restore (${load.ours.before.length}):`
  );
  for (const url of load.ours.before) {
    console.log(`  ${new URL(url).pathname} ${await gzipBytes([url])} B gzip`);
  }
  checks = [
    judge(
      'our JavaScript before restore, gzip',
      bytes,
      budget.oursBeforeRestoreGzipBytes,
      'B'
    ),
    await panelStyled(browser, lab.url),
    ...(jupyter ? servicePages(jupyter) : [])
  ];
} finally {
  await browser.close();
  lab.stop();
}
for (const c of checks) {
  console.log(c.line);
}
const report = option('--report');
if (report) {
  writeFileSync(
    report,
    JSON.stringify({ checks: checks.map(c => ({ ok: c.ok, line: c.line })) })
  );
}
process.exit(checks.every(c => c.ok) ? 0 : 1);
