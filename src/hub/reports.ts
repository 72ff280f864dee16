import { IServiceRequest } from './client';
import { IJsonAnswer, RequestError } from './request';

/**
 * Where a report stands, as the hub help service keeps it.
 */
export type StoredReportStatus =
  'received' | 'acknowledged' | 'resolved' | 'passed-on' | 'withdrawn';

const STATUSES: readonly string[] = [
  'received',
  'acknowledged',
  'resolved',
  'passed-on',
  'withdrawn'
];

/**
 * Who did something to a report, and when (ISO 8601).
 */
export interface IByAt {
  by: string;
  at: string;
}

/**
 * One recorded step of a report: acknowledged, a note, resolved, passed on,
 * reopened. `toReporter` is known to triagers only: the reporter's copy
 * holds only the notes addressed to them.
 */
export interface IReportEvent extends IByAt {
  kind: string;
  note: string | null;
  toReporter?: boolean;
}

/**
 * The fields a report is filed with: what the dialog prepared, redacted.
 */
export interface IReportRecord {
  category: string;
  summary: string;
  description: string;
  affected: string;
  diagnostics: string;
  pagePath: string;
}

/**
 * A report as the service answers it: to its reporter, or to a triager.
 */
export interface IStoredReport extends IReportRecord {
  reference: string;
  status: StoredReportStatus;
  createdAt: string;
  reporter: { name: string; role: string };
  acknowledged: IByAt | null;
  resolved: (IByAt & { note: string | null }) | null;
  passedOn: IByAt | null;
  events: IReportEvent[];
}

/**
 * What became of filing a report:
 * - `stored`: committed, with its reference;
 * - `limited`: too many reports from this person lately (429);
 * - `refused`: the service will not take it as it is (too large, reports
 *   off); sending it again would not help;
 * - `unreachable`: the hub or the service did not answer; it is kept in
 *   the browser and sent again later.
 */
export type FileResult =
  | { kind: 'stored'; report: IStoredReport }
  | { kind: 'limited'; retryAfterSeconds: number; message: string }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unreachable'; message: string };

/**
 * "Is it just me": how many others reported the category lately, and who
 * acknowledged one of those reports. Never who reported.
 */
export interface IReportSummary {
  category: string;
  others: number;
  acknowledged: IByAt | null;
  windowMinutes: number;
}

/**
 * A category reported by as many people as its threshold, within its window.
 */
export interface IReportAlert {
  category: string;
  people: number;
  threshold: number;
  minutes: number;
}

export interface IInboxPage {
  reports: IStoredReport[];
  /**
   * Where the next (older) page starts, or null after the oldest report.
   */
  next: number | null;
  alerts: IReportAlert[];
}

export interface IInboxQuery {
  status?: Exclude<StoredReportStatus, 'withdrawn'>;
  category?: string;
  /**
   * ISO 8601 times.
   */
  since?: string;
  until?: string;
  before?: number;
  limit?: number;
}

/**
 * What the operator's desk is told of reports passed on to it: counts,
 * first and last time, a few descriptions; no one's name.
 */
export interface IPassOnSummary {
  count: number;
  first: string;
  last: string;
  people: number;
  categories: { [category: string]: number };
  descriptions: string[];
}

export type TriageAction = 'acknowledge' | 'resolve' | 'reopen' | 'note';

/**
 * A triage change's answer: the report as it is now, or the service's
 * words for why nothing changed.
 */
export type ActionResult =
  | { kind: 'done'; report: IStoredReport }
  | { kind: 'refused'; status: number; message: string };

/**
 * Calls one hub service with the credential the panel holds for it.
 */
export type ServiceCall = (
  path: string,
  request?: IServiceRequest
) => Promise<IJsonAnswer>;

/**
 * Reads a download of the same hub service, as text.
 */
export type ServiceTextCall = (path: string) => Promise<string>;

/**
 * The formats of an export of the inbox.
 */
