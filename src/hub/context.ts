/**
 * What the page says about the hub: read from PageConfig, which JupyterHub's
 * single-user server fills in. Outside JupyterHub `onHub` is false.
 */
export interface IHubContext {
  onHub: boolean;
  hubPrefix: string;
  hubHost: string;
  /**
   * The person looking at the page.
   */
  user: string;
  /**
   * The server's owner: differs from `user` when an admin opens someone
   * else's server, or on a shared server.
   */
  serverUser: string;
  serverName: string;
  urls: {
    home: string;
    admin: string;
    token: string;
    spawn: string;
    api: string;
    /**
     * Where the hub's services are reached through its proxy
     * (`/services/NAME/`).
     */
    services: string;
  };
}

/**
 * Read the hub context. `getOption` is PageConfig.getOption, passed in so
 * that this stays testable without a page.
 */
export function readHubContext(
  getOption: (name: string) => string
): IHubContext {
  const hubPrefix = getOption('hubPrefix');
  const hubHost = getOption('hubHost');
  const user = getOption('hubUser');
  const base = `${hubHost}${hubPrefix}`;
  const fromBaseUrl = ownerFromBaseUrl(getOption('baseUrl'));
  return {
    onHub: hubPrefix !== '',
    hubPrefix,
    hubHost,
    user,
    // hubServerUser exists from JupyterHub 5; before, the base URL names the owner.
    serverUser: getOption('hubServerUser') || fromBaseUrl || user,
    serverName: getOption('hubServerName'),
    urls: {
      home: `${base}home`,
      admin: `${base}admin`,
      token: `${base}token`,
      spawn: `${base}spawn`,
      api: `${base}api/`,
      // The hub's prefix is its base URL followed by "hub/".
      services: `${hubHost}${hubPrefix.replace(/hub\/$/, '')}services/`
    }
  };
}

/**
 * The URL of a hub page by its name (`home`, `admin`, `token`, `spawn`);
 * undefined outside a hub, and for any other name (own keys only:
 * "constructor" names no page).
 */
export function hubPageUrl(
  hub: IHubContext,
  page: string | undefined
): string | undefined {
  return hub.onHub &&
    page &&
    Object.prototype.hasOwnProperty.call(hub.urls, page)
    ? hub.urls[page as keyof IHubContext['urls']]
    : undefined;
}

/**
 * `/prefix/user/NAME/` or `/prefix/user/NAME/SERVER/` → NAME.
 */
function ownerFromBaseUrl(baseUrl: string): string {
  const match = /\/user\/([^/]+)\//.exec(baseUrl ?? '');
  return match ? decodeURIComponent(match[1]) : '';
}
