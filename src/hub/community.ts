import { SECTIONS } from '../generated/shared';
import { HubClient, SignInCredential } from './client';
import { ReportsService } from './reports';
import { RequestError } from './request';
import type { IViewer } from '../metadata/types';

/**
 * The parts of the help document a community keeps in the service.
 */
export type CommunitySection = (typeof SECTIONS)[number];

const isSection = (s: unknown): s is CommunitySection =>
  (SECTIONS as readonly unknown[]).includes(s);

/**
 * What the service says of the person looking.
 */
export interface ICommunityViewer {
  name: string;
  /**
   * Whether this credential may edit now.
   */
  canEdit: boolean;
  /**
   * Why they may edit: a hub admin, a Community Representative, or the
   * holder of the service's edit scope.
   */
  because: 'admin' | 'representative' | 'scope' | null;
  /**
   * The sections the operator lets the community edit.
   */
  sections: CommunitySection[];
  /**
   * What the service was called with: the page's token, or its own sign-in.
   */
  credential: 'token' | 'sign-in';
  /**
   * They would edit with the service's own sign-in, which this credential
   * is not (a token that any server they visit may hold).
   */
  signInToEdit: boolean;
  /**
   * Whether the service keeps reports, whether it routes any to the viewer
   * (an inbox to triage), and the categories whose reports it counts for
   * "is it just me".
   */
  reports: { enabled: boolean; triage: boolean; shared: string[] };
}

/**
 * For `signedInViewer` on the hub's own pages, which do not say who is
 * signed in to the hub: the service's sign-in is then taken as it is, since
 * the service answers nothing but that person's own.
 */
export const ANYONE = Symbol('anyone');

/**
 * The help page's context (`api/help`).
 */
export interface IHelpContext {
  viewer: IViewer & { username: string };
  /**
   * The operator's document as the service was given it, unchecked; absent
   * when it was given none.
   */
  document?: unknown;
  /**
   * What the service found wrong with that document: where, and why.
   */
  documentProblems: { where: string; message: string }[];
}

/**
 * One stored section, as the service keeps it.
 */
export interface ISectionState {
  section: CommunitySection;
  value: unknown;
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /**
   * What an edit sends back in `If-Match`, so a stale edit is refused.
   */
  etag: string;
}

/**
 * How many entries of its section a change added, removed and changed.
 */
export interface IChangeSummary {
  added: number;
  removed: number;
  changed: number;
}

/**
 * A change that came after another, as an undo names it.
 */
export interface ILaterChange {
  id: number;
  user: string;
  at: string;
  kind: 'edit' | 'undo' | 'import';
  /**
   * The section's revision this change made.
   */
  revision: number;
}

/**
 * The right a change was made on: as a hub admin, a Community
 * Representative, or the holder of the service's edit scope.
 */
export type ChangeRight = 'admin' | 'representative' | 'scope';

/**
 * One recorded change.
 */
export interface ICommunityChange extends ILaterChange {
  section: CommunitySection;
  summary: IChangeSummary;
  /**
   * The right it was made on; null for changes the service recorded before
   * it kept that.
   */
  as: ChangeRight | null;
}

/**
 * One recorded change with its section's whole value before and after it.
 */
export interface IChangeDetail extends ICommunityChange {
  before: unknown;
  after: unknown;
}

/**
 * A page of the history, newest first.
 */
export interface IHistoryPage {
  changes: ICommunityChange[];
  /**
   * Where the next (older) page starts, or null after the oldest change.
   */
  next: number | null;
}

/**
 * A problem the service found in an edit, where and why.
 */
export interface IEditProblem {
  path: string;
  code: string;
  reason: string;
}

/**
 * What became of an edit.
 */
export type EditResult =
  | { kind: 'saved'; state: ISectionState }
  | { kind: 'conflict'; current: ISectionState }
  | { kind: 'invalid'; problems: IEditProblem[] }
  | { kind: 'refused'; status: number; error: string; message: string };

/**
 * What became of an undo: as an edit, or stopped because later changes
 * exist (the person chooses what to do with them) or touched the entries
 * that undoing only this change would put back.
 */
