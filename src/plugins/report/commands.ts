// The report plugin's lazy half, loaded with the model after JupyterLab's
// restore.
import { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { copyText } from '../../clipboard';
import { showReportDialog } from '../../components/ReportDialog';
import { reportStatusLine } from '../../components/ReportStatus';
import type { IReportAlert } from '../../hub/reports';
import { EXTENSION_VERSION } from '../../generated/version';
import { serverAnswers } from '../../hub/serverStatus';
import { CommandIDs } from '../../ids';
import { channelHref, isSafeLink, mailtoHref } from '../../metadata/links';
import { formatTime, localize } from '../../metadata/localize';
import { isolate } from '../../metadata/text';
import { HubHelpModel } from '../../model';
import {
  Answer,
  collectDiagnostics,
  diagnosticsText,
  IDiagnostics,
  IReportChange,
  IReportHub,
  prepareReport,
  reportCategoryLabel,
  reportHub,
  ReportDraft,
  ReportSession
} from '../../report';
import '../../styles';

/**
 * What the report plugin's commands do, loaded with the model after
 * JupyterLab's start: the report dialog must still open once the server has
 * gone away, so everything it needs is in this module's chunk.
 */
export class ReportCommands {
  constructor(
    private readonly _app: JupyterFrontEnd,
    private readonly _model: HubHelpModel,
    private readonly _trans: TranslationBundle,
    private readonly _language: string
  ) {
    _model.yourReports.reportChanged.connect((_, changes) =>
      changes.forEach(change => this._tellChange(change))
    );
    _model.yourReports.alerts.connect((_, alerts) =>
      alerts.forEach(alert => this._tellAlert(alert))
    );
  }

  /**
   * Open the report dialog; what the person typed is kept until it is sent.
   */
  async report(): Promise<void> {
    const model = this._model;
    const trans = this._trans;
    const language = this._language;
    this._draft ??= new ReportDraft();
    const hub = () => this._hub();
    const session = new ReportSession({
      draft: this._draft,
      diagnostics: this._collect('unknown', 'unknown'),
      prepare: (values, current) =>
        prepareReport({
          metadata: model.metadata,
          resolver: model.resolver,
          language,
          values,
          diagnostics: current,
          redact: text => model.redact(text),
          trans,
          keepsReports: !!hub()
        }),
      hub
    });
    void this._checkedDiagnostics().then(d => session.setDiagnostics(d));
    const refresh = () => session.refresh();
    model.changed.connect(refresh);
    try {
      await showReportDialog({ session, trans, language, copy: copyText });
    } finally {
      model.changed.disconnect(refresh);
    }
  }

  /**
   * One of the viewer's reports changed status or got a note to them.
   */
  private _tellChange(change: IReportChange): void {
    const trans = this._trans;
    const { report, note, queuedAt } = change;
    const line = reportStatusLine(report, trans, this._language);
    const message = queuedAt
      ? trans.__(
          'The report you wrote at %1 was sent, as %2.',
          formatTime(new Date(queuedAt), this._language),
          report.reference
        )
      : note
        ? trans.__(
            'Your report %1: %2 wrote "%3"',
            report.reference,
            isolate(note.by),
            isolate(note.text)
          )
        : trans.__('Your report %1: %2', report.reference, line);
    Notification.info(message, {
      autoClose: false,
      actions: [
        {
          label: trans.__('Show'),
          callback: () => void this._app.commands.execute(CommandIDs.open)
        }
      ]
    });
  }

  /**
   * For triagers: a category as many people as its threshold reported.
   */
  private _tellAlert(alert: IReportAlert): void {
    const trans = this._trans;
    const label = reportCategoryLabel(
      alert.category,
      this._model.metadata,
      this._language,
      trans
    );
    const { commands } = this._app;
    Notification.warning(
      trans._n(
        '%1 person reported "%2" in the last %3 minutes.',
        '%1 people reported "%2" in the last %3 minutes.',
        alert.people,
        isolate(label),
        alert.minutes
      ),
      {
        autoClose: false,
        actions: commands.hasCommand(CommandIDs.openReportsInbox)
          ? [
              {
                label: commands.label(CommandIDs.openReportsInbox),
                callback: () =>
                  void commands.execute(CommandIDs.openReportsInbox)
              }
            ]
          : []
      }
    );
  }

  /**
   * The hub help service's part of the dialog, where it keeps reports.
   */
  private _hub(): IReportHub | undefined {
    const { service, viewer } = this._model.community;
    return service && viewer?.reports.enabled
      ? reportHub(
          service.reports,
          this._model.yourReports,
          viewer.reports.shared
        )
      : undefined;
  }

  /**
   * "Contact Hub Administrator", for the role the args name.
   */
  contactLabel(args: ReadonlyPartialJSONObject): string | undefined {
    const role = this._contactRole(args);
    return (
      role &&
      this._trans.__(
        'Contact %1',
        isolate(localize(role.label, this._language))
      )
    );
  }

  /**
   * Write to the people the args name; nothing (or nothing known) to
   * contact opens the panel, which lists everyone.
   */
  contact(args: ReadonlyPartialJSONObject): Promise<unknown> | void {
    const role = this._contactRole(args);
    const route = role && this._model.resolver.routeToRole(role.id);
    const point = route && (route.via ?? route.contact);
    const link = point && firstLink(point);
    if (link) {
      openLink(link);
    } else {
      return this._app.commands.execute(CommandIDs.open);
    }
  }

  async copyDiagnostics(): Promise<void> {
    const text = diagnosticsText(await this._checkedDiagnostics(), this._trans);
    await copyText(this._model.redact(text));
    Notification.success(
      this._trans.__('Diagnostics copied to the clipboard.'),
      { autoClose: 3000 }
    );
  }

  hasStatusPage(): boolean {
    return isSafeLink(this._model.metadata.statusPage);
  }

  openStatusPage(): void {
    openLink(this._model.metadata.statusPage);
  }

  /**
   * The role that the contact command's args name: a task's owner, or a
   * role. Args come from anywhere (a link, a shortcut, another extension).
   */
  private _contactRole(args: ReadonlyPartialJSONObject) {
    const { tasks, roles } = this._model.metadata;
    const id =
      args['task'] !== undefined
        ? tasks.find(t => t.id === args['task'])?.owner
        : args['role'];
    return typeof id === 'string' ? roles.get(id) : undefined;
  }

  private _collect(hubAnswers: Answer, serverAnswersNow: Answer): IDiagnostics {
    const model = this._model;
    return collectDiagnostics({
      hub: model.hub,
      hubUrl: model.metadata.hub.url,
      location: window.location,
      now: new Date(),
      jupyterlabVersion: this._app.version,
      extensionVersion: EXTENSION_VERSION,
      userAgent: navigator.userAgent,
      language: this._language,
      hubVersion: model.live?.version,
      hubAnswers,
      serverAnswers: serverAnswersNow
    });
  }

  private async _checkedDiagnostics(): Promise<IDiagnostics> {
    const [hub, server] = await Promise.all([
      this._model.hubAnswers(),
      serverAnswers(this._app.serviceManager.serverSettings)
    ]);
    return this._collect(answer(hub), answer(server));
  }

  private _draft: ReportDraft | undefined;
}

function answer(value: boolean | undefined): Answer {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

/**
 * The first way to reach a contact point: a channel, else a person's email,
 * page or chat link.
 */
function firstLink(point: {
  channels: { kind: string; address: string }[];
  people: { contact: { email?: string; url?: string; chat?: string } }[];
}): string | undefined {
  const candidates = [
    ...point.channels.map(c => channelHref(c)),
    ...point.people.flatMap(p => [
      p.contact.email ? mailtoHref([p.contact.email]) : '',
      p.contact.url ?? '',
      p.contact.chat ?? ''
    ])
  ];
  return candidates.find(isSafeLink);
}

/**
 * Open an operator link in a new tab without access to this page; anything
 * but an allowed link is not opened.
 */
function openLink(href: string | undefined): void {
  if (isSafeLink(href)) {
    window.open(href, '_blank', 'noopener,noreferrer');
  }
}
