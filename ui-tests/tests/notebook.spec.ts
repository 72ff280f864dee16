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
    // The Help menu is rebuilt when the kernel connects (it adds the kernel's
    // help links): open it once that has happened.
    const item = page.getByRole('menuitem', { name: 'Get Help with This Hub' });
    await expect(async () => {
      await page.keyboard.press('Escape');
      await page.locator('.lm-MenuBar-item', { hasText: 'Help' }).click();
      await expect(
        page.getByRole('menuitem', { name: /About the Python 3/ })
      ).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30000 });
    await item.click();
    const panel = page.locator(PANEL);
    await expect(
      panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
    ).toBeVisible();
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
