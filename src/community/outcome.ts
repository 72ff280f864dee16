import { TranslationBundle } from '@jupyterlab/translation';

import { EditResult } from '../hub/community';

/**
 * What an edit came to, in the editor's words: saved, refused with the
 * problems the service named, or failed with its reason.
 */
export function describeRefusal(
  result: Extract<EditResult, { kind: 'refused' }>,
  trans: TranslationBundle
): string {
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
