import * as React from 'react';

import { HubHelpModel } from '../model';

/**
 * Re-render when the model changes; the model is the views' only input.
 */
export function useModel(model: HubHelpModel): void {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => {
    const update = () => setVersion(v => v + 1);
    model.changed.connect(update);
    return () => {
      model.changed.disconnect(update);
    };
  }, [model]);
}
