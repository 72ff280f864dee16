import * as fs from 'fs';
import * as path from 'path';

import { Page, Request } from '@playwright/test';

import { runCommand } from '../../tests/commands';
import {
  CORPUS,
  everyCategory,
  expandPanel,
  HOSTILE_ROLE,
  MetadataServer,
  REPORT_PERSON,
  reportDialog,
  reportDocument,
  setHubHelpSetting,
  STATUS_PAGE
} from '../../tests/hostile';
import {
  DemoHub,
  expect,
  ILogInOptions,
  openPanel,
  pageToken,
  stopServer,
  test
} from './fixtures';

/**
 * The hostile hub metadata of the Galata security suite, in a real hub: the
 * hub token stays where it belongs, and the report dialog works with every
 * text while the hub or the server is down. The metadata URL is served from
 * another origin (tests/hostile.ts).
 */
let server: MetadataServer;

test.beforeAll(async () => {
  server = await MetadataServer.start();
});

test.afterAll(async () => {
  await server.stop();
});

/**
 * Run in the page before JupyterLab: record what is written to the
 * clipboard and what window.open opens, without stubbing either.
 */
function recordLeaks() {
  const record = { clipboard: [] as string[], opened: [] as string[] };
  (window as any).__hubHelpRecorded = record;
  const { clipboard } = navigator;
  const writeText = clipboard.writeText.bind(clipboard);
  clipboard.writeText = (text: string) => {
    record.clipboard.push(text);
    return writeText(text);
  };
  const write = clipboard.write.bind(clipboard);
  clipboard.write = async (items: ClipboardItem[]) => {
    for (const item of items) {
      for (const type of item.types) {
        record.clipboard.push(await (await item.getType(type)).text());
      }
    }
    return write(items);
  };
  // What a copy event handler (JupyterLab's Clipboard.copyToSystem) sets.
  const setData = DataTransfer.prototype.setData;
  DataTransfer.prototype.setData = function (format: string, data: string) {
    record.clipboard.push(data);
    return setData.call(this, format, data);
  };
  const open = window.open;
  window.open = function (...args: Parameters<typeof window.open>) {
    record.opened.push(String(args[0] ?? ''));
    return open.apply(this, args);
  };
}

/**
 * Run in the page: where the token is in the page, its storage, its state
 * database, and what was copied or opened. PageConfig (JupyterHub's
 * jupyter-config-data) is where it comes from.
 */
