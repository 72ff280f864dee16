// The model plugin's eager half, run before JupyterLab's restore; the rest
// of it (./start and what that imports) is loaded after the restore.
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { PromiseDelegate } from '@lumino/coreutils';

import { idle } from '../../idle';
import { PLUGIN_ID } from '../../ids';
import type { HubHelpModel } from '../../model';
import { IHubHelp } from '../../tokens';

/**
 * Loads hub metadata from the settings, the metadata URL and the live hub,
 * and provides the model every other part reads.
 */
export const modelPlugin: JupyterFrontEndPlugin<IHubHelp> = {
  id: PLUGIN_ID,
  description:
    'Merges hub metadata from settings, the metadata URL and the live JupyterHub, resolved for the person looking.',
  autoStart: true,
  provides: IHubHelp,
  optional: [ISettingRegistry, ITranslator, IStateDB, JupyterFrontEnd.IPaths],
  activate: (
    app: JupyterFrontEnd,
    registry: ISettingRegistry | null,
    translator: ITranslator | null,
    state: IStateDB | null,
    paths: JupyterFrontEnd.IPaths | null
  ): IHubHelp => {
    const loaded = new PromiseDelegate<HubHelpModel>();
    const hubHelp: {
      model: HubHelpModel | null;
      modelReady: Promise<HubHelpModel>;
    } = { model: null, modelReady: loaded.promise };
    // Nothing here delays JupyterLab's start: the model's code is fetched,
    // the settings checked and the hub asked once the application is
    // restored and the browser idle.
    void app.restored
      .then(() => idle())
      .then(() => import('./start'))
      .then(({ startModel }) =>
        startModel({
          app,
          paths,
          registry,
          translator: translator ?? nullTranslator,
          state
        })
      )
      .then(model => {
        hubHelp.model = model;
        loaded.resolve(model);
      });
    return hubHelp;
  }
};
