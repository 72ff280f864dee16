import { FakeReports } from '../../../__tests__/fakeReports';
import type { IPassOnSummary } from '../../../hub/reports';
import type { IPreparedPassOn } from '../passOn';
import { InboxSession, PAGE_SIZE } from '../session';

const message: IPreparedPassOn = {
  desk: 'Support Triager',
  through: [],
  text: 'the message',
  actions: [{ kind: 'copy' }]
};

let service: FakeReports;
let session: InboxSession;
let prepared: IPassOnSummary[];

function start(count: number): void {
  service = new FakeReports(count);
  prepared = [];
  session = new InboxSession({
    service,
    preparePassOn: summary => {
      prepared.push(summary);
      return message;
    }
  });
}

const references = () => session.state.reports?.map(r => r.reference);

describe('the inbox', () => {
  it('shows the newest reports first, then reads older pages as asked', async () => {
    start(PAGE_SIZE + 30);
    await session.load();
    expect(session.state.reports).toHaveLength(PAGE_SIZE);
    expect(references()![0]).toBe(`R-${PAGE_SIZE + 30}`);
    expect(session.state.hasMore).toBe(true);
    await session.loadMore();
    expect(session.state.reports).toHaveLength(PAGE_SIZE + 30);
    expect(session.state.hasMore).toBe(false);
    expect(service.queries.map(q => q.before)).toEqual([undefined, 31]);
    // Nothing older: not asked again.
    await session.loadMore();
    expect(service.queries).toHaveLength(2);
  });

  it('reads the first page again for each filter, days in the viewer’s time zone with the last one included', async () => {
    start(3);
    service.reports[0] = { ...service.reports[0], status: 'acknowledged' };
    await session.load();
    await session.filter({ status: 'acknowledged' });
    expect(references()).toEqual(['R-3']);
    await session.filter({ since: '2026-12-01', until: '2026-12-07' });
    const query = service.queries[service.queries.length - 1];
    expect(query).toMatchObject({
      status: 'acknowledged',
      limit: PAGE_SIZE,
      since: new Date(2026, 11, 1).toISOString(),
      until: new Date(2026, 11, 8).toISOString()
    });
    expect(query.category).toBeUndefined();
    await session.filter({ status: '', since: '', until: '' });
    expect(references()).toEqual(['R-3', 'R-2', 'R-1']);
  });

  it('drops the answer to a query the filters no longer ask', async () => {
    start(3);
    let release!: () => void;
    service.hold = new Promise(resolve => (release = resolve));
    const first = session.load();
    const second = session.filter({ category: 'other' });
    release();
    await Promise.all([first, second]);
    expect(session.state.filters.category).toBe('other');
    expect(references()).toEqual([]);
  });

  it('says why the reports could not be read, keeping what was shown', async () => {
    start(2);
    await session.load();
    service.refuse = { status: 403, message: '' };
    await session.load();
    expect(references()).toEqual(['R-2', 'R-1']);
    expect(session.state.outcome).toMatchObject({
      kind: 'refused',
      action: 'load',
      status: 403
    });
  });
});

