/**
 * A real JupyterHub for the end-to-end tests: scripts/demo-hub.py (the same
 * supervisor as `make demo`) started once per worker on free ports, with a
 * temporary state directory, and stopped with everything it started. Its logs
 * are attached to a failing test, printed, and kept with the state directory.
 */
import {
  Browser,
  BrowserContext,
  expect,
  Locator,
  Page,
  Request,
  request,
  test as base
} from '@playwright/test';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { labRestored } from '../../tests/commands';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PANEL = '#jp-hub-help-panel';

export interface IHubInfo {
  /**
   * The hub as browsers reach it (http://localhost:PORT with subdomains).
   */
  url: string;
  /**
   * The same on 127.0.0.1, for this process: only Chromium sends
   * *.localhost to this machine.
   */
  local_url: string;
  subdomains: boolean;
  pid: number;
  hub_running: boolean;
  service_pid: number | null;
  service_running: boolean;
  service_url: string;
  password: string;
  hub_version: string;
  state: string;
  logs: string[];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

const hubAnswers = (url: string) => answers(`${url}/hub/api`);

/**
 * The supervisor of one hub: JupyterHub, configurable-http-proxy outside it,
 * and the user servers it spawns.
 */
export class DemoHub {
  private constructor(
    private _process: ChildProcess,
    private _dir: string,
    private _output: string[]
  ) {}

  info!: IHubInfo;
  /**
   * Set when a test failed: the state directory and its logs are kept.
   */
  failed = false;

  get url(): string {
    return this.info.url;
  }

  get password(): string {
    return this.info.password;
  }

  static async start(options: {
    grantListUsers: boolean;
    pageServiceScope: boolean;
    service: boolean;
    subdomains: boolean;
  }): Promise<DemoHub> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-help-e2e-'));
    const venvPython = path.join(ROOT, '.venv', 'bin', 'python');
    const python = fs.existsSync(venvPython) ? venvPython : 'python3';
    const args = [
      path.join(ROOT, 'scripts', 'demo-hub.py'),
      '--port=0',
      `--state=${path.join(dir, 'state')}`,
      `--ready-file=${path.join(dir, 'ready.json')}`,
      `--password=e2e-${Math.random().toString(36).slice(2)}`,
      '--exit-with-parent',
      '--quiet',
      ...(options.grantListUsers ? ['--grant-list-users'] : []),
      ...(options.service ? [] : ['--no-service']),
      ...(options.subdomains ? ['--subdomains'] : [])
    ];
    const child = spawn(python, args, {
      cwd: ROOT,
      // The user servers expose JupyterLab as `window.jupyterapp`, as
      // Galata's do, so that tests wait until it is restored.
      env: {
        ...process.env,
        HUB_HELP_GRANT_LIST_USERS: '',
        HUB_HELP_PAGE_SERVICE_SCOPE: options.pageServiceScope ? '1' : '0',
        HUB_HELP_EXPOSE_APP: '1',
        // A start that is only slow on a busy machine must not have the hub's
        // page sign the browser in to the service (its help box, after this
        // wait): that would change what the panel's tests see. A failed start
        // shows the box at once.
        HUB_HELP_PENDING_AFTER_SECONDS: '600'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const output: string[] = [];
    child.stdout!.on('data', chunk => output.push(String(chunk)));
    child.stderr!.on('data', chunk => output.push(String(chunk)));
    const hub = new DemoHub(child, dir, output);
    const deadline = Date.now() + 120_000;
    while (!hub._readInfo() || !(await hubAnswers(hub.info.local_url))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        hub.failed = true;
        await hub.stop();
        throw new Error(
          `The demo hub did not start.\n${hub.logTail()}\nKept in ${dir}`
        );
      }
      await sleep(250);
    }
    return hub;
  }

  /**
   * A user's home directory, which their server serves.
   */
  home(user: string): string {
    return path.join(this.info.state, 'home', user);
  }

  /**
   * Stop the hub process only (SIGUSR1): the proxy and the user servers keep
   * running, and /hub/api answers with an error, as in a hub outage.
   */
  async stopHub(): Promise<void> {
    process.kill(this.info.pid, 'SIGUSR1');
    await this._until(
      async () =>
        !this._readInfo()?.hub_running &&
        !(await hubAnswers(this.info.local_url)),
      'the hub to stop'
    );
  }

  /**
   * Start the hub again (SIGUSR2); it finds the running servers.
   */
  async startHub(): Promise<void> {
    process.kill(this.info.pid, 'SIGUSR2');
    await this._until(
      async () =>
        !!this._readInfo()?.hub_running &&
        (await hubAnswers(this.info.local_url)),
      'the hub to start again'
    );
  }

  /**
   * Stop the hub help service only: the hub and JupyterLab keep running, and
   * /services/hub-help/ answers with the proxy's error.
   */
  async stopService(): Promise<void> {
    if (this.info.service_pid) {
      process.kill(this.info.service_pid, 'SIGTERM');
    }
    await this._until(
      async () => !this._readInfo()?.service_running,
      'the hub help service to stop'
    );
  }

  /**
   * Start the hub help service again (SIGUSR2), on its database as it was.
   */
  async startService(): Promise<void> {
    process.kill(this.info.pid, 'SIGUSR2');
    await this._until(
      async () =>
        !!this._readInfo()?.service_running &&
        (await answers(
          `${this.info.service_url}/services/hub-help/api/health`
        )),
      'the hub help service to start again'
    );
  }

  /**
   * Stop the hub, the user servers and the proxy, and check the supervisor
   * says nothing is left running. The state is removed unless a test failed.
   */
  async stop(): Promise<void> {
    const child = this._process;
    if (child.exitCode === null) {
      const exited = new Promise<void>(resolve =>
        child.once('exit', () => resolve())
      );
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(90_000)]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        this.failed = true;
        console.error('The demo hub supervisor did not stop in time.');
      }
    }
    if (child.exitCode !== 0) {
      this.failed = true;
      console.error(
        `The demo hub supervisor exited with ${child.exitCode}:\n${this._output.join('')}`
      );
    }
    if (this.failed) {
      console.error(`Demo hub state and logs kept in ${this._dir}`);
    } else {
      fs.rmSync(this._dir, { recursive: true, force: true });
    }
  }

