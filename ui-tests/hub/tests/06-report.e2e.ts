import { Locator } from '@playwright/test';

import {
  expand,
  fillReport,
  footer,
  openReport
} from '../../tests/reportDialog';
import { expect, pageToken, test } from './fixtures';

/**
 * Who receives the report, and why: a collapsed section, opened.
 */
async function recipientOf(dialog: Locator): Promise<Locator> {
  await expand(dialog, 'Who receives it');
  return dialog.getByRole('region', { name: 'Who receives it' });
}

test.describe('Report a problem, in a real hub', () => {
  test('zoe reports to the Hub Administrators, and the copied report holds no token', async ({
    logInAs
  }) => {
    const page = await logInAs('zoe');
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write']);
    const token = await pageToken(page);
    expect(token.length).toBeGreaterThan(8);
    const dialog = await openReport(page);
    await fillReport(dialog, {
      category: 'User servers not starting',
      details: `My server spins forever; I pasted ${page.url()}?token=${token}`
    });
    await expect(dialog.locator('.jp-HubHelp-reportSummary')).toHaveText(
      /^To: Hub Administrator \(\d+ people\)$/
    );
    const recipient = await recipientOf(dialog);
    await expect(recipient).toContainText(
      'Hub users report problems to: Hub Administrator.'
    );
    await expect(recipient.getByText('Amara Okafor')).toBeVisible();
    await expect(recipient.getByText('Lin Wei')).toBeVisible();

    const report = dialog.getByLabel('The report that will be sent');
    await expect(report).toHaveValue(/Hub answers now: yes/);
    await footer(dialog).getByRole('button', { name: 'Copy report' }).click();
    await expect(footer(dialog).getByRole('status')).toHaveText(
      'Copied to the clipboard.'
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(
      '[Riverbend Climate Hub] User servers not starting'
    );
    expect(copied).toContain('Signed in as: zoe');
    expect(copied).toMatch(/JupyterHub: \d+\.\d+/);
    expect(copied).toContain('Page: /user/zoe/lab');
    expect(copied).not.toContain(token);
    const mail = await footer(dialog)
      .getByRole('link', { name: 'Send by email' })
      .getAttribute('href');
    expect(mail).not.toContain(token);
  });

  test('lin, a Hub Administrator, reports to the Community Representatives', async ({
    logInAs
  }) => {
    const dialog = await openReport(await logInAs('lin'));
    await expect(dialog.locator('.jp-HubHelp-reportSummary')).toHaveText(
      'To: Community Representative (2 people)'
    );
    const recipient = await recipientOf(dialog);
    await expect(recipient).toContainText(
      'As Hub Administrator, you take problems you cannot solve to Community Representative.'
    );
    await expect(recipient.getByText('Tomás Ruiz')).toBeVisible();
  });

  test("amara, a Community Representative, reports to the operator's support desk", async ({
    logInAs
  }) => {
    const dialog = await openReport(await logInAs('amara'));
    await fillReport(dialog, { category: 'User servers not starting' });
    // The desk's shared address, not its people.
    await expect(dialog.locator('.jp-HubHelp-reportSummary')).toHaveText(
      'To: CloudHost support desk (support@cloudhost.example.com), usually answered within one working day'
    );
    expect(await footer(dialog).locator('a, button').allInnerTexts()).toEqual([
      'Send by email',
      'Open a support ticket',
      'Copy report',
      'Cancel'
    ]);
    const recipient = await recipientOf(dialog);
    await expect(recipient).toContainText(
      'As Community Representative, you take problems you cannot solve to CloudHost support desk.'
    );
    await expect(
      recipient.getByRole('link', { name: 'Email the support desk' })
    ).toHaveAttribute('href', 'mailto:support@cloudhost.example.com');
    await expect(recipient).toContainText(
      'Expected answer: within one working day'
    );
    const mail = await footer(dialog)
      .getByRole('link', { name: 'Send by email' })
      .getAttribute('href');
    expect(mail).toMatch(/^mailto:support@cloudhost\.example\.com\?subject=/);
    const form = await footer(dialog)
      .getByRole('link', { name: 'Open a support ticket' })
      .getAttribute('href');
    expect(form).toMatch(
      /^https:\/\/support\.cloudhost\.example\.com\/new\?hub=.+&category=User%20servers%20not%20starting&summary=/
    );
  });
});
