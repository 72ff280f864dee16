import { ISignal, Signal } from '@lumino/signaling';

import type {
  IReportAlert,
  IReportRecord,
  IStoredReport,
  ReportsService
} from '../hub/reports';
import type { KeyValueStorage } from '../hub/sharedAdmins';

/**
 * A report the hub did not answer for, kept in the browser until it is
 * stored: what the person wrote is never lost.
 */
export interface IQueuedReport {
  key: string;
  record: IReportRecord;
  /**
   * The report as the dialog would copy it.
   */
  text: string;
  queuedAt: string;
  /**
   * Why the service refused it when it was sent again; it then stays here
   * until the person copies or discards it.
   */
  refused?: string;
}

/**
 * What this browser keeps for one person on one hub.
 */
interface IKept {
  queue: IQueuedReport[];
  /**
   * Each report's status and notes count when last seen, so that a change
   * is told once, whichever tab sees it first.
   */
  seen: { [reference: string]: string };
  /**
   * The categories last alerted, so that a crossing is told once.
   */
  alerted: string[];
}

const EMPTY: IKept = { queue: [], seen: {}, alerted: [] };

/**
 * The statuses a report leaves without its reporter's doing.
 */
const STILL_MOVING: readonly string[] = [
  'received',
  'acknowledged',
  'passed-on'
];

/**
 * What changed in one of the viewer's reports since it was last seen.
 */
export interface IReportChange {
  report: IStoredReport;
  /**
   * The newest note addressed to the reporter, when one arrived.
   */
  note?: { by: string; text: string };
  /**
   * When it was written, for a report that waited in the browser and has
   * now been stored.
   */
  queuedAt?: string;
}

/**
 * Where a person's reports wait and what they saw is kept: one key per hub
 * and person (browsers are shared), the same for the panel and the help
 * page, so that either sends what the other kept.
 */
export function yourReportsKey(hubPrefix: string, user: string): string {
  return `jupyterlab-hub-help:reports:${hubPrefix}:${user}`;
}

/**
 * The viewer's own reports: those waiting to be sent, and those the hub
 * help service keeps, with the changes to tell them about; for triagers,
 * the categories that crossed their threshold.
 */
export class YourReports {
  constructor(
    private _storage: KeyValueStorage | null,
    /**
     * The storage key: one per hub and person, since browsers are shared.
     */
    private _key: string
  ) {}

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /**
   * The viewer's reports whose status changed, or that got a note to them.
   */
  get reportChanged(): ISignal<this, IReportChange[]> {
    return this._reportChanged;
  }

  /**
   * Categories that as many people as their threshold reported lately.
   */
  get alerts(): ISignal<this, IReportAlert[]> {
    return this._alerts;
  }

  get queued(): IQueuedReport[] {
    return this._read().queue;
  }

  /**
   * The viewer's stored reports, newest first; undefined before the
   * service answered.
   */
  get reports(): IStoredReport[] | undefined {
    return this._reports;
  }

  enqueue(record: IReportRecord, key: string, text: string): void {
    this._write(kept => ({
      ...kept,
      queue: [
        ...kept.queue.filter(q => q.key !== key),
        { key, record, text, queuedAt: new Date().toISOString() }
      ]
    }));
  }

  discard(key: string): void {
    this._write(kept => ({
      ...kept,
      queue: kept.queue.filter(q => q.key !== key)
    }));
  }

  /**
   * A report this tab just stored: its status is seen already.
   */
  stored(report: IStoredReport): void {
    this._reports = [
      report,
      ...(this._reports ?? []).filter(r => r.reference !== report.reference)
    ];
    this._write(kept => ({
      ...kept,
      seen: { ...kept.seen, [report.reference]: fingerprint(report) }
    }));
  }

