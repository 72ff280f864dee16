import { expect, openPanel, test } from './fixtures';

/**
 * Run by the "hub-grant-list-users" and "hub-subdomains" projects: the hub
 * grants every user list:users + read:users:name, in the user role and in the
 * single-user servers' OAuth scopes, so the panel discovers the hub's admins
 * itself.
 */
test.describe('Hub Administrators with the list:users grant', () => {
  for (const viewer of ['zoe', 'amara']) {
    test(`${viewer} also sees noah, a discovered admin, and never the excluded operator staff`, async ({
      logInAs
    }) => {
      const page = await logInAs(viewer);
      const panel = await openPanel(page);
      const people = panel.getByRole('region', { name: 'People' });
      const admins = people.getByRole('list', {
        name: 'Hub Administrator',
        exact: true
      });
      const noah = admins.getByRole('listitem').filter({ hasText: /^noah/ });
      await expect(noah).toBeVisible();
      await expect(noah).toContainText('(hub admin)');
      await expect(admins.locator('.jp-HubHelp-personName')).toHaveText([
        'Amara Okafor',
        'Lin Wei',
        'noah'
      ]);
      await expect(panel).not.toContainText('cloudhost-staff');
      await expect(
        panel.getByRole('heading', { name: 'Configuration problems' })
      ).toHaveCount(0);
      await expect(panel.getByRole('alert')).toHaveCount(0);
    });
  }
});
