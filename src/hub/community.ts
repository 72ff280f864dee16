import { HubClient } from './client';
import { RequestError } from './request';

/**
 * The parts of the help document a community keeps in the service.
 */
export type CommunitySection = 'people' | 'announcements' | 'status' | 'tasks';

const SECTIONS: readonly string[] = [
  'people',
  'announcements',
  'status',
  'tasks'
];

/**
 * What the service says of the person looking.
 */
export interface ICommunityViewer {
  name: string;
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
 * One recorded change.
 */
export interface ICommunityChange {
  id: number;
  section: CommunitySection;
  user: string;
  at: string;
  kind: 'edit' | 'undo' | 'import';
  before: unknown;
  after: unknown;
  revision: number;
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
  | { kind: 'refused'; status: number; message: string };

/**
 * The service's document, or that the copy sent in `If-None-Match` is
 * still current.
 */
export interface ICommunityDocument {
  document?: { [key: string]: unknown };
  etag?: string;
  notModified: boolean;
}

const EDIT_ANSWERS = [200, 400, 403, 404, 409, 415, 422, 428];

function fields(body: unknown): { [key: string]: any } {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as { [key: string]: any })
    : {};
}

function readSection(body: unknown, etag: string | null): ISectionState {
  const b = fields(body);
  return {
    section: b.section,
    value: b.value ?? null,
    revision: Number(b.revision ?? 0),
    updatedBy: typeof b.updatedBy === 'string' ? b.updatedBy : null,
    updatedAt: typeof b.updatedAt === 'string' ? b.updatedAt : null,
    etag: etag ?? `"${b.section}-${Number(b.revision ?? 0)}"`
  };
}

function readEdit(status: number, body: unknown, etag: string | null) {
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
    message: String(b.message ?? b.error ?? status)
  } as const;
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
   * The page that signs in to the service itself (a new tab), for hubs
   * whose operator did not let the page's token call it.
   */
  get signInUrl(): string {
    return this._client.serviceUrl(this.name);
  }

  /**
   * Whether calls go with the service's own sign-in.
   */
  get signedIn(): boolean {
    return this._xsrf !== undefined;
  }

  /**
   * From now on, call with the service's own sign-in, as the sign-in tab
   * said (its XSRF token); the page's token is no longer sent to it.
   */
  useSignIn(xsrf: string): void {
    this._xsrf = xsrf;
  }

  /**
   * The community's document; with the ETag of the copy held, an unchanged
   * document costs a 304.
   */
  async document(etag?: string): Promise<ICommunityDocument> {
    const { response, body } = await this._client.callService(
      this.name,
      'api/document',
      { headers: etag ? { 'If-None-Match': etag } : {}, xsrf: this._xsrf }
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
      xsrf: this._xsrf
    });
    const b = fields(body);
    return {
      name: String(b.name ?? ''),
      canEdit: b.canEdit === true,
      because: ['admin', 'representative', 'scope'].includes(b.because)
        ? b.because
        : null,
      sections: (Array.isArray(b.sections) ? b.sections : []).filter(
        (s: unknown): s is CommunitySection =>
          typeof s === 'string' && SECTIONS.includes(s)
      )
    };
  }

  async section(section: CommunitySection): Promise<ISectionState> {
    const { response, body } = await this._client.callService(
      this.name,
      `api/sections/${section}`,
      { xsrf: this._xsrf }
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
    return this._edit(`api/sections/${section}`, 'PUT', { value }, etag);
  }

  async history(section?: CommunitySection): Promise<ICommunityChange[]> {
    const query = section ? `?section=${section}` : '';
    const { body } = await this._client.callService(
      this.name,
      `api/history${query}`,
      { xsrf: this._xsrf }
    );
    const changes = fields(body).changes;
    return Array.isArray(changes) ? changes : [];
  }

  /**
   * Put a section back as it was before change `id`, unless it changed
   * since `etag`.
   */
  async undo(id: number, etag: string): Promise<EditResult> {
    return this._edit(`api/history/${id}/undo`, 'POST', {}, etag);
  }

  /**
   * Everything the community keeps in the service, as one JSON document.
   */
  async exportAll(): Promise<unknown> {
    const { body } = await this._client.callService(this.name, 'api/export', {
      xsrf: this._xsrf
    });
    return body;
  }

  /**
   * Replace every section with an exported document's; nothing is stored
   * unless all of it is valid.
   */
  async importAll(exported: unknown): Promise<EditResult> {
    return this._edit('api/import', 'PUT', exported);
  }

  private async _edit(
    path: string,
    method: 'PUT' | 'POST',
    body: unknown,
    etag?: string
  ): Promise<EditResult> {
    try {
      const { response, body: answer } = await this._client.callService(
        this.name,
        path,
        {
          method,
          body,
          headers: etag ? { 'If-Match': etag } : {},
          accepts: status => EDIT_ANSWERS.includes(status),
          xsrf: this._xsrf
        }
      );
      return readEdit(response.status, answer, response.headers.get('ETag'));
    } catch (error) {
      return {
        kind: 'refused',
        status: error instanceof RequestError ? error.status : 0,
        message: error instanceof Error ? error.message : String(error)
      };
    }
  }

  private _xsrf: string | undefined;
}
