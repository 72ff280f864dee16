import { IProblem } from './problems';

/**
 * The last good copy of the metadata URL's document, kept between sessions
 * so that the panel still works when the URL cannot be reached.
 */
export interface IRemoteCopy {
  url: string;
  document: unknown;
  etag?: string;
  fetchedAt: string;
}

export interface IRemoteResult {
  copy?: IRemoteCopy;
  problem?: IProblem;
}

const problem = (code: IProblem['code'], reason: string): IProblem => ({
  source: 'metadata-url',
  path: '$',
  code,
  params: [reason],
  severity: 'error'
});

/**
 * Fetch the metadata URL's document, revalidating the previous copy with its
 * ETag. On any failure the previous copy (if it is for the same URL) is kept
 * and the problem says why. No credentials or hub token are sent: the URL
 * may belong to another site.
 */
export async function fetchRemoteDocument(
  url: string,
  previous: IRemoteCopy | undefined,
  options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => Date } = {}
): Promise<IRemoteResult> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const kept = previous?.url === url ? previous : undefined;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(),
    options.timeoutMs ?? 10000
  );
  try {
    const response = await doFetch(url, {
      headers: kept?.etag ? { 'If-None-Match': kept.etag } : {},
      credentials: 'omit',
      cache: 'no-cache',
      signal: controller.signal
    });
    if (response.status === 304 && kept) {
      return { copy: { ...kept, fetchedAt: now().toISOString() } };
    }
    if (!response.ok) {
      return {
        copy: kept,
        problem: problem('fetch-failed', `HTTP ${response.status}`)
      };
    }
    const text = await response.text();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      return {
        copy: kept,
        problem: problem('not-json', (error as Error).message)
      };
    }
    return {
      copy: {
        url,
        document,
        etag: response.headers.get('ETag') ?? undefined,
        fetchedAt: now().toISOString()
      }
    };
  } catch (error) {
    const reason = controller.signal.aborted
      ? 'timed out'
      : (error as Error).message;
    return { copy: kept, problem: problem('fetch-failed', reason) };
  } finally {
    clearTimeout(timer);
  }
}