export type ExportFormat = 'json' | 'csv';

function fields(body: unknown): { [key: string]: any } {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as { [key: string]: any })
    : {};
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : '';

function byAt(value: unknown): IByAt | null {
  const b = fields(value);
  return typeof b.at === 'string' ? { by: text(b.by), at: b.at } : null;
}

/**
 * A report read from an answer: every field checked, since views render
 * them (as text) and decide on the status.
 */
export function readStoredReport(value: unknown): IStoredReport {
  const b = fields(value);
  const resolved = byAt(b.resolved);
  return {
    reference: text(b.reference),
    status: STATUSES.includes(b.status) ? b.status : 'received',
    category: text(b.category),
    summary: text(b.summary),
    description: text(b.description),
    affected: text(b.affected),
    diagnostics: text(b.diagnostics),
    pagePath: text(b.pagePath),
    createdAt: text(b.createdAt),
    reporter: {
      name: text(fields(b.reporter).name),
      role: text(fields(b.reporter).role)
    },
    acknowledged: byAt(b.acknowledged),
    resolved: resolved && {
      ...resolved,
      note: typeof b.resolved.note === 'string' ? b.resolved.note : null
    },
    passedOn: byAt(b.passedOn),
    events: (Array.isArray(b.events) ? b.events : []).map(readEvent)
  };
}

function readEvent(value: unknown): IReportEvent {
  const b = fields(value);
  return {
    kind: text(b.kind),
    by: text(b.by),
    at: text(b.at),
    note: typeof b.note === 'string' ? b.note : null,
    ...(typeof b.toReporter === 'boolean' ? { toReporter: b.toReporter } : {})
  };
}

const messageOf = (body: unknown, status: number): string =>
  text(fields(body).message) || text(fields(body).error) || String(status);

const nextOf = (value: unknown): number | null =>
  Number.isInteger(value) ? (value as number) : null;

/**
 * The statuses whose answer says the report will never be taken as it is.
 */
const FINAL_REFUSALS = [400, 403, 404, 413, 507];

/**
 * The reports the hub help service keeps: filing one, a reporter's own,
 * "is it just me", and the triagers' inbox and actions.
 */
export class ReportsService {
  constructor(
    private _call: ServiceCall,
    private _callText: ServiceTextCall
  ) {}

  /**
   * File a report; `key` is the same for every try of one report, so that
   * it is stored once however often it is sent.
   */
  async file(record: IReportRecord, key: string): Promise<FileResult> {
    try {
      const { response, body } = await this._call('api/reports', {
        method: 'POST',
        body: record,
        headers: { 'Idempotency-Key': key },
        accepts: status =>
          status === 200 ||
          status === 201 ||
          status === 429 ||
          FINAL_REFUSALS.includes(status)
      });
      const { status } = response;
      if (status === 200 || status === 201) {
        return {
          kind: 'stored',
          report: readStoredReport(fields(body).report)
        };
      }
      if (status === 429) {
        return {
          kind: 'limited',
          retryAfterSeconds:
            Number(response.headers.get('Retry-After')) || 3600,
          message: messageOf(body, status)
        };
      }
      return { kind: 'refused', status, message: messageOf(body, status) };
    } catch (error) {
      return {
        kind: 'unreachable',
        message: error instanceof Error ? error.message : String(error)
      };
    }
  }

  /**
   * The viewer's own reports, newest first, with the notes addressed to them.
   */
  async mine(): Promise<IStoredReport[]> {
    const { body } = await this._call('api/reports/mine?limit=50');
    return reportsOf(body);
  }

  async withdraw(reference: string): Promise<ActionResult> {
    return this._act(
      `api/reports/${encodeURIComponent(reference)}/withdraw`,
      {}
    );
  }

