import * as React from 'react';

import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';

import { hubHelpIcon } from './icons';
import { TRANSLATION_DOMAIN } from './tokens';

/**
 * The Get help side panel: a stable id for the layout restorer, the help icon
 * and a translated caption. Its content is rendered by React views.
 */
export class HubHelpSidebar extends ReactWidget {
  constructor(translator: ITranslator = nullTranslator) {
    super();
    const trans = translator.load(TRANSLATION_DOMAIN);
    this._trans = trans;
    this.id = HubHelpSidebar.ID;
    this.addClass('jp-HubHelp');
    this.title.icon = hubHelpIcon;
    this.title.caption = trans.__('Get help');
  }

  protected render(): JSX.Element {
    const trans = this._trans;
    return (
      <section className="jp-HubHelp-body" aria-label={trans.__('Get help')}>
        <h2 className="jp-HubHelp-title">{trans.__('Get help')}</h2>
        <p>{trans.__('Who runs this hub and who can help you.')}</p>
      </section>
    );
  }

  private _trans: ReturnType<ITranslator['load']>;
}

export namespace HubHelpSidebar {
  /**
   * The widget id: stable, so the layout restorer and `activateById` find it.
   */
  export const ID = 'jp-hub-help-panel';
}
