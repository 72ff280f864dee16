// The announcements plugin's eager half, run before JupyterLab's restore;
// ./notifications is loaded with the model after it.
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { PluginIDs } from '../../ids';
import { IHubHelp, TRANSLATION_DOMAIN } from '../../tokens';

/**
 * Operator announcements in JupyterLab's notification centre, each once per
 * session, with a button that dismisses it for good (as the panel does).
 * They are added silently (no pop-up): the panel already shows them, and the
 * notification bell counts them.
 */
export const announcementsPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.announcements,
  description:
    "Shows the hub's announcements in JupyterLab's notification centre.",
  autoStart: true,
  requires: [IHubHelp],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hubHelp: IHubHelp,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    void hubHelp.modelReady.then(async model => {
      const { followAnnouncements } = await import('./notifications');
      followAnnouncements(model, trans);
    });
  }
};
