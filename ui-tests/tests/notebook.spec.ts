import { expect, test } from '@playwright/test';

import { NOTEBOOK, PANEL } from './urls';

test.describe('Notebook 7', () => {
  test('opens the Get help panel from the Help menu in a notebook', async ({
    page,
    request
  }) => {
    const name = `hub-help-${Date.now()}.ipynb`;
    const created = await request.put(`${NOTEBOOK}/api/contents/${name}`, {
      data: {
        type: 'notebook',
        format: 'json',
        content: {
          cells: [],
          metadata: {
            kernelspec: {
              name: 'python3',
              display_name: 'Python 3',
              language: 'python'
            }
          },
          nbformat: 4,
          nbformat_minor: 5
        }
      }
    });
    expect(created.ok()).toBe(true);
    await page.goto(`${NOTEBOOK}/notebooks/${name}`);
    // Notebook 7 rebuilds the Help menu when the kernel connects, which can
    // close it under the pointer: open it again until the panel shows (the
    // command only shows the panel, so running it twice is harmless).
    const panel = page.locator(PANEL);
    const hubName = panel.getByRole('heading', {
      name: 'Riverbend Climate Hub'
    });
    await expect(async () => {
      await page.keyboard.press('Escape');
      await page.locator('.lm-MenuBar-item', { hasText: 'Help' }).click();
      await page
        .getByRole('menuitem', { name: 'Get Help with This Hub' })
        .click({ timeout: 2000 });
      await expect(hubName).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await panel
      .getByLabel('What do you need help with?')
      .fill('restart kernel');
    await expect(
      panel
        .locator('[data-task-id="restart-kernel"]')
        .getByText('You can do this yourself')
    ).toBeVisible();
  });
});
