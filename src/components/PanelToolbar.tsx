import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButtonComponent } from '@jupyterlab/ui-components';

import { HubHelpModel } from '../model';
import { formatTime } from './formatTime';
import { useSignal } from './useSignal';

/**
 * When the panel's information was last checked, and a button to check again
 * now; while a check runs the button waits and the time says so.
 */
export function RefreshItem(props: {
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, trans } = props;
  useSignal(model.checkChanged);
  const check = model.lastCheck;
  const when = check && formatTime(check.at, model.language);
  const status = model.refreshing
    ? trans.__('Checking…')
    : !check
      ? ''
      : check.ok
        ? trans.__('Updated at %1', when)
        : trans.__('No answer at %1', when);
  return (
    <div className="jp-HubHelp-refresh">
      <span className="jp-HubHelp-updated" role="status">
        {status}
      </span>
      <ToolbarButtonComponent
        icon={refreshIcon}
        tooltip={trans.__('Check the hub and its help information again')}
        enabled={!model.refreshing}
        onClick={() => void model.refresh()}
      />
    </div>
  );
}