export type UndoResult =
  | EditResult
  | {
      kind: 'later-changes';
      current: ISectionState;
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
  | {
      kind: 'entries-changed-later';
      current: ISectionState;
      entries: string[];
    };

/**
 * What a person chose once an undo named the later changes: undo them all
 * with it, or only this change. `current` is the section as that answer
 * showed it, so that nothing made since is undone unseen.
 */
export interface IUndoConfirmation {
  choice: 'all' | 'only';
  current: ISectionState;
}

/**
 * The service's document, or that the copy sent in `If-None-Match` is
 * still current.
 */
export interface ICommunityDocument {
  document?: { [key: string]: unknown };
  etag?: string;
  notModified: boolean;
}

/**
 * The statuses whose JSON body says what became of an edit (the rest throw,
 * and are refusals without the service's words).
 */
const EDIT_ANSWERS = [
  200, 400, 401, 403, 404, 409, 411, 413, 415, 422, 428, 503
];

/**
 * The statuses whose JSON body says why a change's details were refused.
 */
const CHANGE_REFUSALS = [401, 403, 404, 503];

function fields(body: unknown): { [key: string]: any } {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as { [key: string]: any })
    : {};
}

/**
 * The ETag of a section at a revision, as the service writes it.
 */
function sectionEtag(section: string, revision: number): string {
  return `"${section}-${revision}"`;
}

