import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';

import {
  InboxSession,
  IStoredReport,
  mayPassOn,
  TriageAction,
  triageActions
} from '../../report/inbox/session';
import { affectedLabel } from '../../report/categories';
import { IsolatedText, OperatorText } from '../OperatorText';
import { IRowProps } from '../VirtualRows';
import { reportStatusLine } from '../ReportStatus';
import { actionLabel, eventLine, filedLine } from './words';

export interface IReportRowProps {
  report: IStoredReport;
  row: IRowProps;
  session: InboxSession;
  selected: boolean;
  busy: boolean;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
  categoryLabel: (id: string) => string;
  at: (iso: string) => string;
  language: string;
  trans: TranslationBundle;
  /**
   * Called once the row is rendered: the last row read asks for the next
   * page.
   */
  onShown?: () => void;
}

/**
 * One report of the inbox: the box that chooses it to pass on, what it is
 * about and where it stands; opened, all it says, every recorded step and
 * what may be done to it. Everything the report holds renders as text.
 */
export function ReportRow(props: IReportRowProps): JSX.Element {
  const { report, row, session, trans, at, expanded } = props;
  const category = props.categoryLabel(report.category);
  const detailsId = `jp-HubHelp-report-${report.reference}`;
  const Caret = expanded ? caretDownIcon : caretRightIcon;
  const { onShown } = props;
  // Once when the row comes to ask, not at each render's new function.
  React.useEffect(() => onShown?.(), [onShown !== undefined]);
  return (
    <li {...row} className="jp-HubHelp-inboxRow" data-status={report.status}>
      <div className="jp-HubHelp-inboxLine">
        <input
          type="checkbox"
          checked={props.selected}
          disabled={!mayPassOn(report) && !props.selected}
          aria-label={trans.__('Choose %1 to pass on', report.reference)}
          onChange={() => session.toggle(report)}
        />
        <button
          type="button"
          className="jp-HubHelp-inboxToggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => props.onExpand(!expanded)}
        >
          <Caret.react tag="span" className="jp-HubHelp-caret" />
          <span className="jp-HubHelp-inboxRef">{report.reference}</span>
          <span className="jp-HubHelp-inboxCategory">
            <OperatorText>{category}</OperatorText>
          </span>
          <span className="jp-HubHelp-inboxSummary">
            <OperatorText>{report.summary}</OperatorText>
          </span>
        </button>
        <span className="jp-HubHelp-inboxStatus">
          <IsolatedText
            text={reportStatusLine(report, trans, props.language)}
          />
        </span>
      </div>
      <p className="jp-HubHelp-muted jp-HubHelp-inboxFiled">
        <IsolatedText text={filedLine(report, at, trans)} />
      </p>
      {expanded && (
        <div id={detailsId} className="jp-HubHelp-inboxDetails">
          <Details report={report} trans={trans} />
          <h4 className="jp-HubHelp-minorHeading">{trans.__('History')}</h4>
          <ol
            className="jp-HubHelp-inboxEvents"
            aria-label={trans.__('History of %1', report.reference)}
          >
            {report.events.map((event, i) => (
              <li key={i}>
                <IsolatedText text={eventLine(event, at, trans)} />
                {event.note && (
                  <p className="jp-HubHelp-inboxText">
                    <OperatorText>{event.note}</OperatorText>
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Actions {...props} />
        </div>
      )}
    </li>
  );
}

/**
 * What the reporter wrote, each part that they gave.
 */
function Details(props: {
  report: IStoredReport;
  trans: TranslationBundle;
}): JSX.Element {
  const { report, trans } = props;
  const parts: [string, string][] = [
    [trans.__('Description'), report.description],
    [trans.__('Who is affected'), affectedLabel(report.affected, trans)],
    [trans.__('Page'), report.pagePath],
    [trans.__('Diagnostics'), report.diagnostics]
  ];
  return (
    <dl className="jp-HubHelp-inboxFields">
      {parts
        .filter(([, value]) => value)
        .map(([name, value]) => (
          <React.Fragment key={name}>
            <dt>{name}</dt>
            <dd className="jp-HubHelp-inboxText">
              <OperatorText>{value}</OperatorText>
            </dd>
          </React.Fragment>
        ))}
    </dl>
  );
}

/**
 * The triage actions the report's status allows, and the note: internal
 * unless it is for the reporter; a resolution's note is the reporter's.
 */
function Actions(props: IReportRowProps): JSX.Element {
  const { report, session, trans, busy } = props;
  const [note, setNote] = React.useState('');
  const [toReporter, setToReporter] = React.useState(false);
  const actions = triageActions(report);
  const noteId = `jp-HubHelp-note-${report.reference}`;
  const run = async (action: TriageAction) => {
    const done = await session.act(report, action, {
      note: action === 'note' || action === 'resolve' ? note.trim() : '',
      toReporter
    });
    if (done && (action === 'note' || action === 'resolve')) {
      setNote('');
    }
  };
  return (
    <div className="jp-HubHelp-inboxActions">
      <label htmlFor={noteId}>{trans.__('Note')}</label>
      <textarea
        id={noteId}
        className="jp-mod-styled"
        rows={2}
        value={note}
        onChange={e => setNote(e.currentTarget.value)}
      />
      <label className="jp-HubHelp-inboxCheck">
        <input
          type="checkbox"
          checked={toReporter}
          onChange={e => setToReporter(e.currentTarget.checked)}
        />
        {trans.__('The reporter sees this note')}
      </label>
      <p className="jp-HubHelp-muted">
        {trans.__(
          'A note is internal unless the reporter sees it; resolving sends the note, if any, to the reporter.'
        )}
      </p>
      <div className="jp-HubHelp-editorActions">
        {actions.map(action => (
          <button
            key={action}
            type="button"
            className="jp-mod-styled jp-HubHelp-action"
            disabled={busy || (action === 'note' && !note.trim())}
            onClick={() => void run(action)}
          >
            {actionLabel(action, trans)}
          </button>
        ))}
      </div>
    </div>
  );
}
