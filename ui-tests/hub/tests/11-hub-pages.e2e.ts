/**
 * Help where JupyterLab is not: the help page the hub help service serves,
 * and the box the template pack puts on the hub's own pages (a failed
 * spawn), in the real hub.
 */
import * as fs from 'fs';
import * as path from 'path';

import { Browser, Locator, Page } from '@playwright/test';

import { axeFindings } from '../../tests/axe';
import { DemoHub, expect, openPanel, test } from './fixtures';

const HELP = '/services/hub-help/help';
const STATUS_NOTE = 'The cluster is being upgraded until 14:00 UTC.';
/**
 * What a search shows, side by side: each query's tasks, titles and who
 * handles them.
 */
const QUERIES = ['server', 'add a user', 'install package', 'outage'];

/**
 * Log in through the hub's form and stay on the hub's pages: the server
 * is not waited for (it may be made to fail).
 */
async function logInToHub(
  browser: Browser,
  hub: DemoHub,
  user: string
): Promise<Page> {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  await page.goto('/hub/login?next=/hub/home');
  await page.getByLabel('Username:').fill(user);
  await page.getByLabel('Password:', { exact: true }).fill(hub.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/hub/home');
  return page;
}

/**
 * The help page, once it shows its answers (signing in to the service
 * through the hub on the way, which asks nothing of a signed-in person).
 */
async function openHelpPage(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${HELP}${query}`);
  await page.waitForURL(`**${HELP}**`);
  const main = page.locator('#jupyterlab-hub-help-page main');
  await expect(main.getByRole('heading', { name: 'Get help' })).toBeVisible();
  await expect(main.locator('#jp-HubHelp-tasks-heading')).toBeVisible();
  return main;
}

/**
 * Each query's tasks as a search shows them: id, then the row's text.
 */
async function searched(scope: Locator): Promise<string[][]> {
  const box = scope.locator('#jp-HubHelp-search');
  const found: string[][] = [];
  for (const query of QUERIES) {
    await box.fill(query);
    const rows = scope.locator('[data-task-id]');
    await expect(rows.first()).toBeVisible();
    found.push(
      await rows.evaluateAll(items =>
        items.map(
          li =>
            `${li.getAttribute('data-task-id')}: ${li.querySelector('button')?.textContent}`
        )
      )
    );
  }
  await box.fill('');
  return found;
}

/**
 * The people section's text as read (white space between blocks aside).
 */
const peopleOf = async (scope: Locator) =>
  (
    await scope
      .locator('section[aria-labelledby="jp-HubHelp-people-heading"]')
      .innerText()
  )
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Post the status note as `page`'s person, with the service's own sign-in
 * (its cookie and XSRF token), from the help page.
 */
async function postStatusNote(page: Page, text: string | null): Promise<void> {
  const status = await page.evaluate(async text => {
    const service = '/services/hub-help/';
    const me = await (await fetch(`${service}api/me`)).json();
    const current = await fetch(`${service}api/sections/status`);
    const answer = await fetch(`${service}api/sections/status`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'X-XSRFToken': me.xsrf,
        'If-Match': current.headers.get('ETag')!
      },
      body: JSON.stringify({ value: text === null ? null : { text } })
    });
    return answer.status;
  }, text);
  expect(status).toBe(200);
}

function failingUsers(hub: DemoHub): string {
  return path.join(hub.info.state, 'failing-users');
}

/**
 * Make `user`'s server fail to start (the demo's spawner reads this file
 * at each start), until the returned function is called.
 */
function failSpawns(hub: DemoHub, user: string): () => void {
  const file = failingUsers(hub);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '';
  fs.writeFileSync(file, `${before.trimEnd()}\n${user}\n`);
  return () => fs.writeFileSync(file, before);
}

/**
 * Start `page`'s person's server from the hub's home page: the hub sends
 * the browser to the page that waits for it, which says when it failed.
 */
async function failedSpawn(page: Page): Promise<Locator> {
  await page.goto('/hub/spawn');
  await page.waitForURL('**/hub/spawn-pending/**');
  const box = page.locator('#jupyterlab-hub-help-box');
  await expect(page.locator('#progress-bar.bg-danger')).toBeAttached({
    timeout: 60_000
  });
  await expect(box).toBeVisible();
  return box;
}

test.describe('Help on the hub’s own pages', () => {
  test('the help page answers as the panel does, for zoe, tomas and lin', async ({
    logInAs
  }) => {
    for (const user of ['zoe', 'tomas', 'lin']) {
      const lab = await logInAs(user);
      const panel = await openPanel(lab);
      const inPanel = await searched(panel);
      const panelPeople = await peopleOf(panel);

      const page = await lab.context().newPage();
      const main = await openHelpPage(page);
      await expect(main.getByText(`Signed in as ${user}`)).toBeVisible();
      expect(await searched(main)).toEqual(inPanel);
      expect(await peopleOf(main)).toEqual(panelPeople);
      expect(inPanel.flat().length).toBeGreaterThan(QUERIES.length);
      await page.close();
    }
  });

  test('the help page: strict headers, keyboard and screen reader, and no dead buttons', async ({
    browser,
    hub
  }) => {
    const page = await logInToHub(browser, hub, 'zoe');
    const answer = await page.goto(HELP);
    await page.waitForURL(`**${HELP}`);
    const last = answer!.request().redirectedTo() ?? answer!.request();
    const headers = (await last.response())!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    const main = await openHelpPage(page);
    expect(await axeFindings(page, '#jupyterlab-hub-help-page')).toEqual([]);

    // A self-service task that needs JupyterLab says so, rather than
    // offering a button that cannot work here.
    await main.locator('#jp-HubHelp-search').fill('restart my server');
    const row = main.locator('[data-task-id="restart-server"]');
    await row.getByRole('button').first().click();
    await expect(row).toContainText(
      /You can do this yourself in JupyterLab: \u2068?Restart my server/
    );
    await expect(row.locator('.jp-HubHelp-action')).toHaveCount(0);

    // The report form opens in place, from the keyboard.
    const report = main.getByRole('button', {
      name: 'Report a problem or outage'
    });
    await report.focus();
    await page.keyboard.press('Enter');
    await expect(main.locator('#jp-HubHelp-report-category')).toBeVisible();
    expect(await axeFindings(page, '#jupyterlab-hub-help-page')).toEqual([]);
    await page.context().close();
  });

  test("zoe's server fails to start: the hub's page says whom to contact, and her report reaches the inbox with what the hub said, redacted", async ({
    browser,
    hub
  }) => {
    const lin = await logInToHub(browser, hub, 'lin');
    await openHelpPage(lin);
    await postStatusNote(lin, STATUS_NOTE);
    const restore = failSpawns(hub, 'zoe');
    try {
      const zoe = await logInToHub(browser, hub, 'zoe');
      const box = await failedSpawn(zoe);
      await expect(box.getByText(STATUS_NOTE)).toBeVisible();
      await expect(box.locator('.jp-HubHelp-hubBoxFailed')).toHaveCount(0);
      await expect(box).toContainText('If your server will not start:');
      await expect(box.locator('[data-reason]')).toContainText(
        /Hub Administrators?/
      );
      await expect(
        box.getByRole('link', { name: /Lin/ }).first()
      ).toBeVisible();
      expect(await axeFindings(zoe, '#jupyterlab-hub-help-box')).toEqual([]);
      // The hub's own message carries a token; the box never shows it.
      await expect(box).not.toContainText('abc123');

      await box.getByRole('link', { name: 'Report a problem' }).click();
      await zoe.waitForURL(`**${HELP}?report=server-start`);
      const main = zoe.locator('#jupyterlab-hub-help-page main');
      const category = main.locator('#jp-HubHelp-report-category');
      await expect(category).toHaveValue('servers-not-starting');
      await main
        .getByRole('textbox', { name: 'What do you see, and since when?' })
        .fill('My server will not start');
      await main.getByText('The report that will be sent').click();
      const text = main.locator('.jp-HubHelp-reportText');
      await expect(text).toHaveValue(/The hub said: .*token=\[redacted\]/);
      expect(await text.inputValue()).not.toContain('abc123');
      await main
        .getByRole('button', { name: "Send to this hub's helpers" })
        .click();
      const status = main.locator('.jp-HubHelp-reportStatus');
      await expect(status).toHaveText(/^Sent as R-\d+\./);
      const reference = /R-\d+/.exec((await status.textContent())!)![0];

      // In the inbox of those who answer, with the failure's message.
      const stored = await lin.evaluate(async reference => {
        const found = await (
          await fetch('/services/hub-help/api/reports?limit=50')
        ).json();
        return found.reports.find(
          (r: { reference: string }) => r.reference === reference
        );
      }, reference);
      expect(stored.diagnostics).toContain('The hub said:');
      expect(stored.diagnostics).toContain('token=[redacted]');
      expect(JSON.stringify(stored)).not.toContain('abc123');
      await zoe.context().close();
    } finally {
      restore();
      await postStatusNote(lin, null);
      await lin.context().close();
    }
  });

  test('the login page says, to anyone, which hub this is, who runs it and how to reach its desk; never a person', async ({
    browser,
    hub
  }) => {
    const context = await browser.newContext({ baseURL: hub.url });
    const page = await context.newPage();
    await page.goto('/hub/login');
    const box = page.locator('#jupyterlab-hub-help-box');
    await expect(box).toBeVisible();
    await expect(box.getByRole('heading', { level: 2 })).toHaveText(
      'Riverbend Climate Hub'
    );
    await expect(box).toContainText('Operated by CloudHost Cooperative');
    await expect(box.getByRole('link').last()).toHaveAttribute(
      'href',
      /^(mailto:support@cloudhost\.example\.com|https:)/
    );
    await expect(box).not.toContainText('@riverbend.example.org');
    expect(await axeFindings(page, '#jupyterlab-hub-help-box')).toEqual([]);
    await context.close();
  });

  test('with the service down, the failed spawn page still renders, with the operator’s own words', async ({
    browser,
    hub
  }) => {
    const restore = failSpawns(hub, 'zoe');
    const zoe = await logInToHub(browser, hub, 'zoe');
    await hub.stopService();
    try {
      // Without the service's script the waiting page cannot show its box;
      // the page it leads to once the start failed has it from the template.
      await zoe.goto('/hub/spawn');
      await zoe.waitForURL('**/hub/spawn-pending/**');
      await expect(zoe.locator('#progress-bar.bg-danger')).toBeAttached({
        timeout: 60_000
      });
      await zoe.reload();
      const box = zoe.locator('#jupyterlab-hub-help-box');
      await expect(box).toBeVisible();
      await expect(box.getByRole('status')).toHaveText(
        'Help for this hub could not be loaded right now.'
      );
      await expect(box.locator('.jp-HubHelp-hubBoxFallback')).not.toBeEmpty();
      await expect(box.getByRole('link', { name: 'Get help' })).toBeVisible();
    } finally {
      restore();
      await hub.startService();
      await zoe.context().close();
    }
  });
});
