import { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { HubHelpModel } from '../model';

/**
 * What every view receives: the model to read, the translation bundle, and
 * the command registry for buttons that run JupyterLab commands.
 */
export interface IViewProps {
  model: HubHelpModel;
  trans: TranslationBundle;
  commands: CommandRegistry;
}
