/**
 * The panel in Spanish where only the wheel and JupyterLab's Spanish language
 * pack are installed, as an operator's user image would have them.
 *
 *   node scripts/language-pack-check.mjs --jupyter ENV/bin/jupyter --report FILE
 *
 * ENV is a fresh environment (scripts/run_tests.py makes it) whose overrides
 * set JupyterLab's language to es_ES. Each check reads what a person sees:
 * JupyterLab's own menu (the pack is active), then our tab, panel and command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import {
  chromium,
  executablePath,
  option,
  restoredPage,
  startLab
} from '../bench/lab.mjs';

const jupyter = option('--jupyter');
const report = option('--report');
// A user's settings and workspaces of its own, never the machine's.
const configDir = mkdtempSync(path.join(tmpdir(), 'hub-help-es-'));

const lab = await startLab({
  jupyter,
  env: { JUPYTER_CONFIG_DIR: configDir }
});
const browser = await chromium.launch({ executablePath });
const checks = [];
const expect = async (name, read, wanted) => {
  let seen;
  try {
    seen = await read();
  } catch (error) {
    seen = String(error);
  }
  const ok = typeof seen === 'string' && seen.includes(wanted);
  checks.push({ name, ok, detail: `saw ${JSON.stringify(seen)}` });
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}: ${JSON.stringify(seen)}`);
};
try {
  const page = await restoredPage(await browser.newContext(), lab.url);
  await expect(
    "JupyterLab's Help menu is in Spanish (the pack is active)",
    () => page.locator('.lm-MenuBar-itemLabel').last().textContent(),
    'Ayuda'
  );
  await expect(
    "the panel's tab is named in Spanish",
    () =>
      page
        .locator('.jp-SideBar [data-id="jp-hub-help-panel"]')
        .getAttribute('title'),
    'Obtener ayuda'
  );
  await page.evaluate(() =>
    window.jupyterapp.commands.execute('hub-help:open')
  );
  const panel = page.locator('#jp-hub-help-panel');
  await expect(
    'the panel shows its tasks in Spanish',
    async () => {
      await panel.getByText('Quiero…').first().waitFor();
      return panel.textContent();
    },
    'Quiero…'
  );
  await expect(
    'the report command is labelled in Spanish',
    () =>
      page.evaluate(() =>
        window.jupyterapp.commands.label('hub-help:report-problem')
      ),
    'Notificar un problema o una interrupción'
  );
} finally {
  await browser.close();
  lab.stop();
  rmSync(configDir, { recursive: true, force: true });
}
writeFileSync(report, JSON.stringify({ checks }, null, 2));
process.exit(checks.every(c => c.ok) ? 0 : 1);
