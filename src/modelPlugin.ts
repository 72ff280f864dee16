import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import {
  ITranslator,
  nullTranslator,
  TranslationBundle
} from '@jupyterlab/translation';

// Needed at activation: the model is provided at once.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { readHubContext } from './hub';
import { PLUGIN_ID } from './ids';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { HubHelpModel } from './model';
import { IHubHelpModel, TRANSLATION_DOMAIN } from './tokens';

/**
 * Loads hub metadata from the settings, the metadata URL and the live hub,
 * and provides the model every other part reads.
 */
export const modelPlugin: JupyterFrontEndPlugin<HubHelpModel> = {
  id: PLUGIN_ID,
  description:
    'Merges hub metadata from settings, the metadata URL and the live JupyterHub, resolved for the person looking.',
  autoStart: true,
  provides: IHubHelpModel,
  optional: [ISettingRegistry, ITranslator, IStateDB],
  activate: (
    app: JupyterFrontEnd,
    registry: ISettingRegistry | null,
    translator: ITranslator | null,
    state: IStateDB | null
  ): HubHelpModel => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    const model = new HubHelpModel({
      hub: readHubContext(name => PageConfig.getOption(name)),
      token: PageConfig.getToken(),
      language: translator.languageCode ?? 'en',
      trans,
      hasCommand: id => app.commands.hasCommand(id),
      state
    });

    // Nothing here delays JupyterLab's start: the settings are checked and
    // merged, and the hub is asked, only once the application is restored.
    void app.restored.then(async () => {
      await model.load();
      if (registry) {
        await loadSettings(registry, model, trans);
      } else {
        // No settings at all: the built-in catalogue and the live hub.
        model.setSettings({ document: {}, problems: [], positions: {} });
      }
      model.startPolling();
    });
    return model;
  }
};

/**
 * Load the settings through the guard that checks the operator's values,
 * and follow their changes.
 */
async function loadSettings(
  registry: ISettingRegistry,
  model: HubHelpModel,
  trans: TranslationBundle
): Promise<void> {
  const { OperatorSettingsGuard } = await import('./settings');
  const guard = new OperatorSettingsGuard(trans);
  guard.register(registry);
  try {
    const settings = await registry.load(PLUGIN_ID);
    const update = () => model.setSettings(guard.read(settings));
    settings.changed.connect(update);
    update();
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
