// The panel plugin's lazy half, loaded after JupyterLab's restore.
import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import {
  bugIcon,
  CommandToolbarButton,
  ReactWidget,
  SidePanel,
  Toolbar
} from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';

import { HelpPanel } from '../../components/HelpPanel';
import { RefreshItem } from '../../components/PanelToolbar';
import { idle } from '../../idle';
import { inSlices } from '../../slices';
import { CommandIDs } from '../../ids';
import { formatTime } from '../../metadata/localize';
import { indexing } from '../../metadata/search';
import { HubHelpModel } from '../../model';
import '../../styles';

/**
 * Fill the Get help side panel: the toolbar (the last update, refresh and
 * "report a problem" when that command exists; the operator may disable the
 * report plugin) and the views.
 */
export function fillPanel(
  panel: SidePanel,
  options: {
    model: HubHelpModel;
    commands: CommandRegistry;
    trans: TranslationBundle;
  }
): void {
  const { model, commands, trans } = options;
  panel.toolbar.addItem(
    'refresh',
    ReactWidget.create(<RefreshItem model={model} trans={trans} />)
  );
  panel.toolbar.addItem('spacer', Toolbar.createSpacerItem());
  if (commands.hasCommand(CommandIDs.reportProblem)) {
    panel.toolbar.addItem(
      'report',
      new CommandToolbarButton({
        commands,
        id: CommandIDs.reportProblem,
        icon: bugIcon,
        // The icon alone keeps the toolbar on one line in a narrow sidebar.
        label: '',
        caption: trans.__('Report a problem or outage')
      })
    );
  }
  panel.addWidget(
    ReactWidget.create(
      <HelpPanel model={model} commands={commands} trans={trans} />
    )
  );
}

/**
 * Build what the views build from each new document before the panel is
 * shown: the task search index (cached per task list and language), long
 * with thousands of tasks, in slices that let input through, and the
 * formatter of the time in the toolbar (the language's data loads when the
 * first is made). A newer document stops the slices of the one before.
 * Slices, not a worker: at 10,000 tasks, copying the tasks to a worker and
 * the index back costs the main thread more (about 55 ms and 400 ms, each
 * one task) than building it here (about 250 ms, in slices).
 */
export function prepareViews(model: HubHelpModel): void {
  const prepare = () => {
    const { tasks } = model.metadata;
    void inSlices(indexing(tasks, model.language), {
      wanted: () => model.metadata.tasks === tasks
    });
    void idle().then(() => formatTime(new Date(), model.language));
  };
  model.changed.connect(prepare);
  prepare();
}
