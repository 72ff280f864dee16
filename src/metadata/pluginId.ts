/**
 * The settings id, also accepted as a wrapper around a metadata URL's
 * document so that operators can serve their overrides file as it is.
 */
export const PLUGIN_ID = 'jupyterlab-hub-help:plugin';
