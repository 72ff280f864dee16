import * as React from 'react';

import { ISignal } from '@lumino/signaling';

/**
 * Re-render when `signal` fires: views read the model again then, and keep
 * nothing of their own.
 */
export function useSignal(signal: ISignal<unknown, unknown>): void {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => {
    const update = () => setVersion(v => v + 1);
    signal.connect(update);
    return () => {
      signal.disconnect(update);
    };
  }, [signal]);
}
