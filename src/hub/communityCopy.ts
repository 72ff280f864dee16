import { IProblem } from '../metadata/problems';
import { CommunityService } from './community';
import { IKeptCopy, isStoredCopy, revalidateCopy } from './keptCopy';
import { RequestError, RequestFailure } from './request';

/**
 * The last good copy of the community help service's document, kept between
 * sessions so that the panel still shows it while the service is down.
 */
export interface ICommunityCopy extends IKeptCopy {
  /**
   * The service it came from: a copy is used only while the settings name it.
   */
  service: string;
}

export interface ICommunityResult {
  copy?: ICommunityCopy;
  problem?: IProblem;
  /**
   * The hub runs no service under the default name: nothing to fetch,
   * nothing wrong.
   */
  absent?: boolean;
}

/**
 * A copy read back from storage, if it has the shape of one.
 */
export function readStoredCommunityCopy(
  value: unknown
): ICommunityCopy | undefined {
  return isStoredCopy(value, ['service'])
    ? (value as ICommunityCopy)
    : undefined;
}

const problem = (
  code: IProblem['code'],
  severity: IProblem['severity'],
  ...params: string[]
): IProblem => ({ source: 'community', path: '$', code, params, severity });

/**
 * How a hub answers for a service it does not run: JupyterHub redirects
 * `/services/NAME/...` to its own `/hub/services/NAME/...` (and from there
 * to a 404 page); a proxy in front may answer 404 itself.
 */
const ABSENT: readonly RequestFailure[] = [
  'redirect',
  'redirect-path',
  'redirect-site'
];

function isAbsent(error: unknown): boolean {
  return (
    error instanceof RequestError &&
    (error.status === 404 || ABSENT.includes(error.kind))
  );
}

/**
 * Fetch the service's document, revalidating the previous copy. On failure
 * the previous copy is kept and the problem says why. A hub without the
 * service answers with a redirect or a 404: that is only a problem when the
 * settings named the service (the default name is looked for on every hub).
 */
export async function fetchCommunityDocument(
  service: CommunityService,
  previous: ICommunityCopy | undefined,
  options: { named: boolean; now: () => Date }
): Promise<ICommunityResult> {
  const kept = previous?.service === service.name ? previous : undefined;
  const { copy, failure: error } = await revalidateCopy({
    kept,
    ask: async etag => {
      const {
        notModified,
        document,
        etag: current
      } = await service.document(etag);
      return { notModified, body: document ?? {}, etag: current };
    },
    fresh: fetched => ({ service: service.name, ...fetched }),
    now: options.now
  });
  if (error === undefined) {
    return { copy };
  }
  if (isAbsent(error) && !options.named) {
    return { absent: true };
  }
  const status = error instanceof RequestError ? error.status : 0;
  if (status === 403) {
    // The page's token lacks the service's access scope.
    return {
      copy: kept,
      problem: problem('service-access', 'warning', service.name)
    };
  }
  return error instanceof RequestError
    ? {
        copy: kept,
        problem: problem('fetch-failed', 'error', error.detail, error.kind)
      }
    : {
        copy: kept,
        problem: problem('fetch-failed', 'error', String(error))
      };
}
