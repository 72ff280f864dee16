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
  /**
   * The hub is on another origin than this page: each user's server has a
   * subdomain of its own (`c.JupyterHub.subdomain_host`). Then the browser
   * may not ask the hub about the viewer, nor call a service with cookies.
   */
  subdomains: boolean;
  urls: {
    home: string;
    admin: string;
    token: string;
    spawn: string;
    api: string;
    /**
     * Where the page asks the Hub API about the viewer: the hub's own API,
     * or, on a hub with subdomains, this package's server extension on the
     * page's own origin, which asks the hub with the same token
     * (jupyterlab_hub_help/hub_api.py).
     */
    viewerApi: string;
  };
}

/**
 * Read the hub context. `getOption` is PageConfig.getOption, passed in so
 * that this stays testable without a page.
 */
export function readHubContext(
  getOption: (name: string) => string,
  pageOrigin?: string
): IHubContext {
  const hubPrefix = getOption('hubPrefix');
  const hubHost = getOption('hubHost');
  const user = getOption('hubUser');
  const base = `${hubHost}${hubPrefix}`;
  const baseUrl = getOption('baseUrl');
  const fromBaseUrl = ownerFromBaseUrl(baseUrl);
  const subdomains =
    !!pageOrigin && !!hubHost && new URL(hubHost).origin !== pageOrigin;
  return {
    onHub: hubPrefix !== '',
    hubPrefix,
    hubHost,
    user,
    // hubServerUser exists from JupyterHub 5; before, the base URL names the owner.
    serverUser: getOption('hubServerUser') || fromBaseUrl || user,
    serverName: getOption('hubServerName'),
    subdomains,
    urls: {
      home: `${base}home`,
      admin: `${base}admin`,
      token: `${base}token`,
      spawn: `${base}spawn`,
      api: `${base}api/`,
      viewerApi: subdomains
        ? `${pageOrigin}${baseUrl}hub-help/api/hub/`
        : `${base}api/`
    }
  };
}

/**
 * A service name that JupyterHub puts on a host of its own unchanged
 * (`NAME--service.DOMAIN`); others it encodes or hashes.
 */
const SERVICE_LABEL = /^[a-z0-9]+(-[a-z0-9]+)*$/i;

/**
 * Where the hub's proxy serves the service `name`: under `/services/NAME/`
 * on the hub's site, or, on a hub with subdomains, on the service's own host
 * (`NAME--service.DOMAIN`, JupyterHub 5 and later).
 */
export function hubServiceUrl(hub: IHubContext, name: string): string {
  // The hub's prefix is its base URL followed by "hub/".
  const prefix = `${hub.hubPrefix.replace(/hub\/$/, '')}services/${name}/`;
  if (!hub.subdomains) {
    return `${hub.hubHost}${prefix}`;
  }
  if (!SERVICE_LABEL.test(name)) {
    throw new Error(
      `on a hub with subdomains, a service name of letters, digits and single hyphens: ${name}`
    );
  }
  const url = new URL(hub.hubHost);
  url.hostname = `${name}--service.${url.hostname}`;
  return `${url.origin}${prefix}`;
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
