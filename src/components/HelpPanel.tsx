import * as React from 'react';

import { UseSignal } from '@jupyterlab/ui-components';

import { IViewProps } from './viewProps';
import { CommunityActions } from './CommunityActions';
import { Header } from './Header';
import { People } from './People';
import { Problems } from './Problems';
import { Status } from './Status';
import { TaskFinder } from './TaskFinder';
import { YourReports } from './YourReports';
import { YourRole } from './YourRole';

/**
 * The Get help panel: every section reads the model and nothing else.
 */
export function HelpPanel(props: IViewProps): JSX.Element {
  return (
    <UseSignal signal={props.model.changed}>
      {() => <Sections {...props} />}
    </UseSignal>
  );
}

function Sections(props: IViewProps): JSX.Element {
  if (!props.model.ready) {
    return (
      <div className="jp-HubHelp-body">
        <p className="jp-HubHelp-muted" role="status">
          {props.trans.__('Loading help for this hub…')}
        </p>
      </div>
    );
  }
  return (
    <div className="jp-HubHelp-body">
      <Header {...props} />
      <Status {...props} />
      <YourReports {...props} />
      <TaskFinder {...props} />
      <YourRole {...props} />
      <CommunityActions {...props} />
      <People {...props} />
      <Problems {...props} />
    </div>
  );
}
