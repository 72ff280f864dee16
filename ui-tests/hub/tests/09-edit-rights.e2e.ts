import { Page, Request } from '@playwright/test';

import { labRestored } from '../../tests/commands';
import {
  declineNews,
  fromJupyterLab,
  expect,
  hubApiAs,
  openPanel,
  pageToken,
  statusNoteTab,
  test
} from './fixtures';

const SERVICE = '/services/hub-help/';
const GROUP = 'groups/community-representatives/users';

/**
 * What the page sends the hub help service to sign in: the silent frame, and
 * `api/me` asked with the service's cookie alone.
 */
function signInRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    if (!fromJupyterLab(request)) {
      return;
    }
    const url = new URL(request.url());
    if (url.pathname === SERVICE && url.search.includes('silent')) {
      seen.push('silent frame');
    } else if (
      url.pathname === `${SERVICE}api/me` &&
      !request.headers()['authorization']
    ) {
      seen.push('cookie');
    }
  });
  return seen;
}

/**
 * Edit the status note in the editor the panel opens, and resolve with what
 * the editor then says.
 */
async function editStatus(page: Page, text: string) {
  const editor = page.locator('#jp-HubHelp-editor');
  const status = editor.getByRole('tabpanel', { name: 'Status note' });
  await status.getByRole('textbox').first().fill(text);
  await status.getByRole('button', { name: 'Save' }).click();
  return status;
}

test.describe('Who may edit the hub help is the hub’s decision', () => {
  test("amara on zoe's server: the token that server holds reads the service but cannot edit, and no sign-in is made for its pages", async ({
    logInAs
  }) => {
    await logInAs('zoe');
    let seen: string[] = [];
    const page = await logInAs('amara', {
      path: '/user/zoe/lab',
      prepare: async p => {
        seen = signInRequests(p);
      }
    });
    const panel = await openPanel(page);
    const keep = panel.getByRole('region', { name: 'Keep this help current' });
    await expect(keep.getByText('from your own server')).toBeVisible();
    await expect(keep.getByRole('button')).toHaveCount(0);

    // What zoe's server could do with the token it holds for amara.
    const token = await pageToken(page);
    const answer = await page.evaluate(
      async ({ token, service }) => {
        const headers = { Authorization: `token ${token}` };
        const read = await fetch(`${service}api/sections/status`, { headers });
        const written = await fetch(`${service}api/sections/status`, {
          method: 'PUT',
          headers: {
            ...headers,
            'Content-Type': 'application/json',
            'If-Match': read.headers.get('ETag')!
          },
          body: JSON.stringify({ value: { text: "Written by zoe's server" } })
        });
        return {
          read: read.status,
          written: written.status,
          error: (await written.json()).error
        };
      },
      { token, service: SERVICE }
    );
    expect(answer).toEqual({
      read: 200,
      written: 403,
      error: 'sign-in-required'
    });
    expect(seen).toEqual([]);
  });

  test('tomas, taken out of the representatives group, cannot save his next change', async ({
    hub,
    logInAs
  }) => {
    const tomas = await logInAs('tomas');
    await declineNews(tomas);
    const panel = await openPanel(tomas);
    // Signed in to the service silently: the edit controls appear.
    await statusNoteTab(
      panel.getByRole('region', { name: 'Keep this help current' })
    );
    const status = await editStatus(tomas, 'Tomás was here');
    await expect(status.getByRole('status')).toContainText('Saved');

    const admin = await hubApiAs(hub, 'amara');
    expect(await admin('DELETE', GROUP, { users: ['tomas'] })).toBe(200);
    try {
      await editStatus(tomas, 'Tomás is no longer a representative');
      await expect(status.getByRole('alert')).toContainText(
        'only hub admins, Community Representatives and holders of the edit scope may edit'
      );
    } finally {
      expect(await admin('POST', GROUP, { users: ['tomas'] })).toBe(200);
    }
  });

  test('priya, who holds the edit scope, signs in to the service once and then edits from the panel', async ({
    logInAs
  }) => {
    let seen: string[] = [];
    const priya = await logInAs('priya-cloudhost', {
      prepare: async p => {
        seen = signInRequests(p);
      }
    });
    await declineNews(priya);
    const panel = await openPanel(priya);
    // Her page's token does not carry the scope: the panel asks for an
    // earlier sign-in once, finds none, and offers nothing.
    await expect.poll(() => seen).toEqual(['cookie']);
    await expect(
      panel.getByRole('region', { name: 'Keep this help current' })
    ).toHaveCount(0);

    const tab = await priya.context().newPage();
    await tab.goto(SERVICE);
    await expect(
      tab.getByText('as a holder of custom:hub-help:edit')
    ).toBeVisible();
    await tab.close();

    await priya.reload();
    await labRestored(priya);
    const keep = (await openPanel(priya)).getByRole('region', {
      name: 'Keep this help current'
    });
    await statusNoteTab(keep);
    const status = await editStatus(priya, 'Checked by CloudHost');
    await expect(status.getByRole('status')).toContainText('Saved');
    await expect(
      status.getByText('Last changed by priya-cloudhost')
    ).toBeVisible();
  });
});
