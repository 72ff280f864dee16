import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { copyText } from './components/copyText';
import { isolate } from './components/OperatorText';
import { EXTENSION_VERSION } from './generated/version';
import { channelHref, isSafeLink, mailtoHref } from './metadata/links';
import { localize } from './metadata/localize';
import { HubHelpModel } from './model';
import type { Answer, IDiagnostics, ReportDraft } from './report';
import { CommandIDs, PluginIDs } from './ids';
import { IHubHelpModel, TRANSLATION_DOMAIN } from './tokens';

/**
 * Reporting a problem: the report dialog, contacting a role, copying
 * diagnostics and opening the status page, from the palette and Help menu.
 */
export const reportPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.report,
  description:
    'Adds "Report a problem or outage", with a prefilled report routed to the right person, and related commands.',
  autoStart: true,
  requires: [IHubHelpModel],
  optional: [ITranslator, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    model: HubHelpModel,
    translator: ITranslator | null,
    palette: ICommandPalette | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    const { commands } = app;
    const language = translator.languageCode ?? 'en';

    // The report code is not loaded at JupyterLab's start, but right after:
    // the dialog must open even when the server has gone away since.
    void app.restored.then(() =>
      Promise.all([
        import('./report'),
        import('./components/ReportDialog'),
        import('./hub/serverStatus')
      ])
    );
    // What the person typed, kept until it is sent, across openings.
    let draft: ReportDraft | undefined;
    const collect = async (
      hubAnswers: Answer,
      serverAnswersNow: Answer
    ): Promise<IDiagnostics> => {
      const { collectDiagnostics } = await import('./report');
      return collectDiagnostics({
        hub: model.hub,
        hubUrl: model.metadata.hub.url,
        location: window.location,
        now: new Date(),
        jupyterlabVersion: app.version,
        extensionVersion: EXTENSION_VERSION,
        userAgent: navigator.userAgent,
        language,
        hubVersion: model.live?.version,
        hubAnswers,
        serverAnswers: serverAnswersNow
      });
    };
    const answer = (value: boolean | undefined): Answer =>
      value === undefined ? 'unknown' : value ? 'yes' : 'no';
    const checkedDiagnostics = async () => {
      const { serverAnswers } = await import('./hub/serverStatus');
      const [hub, server] = await Promise.all([
        model.hubAnswers(),
        serverAnswers(app.serviceManager.serverSettings)
      ]);
      return collect(answer(hub), answer(server));
    };

    commands.addCommand(CommandIDs.reportProblem, {
      label: trans.__('Report a problem or outage'),
      caption: trans.__('Prepare a report for the people who can fix it'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: async () => {
        const [report, { showReportDialog }, initial] = await Promise.all([
          import('./report'),
          import('./components/ReportDialog'),
          collect('unknown', 'unknown')
        ]);
        draft ??= new report.ReportDraft();
        const session = new report.ReportSession({
          draft,
          diagnostics: initial,
          prepare: (values, current) =>
            report.prepareReport({
              metadata: model.metadata,
              resolver: model.resolver,
              language,
              values,
              diagnostics: current,
              redact: text => model.redact(text),
              trans
            })
        });
        void checkedDiagnostics().then(d => session.setDiagnostics(d));
        const refresh = () => session.refresh();
        model.changed.connect(refresh);
        try {
          await showReportDialog({ session, trans, language, copy: copyText });
        } finally {
          model.changed.disconnect(refresh);
        }
      }
    });

    // The role that the contact command's args name: a task's owner, or a
    // role. Args come from anywhere (a link, a shortcut, another extension).
    const contactRole = (args: ReadonlyPartialJSONObject) => {
      const { tasks, roles } = model.metadata;
      const id =
        args['task'] !== undefined
          ? tasks.find(t => t.id === args['task'])?.owner
          : args['role'];
      return typeof id === 'string' ? roles.get(id) : undefined;
    };
    commands.addCommand(CommandIDs.contact, {
      label: args => {
        const role = contactRole(args);
        return role
          ? trans.__('Contact %1', isolate(localize(role.label, language)))
          : trans.__('Contact the people who handle a task');
      },
      describedBy: {
        args: {
          type: 'object',
          properties: {
            role: {
              type: 'string',
              description: trans.__('A role id, such as hub-administrator')
            },
            task: {
              type: 'string',
              description: trans.__('A task id, such as add-user')
            }
          }
        }
      },
      execute: args => {
        // Nothing (or nothing known) to contact: the panel lists everyone.
        const role = contactRole(args);
        const route = role && model.resolver.routeToRole(role.id);
        const point = route && (route.via ?? route.contact);
        const link = point && firstLink(point);
        if (link) {
          openLink(link);
        } else {
          return commands.execute(CommandIDs.open);
        }
      }
    });

    commands.addCommand(CommandIDs.copyDiagnostics, {
      label: trans.__('Copy diagnostics for a support request'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: async () => {
        const { diagnosticsText } = await import('./report');
        const text = diagnosticsText(await checkedDiagnostics(), trans);
        await copyText(model.redact(text));
        Notification.success(trans.__('Diagnostics copied to the clipboard.'), {
          autoClose: 3000
        });
      }
    });

    commands.addCommand(CommandIDs.openStatusPage, {
      label: trans.__('Open the hub status page'),
      describedBy: { args: { type: 'object', properties: {} } },
      isVisible: () => isSafeLink(model.metadata.statusPage),
      isEnabled: () => isSafeLink(model.metadata.statusPage),
      execute: () => openLink(model.metadata.statusPage)
    });
    model.changed.connect(() =>
      commands.notifyCommandChanged(CommandIDs.openStatusPage)
    );

    if (palette) {
      const category = trans.__('Help');
      for (const command of [
        CommandIDs.reportProblem,
        CommandIDs.copyDiagnostics,
        CommandIDs.openStatusPage
      ]) {
        palette.addItem({ command, category });
      }
    }
  }
};

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