describe('triage', () => {
  it('shows the report as the service answers an action', async () => {
    start(2);
    await session.load();
    await session.act(session.state.reports![1], 'acknowledge');
    expect(session.state.reports![1]).toMatchObject({
      status: 'acknowledged',
      acknowledged: { by: 'lin' }
    });
    expect(session.state.outcome).toEqual({
      kind: 'done',
      action: 'acknowledge',
      reference: 'R-1'
    });
  });

  it('sends a note to the reporter or keeps it internal', async () => {
    start(1);
    await session.load();
    await session.act(session.state.reports![0], 'note', {
      note: 'Looking at it',
      toReporter: true
    });
    await session.act(session.state.reports![0], 'note', { note: 'Quota?' });
    expect(session.state.reports![0].events).toEqual([
      expect.objectContaining({ note: 'Looking at it', toReporter: true }),
      expect.objectContaining({ note: 'Quota?', toReporter: false })
    ]);
  });

  it("shows the service's words for a report in another status (409)", async () => {
    start(1);
    service.reports[0] = { ...service.reports[0], status: 'resolved' };
    await session.load();
    const done = await session.act(session.state.reports![0], 'acknowledge');
    expect(done).toBe(false);
    expect(session.state.outcome).toEqual({
      kind: 'refused',
      action: 'acknowledge',
      reference: 'R-1',
      status: 409,
      message: 'Nothing was changed: R-1 is resolved.'
    });
    expect(session.state.busy).toBe(false);
  });

  it('says when the credential may not triage (403)', async () => {
    start(1);
    await session.load();
    service.refuse = { status: 403, message: 'sign-in-required' };
    await session.act(session.state.reports![0], 'resolve');
    expect(session.state.outcome).toMatchObject({
      kind: 'refused',
      status: 403,
      message: 'sign-in-required'
    });
    expect(session.state.reports![0].status).toBe('received');
  });
});

describe('passing on', () => {
  it('chooses only reports the service would pass on', async () => {
    start(3);
    service.reports[0] = { ...service.reports[0], status: 'resolved' };
    await session.load();
    const [resolved, received] = session.state.reports!;
    session.toggle(resolved);
    session.toggle(received);
    expect([...session.state.selected]).toEqual(['R-2']);
    session.toggle(received);
    expect(session.state.selected.size).toBe(0);
    session.selectAll();
    expect([...session.state.selected]).toEqual(['R-2', 'R-1']);
    session.clearSelection();
    expect(session.state.selected.size).toBe(0);
  });

  it('passes the chosen reports on, prepares the message and reads the list again', async () => {
    start(3);
    await session.load();
    session.toggle(session.state.reports![0]);
    session.toggle(session.state.reports![2]);
    await session.passOn();
    expect(service.passedOn).toEqual([['R-3', 'R-1']]);
    expect(prepared).toEqual([expect.objectContaining({ count: 2 })]);
    expect(session.state.passedOn).toBe(message);
    expect(session.state.outcome).toEqual({ kind: 'passed-on', count: 2 });
    expect(session.state.selected.size).toBe(0);
    expect(session.state.reports!.map(r => r.status)).toEqual([
      'passed-on',
      'received',
      'passed-on'
    ]);
    session.closePassedOn();
    expect(session.state.passedOn).toBeNull();
  });

  it('keeps the choice when the service refuses, in its words', async () => {
    start(2);
    await session.load();
    session.selectAll();
    service.refuse = {
      status: 409,
      message: 'Nothing was changed: R-2 is resolved.'
    };
    await session.passOn();
    expect(session.state.outcome).toMatchObject({
      kind: 'refused',
      action: 'pass-on',
      status: 409,
      message: 'Nothing was changed: R-2 is resolved.'
    });
    expect(session.state.selected.size).toBe(2);
    expect(session.state.passedOn).toBeNull();
  });

  it('unchooses a report an action made one that cannot be passed on', async () => {
    start(1);
    await session.load();
    session.selectAll();
    await session.act(session.state.reports![0], 'resolve');
    expect(session.state.selected.size).toBe(0);
  });

  it('clears the choice when the filters change', async () => {
    start(2);
    await session.load();
    session.selectAll();
    await session.filter({ category: 'servers-not-starting' });
    expect(session.state.selected.size).toBe(0);
  });
});

describe('export', () => {
  it('answers the text the service wrote', async () => {
    start(1);
    expect(await session.exportText('csv')).toBe('reference\r\nR-1\r\n');
  });

  it('says why it was refused', async () => {
    start(1);
    service.refuse = { status: 403, message: '' };
    expect(await session.exportText('json')).toBeUndefined();
    expect(session.state.outcome).toMatchObject({
      kind: 'refused',
      action: 'export',
      status: 403
    });
  });
});
