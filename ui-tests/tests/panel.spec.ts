import { expect, test } from '@jupyterlab/galata';

const PANEL_ID = 'jp-hub-help-panel';

test.describe('Get help panel', () => {
  test('opens from its sidebar tab', async ({ page }) => {
    const tab = page.getByRole('tab', { name: 'Get help' });
    await expect(tab).toBeVisible();
    await tab.click();
    const panel = page.locator(`#${PANEL_ID}`);
    await expect(panel).toBeVisible();
    await expect(
      panel.getByRole('heading', { name: 'Get help', level: 2 })
    ).toBeVisible();
  });

  test('opens from the command palette', async ({ page }) => {
    await page.keyboard.press('Control+Shift+C');
    const palette = page.locator('#command-palette');
    await expect(palette).toBeVisible();
    await palette.locator('input').fill('Get Help with This Hub');
    const item = palette.getByRole('menuitem', {
      name: /Get Help with This Hub/
    });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page.locator(`#${PANEL_ID}`)).toBeVisible();
  });

  test('opens from the Help menu', async ({ page }) => {
    await page.menu.clickMenuItem('Help>Get Help with This Hub');
    await expect(page.locator(`#${PANEL_ID}`)).toBeVisible();
    await expect(
      page.locator(`#${PANEL_ID}`).getByText('Get help', { exact: true })
    ).toBeVisible();
  });
});
