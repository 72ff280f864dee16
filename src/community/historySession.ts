import type {
  CommunityService,
  ICommunityChange,
  IEditProblem,
  ILaterChange,
  ISectionState,
  UndoResult
} from '../hub/community';
import type { Refusal } from './outcome';
import { Session } from '../session';

// The types the History view renders, so that it needs nothing from ../hub.
export type {
  ChangeRight,
  IChangeSummary,
  ICommunityChange,
  ILaterChange
} from '../hub/community';

/**
 * What the history needs of the service: its pages, a change's values
 * before and after it, and undo; nothing that could fetch a fresh revision
 * to get past an undo's check.
 */
export type HistoryService = Pick<
  CommunityService,
  'history' | 'undo' | 'change'
>;

/**
 * What is known of one change's values ("What changed"): being read, read
 * (its section's value before and after it), or not readable and why.
 */
export type ChangeDetails =
  | { kind: 'loading' }
  | { kind: 'loaded'; before: unknown; after: unknown }
  | { kind: 'failed'; message: string };

/**
 * An undo stopped by later changes: who made them and when, and what the
 * person may choose.
 */
export interface IUndoQuestion {
  change: ICommunityChange;
  /**
   * Newest first; at most 20 of them.
   */
  later: ILaterChange[];
  laterCount: number;
  /**
   * Whether this change alone can be undone, keeping the later ones.
   */
  onlyThis: boolean;
}

/**
 * What the last undo came to.
 */
export type HistoryOutcome =
  | { kind: 'undone'; change: ICommunityChange; alsoUndone: number }
  | { kind: 'changed-meanwhile'; change: ICommunityChange }
  | { kind: 'entries-changed-later'; entries: string[] }
  | { kind: 'invalid'; problems: IEditProblem[] }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'load-failed'; message: string };

/**
 * What the History tab shows at one moment.
 */
export interface IHistoryState {
  /**
   * Newest first; null until the first page arrived.
   */
  changes: ICommunityChange[] | null;
  /**
   * Whether older changes exist ("Show older changes").
   */
  hasOlder: boolean;
  /**
   * A page is being read.
   */
  loading: boolean;
  /**
   * An undo is under way.
   */
  busy: boolean;
  question: IUndoQuestion | null;
  outcome: HistoryOutcome | null;
  /**
   * The details asked for, by change id; kept for the session's life (a
   * change's values before and after it never change).
   */
  details: { readonly [id: number]: ChangeDetails };
}

/**
 * What an undo that was not stopped by later changes came to.
 */
function outcomeOf(
  change: ICommunityChange,
  result: Exclude<UndoResult, { kind: 'later-changes' }>,
  alsoUndone: number
): HistoryOutcome {
  switch (result.kind) {
    case 'saved':
      return { kind: 'undone', change, alsoUndone };
    case 'conflict':
      return { kind: 'changed-meanwhile', change };
    case 'entries-changed-later':
      return { kind: 'entries-changed-later', entries: result.entries };
    case 'invalid':
      return { kind: 'invalid', problems: result.problems };
    case 'refused':
      return { kind: 'refused', refusal: result };
  }
}

/**
 * The History tab's conversation with the service: the recorded changes,
 * page by page, and undo. An undo names the revision the person was shown
 * (the change's own); when later changes exist the service says who made
 * them and nothing is sent again until the person chooses to undo them too,
 * to undo only this change, or to cancel. The confirmation carries the
 * revision that answer showed, never a freshly read one, so that an edit
 * made meanwhile is never discarded unseen. Views subscribe and render
 * `state`; a new state object comes with each change.
 */
export class HistorySession extends Session<IHistoryState> {
  constructor(options: {
    service: HistoryService;
    /**
     * Called once an undo is stored, so that the panel shows it.
     */
    onUndone: () => void;
  }) {
    super({
      changes: null,
      hasOlder: false,
      loading: false,
      busy: false,
      question: null,
      outcome: null,
      details: {}
    });
    this._service = options.service;
    this._onUndone = options.onUndone;
  }

