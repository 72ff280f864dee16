import {
  declineNews,
  fromJupyterLab,
  expect,
  hubCallEnded,
  openPanel,
  rendered,
  test
} from './fixtures';

/**
 * The default install: the operator has not deployed the hub help service,
 * which the settings name by default. JupyterHub answers its address with a
 * redirect to the hub's own pages.
 */
test.describe('A hub that runs no hub help service', () => {
  for (const user of ['zoe', 'amara']) {
    test(`${user} sees a healthy panel: no problem, no "No answer", and the service is asked once`, async ({
      logInAs
    }) => {
      const asked: string[] = [];
      const page = await logInAs(user, {
        prepare: async p => {
          p.on('request', request => {
            if (
              fromJupyterLab(request) &&
              new URL(request.url()).pathname.startsWith('/services/')
            ) {
              asked.push(request.url());
            }
          });
        }
      });
      await declineNews(page);
      const panel = await openPanel(page);
      const updated = panel.locator('.jp-HubHelp-updated');
      await expect(updated).toContainText('Updated at');
      await expect(
        panel.getByText('Some help information could not be loaded.')
      ).toHaveCount(0);
      await expect(
        panel.getByRole('region', { name: 'Configuration problems' })
      ).toHaveCount(0);
      await expect(
        panel.getByRole('region', { name: 'Keep this help current' })
      ).toHaveCount(0);

      // Checking again does not ask the absent service again.
      const checked = hubCallEnded(page);
      await panel
        .getByRole('button', {
          name: 'Check the hub and its help information again'
        })
        .click();
      await checked;
      await rendered(page);
      await expect(updated).toContainText('Updated at');
      expect(asked).toHaveLength(1);
      // The people and tasks from the settings are all there.
      await expect(
        panel
          .getByRole('region', { name: 'People' })
          .getByText('Amara Okafor')
          .first()
      ).toBeVisible();
    });
  }
});
