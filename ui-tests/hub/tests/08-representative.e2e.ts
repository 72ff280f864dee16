import { Locator } from '@playwright/test';
import * as path from 'path';

import { axeFindings } from '../../tests/axe';
import { labRestored } from '../../tests/commands';
import { overlappingControls } from '../../tests/overlap';
import { moveClockOn } from '../../tests/clock';
import {
  closePanel,
  declineNews,
  expect,
  openPanel,
  postStatusNote,
  signedInToEdit,
  test
} from './fixtures';

const NOTE = 'Servers start slowly today';

/**
 * With HUB_HELP_README_SCREENSHOTS=1 (`make screenshots`), what `shown`
 * shows is written to docs/ for the README.
 */
async function readmePicture(shown: Locator, name: string): Promise<void> {
  if (process.env.HUB_HELP_README_SCREENSHOTS === '1') {
    await shown.screenshot({
      path: path.resolve(__dirname, `../../../docs/${name}.png`)
    });
  }
}

// Before 10-community, which stops the hub help service.
test.describe('Tomás keeps the help current without knowing the format', () => {
  test('a status note that clears itself, a new person picked from lists, a wrong email caught first, a preview that matches, and a history that says who did what', async ({
    logInAs
  }) => {
    const zoe = await logInAs('zoe');
    await openPanel(zoe);

    const tomas = await logInAs('tomas');
    await tomas.setViewportSize({ width: 1400, height: 1000 });
    await declineNews(tomas);
    const keep = await signedInToEdit(await openPanel(tomas));

    // "Post a status note", its text, "Post": the clock is the one choice
    // more, for a note that clears itself in an hour.
    await postStatusNote(keep).click();
    const text = keep.getByRole('textbox', { name: 'Text' });
    await expect(text).toBeFocused();
    await text.fill(NOTE);
    await keep.getByRole('radio', { name: '1 hour' }).check();
    expect(await axeFindings(tomas, '.jp-HubHelp-postStatus')).toEqual([]);
    await readmePicture(keep, 'panel-status-note');
    await keep.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(keep.getByRole('status')).toContainText('Posted');

    // A new person, from lists and chips rather than ids.
    await keep.getByRole('button', { name: 'Edit people' }).click();
    const editor = tomas.locator('#jp-HubHelp-editor');
    const people = editor.getByRole('tabpanel', { name: 'People' });
    await people.getByRole('button', { name: 'Add a person' }).click();
    const card = people.getByRole('listitem').filter({
      has: tomas.getByRole('heading', { name: /^Person \d+$/ })
    });
    await expect(card.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await tomas.keyboard.type('Nia Bello');
    const nia = people.getByRole('listitem').filter({
      has: tomas.getByRole('heading', { name: 'Nia Bello' })
    });
    await nia
      .getByRole('checkbox', { name: 'Community Representative' })
      .check();
    await nia.getByRole('checkbox', { name: 'Hub Administrator' }).check();
    const usernames = nia.getByRole('combobox', { name: 'Hub usernames' });
    await usernames.fill('nia');
    await usernames.press('Enter');
    await expect(
      nia.getByRole('list', { name: 'Hub usernames' }).getByRole('listitem')
    ).toHaveText(['nia']);

    // A wrong email is named beside its field, and nothing is saved.
    const email = nia.getByRole('textbox', { name: 'Email' });
    await email.fill('nia-at-riverbend');
    await email.press('Tab');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('is not an email address');
    await people.getByRole('button', { name: 'Save' }).click();
    await expect(people.getByRole('alert')).toHaveText(
      'Nothing was saved: 1 problem is marked in the form.'
    );
    await expect(email).toBeFocused();
    await readmePicture(nia, 'editor-person-check');
    await email.fill('nia.bello@riverbend.example.org');
    // Each form, as a screen reader and the keyboard meet it.
    for (const tab of [
      'Announcements',
      'Status note',
      'Task notes',
      'People'
    ]) {
      await editor.getByRole('tab', { name: tab }).click();
      await expect(
        editor
          .getByRole('tabpanel', { name: tab })
          .getByRole('button', { name: 'Save' })
      ).toBeVisible();
      expect(await axeFindings(tomas, '#jp-HubHelp-editor')).toEqual([]);
      if (tab === 'Announcements' || tab === 'Task notes') {
        await readmePicture(
          editor,
          `editor-${tab.toLowerCase().replace(' ', '-')}`
        );
      }
    }

    // At 400 pixels (the sidebars closed, as on a phone), the preview goes
    // below the form, nothing scrolls sideways and no control is drawn over
    // another; at 1400, side by side.
    const shell = (open: boolean) =>
      tomas.evaluate(open => {
        const { shell } = (window as any).jupyterapp;
        if (open) {
          shell.expandRight();
        } else {
          shell.collapseLeft();
          shell.collapseRight();
        }
      }, open);
    await tomas.setViewportSize({ width: 400, height: 1000 });
    await shell(false);
    const form = editor.locator('.jp-HubHelp-editorForm');
    const aside = editor.getByRole('complementary', { name: 'Preview' });
    await expect
      .poll(async () => (await aside.boundingBox())!.y)
      .toBeGreaterThan((await form.boundingBox())!.y + 100);
    expect(await overlappingControls(tomas, '#jp-HubHelp-editor')).toEqual([]);
    expect(
      await editor
        .locator('.jp-HubHelp-editor')
        .evaluate(e => e.scrollWidth - e.clientWidth)
    ).toBeLessThanOrEqual(1);
    await shell(true);
    await tomas.setViewportSize({ width: 1400, height: 1000 });
    await expect
      .poll(async () => (await aside.boundingBox())!.x)
      .toBeGreaterThan((await form.boundingBox())!.x + 100);
    expect(await overlappingControls(tomas, '#jp-HubHelp-editor')).toEqual([]);

    // The preview is the panel's own view of the draft.
    const preview = editor
      .getByRole('complementary', { name: 'Preview' })
      .locator('[data-role="community-representative"]');
    await expect(preview).toContainText('Nia Bello');
    await readmePicture(editor, 'editor-people');
    const previewed = await preview.innerText();
    await people.getByRole('button', { name: 'Save' }).click();
    await expect(people.getByRole('status').first()).toContainText('Saved');

    // Zoe's panel, asked again, shows the note and what the preview showed.
    await closePanel(zoe);
    await moveClockOn(zoe, 31);
    const zoePanel = await openPanel(zoe);
    await expect(zoePanel.getByText(NOTE)).toBeVisible();
    const shown = zoePanel.locator('[data-role="community-representative"]');
    await expect(shown).toContainText('Nia Bello');
    expect(await shown.innerText()).toBe(previewed);

    // An hour later the note has cleared itself from zoe's panel.
    await closePanel(zoe);
    await moveClockOn(zoe, 3601);
    await expect((await openPanel(zoe)).getByText(NOTE)).toHaveCount(0);

    // The history says that tomas added her, as what, and when.
    await editor.getByRole('tab', { name: 'History' }).click();
    const change = editor
      .getByRole('list', { name: 'Changes' })
      .getByRole('listitem')
      .first();
    await expect(change).toContainText(
      /People: edited by tomas as a Community Representative at \d/
    );
    await change.getByRole('button', { name: 'What changed' }).click();
    await expect(change).toContainText('Added Nia Bello');
    // Only her: the people the form started from were the operator's.
    await expect(change.getByRole('listitem')).toHaveCount(1);
    await readmePicture(editor, 'editor-history');

    // Undone, so that the hub's other tests find its people as they were.
    await change
      .getByRole('button', { name: /^Undo the change to People/ })
      .click();
    await expect(editor.getByRole('status').first()).toContainText('Undone');
    await tomas.reload();
    await labRestored(tomas);
  });
});
