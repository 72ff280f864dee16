import { Page } from '@playwright/test';

import { labRestored } from '../../tests/commands';
import { moveClockOn } from '../../tests/clock';
import {
  closePanel,
  declineNews,
  expect,
  openPanel,
  postStatusNote,
  pageToken,
  savedWorkspace,
  serviceUrl,
  signedInToEdit,
  signInIfOffered,
  test
} from './fixtures';

const NOTE = 'Maintenance tonight from 20:00 UTC: save your work first';
const NEW_EMAIL = 'amara@riverbend.example.org';
const DOCUMENT = '/services/hub-help/api/document';

/**
 * Resolves with the next answer of the hub help service's document that
 * `holds` the text, as the page's poll gets it.
 */
function documentAnswer(page: Page, holds: string) {
  return page.waitForResponse(
    async response =>
      response.url().endsWith(DOCUMENT) &&
      response.status() === 200 &&
      (await response.text()).includes(holds),
    { timeout: 120_000 }
  );
}

/**
 * Resolves with how the page's next ask for the document failed: the
 * proxy's error status, or, where the service is on another origin (a hub
 * with subdomains), the browser's refusal of an answer without CORS headers.
 */
function documentFailure(page: Page): Promise<string> {
  const isDocument = (url: string) => url.endsWith(DOCUMENT);
  return Promise.race([
    page
      .waitForResponse(r => isDocument(r.url()) && r.status() >= 500, {
        timeout: 120_000
      })
      .then(r => `status ${r.status()}`),
    page
      .waitForEvent('requestfailed', {
        predicate: r => isDocument(r.url()),
        timeout: 120_000
      })
      .then(() => 'no answer')
  ]);
}

/**
 * Give `user` their own refresh interval, the shortest allowed (30 s), as
 * the Settings Editor would, and load JupyterLab again to read it.
 */
async function refreshEvery30s(page: Page, user: string): Promise<void> {
  const token = await pageToken(page);
  const status = await page.evaluate(
    async ({ user, token }) =>
      (
        await fetch(
          `/user/${user}/lab/api/settings/jupyterlab-hub-help:plugin`,
          {
            method: 'PUT',
            headers: { Authorization: `token ${token}` },
            body: JSON.stringify({ raw: '{"refreshInterval": 30}' })
          }
        )
      ).status,
    { user, token }
  );
  expect(status).toBe(204);
  await page.reload();
  await labRestored(page);
}

// Numbered to run last of the files that share a hub: it stops the hub help service.
test.describe('The community keeps its own help current', () => {
  test('a representative edits the status note and a contact; an open panel shows them without a reload; others cannot edit; the last copy stays while the service is down', async ({
    hub,
    logInAs
  }) => {
    const zoe = await logInAs('zoe');
    await refreshEvery30s(zoe, 'zoe');
    const zoePanel = await openPanel(zoe);
    await expect(zoePanel.getByText('Signed in as zoe')).toBeVisible();
    // Not an editor: no edit control, and no edit command in the palette.
    await expect(
      zoePanel.getByRole('region', { name: 'Keep this help current' })
    ).toHaveCount(0);

    // Tomás is a Community Representative, not a hub admin.
    const tomas = await logInAs('tomas');
    await declineNews(tomas);
    const panel = await openPanel(tomas);
    const keep = await signedInToEdit(panel);
    // The status note is posted from the panel itself, in three steps.
    await postStatusNote(keep).click();
    await keep.getByRole('textbox', { name: 'Text' }).fill(NOTE);
    await keep.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(keep.getByRole('status')).toContainText('Posted');

    // A contact: the form starts from the people the panel shows.
    await keep.getByRole('button', { name: 'Edit people' }).click();
    const editor = tomas.locator('#jp-HubHelp-editor');
    await expect(
      editor.getByRole('heading', { name: "Keep this hub's help current" })
    ).toBeVisible();
    const people = editor.getByRole('tabpanel', { name: 'People' });
    const email = people.getByRole('textbox', { name: 'Email' }).first();
    await expect(email).toHaveValue('amara.okafor@riverbend.example.org');
    await email.fill(NEW_EMAIL);
    // Listen before saving: zoe's next poll may come at any moment.
    const answered = documentAnswer(zoe, NEW_EMAIL);
    await people.getByRole('button', { name: 'Save' }).click();
    await expect(people.getByRole('status').first()).toContainText('Saved');

    // Zoe's open panel shows both at its next refresh, without a reload.
    await answered;
    await expect(zoePanel.getByText(NOTE)).toBeVisible();
    await expect(zoePanel.getByText(NEW_EMAIL).first()).toBeVisible();

    // A forged edit from zoe's page, with her page's own token, is refused.
    const token = await pageToken(zoe);
    const service = await serviceUrl(zoe);
    const forged = await zoe.evaluate(
      async ({ token, service }) => {
        const send = (headers: { [name: string]: string }) =>
          fetch(`${service}api/sections/status`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', ...headers },
            body: JSON.stringify({ value: { text: 'Hacked' } })
          }).then(r => r.status);
        return {
          withToken: await send({
            Authorization: `token ${token}`,
            'If-Match': '"status-1"'
          }),
          withCookiesOnly: await send({ 'If-Match': '"status-1"' })
        };
      },
      { token, service }
    );
    expect(forged.withToken).toBe(403);
    expect([401, 403]).toContain(forged.withCookiesOnly);

    // The history names both changes, newest first (earlier tests on this
    // hub may have made others), and Undo is there for the editor.
    await editor.getByRole('tab', { name: 'History' }).click();
    const changes = editor
      .getByRole('list', { name: 'Changes' })
      .getByRole('listitem');
    await expect(changes.nth(0)).toContainText('by tomas');
    await expect(changes.nth(1)).toContainText('by tomas');
    await expect(
      changes.nth(0).getByRole('button', { name: /^Undo the change to/ })
    ).toBeVisible();

    // The editor is a JupyterLab tab like the others: a reload reopens it on
    // the tab tomas was on, once JupyterLab has saved its layout. Where the
    // page keeps the sign-in in memory only (subdomains), it offers it again.
    await expect
      .poll(() => savedWorkspace(tomas), { timeout: 60_000 })
      .toMatch(/"tab":\s*"history"/);
    await tomas.reload();
    await labRestored(tomas);
    await signInIfOffered(
      editor,
      editor.getByRole('tab', { name: 'History', selected: true })
    );
    await expect(changes.nth(0)).toContainText('by tomas');

    // With the service stopped, zoe's panel keeps the last good copy.
    await hub.stopService();
    try {
      await closePanel(zoe);
      await moveClockOn(zoe, 31);
      const failed = documentFailure(zoe);
      const reopened = await openPanel(zoe);
      expect(await failed).toMatch(/^(status 5\d\d|no answer)$/);
      await expect(reopened.getByText(NOTE)).toBeVisible();
      // And after a reload too: the copy is kept between sessions, once
      // JupyterLab has saved its state.
      await expect
        .poll(() => savedWorkspace(zoe), { timeout: 60_000 })
        .toContain(NOTE);
      await zoe.reload();
      await labRestored(zoe);
      await expect((await openPanel(zoe)).getByText(NOTE)).toBeVisible();
    } finally {
      // The files after this one find the hub as they expect it.
      await hub.startService();
    }
  });
});
