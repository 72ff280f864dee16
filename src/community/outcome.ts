import { TranslationBundle } from '@jupyterlab/translation';

import type { EditResult } from '../hub/community';

/**
 * A change the service refused (or that did not reach it).
 */
export type Refusal = Extract<EditResult, { kind: 'refused' }>;

/**
 * Whether the service refused until the person signs in to it: the page's
 * token may read, but editing needs the service's own sign-in.
 */
export function needsSignIn(result: EditResult | null | undefined): boolean {
  return result?.kind === 'refused' && result.error === 'sign-in-required';
}

/**
 * Why the service refused a change, in the editor's words.
 */
export function describeRefusal(
  result: Refusal,
  trans: TranslationBundle
): string {
  if (needsSignIn(result)) {
    return trans.__(
      "Nothing was changed: editing this hub's help needs a sign-in to the hub help service of its own, so that a server you visit cannot change it in your name. Sign in, then try again."
    );
  }
  switch (result.status) {
    case 401:
    case 403:
      return trans.__(
        'The service refused the change: only hub admins, Community Representatives and holders of the edit scope may edit (%1).',
        result.message
      );
    case 0:
      return trans.__(
        'The service did not answer; nothing was changed. Try again later. (%1)',
        result.message
      );
    default:
      return trans.__(
        'The service refused the change (%1): %2',
        String(result.status),
        result.message
      );
  }
}
