import * as React from 'react';

import { IViewProps } from './viewProps';
import { CommunityActions } from './CommunityActions';
import { Header } from './Header';
import { People } from './People';
import { Problems } from './Problems';
import { Status } from './Status';
import { TaskFinder } from './TaskFinder';
import { useSignal } from './useSignal';
import { YourRole } from './YourRole';

/**
 * The Get help panel: every section reads the model and nothing else.
 */
export function HelpPanel(props: IViewProps): JSX.Element {
  useSignal(props.model.changed);
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
      <TaskFinder {...props} />
      <YourRole {...props} />
      <CommunityActions {...props} />
      <People {...props} />
      <Problems {...props} />
    </div>
  );
}
