import type { SignInCredential } from '../hub/client';
import { LIMITS } from '../metadata/limits';

/**
 * What the service's sign-in page tells the page that opened or framed it
 * (jupyterlab_hub_help/service/handlers.py).
 */
const SIGNED_IN = 'jupyterlab-hub-help:service-signed-in';

/**
 * What a sign-in page's message hands over: the XSRF token of its cookie, or,
 * on a hub with subdomains, the token it gave.
 */
function credentialOf(data: any): SignInCredential | undefined {
  if (data?.type !== SIGNED_IN) {
    return undefined;
  }
  for (const key of ['xsrf', 'token'] as const) {
    if (typeof data[key] === 'string' && data[key]) {
      return key === 'xsrf' ? { xsrf: data.xsrf } : { token: data.token };
    }
  }
  return undefined;
}

/**
 * Resolves to what the sign-in page in `page` hands over, or to undefined
 * once `giveUp` calls its `stop`. Only that page, on the service's origin,
 * is listened to. `giveUp` returns what to clean up.
 */
function awaitSignIn(
  origin: string,
  page: () => Window | null,
  giveUp: (stop: () => void) => () => void
): Promise<SignInCredential | undefined> {
  return new Promise(resolve => {
    const finish = (credential?: SignInCredential) => {
      window.removeEventListener('message', onMessage);
      cleanUp();
      resolve(credential);
    };
    const onMessage = (event: MessageEvent) => {
      const credential = credentialOf(event.data);
      if (
        event.origin === origin &&
        event.source !== null &&
        event.source === page() &&
        credential
      ) {
        finish(credential);
      }
    };
    window.addEventListener('message', onMessage);
    const cleanUp = giveUp(() => finish());
  });
}

/**
 * Sign in to the community help service at `url` in a new tab, through the
 * hub. Resolves to what the sign-in handed over once the tab says it is
 * done; to undefined when no tab could be opened, or when the person comes
 * back to this page having closed it.
 */
export function signInInTab(
  url: string
): Promise<SignInCredential | undefined> {
  const target = new URL(url, window.location.href);
  const tab = window.open(target.href, '_blank');
  if (!tab) {
    return Promise.resolve(undefined);
  }
  return awaitSignIn(
    target.origin,
    () => tab,
    stop => {
      const onFocus = () => tab.closed && stop();
      window.addEventListener('focus', onFocus);
      return () => window.removeEventListener('focus', onFocus);
    }
  );
}

/**
 * Sign in to the community help service at `url` without a word from the
 * person: its page in a hidden frame, which the hub's OAuth signs in while
 * the hub session lasts. Resolves to what the sign-in handed over, or to
 * undefined after `timeoutMs` (no hub session, a confirmation page,
 * framing refused); the frame is removed either way.
 */
export function signInSilently(
  url: string,
  timeoutMs: number = LIMITS.silentSignInMs
): Promise<SignInCredential | undefined> {
  const target = new URL(url, window.location.href);
  target.searchParams.set('silent', '1');
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = target.href;
  document.body.appendChild(frame);
  return awaitSignIn(
    target.origin,
    () => frame.contentWindow,
    stop => {
      const timer = setTimeout(stop, timeoutMs);
      return () => {
        clearTimeout(timer);
        frame.remove();
      };
    }
  );
}
