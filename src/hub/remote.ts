import { IProblem } from '../metadata/problems';
import {
  IKeptCopy,
  isStoredCopy,
  NOT_AN_OBJECT,
  revalidateCopy
} from './keptCopy';
import { getJson, IRequestOptions, RequestError } from './request';

/**
 * The last good copy of the metadata URL's document, kept between sessions
 * so that the panel still works when the URL cannot be reached.
 */
export interface IRemoteCopy extends IKeptCopy {
  /**
   * Where the document was fetched.
   */
  url: string;
  /**
   * The metadata URL of the settings this copy stands for; differs from
   * `url` once the document moved itself (with the operator's grant).
   */
  settingsUrl?: string;
}

export interface IRemoteResult {
  copy?: IRemoteCopy;
  problem?: IProblem;
}

const problem = (code: IProblem['code'], ...params: string[]): IProblem => ({
  source: 'metadata-url',
  path: '$',
  code,
  params,
  severity: 'error'
});

/**
 * A failed request's problem: its detail, and the kind of failure that
 * picks the sentence (see describeReason).
 */
function failure(error: unknown): IProblem {
  if (error === NOT_AN_OBJECT) {
    return problem('type', 'object');
  }
  if (!(error instanceof RequestError)) {
    return problem(
      'fetch-failed',
      error instanceof Error ? error.message : String(error)
    );
  }
  return error.kind === 'not-json'
    ? problem('not-json', error.detail)
    : problem('fetch-failed', error.detail, error.kind);
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url, globalThis.location?.href);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A copy read back from storage, if it has the shape of one: storage may
 * hold anything an older release, or another hand, put there.
 */
export function readStoredCopy(value: unknown): IRemoteCopy | undefined {
  return isStoredCopy(value, ['url'], ['settingsUrl'])
    ? (value as IRemoteCopy)
    : undefined;
}

/**
 * Fetch the metadata URL's document, revalidating the previous copy with its
 * ETag. On any failure the previous copy (if it is for the same URL) is kept
 * and the problem says why. No credentials or hub token are sent: the URL
 * may belong to another site. A redirect to another site than the URL's is
 * refused, so the document always comes from the site the operator named.
 */
export async function fetchRemoteDocument(
  url: string,
  previous: IRemoteCopy | undefined,
  options: IRequestOptions & { now?: () => Date } = {}
): Promise<IRemoteResult> {
  const now = options.now ?? (() => new Date());
  const kept = previous?.url === url ? previous : undefined;
  if (!isHttpUrl(url)) {
    return {
      copy: kept,
      problem: problem('fetch-failed', '', 'not-http')
    };
  }
  const { copy, failure: error } = await revalidateCopy({
    kept,
    ask: async etag => {
      const { response, body } = await getJson(
        url,
        {
          headers: etag ? { 'If-None-Match': etag } : {},
          credentials: 'omit',
          cache: 'no-cache',
          redirect: 'follow'
        },
        options
      );
      return {
        notModified: response.status === 304,
        body,
        etag: response.headers.get('ETag') ?? undefined
      };
    },
    fresh: fetched => ({ url, ...fetched }),
    now
  });
  return error === undefined ? { copy } : { copy, problem: failure(error) };
}
