import { IJupyterLabPageFixture } from '@jupyterlab/galata';

/**
 * Load JupyterLab as JupyterHub serves it to `username`: the page's
 * configuration names the hub and the user, and the Hub API (answered here)
 * says whether they are an admin. The routes stay for the whole test, so a
 * reload (a change of language) keeps the same viewer.
 */
export async function signInAs(
  page: IJupyterLabPageFixture,
  username: string,
  admin: boolean
): Promise<void> {
  await page.route(
    url => url.pathname.startsWith('/lab'),
    async route => {
      if (route.request().resourceType() !== 'document') {
        return route.fallback();
      }
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /(<script id="jupyter-config-data" type="application\/json">)(.*?)(<\/script>)/s,
        (_, open: string, json: string, close: string) =>
          open +
          JSON.stringify({
            ...JSON.parse(json),
            hubPrefix: '/hub/',
            hubHost: '',
            hubUser: username,
            hubServerUser: username
          }) +
          close
      );
      await route.fulfill({ response, body });
    }
  );
  await page.route('**/hub/api/**', route => {
    const path = new URL(route.request().url()).pathname;
    const answers: { [path: string]: unknown } = {
      '/hub/api/': { version: '5.3.0' },
      '/hub/api/user': { name: username, admin, groups: [], scopes: [] }
    };
    return path in answers
      ? route.fulfill({ json: answers[path] })
      : route.fulfill({ status: 404, json: { status: 404 } });
  });
  await page.goto();
}