  /**
   * Read the newest page again; older pages shown are dropped.
   */
  async load(): Promise<void> {
    await this._read(undefined);
  }

  /**
   * Add the next older page.
   */
  async showOlder(): Promise<void> {
    if (this._next !== null && !this.state.loading) {
      await this._read(this._next);
    }
  }

  /**
   * Read what `change` did (its section's value before and after it), once:
   * details already read or being read are kept; a failed read is tried
   * again.
   */
  async details(change: ICommunityChange): Promise<void> {
    const known = this.state.details[change.id];
    if (known && known.kind !== 'failed') {
      return;
    }
    const id = change.id;
    this._setDetails(id, { kind: 'loading' });
    try {
      const { before, after } = await this._service.change(id);
      this._setDetails(id, { kind: 'loaded', before, after });
    } catch (error) {
      this._setDetails(id, {
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error)
      });
    }
  }

  /**
   * Undo `change`, only while nothing came after it; otherwise ask.
   */
  async undo(change: ICommunityChange): Promise<void> {
    if (!this.state.busy) {
      this._set({ busy: true, question: null, outcome: null });
      this._answered(change, await this._service.undo(change));
    }
  }

  /**
   * The person chose to undo the asked change with the later ones shown.
   */
  async undoWithLater(): Promise<void> {
    await this._confirm('all');
  }

  /**
   * The person chose to undo only the asked change, keeping the later ones.
   */
  async undoOnly(): Promise<void> {
    if (this.state.question?.onlyThis) {
      await this._confirm('only');
    }
  }

  /**
   * The person chose to undo nothing.
   */
  cancel(): void {
    this._asked = null;
    this._set({ question: null });
  }

  private async _confirm(choice: 'all' | 'only'): Promise<void> {
    const asked = this._asked;
    if (!asked || this.state.busy) {
      return;
    }
    this._set({ busy: true });
    const { change, current } = asked;
    const result = await this._service.undo(change, { choice, current });
    this._answered(change, result, choice);
  }

  private _answered(
    change: ICommunityChange,
    result: UndoResult,
    choice?: 'all' | 'only'
  ): void {
    const { question } = this.state;
    this._asked = null;
    if (result.kind === 'later-changes') {
      const { later, laterCount, onlyThis, current } = result;
      this._asked = { change, current };
      this._set({
        busy: false,
        question: { change, later, laterCount, onlyThis }
      });
      return;
    }
    const alsoUndone = choice === 'all' ? (question?.laterCount ?? 0) : 0;
    this._set({
      busy: false,
      question: null,
      outcome: outcomeOf(change, result, alsoUndone)
    });
    if (result.kind === 'saved') {
      this._onUndone();
    }
    if (result.kind !== 'invalid' && result.kind !== 'refused') {
      // The list changed, or is not what the person saw: read it again.
      void this.load();
    }
  }

  private _setDetails(id: number, details: ChangeDetails): void {
    this._set({ details: { ...this.state.details, [id]: details } });
  }

  private async _read(before: number | undefined): Promise<void> {
    this._set({ loading: true });
    try {
      const page = await this._service.history({ before });
      this._next = page.next;
      const shown = before === undefined ? [] : (this.state.changes ?? []);
      this._set({
        changes: [...shown, ...page.changes],
        hasOlder: page.next !== null,
        loading: false
      });
    } catch (error) {
      this._set({
        changes: this.state.changes ?? [],
        loading: false,
        outcome: {
          kind: 'load-failed',
          message: error instanceof Error ? error.message : String(error)
        }
      });
    }
  }

  private _service: HistoryService;
  private _onUndone: () => void;
  private _next: number | null = null;
  /**
   * The change asked about, and the section as that answer showed it: what
   * a confirmation sends back.
   */
  private _asked: { change: ICommunityChange; current: ISectionState } | null =
    null;
}
