// The report plugin's eager half, run before JupyterLab's restore: its
// commands exist at once; what they do (./commands) is loaded with the model.
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { CommandIDs, PluginIDs } from '../../ids';
import { IHubHelp, TRANSLATION_DOMAIN } from '../../tokens';
import type { ReportCommands } from './commands';

/**
 * Reporting a problem: the report dialog, contacting a role, copying
 * diagnostics and opening the status page, from the palette and Help menu.
 * The commands exist from the start; what they do is loaded with the model.
 */
export const reportPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.report,
  description:
    'Adds "Report a problem or outage", with a prefilled report routed to the right person, and related commands.',
  autoStart: true,
  requires: [IHubHelp],
  optional: [ITranslator, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    hubHelp: IHubHelp,
    translator: ITranslator | null,
    palette: ICommandPalette | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    const language = translator.languageCode ?? 'en';
    const { commands } = app;

    let loaded: ReportCommands | null = null;
    const ready = hubHelp.modelReady.then(async model => {
      const { ReportCommands } = await import('./commands');
      loaded = new ReportCommands(app, model, trans, language);
      model.changed.connect(() =>
        commands.notifyCommandChanged(CommandIDs.openStatusPage)
      );
      commands.notifyCommandChanged();
      return loaded;
    });

    commands.addCommand(CommandIDs.reportProblem, {
      label: trans.__('Report a problem or outage'),
      caption: trans.__('Prepare a report for the people who can fix it'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: async () => (await ready).report()
    });

    commands.addCommand(CommandIDs.contact, {
      label: args =>
        loaded?.contactLabel(args) ??
        trans.__('Contact the people who handle a task'),
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
      execute: async args => (await ready).contact(args)
    });

    commands.addCommand(CommandIDs.copyDiagnostics, {
      label: trans.__('Copy diagnostics for a support request'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: async () => (await ready).copyDiagnostics()
    });

    commands.addCommand(CommandIDs.openStatusPage, {
      label: trans.__('Open the hub status page'),
      describedBy: { args: { type: 'object', properties: {} } },
      isVisible: () => !!loaded?.hasStatusPage(),
      isEnabled: () => !!loaded?.hasStatusPage(),
      execute: async () => (await ready).openStatusPage()
    });

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
