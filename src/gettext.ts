import { TranslationBundle } from '@jupyterlab/translation';

import { Gettext } from './metadata/types';

/**
 * The metadata and report layers take a plain gettext function so that they
 * stay free of JupyterLab; their strings are literals in their own __() calls.
 */
export function toGettext(trans: TranslationBundle): Gettext {
  // eslint-disable-next-line jupyter/no-dynamic-translation
  return (msgid, ...args) => trans.__(msgid, ...args);
}
