import { Session } from '../../session';
import type {
  ExportFormat,
  IInboxQuery,
  IPassOnSummary,
  IReportAlert,
  IStoredReport,
  ReportsService,
  StoredReportStatus,
  TriageAction
} from '../../hub/reports';
import { RequestError } from '../../hub/request';
import type { IPreparedPassOn } from './passOn';

// The types the inbox's views render, so that they need nothing from ../hub.
export type {
  ExportFormat,
  IReportEvent,
  IStoredReport,
  TriageAction
} from '../../hub/reports';

/**
 * What the inbox needs of the service: its pages, the triage actions,
 * passing on and the export.
 */
export type InboxService = Pick<
  ReportsService,
  'inbox' | 'act' | 'passOn' | 'exportAll'
>;

export type InboxStatus = Exclude<StoredReportStatus, 'withdrawn'>;

/**
 * What the inbox shows; an empty value shows every report. `since` and
 * `until` are days (YYYY-MM-DD) in the viewer's time zone, both included.
 */
export interface IInboxFilters {
  status: InboxStatus | '';
  category: string;
  since: string;
  until: string;
}

/**
 * What the last thing the person did came to; `refused` holds the
 * service's words (its 409 says the status the report has now).
 */
export type InboxOutcome =
  | { kind: 'done'; action: TriageAction; reference: string }
  | { kind: 'passed-on'; count: number }
  | {
      kind: 'refused';
      action: TriageAction | 'pass-on' | 'load' | 'export';
      reference?: string;
      status: number;
      message: string;
    };

export interface IInboxState {
  filters: IInboxFilters;
  /**
   * Newest first; null until the first page arrived.
   */
  reports: IStoredReport[] | null;
  /**
   * Whether older reports exist, read when the list reaches its end.
   */
  hasMore: boolean;
  loading: boolean;
  /**
   * Categories many people reported lately.
   */
  alerts: IReportAlert[];
  /**
   * The references chosen to pass on.
   */
  selected: ReadonlySet<string>;
  /**
   * A triage action, a pass-on or an export is under way.
   */
  busy: boolean;
  outcome: InboxOutcome | null;
  /**
   * The message to the operator's desk about the reports last passed on,
   * to send it.
   */
  passedOn: IPreparedPassOn | null;
}

/**
 * Reports read at a time: a screenful and more, few enough to come fast.
 */
export const PAGE_SIZE = 100;

/**
 * The most references one pass-on takes (the service's limit).
 */
export const PASS_ON_MAX = 200;

/**
 * Whether a report may be passed on to the operator's desk: the service
 * takes received and acknowledged ones only.
 */
export function mayPassOn(report: IStoredReport): boolean {
  return report.status === 'received' || report.status === 'acknowledged';
}

/**
 * What may be done to a report in each status, as the service allows it;
 * a note may be added to any.
 */
export function triageActions(report: IStoredReport): TriageAction[] {
  switch (report.status) {
    case 'received':
      return ['acknowledge', 'resolve', 'note'];
    case 'acknowledged':
      return ['resolve', 'note'];
    case 'passed-on':
      return ['resolve', 'reopen', 'note'];
    case 'resolved':
      return ['reopen', 'note'];
    case 'withdrawn':
      return [];
  }
}

const NO_FILTERS: IInboxFilters = {
  status: '',
  category: '',
  since: '',
  until: ''
};

/**
 * The start of a day in the viewer's time zone, as the service reads
 * times; `days` later for the end of a range, which the service excludes.
 */
function dayStart(day: string, days = 0): string | undefined {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) {
    return undefined;
  }
  return new Date(y, m - 1, d + days).toISOString();
}

/**
 * The inbox of reports routed to the viewer: filters, pages read as the
 * list scrolls, the selection to pass on, and the triage actions, each
 * answered with the report as the service now keeps it. An answer to a
 * query the filters no longer ask is dropped. Views subscribe and render
 * `state`.
 */
export class InboxSession extends Session<IInboxState> {
  constructor(options: {
    service: InboxService;
    /**
     * The message to the operator's desk for reports passed on to it.
     */
    preparePassOn: (summary: IPassOnSummary) => IPreparedPassOn;
  }) {
    super({
      filters: NO_FILTERS,
      reports: null,
      hasMore: false,
      loading: false,
      alerts: [],
      selected: new Set(),
      busy: false,
      outcome: null,
      passedOn: null
    });
    this._service = options.service;
    this._preparePassOn = options.preparePassOn;
  }

  /**
   * Read the newest page for the filters again.
   */
  async load(): Promise<void> {
    await this._read(undefined);
  }

  /**
   * Show the reports `filters` ask for (the others kept); the selection is
   * cleared, since it may hold reports no longer shown.
   */
  async filter(filters: Partial<IInboxFilters>): Promise<void> {
    this._set({
      filters: { ...this.state.filters, ...filters },
      selected: new Set()
    });
    await this.load();
  }

