// The help page (GET {service}help): the panel's answers where JupyterLab is
// not, built by scripts/build-pages.mjs into the service's static files.
import * as React from 'react';
import { createRoot, Root } from 'react-dom/client';

import { HelpPage } from '../components/page/HelpPage';
import { PageNotice } from '../components/page/PageNotice';
import { EXTENSION_VERSION } from '../generated/version';
import { browserStorage } from '../hub/sharedAdmins';
import {
  collectDiagnostics,
  prepareReport,
  ReportDraft,
  reportHub,
  ReportSession,
  YourReports,
  yourReportsKey
} from '../report';
import { PageAnswers } from './answers';
import { readPageData } from './context';
import { IHubPageContext, takeHubPageContext } from './handoff';
import { IPageHelp, loadPageHelp } from './load';

/**
 * The report categories a hub page's link may ask for.
 */
const FROM_LINK: { [name: string]: string } = {
  'server-start': 'servers-not-starting'
};

async function main(element: HTMLElement): Promise<void> {
  const data = readPageData(element);
  const root = createRoot(element);
  const loaded = await loadPageHelp(data, {
    silently: false,
    user: data.user
  });
  if (loaded.kind !== 'loaded') {
    root.render(
      <PageNotice
        trans={loaded.trans}
        retryUrl={window.location.href}
        detail={loaded.kind === 'failed' ? loaded.detail : ''}
      />
    );
    return;
  }
  const wanted = new URLSearchParams(window.location.search).get('report');
  new HelpPageApp(root, loaded.help, takeHubPageContext()).start(
    wanted === null ? null : (FROM_LINK[wanted] ?? '')
  );
}

/**
 * The page's state: the answers, and the report while it is written.
 */
class HelpPageApp {
  constructor(
    private _root: Root,
    private _help: IPageHelp,
    private _from: IHubPageContext | undefined
  ) {
    const { hub, metadata, resolver, language } = _help;
    this._answers = new PageAnswers(hub, language, metadata, resolver, () =>
      this._render()
    );
    this._yours = new YourReports(
      browserStorage(),
      yourReportsKey(hub.hubPrefix, hub.user)
    );
  }

  /**
   * Show the page; with `category` (a link from a hub page), the report
   * form open on it.
   */
  start(category: string | null): void {
    if (category !== null) {
      this._draft.update({ categoryId: category });
      this._openReport();
    } else {
      this._render();
    }
    // What waits in this browser goes as soon as the service answers.
    if (this._help.viewer.reports.enabled) {
      void this._yours.check(this._help.service.reports, false);
    }
  }

  private _openReport(): void {
    const { metadata, resolver, trans, viewer, service, hub } = this._help;
    const language = this._answers.language;
    const from = this._from;
    const hubReports = viewer.reports.enabled
      ? reportHub(service.reports, this._yours, viewer.reports.shared)
      : undefined;
    this._report = new ReportSession({
      draft: this._draft,
      diagnostics: collectDiagnostics({
        hub,
        hubUrl: metadata.hub.url,
        location: {
          origin: window.location.origin,
          pathname: from?.path || window.location.pathname
        },
        now: new Date(),
        jupyterlabVersion: '',
        extensionVersion: EXTENSION_VERSION,
        userAgent: navigator.userAgent,
        language,
        hubAnswers: 'yes',
        serverAnswers: from?.page === 'spawn-failed' ? 'no' : 'unknown',
        hubMessage: from?.message
      }),
      prepare: (values, diagnostics) =>
        prepareReport({
          metadata,
          resolver,
          language,
          values,
          diagnostics,
          redact: this._help.redact,
          trans,
          keepsReports: !!hubReports
        }),
      hub: () => hubReports
    });
    this._render();
  }

  private _render(): void {
    this._root.render(
      <HelpPage
        answers={this._answers}
        trans={this._help.trans}
        report={this._report}
        onReport={() => this._openReport()}
        onCloseReport={() => {
          this._report?.close();
          this._report = null;
          this._render();
        }}
      />
    );
  }

  private _answers: PageAnswers;
  private _yours: YourReports;
  private _draft = new ReportDraft();
  private _report: ReportSession | null = null;
}

const element = document.getElementById('jupyterlab-hub-help-page');
if (element) {
  void main(element);
}
