import { Clipboard } from '@jupyterlab/apputils';

/**
 * Put text on the system clipboard: through the Clipboard API where the page
 * may use it, else through JupyterLab's copy of a selection (older browsers,
 * pages served without HTTPS).
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    Clipboard.copyToSystem(text);
  }
}
