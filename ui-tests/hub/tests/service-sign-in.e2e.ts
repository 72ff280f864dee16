import {
  declineNews,
  expect,
  openPanel,
  statusNoteTab,
  test
} from './fixtures';

/**
 * The operator granted the hub help service's access scope to the users but
 * not to the single-user servers' OAuth clients: the page's token may not
 * call the service, and editors sign in to it once in a new tab.
 */
test.describe('When the page token may not call the hub help service', () => {
  test('amara is asked to sign in to it in a new tab, then edits with that sign-in', async ({
    logInAs
  }) => {
    const amara = await logInAs('amara');
    await declineNews(amara);
    const panel = await openPanel(amara);
    // What to grant is named for those who see the configuration.
    await expect(
      panel.getByText('access:services!service=hub-help').first()
    ).toBeVisible();
    const keep = panel.getByRole('region', { name: 'Keep this help current' });
    const signIn = keep.getByRole('button', {
      name: 'Sign in to the hub help service'
    });
    const [tab] = await Promise.all([
      amara.waitForEvent('popup'),
      signIn.click()
    ]);
    await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(tab.getByText('as amara')).toBeVisible();
    await tab.close();

    // With that sign-in, the panel offers the editor, and a change is saved.
    const status = await statusNoteTab(keep);
    await status.getByRole('textbox').first().fill('Signed in through the hub');
    await status.getByRole('button', { name: 'Save' }).click();
    await expect(status.getByRole('status')).toContainText('Saved');
    await expect(status.getByText('Last changed by amara')).toBeVisible();
    await expect(panel.getByText('Signed in through the hub')).toBeVisible();
  });
});
