import { signInInTab, signInSilently } from '../signIn';

const SERVICE = `${window.location.origin}/services/hub-help/`;
const SIGNED_IN = 'jupyterlab-hub-help:service-signed-in';

/**
 * A message as the sign-in page posts it, from `source` on `origin`.
 */
function post(
  source: Window | null,
  origin = window.location.origin,
  data: unknown = { type: SIGNED_IN, xsrf: 'xsrf-1' }
): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const frames = () => Array.from(document.querySelectorAll('iframe'));

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('the silent sign-in', () => {
  it("loads the service's page in a hidden frame and takes the XSRF token only from that page", async () => {
    const signedIn = signInSilently(SERVICE);
    const [frame] = frames();
    expect(frame.src).toBe(`${SERVICE}?silent=1`);
    expect(frame.hidden).toBe(true);
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    // Another page, another site, another message: not listened to.
    const forged = { type: SIGNED_IN, xsrf: 'forged' };
    post(window, window.location.origin, forged);
    post(frame.contentWindow, 'https://elsewhere.example.org', forged);
    post(frame.contentWindow, window.location.origin, { type: 'other' });
    post(frame.contentWindow);
    await expect(signedIn).resolves.toEqual({ xsrf: 'xsrf-1' });
    expect(frames()).toEqual([]);
  });

  it('gives up when the page does not answer in time, and removes the frame', async () => {
    jest.useFakeTimers();
    const signedIn = signInSilently(SERVICE, 5000);
    jest.advanceTimersByTime(4999);
    expect(frames()).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await expect(signedIn).resolves.toBeUndefined();
    expect(frames()).toEqual([]);
    // A late answer changes nothing.
    post(null);
  });
});

describe('the sign-in tab', () => {
  it('takes the XSRF token from the tab it opened', async () => {
    const tab = { closed: false } as unknown as Window;
    const open = jest.spyOn(window, 'open').mockReturnValue(tab);
    const signedIn = signInInTab(SERVICE);
    expect(open).toHaveBeenCalledWith(SERVICE, '_blank');
    post(window, window.location.origin, { type: SIGNED_IN, xsrf: 'forged' });
    post(tab);
    await expect(signedIn).resolves.toEqual({ xsrf: 'xsrf-1' });
  });

  it('on a hub with subdomains, takes the token the service handed, from its own host only', async () => {
    const service =
      'https://hub-help--service.hub.example.org/services/hub-help/';
    const tab = { closed: false } as unknown as Window;
    jest.spyOn(window, 'open').mockReturnValue(tab);
    const signedIn = signInInTab(service);
    const handed = { type: SIGNED_IN, token: 'sign-in-token' };
    post(tab, 'https://zoe.hub.example.org', handed);
    post(tab, 'https://hub-help--service.hub.example.org', {
      type: SIGNED_IN,
      token: ''
    });
    post(tab, 'https://hub-help--service.hub.example.org', handed);
    await expect(signedIn).resolves.toEqual({ token: 'sign-in-token' });
  });

  it('stops waiting when the person comes back having closed the tab', async () => {
    const tab = { closed: false } as { closed: boolean };
    jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const signedIn = signInInTab(SERVICE);
    window.dispatchEvent(new Event('focus'));
    tab.closed = true;
    window.dispatchEvent(new Event('focus'));
    await expect(signedIn).resolves.toBeUndefined();
  });

  it('says so when no tab could be opened', async () => {
    jest.spyOn(window, 'open').mockReturnValue(null);
    await expect(signInInTab(SERVICE)).resolves.toBeUndefined();
  });
});
