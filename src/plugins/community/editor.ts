// The community plugin's lazy half, loaded with the model after JupyterLab's
// restore.
import { TranslationBundle } from '@jupyterlab/translation';

import { BoxPanel } from '@lumino/widgets';

import { CommunityEditor } from '../../community/CommunityEditor';
import { HubHelpModel } from '../../model';
import '../../styles';
import { firstCheck } from '../firstCheck';
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
    trans: TranslationBundle;
  }
): Promise<void> {
  const { model } = options;
  await firstCheck(model);
  if (panel.isDisposed) {
    // Closed while it loaded.
    return;
  }
  const editor = new CommunityEditor({
    model,
    trans: options.trans,
    tab: panel.tab,
    onTabChosen: tab => panel.choose(tab)
  });
  panel.editor = editor;
  BoxPanel.setStretch(editor, 1);
  panel.addWidget(editor);
}
