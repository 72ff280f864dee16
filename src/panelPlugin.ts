import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { hubHelpIcon } from './icons';
import { CommandIDs, PluginIDs } from './ids';
// The panel's tab is shown at once; its views are loaded when first shown.
import { HubHelpSidebar } from './sidebar';
import { IHubHelp, TRANSLATION_DOMAIN } from './tokens';

/**
 * Rank of the panel in the right sidebar (third-party range is 501-899).
 */
const SIDEBAR_RANK = 650;

/**
 * The Get help side panel and the command that opens it.
 */
export const panelPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.panel,
  description:
    'Adds the Get help side panel and the command that opens it from the palette and the Help menu.',
  autoStart: true,
  requires: [IHubHelp],
  optional: [ITranslator, ILayoutRestorer, ICommandPalette, ILabShell],
  activate: (
    app: JupyterFrontEnd,
    hubHelp: IHubHelp,
    translator: ITranslator | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    labShell: ILabShell | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    const sidebar = new HubHelpSidebar({
      hubHelp,
      commands: app.commands,
      translator
    });

    app.shell.add(sidebar, 'right', { rank: SIDEBAR_RANK });
    if (restorer) {
      restorer.add(sidebar, sidebar.id);
    }

    app.commands.addCommand(CommandIDs.open, {
      label: trans.__('Get Help with This Hub'),
      caption: trans.__('Open the Get help panel'),
      icon: args => (args['isPalette'] ? undefined : hubHelpIcon),
      describedBy: {
        args: {
          type: 'object',
          properties: {
            isPalette: {
              type: 'boolean',
              description: trans.__('Whether the command runs from the palette')
            }
          }
        }
      },
      execute: () => {
        // Notebook 7 has no ILabShell; its shell still activates side panels by id.
        if (labShell) {
          labShell.expandRight();
        }
        app.shell.activateById(sidebar.id);
      }
    });

    if (palette) {
      palette.addItem({
        command: CommandIDs.open,
        category: trans.__('Help'),
        args: { isPalette: true }
      });
    }
  }
};
