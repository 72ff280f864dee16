/**
 * A source's last good document, kept between sessions so that the panel
 * still shows it while the source cannot be reached: the metadata URL's
 * (./remote) and the community help service's (./communityCopy).
 */
export interface IKeptCopy {
  document: { [key: string]: unknown };
  etag?: string;
  fetchedAt: string;
}

/**
 * What a source answered: unchanged since the ETag it was given (a 304), or
 * a body and its ETag.
 */
export interface IDocumentAnswer {
  notModified: boolean;
  body?: unknown;
  etag?: string;
}

/**
 * Why a copy was kept: what the request threw, or `NOT_AN_OBJECT`.
 */
export const NOT_AN_OBJECT = Symbol('not an object');

export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a value read back from storage has the fields every copy has, and
 * the string fields `required` and `optional` name: storage may hold
 * anything an older release, or another hand, put there.
 */
export function isStoredCopy(
  value: unknown,
  required: string[],
  optional: string[] = []
): value is IKeptCopy {
  return (
    isObject(value) &&
    isObject(value.document) &&
    typeof value.fetchedAt === 'string' &&
    required.every(key => typeof value[key] === 'string') &&
    ['etag', ...optional].every(key =>
      ['undefined', 'string'].includes(typeof value[key])
    )
  );
}

/**
 * Ask a source for its document, revalidating `kept` with its ETag: an
 * unchanged document keeps the copy (as fetched now), an object replaces it
 * (`fresh` adds what the copy stands for). On any failure `kept` stays and
 * `failure` says why.
 */
export async function revalidateCopy<C extends IKeptCopy>(options: {
  kept: C | undefined;
  ask: (etag: string | undefined) => Promise<IDocumentAnswer>;
  fresh: (copy: IKeptCopy) => C;
  now: () => Date;
}): Promise<{ copy?: C; failure?: unknown }> {
  const { kept } = options;
  try {
    const answer = await options.ask(kept?.etag);
    const fetchedAt = options.now().toISOString();
    if (answer.notModified && kept) {
      return { copy: { ...kept, fetchedAt } };
    }
    if (!isObject(answer.body)) {
      return { copy: kept, failure: NOT_AN_OBJECT };
    }
    return {
      copy: options.fresh({
        document: answer.body,
        etag: answer.etag,
        fetchedAt
      })
    };
  } catch (error) {
    return { copy: kept, failure: error };
  }
}
