import { moveClockOn } from '../../tests/clock';
import { recipientOf } from '../../tests/reportDialog';
import {
  closePanel,
  expect,
  hubCallEnded,
  openPanel,
  pageToken,
  test
} from './fixtures';

/**
 * The hub process stops while JupyterLab is open: the proxy and the user
 * servers keep running (the proxy is not the hub's child, and the hub is
 * configured not to stop the servers), so JupyterLab keeps working while
 * /hub/api answers with an error.
 */
test.describe('When the hub goes down', () => {
  test('the panel keeps working and, once reopened, says the hub cannot be reached', async ({
    hub,
    logInAs
  }) => {
    const page = await logInAs('zoe');
    let panel = await openPanel(page);
    await expect(panel.getByText('Signed in as zoe')).toBeVisible();
    await expect(panel.getByRole('alert')).toHaveCount(0);

    await hub.stopHub();
    try {
      // The single-user server still answers, through the proxy.
      const contents = await page.evaluate(
        async token =>
          (
            await fetch('/user/zoe/api/contents', {
              headers: { Authorization: `token ${token}` }
            })
          ).status,
        await pageToken(page)
      );
      expect(contents).toBe(200);

      // The panel keeps working without the hub.
      await panel.getByLabel('What do you need help with?').fill('add user');
      await expect(
        panel
          .locator('[data-task-id="add-user"]')
          .getByText('Handled by: Hub Administrator')
      ).toBeVisible();

      // Opening the panel asks the hub again once its last answer is half a
      // minute old, or failed; one unanswered check may be a slow hub, two
      // in a row are an outage.
      await moveClockOn(page, 31);
      for (let check = 0; check < 2; check++) {
        await closePanel(page);
        const ended = hubCallEnded(page);
        panel = await openPanel(page);
        await ended;
        // The whole check is over (a panel opened during one joins it).
        await expect(panel.locator('.jp-HubHelp-updated')).not.toHaveText(
          'Checking…'
        );
      }
      const notice = panel.getByRole('alert');
      await expect(notice).toContainText('The hub cannot be reached right now');
      await expect(notice).toContainText('It last answered at');
      await expect(panel.getByText('Signed in as zoe')).toBeVisible();

      // The notice leads to the report dialog, which still routes zoe's report.
      await notice
        .getByRole('button', { name: 'Report a problem or outage' })
        .click();
      const dialog = page.locator('.jp-Dialog-content');
      await expect(
        (await recipientOf(dialog)).getByText('Amara Okafor')
      ).toBeVisible();
      await expect(
        dialog.getByLabel('The report that will be sent')
      ).toHaveValue(/Hub answers now: no/);
      // Nothing was sent: the dialog offers Cancel.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await hub.startHub();
    }

    // Once the hub is back, reopening the panel clears the notice.
    await closePanel(page);
    const ended = hubCallEnded(page);
    panel = await openPanel(page);
    await ended;
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });
});
