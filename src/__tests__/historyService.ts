import { IncomingMessage, ServerResponse } from 'http';

import { json } from './localServer';

const PREFIX = '/services/hub-help/api/history';

interface IStoredChange {
  id: number;
  section: string;
  user: string;
  at: string;
  kind: 'edit' | 'undo' | 'import';
  revision: number;
  summary: { added: number; removed: number; changed: number };
  as: 'admin' | 'representative' | 'scope' | null;
}

/**
 * What an edit recorded beyond who made it: the right it was made on, and
 * the section's value before and after it (for `GET api/history/ID`).
 */
export interface IEditOptions {
  as?: IStoredChange['as'];
  before?: unknown;
  after?: unknown;
}

/**
 * The hub help service's history and undo, as its contract says
 * (contract-21.md): one section, "people", whose revision each change moves
 * on. Undo is checked as the service checks it; what it puts back is not
 * modelled. Every undo's headers and body are kept, in order.
 */
export class HistoryService {
  constructor(options: { pageSize?: number } = {}) {
    this._pageSize = options.pageSize ?? 50;
  }

  revision = 0;
  changes: IStoredChange[] = [];
  /**
   * Whether "undo only this change" is possible after later changes.
   */
  onlyThis = true;
  /**
   * Whether later changes touched the entries an "only" undo puts back.
   */
  entriesChangedLater = false;
  undos: { id: number; ifMatch?: string; body: any }[] = [];
  /**
   * The ids of the changes whose details were asked for, in order.
   */
  detailReads: number[] = [];
  /**
   * An answer to give instead of a change's details (a refusal).
   */
  refuseDetails: { status: number; body: unknown } | null = null;

  /**
   * Someone edits the section: a new revision and a new change.
   */
  edit(
    user: string,
    summary = { added: 1, removed: 0, changed: 0 },
    options: IEditOptions = {}
  ): void {
    this._record(user, 'edit', summary, options);
  }

  get etag(): string {
    return `"people-${this.revision}"`;
  }

  handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'GET' && url.pathname === PREFIX) {
      const before = url.searchParams.get('before');
      const older = [...this.changes]
        .reverse()
        .filter(c => before === null || c.id < Number(before));
      const page = older.slice(0, this._pageSize);
      const next = older.length > page.length ? page[page.length - 1].id : null;
      return json({ changes: page, next })(req, res);
    }
    const detail = new RegExp(`^${PREFIX}/(\\d+)$`).exec(url.pathname);
    if (req.method === 'GET' && detail) {
      const id = Number(detail[1]);
      this.detailReads.push(id);
      if (this.refuseDetails) {
        const { body, status } = this.refuseDetails;
        return json(body, status)(req, res);
      }
      const change = this.changes.find(c => c.id === id);
      if (!change) {
        return json({ error: 'not-found', message: 'no such change' }, 404)(
          req,
          res
        );
      }
      const values = this._values.get(id) ?? {};
      return json({
        ...change,
        before: values.before ?? null,
        after: values.after ?? null
      })(req, res);
    }
    const undo = new RegExp(`^${PREFIX}/(\\d+)/undo$`).exec(url.pathname);
    if (req.method === 'POST' && undo) {
      const chunks: Buffer[] = [];
      req.on('data', chunk => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
        this._undo(Number(undo[1]), req.headers['if-match'], body, res);
      });
      return;
    }
    json({ error: 'not-found' }, 404)(req, res);
  };

  private _undo(
    id: number,
    ifMatch: string | undefined,
    body: any,
    res: ServerResponse
  ): void {
    this.undos.push({ id, ifMatch, body });
    const change = this.changes.find(c => c.id === id);
    const answer = (status: number, value: unknown): void =>
      void res
        .writeHead(status, {
          'Content-Type': 'application/json',
          ETag: this.etag
        })
        .end(JSON.stringify(value));
    if (!change) {
      return answer(404, { error: 'not-found', message: 'no such change' });
    }
    const later = this.changes.filter(c => c.revision > change.revision);
    const done = () => {
      this._record('amara', 'undo', { added: 0, removed: 1, changed: 0 });
      answer(200, this._state());
    };
    const stale = (): void =>
      answer(409, {
        error: 'conflict',
        message: 'changed meanwhile',
        current: this._state()
      });
    if (body.alsoUndo === undefined && body.only === undefined) {
      if (ifMatch !== `"people-${change.revision}"`) {
        return stale();
      }
      if (later.length === 0) {
        return done();
      }
      return answer(409, {
        error: 'later-changes',
        message: 'later changes exist',
        current: this._state(),
        later: [...later].reverse().map(({ summary, section, ...c }) => c),
        laterCount: later.length,
        onlyThis: this.onlyThis
      });
    }
    if (ifMatch !== this.etag) {
      return stale();
    }
    if (body.alsoUndo !== undefined) {
      return body.alsoUndo === this.revision - change.revision
        ? done()
        : stale();
    }
    if (this.entriesChangedLater) {
      return answer(409, {
        error: 'entries-changed-later',
        message: 'touched later',
        entries: ['Rosa Diaz'],
        current: this._state()
      });
    }
    done();
  }

  private _record(
    user: string,
    kind: IStoredChange['kind'],
    summary: IStoredChange['summary'],
    options: IEditOptions = {}
  ): void {
    this.revision += 1;
    const id = this.changes.length + 1;
    this.changes.push({
      id,
      section: 'people',
      user,
      at: `2026-11-22T10:${String(this.revision).padStart(2, '0')}:00Z`,
      kind,
      revision: this.revision,
      summary,
      as: options.as ?? null
    });
    this._values.set(id, { before: options.before, after: options.after });
  }

  private _state() {
    const last = this.changes[this.changes.length - 1];
    return {
      section: 'people',
      value: [],
      revision: this.revision,
      updatedBy: last?.user ?? null,
      updatedAt: last?.at ?? null
    };
  }

  private _pageSize: number;
  private _values = new Map<number, { before?: unknown; after?: unknown }>();
}
