import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import { withTimeout } from './request';

/**
 * How long a report waits for this JupyterLab server: a server that takes
 * longer is as good as down for the person reporting.
 */
export const SERVER_CHECK_TIMEOUT_MS = 3000;

/**
 * Whether this JupyterLab server answers right now. The request is
 * abandoned, not merely ignored, once the time is up.
 */
export async function serverAnswers(
  settings: ServerConnection.ISettings,
  timeoutMs: number = SERVER_CHECK_TIMEOUT_MS
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
