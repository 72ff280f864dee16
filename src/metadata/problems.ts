import { PROBLEM_CODES } from '../generated/shared';
import { englishTrans, ITrans } from './trans';
import { SourceId } from './types';

/**
 * What is wrong with a piece of metadata. Each code has its message (a few
 * have one for each value of a parameter), written in plain words and
 * translated where it is shown. The list is shared with the Python
 * validator (jupyterlab_hub_help/shared.json).
 */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface IProblem {
  source: SourceId;
  /**
   * Where in the source, as a JSON path such as `$.people[2].contact.email`
   * (`$` for the whole source).
   */
  path: string;
  code: ProblemCode;
  /**
   * Values substituted into the message (%1, %2...). For `fetch-failed` and
   * `hub-unreachable`, the second is the kind of failure (RequestFailure, or
   * "not-http"), which picks the sentence; for `type`, the first is the JSON
   * type expected.
   */
  params: string[];
  /**
   * `error`: the entry or field was left out. `warning`: it was kept.
   */
  severity: 'error' | 'warning';
}

/**
 * The reason, in plain words: the rest of a sentence whose subject is the
 * place named before it (a JSON path).
 */
export function describeReason(
  problem: IProblem,
  trans: ITrans = englishTrans
): string {
  const [a, b] = problem.params;
  switch (problem.code) {
    case 'type':
      return typeReason(a, trans);
    case 'required':
      return trans.__('is missing "%1", which is required', a);
    case 'unknown-field':
      return trans.__('has a field "%1" that this format does not know', a);
    case 'enum':
      return trans.__('must be one of: %1', a);
    case 'pattern':
      return trans.__(
        'is not a valid id: use lowercase letters, digits and "-"'
      );
    case 'empty':
      return trans.__('must not be empty');
    case 'minimum':
      return trans.__('must be at least %1', a);
    case 'maximum':
      return trans.__('must be at most %1', a);
    case 'localized':
      return trans.__('must be text, or a map from language code to text');
    case 'keywords':
      return trans.__(
        'must be a list of words, or a map from language code to a list of words'
      );
    case 'announcement':
      return trans.__('must be text, or an object with a "text" field');
    case 'unsafe-link':
      return trans.__(
        'is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"'
      );
    case 'bad-date':
      return trans.__(
        'is not an ISO 8601 date and time, such as 2026-01-31T18:00:00Z'
      );
    case 'bad-email':
      return trans.__('is not an email address');
    case 'repeated-item':
      return trans.__('lists a value more than once, so none of it is used');
    case 'invalid':
      return trans.__('is not valid: %1', a);
    case 'emptied':
      return trans.__('was left out because of the problems inside it');
    case 'too-many-problems':
      return trans.__('has too many problems to check, so none of it is used');
    case 'unknown-role':
      return trans.__('names the role "%1", which is not defined', a);
    case 'duplicate-id':
      return trans.__(
        'repeats the id "%1"; only the first entry with it is used',
        a
      );
    case 'missing-command':
      return trans.__(
        'names the command "%1", which this JupyterLab does not have',
        a
      );
    case 'no-representative':
      return trans.__('lists no Community Representative');
    case 'too-many-representatives':
      return trans.__(
        'lists %1 Community Representatives; a community has one or two',
        a
      );
    case 'not-json':
      return trans.__('is not valid JSON: %1', a);
    case 'unreadable-settings':
      return trans.__('could not be read: %1', a);
    case 'fetch-failed':
      return fetchFailure(a, b, trans);
    case 'hub-unreachable':
      return hubFailure(a, b, trans);
    case 'too-large':
      return trans.__(
        'is too large (%1 characters; at most %2 are read), so none of it is used',
        a,
        b
      );
    case 'too-deep':
      return trans.__(
        'nests lists and objects more than %1 deep, so none of it is used',
        a
      );
    case 'not-allowed':
      return trans.__(
        'is ignored: the metadata URL may set it only when the hub help settings list "%1" in "metadataUrlMaySet"',
        a
      );
    case 'settings-only':
      return trans.__('is ignored: only the hub help settings may set it');
    case 'not-community':
      return trans.__(
        'is ignored: the community help service may set only %1',
        a
      );
    case 'service-access':
      return trans.__(
        "cannot be read with this page's token: the operator grants 'access:services!service=%1' to users and in Spawner.oauth_client_allowed_scopes",
        a
      );
    case 'newer-format':
      return trans.__(
        'is written for format version %1, newer than this extension reads (%2): update jupyterlab-hub-help; the fields it does not know are ignored',
        a,
        b
      );
    default:
      return trans.__('is not valid: %1', b ?? a ?? '');
  }
}

