import { expect, openPanel, test } from './fixtures';

test.describe("An admin on someone else's server", () => {
  test("amara opens zoe's server and the panel says whose server it is", async ({
    logInAs
  }) => {
    // zoe's server must be running for an admin to open it.
    await logInAs('zoe');
    const page = await logInAs('amara', { path: '/user/zoe/lab' });
    const panel = await openPanel(page);
    await expect(panel.getByText('Signed in as amara')).toBeVisible();
    await expect(panel.getByText("You are viewing zoe's server")).toBeVisible();
    // Roles are the viewer's, not the server owner's.
    await expect(
      panel
        .getByRole('region', { name: 'Your role' })
        .getByRole('heading', { name: 'As Community Representative' })
    ).toBeVisible();
  });
});
