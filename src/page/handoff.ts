/**
 * What a page of the hub said (a failed spawn's message, an error), handed
 * from the box on that page to the help page's report in this tab only.
 */
export interface IHubPageContext {
  /**
   * "spawn-failed", "spawn-pending", "error" or "login".
   */
  page: string;
  /**
   * The hub page's path, without its query.
   */
  path: string;
  message: string;
  status: number | null;
}

const KEY = 'jupyterlab-hub-help:hub-page';

/**
 * The context the hub's template wrote into the page, as JSON in a script
 * element of its own (never run); anything malformed is left out.
 */
export function readHubPageContext(
  text: string | null | undefined,
  path: string
): IHubPageContext {
  let value: any = {};
  try {
    value = JSON.parse(text ?? '{}') ?? {};
  } catch {
    // The box still works without it.
  }
  return {
    page: typeof value.page === 'string' ? value.page : '',
    path,
    message: typeof value.message === 'string' ? value.message : '',
    status: Number.isInteger(value.status) ? value.status : null
  };
}

export function keepHubPageContext(context: IHubPageContext): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(context));
  } catch {
    // Storage refused: the report goes without what the page said.
  }
}

/**
 * The context kept by the hub page this tab came from, once.
 */
export function takeHubPageContext(): IHubPageContext | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const path = text ? JSON.parse(text)?.path : undefined;
    return text
      ? readHubPageContext(text, typeof path === 'string' ? path : '')
      : undefined;
  } catch {
    return undefined;
  }
}
