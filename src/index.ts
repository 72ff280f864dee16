import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { announcementsPlugin } from './announcementsPlugin';
import { modelPlugin } from './modelPlugin';
import { panelPlugin } from './panelPlugin';
import { reportPlugin } from './reportPlugin';

const plugins: JupyterFrontEndPlugin<any>[] = [
  modelPlugin,
  panelPlugin,
  reportPlugin,
  announcementsPlugin
];

export default plugins;
