import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { HTMLSelect } from '@jupyterlab/ui-components';

import { affectedChoices } from '../report/categories';
import type {
  IPreparedReport,
  IReportSummary,
  IReportValues,
  ReportAction,
  ReportReason,
  ReportSummary
} from '../report';
import { formatTime } from '../metadata/localize';
import { isolate } from '../metadata/text';
import { IsolatedText } from './OperatorText';
import { RouteView } from './Route';
import { SafeLink } from './SafeLink';

export interface IReportFormProps {
  report: IPreparedReport;
  trans: TranslationBundle;
  language: string;
  /**
   * The person changed one of the values.
   */
  onChange: (patch: Partial<IReportValues>) => void;
  /**
   * How many others reported the chosen category lately, when told.
   */
  others?: IReportSummary;
}

/**
 * The report form: what is wrong, then one line saying where the report
 * goes, with who receives it and why, and the exact text, a click away.
 */
export function ReportForm(props: IReportFormProps): JSX.Element {
  const { report, trans, language, onChange, others } = props;
  const { values } = report;
  const email = report.actions.find(
    (a): a is Extract<ReportAction, { kind: 'email' }> => a.kind === 'email'
  );
  return (
    <form
      className="jp-HubHelp-report"
      onSubmit={event => event.preventDefault()}
    >
      <label className="jp-HubHelp-label" htmlFor="jp-HubHelp-report-category">
        {trans.__('What kind of problem is it?')}
      </label>
      <HTMLSelect
        id="jp-HubHelp-report-category"
        value={values.categoryId}
        onChange={event => onChange({ categoryId: event.currentTarget.value })}
      >
        {report.categories.map(c => (
          // An option holds only text: dir="auto" isolates it.
          <option key={c.id} value={c.id} dir="auto">
            {c.label}
          </option>
        ))}
      </HTMLSelect>
      {others && (
        <p className="jp-HubHelp-reportOthers" aria-live="polite">
          <IsolatedText text={othersLine(others, trans, language)} />
        </p>
      )}
      <label
        className="jp-HubHelp-label"
        htmlFor="jp-HubHelp-report-description"
      >
        {trans.__('What do you see, and since when?')}
      </label>
      <textarea
        id="jp-HubHelp-report-description"
        className="jp-mod-styled jp-HubHelp-textarea"
        rows={4}
        value={values.description}
        onChange={event => onChange({ description: event.currentTarget.value })}
      />
      <fieldset className="jp-HubHelp-affected">
        <legend>{trans.__('Who is affected?')}</legend>
        {affectedChoices(trans).map(([value, label]) => (
          <label key={value} className="jp-HubHelp-radio">
            <input
              type="radio"
              name="jp-HubHelp-affected"
              value={value}
              checked={values.affected === value}
              onChange={() => onChange({ affected: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {/* Read out again when another category changes where it goes. */}
      <p className="jp-HubHelp-reportSummary" aria-live="polite">
        <IsolatedText text={summaryLine(report.summary, trans)} />
      </p>
      {email?.trimmed && (
        <p className="jp-HubHelp-muted">
          {trans.__(
            'The email is shortened to fit a link: copy the report and paste the full text into it.'
          )}
        </p>
      )}
      {email && email.omitted.length > 0 && (
        <p className="jp-HubHelp-muted">
          {trans._n(
            'One more recipient does not fit in an email link: copy the report and send it to them too.',
            '%1 more recipients do not fit in an email link: copy the report and send it to them too.',
            email.omitted.length
          )}
        </p>
      )}
      {report.statusPage && (
        <p>
          <SafeLink href={report.statusPage}>
            {trans.__('Check the status page first')}
          </SafeLink>
        </p>
      )}

      <details className="jp-HubHelp-reportDetails">
        <summary id="jp-HubHelp-report-recipients">
          {trans.__('Who receives it')}
        </summary>
        <section aria-labelledby="jp-HubHelp-report-recipients">
          <p className="jp-HubHelp-why">
            <IsolatedText text={whyLine(report.reason, trans)} />
          </p>
          <RouteView route={report.route} trans={trans} language={language} />
          {report.responseTimes.length > 0 && (
            <p className="jp-HubHelp-muted">
              <IsolatedText
                text={trans.__(
                  'Expected answer: %1',
                  isolate(report.responseTimes.map(isolate).join('; '))
                )}
              />
            </p>
          )}
        </section>
      </details>
      <details className="jp-HubHelp-reportDetails">
        <summary id="jp-HubHelp-report-text-label">
          {trans.__('The report that will be sent')}
        </summary>
        <textarea
          id="jp-HubHelp-report-text"
          aria-labelledby="jp-HubHelp-report-text-label"
          className="jp-mod-styled jp-HubHelp-textarea jp-HubHelp-reportText"
          readOnly
          rows={12}
          value={report.text}
        />
      </details>
    </form>
  );
}

/**
 * The line that says where the report goes; operator text isolated.
 */
function summaryLine(summary: ReportSummary, trans: TranslationBundle): string {
  switch (summary.kind) {
    case 'self':
      return trans.__('You handle reports like this one yourself.');
    case 'nobody':
      return trans.__(
        'Nobody is listed for %1: copy the report and give it to someone who can help.',
        isolate(summary.role)
      );
    case 'shared': {
      const to = isolate(summary.addresses.map(isolate).join(', '));
      return summary.responseTime
        ? trans.__(
            'To: %1 (%2), usually answered %3',
            isolate(summary.role),
            to,
            isolate(summary.responseTime)
          )
        : trans.__('To: %1 (%2)', isolate(summary.role), to);
    }
    case 'people':
      return summary.responseTime
        ? trans._n(
            'To: %2 (%1 person), usually answered %3',
            'To: %2 (%1 people), usually answered %3',
            summary.count,
            isolate(summary.role),
            isolate(summary.responseTime)
          )
        : trans._n(
            'To: %2 (%1 person)',
            'To: %2 (%1 people)',
            summary.count,
            isolate(summary.role)
          );
    case 'role':
      return summary.responseTime
        ? trans.__(
            'To: %1, usually answered %2',
            isolate(summary.role),
            isolate(summary.responseTime)
          )
        : trans.__('To: %1', isolate(summary.role));
  }
}

/**
 * Why the report goes there, for this viewer; role labels isolated.
 */
function whyLine(reason: ReportReason, trans: TranslationBundle): string {
  switch (reason.kind) {
    case 'self':
      return trans.__('You handle reports like this one yourself.');
    case 'user':
      return trans.__(
        'Hub users report problems to: %1. What cannot be solved there is taken further up.',
        isolate(reason.target)
      );
    case 'role':
      return trans.__(
        'As %1, you take problems you cannot solve to %2.',
        isolate(reason.held),
        isolate(reason.target)
      );
  }
}

/**
 * "Is it just me": counts and who is on it, never who reported.
 */
function othersLine(
  others: IReportSummary,
  trans: TranslationBundle,
  language: string
): string {
  const count =
    others.others === 0
      ? trans._n(
          'Nobody else reported this in the last minute.',
          'Nobody else reported this in the last %1 minutes.',
          others.windowMinutes
        )
      : trans._n(
          '%1 other person reported this in the last %2 minutes.',
          '%1 others reported this in the last %2 minutes.',
          others.others,
          others.windowMinutes
        );
  if (!others.acknowledged) {
    return count;
  }
  return `${count} ${trans.__(
    '%1 is looking into it since %2.',
    isolate(others.acknowledged.by),
    formatTime(new Date(others.acknowledged.at), language)
  )}`;
}
