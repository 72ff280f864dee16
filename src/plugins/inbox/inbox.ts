// The reports inbox plugin's lazy half, loaded with the model after
// JupyterLab's restore.
import { TranslationBundle } from '@jupyterlab/translation';
import { BoxPanel } from '@lumino/widgets';

import { ReportsInbox } from '../../components/inbox/ReportsInbox';
import { HubHelpModel } from '../../model';
import '../../styles';
import { firstCheck } from '../firstCheck';

/**
 * Put the inbox in its place in the main area. A reopened inbox waits for
 * the model's first check: until then nobody is known to triage.
 */
export async function fillInbox(
  panel: BoxPanel,
  options: { model: HubHelpModel; trans: TranslationBundle }
): Promise<void> {
  await firstCheck(options.model);
  if (panel.isDisposed) {
    // Closed while it loaded.
    return;
  }
  const inbox = new ReportsInbox(options);
  BoxPanel.setStretch(inbox, 1);
  panel.addWidget(inbox);
}
