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
      expect.stringMatching(/^People: edited by lin at .+ 3 removedUndo$/),
      expect.stringMatching(
        /^People: edited by tomas at .+ 1 added, 2 changedUndo$/
      )
    ]);
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
