import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import {
  refreshIcon,
  ToolbarButtonComponent,
  UseSignal
} from '@jupyterlab/ui-components';

import { formatTime } from '../metadata/localize';
import { HubHelpModel } from '../model';

interface IRefreshItemProps {
  model: HubHelpModel;
  trans: TranslationBundle;
}

/**
 * When the panel's information was last checked, and a button to check again
 * now; while a check runs the button waits and the time says so.
 */
export function RefreshItem(props: IRefreshItemProps): JSX.Element {
  return (
    <UseSignal signal={props.model.checkChanged}>
      {() => <LastCheck {...props} />}
    </UseSignal>
  );
}

function LastCheck(props: IRefreshItemProps): JSX.Element {
  const { model, trans } = props;
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
