/**
 * Every id other code and the settings schema agree on: plugins, commands and
 * the built-in roles. Free of JupyterLab imports, so that the metadata and
 * report layers can use it too. What the Python side shares comes from
 * jupyterlab_hub_help/shared.json, through the generated module.
 */
import { PLUGIN_ID, ROLES } from './generated/shared';

/**
 * Plugin ids; `model` is also the settings id.
 */
export namespace PluginIDs {
  export const model = PLUGIN_ID;
  export const panel = 'jupyterlab-hub-help:panel';
  export const report = 'jupyterlab-hub-help:report';
  export const announcements = 'jupyterlab-hub-help:announcements';
  export const community = 'jupyterlab-hub-help:community';
  export const reportsInbox = 'jupyterlab-hub-help:reports-inbox';
}

/**
 * The settings id, also accepted as a wrapper around a metadata URL's
 * document so that operators can serve their overrides file as it is.
 */
export { PLUGIN_ID };

/**
 * Command ids, as the menus declared in the settings schema name them.
 */
export namespace CommandIDs {
  export const open = 'hub-help:open';
  export const reportProblem = 'hub-help:report-problem';
  export const contact = 'hub-help:contact';
  export const copyDiagnostics = 'hub-help:copy-diagnostics';
  export const openStatusPage = 'hub-help:open-status-page';
  export const editCommunity = 'hub-help:edit-community';
  export const openReportsInbox = 'hub-help:open-reports-inbox';
}

/**
 * The built-in roles the code itself reasons about.
 */
export const RoleIDs = ROLES;

/**
 * The translation domain of every string this extension shows.
 */
export const TRANSLATION_DOMAIN = 'jupyterlab_hub_help';
