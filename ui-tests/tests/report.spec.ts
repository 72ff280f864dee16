import { expect, test } from '@jupyterlab/galata';
import { Locator, Page } from '@playwright/test';

import { axeFindings } from './axe';
import { runCommand, runFromPalette, shortcutReady } from './commands';
import { signInAs } from './hubUser';
import {
  expand,
  fillReport,
  footer,
  footerActions,
  openReport,
  DESK_ROUTE,
  expectRoute,
  reportDialog
} from './reportDialog';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/**
 * Lumino's names of modifier keys, as Playwright names them.
 */
const MODIFIERS: { [lumino: string]: string } = {
  Accel: 'Control',
  Ctrl: 'Control',
  Cmd: 'Meta'
};

/**
 * Press the keys bound to `command`, whichever they are.
 */
async function pressShortcutOf(page: Page, command: string): Promise<void> {
  await shortcutReady(page, command);
  const strokes: string[] = await page.evaluate(
    id =>
      (window as any).jupyterapp.commands.keyBindings.find(
        (binding: { command: string }) => binding.command === id
      ).keys,
    command
  );
  for (const stroke of strokes) {
    await page.keyboard.press(
      stroke
        .split(' ')
        .map(key => MODIFIERS[key] ?? key)
        .join('+')
    );
  }
}

/**
 * The recipients, subject and body of a mailto: URL.
 */
function mailto(href: string) {
  const [to, query] = href.slice('mailto:'.length).split('?');
  const field = (name: string) =>
    decodeURIComponent(
      query
        .split('&')
        .find(pair => pair.startsWith(`${name}=`))!
        .slice(name.length + 1)
    );
  return {
    to: to.split(',').map(decodeURIComponent),
    subject: field('subject'),
    body: field('body')
  };
}

/**
 * Click a mailto: link, as a person does, and return where it led. It opens
 * in a tab of its own, which the browser closes once it has handed the
 * address to the mail program (none on the test machine).
 */
async function clickMailto(page: Page, link: Locator): Promise<string> {
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      event => {
        const anchor = (event.target as Element).closest('a');
        (window as any).__hubHelpClicked = anchor?.href;
      },
      { capture: true, once: true }
    );
  });
  await link.click();
  return page.evaluate(() => (window as any).__hubHelpClicked as string);
}

