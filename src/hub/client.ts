import { IHubContext } from './context';

/**
 * The viewer as the Hub API describes them (`GET api/user`).
 */
export interface IHubUser {
  name: string;
  admin: boolean;
  groups: string[];
  scopes: string[];
}

export interface IHubClientOptions {
  fetch?: typeof fetch;
  /**
   * Each request is abandoned after this long.
   */
  timeoutMs?: number;
}

/**
 * Users per page when listing admins, and the most pages read.
 */
const PAGE_SIZE = 200;
const MAX_PAGES = 50;

/**
 * A failed Hub API call: `status` is 0 when the hub did not answer at all.
 */
export class HubApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

/**
 * The Hub REST API, called from the browser with the server's OAuth token.
 * This is the only place that holds the token: it goes in the Authorization
 * header of Hub API requests and nowhere else.
 */
export class HubClient {
  constructor(
    private _context: IHubContext,
    token: string,
    options: IHubClientOptions = {}
  ) {
    this._token = token;
    this._fetch = options.fetch ?? ((...args) => fetch(...args));
    this._timeoutMs = options.timeoutMs ?? 5000;
  }

  /**
   * The hub's version; this endpoint needs no authentication.
   */
  async version(): Promise<string> {
    const body = await this._get('', false);
    return String(body.version ?? '');
  }

  async currentUser(): Promise<IHubUser> {
    const body = await this._get('user');
    return {
      name: String(body.name ?? ''),
      admin: body.admin === true,
      groups: Array.isArray(body.groups) ? body.groups.map(String) : [],
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : []
    };
  }

  /**
   * Usernames of every admin, read page by page (the API has no admin filter).
   */
  async listAdmins(): Promise<string[]> {
    const admins: string[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const body = await this._get(
        `users?offset=${offset}&limit=${PAGE_SIZE}`,
        true,
        {
          Accept: 'application/jupyterhub-pagination+json'
        }
      );
      const items: any[] = Array.isArray(body) ? body : (body.items ?? []);
      items
        .filter(u => u?.admin === true)
        .forEach(u => admins.push(String(u.name)));
      const next = Array.isArray(body) ? null : body._pagination?.next;
      if (!next || items.length === 0) {
        break;
      }
      offset = Number(next.offset ?? offset + items.length);
    }
    return admins;
  }

  /**
   * Whether the hub answers right now (a short, unauthenticated request).
   */
  async answers(): Promise<boolean> {
    return this.version().then(
      () => true,
      () => false
    );
  }

  /**
   * Replace the token wherever it appears in `text`: a last guard for text
   * that leaves the page, such as a problem report.
   */
  redact(text: string): string {
    return this._token.length < 4
      ? text
      : text.split(this._token).join('[redacted]');
  }

  async groupMembers(group: string): Promise<string[]> {
    const body = await this._get(`groups/${encodeURIComponent(group)}`);
    return Array.isArray(body.users) ? body.users.map(String) : [];
  }

  private async _get(
    path: string,
    authenticated = true,
    headers: { [name: string]: string } = {}
  ): Promise<any> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this._timeoutMs);
    let response: Response;
    try {
      response = await this._fetch(`${this._context.urls.api}${path}`, {
        headers: authenticated
          ? { ...headers, Authorization: `token ${this._token}` }
          : headers,
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal
      });
    } catch {
      throw new HubApiError(
        0,
        controller.signal.aborted ? 'timed out' : 'no answer'
      );
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      throw new HubApiError(response.status, `HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch {
      throw new HubApiError(response.status, 'the answer is not JSON');
    }
  }

  private _token: string;
  private _fetch: typeof fetch;
  private _timeoutMs: number;
}
