import { redactSecrets } from './redact';
import { hubServiceUrl, IHubContext } from './context';
import {
  getJson,
  IJsonAnswer,
  IRequestOptions,
  requestJson,
  requestText
} from './request';

/**
 * A request to a hub service: a path under the service, and what to send.
 */
export interface IServiceRequest {
  method?: 'GET' | 'PUT' | 'POST';
  /**
   * Sent as JSON.
   */
  body?: unknown;
  headers?: { [name: string]: string };
  /**
   * The statuses whose JSON body is an answer (2xx by default); others throw.
   */
  accepts?: (status: number) => boolean;
  /**
   * Call with the service's own sign-in instead of the page's token.
   */
  signIn?: SignInCredential;
  /**
   * Call with the service's cookie alone, neither the token nor an XSRF
   * token: a read that asks whether this browser is signed in to it.
   */
  cookieOnly?: boolean;
}

/**
 * The service's own sign-in, as its sign-in page handed it to the panel: on
 * the hub's own site, its cookie, sent with this XSRF token; on a hub with
 * subdomains, where no cookie of the service's reaches it, the token that
 * sign-in gave, sent in the Authorization header.
 */
export type SignInCredential = { xsrf: string } | { token: string };

/**
 * A service name as JupyterHub allows it in a URL path; anything else (a
 * slash, "..") could lead the token elsewhere on the hub.
 */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The viewer as the Hub API describes them (`GET api/user`).
 */
export interface IHubUser {
  name: string;
  admin: boolean;
  groups: string[];
  scopes: string[];
}

/**
 * Users per page when listing admins, and the most pages read.
 */
const PAGE_SIZE = 200;
const MAX_PAGES = 50;

/**
 * An answer's fields, or none when it is not a JSON object.
 */
function fields(body: unknown): { [key: string]: any } {
  return typeof body === 'object' && body !== null ? body : {};
}

/**
 * The Hub REST API, called from the browser with the server's OAuth token.
 * This is the only place that holds the token: it goes in the Authorization
 * header of Hub API requests and nowhere else. Failures throw a
 * `RequestError` that says what went wrong.
 */
export class HubClient {
  constructor(
    private _context: IHubContext,
    token: string,
    options: IRequestOptions = {}
  ) {
    this._token = token;
    this._options = options;
  }

  /**
   * The hub's version; this endpoint needs no authentication.
   */
  async version(): Promise<string> {
    const body = fields(await this._get('', false));
    return String(body.version ?? '');
  }

  async currentUser(): Promise<IHubUser> {
    const body = fields(await this._get('user'));
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
      const items: any[] = Array.isArray(body)
        ? body
        : (fields(body).items ?? []);
      items
        .filter(u => u?.admin === true)
        .forEach(u => admins.push(String(u.name)));
      const next = Array.isArray(body) ? null : fields(body)._pagination?.next;
      if (!next || items.length === 0) {
        break;
      }
      offset = Number(next.offset ?? offset + items.length);
    }
    return admins;
  }

  async groupMembers(group: string): Promise<string[]> {
    const body = fields(await this._get(`groups/${encodeURIComponent(group)}`));
    return Array.isArray(body.users) ? body.users.map(String) : [];
  }

  /**
   * Whether the hub answers right now (a short, unauthenticated request,
   * given up after the client's timeout: LIMITS.requestTimeoutMs unless
   * told otherwise).
   */
  async answers(): Promise<boolean> {
    return this.version().then(
      () => true,
      () => false
    );
  }

  /**
   * Whether each user's server has a subdomain of its own.
   */
  get subdomains(): boolean {
    return this._context.subdomains;
  }

  /**
   * Where a hub service is reached through the hub's proxy.
   */
  serviceUrl(name: string): string {
    if (!SERVICE_NAME.test(name) || name.includes('..')) {
      throw new Error(`not a service name: ${name}`);
    }
    return hubServiceUrl(this._context, name);
  }

  /**
   * Call a hub service through the hub's proxy with the token in the
   * Authorization header, as for the Hub API, or with the service's own
   * sign-in; redirects are never followed.
   */
  async callService(
    name: string,
    path: string,
    request: IServiceRequest = {}
  ): Promise<IJsonAnswer> {
    return requestJson(
      `${this.serviceUrl(name)}${path}`,
      this._serviceInit(request),
      this._options,
      request.accepts
    );
  }

  /**
   * Call a hub service as `callService` does, and read its answer as text:
   * a download such as CSV, which the token never has to be in a link for.
   */
  async callServiceText(
    name: string,
    path: string,
    request: IServiceRequest = {}
  ): Promise<string> {
    const { text } = await requestText(
      `${this.serviceUrl(name)}${path}`,
      this._serviceInit(request),
      this._options,
      request.accepts
    );
    return text ?? '';
  }

  private _serviceInit(request: IServiceRequest): RequestInit {
    const { method = 'GET', body, headers = {}, signIn, cookieOnly } = request;
    const xsrf = signIn && 'xsrf' in signIn ? signIn.xsrf : undefined;
    const token = signIn && 'token' in signIn ? signIn.token : this._token;
    if (token !== this._token) {
      this._secrets.add(token);
    }
    const byCookie = xsrf !== undefined || cookieOnly === true;
    return {
      method,
      headers: {
        ...headers,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(xsrf !== undefined ? { 'X-XSRFToken': xsrf } : {}),
        ...(byCookie ? {} : { Authorization: `token ${token}` })
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      // The service's sign-in cookie is sent only when it is the credential.
      credentials: byCookie ? 'same-origin' : 'omit',
      cache: 'no-cache',
      redirect: 'manual'
    };
  }

  /**
   * Remove the token and token-like query parameters from `text`: a last
   * guard for text that leaves the page, such as a problem report.
   */
  redact(text: string): string {
    return redactSecrets(text, [this._token, ...this._secrets]);
  }

  private async _get(
    path: string,
    authenticated = true,
    headers: { [name: string]: string } = {}
  ): Promise<unknown> {
    // The hub's version is asked of the hub itself even on a hub with
    // subdomains (it answers any origin): whether the hub is up does not
    // depend on this server.
    const { urls } = this._context;
    const { body } = await getJson(
      `${authenticated ? urls.viewerApi : urls.api}${path}`,
      {
        headers: authenticated
          ? { ...headers, Authorization: `token ${this._token}` }
          : headers,
        credentials: 'omit',
        cache: 'no-store',
        // Never followed, so the Authorization header cannot go elsewhere.
        redirect: 'manual'
      },
      this._options
    );
    return body;
  }

  private _token: string;
  /**
   * Other tokens the page holds: those the service's own sign-in gave.
   */
  private _secrets = new Set<string>();
  private _options: IRequestOptions;
}
