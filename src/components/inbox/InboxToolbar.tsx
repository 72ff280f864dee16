import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import {
  ExportFormat,
  IInboxState,
  InboxSession,
  mayPassOn
} from '../../report/inbox/session';
import { downloadText } from '../download';

const TYPES: { [format in ExportFormat]: string } = {
  json: 'application/json',
  csv: 'text/csv'
};

/**
 * The selection and what is done with it, passing on to the operator's
 * desk; and the export of every report routed to the viewer.
 */
export function InboxToolbar(props: {
  session: InboxSession;
  state: IInboxState;
  trans: TranslationBundle;
}): JSX.Element {
  const { session, state, trans } = props;
  const count = state.selected.size;
  const selectable = (state.reports ?? []).some(mayPassOn);
  const exportAs = async (format: ExportFormat) => {
    const text = await session.exportText(format);
    if (text !== undefined) {
      downloadText(text, TYPES[format], `hub-help-reports.${format}`);
    }
  };
  return (
    <div
      className="jp-HubHelp-editorActions jp-HubHelp-inboxToolbar"
      role="toolbar"
      aria-label={trans.__('Reports')}
    >
      <button
        type="button"
        className="jp-mod-styled jp-HubHelp-action"
        disabled={!selectable}
        onClick={() => session.selectAll()}
      >
        {trans.__('Choose all that can be passed on')}
      </button>
      <button
        type="button"
        className="jp-mod-styled jp-HubHelp-action"
        disabled={count === 0}
        onClick={() => session.clearSelection()}
      >
        {trans.__('Clear the choice')}
      </button>
      <button
        type="button"
        className="jp-mod-styled jp-mod-accept jp-HubHelp-action"
        disabled={count === 0 || state.busy}
        onClick={() => void session.passOn()}
      >
        {count === 0
          ? trans.__("Pass on to the operator's desk")
          : trans._n(
              "Pass %1 report on to the operator's desk",
              "Pass %1 reports on to the operator's desk",
              count
            )}
      </button>
      <button
        type="button"
        className="jp-mod-styled jp-HubHelp-action"
        disabled={state.busy}
        onClick={() => void exportAs('json')}
      >
        {trans.__('Export as JSON')}
      </button>
      <button
        type="button"
        className="jp-mod-styled jp-HubHelp-action"
        disabled={state.busy}
        onClick={() => void exportAs('csv')}
      >
        {trans.__('Export as CSV')}
      </button>
    </div>
  );
}