async function tokenHolders(token: string): Promise<string[]> {
  const found: string[] = [];
  const config = document.getElementById('jupyter-config-data');
  for (const el of document.querySelectorAll('*')) {
    if (el === config) {
      continue;
    }
    const tag = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`;
    for (const { name, value } of [...el.attributes]) {
      if (value.includes(token)) {
        found.push(`attribute ${name} of ${tag}`);
      }
    }
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue!.includes(token)) {
        found.push(`text in ${tag}`);
      }
    }
    if (
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
      el.value.includes(token)
    ) {
      found.push(`value of ${tag}`);
    }
  }
  if (document.title.includes(token)) {
    found.push('the page title');
  }
  for (const [name, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage]
  ] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      if (`${key}\n${storage.getItem(key)}`.includes(token)) {
        found.push(`${name} ${key}`);
      }
    }
  }
  // JupyterLab's state database, as it is now (the workspace saves it later).
  const state = (window as any).jupyterapp.pluginRegistry._plugins.get(
    '@jupyterlab/apputils-extension:state'
  ).service;
  for (const [id, value] of Object.entries(await state.toJSON())) {
    if (JSON.stringify([id, value]).includes(token)) {
      found.push(`state database entry ${id}`);
    }
  }
  const recorded = (window as any).__hubHelpRecorded;
  recorded.clipboard.forEach((text: string, i: number) => {
    if (text.includes(token)) {
      found.push(`clipboard write ${i + 1}`);
    }
  });
  recorded.opened.forEach((url: string) => {
    if (url.includes(token)) {
      found.push(`window.open(${url})`);
    }
  });
  return found;
}

/**
 * Where requests that carry the token went, other than where it belongs:
 * the Authorization header of a call to the hub's API, or of JupyterLab's
 * own calls to the user's server (JupyterLab's credential for its server,
 * which JupyterHub gives it as this token).
 */
async function tokenRequests(
  requests: ISentRequest[],
  token: string,
  hub: DemoHub,
  user: string
): Promise<string[]> {
  const found: string[] = [];
  for (const { request, headers } of requests) {
    const url = new URL(request.url());
    const where = `${request.method()} ${url.origin}${url.pathname}`;
    if (request.url().includes(token)) {
      found.push(`in the URL of ${where}`);
    }
    if (request.postData()?.includes(token)) {
      found.push(`in the body of ${where}`);
    }
    // The hub's API, the user's server and the hub help service (through
    // the hub's proxy), and nowhere else.
    const ownApi =
      url.origin === hub.url &&
      (url.pathname.startsWith('/hub/api/') ||
        url.pathname.startsWith(`/user/${user}/`) ||
        url.pathname.startsWith('/services/hub-help/api/'));
    for (const [name, value] of Object.entries(await headers)) {
      if (value.includes(token) && !(name === 'authorization' && ownApi)) {
        found.push(`in the ${name} header of ${where}`);
      }
    }
  }
  return found;
}

/**
 * A request and all its headers, asked for when it was sent: a popup closed
 * since can no longer give them.
 */
interface ISentRequest {
  request: Request;
  headers: Promise<{ [name: string]: string }>;
}

/**
 * What the page sent, logged and opened while a test ran.
 */
interface ISession {
  page: Page;
  requests: ISentRequest[];
  console: string[];
  popups: string[];
  sockets: string[];
}

async function logInRecorded(
  logInAs: (user: string, options?: ILogInOptions) => Promise<Page>,
  user: string
): Promise<ISession> {
  const session = {
    requests: [] as ISentRequest[],
    console: [] as string[],
    popups: [] as string[],
    sockets: [] as string[]
  };
  const page = await logInAs(user, {
    prepare: async (page: Page) => {
      const context = page.context();
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await context.addInitScript(recordLeaks);
      context.on('request', request =>
        session.requests.push({
          request,
          // Chromium may report no more than these for a closed popup.
          headers: request.allHeaders().catch(() => request.headers())
        })
      );
      context.on('console', message => session.console.push(message.text()));
      page.on('pageerror', error => session.console.push(String(error)));
      page.on('websocket', socket => session.sockets.push(socket.url()));
      page.on('popup', async popup => {
        session.popups.push(popup.url());
        await popup.close();
      });
    }
  });
  return { page, ...session };
}

/**
 * Forget the user's hub help settings and state (the metadata URL's copy is
 * in the workspace), for the tests that come later.
 */
function forgetSettings(hub: DemoHub, user: string) {
  fs.rmSync(path.join(hub.home(user), '.jupyter', 'lab'), {
    recursive: true,
    force: true
  });
}

async function loadReportDocument(page: Page) {
  await setHubHelpSetting(
    page,
    'metadataUrl',
    server.publish('/report.json', reportDocument())
  );
  const panel = await openPanel(page);
  await expect(panel.getByText(REPORT_PERSON).first()).toBeVisible();
  return panel;
}

test.describe('Hostile hub metadata in a real hub', () => {
  test('the token stays in the Authorization header of calls to the hub, its help service and the server', async ({
    hub,
    logInAs
  }) => {
    const session = await logInRecorded(logInAs, 'zoe');
    const { page } = session;
    try {
      const token = await pageToken(page);
      expect(token.length).toBeGreaterThan(8);
      await loadReportDocument(page);
      await expandPanel(page);

      // A report whose description holds an address with the token.
      await runCommand(page, 'hub-help:report-problem');
      const dialog = reportDialog(page);
      const placeholders = CORPUS.texts.indexOf(
        '{token} {description} {hub_url}'
      );
      expect(placeholders).toBeGreaterThanOrEqual(0);
      await dialog
        .getByLabel('What kind of problem is it?')
        .selectOption(`c-${placeholders}`);
      await dialog
        .getByLabel('What do you see, and since when?')
        .fill(`It broke at ${hub.url}/user/zoe/lab?token=${token}&x=1`);
      const report = dialog.getByLabel('The report that will be sent');
      await expect(report).toHaveValue(/\?token=\[redacted\]&x=1/);
      for (const name of ['Send by email', 'Hostile form']) {
        const href = (await dialog
          .getByRole('link', { name })
          .getAttribute('href'))!;
        expect(href).not.toContain(token);
        expect(decodeURIComponent(href)).toContain('?token=[redacted]&x=1');
      }
      await dialog.getByRole('button', { name: 'Copy report' }).click();
      await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('?token=[redacted]&x=1');
      expect(copied).not.toContain(token);
      // Once copied, the report counts as sent: Cancel has become Close.
      await dialog.getByRole('button', { name: 'Close' }).click();

      await runCommand(page, 'hub-help:copy-diagnostics');
      await expect(
        page.getByText('Diagnostics copied to the clipboard.')
      ).toBeVisible();
      const diagnostics = await page.evaluate(() =>
        navigator.clipboard.readText()
      );
      expect(diagnostics).toContain('Signed in as: zoe');
      expect(diagnostics).not.toContain(token);

      await runCommand(page, 'hub-help:contact', { role: HOSTILE_ROLE });
      await runCommand(page, 'hub-help:open-status-page');
      await expect
        .poll(() =>
          page.evaluate(() => (window as any).__hubHelpRecorded.opened)
        )
        .toEqual(['mailto:desk@example.org', STATUS_PAGE]);

      const saved = await page.request.get('/user/zoe/lab/api/workspaces');
      expect(saved.ok()).toBe(true);
      expect({
        page: await page.evaluate(tokenHolders, token),
        workspaces: (await saved.text()).includes(token),
        requests: await tokenRequests(session.requests, token, hub, 'zoe'),
        console: session.console.filter(m => m.includes(token)),
        popups: session.popups.filter(u => u.includes(token)),
        sockets: session.sockets.filter(u => u.includes(token)),
        // The metadata URL may be another site's: no credentials at all.
        metadataUrl: server.requests.filter(
          headers => headers.authorization || headers.cookie
        )
      }).toEqual({
        page: [],
        workspaces: false,
        requests: [],
        console: [],
        popups: [],
        sockets: [],
        metadataUrl: []
      });
    } finally {
      forgetSettings(hub, 'zoe');
    }
  });

  test('the report dialog works with every text, with the hub up, the hub down and the server down', async ({
    hub,
    logInAs
  }) => {
    test.setTimeout(CORPUS.texts.length * 6000);
    const page = await logInAs('zoe');
    const findings: string[] = [];
    const everyText = async (when: string, answers: RegExp) => {
      await runCommand(page, 'hub-help:report-problem');
      const dialog = reportDialog(page);
      // Once the server has stopped, JupyterLab's own "Server unavailable"
      // dialog may come at any moment, and JupyterLab shows its dialogs one
      // at a time: a person dismisses it, and ours follows.
      const unavailable = page
        .locator('.jp-Dialog')
        .filter({ hasText: 'Server unavailable or unreachable' })
        .getByRole('button', { name: 'Dismiss' });
      await expect(async () => {
        if (await unavailable.isVisible()) {
          await unavailable.click();
        }
        // The dialog has asked the hub and the server.
        await expect(
          dialog.getByLabel('The report that will be sent')
        ).toHaveValue(answers, { timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      const found = await everyCategory(page, server.corpusUrl);
      findings.push(...found.map(f => `${when}: ${f}`));
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
    };
    try {
      await loadReportDocument(page);
      await everyText('hub up', /Hub answers now: yes/);
      await hub.stopHub();
      try {
        await everyText('hub down', /Hub answers now: no/);
      } finally {
        await hub.startHub();
      }
      await stopServer(page.context(), hub, 'zoe');
      await everyText('server down', /Server answers now: no/);
      expect(findings).toEqual([]);
    } finally {
      forgetSettings(hub, 'zoe');
    }
  });
});
