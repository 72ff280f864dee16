import { CommunityService } from '../hub/community';

/**
 * What the service's sign-in page tells the page that opened it
 * (jupyterlab_hub_help/service/handlers.py).
 */
const SIGNED_IN = 'jupyterlab-hub-help:service-signed-in';

/**
 * Sign in to the community help service in a new tab, through the hub, for
 * hubs whose operator did not let the page's token call it. Resolves true
 * once the tab says it is done (then the service is called with that
 * sign-in), false when no tab could be opened.
 */
export function signInToService(service: CommunityService): Promise<boolean> {
  const url = new URL(service.signInUrl, window.location.href);
  const tab = window.open(url.href, '_blank');
  if (!tab) {
    return Promise.resolve(false);
  }
  return new Promise(resolve => {
    const onMessage = (event: MessageEvent) => {
      // Only the sign-in page, on the hub's own site, is listened to.
      if (
        event.origin !== url.origin ||
        event.source !== tab ||
        event.data?.type !== SIGNED_IN ||
        typeof event.data.xsrf !== 'string'
      ) {
        return;
      }
      window.removeEventListener('message', onMessage);
      service.useSignIn(event.data.xsrf);
      resolve(true);
    };
    window.addEventListener('message', onMessage);
  });
}
