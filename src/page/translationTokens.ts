// The one constant JupyterLab's Gettext takes from its package's tokens
// (scripts/build-pages.mjs puts this module in that file's place).
export const DEFAULT_LANGUAGE_CODE = 'en';
