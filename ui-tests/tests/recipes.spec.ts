import * as fs from 'fs';
import * as path from 'path';

import { expect, test } from '@jupyterlab/galata';

import { PANEL, Z2JH_LAB } from './urls';

/**
 * The pod's files, rendered by playwright.config.js from the values files
 * that docs/operators/zero-to-jupyterhub.md shows.
 */
const POD = path.resolve(__dirname, '../../build/z2jh-pod');

interface IPerson {
  name: string;
  roles: string[];
}

/**
 * The hub help settings in the rendered overrides file: whatever the
 * documented values mount, wherever they mount it.
 */
function renderedSettings(): { [key: string]: any } {
  const files = (fs.readdirSync(POD, { recursive: true }) as string[])
    .filter(file => file.endsWith('.json'))
    .map(file => JSON.parse(fs.readFileSync(path.join(POD, file), 'utf8')));
  expect(files).toHaveLength(1);
  return files[0]['jupyterlab-hub-help:plugin'];
}

test.describe('the documented zero-to-jupyterhub values, rendered as a pod sees them', () => {
  test.use({ baseURL: Z2JH_LAB });

  test('the panel shows the people, the operator and its desk configured there', async ({
    page
  }) => {
    const settings = renderedSettings();
    const people: IPerson[] = settings.people;
    // The hub's own file and the operator's base file both reached the pod.
    expect(people.length).toBeGreaterThan(0);
    expect(settings.operated_by.name).toBeTruthy();

    await page.sidebar.openTab(PANEL.slice(1));
    const panel = page.locator(PANEL);
    await expect(
      panel.getByRole('heading', { name: settings.hub.name })
    ).toBeVisible();
    for (const person of people) {
      for (const role of person.roles) {
        await expect(
          panel.locator(`[data-role="${role}"]`).getByText(person.name)
        ).toBeVisible();
      }
    }
    const desk = settings.roles['support-triager'].channels[0].address;
    await expect(
      panel.locator(`[data-role="operator"] a[href="mailto:${desk}"]`)
    ).toBeVisible();
    await expect(
      panel.getByRole('link', { name: settings.operated_by.name }).first()
    ).toHaveAttribute('href', settings.operated_by.url);
    for (const announcement of settings.announcements as string[]) {
      await expect(panel.getByText(announcement)).toBeVisible();
    }
    await expect(panel).not.toContainText('Configuration problems');
  });
});
