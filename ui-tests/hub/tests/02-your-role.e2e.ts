import { Route } from '@playwright/test';

import { moveClockOn } from '../../tests/clock';
import { closePanel, expect, openPanel, test } from './fixtures';

/**
 * "Your role" comes from the curated people list and from the hub's own
 * admin flag (GET /hub/api/user), whichever names the viewer.
 */
test.describe('Your role', () => {
  test('amara, a Community Representative who is a hub admin, sees both roles', async ({
    logInAs
  }) => {
    const panel = await openPanel(await logInAs('amara'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(role).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Community Representative' })
    ).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
    await expect(
      role.getByRole('link', { name: 'Hub admin page' })
    ).toHaveAttribute('href', /^(http:\/\/localhost:\d+)?\/hub\/admin$/);
  });

  test('lin, a Hub Administrator, sees that role only', async ({ logInAs }) => {
    const panel = await openPanel(await logInAs('lin'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
    await expect(
      role.getByRole('heading', { name: 'As Community Representative' })
    ).toHaveCount(0);
  });

  test('noah, a hub admin missing from the curated list, is a Hub Administrator because the hub says so', async ({
    logInAs
  }) => {
    const panel = await openPanel(await logInAs('noah'));
    const role = panel.getByRole('region', { name: 'Your role' });
    await expect(
      role.getByRole('heading', { name: 'As Hub Administrator' })
    ).toBeVisible();
  });

  test('noah keeps that role when the hub does not answer a later check', async ({
    logInAs
  }) => {
    const page = await logInAs('noah');
    const admin = page
      .locator('#jp-hub-help-panel')
      .getByRole('region', { name: 'Your role' })
      .getByRole('heading', { name: 'As Hub Administrator' });
    await openPanel(page);
    await expect(admin).toBeVisible();

    // The hub takes the question about the viewer and never answers it: the
    // extension gives up on its own.
    const held: Route[] = [];
    // (Through the page's own server where each user has a subdomain.)
    const isUserCall = (url: URL) =>
      url.pathname === '/hub/api/user' ||
      url.pathname.endsWith('/hub-help/api/hub/user');
    await page.route(isUserCall, route => void held.push(route));
    const abandoned = page.waitForEvent('requestfailed', {
      predicate: request => isUserCall(new URL(request.url())),
      timeout: 120_000
    });
    // Reopening the panel half a minute later asks the hub again.
    await moveClockOn(page, 31);
    await closePanel(page);
    await openPanel(page);
    await abandoned;
    await expect(admin).toBeVisible();
    await page.unroute(isUserCall);
    for (const route of held) {
      await route.abort().catch(() => undefined);
    }
  });

  test('zoe, a regular user, has no "Your role" section', async ({
    logInAs
  }) => {
    const page = await logInAs('zoe');
    const panel = await openPanel(page);
    await expect(panel.getByText('Signed in as zoe')).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Your role' })).toHaveCount(
      0
    );
    await expect(panel.getByText('Your role')).toHaveCount(0);
  });
});
