/**
 * The languages the package ships translations for (locale directory
 * names), given by scripts/build-pages.mjs from jupyterlab_hub_help/locale.
 */
declare const HUB_HELP_LANGUAGES: string[];

/**
 * The first of the browser's languages that is shipped, by its full tag
 * ("fr-CA" takes "fr_FR" when no "fr_CA" is shipped); "en" otherwise.
 */
export function pickLanguage(
  preferred: readonly string[],
  shipped: readonly string[] = HUB_HELP_LANGUAGES
): string {
  for (const tag of preferred) {
    const wanted = tag.replace('-', '_').toLowerCase();
    const base = wanted.split('_')[0];
    if (base === 'en') {
      return 'en';
    }
    const found =
      shipped.find(l => l.toLowerCase() === wanted) ??
      shipped.find(l => l.toLowerCase().split('_')[0] === base);
    if (found) {
      return found;
    }
  }
  return 'en';
}
