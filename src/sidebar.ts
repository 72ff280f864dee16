import { ITranslator } from '@jupyterlab/translation';
import { SidePanel } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import { Panel } from '@lumino/widgets';

import { hubHelpIcon } from './icons';
import { idle } from './idle';
import { TRANSLATION_DOMAIN, IHubHelp } from './tokens';

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
      .then(() => import('./panelContent'));
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
  private _views: Promise<typeof import('./panelContent')>;
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