test.describe('Report a problem, as a user', () => {
  test('from the palette: one line says where it goes; the footer sends it by email or copies it', async ({
    page
  }) => {
    await runFromPalette(page, 'Report a problem or outage');
    const dialog = await reportDialog(page);
    await expect(
      dialog.locator('.jp-Dialog-header', {
        hasText: 'Report a problem or outage'
      })
    ).toBeVisible();
    await fillReport(dialog, {
      category: 'User servers not starting',
      details: 'The spinner never ends since 9:00.',
      affected: 'Others too'
    });

    await expect(dialog.locator('.jp-HubHelp-reportSummary')).toHaveText(
      'To: Hub Administrator (2 people)'
    );
    await expect(
      dialog.getByRole('link', { name: 'Check the status page first' })
    ).toHaveAttribute('href', 'https://status.cloudhost.example.com');
    expect(await footerActions(dialog)).toEqual([
      'Send by email',
      'Copy report',
      'Cancel'
    ]);
    await expect(dialog.locator('.jp-Dialog-footer .jp-mod-accept')).toHaveText(
      'Send by email'
    );

    // Who receives it, and the text, are there a click away.
    const recipient = dialog.getByRole('region', { name: 'Who receives it' });
    await expect(recipient).toBeHidden();
    await expand(dialog, 'Who receives it');
    await expect(recipient).toContainText(
      'Hub users report problems to: Hub Administrator.'
    );
    await expect(recipient.getByText('Amara Okafor')).toBeVisible();
    await expect(recipient.getByText('Lin Wei')).toBeVisible();
    const text = dialog.getByLabel('The report that will be sent');
    await expect(text).toBeHidden();
    // The keyboard opens a section too.
    await dialog
      .locator('summary', { hasText: 'The report that will be sent' })
      .press('Enter');
    await expect(text).toBeVisible();
    await expect(text).toHaveValue(/Server answers now: yes/);

    const mail = mailto(
      await clickMailto(
        page,
        footer(dialog).getByRole('link', { name: 'Send by email' })
      )
    );
    expect(mail.to).toEqual([
      'amara.okafor@riverbend.example.org',
      'lin.wei@riverbend.example.org'
    ]);
    expect(mail.subject).toBe(
      '[Riverbend Climate Hub] User servers not starting'
    );
    expect(mail.body).toContain('Who is affected: Others too');
    expect(mail.body).toContain('The spinner never ends since 9:00.');
    expect(`${mail.subject}\n\n${mail.body}`).toBe(await text.inputValue());
    // The dialog stays, in case no email program opened.
    await expect(footer(dialog).getByRole('status')).toContainText(
      'Your email program opens with the report.'
    );

    await footer(dialog).getByRole('button', { name: 'Copy report' }).click();
    await expect(
      footer(dialog).getByText('Copied to the clipboard.')
    ).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await text.inputValue());
    expect(copied).toContain('JupyterLab: 4.6.4');
    await expect(dialog).toBeVisible();

    await footer(dialog).getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('keeps what was typed when closed, until the report went out', async ({
    page
  }) => {
    let dialog = await openReport(page);
    await fillReport(dialog, {
      category: 'Home directory full',
      details: 'My home is full.',
      affected: 'Only me'
    });
    await footer(dialog).getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);

    dialog = await openReport(page);
    await expect(dialog.getByLabel('What kind of problem is it?')).toHaveValue(
      'home-full'
    );
    await expect(
      dialog.getByLabel('What do you see, and since when?')
    ).toHaveValue('My home is full.');
    await expect(dialog.getByLabel('Only me')).toBeChecked();
    // Escape closes it too, and keeps the draft as well.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    dialog = await openReport(page);
    await expect(
      dialog.getByLabel('What do you see, and since when?')
    ).toHaveValue('My home is full.');
    await footer(dialog).getByRole('button', { name: 'Copy report' }).click();
    await expect(
      footer(dialog).getByText('Copied to the clipboard.')
    ).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      'My home is full.'
    );
    await footer(dialog).getByRole('button', { name: 'Close' }).click();

    dialog = await openReport(page);
    await expect(
      dialog.getByLabel('What do you see, and since when?')
    ).toHaveValue('');
    await expect(dialog.getByLabel('Not sure')).toBeChecked();
  });

  test('sending by email never asks to leave JupyterLab, even with unsaved changes', async ({
    page
  }) => {
    const asked: string[] = [];
    page.on('dialog', prompt => {
      asked.push(prompt.type());
      void prompt.dismiss();
    });
    await page.notebook.createNew('unsaved.ipynb');
    await page.notebook.setCell(0, 'code', 'print("not saved yet")');
    const where = page.url();
    const dialog = await openReport(page);
    const popup = page.waitForEvent('popup');
    const href = await clickMailto(
      page,
      footer(dialog).getByRole('link', { name: 'Send by email' })
    );
    expect(href).toMatch(/^mailto:/);
    const tab = await popup;
    await expect.poll(() => tab.isClosed()).toBe(true);
    expect(asked).toEqual([]);
    expect(page.url()).toBe(where);
    await expect(dialog).toBeVisible();
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
    await reportDialog(page);
  });

  test('opens with its shortcut; a representative-only category goes through the representatives', async ({
    page
  }) => {
    await pressShortcutOf(page, 'hub-help:report-problem');
    const dialog = await reportDialog(page);
    await fillReport(dialog, { category: 'Underlying infrastructure outage' });
    await expectRoute(dialog, {
      to: 'To: Community Representative (2 people)',
      says: ['ask your Community Representative, who will pass it on'],
      people: ['Tomás Ruiz']
    });
  });

  test('is wide enough to read, its footer stays in view, and axe finds nothing', async ({
    page
  }) => {
    const dialog = await openReport(page);
    const content = dialog.locator('.jp-Dialog-content');
    const width = (await content.boundingBox())!.width;
    const viewport = page.viewportSize()!;
    expect(width).toBeCloseTo(Math.min(720, viewport.width * 0.9), 0);
    await expand(dialog, 'Who receives it');
    await expand(dialog, 'The report that will be sent');
    await expect(
      footer(dialog).getByRole('button', { name: 'Copy report' })
    ).toBeInViewport();
    expect(await axeFindings(page, '.jp-Dialog')).toEqual([]);
  });
});

test.describe('Report a problem, as someone who holds a role', () => {
  test.use({ autoGoto: false });

  test("a Community Representative: to the operator's desk, by email or its form", async ({
    page
  }) => {
    await page
      .context()
      .route('https://support.cloudhost.example.com/**', route =>
        route.fulfill({ contentType: 'text/html', body: '<p>New ticket</p>' })
      );
    await signInAs(page, 'amara', false);
    const dialog = await openReport(page);
    await fillReport(dialog, {
      category: 'User servers not starting',
      details: 'Nobody can start a server.'
    });
    await expectRoute(dialog, DESK_ROUTE);

    const popup = page.waitForEvent('popup');
    await footer(dialog)
      .getByRole('link', { name: 'Open a support ticket' })
      .click();
    const form = new URL((await popup).url());
    expect(form.origin + form.pathname).toBe(
      'https://support.cloudhost.example.com/new'
    );
    expect(form.searchParams.get('category')).toBe('User servers not starting');
    expect(form.searchParams.get('summary')).toBe(
      'User servers not starting: Nobody can start a server.'
    );
    await expect(footer(dialog).getByRole('status')).toContainText(
      'The form opens in a new tab'
    );

    const mail = mailto(
      await clickMailto(
        page,
        footer(dialog).getByRole('link', { name: 'Send by email' })
      )
    );
    expect(mail.to).toEqual(['support@cloudhost.example.com']);
    expect(mail.body).toContain('Signed in as: amara');
  });

  test('a Hub Administrator: to the Community Representatives', async ({
    page
  }) => {
    await signInAs(page, 'lin', false);
    const dialog = await openReport(page);
    await expectRoute(dialog, {
      to: 'To: Community Representative (2 people)',
      says: [
        'As Hub Administrator, you take problems you cannot solve to Community Representative.'
      ]
    });
    const mail = mailto(
      (await footer(dialog)
        .getByRole('link', { name: 'Send by email' })
        .getAttribute('href'))!
    );
    expect(mail.to).toEqual([
      'amara.okafor@riverbend.example.org',
      'tomas.ruiz@riverbend.example.org'
    ]);
  });
});
