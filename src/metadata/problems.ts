import { Gettext, SourceId } from './types';

/**
 * What is wrong with a piece of metadata. Each code has one message, written
 * in plain words and translated where it is shown.
 */
export type ProblemCode =
  | 'type'
  | 'required'
  | 'unknown-field'
  | 'enum'
  | 'pattern'
  | 'empty'
  | 'minimum'
  | 'maximum'
  | 'localized'
  | 'announcement'
  | 'unsafe-link'
  | 'bad-date'
  | 'bad-email'
  | 'invalid'
  | 'emptied'
  | 'unknown-role'
  | 'duplicate-id'
  | 'missing-command'
  | 'no-representative'
  | 'too-many-representatives'
  | 'not-json'
  | 'unreadable-settings'
  | 'fetch-failed'
  | 'hub-unreachable'
  | 'too-large'
  | 'too-deep'
  | 'not-allowed'
  | 'newer-format';

export interface IProblem {
  source: SourceId;
  /**
   * Where in the source, as a JSON path such as `$.people[2].contact.email`
   * (`$` for the whole source).
   */
  path: string;
  code: ProblemCode;
  /**
   * Values substituted into the message (%1, %2...).
   */
  params: string[];
  /**
   * `error`: the entry or field was left out. `warning`: it was kept.
   */
  severity: 'error' | 'warning';
}

/**
 * The identity gettext, with %1-style substitution like JupyterLab's.
 */
export const plainGettext: Gettext = (msgid: string, ...args: any[]) =>
  msgid.replace(/%(\d+)/g, (match, n) => String(args[Number(n) - 1] ?? match));

/**
 * The reason, in plain words.
 */
export function describeReason(
  problem: IProblem,
  __: Gettext = plainGettext
): string {
  const [a, b] = problem.params;
  switch (problem.code) {
    case 'type':
      return __('must be %1', a);
    case 'required':
      return __('is missing "%1", which is required', a);
    case 'unknown-field':
      return __('has a field "%1" that this format does not know', a);
    case 'enum':
      return __('must be one of: %1', a);
    case 'pattern':
      return __('is not a valid id: use lowercase letters, digits and "-"');
    case 'empty':
      return __('must not be empty');
    case 'minimum':
      return __('must be at least %1', a);
    case 'maximum':
      return __('must be at most %1', a);
    case 'localized':
      return __('must be text, or a map from language code to text');
    case 'announcement':
      return __('must be text, or an object with a "text" field');
    case 'unsafe-link':
      return __(
        'is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"'
      );
    case 'bad-date':
      return __(
        'is not an ISO 8601 date and time, such as 2026-01-31T18:00:00Z'
      );
    case 'bad-email':
      return __('is not an email address');
    case 'invalid':
      return __('is not valid: %1', a);
    case 'emptied':
      return __('was left out because of the problems inside it');
    case 'unknown-role':
      return __('names the role "%1", which is not defined', a);
    case 'duplicate-id':
      return __('repeats the id "%1"; only the first entry with it is used', a);
    case 'missing-command':
      return __(
        'names the command "%1", which this JupyterLab does not have',
        a
      );
    case 'no-representative':
      return __('lists no Community Representative');
    case 'too-many-representatives':
      return __(
        'lists %1 Community Representatives; a community has one or two',
        a
      );
    case 'not-json':
      return __('is not valid JSON: %1', a);
    case 'unreadable-settings':
      return __('could not be read: %1', a);
    case 'fetch-failed':
      return __('could not be fetched: %1', a);
    case 'hub-unreachable':
      return __('did not answer: %1', a);
    case 'too-large':
      return __(
        'is too large (%1 characters; at most %2 are read), so none of it is used',
        a,
        b
      );
    case 'too-deep':
      return __(
        'nests lists and objects more than %1 deep, so none of it is used',
        a
      );
    case 'not-allowed':
      return __(
        'is ignored: the metadata URL may set it only when the hub help settings list "%1" in "metadataUrlMaySet"',
        a
      );
    case 'newer-format':
      return __(
        'is written for format version %1, newer than this extension reads (%2): update jupyterlab-hub-help; the fields it does not know are ignored',
        a,
        b
      );
    default:
      return __('is not valid: %1', b ?? a ?? '');
  }
}

/**
 * The source's name, in plain words.
 */
export function describeSource(
  source: SourceId,
  __: Gettext = plainGettext
): string {
  switch (source) {
    case 'defaults':
      return __('built-in defaults');
    case 'settings':
      return __('hub help settings');
    case 'metadata-url':
      return __('metadata URL');
    case 'hub':
      return __('JupyterHub API');
  }
}

/**
 * One line for an administrator: source, path and reason.
 */
export function describeProblem(
  problem: IProblem,
  __: Gettext = plainGettext
): string {
  return __(
    '%1, %2: %3',
    describeSource(problem.source, __),
    problem.path,
    describeReason(problem, __)
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
