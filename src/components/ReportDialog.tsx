import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { HTMLSelect } from '@jupyterlab/ui-components';

import { localize } from '../metadata/localize';
import { IRoute } from '../metadata/resolve';
import { HubHelpModel } from '../model';
import {
  Affected,
  composeReport,
  IDiagnostics,
  prepareDelivery,
  reportTargets
} from '../report';
import { IChannel } from '../metadata/types';
import { toGettext } from '../gettext';
import { isolate, IsolatedText } from './OperatorText';
import { RouteView } from './Route';
import { Section } from './Section';
import { SafeLink } from './SafeLink';

export interface IReportFormProps {
  model: HubHelpModel;
  trans: TranslationBundle;
  /**
   * Diagnostics now, and once the hub and the server have been asked.
   */
  diagnostics: IDiagnostics;
  checked: Promise<IDiagnostics>;
  copy: (text: string) => Promise<void>;
}

const OTHER = 'something-else';

/**
 * The report form: what is wrong, who receives it and why, and the exact
 * text, sent by email or form, or copied.
 */
export function ReportForm(props: IReportFormProps): JSX.Element {
  const { model, trans, copy } = props;
  const { metadata, resolver, language } = model;
  const [categoryId, setCategoryId] = React.useState(
    metadata.outageCategories[0]?.id ?? OTHER
  );
  const [description, setDescription] = React.useState('');
  const [affected, setAffected] = React.useState<Affected>('unknown');
  const [diagnostics, setDiagnostics] = React.useState(props.diagnostics);
  const [copied, setCopied] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    void props.checked.then(d => live && setDiagnostics(d));
    return () => {
      live = false;
    };
  }, [props.checked]);

  const category = metadata.outageCategories.find(c => c.id === categoryId);
  const categoryLabel = category
    ? localize(category.label, language)
    : trans.__('Something else');
  const route = resolver.routeReport(category?.recipient);
  const point = route.via ?? route.contact;
  const report = composeReport(
    {
      hubName: localize(metadata.hub.name, language) || diagnostics.hubUrl,
      categoryLabel,
      description,
      affected,
      diagnostics
    },
    toGettext(trans)
  );
  const delivery = prepareDelivery(
    report,
    reportTargets(point, c =>
      c.label
        ? localize(c.label as IChannel['label'], language)
        : trans.__('Open the support form')
    ),
    {
      hubUrl: diagnostics.hubUrl,
      user: diagnostics.user,
      server: [diagnostics.serverUser, diagnostics.serverName]
        .filter(Boolean)
        .join('/'),
      category: categoryLabel,
      description,
      time: diagnostics.timeUtc
    },
    {
      redact: text => model.redact(text),
      trimmedNote: trans.__(
        '[This report was shortened. Paste the full text, copied with "Copy report", here.]'
      )
    }
  );
  const { mail, forms } = delivery;
  const responseTimes = (point?.channels ?? [])
    .filter(c => c.responseTime)
    .map(c => localize(c.responseTime, language));

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
        value={categoryId}
        onChange={event => setCategoryId(event.currentTarget.value)}
      >
        {metadata.outageCategories.map(c => (
          // An option holds only text: dir="auto" isolates it.
          <option key={c.id} value={c.id} dir="auto">
            {localize(c.label, language)}
          </option>
        ))}
        <option value={OTHER}>{trans.__('Something else')}</option>
      </HTMLSelect>
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
        value={description}
        onChange={event => setDescription(event.currentTarget.value)}
      />
      <fieldset className="jp-HubHelp-affected">
        <legend>{trans.__('Who is affected?')}</legend>
        {(
          [
            ['me', trans.__('Only me')],
            ['others', trans.__('Others too')],
            ['unknown', trans.__('Not sure')]
          ] as [Affected, string][]
        ).map(([value, label]) => (
          <label key={value} className="jp-HubHelp-radio">
            <input
              type="radio"
              name="jp-HubHelp-affected"
              value={value}
              checked={affected === value}
              onChange={() => setAffected(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>

      <Section
        id="recipient"
        title={trans.__('Who receives it')}
        className="jp-HubHelp-recipient"
      >
        <p className="jp-HubHelp-why">
          <IsolatedText text={why(route, category?.recipient, model, trans)} />
        </p>
        <RouteView route={route} trans={trans} language={language} />
        {responseTimes.length > 0 && (
          <p className="jp-HubHelp-muted">
            <IsolatedText
              text={trans.__(
                'Expected answer: %1',
                isolate(responseTimes.map(isolate).join('; '))
              )}
            />
          </p>
        )}
        {metadata.statusPage && (
          <p>
            <SafeLink href={metadata.statusPage}>
              {trans.__('Check the status page first')}
            </SafeLink>
          </p>
        )}
      </Section>

      <label className="jp-HubHelp-label" htmlFor="jp-HubHelp-report-text">
        {trans.__('The report that will be sent')}
      </label>
      <textarea
        id="jp-HubHelp-report-text"
        className="jp-mod-styled jp-HubHelp-textarea jp-HubHelp-reportText"
        readOnly
        rows={10}
        value={delivery.text}
      />
      <div className="jp-HubHelp-actions">
        {mail && (
          <SafeLink className="jp-HubHelp-send jp-mod-styled" href={mail.url}>
            {trans.__('Send by email')}
          </SafeLink>
        )}
        {forms.map(
          (form, i) =>
            form.url && (
              <SafeLink
                key={i}
                className="jp-HubHelp-send jp-mod-styled"
                href={form.url}
              >
                <IsolatedText
                  text={trans.__('Fill in the form: %1', isolate(form.label))}
                />
              </SafeLink>
            )
        )}
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-copy"
          onClick={() => void copy(delivery.text).then(() => setCopied(true))}
        >
          {trans.__('Copy report')}
        </button>
        <span role="status" className="jp-HubHelp-muted">
          {copied ? trans.__('Copied to the clipboard.') : ''}
        </span>
      </div>
      {mail?.trimmed && (
        <p className="jp-HubHelp-muted">
          {trans.__(
            'The email is shortened to fit a link: copy the report and paste the full text into it.'
          )}
        </p>
      )}
      {mail && mail.omitted.length > 0 && (
        <p className="jp-HubHelp-muted">
          {trans._n(
            'One more recipient does not fit in an email link: copy the report and send it to them too.',
            '%1 more recipients do not fit in an email link: copy the report and send it to them too.',
            mail.omitted.length
          )}
        </p>
      )}
    </form>
  );
}

/**
 * Why this recipient, in one sentence for this viewer; role labels isolated.
 */
function why(
  route: IRoute,
  recipient: string | undefined,
  model: HubHelpModel,
  trans: TranslationBundle
): string {
  const { resolver, language } = model;
  const label = (id: string) =>
    isolate(localize(model.metadata.roles.get(id)?.label, language));
  const target = (route.via ?? route.contact)?.role.id ?? route.owner.id;
  if (route.kind === 'self') {
    return trans.__('You handle reports like this one yourself.');
  }
  const path = resolver.escalationPath(recipient ?? 'hub-administrator');
  const highest = resolver.highestHeld(path);
  if (highest < 0) {
    return trans.__(
      'Hub users report problems to: %1. What cannot be solved there is taken further up.',
      label(target)
    );
  }
  return trans.__(
    'As %1, you take problems you cannot solve to %2.',
    label(path[highest]),
    label(target)
  );
}