  /**
   * The supervisor's output and the last lines of the hub's and proxy's logs.
   */
  logTail(lines = 60): string {
    const parts = [`--- demo-hub.py output ---\n${this._output.join('')}`];
    for (const log of this.logFiles()) {
      if (fs.existsSync(log)) {
        const text = fs.readFileSync(log, 'utf-8').split('\n');
        parts.push(`--- ${log} (last ${lines} lines) ---`);
        parts.push(text.slice(-lines).join('\n'));
      }
    }
    return parts.join('\n');
  }

  logFiles(): string[] {
    const state = path.join(this._dir, 'state');
    return ['hub.log', 'proxy.log', 'service.log'].map(log =>
      path.join(state, log)
    );
  }

  private _readInfo(): IHubInfo | null {
    try {
      this.info = JSON.parse(
        fs.readFileSync(path.join(this._dir, 'ready.json'), 'utf-8')
      );
      return this.info;
    } catch {
      return null;
    }
  }

  private async _until(
    condition: () => Promise<boolean>,
    what: string,
    timeout = 60_000
  ): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await condition())) {
      if (Date.now() > deadline || this._process.exitCode !== null) {
        throw new Error(`Timed out waiting for ${what}.\n${this.logTail()}`);
      }
      await sleep(250);
    }
  }
}

