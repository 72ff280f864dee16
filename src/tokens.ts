import { Token } from '@lumino/coreutils';

import type { HubHelpModel } from './model';

export { TRANSLATION_DOMAIN } from './ids';

/**
 * Hub help as the other plugins reach it. The model is loaded once
 * JupyterLab is restored, so that none of its code or work delays the start.
 */
export interface IHubHelp {
  /**
   * The model once loaded; null before.
   */
  readonly model: HubHelpModel | null;
  /**
   * Resolves with the model once it is loaded.
   */
  readonly modelReady: Promise<HubHelpModel>;
}

/**
 * The hub help model: merged hub metadata, resolved for the person looking.
 */
export const IHubHelp = new Token<IHubHelp>(
  'jupyterlab-hub-help:IHubHelp',
  'Hub metadata merged from settings, the metadata URL and the live hub, resolved for the person looking; loaded after JupyterLab starts.'
);