/**
 * A `type` problem's reason: its parameter is the JSON type expected, as
 * the schema names it.
 */
function typeReason(type: string, trans: ITrans): string {
  switch (type) {
    case 'string':
      return trans.__('must be text');
    case 'object':
      return trans.__('must be an object');
    case 'array':
      return trans.__('must be a list');
    case 'boolean':
      return trans.__('must be true or false');
    case 'integer':
      return trans.__('must be a whole number');
    default:
      return trans.__('must be a number');
  }
}

/**
 * Why the metadata URL's document could not be fetched: `detail` is what the
 * failure names (a status, a type, a size, a place), `failure` the kind of
 * failure (see RequestFailure), which picks the sentence.
 */
function fetchFailure(detail: string, failure: string, trans: ITrans): string {
  switch (failure) {
    case 'not-http':
      return trans.__('could not be fetched: not an http or https URL');
    case 'http':
      return trans.__('could not be fetched: HTTP %1', detail);
    case 'content-type':
      return trans.__('could not be fetched: answered %1, not JSON', detail);
    case 'too-large':
      return trans.__(
        'could not be fetched: answer larger than %1 bytes',
        detail
      );
    case 'timeout':
      return trans.__('could not be fetched: timed out after %1 s', detail);
    case 'no-answer':
      return trans.__('could not be fetched: no answer');
    case 'redirect':
      return trans.__('could not be fetched: redirected');
    case 'redirect-path':
      return trans.__('could not be fetched: redirected to %1', detail);
    case 'redirect-site':
      return trans.__(
        'could not be fetched: redirected to another site %1',
        detail
      );
    default:
      return trans.__('could not be fetched: %1', detail);
  }
}

/**
 * Why a Hub API request failed, as fetchFailure.
 */
function hubFailure(detail: string, failure: string, trans: ITrans): string {
  switch (failure) {
    case 'http':
      return trans.__('did not answer: HTTP %1', detail);
    case 'not-json':
      return trans.__('did not answer: not JSON: %1', detail);
    case 'content-type':
      return trans.__('did not answer: answered %1, not JSON', detail);
    case 'too-large':
      return trans.__('did not answer: answer larger than %1 bytes', detail);
    case 'timeout':
      return trans.__('did not answer: timed out after %1 s', detail);
    case 'no-answer':
      return trans.__('did not answer: no answer');
    case 'redirect':
      return trans.__('did not answer: redirected');
    case 'redirect-path':
      return trans.__('did not answer: redirected to %1', detail);
    case 'redirect-site':
      return trans.__('did not answer: redirected to another site %1', detail);
    default:
      return trans.__('did not answer: %1', detail);
  }
}

/**
 * The source's name, in plain words.
 */
export function describeSource(
  source: SourceId,
  trans: ITrans = englishTrans
): string {
  switch (source) {
    case 'defaults':
      return trans.__('built-in defaults');
    case 'settings':
      return trans.__('hub help settings');
    case 'metadata-url':
      return trans.__('metadata URL');
    case 'community':
      return trans.__('community help service');
    case 'hub':
      return trans.__('JupyterHub API');
  }
}

/**
 * One line for an administrator: source, path and reason.
 */
export function describeProblem(
  problem: IProblem,
  trans: ITrans = englishTrans
): string {
  return trans._p(
    'problem: source, JSON path, reason',
    '%1, %2: %3',
    describeSource(problem.source, trans),
    problem.path,
    describeReason(problem, trans)
  );
}

/**
 * Split a JSON pointer (`/people/2/contact/email`) into its keys.
 */
export function pointerKeys(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A JSON path (`$.people[2].contact.email`) from keys and array indices.
 */
export function jsonPath(keys: (string | number)[]): string {
  return keys.reduce<string>(
    (path, key) =>
      typeof key === 'number' || /^\d+$/.test(key)
        ? `${path}[${key}]`
        : /^[A-Za-z_][\w-]*$/.test(key)
          ? `${path}.${key}`
          : `${path}[${JSON.stringify(key)}]`,
    '$'
  );
}
