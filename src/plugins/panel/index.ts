// The panel plugin's eager half, run before JupyterLab's restore: the
// panel's tab is there at once; its views (./content) are loaded after the
// restore, ahead of the first showing.
import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { SidePanel } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import { Panel } from '@lumino/widgets';

import { hubHelpIcon } from '../../icons';
import { idle } from '../../idle';
import { CommandIDs, PluginIDs } from '../../ids';
import { IHubHelp, TRANSLATION_DOMAIN } from '../../tokens';

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

/**
 * The Get help side panel: JupyterLab's side panel chrome with a stable id
 * for the layout restorer. Its tab is there from the start, but its toolbar
 * and views are loaded and rendered only when it is first shown.
 */
export class HubHelpSidebar extends SidePanel {
  constructor(options: HubHelpSidebar.IOptions) {
    const { translator } = options;
    super({ content: new Panel(), translator });
    this._options = options;
    // Loaded ahead, once the model is and the browser is idle: the panel
    // must still open after the server has gone away.
    this._views = options.hubHelp.modelReady
      .then(() => idle())
      .then(() => import('./content'));
    void Promise.all([this._views, options.hubHelp.modelReady]).then(
      ([{ prepareViews }, model]) => prepareViews(model)
    );
    const trans = translator.load(TRANSLATION_DOMAIN);
    this.id = HubHelpSidebar.ID;
    this.addClass('jp-HubHelp');
    this.title.icon = hubHelpIcon;
    this.title.caption = trans.__('Get help');
    this.content.node.setAttribute('aria-label', trans.__('Get help'));
    this.toolbar.node.setAttribute('aria-label', trans.__('Get help toolbar'));
  }

  /**
   * The first showing fills the panel; every showing asks the hub again
   * when what the panel shows is not recent.
   */
  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._filled ??= this._fill();
    void this._filled.then(() => this._options.hubHelp.model?.refreshIfStale());
  }

  private async _fill(): Promise<void> {
    const { hubHelp, commands, translator } = this._options;
    const [{ fillPanel }, model] = await Promise.all([
      this._views,
      hubHelp.modelReady
    ]);
    fillPanel(this, {
      model,
      commands,
      trans: translator.load(TRANSLATION_DOMAIN)
    });
  }

  private _options: HubHelpSidebar.IOptions;
  private _views: Promise<typeof import('./content')>;
  private _filled: Promise<void> | null = null;
}

export namespace HubHelpSidebar {
  /**
   * The widget id: stable, so the layout restorer and `activateById` find it.
   */
  export const ID = 'jp-hub-help-panel';

  export interface IOptions {
    hubHelp: IHubHelp;
    commands: CommandRegistry;
    translator: ITranslator;
  }
}
