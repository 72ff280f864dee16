import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { runCommand } from './commands';
import {
  CORPUS,
  everyCategory,
  expandPanel,
  linkHolder,
  MetadataServer,
  REPORT_PERSON,
  reportDialog,
  reportDocument,
  roundDocument,
  roundFindings,
  setHubHelpSetting,
  unsafeMarkup,
  VERBATIM
} from './hostile';
import { PANEL } from './urls';

/**
 * Hostile hub metadata (tests/corpus/hostile-text.json), served by a
 * metadata URL on another origin: its values reach the extension's own
 * checks as they are, which the settings API's schema check would not let
 * all through. Where operator data is shown: the panel, the report dialog and
 * the notification centre.
 */
const SHOWN = [PANEL, '.jp-Dialog', '.jp-Notification-Center', '.Toastify'];

let server: MetadataServer;

test.beforeAll(async () => {
  server = await MetadataServer.start();
});

test.afterAll(async () => {
  await server.stop();
});

/**
 * JupyterLab still runs commands: a new launcher opens.
 */
async function stillWorks(page: IJupyterLabPageFixture) {
  const launchers = page
    .locator('#jp-main-dock-panel .lm-TabBar-tab')
    .filter({ hasText: 'Launcher' });
  const before = await launchers.count();
  await runCommand(page, 'launcher:create');
  await expect(launchers).toHaveCount(before + 1);
}

test.describe('Hostile hub metadata', () => {
  test('the panel shows every text as text and refuses every unsafe link, in every field', async ({
    page
  }) => {
    const rounds = Math.max(CORPUS.texts.length, CORPUS.links.length);
    test.setTimeout(rounds * 5000);
    await page.sidebar.openTab(PANEL.slice(1));
    const panel = page.locator(PANEL);
    const findings: string[] = [];
    for (let k = 0; k < rounds; k++) {
      const url = server.publish(`/round-${k}.json`, roundDocument(k));
      await setHubHelpSetting(page, 'metadataUrl', url);
      await expect(
        panel.getByText(linkHolder(k), { exact: true }).first()
      ).toBeVisible();
      await expandPanel(page);
      const found = [
        ...(await page.evaluate(unsafeMarkup, {
          roots: SHOWN,
          corpusUrl: server.corpusUrl
        })),
        ...(await page.evaluate(roundFindings, {
          k,
          corpusUrl: server.corpusUrl,
          verbatim: VERBATIM
        }))
      ];
      const text = JSON.stringify(CORPUS.texts[k % CORPUS.texts.length]);
      const link = JSON.stringify(CORPUS.links[k % CORPUS.links.length]);
      findings.push(...found.map(f => `text ${text}, link ${link}: ${f}`));
    }
    await page.locator('.jp-Notification-Status').click();
    await expect(page.locator('.jp-Notification-Center')).toBeVisible();
    findings.push(
      ...(
        await page.evaluate(unsafeMarkup, {
          roots: SHOWN,
          corpusUrl: server.corpusUrl
        })
      ).map(f => `notification centre: ${f}`)
    );
    expect(findings).toEqual([]);
    await stillWorks(page);
  });

  test('the report dialog works with every text, and its links and text keep them inert', async ({
    page
  }) => {
    test.setTimeout(CORPUS.texts.length * 5000);
    await page.sidebar.openTab(PANEL.slice(1));
    await setHubHelpSetting(
      page,
      'metadataUrl',
      server.publish('/report.json', reportDocument())
    );
    await expect(
      page.locator(PANEL).getByText(REPORT_PERSON).first()
    ).toBeVisible();
    await runCommand(page, 'hub-help:report-problem');
    const dialog = reportDialog(page);
    await expect(
      dialog.getByLabel('What kind of problem is it?')
    ).toBeVisible();
    // Axe with markup, right-to-left text, and the longest text.
    const { texts } = CORPUS;
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
    const axeAt = [
      texts.findIndex(t => new RegExp(VERBATIM, 'i').test(t)),
      texts.findIndex(t => /[\u0590-\u08ff]/.test(t)),
      texts.indexOf(longest)
    ];
    expect(await everyCategory(page, server.corpusUrl, axeAt)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await stillWorks(page);
  });
});

test.describe('The server extension outside a hub', () => {
  test('answers nothing: the Hub API reads it forwards exist on a hub only', async ({
    page
  }) => {
    const answers = await page.evaluate(async () => {
      const config = JSON.parse(
        document.getElementById('jupyter-config-data')!.textContent!
      );
      const headers = { Authorization: `token ${config.token}` };
      const ask = (path: string) =>
        fetch(`${config.baseUrl}hub-help/api/hub/${path}`, { headers }).then(
          r => r.status
        );
      return { user: await ask('user'), anythingElse: await ask('admin') };
    });
    expect(answers).toEqual({ user: 404, anythingElse: 404 });
  });
});
