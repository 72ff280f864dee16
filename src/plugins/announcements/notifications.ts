// The announcements plugin's lazy half, loaded with the model after
// JupyterLab's restore.
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { localize } from '../../metadata/localize';
import { isolate } from '../../metadata/text';
import { HubHelpModel } from '../../model';

/**
 * Keep JupyterLab's notification centre in step with the announcements the
 * model says are visible: each shown once per session, with a button that
 * dismisses it for good, and taken away once dismissed or withdrawn.
 */
export function followAnnouncements(
  model: HubHelpModel,
  trans: TranslationBundle
): void {
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
  update();
}
