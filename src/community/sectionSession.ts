import type {
  CommunitySection,
  CommunityService,
  EditResult,
  ISectionState
} from '../hub/community';
import type { IHubMetadata } from '../metadata/types';
import { startingValue } from './startingValue';
import { needsSignIn } from './outcome';
import { Session } from '../session';

// The types the section's views render, so that they need nothing from ../hub.
export type {
  CommunitySection,
  EditResult,
  IEditProblem,
  ISectionState
} from '../hub/community';

/**
 * What a section's editor needs of the service: reading the section and
 * saving it at a revision.
 */
export type SectionService = Pick<CommunityService, 'section' | 'save'>;

/**
 * What the section's tab shows at one moment.
 */
export interface ISectionSessionState {
  /**
   * The section as last read or saved; null until it is read.
   */
  stored: ISectionState | null;
  /**
   * What the form holds.
   */
  draft: unknown;
  /**
   * What the last read (when it failed) or save came to.
   */
  outcome: EditResult | null;
  /**
   * A save is under way.
   */
  busy: boolean;
}

/**
 * One section's conversation with the service: read, then saved with the
 * revision it was read at, so that an edit made meanwhile by someone else is
 * never overwritten unseen. On a conflict the person chooses: load their
 * version, or save theirs over it, at the revision the conflict showed. A
 * refusal that asks for the service's own sign-in is an outcome like any
 * other (`needsSignIn`). Views subscribe and render `state`.
 */
export class SectionSession extends Session<ISectionSessionState> {
  constructor(options: {
    service: SectionService;
    section: CommunitySection;
    /**
     * What the panel showed when the editor opened: where a section with
     * nothing stored starts. Later refreshes do not reset a form being
     * edited.
     */
    shown: IHubMetadata;
    /**
     * Called once a change is stored, so that the panel shows it.
     */
    onSaved: () => void;
  }) {
    super({ stored: null, draft: undefined, outcome: null, busy: false });
    this._service = options.service;
    this.section = options.section;
    this.shown = options.shown;
    this._onSaved = options.onSaved;
  }

  readonly section: CommunitySection;
  readonly shown: IHubMetadata;

  /**
   * Read the section; a failure is a refusal with the reason. A form the
   * person has edited is left as it is, with the revision it was read at:
   * reading again under it would let a save overwrite what they never saw.
   */
  async load(): Promise<void> {
    if (this._edited) {
      return;
    }
    let stored: ISectionState;
    try {
      stored = await this._service.section(this.section);
    } catch (error) {
      this._set({
        outcome: {
          kind: 'refused',
          status: 0,
          error: '',
          message: error instanceof Error ? error.message : String(error)
        }
      });
      return;
    }
    this._show(stored);
  }

  /**
   * The person changed the form.
   */
  edit(draft: unknown): void {
    this._edited = true;
    this._set({ draft });
  }

  /**
   * Save the form at the revision it was read at.
   */
  async save(): Promise<void> {
    const { stored, draft } = this.state;
    if (stored) {
      await this._save(stored.etag, draft);
    }
  }

  /**
   * Remove the status note (store null) at the revision it was read at.
   */
  async remove(): Promise<void> {
    const { stored } = this.state;
    if (stored) {
      await this._save(stored.etag, null);
    }
  }

  /**
   * Put the form back as it was read, and forget the last outcome.
   */
  discard(): void {
    const { stored } = this.state;
    if (stored) {
      this._show(stored, { outcome: null });
    }
  }

  /**
   * After a conflict: show the version saved meanwhile.
   */
  loadTheirs(): void {
    const { outcome } = this.state;
    if (outcome?.kind === 'conflict') {
      this._show(outcome.current, { outcome: null });
    }
  }

  /**
   * After a conflict: save the form over the version saved meanwhile, at
   * the revision the conflict showed (a later one still conflicts).
   */
  async saveMine(): Promise<void> {
    const { outcome, draft } = this.state;
    if (outcome?.kind === 'conflict') {
      await this._save(outcome.current.etag, draft);
    }
  }

  /**
   * The service refused the last read or save until the person signs in to
   * it (the page's token may read but not edit).
   */
  get needsSignIn(): boolean {
    return needsSignIn(this.state.outcome);
  }

  private async _save(etag: string, value: unknown): Promise<void> {
    if (this.state.busy) {
      return;
    }
    this._set({ busy: true });
    const result = await this._service.save(this.section, value, etag);
    this._set({ busy: false, outcome: result });
    if (result.kind === 'saved') {
      this._show(result.state);
      this._onSaved();
    }
  }

  /**
   * Show `stored`, the form filled with its value (or, with nothing stored,
   * with what the panel showed).
   */
  private _show(
    stored: ISectionState,
    patch: Partial<ISectionSessionState> = {}
  ): void {
    this._edited = false;
    this._set({
      ...patch,
      stored,
      draft: stored.value ?? startingValue(this.section, this.shown)
    });
  }

  private _service: SectionService;
  private _onSaved: () => void;
  private _edited = false;
}
