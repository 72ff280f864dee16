import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';

import { hubHelpIcon } from '../icons';
import { PLUGIN_ID } from '../ids';
import { HubHelpModel } from '../model';
import '../styles';
import { CommunityEditor, EditorTab } from './CommunityEditor';

let opened: MainAreaWidget<CommunityEditor> | null = null;

/**
 * Open the editor in the main area on `tab`, or bring the open one forward.
 */
export async function openEditor(options: {
  app: JupyterFrontEnd;
  model: HubHelpModel;
  registry: ISettingRegistry;
  translator: ITranslator;
  trans: TranslationBundle;
  tab: EditorTab;
}): Promise<void> {
  const { app, trans, tab } = options;
  if (opened && !opened.isDisposed) {
    opened.content.showTab(tab);
    app.shell.activateById(opened.id);
    return;
  }
  // The schema as JupyterLab holds it: translated, as the Settings Editor shows it.
  const [{ schema }, { default: validator }] = await Promise.all([
    options.registry.load(PLUGIN_ID),
    // JupyterLab's own copy, shared with its Settings Editor.
    import('@rjsf/validator-ajv8')
  ]);
  const content = new CommunityEditor({
    model: options.model,
    schema,
    validator: validator as any,
    translator: options.translator,
    trans,
    tab
  });
  opened = new MainAreaWidget({ content });
  opened.id = 'jp-HubHelp-editor';
  opened.title.label = trans.__('Edit Hub Help');
  opened.title.icon = hubHelpIcon;
  opened.title.closable = true;
  app.shell.add(opened, 'main');
  app.shell.activateById(opened.id);
}