  async summary(category: string): Promise<IReportSummary> {
    const { body } = await this._call(
      `api/reports/summary?category=${encodeURIComponent(category)}`
    );
    const b = fields(body);
    return {
      category: text(b.category),
      others: Number(b.others) || 0,
      acknowledged: byAt(b.acknowledged),
      windowMinutes: Number(b.windowMinutes) || 0
    };
  }

  async inbox(query: IInboxQuery = {}): Promise<IInboxPage> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        search.set(name, String(value));
      }
    }
    const tail = search.toString();
    const { body } = await this._call(`api/reports${tail ? `?${tail}` : ''}`);
    const b = fields(body);
    return {
      reports: reportsOf(body),
      next: nextOf(b.next),
      alerts: (Array.isArray(b.alerts) ? b.alerts : []).map(
        (a: unknown): IReportAlert => {
          const f = fields(a);
          return {
            category: text(f.category),
            people: Number(f.people) || 0,
            threshold: Number(f.threshold) || 0,
            minutes: Number(f.minutes) || 0
          };
        }
      )
    };
  }

  /**
   * Acknowledge, resolve (with an optional note to the reporter), reopen,
   * or add a note (to the reporter, or internal).
   */
  async act(
    reference: string,
    action: TriageAction,
    options: { note?: string; toReporter?: boolean } = {}
  ): Promise<ActionResult> {
    const body =
      action === 'note'
        ? { text: options.note ?? '', toReporter: !!options.toReporter }
        : action === 'resolve' && options.note
          ? { note: options.note }
          : {};
    return this._act(
      `api/reports/${encodeURIComponent(reference)}/${action}`,
      body
    );
  }

  /**
   * Every report routed to the viewer, withdrawn ones left out, as the
   * service writes it for the operator's own records.
   */
  async exportAll(format: ExportFormat): Promise<string> {
    return this._callText(`api/reports/export?format=${format}`);
  }

  /**
   * Mark reports passed on to the operator's desk, all or none; answers
   * what the desk is told of them.
   */
  async passOn(
    references: string[]
  ): Promise<
    | { kind: 'done'; summary: IPassOnSummary }
    | { kind: 'refused'; status: number; message: string }
  > {
    try {
      const { response, body } = await this._call('api/reports/pass-on', {
        method: 'POST',
        body: { references },
        accepts: status => status === 200 || status >= 400
      });
      if (response.status !== 200) {
        return {
          kind: 'refused',
          status: response.status,
          message: messageOf(body, response.status)
        };
      }
      const b = fields(body);
      return {
        kind: 'done',
        summary: {
          count: Number(b.count) || 0,
          first: text(b.first),
          last: text(b.last),
          people: Number(b.people) || 0,
          categories: Object.fromEntries(
            Object.entries(fields(b.categories)).map(([c, n]) => [
              c,
              Number(n) || 0
            ])
          ),
          descriptions: (Array.isArray(b.descriptions)
            ? b.descriptions
            : []
          ).filter((d: unknown): d is string => typeof d === 'string')
        }
      };
    } catch (error) {
      return refusal(error);
    }
  }

  private async _act(path: string, body: unknown): Promise<ActionResult> {
    try {
      const { response, body: answer } = await this._call(path, {
        method: 'POST',
        body,
        accepts: status => status === 200 || status >= 400
      });
      return response.status === 200
        ? { kind: 'done', report: readStoredReport(fields(answer).report) }
        : {
            kind: 'refused',
            status: response.status,
            message: messageOf(answer, response.status)
          };
    } catch (error) {
      return refusal(error);
    }
  }
}

function reportsOf(body: unknown): IStoredReport[] {
  const list = fields(body).reports;
  return (Array.isArray(list) ? list : []).map(readStoredReport);
}

function refusal(error: unknown): {
  kind: 'refused';
  status: number;
  message: string;
} {
  return {
    kind: 'refused',
    status: error instanceof RequestError ? error.status : 0,
    message: error instanceof Error ? error.message : String(error)
  };
}
