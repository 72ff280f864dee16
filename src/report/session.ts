import type { FileResult, IReportRecord, IReportSummary } from '../hub/reports';
import { IDiagnostics } from './diagnostics';
import { IPreparedReport, IReportValues, ReportAction } from './prepare';

/**
 * 128 random bits in hex. Not crypto.randomUUID: a hub served over plain
 * HTTP is not a secure context, where only getRandomValues exists.
 */
export function newReportKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

const EMPTY: IReportValues = {
  categoryId: '',
  description: '',
  affected: 'unknown'
};

/**
 * What the person typed, kept for the page's life by whoever opens the
 * report dialog: closing the dialog keeps it for the next time, sending it
 * starts over. Kept in memory only: a problem description is not stored.
 */
export class ReportDraft {
  get values(): IReportValues {
    return this._values;
  }

  update(patch: Partial<IReportValues>): void {
    this._values = { ...this._values, ...patch };
  }

  clear(): void {
    this._values = EMPTY;
  }

  private _values = EMPTY;
}

/**
 * Where sending the report to the hub's helpers stands:
 * - `sending`: under way;
 * - `stored`: the service keeps it, as `reference`;
 * - `queued`: the hub did not answer; the browser keeps it and sends it
 *   when the hub answers again;
 * - `limited`: too many reports from this person lately;
 * - `refused`: the service will not take it, in its own words.
 */
export type HubSending =
  | { kind: 'sending' }
  | { kind: 'stored'; reference: string }
  | { kind: 'queued' }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'refused'; message: string };

/**
 * What the report dialog shows at one moment.
 */
export interface IReportState {
  report: IPreparedReport;
  /**
   * How the report last went out, until the person changes it; null before.
   */
  sent: ReportAction['kind'] | null;
  /**
   * Sending to the hub's helpers, once asked.
   */
  hub?: HubSending;
  /**
   * How many others reported the chosen category lately, where the
   * service says it for that category.
   */
  others?: IReportSummary;
}

/**
 * The hub help service's side of the dialog, when it keeps reports.
 */
export interface IReportHub {
  file: (record: IReportRecord, key: string) => Promise<FileResult>;
  /**
   * Keep a report the hub did not answer for, to send it again later.
   */
  queue: (record: IReportRecord, key: string, text: string) => void;
  /**
   * "Is it just me" for a category; undefined where it is not told.
   */
  summarize: (category: string) => Promise<IReportSummary | undefined>;
}

export interface IReportSessionOptions {
  draft: ReportDraft;
  /**
   * Diagnostics as they are when the dialog opens; `setDiagnostics` gives
   * the checked ones later.
   */
  diagnostics: IDiagnostics;
  /**
   * The report for these values and diagnostics (prepareReport over the
   * current model).
   */
  prepare: (
    values: IReportValues,
    diagnostics: IDiagnostics
  ) => IPreparedReport;
  /**
   * The hub help service's part, once the model knows the service keeps
   * reports (it may learn it while the dialog is open).
   */
  hub?: () => IReportHub | undefined;
  /**
   * A new idempotency key: one per report, the same for every retry.
   */
  newKey?: () => string;
}

/**
 * One opening of the report dialog: the draft, the diagnostics and what was
 * sent, with the prepared report kept up to date. Views subscribe to it and
 * render `state`; a new state object comes with each change.
 */
export class ReportSession {
  constructor(options: IReportSessionOptions) {
    this._draft = options.draft;
    this._diagnostics = options.diagnostics;
    this._prepare = options.prepare;
    this._hub = options.hub ?? (() => undefined);
    this._newKey = options.newKey ?? newReportKey;
    this._state = { report: this._prepared(), sent: null };
    this._askOthers();
  }

  get state(): IReportState {
    return this._state;
  }

  /**
   * The person changed what they typed: the report is a draft again.
   */
  update(patch: Partial<IReportValues>): void {
    const category = this._state.report.values.categoryId;
    this._draft.update(patch);
    // Changed text is another report, filed under another key.
    this._key = undefined;
    this._set({
      report: this._prepared(),
      sent: null,
      others: this._state.others
    });
    if (this._state.report.values.categoryId !== category) {
      this._askOthers();
    }
  }

  /**
   * Send the report to the hub's helpers: stored once however often this
   * is called for the same text; kept in the browser when the hub does not
   * answer.
   */
  async sendToHub(): Promise<void> {
    const hub = this._hub();
    if (!hub || this._state.hub?.kind === 'sending') {
      return;
    }
    const { record, text } = this._state.report;
    const key = (this._key ??= this._newKey());
    this._set({ ...this._state, hub: { kind: 'sending' } });
    const result = await hub.file(record, key);
    switch (result.kind) {
      case 'stored':
        this._set({
          ...this._state,
          sent: 'hub',
          hub: { kind: 'stored', reference: result.report.reference }
        });
        break;
      case 'unreachable':
        hub.queue(record, key, text);
        this._set({ ...this._state, sent: 'hub', hub: { kind: 'queued' } });
        break;
      case 'limited':
        this._set({
          ...this._state,
          hub: { kind: 'limited', retryAfterSeconds: result.retryAfterSeconds }
        });
        break;
      case 'refused':
        this._set({
          ...this._state,
          hub: { kind: 'refused', message: result.message }
        });
        break;
    }
  }

  setDiagnostics(diagnostics: IDiagnostics): void {
    this._diagnostics = diagnostics;
    this.refresh();
  }

  /**
   * Prepare the report again, as the metadata or the viewer changed.
   */
  refresh(): void {
    this._set({ ...this._state, report: this._prepared() });
    if (!this._asked) {
      this._askOthers();
    }
  }

  /**
   * The report went out this way.
   */
  sent(kind: ReportAction['kind']): void {
    this._set({ ...this._state, sent: kind });
  }

  /**
   * The dialog closed: a report that went out leaves nothing behind; one
   * that did not waits in the draft.
   */
  close(): void {
    if (this._state.sent) {
      this._draft.clear();
    }
    this._listeners.clear();
  }

  /**
   * Call `listener` after each change; returns what stops it.
   */
  subscribe(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /**
   * Ask how many others reported the chosen category; an answer for a
   * category no longer chosen is dropped.
   */
  private _askOthers(): void {
    const category = this._state.report.values.categoryId;
    const hub = this._hub();
    this._asked = !!hub;
    if (!hub) {
      return;
    }
    if (this._state.others?.category !== category) {
      this._set({ ...this._state, others: undefined });
    }
    void hub
      .summarize(category)
      .catch(() => undefined)
      .then(others => {
        if (this._state.report.values.categoryId === category) {
          this._set({ ...this._state, others });
        }
      });
  }

  private _prepared(): IPreparedReport {
    return this._prepare(this._draft.values, this._diagnostics);
  }

  private _set(state: IReportState): void {
    this._state = state;
    this._listeners.forEach(listener => listener());
  }

  private _draft: ReportDraft;
  private _diagnostics: IDiagnostics;
  private _prepare: IReportSessionOptions['prepare'];
  private _hub: () => IReportHub | undefined;
  /**
   * Whether "is it just me" was asked: not before the service is known.
   */
  private _asked = false;
  private _newKey: () => string;
  private _key: string | undefined;
  private _state: IReportState;
  private _listeners = new Set<() => void>();
}
