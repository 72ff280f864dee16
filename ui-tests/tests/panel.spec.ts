import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { axeFindings } from './axe';
import { runFromPalette } from './commands';
import { BROKEN_LAB, PANEL } from './urls';

async function openPanel(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL.slice(1));
  const panel = page.locator(PANEL);
  await expect(
    panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
  ).toBeVisible();
  return panel;
}

test.describe('Get help panel', () => {
  test('opens from its sidebar tab', async ({ page }) => {
    const panel = await openPanel(page);
    await expect(panel.getByText('Riverbend Climate Collective')).toBeVisible();
    await expect(panel.getByText('Operated by')).toBeVisible();
    await expect(
      panel.getByRole('link', { name: 'CloudHost Cooperative' }).first()
    ).toHaveAttribute('href', 'https://cloudhost.example.com');
  });

  test('opens from the command palette', async ({ page }) => {
    await runFromPalette(page, 'Get Help with This Hub');
    await expect(
      page
        .locator(PANEL)
        .getByRole('heading', { name: 'Riverbend Climate Hub' })
    ).toBeVisible();
  });

  test('opens from the Help menu', async ({ page }) => {
    await page.menu.clickMenuItem('Help>Get Help with This Hub');
    await expect(
      page
        .locator(PANEL)
        .getByRole('heading', { name: 'Riverbend Climate Hub' })
    ).toBeVisible();
  });

  test('finds "install a package" as self-service, and its button opens a terminal', async ({
    page
  }) => {
    const panel = await openPanel(page);
    await panel
      .getByLabel('What do you need help with?')
      .fill('install a package');
    const task = panel.locator('[data-task-id="install-package"]');
    await expect(task.getByText('You can do this yourself')).toBeVisible();
    await task
      .getByRole('button', { name: 'Install a package for myself' })
      .click();
    await expect(
      task.getByText('pip install --user NAME', { exact: false })
    ).toBeVisible();
    await task.getByRole('button', { name: 'Open a terminal' }).click();
    await expect(page.getByRole('tab', { name: /Terminal 1/ })).toBeVisible();
  });

  test('finds "add a user" and lists the Hub Administrators with working contacts', async ({
    page
  }) => {
    const panel = await openPanel(page);
    await panel.getByLabel('What do you need help with?').fill('add user');
    const task = panel.locator('[data-task-id="add-user"]');
    await expect(task.getByText('Handled by: Hub Administrator')).toBeVisible();
    await task
      .getByRole('button', { name: 'Give someone access to the hub' })
      .click();
    const contacts = task.getByRole('list', { name: 'Hub Administrator' });
    await expect(contacts.getByText('Amara Okafor')).toBeVisible();
    await expect(contacts.getByText('Lin Wei')).toBeVisible();
    await expect(
      contacts.getByRole('link', { name: 'Email' }).first()
    ).toHaveAttribute('href', 'mailto:amara.okafor@riverbend.example.org');
    const room = contacts.getByRole('link', {
      name: 'Ask in the #hub-help room'
    });
    await expect(room).toHaveAttribute(
      'href',
      'https://chat.riverbend.example.org/#/room/hub-help'
    );
    await expect(room).toHaveAttribute('target', '_blank');
  });

  test('routes operator tasks through the Community Representatives', async ({
    page
  }) => {
    const panel = await openPanel(page);
    await panel.getByLabel('What do you need help with?').fill('configuration');
    const task = panel.locator('[data-task-id="change-configuration"]');
    await expect(
      task.getByText('Through your Community Representative')
    ).toBeVisible();
    await task.getByRole('button').first().click();
    await expect(task.getByText('Tomás Ruiz')).toBeVisible();
  });

  test('Escape clears the search', async ({ page }) => {
    const panel = await openPanel(page);
    const search = panel.getByLabel('What do you need help with?');
    await search.fill('zzz no such task');
    await expect(panel.getByText('0 tasks match')).toBeVisible();
    await search.press('Escape');
    await expect(search).toHaveValue('');
  });

  test('shows announcements, and a dismissed one stays dismissed after reload', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const announcements = panel.getByRole('region', { name: 'Announcements' });
    await expect(
      announcements.getByText('Planned maintenance on 5 December')
    ).toBeVisible();
    await expect(
      announcements.getByText('Welcome to the Riverbend Climate Hub!')
    ).toBeVisible();
    // The dismissal is saved with the workspace, which JupyterLab writes shortly after.
    const saved = page.waitForRequest(
      r => r.url().includes('/api/workspaces') && r.method() === 'PUT'
    );
    await announcements
      .getByRole('button', { name: 'Dismiss announcement' })
      .first()
      .click();
    await expect(
      announcements.getByText('Planned maintenance on 5 December')
    ).toHaveCount(0);
    await saved;
    await page.reload();
    const again = await openPanel(page);
    await expect(
      again.getByText('Welcome to the Riverbend Climate Hub!')
    ).toBeVisible();
    await expect(
      again.getByText('Planned maintenance on 5 December')
    ).toHaveCount(0);
  });

  test('adds the announcements to the notification centre', async ({
    page
  }) => {
    await page.locator('.jp-Notification-Status').click();
    const centre = page.locator('.jp-Notification-Center');
    await expect(
      centre.getByText('Planned maintenance on 5 December', { exact: false })
    ).toBeVisible();
    await expect(
      centre.getByText('Welcome to the Riverbend Climate Hub!', {
        exact: false
      })
    ).toBeVisible();
  });

  test('lists the people with an empty-state hint where nobody is listed', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const reps = panel.locator('[data-role="community-representative"]');
    await expect(reps.getByText('Amara Okafor')).toBeVisible();
    await expect(reps.getByText('Tomás Ruiz')).toBeVisible();
    const operator = panel.locator('[data-role="operator"]');
    await expect(
      operator.getByRole('link', { name: 'Email the support desk' })
    ).toHaveAttribute('href', 'mailto:support@cloudhost.example.com');
    await expect(
      operator.getByText('within one working day', { exact: false })
    ).toBeVisible();
  });

  test('has no accessibility violation, in the light and the dark theme', async ({
    page
  }) => {
    await openPanel(page);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') {
        await page.theme.setDarkTheme();
        await openPanel(page);
      }
      expect(await axeFindings(page, PANEL), theme).toEqual([]);
    }
  });
});

test.describe('a broken settings override', () => {
  test.use({ baseURL: BROKEN_LAB });

  test('shows the problems and keeps the valid rest', async ({ page }) => {
    await page.getByRole('tab', { name: 'Get help' }).click();
    const panel = page.locator(PANEL);
    await expect(
      panel.getByRole('heading', { name: 'Broken Example Hub' })
    ).toBeVisible();
    await expect(
      panel
        .locator('[data-role="community-representative"]')
        .getByText('Valid Rep')
    ).toBeVisible();
    const problems = panel.getByRole('region', {
      name: 'Configuration problems'
    });
    await expect(problems).toContainText(
      'hub help settings, $.people[1]: is missing "name", which is required'
    );
    await expect(problems).toContainText(
      'hub help settings, $.people[2].contact.url: is not an allowed link'
    );
    await expect(problems).toContainText(
      'hub help settings, $.statusPage: must be text'
    );
    await expect(panel.locator('a[href^="javascript:"]')).toHaveCount(0);
  });
});