function readSection(body: unknown, etag: string | null): ISectionState {
  const b = fields(body);
  const revision = Number(b.revision ?? 0);
  return {
    section: b.section,
    value: b.value ?? null,
    revision,
    updatedBy: typeof b.updatedBy === 'string' ? b.updatedBy : null,
    updatedAt: typeof b.updatedAt === 'string' ? b.updatedAt : null,
    etag: etag ?? sectionEtag(b.section, revision)
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function readLater(body: unknown): ILaterChange {
  const b = fields(body);
  return {
    id: Number(b.id),
    user: String(b.user ?? ''),
    at: String(b.at ?? ''),
    kind: ['undo', 'import'].includes(b.kind) ? b.kind : 'edit',
    revision: Number(b.revision ?? 0)
  };
}

const RIGHTS: readonly unknown[] = ['admin', 'representative', 'scope'];

function readChange(body: unknown): ICommunityChange {
  const b = fields(body);
  const summary = fields(b.summary);
  const count = (key: string) => Number(summary[key] ?? 0) || 0;
  return {
    ...readLater(body),
    section: b.section,
    summary: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed')
    },
    as: RIGHTS.includes(b.as) ? b.as : null
  };
}

function readEdit(
  status: number,
  body: unknown,
  etag: string | null
): EditResult {
  const b = fields(body);
  if (status === 200) {
    return { kind: 'saved', state: readSection(body, etag) } as const;
  }
  if (status === 409 && b.current) {
    return { kind: 'conflict', current: readSection(b.current, null) } as const;
  }
  if (status === 422) {
    const problems: IEditProblem[] = (
      Array.isArray(b.problems) ? b.problems : []
    ).map((p: any) => ({
      path: String(p?.path ?? '$'),
      code: String(p?.code ?? 'invalid'),
      reason: String(p?.reason ?? '')
    }));
    return { kind: 'invalid', problems } as const;
  }
  return {
    kind: 'refused',
    status,
    error: String(b.error ?? ''),
    message: String(b.message ?? b.error ?? status)
  } as const;
}

/**
 * An undo's answer: the 409s that stop an undo over later changes, or as
 * an edit's. `etag` is the current revision's on a 409 `later-changes`.
 */
function readUndo(
  status: number,
  body: unknown,
  etag: string | null
): UndoResult {
  const b = fields(body);
  if (status === 409 && b.error === 'later-changes') {
    const later: ILaterChange[] = (Array.isArray(b.later) ? b.later : []).map(
      readLater
    );
    return {
      kind: 'later-changes',
      current: readSection(b.current, etag),
      later,
      laterCount: Number(b.laterCount ?? later.length),
      onlyThis: b.onlyThis === true
    };
  }
  if (status === 409 && b.error === 'entries-changed-later') {
    return {
      kind: 'entries-changed-later',
      current: readSection(b.current, null),
      entries: strings(b.entries)
    };
  }
  return readEdit(status, body, etag);
}

/**
 * What the service said of the viewer, and the XSRF token of its own
 * sign-in when that was the credential.
 */
function readViewer(body: unknown): {
  viewer: ICommunityViewer;
  xsrf?: string;
} {
  const b = fields(body);
  const credential = b.credential === 'sign-in' ? 'sign-in' : 'token';
  return {
    viewer: {
      name: String(b.name ?? ''),
      canEdit: b.canEdit === true,
      because: RIGHTS.includes(b.because) ? b.because : null,
      sections: (Array.isArray(b.sections) ? b.sections : []).filter(isSection),
      credential,
      signInToEdit: b.signInToEdit === true,
      reports: {
        enabled: fields(b.reports).enabled === true,
        triage: fields(b.reports).triage === true,
        shared: strings(fields(b.reports).shared)
      }
    },
    xsrf:
      credential === 'sign-in' && typeof b.xsrf === 'string' && b.xsrf
        ? b.xsrf
        : undefined
  };
}

/**
 * The community help service (jupyterlab_hub_help.service), called through
 * the hub with the page's token, which only the Hub API client holds.
 */
export class CommunityService {
  constructor(
    private _client: HubClient,
    readonly name: string
  ) {}

  /**
   * The page that signs in to the service itself (a new tab, or a hidden
   * frame): editing needs that sign-in unless the page's token carries the
   * edit scope, and reading needs it where the operator did not let the
   * page's token call the service.
   */
  get signInUrl(): string {
    const url = this._client.serviceUrl(this.name);
    // On a hub with subdomains the sign-in page hands its token to the
    // user's own server only, which it checks against this.
    return this.onOtherSite
      ? `${url}?origin=${encodeURIComponent(window.location.origin)}`
      : url;
  }

  /**
   * The service is on another site than this page (a hub with subdomains):
   * none of its cookies reach it, so its sign-in is made in a tab and kept
   * as the token it gave, for this page's life.
   */
  get onOtherSite(): boolean {
    return this._client.subdomains;
  }

  /**
   * Whether calls go with the service's own sign-in.
   */
  get signedIn(): boolean {
    return this._signIn !== undefined;
  }

  /**
   * From now on, call with the service's own sign-in, as the sign-in page
   * handed it; the page's token is no longer sent to it.
   */
  useSignIn(signIn: SignInCredential): void {
    this._signIn = signIn;
  }

  /**
   * The reports the service keeps, called with the same credential.
   */
  readonly reports = new ReportsService(
    (path, request) =>
      this._client.callService(this.name, path, {
        ...request,
        signIn: this._signIn
      }),
    path =>
      this._client.callServiceText(this.name, path, { signIn: this._signIn })
  );

  /**
   * The community's document; with the ETag of the copy held, an unchanged
   * document costs a 304.
   */
  async document(etag?: string): Promise<ICommunityDocument> {
    const { response, body } = await this._client.callService(
      this.name,
      'api/document',
      { headers: etag ? { 'If-None-Match': etag } : {}, signIn: this._signIn }
    );
    if (response.status === 304) {
      return { etag, notModified: true };
    }
    return {
      document: fields(body),
      etag: response.headers.get('ETag') ?? undefined,
      notModified: false
    };
  }

  async viewer(): Promise<ICommunityViewer> {
    const { body } = await this._client.callService(this.name, 'api/me', {
      signIn: this._signIn
    });
    return readViewer(body).viewer;
  }

  /**
   * Whether this browser is signed in to the service itself as `name` (the
   * cookie of an earlier sign-in, in any tab): then it is called with that
   * sign-in from now on, and says who the viewer is with it. Undefined when
   * it is not (401), or the sign-in is someone else's (a shared browser).
   */
  async signedInViewer(
    name: string | typeof ANYONE
  ): Promise<ICommunityViewer | undefined> {
    const { response, body } = await this._client.callService(
      this.name,
      'api/me',
      { cookieOnly: true, accepts: status => status === 200 || status === 401 }
    );
    const { viewer, xsrf } = readViewer(body);
    if (
      response.status !== 200 ||
      xsrf === undefined ||
      (name !== ANYONE && viewer.name !== name)
    ) {
      return undefined;
    }
    this.useSignIn({ xsrf });
    return viewer;
  }

  /**
   * What the help page needs besides the community's document: who the
   * viewer is as the hub says it, and the operator's document that the
   * service was given (the panel reads the same one from its settings).
   */
  async helpContext(): Promise<IHelpContext> {
    const { body } = await this._client.callService(this.name, 'api/help', {
      signIn: this._signIn
    });
    const b = fields(body);
    const viewer = fields(b.viewer);
    return {
      viewer: {
        username: String(viewer.name ?? ''),
        admin: viewer.admin === true,
        groups: strings(viewer.groups)
      },
      document: b.document ?? undefined,
      documentProblems: (Array.isArray(b.documentProblems)
        ? b.documentProblems
        : []
      )
        .map(fields)
        .map(p => ({
          where: String(p.where ?? ''),
          message: String(p.message ?? '')
        }))
    };
  }

  async section(section: CommunitySection): Promise<ISectionState> {
    const { response, body } = await this._client.callService(
      this.name,
      `api/sections/${section}`,
      { signIn: this._signIn }
    );
    return readSection(body, response.headers.get('ETag'));
  }

  /**
   * Store `value` as the section, unless it changed since `etag`.
   */
  async save(
    section: CommunitySection,
    value: unknown,
    etag: string
  ): Promise<EditResult> {
    return this._edit(
      `api/sections/${section}`,
      'PUT',
      { value },
      etag,
      readEdit
    );
  }

  /**
   * A page of the recorded changes, newest first: of one section or of
   * all, older than the change `before` when given.
   */
  async history(
    options: { section?: CommunitySection; before?: number } = {}
  ): Promise<IHistoryPage> {
    const query = new URLSearchParams();
    if (options.section) {
      query.set('section', options.section);
    }
    if (options.before !== undefined) {
      query.set('before', String(options.before));
    }
    const search = query.toString();
    const { body } = await this._client.callService(
      this.name,
      `api/history${search ? `?${search}` : ''}`,
      { signIn: this._signIn }
    );
    const { changes, next } = fields(body);
    return {
      changes: (Array.isArray(changes) ? changes : []).map(readChange),
      next: Number.isInteger(next) ? next : null
    };
  }

  /**
   * One change with its section's value before and after it. A refusal
   * (not an editor now, a change no longer kept) throws, with the
   * service's words.
   */
  async change(id: number): Promise<IChangeDetail> {
    const { response, body } = await this._client.callService(
      this.name,
      `api/history/${id}`,
      {
        signIn: this._signIn,
        accepts: status => status === 200 || CHANGE_REFUSALS.includes(status)
      }
    );
    const b = fields(body);
    if (response.status !== 200) {
      throw new Error(String(b.message || b.error || response.status));
    }
    return {
      ...readChange(body),
      before: b.before ?? null,
      after: b.after ?? null
    };
  }

  /**
   * Put a section back as it was before `change`. Unconfirmed, only while
   * the section is still at that change's own revision: otherwise the
   * answer names the later changes, and `confirm` carries what the person
   * chose, with the revision that answer showed them.
   */
  async undo(
    change: ICommunityChange,
    confirm?: IUndoConfirmation
  ): Promise<UndoResult> {
    const path = `api/history/${change.id}/undo`;
    if (!confirm) {
      const own = sectionEtag(change.section, change.revision);
      return this._edit(path, 'POST', {}, own, readUndo);
    }
    const { choice, current } = confirm;
    const body =
      choice === 'only'
        ? { only: true }
        : { alsoUndo: current.revision - change.revision };
    return this._edit(path, 'POST', body, current.etag, readUndo);
  }

  /**
   * Everything the community keeps in the service, as one JSON document.
   */
  async exportAll(): Promise<unknown> {
    const { body } = await this._client.callService(this.name, 'api/export', {
      signIn: this._signIn
    });
    return body;
  }

  /**
   * Replace every section with an exported document's; nothing is stored
   * unless all of it is valid.
   */
  async importAll(exported: unknown): Promise<EditResult> {
    return this._edit('api/import', 'PUT', exported, undefined, readEdit);
  }

  private async _edit<R extends UndoResult>(
    path: string,
    method: 'PUT' | 'POST',
    body: unknown,
    etag: string | undefined,
    read: (status: number, body: unknown, etag: string | null) => R
  ): Promise<R | Extract<EditResult, { kind: 'refused' }>> {
    try {
      const { response, body: answer } = await this._client.callService(
        this.name,
        path,
        {
          method,
          body,
          headers: etag ? { 'If-Match': etag } : {},
          accepts: status => EDIT_ANSWERS.includes(status),
          signIn: this._signIn
        }
      );
      return read(response.status, answer, response.headers.get('ETag'));
    } catch (error) {
      return {
        kind: 'refused',
        status: error instanceof RequestError ? error.status : 0,
        error: '',
        message: error instanceof Error ? error.message : String(error)
      };
    }
  }

  private _signIn: SignInCredential | undefined;
}
