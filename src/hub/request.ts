import { LIMITS } from '../metadata/limits';

/**
 * What went wrong with a request, for code that reacts to it and for the
 * sentence that tells an administrator (see describeReason).
 */
export type RequestFailure =
  | 'http'
  | 'not-json'
  | 'content-type'
  | 'too-large'
  | 'timeout'
  | 'redirect'
  | 'redirect-path'
  | 'redirect-site'
  | 'no-answer';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestFailure,
    /**
     * What the failure names, substituted into its sentence: the HTTP
     * status, the content type, the byte limit, the seconds waited, where a
     * redirect led, or the JSON parser's words.
     */
    readonly detail = '',
    /**
     * The HTTP status, 0 when no answer was read.
     */
    readonly status = 0
  ) {
    // For logs; people read the problem built from kind and detail.
    super(detail ? `${kind}: ${detail}` : kind);
  }
}

export interface IRequestOptions {
  fetch?: typeof fetch;
  /**
   * The whole exchange, body included, is abandoned after this long.
   */
  timeoutMs?: number;
  /**
   * A body longer than this is not read further.
   */
  maxBytes?: number;
}

export interface IJsonAnswer {
  response: Response;
  /**
   * The parsed body; undefined for 304 Not Modified.
   */
  body: unknown;
}

/**
 * GET `url` and read its JSON answer within the limits: one timeout covers
 * the headers and the body, and a body past `maxBytes` is not read further.
 * With `redirect: 'manual'` every redirect is refused (so that an
 * Authorization header can never follow one); otherwise a redirect that
 * ends on another site than `url`'s is refused.
 */
export async function getJson(
  url: string,
  init: RequestInit,
  options: IRequestOptions = {}
): Promise<IJsonAnswer> {
  return requestJson(url, { ...init, method: 'GET' }, options);
}

/**
 * Send a request and read its JSON answer within the same limits as
 * `getJson`. Statuses `accepts` approves (2xx by default) are answers whose
 * body is read; any other throws, as does a body that is not JSON.
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  options: IRequestOptions = {},
  accepts?: (status: number) => boolean
): Promise<IJsonAnswer> {
  const { response, text } = await requestText(
    url,
    init,
    options,
    accepts,
    JSON_TYPES
  );
  if (text === undefined) {
    return { response, body: undefined };
  }
  try {
    return { response, body: JSON.parse(text) };
  } catch (error) {
    throw new RequestError(
      'not-json',
      (error as Error).message,
      response.status
    );
  }
}

/**
 * An answer read as text; undefined for 304 Not Modified.
 */
export interface ITextAnswer {
  response: Response;
  text: string | undefined;
}

/**
 * Send a request and read its answer as text (a download such as CSV),
 * within the same limits and redirect rules as `requestJson`; a content
 * type that `types` does not match (a login page in HTML) throws.
 */
export async function requestText(
  url: string,
  init: RequestInit,
  options: IRequestOptions = {},
  accepts: (status: number) => boolean = status =>
    status >= 200 && status < 300,
  types: RegExp = TEXT_TYPES
): Promise<ITextAnswer> {
  const timeoutMs = options.timeoutMs ?? LIMITS.requestTimeoutMs;
  return withTimeout(timeoutMs, async signal => {
    let response: Response | undefined;
    try {
      response = await (options.fetch ?? fetch)(url, { ...init, signal });
      checkRedirect(url, response);
      if (response.status === 304) {
        return { response, text: undefined };
      }
      if (!accepts(response.status)) {
        throw new RequestError(
          'http',
          String(response.status),
          response.status
        );
      }
      checkContentType(response, types);
      const text = await readText(
        response,
        options.maxBytes ?? LIMITS.responseMaxBytes
      );
      return { response, text };
    } catch (error) {
      if (error instanceof RequestError) {
        throw error;
      }
      throw signal.aborted
        ? new RequestError('timeout', String(timeoutMs / 1000))
        : new RequestError('no-answer');
    } finally {
      // Whatever was not read is not downloaded (a no-op once it was read).
      response?.body?.cancel().catch(() => undefined);
    }
  });
}

/**
 * Run `request` with a signal that aborts after `timeoutMs`: the one timeout
 * of every request the extension makes (the Hub API, the metadata URL, the
 * server check). The timer ends with the request, so nothing is left waiting.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  request: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await request(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

function originOf(url: string): string {
  return new URL(url, globalThis.location?.href).origin;
}

function checkRedirect(url: string, response: Response): void {
  const { status } = response;
  // A browser hides a manual redirect's target (an opaque redirect).
  if (
    response.type === 'opaqueredirect' ||
    (status >= 300 && status < 400 && status !== 304)
  ) {
    const location = response.headers.get('Location');
    throw location
      ? redirectedTo(url, location, status)
      : new RequestError('redirect', '', status);
  }
  if (response.url && originOf(response.url) !== originOf(url)) {
    throw new RequestError('redirect-site', originOf(response.url), status);
  }
}

function redirectedTo(
  url: string,
  location: string,
  status: number
): RequestError {
  const target = new URL(location, new URL(url, globalThis.location?.href));
  return target.origin === originOf(url)
    ? new RequestError('redirect-path', target.pathname, status)
    : new RequestError('redirect-site', target.origin, status);
}

/**
 * Static hosts serve JSON files as text/plain or octet-stream too; anything
 * else (a login page in HTML, above all) is not the document.
 */
const JSON_TYPES =
  /^(application\/([\w.-]+\+)?json|text\/json|text\/plain|application\/octet-stream)$/;

/**
 * What a text download may be: CSV, plain text, or JSON.
 */
const TEXT_TYPES = /^(text\/csv|text\/plain|application\/json)$/;

function checkContentType(response: Response, types: RegExp): void {
  const type = (response.headers.get('Content-Type') ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type && !types.test(type)) {
    throw new RequestError('content-type', type, response.status);
  }
}

async function readText(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new RequestError('too-large', String(maxBytes), response.status);
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    throw tooLarge();
  }
  if (!response.body) {
    return '';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      size += value.byteLength;
      if (size > maxBytes) {
        throw tooLarge();
      }
      chunks.push(value);
    }
  } finally {
    // Stops the download after the limit, a timeout or an error.
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => {
    bytes.set(chunk, offset);
    return offset + chunk.byteLength;
  }, 0);
  return new TextDecoder().decode(bytes);
}
