import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget, UseSignal } from '@jupyterlab/ui-components';

import { useSessionState } from '../../community/useSessionState';
import { formatTime } from '../../metadata/localize';
import { HubHelpModel } from '../../model';
import { preparePassOn } from '../../report/inbox/passOn';
import { InboxService, InboxSession } from '../../report/inbox/session';
import { reportCategories, reportCategoryLabel } from '../../report/categories';
import { SignInButton } from '../SignInButton';
import { VirtualRows } from '../VirtualRows';
import { InboxFilters } from './InboxFilters';
import { InboxOutcome } from './InboxOutcome';
import { InboxToolbar } from './InboxToolbar';
import { PassOnMessage } from './PassOnMessage';
import { ReportRow } from './ReportRow';

export interface IReportsInboxOptions {
  model: HubHelpModel;
  trans: TranslationBundle;
}

/**
 * The inbox of the reports the hub help service routes to the viewer, in
 * the main area.
 */
export class ReportsInbox extends ReactWidget {
  constructor(private _options: IReportsInboxOptions) {
    super();
    this.addClass('jp-HubHelp-inbox');
  }

  render(): JSX.Element {
    // Drawn again when the model changes: a reopened inbox may be shown
    // before the service has said (or a silent sign-in let) who triages.
    return (
      <UseSignal signal={this._options.model.changed}>
        {() => <InboxView {...this._options} sessionFor={this._sessionFor} />}
      </UseSignal>
    );
  }

  /**
   * The inbox's session, kept while it is open: its filters and the pages
   * read stay while the model changes.
   */
  private _sessionFor = (service: InboxService): InboxSession => {
    let session = this._sessions.get(service);
    if (!session) {
      const { model, trans } = this._options;
      session = new InboxSession({
        service,
        preparePassOn: summary =>
          preparePassOn({
            summary,
            metadata: model.metadata,
            resolver: model.resolver,
            language: model.language,
            trans,
            redact: text => model.redact(text),
            hubUrl: model.hub.urls.home,
            user: model.hub.user
          })
      });
      this._sessions.set(service, session);
      // Asked at once, not after the first paint: the page is most of the
      // time an inbox takes to open.
      void session.load();
    }
    return session;
  };

  private _sessions = new WeakMap<InboxService, InboxSession>();
}

function InboxView(
  props: IReportsInboxOptions & {
    sessionFor: (service: InboxService) => InboxSession;
  }
): JSX.Element {
  const { model, trans } = props;
  const { service, viewer, signInToEdit } = model.community;
  if (!viewer?.canEdit && signInToEdit === 'trying') {
    // A silent sign-in to the service is under way; the inbox follows.
    return <div className="jp-HubHelp-inboxBody" aria-busy="true" />;
  }
  if (!viewer?.canEdit && signInToEdit === 'needed') {
    return (
      <div className="jp-HubHelp-inboxBody">
        <p className="jp-HubHelp-muted">
          {trans.__(
            'Reports are triaged with a sign-in to the hub help service of its own, so that a server you visit cannot read them or act on them in your name.'
          )}
        </p>
        <SignInButton
          model={model}
          trans={trans}
          label={trans.__('Sign in to triage reports')}
        />
      </div>
    );
  }
  if (!viewer?.canEdit && signInToEdit === 'elsewhere') {
    return (
      <p className="jp-HubHelp-inboxBody jp-HubHelp-muted">
        {trans.__(
          "You can triage reports from your own server. This server is someone else's: a sign-in made here could let it act on reports in your name."
        )}
      </p>
    );
  }
  if (!service || !viewer?.reports.triage) {
    return (
      <p className="jp-HubHelp-inboxBody" role="alert">
        {trans.__(
          "No reports are routed to you: the hub help service sends users' reports to the hub admins, admins' reports to the Community Representatives."
        )}
      </p>
    );
  }
  return (
    <Inbox
      session={props.sessionFor(service.reports)}
      model={model}
      trans={trans}
    />
  );
}

/**
 * The reports, newest first, read a page at a time as the list scrolls; a
 * long list renders only the rows on screen.
 */
export function Inbox(props: {
  session: InboxSession;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { session, model, trans } = props;
  const state = useSessionState(session);
  const canEdit = !!model.community.viewer?.canEdit;
  const mayTriage = React.useRef(canEdit);
  React.useEffect(() => {
    // Read again once a sign-in gave a credential that may triage.
    if (canEdit !== mayTriage.current) {
      mayTriage.current = canEdit;
      void session.load();
    }
  }, [session, canEdit]);
  const [expanded, setExpanded] = React.useState<string | null>(null);
  const categories = React.useMemo(
    () => reportCategories(model.metadata, model.language, trans),
    [model.metadata, model.language, trans]
  );
  const categoryLabel = (id: string) =>
    reportCategoryLabel(id, model.metadata, model.language, trans);
  const at = (iso: string) => formatTime(new Date(iso), model.language);
  const reports = state.reports;
  const last = reports?.[reports.length - 1];
  return (
    <div className="jp-HubHelp-inboxBody">
      <h2>{trans.__('Reports routed to you')}</h2>
      {state.alerts.map(alert => (
        <p
          key={alert.category}
          className="jp-HubHelp-notice jp-HubHelp-severity-warning"
        >
          {trans._n(
            '%1 person reported %2 within %3 minutes.',
            '%1 people reported %2 within %3 minutes.',
            alert.people,
            categoryLabel(alert.category),
            alert.minutes
          )}
        </p>
      ))}
      <InboxFilters
        session={session}
        filters={state.filters}
        categories={categories}
        trans={trans}
      />
      <InboxToolbar session={session} state={state} trans={trans} />
      <InboxOutcome outcome={state.outcome} model={model} trans={trans} />
      {state.passedOn && (
        <PassOnMessage
          message={state.passedOn}
          trans={trans}
          onClose={() => session.closePassedOn()}
        />
      )}
      {reports === null ? (
        <p className="jp-HubHelp-muted" role="status">
          {trans.__('Loading…')}
        </p>
      ) : reports.length === 0 ? (
        <p className="jp-HubHelp-muted" role="status">
          {state.loading ? trans.__('Loading…') : trans.__('No reports.')}
        </p>
      ) : (
        <ul
          className="jp-HubHelp-inboxList"
          aria-label={trans.__('Reports')}
          aria-busy={state.loading}
        >
          <VirtualRows items={reports} getKey={r => r.reference} estimate={64}>
            {(report, row) => (
              <ReportRow
                report={report}
                row={row}
                session={session}
                selected={state.selected.has(report.reference)}
                busy={state.busy}
                expanded={expanded === report.reference}
                onExpand={open => setExpanded(open ? report.reference : null)}
                categoryLabel={categoryLabel}
                at={at}
                language={model.language}
                trans={trans}
                onShown={
                  report === last && state.hasMore
                    ? () => void session.loadMore()
                    : undefined
                }
              />
            )}
          </VirtualRows>
        </ul>
      )}
      {state.hasMore && (
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-more"
          disabled={state.loading}
          onClick={() => void session.loadMore()}
        >
          {state.loading
            ? trans.__('Loading…')
            : trans.__('Show older reports')}
        </button>
      )}
    </div>
  );
}
