import type { HubHelpModel } from '../model';

/**
 * Resolves once the model has asked its sources (and the service who may
 * edit and triage) at least once: a tab reopened after a reload waits for
 * it, since until then nobody is known to be allowed anything.
 */
export function firstCheck(model: HubHelpModel): Promise<void> {
  return new Promise(resolve => {
    const checked = () => {
      if (model.lastCheck) {
        model.checkChanged.disconnect(checked);
        resolve();
      }
    };
    model.checkChanged.connect(checked);
    checked();
  });
}
