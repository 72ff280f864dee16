import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { isolate } from './components/OperatorText';
import { localize } from './metadata/localize';
import { HubHelpModel } from './model';
import { PluginIDs } from './ids';
import { IHubHelpModel, TRANSLATION_DOMAIN } from './tokens';

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
  requires: [IHubHelpModel],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    model: HubHelpModel,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    // Announcement id → notification id, for those shown this session.
    const shown = new Map<string, string>();
    const update = () => {
      if (!model.ready) {
        return;
      }
      const active = model.visibleAnnouncements();
      for (const announcement of active) {
        if (shown.has(announcement.id)) {
          continue;
        }
        const id = Notification.emit(
          isolate(localize(announcement.text, model.language)),
          announcement.severity,
          {
            autoClose: 0,
            actions: [
              {
                label: trans.__('Dismiss'),
                caption: trans.__('Do not show this announcement again'),
                callback: () => void model.dismiss(announcement.id)
              }
            ]
          }
        );
        shown.set(announcement.id, id);
      }
      // Dismissed in the panel, or withdrawn by the operator: take it away here too.
      for (const [announcementId, notificationId] of shown) {
        if (!active.some(a => a.id === announcementId)) {
          Notification.dismiss(notificationId);
        }
      }
    };
    model.changed.connect(update);
  }
};
