import { Locator, Page } from '@playwright/test';

import { labRestored } from '../../tests/commands';
import {
  declineNews,
  expect,
  pageToken,
  savedWorkspace,
  serviceUrl,
  test
} from './fixtures';
import { mayTriage, openInbox, rowOf } from './inbox';

const SUMMARY = 'Servers not starting: the spinner turns since 9:00';
const ADMIN_SUMMARY = 'Something else: the shared data volume is read-only';
const DESCRIPTION = '<b>not bold</b> since the update';

/**
 * File a report through the hub help service as `page`'s user, as the
 * report dialog does; answers its reference.
 */
async function fileReport(
  page: Page,
  report: { category: string; summary: string; description?: string }
): Promise<string> {
  const filed = await page.evaluate(
    async ({ url, token, report }) => {
      const response = await fetch(`${url}api/reports`, {
        method: 'POST',
        headers: {
          Authorization: `token ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': `e2e-inbox-${Date.now()}`
        },
        body: JSON.stringify(report)
      });
      return { status: response.status, body: await response.json() };
    },
    { url: await serviceUrl(page), token: await pageToken(page), report }
  );
  expect(filed.status).toBe(201);
  return filed.body.report.reference;
}

// Before 10-community, which stops the hub help service.
test.describe('The reports inbox', () => {
  test('a hub admin opens the inbox from the Help menu, sees the report a user filed, acknowledges it, and finds it again after a reload', async ({
    logInAs
  }) => {
    const zoe = await logInAs('zoe');
    const reference = await fileReport(zoe, {
      category: 'servers-not-starting',
      summary: SUMMARY,
      description: DESCRIPTION
    });
    // Zoe triages nothing: no inbox for her.
    expect(await mayTriage(zoe)).toBe(false);

    // Lin is a hub admin: users' reports are routed to her.
    const lin = await logInAs('lin');
    await declineNews(lin);
    const inbox = await openInbox(lin);
    const row = rowOf(inbox, reference);
    await expect(row).toContainText(SUMMARY);
    await expect(row).toContainText('not acknowledged yet');
    await row.getByRole('button', { name: reference }).click();
    // What the reporter wrote is text, never markup.
    await expect(row.getByText(DESCRIPTION)).toBeVisible();
    await expect(row.locator('b')).toHaveCount(0);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(inbox.getByRole('status').first()).toContainText(
      `${reference} is acknowledged.`
    );
    await expect(row).toContainText('Acknowledged by lin at');
    await expect(
      row.getByRole('list', { name: `History of ${reference}` })
    ).toContainText('Acknowledged by lin at');

    // The layout restorer reopens the inbox after a reload.
    await expect
      .poll(() => savedWorkspace(lin))
      .toContain('jupyterlab-hub-help-reports-inbox');
    await lin.reload();
    await labRestored(lin);
    await expect(rowOf(inbox, reference)).toContainText(
      'Acknowledged by lin at',
      { timeout: 60_000 }
    );

    // Lin's own report goes to the Community Representatives, not to her.
    const adminReference = await fileReport(lin, {
      category: 'something-else',
      summary: ADMIN_SUMMARY
    });
    await inbox.getByRole('combobox', { name: 'Status' }).selectOption('');
    await expect(rowOf(inbox, reference)).toBeVisible();
    await expect(rowOf(inbox, adminReference)).toHaveCount(0);
  });

  test("a Community Representative reads a hub admin's report, passes it on to the operator's desk and exports the inbox", async ({
    logInAs
  }) => {
    const lin = await logInAs('lin');
    const adminReference = await fileReport(lin, {
      category: 'something-else',
      summary: ADMIN_SUMMARY
    });
    const amara = await logInAs('amara');
    await declineNews(amara);
    const inbox = await openInbox(amara);
    const row = rowOf(inbox, adminReference);
    await expect(row).toContainText(ADMIN_SUMMARY);
    await expect(row).toContainText('Filed by lin, a hub admin, at');
    await expect(row).toContainText('Something else');

    await row
      .getByRole('checkbox', { name: `Choose ${adminReference} to pass on` })
      .check();
    await inbox
      .getByRole('button', { name: "Pass 1 report on to the operator's desk" })
      .click();
    const message = inbox.getByRole('region', {
      name: 'Message to the operator'
    });
    await expect(message).toContainText('- Something else: 1');
    await expect(message).toContainText('Passed on by amara');
    await expect(
      message.getByRole('button', { name: 'Copy message' })
    ).toBeVisible();
    await expect(rowOf(inbox, adminReference)).toContainText(
      "Passed on to the operator's desk by amara at"
    );

    const [download] = await Promise.all([
      amara.waitForEvent('download'),
      inbox.getByRole('button', { name: 'Export as CSV' }).click()
    ]);
    expect(download.suggestedFilename()).toBe('hub-help-reports.csv');
    const csv = await download.createReadStream().then(
      stream =>
        new Promise<string>(resolve => {
          let text = '';
          stream.on('data', chunk => (text += chunk));
          stream.on('end', () => resolve(text));
        })
    );
    expect(csv).toContain(adminReference);
    expect(csv).toContain(ADMIN_SUMMARY);
  });
});
