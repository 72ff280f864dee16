/**
 * Command ids of jupyterlab-hub-help, in one place so plugins, menus declared
 * in the settings schema and tests agree on them.
 */
export namespace CommandIDs {
  export const open = 'hub-help:open';
}

/**
 * The translation domain of every string this extension shows.
 */
export const TRANSLATION_DOMAIN = 'jupyterlab_hub_help';
