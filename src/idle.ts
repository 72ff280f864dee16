/**
 * Resolves when the browser is idle (or after `timeoutMs` at the latest), so
 * that work started after JupyterLab's restore waits for the person's first
 * keystrokes to be handled.
 */
export function idle(timeoutMs = 2000): Promise<void> {
  return new Promise(resolve => {
    if (typeof window.requestIdleCallback === 'function') {
      window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    } else {
      setTimeout(resolve, 0);
    }
  });
}
