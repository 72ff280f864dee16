import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { moveClockOn } from './clock';
import { PANEL } from './urls';

const PLUGIN = 'jupyterlab-hub-help:plugin';

async function openPanel(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL.slice(1));
  return page.locator(PANEL);
}

/**
 * Change the user's own hub help settings, as the Settings Editor does.
 */
async function setSetting(
  page: IJupyterLabPageFixture,
  key: string,
  value: unknown
) {
  await page.evaluate(
    async ([plugin, k, v]) => {
      const registry = await (window as any).galata.getPlugin(
        '@jupyterlab/apputils-extension:settings'
      );
      await registry.set(plugin, k, v);
    },
    [PLUGIN, key, value] as const
  );
}

test.describe('Live updates', () => {
  test('the panel follows a change of settings', async ({ page }) => {
    const panel = await openPanel(page);
    await expect(
      panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
    ).toBeVisible();
    await setSetting(page, 'hub', { name: 'Renamed Hub' });
    await expect(
      panel.getByRole('heading', { name: 'Renamed Hub' })
    ).toBeVisible();
  });

  test('the panel reads the metadata URL, and its changes when reopened', async ({
    page,
    tmpPath
  }) => {
    const file = `${tmpPath}/hub-help.json`;
    const write = (name: string) =>
      page.request.put(`/api/contents/${file}`, {
        data: {
          type: 'file',
          format: 'text',
          content: JSON.stringify({
            'jupyterlab-hub-help:plugin': { hub: { name } }
          })
        }
      });
    expect((await write('Hub from the URL')).ok()).toBe(true);
    const panel = await openPanel(page);
    await setSetting(page, 'metadataUrl', `/files/${file}`);
    await expect(
      panel.getByRole('heading', { name: 'Hub from the URL' })
    ).toBeVisible();

    expect((await write('Hub from the URL, edited')).ok()).toBe(true);
    // Opening the panel asks the metadata URL again once its last answer is
    // half a minute old.
    await moveClockOn(page, 31);
    await page.sidebar.close('right');
    await openPanel(page);
    await expect(
      panel.getByRole('heading', { name: 'Hub from the URL, edited' })
    ).toBeVisible();
  });

  test('can be used with the keyboard alone', async ({ page }) => {
    const panel = await openPanel(page);
    const search = panel.getByLabel('What do you need help with?');
    await search.focus();
    await page.keyboard.type('restart my server');
    await page.keyboard.press('Tab');
    await expect(
      panel.getByRole('button', { name: /^My server/ })
    ).toBeFocused();
    await page.keyboard.press('Tab');
    const title = panel.getByRole('button', { name: 'Restart my server' });
    await expect(title).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(title).toHaveAttribute('aria-expanded', 'true');
    await expect(
      panel.getByText('Stops your server and starts it again.')
    ).toBeVisible();
    await search.focus();
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
  });
});