export interface ILogInOptions {
  /**
   * Open this page once logged in (e.g. someone else's server), confirming
   * the hub's "Authorize access" page if it asks.
   */
  path?: string;
  /**
   * Called with the new page before anything is loaded in it: init scripts,
   * listeners, permissions.
   */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Log in through the hub's login form; the hub starts the user's server and
 * JupyterLab opens. Resolves once JupyterLab is restored and the extension
 * has heard from the hub.
 */
export async function logIn(
  browser: Browser,
  hub: DemoHub,
  user: string,
  options: ILogInOptions = {}
): Promise<Page> {
  const { path } = options;
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  await options.prepare?.(page);
  let answered = hubCallEnded(page);
  await page.goto('/hub/login');
  await page.getByLabel('Username:').fill(user);
  await page.getByLabel('Password:', { exact: true }).fill(hub.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The hub spawns the server, then sends the browser to JupyterLab.
  await page.waitForURL(`**/user/${user}/lab**`, { timeout: 120_000 });
  if (path) {
    answered = hubCallEnded(page);
    await page.goto(path);
    if (page.url().includes('/oauth2/authorize')) {
      await expect(
        page.getByRole('heading', { name: 'Authorize access' })
      ).toBeVisible();
      await page.getByRole('button', { name: 'Authorize' }).click();
    }
    await page.waitForURL(`**${path}**`);
  }
  await labRestored(page);
  await expect(getHelpTab(page)).toBeVisible();
  await answered;
  return page;
}

/**
 * Whether JupyterLab's own page (or a frame in it) made `request`, rather
 * than one of the hub's pages, whose help box may call the service too.
 */
export function fromJupyterLab(request: Request): boolean {
  let top = request.frame();
  while (top.parentFrame()) {
    top = top.parentFrame()!;
  }
  return new URL(top.url()).pathname.includes('/user/');
}

export function getHelpTab(page: Page): Locator {
  return page.getByRole('tab', { name: 'Get help', exact: true });
}

/**
 * Resolves when the next call to the hub about the viewer has ended, answered
 * or not. The hub's version is asked first: when that call fails, the viewer
 * is not asked.
 */
export function hubCallEnded(page: Page): Promise<void> {
  return new Promise(resolve => {
    const ended = async (request: Request) => {
      const { pathname } = new URL(request.url());
      const versionFailed =
        /^\/hub\/api\/?$/.test(pathname) && !(await request.response())?.ok();
      // With subdomains the viewer is asked through the page's own server.
      const aboutViewer =
        pathname === '/hub/api/user' ||
        pathname.endsWith('/hub-help/api/hub/user');
      if (aboutViewer || versionFailed) {
        page.off('requestfinished', ended);
        page.off('requestfailed', ended);
        resolve();
      }
    };
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
  });
}

/**
 * Resolves once the page has rendered two more frames: what the model
 * changed before is on screen.
 */
export async function rendered(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>(resolve =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
      )
  );
}

/**
 * Open the Get help panel from its sidebar tab (unless the restored layout
 * already shows it), and resolve once it shows what the model holds. The hub
 * was asked when JupyterLab started (logIn waits for that answer); opening
 * the panel asks again only when that answer is old or failed.
 */
export async function openPanel(page: Page): Promise<Locator> {
  const panel = page.locator(PANEL);
  if (!(await panel.isVisible())) {
    await getHelpTab(page).click();
  }
  await expect(panel).toBeVisible();
  await rendered(page);
  return panel;
}

/**
 * Answer JupyterLab's own question about its news (a toast over the bottom of
 * the sidebar), as a user would before reaching for what it covers.
 */
export async function declineNews(page: Page): Promise<void> {
  const news = page
    .locator('.Toastify__toast')
    .filter({ hasText: 'official Jupyter news' });
  if (await news.isVisible()) {
    await news.getByRole('button', { name: 'No', exact: true }).click();
    await expect(news).toBeHidden();
  }
}

export async function closePanel(page: Page): Promise<void> {
  const panel = page.locator(PANEL);
  if (await panel.isVisible()) {
    await getHelpTab(page).click();
  }
  await expect(panel).toBeHidden();
}

/**
 * The hub's token for this page, as JupyterHub put it in PageConfig.
 */
export async function pageToken(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      JSON.parse(document.getElementById('jupyter-config-data')!.textContent!)
        .token
  );
}

/**
 * The page's workspace as JupyterLab last saved it on the server, where the
 * panel's copies for the next session live (JupyterLab saves its state a
 * little after it changes).
 */
export async function savedWorkspace(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const config = JSON.parse(
      document.getElementById('jupyter-config-data')!.textContent!
    );
    const response = await fetch(
      `${config.baseUrl}lab/api/workspaces/${config.workspace}`,
      { headers: { Authorization: `token ${config.token}` } }
    );
    return response.text();
  });
}

/**
 * The panel's "Keep this help current", once its viewer is signed in to the
 * hub help service to edit: silently on a hub without subdomains; on a hub
 * with them, in the tab the panel's "Sign in to edit" opens, as a person does.
 */
export async function signedInToEdit(panel: Locator): Promise<Locator> {
  const keep = panel.getByRole('region', { name: 'Keep this help current' });
  await signInIfOffered(keep, keep.getByRole('button', { name: 'History' }));
  return keep;
}

/**
 * The panel's button that posts a status note, or changes the one posted.
 */
export function postStatusNote(keep: Locator): Locator {
  return keep.getByRole('button', {
    name: /^(Post a status note|Change the status note)$/
  });
}

/**
 * The editor's status note tab, reached from the panel as a person does.
 */
export async function statusNoteTab(keep: Locator): Promise<Locator> {
  await keep.getByRole('button', { name: 'Edit announcements' }).click();
  const editor = keep.page().locator('#jp-HubHelp-editor');
  await editor.getByRole('tab', { name: 'Status note' }).click();
  return editor.getByRole('tabpanel', { name: 'Status note' });
}

/**
 * Wait until `ready` shows; when `scope` offers "Sign in to edit" first,
 * sign in in the tab it opens, as a person does.
 */
