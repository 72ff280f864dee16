import { TranslationBundle } from '@jupyterlab/translation';

import type { EditorTab } from './CommunityEditor';

/**
 * The name of an editor tab: also how the history names a section.
 */
export function tabLabel(tab: EditorTab, trans: TranslationBundle): string {
  switch (tab) {
    case 'people':
      return trans.__('People');
    case 'announcements':
      return trans.__('Announcements');
    case 'status':
      return trans.__('Status note');
    case 'tasks':
      return trans.__('Task notes');
    case 'history':
      return trans.__('History');
  }
}
