import * as React from 'react';

import type { IReportState, ReportSession } from '../report';

/**
 * Render a report session's current state, again at each change.
 */
export function Rendered(props: {
  session: ReportSession;
  children: (state: IReportState) => JSX.Element;
}): JSX.Element {
  const { session } = props;
  const subscribe = React.useCallback(
    (listener: () => void) => session.subscribe(listener),
    [session]
  );
  const state = React.useSyncExternalStore(subscribe, () => session.state);
  return props.children(state);
}
