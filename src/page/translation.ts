import { Gettext } from '@jupyterlab/translation/lib/gettext';
import type { TranslationBundle } from '@jupyterlab/translation';

import { TRANSLATION_DOMAIN } from '../ids';

/**
 * The extension's own translations in `language` (a locale directory name
 * such as "fr_FR", or "en"), as the service serves the catalogue that
 * JupyterLab loads: the same strings, read by JupyterLab's own Gettext. Any
 * failure leaves English, which every string is written in.
 */
export async function loadTranslations(
  serviceUrl: string,
  language: string
): Promise<TranslationBundle> {
  const bundle = new Gettext({ domain: TRANSLATION_DOMAIN, locale: language });
  if (language === 'en') {
    return bundle;
  }
  try {
    const response = await fetch(
      `${serviceUrl}locale/${encodeURIComponent(language)}`,
      { credentials: 'omit' }
    );
    if (response.ok) {
      const data = await response.json();
      const meta = data[''] ?? {};
      // As JupyterLab's translation manager hands a catalogue to Gettext.
      bundle.loadJSON(
        { ...data, '': { ...meta, pluralForms: meta.plural_forms } },
        TRANSLATION_DOMAIN
      );
    }
  } catch {
    // English it is.
  }
  return bundle;
}
