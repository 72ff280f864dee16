import { Gettext } from '@jupyterlab/translation/lib/gettext';
import type { TranslationBundle } from '@jupyterlab/translation';

import { TRANSLATION_DOMAIN } from '../ids';

/**
 * The extension's translations, as the service serves the catalogue that
 * JupyterLab loads, read by JupyterLab's own Gettext, and the language they
 * are in (a BCP 47 tag: "fr-FR", "en").
 */
export interface IPageTranslations {
  trans: TranslationBundle;
  language: string;
}

/**
 * The translations in `language` (a locale directory name such as "fr_FR";
 * "auto": the service chooses from the browser's languages). Any failure
 * leaves English, which every string is written in.
 */
export async function loadTranslations(
  serviceUrl: string,
  language: string
): Promise<IPageTranslations> {
  const english = {
    trans: new Gettext({ domain: TRANSLATION_DOMAIN }),
    language: 'en'
  };
  if (language === 'en') {
    return english;
  }
  try {
    const response = await fetch(
      `${serviceUrl}locale/${encodeURIComponent(language)}`,
      { credentials: 'omit' }
    );
    const data = response.ok ? await response.json() : {};
    const meta = data[''] ?? {};
    if (typeof meta.language !== 'string' || meta.language === 'en') {
      return english;
    }
    const trans = new Gettext({
      domain: TRANSLATION_DOMAIN,
      locale: meta.language
    });
    // As JupyterLab's translation manager hands a catalogue to Gettext.
    trans.loadJSON(
      { ...data, '': { ...meta, pluralForms: meta.plural_forms } },
      TRANSLATION_DOMAIN
    );
    return { trans, language: meta.language };
  } catch {
    return english;
  }
}
