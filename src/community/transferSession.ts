import type { CommunityService, IEditProblem } from '../hub/community';
import type { Refusal } from './outcome';
import { Session } from '../session';

/**
 * What export and import need of the service.
 */
export type TransferService = Pick<CommunityService, 'exportAll' | 'importAll'>;

/**
 * What the last import came to.
 */
export type ImportOutcome =
  | { kind: 'imported'; file: string }
  | { kind: 'not-json'; file: string; message: string }
  | { kind: 'invalid'; problems: IEditProblem[] }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'not-imported' };

export interface ITransferState {
  outcome: ImportOutcome | null;
}

/**
 * The whole community part as one JSON document, to keep or to move
 * elsewhere (export), and back (import: nothing is stored unless all of it
 * is valid). Views subscribe and render `state`.
 */
export class TransferSession extends Session<ITransferState> {
  constructor(options: {
    service: TransferService;
    /**
     * Called once an import is stored, so that the panel shows it.
     */
    onImported: () => void;
  }) {
    super({ outcome: null });
    this._service = options.service;
    this._onImported = options.onImported;
  }

  /**
   * Everything the service keeps, as the text of a JSON file.
   */
  async exportText(): Promise<string> {
    return JSON.stringify(await this._service.exportAll(), null, 2);
  }

  /**
   * Import a file the person chose.
   */
  async importFile(file: {
    name: string;
    text: () => Promise<string>;
  }): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      this._set({
        outcome: {
          kind: 'not-json',
          file: file.name,
          message: (error as Error).message
        }
      });
      return;
    }
    const result = await this._service.importAll(parsed);
    switch (result.kind) {
      case 'saved':
        this._set({ outcome: { kind: 'imported', file: file.name } });
        this._onImported();
        break;
      case 'invalid':
        this._set({ outcome: { kind: 'invalid', problems: result.problems } });
        break;
      case 'refused':
        this._set({ outcome: { kind: 'refused', refusal: result } });
        break;
      default:
        this._set({ outcome: { kind: 'not-imported' } });
    }
  }

  private _service: TransferService;
  private _onImported: () => void;
}
