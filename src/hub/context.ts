import { URLExt } from '@jupyterlab/coreutils';

import { SERVER_EXTENSION_PATH } from '../generated/shared';

/**
 * What the page says about the hub: read from JupyterLab's paths, which
 * JupyterHub's single-user server fills in. Outside JupyterHub `onHub` is
 * false.
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
 * What the page is told about the hub: JupyterLab's paths
 * (`JupyterFrontEnd.IPaths['urls']`, filled from PageConfig as
 * @jupyterlab/hub-extension reads them), and the server's owner, which they
 * do not hold (PageConfig's `hubServerUser`, from JupyterHub 5).
 */
export interface IHubPaths {
  /**
   * This server's base URL.
   */
  readonly base?: string;
  readonly hubPrefix?: string;
  readonly hubHost?: string;
  readonly hubUser?: string;
  readonly hubServerName?: string;
  readonly hubServerUser?: string;
}

/**
 * Read the hub context from the paths, given as values so that this stays
 * testable without a page; `pageOrigin` is this page's origin.
 */
export function readHubContext(
  paths: IHubPaths,
  pageOrigin?: string
): IHubContext {
  const hubPrefix = paths.hubPrefix || '';
  const hubHost = paths.hubHost || '';
  const user = paths.hubUser || '';
  const baseUrl = paths.base || '';
  // As @jupyterlab/hub-extension builds the hub's URLs.
  const hubUrl = (path: string) => hubHost + URLExt.join(hubPrefix, path);
  const fromBaseUrl = ownerFromBaseUrl(baseUrl);
  const subdomains =
    !!pageOrigin && !!hubHost && new URL(hubHost).origin !== pageOrigin;
  return {
    onHub: hubPrefix !== '',
    hubPrefix,
    hubHost,
    user,
    // hubServerUser exists from JupyterHub 5; before, the base URL names the owner.
    serverUser: paths.hubServerUser || fromBaseUrl || user,
    serverName: paths.hubServerName || '',
    subdomains,
    urls: {
      home: hubUrl('home'),
      admin: hubUrl('admin'),
      token: hubUrl('token'),
      spawn: hubUrl('spawn'),
      api: hubUrl('api/'),
      viewerApi: subdomains
        ? `${pageOrigin}${URLExt.join(baseUrl, SERVER_EXTENSION_PATH, '/')}`
        : hubUrl('api/')
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
