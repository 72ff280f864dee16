/**
 * A report is never lost: what the hub did not take waits in the browser,
 * is sent once under its own key, and every change to the viewer's reports
 * is told once.
 */
import type {
  FileResult,
  IReportRecord,
  IStoredReport,
  ReportsService
} from '../../hub/reports';
import { readStoredReport } from '../../hub/reports';
import { IReportChange, YourReports } from '../yourReports';

const record: IReportRecord = {
  category: 'slow',
  summary: 'Slow: since 9',
  description: 'since 9',
  affected: 'me',
  diagnostics: '',
  pagePath: '/user/zoe/lab'
};

const stored = (reference: string, more: Partial<IStoredReport> = {}) =>
  readStoredReport({
    reference,
    status: 'received',
    category: 'slow',
    summary: 's',
    createdAt: '2026-12-07T10:00:00Z',
    events: [],
    ...more
  });

class MapStorage {
  data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

/**
 * The service as the reports' client sees it: a file answer per call, and
 * the viewer's reports.
 */
function fakeService(answers: FileResult[], mine: IStoredReport[] = []) {
  const keys: string[] = [];
  const service = {
    file: jest.fn(async (_: IReportRecord, key: string) => {
      keys.push(key);
      return answers.shift() ?? { kind: 'unreachable', message: 'down' };
    }),
    mine: jest.fn(async () => mine),
    inbox: jest.fn(async () => ({ reports: [], next: null, alerts: [] }))
  };
  return {
    service: service as unknown as ReportsService,
    keys,
    setMine: (reports: IStoredReport[]) => (mine = reports),
    calls: service
  };
}

describe('your reports', () => {
  it('keeps a queued report across pages and sends it once, under its key', async () => {
    const storage = new MapStorage();
    new YourReports(storage, 'k').enqueue(record, 'key-00000001', 'text');
    // Another page (the tab was closed and opened again).
    const later = new YourReports(storage, 'k');
    expect(later.queued.map(q => q.key)).toEqual(['key-00000001']);
    const { service, keys } = fakeService([
      { kind: 'stored', report: stored('R-1001') }
    ]);
    const told: IReportChange[] = [];
    later.reportChanged.connect((_, c) => told.push(...c));
    await later.check(service, false);
    expect(told.map(c => [c.report.reference, !!c.queuedAt])).toEqual([
      ['R-1001', true]
    ]);
    await later.check(service, false);
    expect(keys).toEqual(['key-00000001']);
    expect(later.queued).toEqual([]);
    expect(new YourReports(storage, 'k').queued).toEqual([]);
  });

  it('keeps waiting while the hub does not answer', async () => {
    const reports = new YourReports(new MapStorage(), 'k');
    reports.enqueue(record, 'key-00000001', 'text');
    const { service } = fakeService([{ kind: 'unreachable', message: 'x' }]);
    await reports.check(service, false);
    expect(reports.queued).toHaveLength(1);
    expect(reports.queued[0].refused).toBeUndefined();
  });

  it('keeps a refused report with the reason, and does not send it again', async () => {
    const reports = new YourReports(new MapStorage(), 'k');
    reports.enqueue(record, 'key-00000001', 'the text');
    const { service, keys } = fakeService([
      { kind: 'refused', status: 413, message: 'description is too long' }
    ]);
    await reports.check(service, false);
    await reports.check(service, false);
    expect(keys).toHaveLength(1);
    expect(reports.queued[0]).toMatchObject({
      text: 'the text',
      refused: 'description is too long'
    });
  });

  it('tells a status change and a note once, whichever page sees it first', async () => {
    const storage = new MapStorage();
    const first = new YourReports(storage, 'k');
    const second = new YourReports(storage, 'k');
    const told: IReportChange[] = [];
    first.reportChanged.connect((_, c) => told.push(...c));
    second.reportChanged.connect((_, c) => told.push(...c));
    const fake = fakeService([], [stored('R-1001')]);
    await first.check(fake.service, false);
    expect(told).toEqual([]);
    fake.setMine([
      stored('R-1001', {
        status: 'acknowledged',
        acknowledged: { by: 'lin', at: '2026-12-07T10:02:00Z' },
        events: [
          { kind: 'acknowledged', by: 'lin', at: '2026-12-07T10:02:00Z' },
          { kind: 'note', by: 'lin', at: '2026-12-07T10:03:00Z', note: 'On it' }
        ]
      } as Partial<IStoredReport>)
    ]);
    await second.check(fake.service, false);
    await first.check(fake.service, false);
    expect(told).toHaveLength(1);
    expect(told[0].report.status).toBe('acknowledged');
    expect(told[0].note).toEqual({ by: 'lin', text: 'On it' });
  });

  it('stops asking once every report is resolved or withdrawn', async () => {
    const reports = new YourReports(new MapStorage(), 'k');
    const fake = fakeService([], [stored('R-1001')]);
    await reports.check(fake.service, false);
    fake.setMine([stored('R-1001', { status: 'resolved' })]);
    await reports.check(fake.service, false);
    await reports.check(fake.service, false);
    expect(fake.calls.mine).toHaveBeenCalledTimes(2);
  });

  it('asks for the reports once a page when the viewer has none', async () => {
    const reports = new YourReports(new MapStorage(), 'k');
    const fake = fakeService([]);
    await reports.check(fake.service, false);
    await reports.check(fake.service, false);
    expect(fake.calls.mine).toHaveBeenCalledTimes(1);
  });

  it('tells triagers of a category crossing its threshold once', async () => {
    const reports = new YourReports(new MapStorage(), 'k');
    const fake = fakeService([]);
    const alert = { category: 'slow', people: 3, threshold: 3, minutes: 15 };
    fake.calls.inbox.mockResolvedValue({
      reports: [],
      next: null,
      alerts: [alert]
    } as never);
    const told: unknown[] = [];
    reports.alerts.connect((_, a) => told.push(...a));
    await reports.check(fake.service, true);
    await reports.check(fake.service, true);
    expect(told).toEqual([alert]);
  });

  it.each(['not json', '{"queue": 3}', 'null', '{"queue":[{"key":1}]}'])(
    'starts empty from a storage that holds %s',
    value => {
      const storage = new MapStorage();
      storage.setItem('k', value);
      const reports = new YourReports(storage, 'k');
      expect(reports.queued).toEqual([]);
      reports.enqueue(record, 'key-00000001', 'text');
      expect(reports.queued).toHaveLength(1);
    }
  );

  it('keeps the queue for the page when the storage refuses to write', () => {
    const storage = new MapStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const reports = new YourReports(storage, 'k');
    reports.enqueue(record, 'key-00000001', 'text');
    expect(reports.queued).toHaveLength(1);
  });
});
