import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { announcementsPlugin } from './plugins/announcements';
import { communityPlugin } from './plugins/community';
import { modelPlugin } from './plugins/model';
import { panelPlugin } from './plugins/panel';
import { reportPlugin } from './plugins/report';

const plugins: JupyterFrontEndPlugin<any>[] = [
  modelPlugin,
  panelPlugin,
  reportPlugin,
  announcementsPlugin,
  communityPlugin
];

export default plugins;
