import { IDiagnostics } from './diagnostics';
import { IPreparedReport, IReportValues, ReportAction } from './prepare';

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
 * What the report dialog shows at one moment.
 */
export interface IReportState {
  report: IPreparedReport;
  /**
   * How the report last went out, until the person changes it; null before.
   */
  sent: ReportAction['kind'] | null;
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
    this._state = { report: this._prepared(), sent: null };
  }

  get state(): IReportState {
    return this._state;
  }

  /**
   * The person changed what they typed: the report is a draft again.
   */
  update(patch: Partial<IReportValues>): void {
    this._draft.update(patch);
    this._set({ report: this._prepared(), sent: null });
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
  private _state: IReportState;
  private _listeners = new Set<() => void>();
}
