// The community plugin's lazy half, loaded with the model after JupyterLab's
// restore.
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';

import { BoxPanel } from '@lumino/widgets';

import { CommunityEditor } from '../../community/CommunityEditor';
import { PLUGIN_ID } from '../../ids';
import { HubHelpModel } from '../../model';
import '../../styles';
import type { EditorPanel } from '.';

/**
 * Put the editor in its place in the main area, on the tab the panel holds.
 * A reopened editor waits for the model's first check: until then nobody is
 * known to be allowed to edit.
 */
export async function fillEditor(
  panel: EditorPanel,
  options: {
    model: HubHelpModel;
    registry: ISettingRegistry;
    translator: ITranslator;
    trans: TranslationBundle;
  }
): Promise<void> {
  const { model } = options;
  // The schema as JupyterLab holds it: translated, as the Settings Editor shows it.
  const [{ schema }, { default: validator }] = await Promise.all([
    options.registry.load(PLUGIN_ID),
    // JupyterLab's own copy, shared with its Settings Editor.
    import('@rjsf/validator-ajv8'),
    firstCheck(model)
  ]);
  if (panel.isDisposed) {
    // Closed while it loaded.
    return;
  }
  const editor = new CommunityEditor({
    model,
    schema,
    validator: validator as any,
    translator: options.translator,
    trans: options.trans,
    tab: panel.tab,
    onTabChosen: tab => panel.choose(tab)
  });
  panel.editor = editor;
  BoxPanel.setStretch(editor, 1);
  panel.addWidget(editor);
}

/**
 * Resolves once the model has asked its sources (and the service who may
 * edit) at least once.
 */
function firstCheck(model: HubHelpModel): Promise<void> {
  return new Promise(resolve => {
    const checked = () => {
      if (model.lastCheck) {
        model.checkChanged.disconnect(checked);
        resolve();
      }
    };
    model.checkChanged.connect(checked);
    checked();
  });
}
