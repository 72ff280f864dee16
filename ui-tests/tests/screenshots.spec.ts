import * as path from 'path';

import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { runCommand } from './commands';
import { PANEL } from './urls';

/**
 * Visual snapshots of the panel in the light and dark themes. With
 * HUB_HELP_README_SCREENSHOTS=1 (`make screenshots`) the same views are also
 * written to docs/ for the README.
 */
test.use({ viewport: { width: 1280, height: 1000 } });

const readme = process.env.HUB_HELP_README_SCREENSHOTS === '1';

async function showPanel(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL.slice(1));
  const panel = page.locator(PANEL);
  await expect(
    panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
  ).toBeVisible();
  await panel.getByLabel('What do you need help with?').fill('package');
  await panel
    .getByRole('button', { name: 'Install a package for myself' })
    .click();
  await expect(
    panel.getByRole('button', { name: 'Open a terminal' })
  ).toBeVisible();
  // The caret blinks: keep it out of the picture.
  await panel.getByRole('heading', { name: 'I want to…' }).click();
  return panel;
}

for (const theme of ['light', 'dark']) {
  test(`the panel in the ${theme} theme`, async ({ page }) => {
    if (theme === 'dark') {
      await page.theme.setDarkTheme();
    }
    const panel = await showPanel(page);
    if (readme) {
      await panel.screenshot({
        path: path.resolve(__dirname, `../../docs/panel-${theme}.png`)
      });
    }
    // The time of the last update changes from run to run.
    const mask = [panel.locator('.jp-HubHelp-updated')];
    expect(await panel.screenshot({ mask })).toMatchSnapshot(
      `panel-${theme}.png`,
      { maxDiffPixelRatio: 0.01 }
    );
  });
}

test('the report dialog', async ({ page }) => {
  await runCommand(page, 'hub-help:report-problem');
  const dialog = page.locator('.jp-Dialog-content');
  await dialog
    .getByLabel('What kind of problem is it?')
    .selectOption({ label: 'User servers not starting' });
  await dialog
    .getByLabel('What do you see, and since when?')
    .fill('The spinner never ends since 9:00.');
  // Times and the browser version change from run to run: hide the report text.
  await dialog
    .getByLabel('The report that will be sent')
    .evaluate(e => ((e as HTMLElement).style.visibility = 'hidden'));
  if (readme) {
    await dialog.screenshot({
      path: path.resolve(__dirname, '../../docs/report-dialog.png')
    });
  }
  expect(await dialog.screenshot()).toMatchSnapshot('report-dialog.png', {
    maxDiffPixelRatio: 0.01
  });
});
