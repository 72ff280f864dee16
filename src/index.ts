import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { announcementsPlugin } from './plugins/announcements';
import { communityPlugin } from './plugins/community';
import { modelPlugin } from './plugins/model';
import { panelPlugin } from './plugins/panel';
import { reportPlugin } from './plugins/report';
import { reportsInboxPlugin } from './plugins/inbox';

const plugins: JupyterFrontEndPlugin<any>[] = [
  modelPlugin,
  panelPlugin,
  reportPlugin,
  announcementsPlugin,
  communityPlugin,
  reportsInboxPlugin
];

export default plugins;
