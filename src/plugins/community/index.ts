// The community plugin's eager half, run before JupyterLab's restore: the
// command and the editor's tab in the main area; the editor itself
// (./editor) is loaded with the model after the restore.
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
import { ISignal, Signal } from '@lumino/signaling';
import { BoxPanel } from '@lumino/widgets';

import type {
  CommunityEditor,
  EditorTab
} from '../../community/CommunityEditor';
import { SECTIONS } from '../../generated/shared';
import { hubHelpIcon } from '../../icons';
import { CommandIDs, PluginIDs } from '../../ids';
import { IHubHelp, TRANSLATION_DOMAIN } from '../../tokens';

const TABS: EditorTab[] = [...SECTIONS, 'history'];

/**
 * The command that opens the editor of the community's part of the hub help,
 * for those the hub help service lets edit it.
 */
export const communityPlugin: JupyterFrontEndPlugin<void> = {
  id: PluginIDs.community,
  description:
    "Lets Community Representatives and hub admins edit the community's people and announcements, kept by the hub help service.",
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
    // Only the service decides who may edit; this hides what it would refuse.
    const mayEdit = () => !!hubHelp.model?.community.viewer?.canEdit;
    const tracker = new WidgetTracker<MainAreaWidget<EditorPanel>>({
      namespace: 'jupyterlab-hub-help-editor'
    });

    // Added to the shell at once, so that the layout restorer finds it; filled
    // once the model is loaded, which is after the restore.
    const newEditor = (tab: EditorTab): MainAreaWidget<EditorPanel> => {
      const widget: MainAreaWidget<EditorPanel> = new MainAreaWidget({
        content: new EditorPanel(tab),
        reveal: hubHelp.modelReady.then(async model => {
          const { fillEditor } = await import('./editor');
          await fillEditor(widget.content, { model, trans });
        })
      });
      widget.id = EDITOR_ID;
      widget.title.label = trans.__('Edit Hub Help');
      widget.title.icon = hubHelpIcon;
      widget.title.closable = true;
      widget.content.tabChosen.connect(() => void tracker.save(widget));
      return widget;
    };

    app.commands.addCommand(CommandIDs.editCommunity, {
      label: trans.__("Edit the Community's Hub Help"),
      caption: trans.__(
        'Change the people and announcements every Get help panel shows'
      ),
      isVisible: mayEdit,
      isEnabled: mayEdit,
      describedBy: {
        args: {
          type: 'object',
          properties: {
            tab: {
              type: 'string',
              enum: TABS,
              description: trans.__('The part to open')
            }
          }
        }
      },
      execute: args => {
        const tab = TABS.includes(args['tab'] as EditorTab)
          ? (args['tab'] as EditorTab)
          : 'people';
        const open = tracker.find(() => true);
        if (open?.content) {
          open.content.showTab(tab);
          app.shell.activateById(open.id);
          return;
        }
        // One whose editor failed to load holds no content: a new one is made.
        open?.dispose();
        const widget = newEditor(tab);
        void tracker.add(widget);
        app.shell.add(widget, 'main');
        app.shell.activateById(widget.id);
      }
    });

    if (restorer) {
      void restorer.restore(tracker, {
        command: CommandIDs.editCommunity,
        args: widget => ({ tab: widget.content.tab }),
        name: () => EDITOR_ID
      });
    }

    if (palette) {
      palette.addItem({
        command: CommandIDs.editCommunity,
        category: trans.__('Help')
      });
    }
  }
};

/**
 * The editor's widget id: stable, so that `activateById` and the tests find it.
 */
const EDITOR_ID = 'jp-HubHelp-editor';

/**
 * The editor's place in the main area, and the tab it shows: the tab the
 * layout restorer reopens it on. The editor is put in it once loaded.
 */
export class EditorPanel extends BoxPanel {
  constructor(public tab: EditorTab) {
    super();
  }

  /**
   * Show `tab`, as the command asked.
   */
  showTab(tab: EditorTab): void {
    this.choose(tab);
    this.editor?.showTab(tab);
  }

  /**
   * The person chose `tab` in the editor.
   */
  choose(tab: EditorTab): void {
    this.tab = tab;
    this._tabChosen.emit(tab);
  }

  /**
   * Emitted at each change of tab, so that the layout keeps it.
   */
  get tabChosen(): ISignal<this, EditorTab> {
    return this._tabChosen;
  }

  /**
   * The editor, once loaded.
   */
  editor: CommunityEditor | null = null;

  dispose(): void {
    Signal.clearData(this);
    super.dispose();
  }

  private _tabChosen = new Signal<this, EditorTab>(this);
}
