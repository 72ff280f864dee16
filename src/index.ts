import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { announcementsPlugin } from './announcementsPlugin';
import { communityPlugin } from './communityPlugin';
import { modelPlugin } from './modelPlugin';
import { panelPlugin } from './panelPlugin';
import { reportPlugin } from './reportPlugin';

const plugins: JupyterFrontEndPlugin<any>[] = [
  modelPlugin,
  panelPlugin,
  reportPlugin,
  announcementsPlugin,
  communityPlugin
];

export default plugins;
