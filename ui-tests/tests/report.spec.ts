import { expect, test } from '@jupyterlab/galata';

import { runFromPalette, shortcutReady } from './commands';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('Report a problem', () => {
  test('from the palette: routes a user to the Hub Administrators and copies the report', async ({
    page
  }) => {
    await runFromPalette(page, 'Report a problem or outage');

    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByText('Report a problem or outage').first()
    ).toBeVisible();
    await dialog
      .getByLabel('What kind of problem is it?')
      .selectOption({ label: 'User servers not starting' });
    await dialog
      .getByLabel('What do you see, and since when?')
      .fill('The spinner never ends since 9:00.');
    await dialog.getByLabel('Others too').check();

    const recipient = dialog.getByRole('region', { name: 'Who receives it' });
    await expect(recipient).toContainText(
      'Hub users report problems to: Hub Administrator.'
    );
    await expect(recipient.getByText('Amara Okafor')).toBeVisible();
    await expect(recipient.getByText('Lin Wei')).toBeVisible();
    await expect(
      recipient.getByRole('link', { name: 'Check the status page first' })
    ).toHaveAttribute('href', 'https://status.cloudhost.example.com');

    const mail = dialog.getByRole('link', { name: 'Send by email' });
    const href = (await mail.getAttribute('href'))!;
    expect(
      href.startsWith(
        'mailto:amara.okafor@riverbend.example.org,lin.wei@riverbend.example.org?subject='
      )
    ).toBe(true);
    expect(decodeURIComponent(href.split('subject=')[1].split('&')[0])).toBe(
      '[Riverbend Climate Hub] User servers not starting'
    );

    await dialog.getByRole('button', { name: 'Copy report' }).click();
    await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(
      '[Riverbend Climate Hub] User servers not starting'
    );
    expect(copied).toContain('Who is affected: Others too');
    expect(copied).toContain('The spinner never ends since 9:00.');
    expect(copied).toContain('Server answers now: yes');
    expect(copied).toContain('JupyterLab: 4.6.4');
    expect(copied).toBe(
      await dialog.getByLabel('The report that will be sent').inputValue()
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('is in the Help menu, with the status page', async ({ page }) => {
    await page.menu.open('Help');
    await expect(
      page.getByRole('menuitem', { name: 'Report a problem or outage' })
    ).toBeVisible();
    await expect(
      page.getByRole('menuitem', { name: 'Open the hub status page' })
    ).toBeVisible();
    await page
      .getByRole('menuitem', { name: 'Report a problem or outage' })
      .click();
    await expect(
      page.getByRole('dialog').getByLabel('What kind of problem is it?')
    ).toBeVisible();
  });

  test('opens with its shortcut; a representative-only category goes through the representatives', async ({
    page
  }) => {
    await shortcutReady(page, 'hub-help:report-problem');
    await page.keyboard.press('Control+Alt+H');
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('What kind of problem is it?')
      .selectOption({ label: 'Underlying infrastructure outage' });
    const recipient = dialog.getByRole('region', { name: 'Who receives it' });
    await expect(recipient).toContainText(
      'ask your Community Representative, who will pass it on'
    );
    await expect(recipient.getByText('Tomás Ruiz')).toBeVisible();
  });
});
