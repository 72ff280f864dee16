import * as React from 'react';

import { UseSignal } from '@jupyterlab/ui-components';

import { copyText } from '../clipboard';
import { formatTime } from '../metadata/localize';
import { isolate } from '../metadata/text';
import { IQueuedReport, IStoredReport, reportCategoryLabel } from '../report';
import { IsolatedText } from './OperatorText';
import { reportStatusLine } from './ReportStatus';
import { Section } from './Section';
import { IViewProps } from './viewProps';

/**
 * The viewer's reports to this hub's helpers: those waiting to be sent,
 * then those the hub help service keeps, with where each stands and the
 * notes addressed to them. Nothing when they have none.
 */
export function YourReports(props: IViewProps): JSX.Element | null {
  const { yourReports } = props.model;
  return (
    <UseSignal signal={yourReports.changed}>
      {() => {
        const queued = yourReports.queued;
        const stored = yourReports.reports ?? [];
        if (!queued.length && !stored.length) {
          return null;
        }
        return (
          <Section id="your-reports" title={props.trans.__('Your reports')}>
            <ul className="jp-HubHelp-yourReports">
              {queued.map(q => (
                <Queued key={q.key} {...props} queued={q} />
              ))}
              {stored.map(r => (
                <Stored key={r.reference} {...props} report={r} />
              ))}
            </ul>
          </Section>
        );
      }}
    </UseSignal>
  );
}

function Queued(props: IViewProps & { queued: IQueuedReport }): JSX.Element {
  const { model, trans, queued } = props;
  const label = reportCategoryLabel(
    queued.record.category,
    model.metadata,
    model.language,
    trans
  );
  return (
    <li className="jp-HubHelp-yourReport jp-mod-queued">
      <div className="jp-HubHelp-yourReportTitle">
        <IsolatedText text={label} />
      </div>
      <p className="jp-HubHelp-muted">
        {queued.refused
          ? trans.__('The hub did not take it (%1).', queued.refused)
          : trans.__(
              'Waiting to send: written at %1, sent once the hub answers.',
              formatTime(new Date(queued.queuedAt), model.language)
            )}
      </p>
      <div className="jp-HubHelp-editorActions">
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-action"
          onClick={() => void copyText(queued.text)}
        >
          {trans.__('Copy report')}
        </button>
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-action"
          onClick={() => model.yourReports.discard(queued.key)}
        >
          {trans.__('Discard')}
        </button>
      </div>
    </li>
  );
}

function Stored(props: IViewProps & { report: IStoredReport }): JSX.Element {
  const { model, trans, report } = props;
  const [refusal, setRefusal] = React.useState('');
  const service = model.community.service;
  const label = reportCategoryLabel(
    report.category,
    model.metadata,
    model.language,
    trans
  );
  const notes = report.events.filter(e => e.kind === 'note' && e.note);
  const open = report.status === 'received' || report.status === 'acknowledged';
  return (
    <li className="jp-HubHelp-yourReport">
      <div className="jp-HubHelp-yourReportTitle">
        <span className="jp-HubHelp-reference">{report.reference}</span>{' '}
        <IsolatedText text={label} />
      </div>
      <p className="jp-HubHelp-muted">
        {reportStatusLine(report, trans, model.language)}
      </p>
      {report.resolved?.note && (
        <p className="jp-HubHelp-reportNote">
          <IsolatedText text={report.resolved.note} />
        </p>
      )}
      {notes.map((note, index) => (
        <p key={index} className="jp-HubHelp-reportNote">
          <IsolatedText
            text={trans.__(
              '%1 wrote at %2: %3',
              isolate(note.by),
              formatTime(new Date(note.at), model.language),
              isolate(note.note ?? '')
            )}
          />
        </p>
      ))}
      {open && service && (
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-action"
          onClick={() =>
            void model.yourReports
              .withdraw(service.reports, report.reference)
              .then(message => setRefusal(message ?? ''))
          }
        >
          {trans.__('Withdraw')}
        </button>
      )}
      {refusal && (
        <p className="jp-HubHelp-muted" role="alert">
          {refusal}
        </p>
      )}
    </li>
  );
}
