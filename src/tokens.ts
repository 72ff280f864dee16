import { Token } from '@lumino/coreutils';

import type { HubHelpModel } from './model';

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
