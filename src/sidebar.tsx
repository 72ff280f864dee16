import * as React from 'react';

import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';

import { HelpPanel } from './components/HelpPanel';
import { hubHelpIcon } from './icons';
import { HubHelpModel } from './model';
import { TRANSLATION_DOMAIN } from './tokens';

/**
 * The Get help side panel: a stable id for the layout restorer, the help icon
 * and a translated caption around the React views.
 */
export class HubHelpSidebar extends ReactWidget {
  constructor(options: HubHelpSidebar.IOptions) {
    super();
    this._options = options;
    const trans = (options.translator ?? nullTranslator).load(
      TRANSLATION_DOMAIN
    );
    this.id = HubHelpSidebar.ID;
    this.addClass('jp-HubHelp');
    this.title.icon = hubHelpIcon;
    this.title.caption = trans.__('Get help');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', trans.__('Get help'));
  }

  /**
   * Opening the panel asks the hub again when what it shows is not recent.
   */
  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._options.model.refreshIfStale();
  }

  protected render(): JSX.Element {
    const { model, commands, translator } = this._options;
    return (
      <HelpPanel
        model={model}
        commands={commands}
        trans={(translator ?? nullTranslator).load(TRANSLATION_DOMAIN)}
      />
    );
  }

  private _options: HubHelpSidebar.IOptions;
}

export namespace HubHelpSidebar {
  /**
   * The widget id: stable, so the layout restorer and `activateById` find it.
   */
  export const ID = 'jp-hub-help-panel';

  export interface IOptions {
    model: HubHelpModel;
    commands: CommandRegistry;
    translator?: ITranslator;
  }
}
