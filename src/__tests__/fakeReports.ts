import type {
  ActionResult,
  IInboxPage,
  IInboxQuery,
  IPassOnSummary,
  IStoredReport,
  TriageAction
} from '../hub/reports';
import { RequestError } from '../hub/request';
import type { InboxService } from '../report/inbox/session';

/**
 * A report as the service answers it.
 */
export function stored(
  n: number,
  patch: Partial<IStoredReport> = {}
): IStoredReport {
  return {
    reference: `R-${n}`,
    status: 'received',
    category: 'servers-not-starting',
    summary: `Report ${n}`,
    description: '',
    affected: '',
    diagnostics: '',
    pagePath: '',
    createdAt: '2026-12-07T10:00:00.000Z',
    reporter: { name: 'zoe', role: 'user' },
    acknowledged: null,
    resolved: null,
    passedOn: null,
    events: [],
    ...patch
  };
}

/**
 * The service's inbox in memory: newest first, paged by reference number,
 * filtered by status and category; actions and pass-on as the service
 * allows them, refusals in its words.
 */
export class FakeReports implements InboxService {
  constructor(count: number) {
    for (let n = count; n > 0; n--) {
      this.reports.push(stored(n));
    }
  }

  reports: IStoredReport[] = [];
  queries: IInboxQuery[] = [];
  passedOn: string[][] = [];
  /**
   * Answered instead of the next call, once.
   */
  refuse: { status: number; message: string } | null = null;
  /**
   * Holds the next inbox answer until released.
   */
  hold: Promise<void> | null = null;

  async inbox(query: IInboxQuery = {}): Promise<IInboxPage> {
    this.queries.push(query);
    if (this.hold) {
      await this.hold;
    }
    if (this.refuse) {
      const { status } = this.refuse;
      this.refuse = null;
      throw new RequestError('http', String(status), status);
    }
    const shown = this.reports.filter(
      r =>
        (!query.status || r.status === query.status) &&
        (!query.category || r.category === query.category) &&
        (query.before === undefined || number(r) < query.before)
    );
    const page = shown.slice(0, query.limit ?? 50);
    return {
      reports: page,
      next: shown.length > page.length ? number(page[page.length - 1]) : null,
      alerts: []
    };
  }

  async act(
    reference: string,
    action: TriageAction,
    options: { note?: string; toReporter?: boolean } = {}
  ): Promise<ActionResult> {
    const report = this.reports.find(r => r.reference === reference)!;
    if (this.refuse) {
      const refused = { kind: 'refused' as const, ...this.refuse };
      this.refuse = null;
      return refused;
    }
    if (action === 'acknowledge' && report.status !== 'received') {
      return {
        kind: 'refused',
        status: 409,
        message: `Nothing was changed: ${reference} is ${report.status}.`
      };
    }
    const at = '2026-12-07T11:00:00.000Z';
    const changed: IStoredReport = {
      ...report,
      status:
        action === 'acknowledge'
          ? 'acknowledged'
          : action === 'resolve'
            ? 'resolved'
            : report.status,
      acknowledged:
        action === 'acknowledge' ? { by: 'lin', at } : report.acknowledged,
      events: [
        ...report.events,
        {
          kind: action === 'note' ? 'note' : `${action}d`,
          by: 'lin',
          at,
          note: options.note || null,
          toReporter: !!options.toReporter
        }
      ]
    };
    this.reports = this.reports.map(r => (r === report ? changed : r));
    return { kind: 'done', report: changed };
  }

  async passOn(
    references: string[]
  ): Promise<
    | { kind: 'done'; summary: IPassOnSummary }
    | { kind: 'refused'; status: number; message: string }
  > {
    if (this.refuse) {
      const refused = { kind: 'refused' as const, ...this.refuse };
      this.refuse = null;
      return refused;
    }
    this.passedOn.push(references);
    this.reports = this.reports.map(r =>
      references.includes(r.reference) ? { ...r, status: 'passed-on' } : r
    );
    return {
      kind: 'done',
      summary: {
        count: references.length,
        first: '2026-12-07T09:00:00.000Z',
        last: '2026-12-07T10:00:00.000Z',
        people: 1,
        categories: { 'servers-not-starting': references.length },
        descriptions: []
      }
    };
  }

  async exportAll(format: 'json' | 'csv'): Promise<string> {
    if (this.refuse) {
      const { status } = this.refuse;
      this.refuse = null;
      throw new RequestError('http', String(status), status);
    }
    return format === 'csv' ? 'reference\r\nR-1\r\n' : '{"reports": []}';
  }
}

const number = (r: IStoredReport) => Number(r.reference.slice(2));
