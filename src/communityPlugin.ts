import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import type { EditorTab } from './community/CommunityEditor';
import { CommandIDs, PluginIDs } from './ids';
import { IHubHelp, TRANSLATION_DOMAIN } from './tokens';

const TABS: EditorTab[] = [
  'people',
  'announcements',
  'status',
  'tasks',
  'history'
];

/**
 * The command that opens the editor of the community's part of the hub help,
 * for those the hub help service lets edit it.
 */
export const communityPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.community,
  description:
    "Lets Community Representatives and hub admins edit the community's people and announcements, kept by the hub help service.",
  autoStart: true,
  requires: [IHubHelp],
  optional: [ITranslator, ISettingRegistry, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    hubHelp: IHubHelp,
    translator: ITranslator | null,
    registry: ISettingRegistry | null,
    palette: ICommandPalette | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    // Only the service decides who may edit; this hides what it would refuse.
    const mayEdit = () =>
      !!registry && !!hubHelp.model?.community.viewer?.canEdit;

    app.commands.addCommand(CommandIDs.editCommunity, {
      label: trans.__("Edit the Community's Hub Help"),
      caption: trans.__(
        'Change the people and announcements every Get help panel shows'
      ),
      isVisible: mayEdit,
      isEnabled: mayEdit,
      describedBy: {
        args: {
          type: 'object',
          properties: {
            tab: {
              type: 'string',
              enum: TABS,
              description: trans.__('The part to open')
            }
          }
        }
      },
      execute: async args => {
        const tab = TABS.includes(args['tab'] as EditorTab)
          ? (args['tab'] as EditorTab)
          : 'people';
        const [model, { openEditor }] = await Promise.all([
          hubHelp.modelReady,
          import('./community/openEditor')
        ]);
        await openEditor({
          app,
          model,
          registry: registry!,
          translator: translator!,
          trans,
          tab
        });
      }
    });

    if (palette) {
      palette.addItem({
        command: CommandIDs.editCommunity,
        category: trans.__('Help')
      });
    }
  }
};
