import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { readHubContext } from './hub';
import { PLUGIN_ID } from './metadata';
import { HubHelpModel } from './model';
import { OperatorSettingsGuard } from './settings';
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
      // The metadata layer's strings are literals in its own __() calls.
      // eslint-disable-next-line jupyter/no-dynamic-translation
      gettext: (msgid, ...args) => trans.__(msgid, ...args),
      hasCommand: id => app.commands.hasCommand(id),
      state
    });

    const guard = new OperatorSettingsGuard();
    if (registry) {
      guard.register(registry);
      registry
        .load(PLUGIN_ID)
        .then(settings => {
          const update = () =>
            model.setSettings(
              settings.composite as { [key: string]: unknown },
              guard.problems
            );
          settings.changed.connect(update);
          update();
        })
        .catch(reason => {
          // The user's own settings are invalid: keep the operator's values.
          model.setSettings(guard.operatorValues, [
            ...guard.problems,
            {
              source: 'settings',
              path: '$',
              code: 'unreadable-settings',
              params: [describeError(reason)],
              severity: 'error'
            }
          ]);
        });
    } else {
      model.setSettings({});
    }

    // No request before JupyterLab is restored: its start must not wait.
    void app.restored.then(() => model.start());
    return model;
  }
};

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
