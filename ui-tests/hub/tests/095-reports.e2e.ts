import { Locator, Page } from '@playwright/test';

import { moveClockOn } from '../../tests/clock';
import { labRestored } from '../../tests/commands';
import { fillReport, footer, openReport } from '../../tests/reportDialog';
import {
  closePanel,
  declineNews,
  expect,
  hubCallEnded,
  openPanel,
  pageToken,
  serviceUrl,
  signedInToEdit,
  test
} from './fixtures';
import { openInbox, rowOf } from './inbox';

const CATEGORY = 'User servers not starting';
const NOTE = 'The image pull was stuck; start your server again.';

/**
 * "Acknowledged by lin at", the name isolated for direction as the panel
 * shows it (U+2068, U+2069).
 */
const byLin = (what: string) => new RegExp(`${what} by \u2068?lin\u2069? at`);

/**
 * Send the open report to the hub's helpers and answer its reference.
 */
async function sendToHub(dialog: Locator): Promise<string> {
  await footer(dialog)
    .getByRole('button', { name: "Send to this hub's helpers" })
    .click();
  const status = footer(dialog).getByRole('status');
  await expect(status).toHaveText(/^Sent as R-\d+\./);
  return /R-\d+/.exec((await status.textContent())!)![0];
}

async function closeDialog(dialog: Locator): Promise<void> {
  await footer(dialog).getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * The page's own reports, as the service keeps them (with its page token).
 */
async function mine(page: Page): Promise<{ reference: string }[]> {
  const token = await pageToken(page);
  const service = await serviceUrl(page);
  return page.evaluate(
    async ({ token, service }) =>
      (
        await (
          await fetch(`${service}api/reports/mine`, {
            headers: { Authorization: `token ${token}` }
          })
        ).json()
      ).reports,
    { token, service }
  );
}

/**
 * Ask the hub and the service again, as opening the panel does once the
 * last check is half a minute old.
 */
async function checkAgain(page: Page): Promise<Locator> {
  await moveClockOn(page, 31);
  await closePanel(page);
  const ended = hubCallEnded(page);
  const panel = await openPanel(page);
  await ended;
  return panel;
}

test.describe('Reports that stay in the hub', () => {
  test('three people report the same outage, see that others did, and a Hub Administrator hears of it', async ({
    logInAs
  }) => {
    const zoe = await logInAs('zoe');
    await declineNews(zoe);
    let dialog = await openReport(zoe);
    await expect(footer(dialog).locator('a, button').first()).toHaveText(
      "Send to this hub's helpers"
    );
    await fillReport(dialog, {
      category: CATEGORY,
      details: 'My server spins forever',
      affected: 'Others too'
    });
    const first = await sendToHub(dialog);
    await closeDialog(dialog);
    const panel = await openPanel(zoe);
    const yours = panel.getByRole('region', { name: 'Your reports' });
    await expect(yours.getByText(first)).toBeVisible();
    await expect(yours).toContainText('not acknowledged yet');

    const tomas = await logInAs('tomas');
    dialog = await openReport(tomas);
    await fillReport(dialog, { category: CATEGORY });
    // Then who is looking into it, if an earlier report of it was acknowledged.
    await expect(dialog.locator('.jp-HubHelp-reportOthers')).toHaveText(
      /^1 other person reported this in the last 30 minutes\./
    );
    await sendToHub(dialog);

    const noah = await logInAs('noah');
    dialog = await openReport(noah);
    await fillReport(dialog, { category: CATEGORY });
    await expect(dialog.locator('.jp-HubHelp-reportOthers')).toHaveText(
      /^2 others reported this in the last 30 minutes\./
    );
    await sendToHub(dialog);

    // Three people within 15 minutes: the Hub Administrators are told, once
    // signed in to the service (silently, but for a hub with subdomains).
    const lin = await logInAs('lin');
    await signedInToEdit(await openPanel(lin));
    const alert = lin.locator('.Toastify__toast').filter({ hasText: CATEGORY });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    // The label is isolated from the sentence around it (U+2068, U+2069).
    await expect(alert).toContainText(
      /3 people reported "\u2068?User servers not starting\u2069?" in the last 15 minutes\./
    );

    // Lin acknowledges Zoe's report; Zoe's panel says so at its next check.
    const linInbox = await openInbox(lin);
    const row = rowOf(linInbox, first);
    await row.getByRole('button', { name: first }).click();
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(row).toContainText('Acknowledged by lin at');
    let zoeReports = (await checkAgain(zoe)).getByRole('region', {
      name: 'Your reports'
    });
    await expect(zoeReports).toContainText(byLin('Acknowledged'));
    await expect(
      zoe
        .locator('.Toastify__toast')
        .filter({ hasText: `Your report ${first}` })
    ).toBeVisible();

    // Amara passes every open report on to the operator's desk in one message.
    const amara = await logInAs('amara');
    await declineNews(amara);
    const amaraInbox = await openInbox(amara);
    await amaraInbox
      .getByRole('button', { name: 'Choose all that can be passed on' })
      .click();
    await amaraInbox
      .getByRole('button', {
        name: /^Pass \d+ reports? on to the operator's desk$/
      })
      .click();
    const message = amaraInbox.getByRole('region', {
      name: 'Message to the operator'
    });
    await expect(message).toContainText(CATEGORY);
    await expect(message).toContainText('Passed on by amara');

    // Lin resolves it with a note; Zoe reads the note in her panel.
    await row.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await row.getByRole('button', { name: 'Resolve' }).click();
    await expect(row).toContainText('Resolved by lin at');
    zoeReports = (await checkAgain(zoe)).getByRole('region', {
      name: 'Your reports'
    });
    await expect(zoeReports).toContainText(byLin('Resolved'));
    await expect(zoeReports).toContainText(NOTE);
  });

  // Nothing here depends on where the service is: the subdomain hub skips it.
  test(
    'a report written while the service is down is kept, and arrives once when it is back',
    {
      tag: '@same-on-every-hub'
    },
    async ({ hub, logInAs }) => {
      const zoe = await logInAs('zoe');
      await declineNews(zoe);
      const before = (await mine(zoe)).length;
      await hub.stopService();
      try {
        const dialog = await openReport(zoe);
        await fillReport(dialog, {
          category: 'Reduced performance',
          details: 'Everything is slow, and the help service is down too'
        });
        await footer(dialog)
          .getByRole('button', { name: "Send to this hub's helpers" })
          .click();
        await expect(footer(dialog).getByRole('status')).toContainText(
          'kept in this browser'
        );
        await closeDialog(dialog);
        // The tab is closed and opened again while the service is down.
        await zoe.reload();
        await labRestored(zoe);
        const panel = await openPanel(zoe);
        await expect(
          panel.getByRole('region', { name: 'Your reports' })
        ).toContainText('Waiting to send');
      } finally {
        await hub.startService();
      }
      const panel = await checkAgain(zoe);
      const yours = panel.getByRole('region', { name: 'Your reports' });
      await expect(yours).not.toContainText('Waiting to send', {
        timeout: 60_000
      });
      await expect(
        zoe
          .locator('.Toastify__toast')
          .filter({ hasText: /was sent, as R-\d+/ })
      ).toBeVisible();
      // Another check sends nothing again.
      await checkAgain(zoe);
      const after = await mine(zoe);
      expect(after.length).toBe(before + 1);
    }
  );
});
