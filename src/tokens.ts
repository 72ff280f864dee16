import { Token } from '@lumino/coreutils';

import type { HubHelpModel } from './model';

/**
 * Command ids of jupyterlab-hub-help, in one place so plugins, menus declared
 * in the settings schema and tests agree on them.
 */
export namespace CommandIDs {
  export const open = 'hub-help:open';
  export const reportProblem = 'hub-help:report-problem';
  export const contact = 'hub-help:contact';
  export const copyDiagnostics = 'hub-help:copy-diagnostics';
  export const openStatusPage = 'hub-help:open-status-page';
}

/**
 * The translation domain of every string this extension shows.
 */
export const TRANSLATION_DOMAIN = 'jupyterlab_hub_help';

/**
 * The hub help model: merged hub metadata, resolved for the person looking.
 */
export const IHubHelpModel = new Token<HubHelpModel>(
  'jupyterlab-hub-help:IHubHelpModel',
  'Hub metadata merged from settings, the metadata URL and the live hub, resolved for the person looking.'
);
