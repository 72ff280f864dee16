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

/**
 * The part of the model that the answers' views read (who runs the hub, "I
 * want to…", the people): the panel's model, or the help page's answers
 * (src/page), which has no JupyterLab around it.
 */
export type IHelpAnswers = Pick<
  HubHelpModel,
  | 'hub'
  | 'language'
  | 'metadata'
  | 'resolver'
  | 'seesConfiguration'
  | 'hubPage'
  | 'visibleAnnouncements'
  | 'dismiss'
>;

/**
 * What the answers' views receive. `commands` is JupyterLab's registry in
 * the panel, undefined in the editor's preview, and null on the help page,
 * where JupyterLab is not: self-service buttons then say where they are.
 */
export interface IAnswerProps {
  model: IHelpAnswers;
  trans: TranslationBundle;
  commands?: CommandRegistry | null;
}
