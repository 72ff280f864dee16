import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { HistoryService } from '../../__tests__/historyService';
import { LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../../hub/client';
import { CommunityService } from '../../hub/community';
import { HistorySession } from '../historySession';

let server: LocalServer;
let service: HistoryService;
let session: HistorySession;
let undone: number;

beforeEach(async () => {
  service = new HistoryService({ pageSize: 2 });
  server = await LocalServer.start(service.handler);
  undone = 0;
  session = new HistorySession({
    service: new CommunityService(
      new HubClient(hubContext(server.origin), TOKEN),
      'hub-help'
    ),
    onUndone: () => void undone++
  });
});
afterEach(stopAllServers);

const ids = () => session.state.changes?.map(c => c.id);
const undoRequests = () =>
  server.requests.filter(r => r.method === 'POST').length;
/**
 * The list as read again after an undo, once that read ended.
 */
const reloaded = () =>
  new Promise<void>(resolve => {
    let started = false;
    const stop = session.subscribe(() => {
      started ||= session.state.loading;
      if (started && !session.state.loading) {
        stop();
        resolve();
      }
    });
  });

describe('the history', () => {
  it('shows the newest changes first, then older ones a page at a time', async () => {
    service.edit('tomas');
    service.edit('lin', { added: 0, removed: 2, changed: 1 });
    service.edit('amara');
    await session.load();
    expect(ids()).toEqual([3, 2]);
    expect(session.state.changes![1]).toMatchObject({
      user: 'lin',
      revision: 2,
      summary: { added: 0, removed: 2, changed: 1 }
    });
    expect(session.state.hasOlder).toBe(true);
    await session.showOlder();
    expect(ids()).toEqual([3, 2, 1]);
    expect(session.state.hasOlder).toBe(false);
    expect(server.requests.map(r => r.url)).toEqual([
      '/services/hub-help/api/history',
      '/services/hub-help/api/history?before=2'
    ]);
  });
});

describe('undo', () => {
  it("names the change's own revision and is stored while nothing came after it", async () => {
    service.edit('tomas');
    await session.load();
    const reading = reloaded();
    await session.undo(session.state.changes![0]);
    await reading;
    expect(service.undos).toEqual([{ id: 1, ifMatch: '"people-1"', body: {} }]);
    expect(session.state.outcome).toMatchObject({
      kind: 'undone',
      alsoUndone: 0
    });
    expect(undone).toBe(1);
    // The undo itself is now the newest change.
    expect(ids()).toEqual([2, 1]);
  });

  it('asks, after a later edit by someone else, and sends nothing until the person chooses', async () => {
    service.edit('tomas');
    await session.load();
    const [tomas] = session.state.changes!;
    // Lin edits after the list was read.
    service.edit('lin');
    service.edit('zoe');
    await session.undo(tomas);
    expect(session.state.question).toMatchObject({
      change: { id: 1 },
      laterCount: 2,
      onlyThis: true
    });
    expect(session.state.question!.later.map(c => c.user)).toEqual([
      'zoe',
      'lin'
    ]);
    expect(undoRequests()).toBe(1);
    expect(undone).toBe(0);

    const reading = reloaded();
    await session.undoWithLater();
    await reading;
    // The revision the question showed, and the changes it named.
    expect(service.undos[1]).toEqual({
      id: 1,
      ifMatch: '"people-3"',
      body: { alsoUndo: 2 }
    });
    expect(session.state.question).toBeNull();
    expect(session.state.outcome).toMatchObject({
      kind: 'undone',
      alsoUndone: 2
    });
    expect(undone).toBe(1);
  });

  it('never reads a fresh revision: an edit made while the person decides stops the confirmation', async () => {
    service.edit('tomas');
    service.edit('lin');
    await session.load();
    await session.undo(session.state.changes![1]);
    expect(session.state.question?.laterCount).toBe(1);
    // Zoe edits while the question is on screen.
    service.edit('zoe');
    const reading = reloaded();
    await session.undoWithLater();
    await reading;
    expect(service.undos.map(u => u.ifMatch)).toEqual([
      '"people-1"',
      '"people-2"'
    ]);
    expect(session.state.outcome).toMatchObject({
      kind: 'changed-meanwhile'
    });
    expect(undone).toBe(0);
    expect(service.revision).toBe(3);
    // Only history and undo: never a section, whose ETag would pass any check.
    expect(
      server.requests.filter(r => !r.url.includes('/api/history'))
    ).toEqual([]);
  });

  it('undoes only this change when the service can, keeping the later ones', async () => {
    service.edit('tomas');
    service.edit('lin');
    await session.load();
    await session.undo(session.state.changes![1]);
    const reading = reloaded();
    await session.undoOnly();
    await reading;
    expect(service.undos[1]).toEqual({
      id: 1,
      ifMatch: '"people-2"',
      body: { only: true }
    });
    expect(session.state.outcome).toMatchObject({
      kind: 'undone',
      alsoUndone: 0
    });
  });

  it('offers "only this change" only where the service allows it, and says which entries stopped it', async () => {
    service.edit('tomas');
    service.edit('lin');
    service.onlyThis = false;
    await session.load();
    await session.undo(session.state.changes![1]);
    expect(session.state.question?.onlyThis).toBe(false);
    await session.undoOnly();
    expect(undoRequests()).toBe(1);

    service.onlyThis = true;
    service.entriesChangedLater = true;
    await session.undo(session.state.changes![1]);
    const reading = reloaded();
    await session.undoOnly();
    await reading;
    expect(session.state.outcome).toEqual({
      kind: 'entries-changed-later',
      entries: ['Rosa Diaz']
    });
    expect(undone).toBe(0);
  });

  it('undoes nothing when the person cancels', async () => {
    service.edit('tomas');
    service.edit('lin');
    await session.load();
    await session.undo(session.state.changes![1]);
    session.cancel();
    expect(session.state.question).toBeNull();
    await session.undoWithLater();
    expect(undoRequests()).toBe(1);
    expect(service.revision).toBe(2);
  });
});

describe('what a change did', () => {
  it('reads a change with the right it was made on, and its values, once', async () => {
    service.edit(
      'tomas',
      { added: 1, removed: 0, changed: 0 },
      { as: 'representative', before: [], after: [{ name: 'Nia Bello' }] }
    );
    await session.load();
    const [change] = session.state.changes!;
    expect(change.as).toBe('representative');
    const reading = session.details(change);
    expect(session.state.details[change.id]).toEqual({ kind: 'loading' });
    await reading;
    expect(session.state.details[change.id]).toEqual({
      kind: 'loaded',
      before: [],
      after: [{ name: 'Nia Bello' }]
    });
    await session.details(change);
    expect(service.detailReads).toEqual([1]);
    expect(server.requests.map(r => r.url)).toContain(
      '/services/hub-help/api/history/1'
    );
  });

  it('says why a change could not be read, and tries again when asked again', async () => {
    service.edit('tomas');
    await session.load();
    const [change] = session.state.changes!;
    expect(change.as).toBeNull();
    service.refuseDetails = {
      status: 403,
      body: { error: 'forbidden', message: 'Only the editors may do this.' }
    };
    await session.details(change);
    expect(session.state.details[change.id]).toEqual({
      kind: 'failed',
      message: 'Only the editors may do this.'
    });
    service.refuseDetails = { status: 500, body: { error: 'internal' } };
    await session.details(change);
    expect(session.state.details[change.id]).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('500')
    });
    service.refuseDetails = null;
    await session.details(change);
    expect(session.state.details[change.id]).toMatchObject({ kind: 'loaded' });
    expect(service.detailReads).toEqual([1, 1, 1]);
  });
});