  /**
   * Send what waits, then read the viewer's reports and tell what changed.
   * A queued report is sent under its own key, so two tabs sending it at
   * once store it once.
   */
  async check(service: ReportsService, triage: boolean): Promise<void> {
    for (const waiting of this.queued.filter(q => !q.refused)) {
      const result = await service.file(waiting.record, waiting.key);
      if (result.kind === 'unreachable' || result.kind === 'limited') {
        break;
      }
      if (result.kind === 'stored') {
        this.discard(waiting.key);
        this.stored(result.report);
        this._reportChanged.emit([
          { report: result.report, queuedAt: waiting.queuedAt }
        ]);
      } else {
        this._write(kept => ({
          ...kept,
          queue: kept.queue.map(q =>
            q.key === waiting.key ? { ...q, refused: result.message } : q
          )
        }));
      }
    }
    // Asked once a page, then while a report may still change: most people
    // never report, and every panel checks on the same interval.
    const following =
      this._reports === undefined ||
      this._reports.some(r => STILL_MOVING.includes(r.status));
    const reports = following
      ? await service.mine().catch(() => undefined)
      : undefined;
    if (reports) {
      this._take(reports);
    }
    if (triage) {
      const page = await service.inbox({ limit: 1 }).catch(() => undefined);
      if (page) {
        this._alert(page.alerts);
      }
    }
  }

  /**
   * Withdraw one of the viewer's reports: what they wrote is erased.
   */
  async withdraw(
    service: ReportsService,
    reference: string
  ): Promise<string | undefined> {
    const result = await service.withdraw(reference);
    if (result.kind === 'refused') {
      return result.message;
    }
    this._take(
      (this._reports ?? []).map(r =>
        r.reference === reference ? result.report : r
      )
    );
  }

  private _take(reports: IStoredReport[]): void {
    const { seen } = this._read();
    const changes: IReportChange[] = [];
    for (const report of reports) {
      const before = seen[report.reference];
      if (before !== undefined && before !== fingerprint(report)) {
        const notes = report.events.filter(e => e.kind === 'note');
        const hadNotes = Number(before.split(':')[1] ?? 0);
        changes.push({
          report,
          ...(notes.length > hadNotes
            ? {
                note: {
                  by: notes[notes.length - 1].by,
                  text: notes[notes.length - 1].note ?? ''
                }
              }
            : {})
        });
      }
    }
    this._reports = reports;
    this._write(kept => ({
      ...kept,
      seen: Object.fromEntries(reports.map(r => [r.reference, fingerprint(r)]))
    }));
    if (changes.length) {
      this._reportChanged.emit(changes);
    }
  }

  private _alert(alerts: IReportAlert[]): void {
    const before = new Set(this._read().alerted);
    const fresh = alerts.filter(a => !before.has(a.category));
    this._write(kept => ({ ...kept, alerted: alerts.map(a => a.category) }));
    if (fresh.length) {
      this._alerts.emit(fresh);
    }
  }

  private _read(): IKept {
    try {
      const value = JSON.parse(this._storage?.getItem(this._key) ?? 'null');
      return isKept(value) ? value : this._memory;
    } catch {
      return this._memory;
    }
  }

  private _write(change: (kept: IKept) => IKept): void {
    this._memory = change(this._read());
    try {
      this._storage?.setItem(this._key, JSON.stringify(this._memory));
    } catch {
      // A full or refused storage keeps the queue for this page's life.
    }
    this._changed.emit();
  }

  private _memory: IKept = EMPTY;
  private _reports: IStoredReport[] | undefined;
  private _changed = new Signal<this, void>(this);
  private _reportChanged = new Signal<this, IReportChange[]>(this);
  private _alerts = new Signal<this, IReportAlert[]>(this);
}

/**
 * A report's status and how many notes it has: what a change is told by.
 */
function fingerprint(report: IStoredReport): string {
  return `${report.status}:${report.events.filter(e => e.kind === 'note').length}`;
}

/**
 * Storage may hold anything an older release, or another hand, put there.
 */
function isKept(value: unknown): value is IKept {
  const v = value as IKept;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.queue) &&
    v.queue.every(
      q =>
        typeof q?.key === 'string' &&
        typeof q.text === 'string' &&
        typeof q.record === 'object' &&
        q.record !== null
    ) &&
    typeof v.seen === 'object' &&
    v.seen !== null &&
    Array.isArray(v.alerted)
  );
}
