import * as React from 'react';

import { Dialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';

import type { ReportSession } from '../report';
import { SessionReportActions, SessionReportForm } from './ReportSessionViews';

export interface IReportDialogOptions {
  session: ReportSession;
  trans: TranslationBundle;
  language: string;
  /**
   * Put text on the clipboard.
   */
  copy: (text: string) => Promise<void>;
}

/**
 * Show the report dialog: the form as its body, the ways to send the report
 * as its footer, both rendering the session's state. Resolves once the
 * dialog is closed, whichever way; the session is then closed too.
 */
export async function showReportDialog(
  options: IReportDialogOptions
): Promise<void> {
  const { session, trans, language, copy } = options;
  const body = ReactWidget.create(
    <SessionReportForm session={session} trans={trans} language={language} />
  );
  body.addClass('jp-HubHelp-reportBody');
  const footer = ReactWidget.create(
    <SessionReportActions
      session={session}
      trans={trans}
      copy={copy}
      onClose={() => dialog.reject()}
    />
  );
  footer.addClass('jp-Dialog-footer');
  footer.addClass('jp-HubHelp-reportActions');
  const dialog = new ReportDialog({
    title: trans.__('Report a problem or outage'),
    body,
    buttons: [],
    renderer: new FooterRenderer(footer),
    focusNodeSelector: '#jp-HubHelp-report-category'
  });
  dialog.addClass('jp-HubHelp-reportDialog');
  // Disposed of while open (JupyterLab closing every dialog) is closed too.
  await dialog.launch().catch(() => undefined);
  session.close();
}

/**
 * A dialog whose footer holds its own links and buttons: Enter activates the
 * focused one, or ends a line of the description, as anywhere else; it never
 * picks an action by itself.
 */
class ReportDialog extends Dialog<void> {
  protected _evtKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.stopPropagation();
      return;
    }
    super._evtKeydown(event);
  }
}

/**
 * Puts a ready-made widget where the dialog's footer goes.
 */
class FooterRenderer extends Dialog.Renderer {
  constructor(private _footer: Widget) {
    super();
  }

  createFooter(): Widget {
    return this._footer;
  }
}