  /**
   * Add the next older page, unless one is being read.
   */
  async loadMore(): Promise<void> {
    if (this._next !== null && !this.state.loading) {
      await this._read(this._next);
    }
  }

  /**
   * Choose or unchoose a report to pass on; only those the service would
   * pass on, and at most PASS_ON_MAX.
   */
  toggle(report: IStoredReport): void {
    const selected = new Set(this.state.selected);
    if (selected.has(report.reference)) {
      selected.delete(report.reference);
    } else if (mayPassOn(report) && selected.size < PASS_ON_MAX) {
      selected.add(report.reference);
    }
    this._set({ selected });
  }

  /**
   * Choose every report shown that may be passed on, up to PASS_ON_MAX.
   */
  selectAll(): void {
    const references = (this.state.reports ?? [])
      .filter(mayPassOn)
      .slice(0, PASS_ON_MAX)
      .map(r => r.reference);
    this._set({ selected: new Set(references) });
  }

  clearSelection(): void {
    this._set({ selected: new Set() });
  }

  /**
   * Acknowledge, resolve, reopen or add a note; the report shown becomes
   * the one the service answers.
   */
  async act(
    report: IStoredReport,
    action: TriageAction,
    options: { note?: string; toReporter?: boolean } = {}
  ): Promise<boolean> {
    if (this.state.busy) {
      return false;
    }
    const { reference } = report;
    this._set({ busy: true, outcome: null });
    const result = await this._service.act(reference, action, options);
    if (result.kind === 'done') {
      this._replace(result.report);
      this._set({
        busy: false,
        outcome: { kind: 'done', action, reference }
      });
      return true;
    }
    this._set({
      busy: false,
      outcome: { ...result, action, reference }
    });
    return false;
  }

  /**
   * Pass the chosen reports on to the operator's desk, all or none; then
   * hold what the desk is told, and read the list again.
   */
  async passOn(): Promise<void> {
    const references = [...this.state.selected];
    if (this.state.busy || references.length === 0) {
      return;
    }
    this._set({ busy: true, outcome: null, passedOn: null });
    const result = await this._service.passOn(references);
    if (result.kind === 'refused') {
      this._set({
        busy: false,
        outcome: { ...result, action: 'pass-on' }
      });
      return;
    }
    this._set({
      busy: false,
      selected: new Set(),
      passedOn: this._preparePassOn(result.summary),
      outcome: { kind: 'passed-on', count: result.summary.count }
    });
    await this.load();
  }

  /**
   * The message to the desk was sent, or is not wanted.
   */
  closePassedOn(): void {
    this._set({ passedOn: null });
  }

  /**
   * Every report routed to the viewer, as the service writes it in
   * `format`; undefined when it refused or did not answer (the outcome
   * says why).
   */
  async exportText(format: ExportFormat): Promise<string | undefined> {
    if (this.state.busy) {
      return undefined;
    }
    this._set({ busy: true, outcome: null });
    try {
      const text = await this._service.exportAll(format);
      this._set({ busy: false });
      return text;
    } catch (error) {
      this._set({ busy: false, outcome: failure('export', error) });
      return undefined;
    }
  }

  /**
   * The query for the filters, from `before` on.
   */
  private _query(before: number | undefined): IInboxQuery {
    const { status, category, since, until } = this.state.filters;
    return {
      status: status || undefined,
      category: category || undefined,
      since: since ? dayStart(since) : undefined,
      until: until ? dayStart(until, 1) : undefined,
      before,
      limit: PAGE_SIZE
    };
  }

  private _replace(report: IStoredReport): void {
    const reports = (this.state.reports ?? []).map(r =>
      r.reference === report.reference ? report : r
    );
    const selected = new Set(this.state.selected);
    if (!mayPassOn(report)) {
      selected.delete(report.reference);
    }
    this._set({ reports, selected });
  }

  private async _read(before: number | undefined): Promise<void> {
    const generation =
      before === undefined ? ++this._generation : this._generation;
    this._set({ loading: true });
    try {
      const page = await this._service.inbox(this._query(before));
      if (generation !== this._generation) {
        return;
      }
      this._next = page.next;
      const shown = before === undefined ? [] : (this.state.reports ?? []);
      this._set({
        reports: [...shown, ...page.reports],
        hasMore: page.next !== null,
        alerts: page.alerts,
        loading: false
      });
    } catch (error) {
      if (generation !== this._generation) {
        return;
      }
      this._set({
        reports: this.state.reports ?? [],
        loading: false,
        outcome: failure('load', error)
      });
    }
  }

  private _service: InboxService;
  private _preparePassOn: (summary: IPassOnSummary) => IPreparedPassOn;
  private _next: number | null = null;
  /**
   * Counts the first-page reads: an older one's answer is dropped.
   */
  private _generation = 0;
}

function failure(action: 'load' | 'export', error: unknown): InboxOutcome {
  return {
    kind: 'refused',
    action,
    status: error instanceof RequestError ? error.status : 0,
    message: error instanceof Error ? error.message : String(error)
  };
}
