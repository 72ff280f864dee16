import { expect, openPanel, settle, test } from './fixtures';

/**
 * "Your role" comes from the curated people list and from the hub's own
 * admin flag (GET /hub/api/user), whichever names the viewer.
 */
test.describe('Your role', () => {
  test('amara, a Community Representative who is a hub admin, sees both roles', async ({
    logInAs
  }) => {
    const panel = await openPanel(await logInAs('amara'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(role).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Community Representative' })
    ).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
    await expect(
      role.getByRole('link', { name: 'Hub admin page' })
    ).toHaveAttribute('href', '/hub/admin');
  });

  test('lin, a Hub Administrator, sees that role only', async ({ logInAs }) => {
    const panel = await openPanel(await logInAs('lin'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Community Representative' })
    ).toHaveCount(0);
  });

  test('noah, a hub admin missing from the curated list, is a Hub Administrator because the hub says so', async ({
    logInAs
  }) => {
    const panel = await openPanel(await logInAs('noah'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
  });

  test('zoe, a regular user, has no "Your role" section', async ({
    logInAs
  }) => {
    const page = await logInAs('zoe');
    const panel = await openPanel(page);
    await expect(panel.getByText('Signed in as zoe')).toBeVisible();
    await settle(page);
    await expect(panel.getByRole('region', { name: 'Your role' })).toHaveCount(
      0
    );
    await expect(panel.getByText('Your role')).toHaveCount(0);
  });
});
