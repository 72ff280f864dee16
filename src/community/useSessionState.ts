import * as React from 'react';

import type { Session } from '../session';

/**
 * The state of `session`, rendered again at each of its changes.
 */
export function useSessionState<S extends object>(session: Session<S>): S {
  const subscribe = React.useCallback(
    (listener: () => void) => session.subscribe(listener),
    [session]
  );
  return React.useSyncExternalStore(subscribe, () => session.state);
}
