import { Locator, Page } from '@playwright/test';

import { expect } from './fixtures';

export const COMMAND = 'hub-help:open-reports-inbox';

/**
 * Whether the inbox command is shown to the page's user.
 */
export const mayTriage = (page: Page) =>
  page.evaluate(
    command => (window as any).jupyterapp.commands.isVisible(command),
    COMMAND
  );

/**
 * Open the inbox from the Help menu once the service said the viewer
 * triages, signing in to the service when it is offered, as a person does.
 */
export async function openInbox(page: Page): Promise<Locator> {
  await expect.poll(() => mayTriage(page)).toBe(true);
  await page.getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Open the Reports Inbox' }).click();
  const inbox = page.locator('#jp-HubHelp-reportsInbox');
  const heading = inbox.getByRole('heading', { name: 'Reports routed to you' });
  // Triage needs the service's own sign-in, made silently where it can be.
  const signIn = inbox.getByRole('button', {
    name: 'Sign in to triage reports'
  });
  await expect(heading.or(signIn)).toBeVisible();
  if (await signIn.isVisible()) {
    const [tab] = await Promise.all([
      page.waitForEvent('popup'),
      signIn.click()
    ]);
    await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await tab.close();
  }
  await expect(heading).toBeVisible();
  return inbox;
}

export const rowOf = (inbox: Locator, reference: string) =>
  inbox
    .getByRole('listitem')
    .filter({ has: inbox.page().getByRole('button', { name: reference }) })
    .first();
