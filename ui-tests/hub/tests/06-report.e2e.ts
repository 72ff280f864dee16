import {
  fillReport,
  footer,
  openReport,
  DESK_ROUTE,
  expectRoute
} from '../../tests/reportDialog';
import { expect, pageToken, test } from './fixtures';

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
    await expectRoute(dialog, {
      to: /^To: Hub Administrator \(\d+ people\)$/,
      says: ['Hub users report problems to: Hub Administrator.'],
      people: ['Amara Okafor', 'Lin Wei']
    });

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
    await expectRoute(dialog, {
      to: 'To: Community Representative (2 people)',
      says: [
        'As Hub Administrator, you take problems you cannot solve to Community Representative.'
      ],
      people: ['Tomás Ruiz']
    });
  });

  test("amara, a Community Representative, reports to the operator's support desk", async ({
    logInAs
  }) => {
    const dialog = await openReport(await logInAs('amara'));
    await fillReport(dialog, { category: 'User servers not starting' });
    // The hub help service keeps reports: sending it there comes first.
    await expect(footer(dialog).locator('a, button').first()).toHaveText(
      "Send to this hub's helpers"
    );
    // The desk's shared address, not its people.
    const recipient = await expectRoute(dialog, {
      ...DESK_ROUTE,
      actions: ["Send to this hub's helpers", ...DESK_ROUTE.actions]
    });
    await expect(
      recipient.getByRole('link', { name: 'Email the support desk' })
    ).toHaveAttribute('href', 'mailto:support@cloudhost.example.com');
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
