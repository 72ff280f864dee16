import { ChildProcess, spawn } from 'child_process';
import { createServer } from 'net';
import * as path from 'path';

import { expect, test } from '@playwright/test';

import { recipientOf } from './reportDialog';

/**
 * This test runs its own JupyterLab server, so that it can stop it.
 */
async function freePort(): Promise<number> {
  return new Promise(resolve => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test.describe('when the JupyterLab server stops after the page loaded', () => {
  let lab: ChildProcess;
  let url: string;

  test.beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    lab = spawn(
      'jupyter',
      [
        'lab',
        '--config',
        'jupyter_server_test_config.py',
        `--port=${port}`,
        '--port-retries=0'
      ],
      {
        cwd: path.resolve(__dirname, '..'),
        env: {
          ...process.env,
          JUPYTER_CONFIG_PATH: path.resolve(__dirname, '../../demo/config')
        },
        stdio: 'ignore'
      }
    );
    await expect(async () => {
      const response = await fetch(`${url}/api/status`);
      expect(response.ok).toBe(true);
    }).toPass({ timeout: 60000 });
  });

  test.afterAll(() => {
    lab.kill('SIGKILL');
  });

  test('the report dialog still opens and routes', async ({ page }) => {
    await page.goto(`${url}/lab`);
    await expect(page.getByRole('tab', { name: 'Get help' })).toBeVisible({
      timeout: 60000
    });
    // Let the settings and the model load before the server goes away.
    await page.getByRole('tab', { name: 'Get help' }).click();
    await expect(
      page.getByRole('heading', { name: 'Riverbend Climate Hub' })
    ).toBeVisible();

    lab.kill('SIGKILL');
    await expect(async () => {
      await expect(fetch(`${url}/api/status`)).rejects.toThrow();
    }).toPass();

    await page.locator('.lm-MenuBar-item', { hasText: 'Help' }).click();
    await page
      .getByRole('menuitem', { name: 'Report a problem or outage' })
      .click();
    const dialog = page
      .getByRole('dialog')
      .filter({ hasText: 'Who receives it' });
    await dialog
      .getByLabel('What kind of problem is it?')
      .selectOption({ label: 'User servers not starting' });
    await expect(
      (await recipientOf(dialog)).getByText('Amara Okafor')
    ).toBeVisible();
    await expect(dialog.getByLabel('The report that will be sent')).toHaveValue(
      /Server answers now: no/,
      {
        timeout: 10000
      }
    );
  });
});
