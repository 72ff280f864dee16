/**
 * The reports inbox of a large hub, in the browser: the demo hub's service
 * database filled to 50,000 reports (bench/service.py --fill), then Lin, a
 * Hub Administrator, opens the inbox and filters it. Printed, and held to
 * bench/budget.json; run by `make bench`, not by `make test`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { declineNews, expect, test } from '../tests/fixtures';
import { COMMAND, openInbox } from '../tests/inbox';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STORED = 50000;
const budget = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'bench', 'budget.json'), 'utf-8')
);

test('the reports inbox with 50,000 stored reports opens and filters', async ({
  hub,
  logInAs
}) => {
  execFileSync(path.join(ROOT, '.venv', 'bin', 'python'), [
    path.join(ROOT, 'bench', 'service.py'),
    '--fill',
    path.join(hub.info.state, 'hub-help.sqlite'),
    '--stored',
    String(STORED)
  ]);
  const lin = await logInAs('lin');
  await declineNews(lin);
  // Opened once and closed: its code is loaded and the sign-in made.
  const inbox = await openInbox(lin);
  await expect(inbox.locator('.jp-HubHelp-inboxRow').first()).toBeVisible();
  await lin.evaluate(() =>
    (window as any).jupyterapp.shell.currentWidget.close()
  );
  await expect(inbox).toHaveCount(0);

  const timings = await lin.evaluate(async command => {
    const app = (window as any).jupyterapp;
    const until = (ready: () => boolean) =>
      new Promise<void>(resolve => {
        const check = () =>
          ready() ? resolve() : requestAnimationFrame(check);
        check();
      });
    const rows = () =>
      Array.from(
        document.querySelectorAll(
          '#jp-HubHelp-reportsInbox .jp-HubHelp-inboxRow'
        )
      );
    // The time spent waiting for the service, which is not the browser's.
    let network = 0;
    const realFetch = window.fetch;
    window.fetch = async (...args) => {
      const asked = performance.now();
      try {
        return await realFetch(...args);
      } finally {
        network += performance.now() - asked;
      }
    };
    let start = performance.now();
    await app.commands.execute(command);
    const tab = performance.now() - start;
    await until(() => rows().length > 0);
    const open = { total: performance.now() - start, network, tab };
    network = 0;
    const shown = rows().length;
    const select = document.querySelector(
      '#jp-HubHelp-reportsInbox select'
    ) as HTMLSelectElement;
    start = performance.now();
    Object.getOwnPropertyDescriptor(
      HTMLSelectElement.prototype,
      'value'
    )!.set!.call(select, 'received');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () =>
        rows().length > 0 &&
        rows().every(row => row.getAttribute('data-status') === 'received')
    );
    const filter = { total: performance.now() - start, network };
    window.fetch = realFetch;
    return { open, filter, shown };
  }, COMMAND);
  const { open, filter, shown } = timings;
  const opening = open.total - open.network - open.tab;
  const filtering = filter.total - filter.network;
  console.log(
    `Inbox of ${STORED} stored reports: opened in ${opening.toFixed(1)} ms of the browser's time ` +
      `(${open.tab.toFixed(1)} ms more for JupyterLab's tab, ${open.network.toFixed(1)} ms waiting for the service), ` +
      `${shown} rows drawn; filtered in ${filtering.toFixed(1)} ms (${filter.network.toFixed(1)} ms waiting for the service)`
  );
  expect(shown).toBeLessThan(60);
  expect(opening).toBeLessThan(budget.inboxOpenMs);
  expect(filtering).toBeLessThan(budget.inboxFilterMs);
});
