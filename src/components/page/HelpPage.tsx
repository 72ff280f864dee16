import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { copyText } from '../../clipboard';
import type { ReportSession } from '../../report';
import { Header } from '../Header';
import { People } from '../People';
import { SessionReportActions, SessionReportForm } from '../ReportSessionViews';
import { SafeLink } from '../SafeLink';
import { Section } from '../Section';
import { TaskFinder } from '../TaskFinder';
import { IHelpAnswers } from '../viewProps';

export interface IHelpPageProps {
  answers: IHelpAnswers;
  trans: TranslationBundle;
  /**
   * The report being written, while the form is open.
   */
  report: ReportSession | null;
  onReport: () => void;
  onCloseReport: () => void;
}

/**
 * The hub's help outside JupyterLab: the panel's answers for the person
 * looking (who runs the hub, announcements and the status note, "I want
 * to…", the people), and a report form, open in place.
 */
export function HelpPage(props: IHelpPageProps): JSX.Element {
  const { answers, trans, report } = props;
  const views = { model: answers, trans, commands: null };
  return (
    <div className="jp-HubHelp jp-HubHelp-page">
      <nav className="jp-HubHelp-pageNav">
        <SafeLink href={answers.hub.urls.home}>
          {trans.__('Back to the hub')}
        </SafeLink>
      </nav>
      <main className="jp-HubHelp-body">
        <h1 className="jp-HubHelp-pageTitle">{trans.__('Get help')}</h1>
        <Header {...views} />
        {report ? (
          <Section id="report" title={trans.__('Report a problem or outage')}>
            <ReportPart session={report} {...props} />
          </Section>
        ) : (
          <p>
            <button
              type="button"
              className="jp-mod-styled jp-mod-accept jp-HubHelp-action"
              onClick={props.onReport}
            >
              {trans.__('Report a problem or outage')}
            </button>
          </p>
        )}
        <TaskFinder {...views} />
        <People model={answers} trans={trans} />
      </main>
    </div>
  );
}

function ReportPart(
  props: IHelpPageProps & { session: ReportSession }
): JSX.Element {
  const { session, trans, answers, onCloseReport } = props;
  // Opened from a button or a hub page's link: the form is where to be.
  React.useEffect(() => {
    document.getElementById('jp-HubHelp-report-category')?.focus();
  }, [session]);
  return (
    <div className="jp-HubHelp-pageReport">
      <SessionReportForm
        session={session}
        trans={trans}
        language={answers.language}
      />
      <div className="jp-HubHelp-reportActions">
        <SessionReportActions
          session={session}
          trans={trans}
          copy={copyText}
          onClose={onCloseReport}
        />
      </div>
    </div>
  );
}
