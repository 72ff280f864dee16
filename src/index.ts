import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { modelPlugin } from './modelPlugin';
import { panelPlugin } from './panelPlugin';

const plugins: JupyterFrontEndPlugin<any>[] = [modelPlugin, panelPlugin];

export default plugins;
