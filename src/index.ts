import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { modelPlugin } from './modelPlugin';
import { panelPlugin } from './panelPlugin';
import { reportPlugin } from './reportPlugin';

const plugins: JupyterFrontEndPlugin<any>[] = [
  modelPlugin,
  panelPlugin,
  reportPlugin
];

export default plugins;
