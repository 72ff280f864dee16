import { Locator, Page } from '@playwright/test';

import { expect, openPanel, test } from './fixtures';

/**
 * JupyterHub's default scopes: a browser token cannot list users, so the
 * Hub Administrators are the curated ones, and nothing is reported broken.
 */
async function hubAdministrators(page: Page): Promise<Locator> {
  const panel = await openPanel(page);
  const people = panel.getByRole('region', { name: 'People' });
  await expect(people).toBeVisible();
  return people.getByRole('list', { name: 'Hub Administrator', exact: true });
}

test.describe('Hub Administrators without the list:users grant', () => {
  for (const viewer of ['zoe', 'amara']) {
    test(`${viewer} sees the curated Hub Administrators only, and no problem`, async ({
      logInAs
    }) => {
      const page = await logInAs(viewer);
      const admins = await hubAdministrators(page);
      await expect(admins.locator('.jp-HubHelp-personName')).toHaveText([
        'Amara Okafor',
        'Lin Wei'
      ]);
      const panel = page.locator('#jp-hub-help-panel');
      const people = panel.getByRole('region', { name: 'People' });
      await expect(people).not.toContainText('noah');
      await expect(people).not.toContainText('(hub admin)');
      await expect(panel).not.toContainText('cloudhost-staff');
      // The panel says nothing is broken: not being allowed to list admins is normal.
      await expect(
        panel.getByRole('heading', { name: 'Configuration problems' })
      ).toHaveCount(0);
      await expect(panel.getByRole('alert')).toHaveCount(0);
      await expect(panel).not.toContainText('cannot be reached');
    });
  }
});
