import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import { LIMITS } from '../metadata/limits';
import { withTimeout } from './request';

/**
 * Whether this JupyterLab server answers right now. The request is
 * abandoned, not merely ignored, once the time is up.
 */
export async function serverAnswers(
  settings: ServerConnection.ISettings,
  timeoutMs: number = LIMITS.serverCheckTimeoutMs
): Promise<boolean> {
  try {
    const response = await withTimeout(timeoutMs, signal =>
      ServerConnection.makeRequest(
        URLExt.join(settings.baseUrl, 'api/status'),
        { signal },
        settings
      )
    );
    return response.ok;
  } catch {
    return false;
  }
}
