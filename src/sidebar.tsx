import * as React from 'react';

import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import {
  bugIcon,
  CommandToolbarButton,
  ReactWidget,
  SidePanel,
  Toolbar
} from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import { Panel } from '@lumino/widgets';

import { HelpPanel } from './components/HelpPanel';
import { RefreshItem } from './components/PanelToolbar';
import { hubHelpIcon } from './icons';
import { CommandIDs } from './ids';
import { HubHelpModel } from './model';
import { TRANSLATION_DOMAIN } from './tokens';

/**
 * The Get help side panel: JupyterLab's side panel chrome (a toolbar with
 * the last update, refresh and "report a problem") around the React views,
 * with a stable id for the layout restorer.
 */
export class HubHelpSidebar extends SidePanel {
  constructor(options: HubHelpSidebar.IOptions) {
    const translator = options.translator ?? nullTranslator;
    super({ content: new Panel(), translator });
    const { model, commands } = options;
    const trans = translator.load(TRANSLATION_DOMAIN);
    this._model = model;
    this.id = HubHelpSidebar.ID;
    this.addClass('jp-HubHelp');
    this.title.icon = hubHelpIcon;
    this.title.caption = trans.__('Get help');
    this.content.node.setAttribute('aria-label', trans.__('Get help'));

    this.toolbar.node.setAttribute('aria-label', trans.__('Get help toolbar'));
    this.toolbar.addItem(
      'refresh',
      ReactWidget.create(<RefreshItem model={model} trans={trans} />)
    );
    this.toolbar.addItem('spacer', Toolbar.createSpacerItem());
    this._report = new CommandToolbarButton({
      commands,
      id: CommandIDs.reportProblem,
      icon: bugIcon,
      // The icon alone keeps the toolbar on one line in a narrow sidebar.
      label: '',
      caption: trans.__('Report a problem or outage')
    });

    const body = ReactWidget.create(
      <HelpPanel model={model} commands={commands} trans={trans} />
    );
    this.addWidget(body);
  }

  /**
   * Show "report a problem" in the toolbar; called once the command exists,
   * since the report plugin may be disabled.
   */
  addReportButton(): void {
    this.toolbar.addItem('report', this._report);
  }

  /**
   * Opening the panel asks the hub again when what it shows is not recent.
   */
  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._model.refreshIfStale();
  }

  private _model: HubHelpModel;
  private _report: CommandToolbarButton;
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
