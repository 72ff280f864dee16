// The reports inbox plugin's eager half, run before JupyterLab's restore:
// the command and the inbox's tab in the main area; the inbox itself
// (./inbox) is loaded with the model after the restore.
import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  ICommandPalette,
  MainAreaWidget,
  WidgetTracker
} from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { BoxPanel } from '@lumino/widgets';

import { hubHelpIcon } from '../../icons';
import { CommandIDs, PluginIDs } from '../../ids';
import { IHubHelp, TRANSLATION_DOMAIN } from '../../tokens';

/**
 * The command that opens the inbox of the reports the hub help service
 * routes to the viewer, for those it routes any to.
 */
export const reportsInboxPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.reportsInbox,
  description:
    'Lets those the escalation policy routes problem reports to triage them in the main area: filter, acknowledge, note, resolve, reopen, pass on to the operator and export.',
  autoStart: true,
  requires: [IHubHelp],
  optional: [ITranslator, ICommandPalette, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    hubHelp: IHubHelp,
    translator: ITranslator | null,
    palette: ICommandPalette | null,
    restorer: ILayoutRestorer | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    // Only the service decides whose inbox holds reports; this hides an
    // inbox it would keep empty.
    const triages = () => !!hubHelp.model?.community.viewer?.reports.triage;
    const tracker = new WidgetTracker<MainAreaWidget<BoxPanel>>({
      namespace: 'jupyterlab-hub-help-reports-inbox'
    });

    // Added to the shell at once, so that the layout restorer finds it;
    // filled once the model is loaded, which is after the restore.
    const newInbox = (): MainAreaWidget<BoxPanel> => {
      const widget: MainAreaWidget<BoxPanel> = new MainAreaWidget({
        content: new BoxPanel(),
        reveal: hubHelp.modelReady.then(async model => {
          const { fillInbox } = await import('./inbox');
          await fillInbox(widget.content, { model, trans });
        })
      });
      widget.id = INBOX_ID;
      widget.title.label = trans.__('Reports Inbox');
      widget.title.icon = hubHelpIcon;
      widget.title.closable = true;
      return widget;
    };

    app.commands.addCommand(CommandIDs.openReportsInbox, {
      label: trans.__('Open the Reports Inbox'),
      caption: trans.__(
        'Triage the problem reports this hub routes to you, and pass them on to the operator'
      ),
      isVisible: triages,
      isEnabled: triages,
      describedBy: { args: { type: 'object', properties: {} } },
      execute: () => {
        const open = tracker.find(() => true);
        if (open?.content.widgets.length) {
          app.shell.activateById(open.id);
          return;
        }
        // One whose inbox failed to load holds no content: a new one is made.
        open?.dispose();
        const widget = newInbox();
        void tracker.add(widget);
        app.shell.add(widget, 'main');
        app.shell.activateById(widget.id);
      }
    });

    if (restorer) {
      void restorer.restore(tracker, {
        command: CommandIDs.openReportsInbox,
        name: () => INBOX_ID
      });
    }

    if (palette) {
      palette.addItem({
        command: CommandIDs.openReportsInbox,
        category: trans.__('Help')
      });
    }
  }
};

/**
 * The inbox's widget id: stable, so that `activateById` and the tests find it.
 */
const INBOX_ID = 'jp-HubHelp-reportsInbox';
