import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { PANEL } from './urls';

/**
 * The panel, opened from its tab, and its search box once it is shown.
 */
async function searchBox(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL.slice(1));
  const box = page.locator(PANEL).getByLabel('What do you need help with?');
  await expect(box).toBeVisible();
  return box;
}

test.describe('"I want to…" search', () => {
  test('finds the install task first for "instal pakage", with the matches marked', async ({
    page
  }) => {
    const box = await searchBox(page);
    await box.fill('instal pakage');
    const first = page.locator(`${PANEL} [data-task-id]`).first();
    await expect(first).toHaveAttribute('data-task-id', 'install-package');
    await expect(first.locator('.jp-HubHelp-taskTitle')).toHaveText(
      'Install a package for myself'
    );
    await expect(first.locator('.jp-HubHelp-taskTitle mark')).toHaveText([
      'Instal',
      'package'
    ]);
  });

  test('says which keyword found a task', async ({ page }) => {
    const box = await searchBox(page);
    await box.fill('pip');
    const task = page.locator(`${PANEL} [data-task-id="install-package"]`);
    await expect(task.getByText('matches: pip')).toBeVisible();
  });

  test('closes and opens a category while searching', async ({ page }) => {
    const box = await searchBox(page);
    await box.fill('package');
    const panel = page.locator(PANEL);
    const packages = panel.getByRole('button', {
      name: /^Packages and environment/
    });
    const task = panel.locator('[data-task-id="install-package"]');
    await expect(packages).toHaveAttribute('aria-expanded', 'true');
    await expect(task).toBeVisible();

    await packages.click();
    await expect(packages).toHaveAttribute('aria-expanded', 'false');
    await expect(task).toHaveCount(0);

    // The choice holds while the query changes.
    await box.fill('packages');
    await expect(packages).toHaveAttribute('aria-expanded', 'false');

    await packages.click();
    await expect(packages).toHaveAttribute('aria-expanded', 'true');
    await expect(task).toBeVisible();
  });
});
