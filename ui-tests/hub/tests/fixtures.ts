/**
 * A real JupyterHub for the end-to-end tests: scripts/demo-hub.py (the same
 * supervisor as `make demo`) started once per worker on free ports, with a
 * temporary state directory, and stopped with everything it started. Its logs
 * are attached to a failing test, printed, and kept with the state directory.
 */
import {
  Browser,
  expect,
  Locator,
  Page,
  Response,
  test as base
} from '@playwright/test';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PANEL = '#jp-hub-help-panel';

export interface IHubInfo {
  url: string;
  pid: number;
  hub_running: boolean;
  password: string;
  hub_version: string;
  state: string;
  logs: string[];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function hubAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/hub/api`, {
      signal: AbortSignal.timeout(2000)
    });
    return response.ok;
  } catch {
    return false;
  }
}

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

  static async start(options: { grantListUsers: boolean }): Promise<DemoHub> {
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
      ...(options.grantListUsers ? ['--grant-list-users'] : [])
    ];
    const child = spawn(python, args, {
      cwd: ROOT,
      env: { ...process.env, HUB_HELP_GRANT_LIST_USERS: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const output: string[] = [];
    child.stdout!.on('data', chunk => output.push(String(chunk)));
    child.stderr!.on('data', chunk => output.push(String(chunk)));
    const hub = new DemoHub(child, dir, output);
    const deadline = Date.now() + 120_000;
    while (!hub._readInfo() || !(await hubAnswers(hub.info.url))) {
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
   * Stop the hub process only (SIGUSR1): the proxy and the user servers keep
   * running, and /hub/api answers with an error, as in a hub outage.
   */
  async stopHub(): Promise<void> {
    process.kill(this.info.pid, 'SIGUSR1');
    await this._until(
      async () =>
        !this._readInfo()?.hub_running && !(await hubAnswers(this.url)),
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
        !!this._readInfo()?.hub_running && (await hubAnswers(this.url)),
      'the hub to start again'
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
    return [path.join(state, 'hub.log'), path.join(state, 'proxy.log')];
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

/**
 * Log in through the hub's login form; the hub starts the user's server and
 * JupyterLab opens. `path` opens another page once logged in (e.g. someone
 * else's server), confirming the hub's "Authorize access" page if it asks.
 * Resolves once JupyterLab is shown and the extension has heard from the hub.
 */
export async function logIn(
  browser: Browser,
  hub: DemoHub,
  user: string,
  path?: string
): Promise<Page> {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  let answered = hubUserAnswer(page);
  await page.goto('/hub/login');
  await page.getByLabel('Username:').fill(user);
  await page.getByLabel('Password:', { exact: true }).fill(hub.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The hub spawns the server, then sends the browser to JupyterLab.
  await page.waitForURL(`**/user/${user}/lab**`, { timeout: 120_000 });
  if (path) {
    answered = hubUserAnswer(page);
    await page.goto(path);
    if (page.url().includes('/oauth2/authorize')) {
      await expect(
        page.getByRole('heading', { name: 'Authorize access' })
      ).toBeVisible();
      await page.getByRole('button', { name: 'Authorize' }).click();
    }
    await page.waitForURL(`**${path}**`);
  }
  await expect(getHelpTab(page)).toBeVisible({ timeout: 60_000 });
  await answered;
  return page;
}

/**
 * The extension's first answer from GET /hub/api/user, so that what the panel
 * shows is based on the live hub before anything is asserted about it.
 */
function hubUserAnswer(page: Page): Promise<Response> {
  const answer = page.waitForResponse(
    r => new URL(r.url()).pathname === '/hub/api/user',
    { timeout: 180_000 }
  );
  answer.catch(() => undefined); // awaited only when still wanted
  return answer;
}

export function getHelpTab(page: Page): Locator {
  return page.getByRole('tab', { name: 'Get help', exact: true });
}

/**
 * Open the Get help panel from its sidebar tab (unless the restored layout
 * already shows it).
 */
export async function openPanel(page: Page): Promise<Locator> {
  const panel = page.locator(PANEL);
  if (!(await panel.isVisible())) {
    await getHelpTab(page).click();
  }
  await expect(panel).toBeVisible();
  return panel;
}

export async function closePanel(page: Page): Promise<void> {
  const panel = page.locator(PANEL);
  if (await panel.isVisible()) {
    await getHelpTab(page).click();
  }
  await expect(panel).toBeHidden();
}

/**
 * Let the panel render what the last hub answer changed, before asserting
 * that something is absent.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
}

export const test = base.extend<
  {
    hubLogs: void;
    /**
     * Log in as a demo user in a browser context of their own (closed after
     * the test); see logIn.
     */
    logInAs: (user: string, path?: string) => Promise<Page>;
  },
  { grantListUsers: boolean; hub: DemoHub }
>({
  grantListUsers: [false, { option: true, scope: 'worker' }],

  hub: [
    async ({ grantListUsers }, use) => {
      const hub = await DemoHub.start({ grantListUsers });
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 240_000 }
  ],

  logInAs: async ({ browser, hub }, use) => {
    const pages: Page[] = [];
    await use(async (user, path) => {
      const page = await logIn(browser, hub, user, path);
      pages.push(page);
      return page;
    });
    for (const page of pages) {
      await page.context().close();
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
