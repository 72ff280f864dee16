import { IHubContext, readHubContext } from '../hub/context';

/**
 * What the service's page says about itself, in its data attributes
 * (jupyterlab_hub_help/service: the help page's HTML).
 */
export interface IPageData {
  /**
   * The service's own URL path, with its trailing slash.
   */
  serviceUrl: string;
  /**
   * The service's name in the hub, from that path (`/services/NAME/`).
   */
  serviceName: string;
  /**
   * A locale directory name ("fr_FR"), "en", or "auto" (the service
   * chooses from the browser's languages).
   */
  language: string;
  hubPrefix: string;
  user: string;
}

export function readPageData(element: HTMLElement): IPageData {
  const serviceUrl = element.dataset.service ?? '';
  return {
    serviceUrl,
    serviceName: /\/services\/([^/]+)\/$/.exec(serviceUrl)?.[1] ?? '',
    language: element.dataset.language || 'en',
    hubPrefix: element.dataset.hubPrefix ?? '/hub/',
    user: element.dataset.user ?? ''
  };
}

/**
 * The hub as the panel's code knows it, for a page of the service: the
 * person's own default server, and the hub on this site, or, on a hub with
 * subdomains, on the domain the service's host (`NAME--service.DOMAIN`) is
 * under.
 */
export function pageHubContext(
  data: IPageData,
  location: { protocol: string; host: string; origin: string }
): IHubContext {
  const own = `${data.serviceName.toLowerCase()}--service.`;
  const hubHost = location.host.toLowerCase().startsWith(own)
    ? `${location.protocol}//${location.host.slice(own.length)}`
    : '';
  return readHubContext(
    { hubPrefix: data.hubPrefix, hubHost, hubUser: data.user },
    location.origin
  );
}