export async function signInIfOffered(
  scope: Locator,
  ready: Locator
): Promise<void> {
  const signIn = scope.getByRole('button', { name: 'Sign in to edit' });
  await expect(ready.or(signIn)).toBeVisible();
  if (await signIn.isVisible()) {
    const [tab] = await Promise.all([
      scope.page().waitForEvent('popup'),
      signIn.click()
    ]);
    await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await tab.close();
  }
  await expect(ready).toBeVisible();
}

/**
 * Where the hub help service is, as the page's panel reaches it: under
 * /services/ on the hub's site, or on a host of its own with subdomains.
 */
export async function serviceUrl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hubHost = JSON.parse(
      document.getElementById('jupyter-config-data')!.textContent!
    ).hubHost as string;
    if (!hubHost || new URL(hubHost).origin === window.location.origin) {
      return '/services/hub-help/';
    }
    const url = new URL(hubHost);
    url.hostname = `hub-help--service.${url.hostname}`;
    return `${url.origin}/services/hub-help/`;
  });
}

/**
 * Stop the user's server through the Hub API, as the hub's control panel
 * does (the hub wants its XSRF cookie echoed), and wait until it is stopped.
 */
export async function stopServer(
  context: BrowserContext,
  hub: DemoHub,
  user: string
): Promise<void> {
  const xsrf = (await context.cookies(`${hub.url}/hub/`)).find(
    c => c.name === '_xsrf'
  );
  const headers = xsrf ? { 'X-XSRFToken': xsrf.value } : undefined;
  const api = `${hub.url}/hub/api/users/${user}`;
  const stop = await context.request.delete(`${api}/server`, { headers });
  // 400: it was not running.
  expect([202, 204, 400]).toContain(stop.status());
  await expect
    .poll(
      async () => {
        const model = await (
          await context.request.get(api, { headers })
        ).json();
        return !model.server && !model.pending;
      },
      { timeout: 120_000 }
    )
    .toBe(true);
}

/**
 * The Hub REST API as `user` calls it from the hub's own pages (the session
 * cookie with its XSRF token), without starting their server: for what an
 * admin does in the hub's admin page.
 */
export async function hubApiAs(
  hub: DemoHub,
  user: string
): Promise<(method: string, path: string, data?: unknown) => Promise<number>> {
  const context = await request.newContext({ baseURL: hub.url });
  await context.get('/hub/login');
  const xsrf = async () =>
    (await context.storageState()).cookies.find(
      c => c.name === '_xsrf' && c.path.startsWith('/hub')
    )?.value ?? '';
  const login = await context.post('/hub/login', {
    form: { username: user, password: hub.password, _xsrf: await xsrf() },
    maxRedirects: 0
  });
  expect(login.status()).toBe(302);
  // The XSRF token belongs to the session that signing in started.
  await context.get('/hub/token');
  return async (method, path, data) =>
    (
      await context.fetch(`/hub/api/${path}`, {
        method,
        data,
        headers: { 'X-XSRFToken': await xsrf() }
      })
    ).status();
}

export const test = base.extend<
  {
    hubLogs: void;
    /**
     * Log in as a demo user in a browser context of their own (closed after
     * the test); see logIn.
     */
    logInAs: (user: string, options?: ILogInOptions) => Promise<Page>;
  },
  {
    grantListUsers: boolean;
    pageServiceScope: boolean;
    service: boolean;
    subdomains: boolean;
    hub: DemoHub;
  }
>({
  grantListUsers: [false, { option: true, scope: 'worker' }],
  pageServiceScope: [true, { option: true, scope: 'worker' }],
  service: [true, { option: true, scope: 'worker' }],
  subdomains: [false, { option: true, scope: 'worker' }],

  hub: [
    async ({ grantListUsers, pageServiceScope, service, subdomains }, use) => {
      const hub = await DemoHub.start({
        grantListUsers,
        pageServiceScope,
        service,
        subdomains
      });
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 240_000 }
  ],

  logInAs: async ({ browser, hub }, use) => {
    const sessions: { user: string; page: Page }[] = [];
    await use(async (user, options) => {
      const page = await logIn(browser, hub, user, options);
      sessions.push({ user, page });
      return page;
    });
    // Two cores carry few idle servers and browsers: stop what the test started.
    for (const { user, page } of sessions) {
      const context = page.context();
      await page.close();
      if (hub.info.hub_running) {
        await stopServer(context, hub, user);
      }
      await context.close();
    }
  },

  hubLogs: [
    async ({ hub }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        hub.failed = true;
        for (const log of hub.logFiles()) {
          if (fs.existsSync(log)) {
            await testInfo.attach(path.basename(log), { path: log });
          }
        }
        console.error(hub.logTail());
      }
    },
    { auto: true }
  ]
});

export { expect };
