import * as React from 'react';
import { act } from 'react';

import { createModel, hubContext, TOKEN } from '../../__tests__/fixtures';
import { HistoryService } from '../../__tests__/historyService';
import { LocalServer, stopAllServers } from '../../__tests__/localServer';
import { byName, click, plain } from '../../components/__tests__/interact';
import { render, trans } from '../../components/__tests__/render';
import { HubClient } from '../../hub/client';
import { CommunityService } from '../../hub/community';
import { HubHelpModel } from '../../model';
import { History } from '../History';
import { HistorySession } from '../historySession';

let server: LocalServer;
let service: HistoryService;
let model: HubHelpModel;

beforeEach(async () => {
  service = new HistoryService();
  server = await LocalServer.start(service.handler);
  model = await createModel(server.origin);
});
afterEach(async () => {
  model.dispose();
  await stopAllServers();
});

/**
 * The History tab, once its first page is shown.
 */
async function historyTab(): Promise<HTMLElement> {
  const session = new HistorySession({
    service: new CommunityService(
      new HubClient(hubContext(server.origin), TOKEN),
      'hub-help'
    ),
    onUndone: () => undefined
  });
  const shown = new Promise<void>(resolve => {
    const stop = session.subscribe(() => {
      if (session.state.changes) {
        stop();
        resolve();
      }
    });
  });
  const container = render(
    <History session={session} model={model} trans={trans} />
  );
  await act(() => shown);
  return container;
}

/**
 * Resolves once `text` is shown (what an answer of the service brings).
 */
async function shows(container: HTMLElement, text: string): Promise<void> {
  while (!plain(container.textContent).includes(text)) {
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
  }
}

describe('the History tab', () => {
  it('says what each change did, in words', async () => {
    service.edit('tomas', { added: 1, removed: 0, changed: 2 });
    service.edit('lin', { added: 0, removed: 3, changed: 0 });
    const items = Array.from((await historyTab()).querySelectorAll('li')).map(
      li => plain(li.textContent)
    );
    expect(items).toEqual([
      expect.stringMatching(
        /^People: edited by lin at .+ 3 removedUndoWhat changed$/
      ),
      expect.stringMatching(
        /^People: edited by tomas at .+ 1 added, 2 changedUndoWhat changed$/
      )
    ]);
  });

  it('says on which right each change was made', async () => {
    service.edit('tomas', undefined, { as: 'representative' });
    service.edit('ada', undefined, { as: 'admin' });
    service.edit('scribe', undefined, { as: 'scope' });
    const lines = Array.from(
      (await historyTab()).querySelectorAll('li > span:first-child')
    ).map(span => plain(span.firstChild?.textContent ?? ''));
    expect(lines).toEqual([
      expect.stringMatching(
        /^People: edited by scribe as a holder of the edit scope at .+$/
      ),
      expect.stringMatching(/^People: edited by ada as a hub admin at .+$/),
      expect.stringMatching(
        /^People: edited by tomas as a Community Representative at .+$/
      )
    ]);
  });

  it('shows what a change did, entry by entry, once opened', async () => {
    const amara = {
      name: 'Amara Okafor',
      usernames: ['amara'],
      roles: ['community-representative'],
      contact: { email: 'amara.okafor@example.org' }
    };
    const nia = {
      name: 'Nia Bello',
      usernames: ['nia'],
      roles: ['community-representative', 'hub-administrator']
    };
    service.edit(
      'tomas',
      { added: 1, removed: 0, changed: 1 },
      {
        as: 'representative',
        before: [amara],
        after: [{ ...amara, contact: { email: 'amara@example.org' } }, nia]
      }
    );
    const container = await historyTab();
    const [toggle] = byName(container, 'button', 'What changed');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const region = document.getElementById(
      toggle.getAttribute('aria-controls')!
    )!;
    expect(region.hidden).toBe(true);
    expect(service.detailReads).toEqual([]);

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await shows(region, 'Added');
    expect(region.hidden).toBe(false);
    expect(
      Array.from(region.querySelectorAll('li')).map(li => plain(li.textContent))
    ).toEqual([
      'Added Nia Bello (usernames: nia; roles: Community Representative, Hub Administrator)',
      'Changed Amara Okafor: contact.email amara.okafor@example.org → amara@example.org'
    ]);

    // Closed and opened again, it is not read again.
    await click(toggle);
    expect(region.hidden).toBe(true);
    await click(toggle);
    await shows(region, 'Added Nia Bello');
    expect(service.detailReads).toEqual([1]);
  });

  it("shows the community's words as text, never as markup", async () => {
    service.edit('tomas', undefined, {
      before: null,
      after: [{ name: '<img src=x onerror=alert(1)>', roles: ['x'] }]
    });
    const container = await historyTab();
    await click(byName(container, 'button', 'What changed')[0]);
    await shows(container, 'Added <img src=x onerror=alert(1)> (roles: x)');
    expect(container.querySelector('img')).toBeNull();
  });

  it('says why what a change did could not be read', async () => {
    service.edit('tomas');
    service.refuseDetails = {
      status: 404,
      body: { error: 'not-found', message: 'There is no change 1.' }
    };
    const container = await historyTab();
    await click(byName(container, 'button', 'What changed')[0]);
    await shows(
      container,
      'What this change did could not be read: There is no change 1.'
    );
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says when a change left the values as they were', async () => {
    service.edit('tomas', undefined, { before: ['Hi'], after: ['Hi'] });
    const container = await historyTab();
    await click(byName(container, 'button', 'What changed')[0]);
    await shows(container, 'Nothing changed in the values.');
  });

  it('asks before undoing the changes made after the one undone, naming them', async () => {
    service.edit('tomas');
    const container = await historyTab();
    service.edit('lin');
    service.edit('zoe');
    const [undo] = Array.from(container.querySelectorAll('li button'));
    expect(undo.getAttribute('aria-label')).toMatch(
      /^Undo the change to People by tomas at /
    );
    await click(undo);
    await shows(
      container,
      '2 later changes to People came after the one by tomas'
    );
    const question = container.querySelector('[role="group"]')!;
    expect(
      Array.from(question.querySelectorAll('li')).map(li =>
        plain(li.textContent).replace(/ at .*/, '')
      )
    ).toEqual(['edited by zoe', 'edited by lin']);
    expect(
      Array.from(question.querySelectorAll('button')).map(b => b.textContent)
    ).toEqual([
      'Undo only this change',
      'Undo this and 2 later changes',
      'Cancel'
    ]);
    // The first choice has the keyboard.
    expect(document.activeElement?.textContent).toBe('Undo only this change');
    expect(service.undos).toHaveLength(1);

    await click(
      byName(container, 'button', 'Undo this and 2 later changes')[0]
    );
    await shows(container, 'Undone with 2 later changes');
    expect(service.undos[1].body).toEqual({ alsoUndo: 2 });
  });
});
