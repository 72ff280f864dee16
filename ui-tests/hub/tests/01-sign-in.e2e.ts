import { expect, openPanel, test } from './fixtures';

/**
 * Every demo user of demo/hub/users.json logs in through the hub's login form;
 * the hub starts their JupyterLab, whose Get help panel names them.
 */
const USERS = [
  'amara',
  'lin',
  'zoe',
  'priya-cloudhost',
  'noah',
  'cloudhost-staff'
];

test.describe('Signing in to the hub', () => {
  for (const user of USERS) {
    test(`${user} signs in, their server starts, and the panel says who they are`, async ({
      logInAs
    }) => {
      const page = await logInAs(user);
      expect(new URL(page.url()).pathname).toBe(`/user/${user}/lab`);
      const panel = await openPanel(page);
      await expect(panel.getByText(`Signed in as ${user}`)).toBeVisible();
      await expect(panel.getByText(/You are viewing/)).toHaveCount(0);
      await expect(
        panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
      ).toBeVisible();
    });
  }
});
