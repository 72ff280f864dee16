// The model plugin's lazy half, loaded after JupyterLab's restore.
import { JupyterFrontEnd } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';

import { readHubContext } from '../../hub/context';
import { idle } from '../../idle';
import { PLUGIN_ID } from '../../ids';
import { NO_SETTINGS } from '../../metadata/layers';
import { HubHelpModel } from '../../model';
import { TRANSLATION_DOMAIN } from '../../tokens';
import { OperatorSettingsGuard } from './settings';

export interface IStartOptions {
  app: JupyterFrontEnd;
  /**
   * The page's paths; without them (a shell that provides none) there is no
   * hub.
   */
  paths: JupyterFrontEnd.IPaths | null;
  registry: ISettingRegistry | null;
  translator: ITranslator;
  state: IStateDB | null;
}

/**
 * Create the model, then load its sources in the background: the views show
 * that it is loading until the settings are read (`model.ready`).
 */
export function startModel(options: IStartOptions): HubHelpModel {
  const { app, paths, registry, translator, state } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const model = new HubHelpModel({
    hub: readHubContext(
      {
        ...paths?.urls,
        // Not among JupyterLab's paths.
        hubServerUser: PageConfig.getOption('hubServerUser')
      },
      window.location.origin
    ),
    token: PageConfig.getToken(),
    language: translator.languageCode ?? 'en',
    trans,
    hasCommand: id => app.commands.hasCommand(id),
    state
  });
  void model
    .load()
    .then(() =>
      registry
        ? loadSettings(registry, model, trans)
        : // No settings at all: the built-in catalogue and the live hub.
          model.setSettings(NO_SETTINGS)
    )
    .then(() => model.startPolling());
  return model;
}

/**
 * Load the settings through the guard that checks the operator's values,
 * and follow their changes.
 */
async function loadSettings(
  registry: ISettingRegistry,
  model: HubHelpModel,
  trans: TranslationBundle
): Promise<void> {
  const guard = new OperatorSettingsGuard(trans);
  guard.register(registry);
  try {
    const settings = await registry.load(PLUGIN_ID);
    // JupyterLab compiled our schema in this task: the operator's values are
    // checked in slices from the next idle moment on, the user's at the one
    // after, and the model built in slices, so that no task runs long while
    // someone starts to type.
    await guard.checkOperator();
    await idle();
    // The user's values are few; the metadata built from them with the
    // operator's is built in slices too.
    const update = () => model.setSettingsInSlices(guard.read(settings));
    settings.changed.connect(() => void update());
    await update();
  } catch (reason) {
    // The user's own settings are invalid: keep the operator's values.
    model.setSettings(guard.operator, [
      {
        source: 'settings',
        path: '$',
        code: 'unreadable-settings',
        params: [describeError(reason)],
        severity: 'error'
      }
    ]);
  }
}

function describeError(reason: unknown): string {
  if (Array.isArray(reason)) {
    return reason
      .map(e =>
        `${e.instancePath || e.dataPath || '$'} ${e.message ?? ''}`.trim()
      )
      .join('; ');
  }
  return reason instanceof Error ? reason.message : String(reason);
}
