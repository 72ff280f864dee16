import {
  expect,
  galata,
  IJupyterLabPageFixture,
  test
} from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';

import { axeFindings } from './axe';
import { PANEL } from './urls';

// The fixture also writes the operator's file the server on port + 4 reads.
const {
  PEOPLE,
  TASKS,
  personName,
  taskTitle,
  userSettings
} = require('../fixtures/large-hub.js');

const port = Number(process.env.HUB_HELP_LAB_PORT || 8888);

/**
 * Few enough elements for the panel to stay quick: what fits on screen,
 * whatever the size of the document (a small hub's open panel has ~600).
 */
const MAX_PANEL_ELEMENTS = 1500;
const MAX_ROWS = 60;

test.use({
  baseURL: `http://127.0.0.1:${port + 4}`,
  mockSettings: {
    ...galata.DEFAULT_SETTINGS,
    'jupyterlab-hub-help:plugin': userSettings
  }
});

async function openPanel(page: IJupyterLabPageFixture): Promise<Locator> {
  await page.sidebar.openTab(PANEL.slice(1));
  const panel = page.locator(PANEL);
  await expect(panel.getByText(personName(0)).first()).toBeVisible();
  return panel;
}

const elementsIn = (panel: Locator) =>
  panel.evaluate(node => node.querySelectorAll('*').length);

/**
 * Scroll the panel until the end of `list` is in view, as many times as
 * measuring the rows moves that end.
 */
async function scrollToEnd(list: Locator, last: Locator): Promise<void> {
  await expect(async () => {
    await list.evaluate(node => {
      const scroller = node.closest('.jp-SidePanel-content')!;
      const gap =
        node.getBoundingClientRect().bottom -
        scroller.getBoundingClientRect().bottom;
      scroller.scrollTop += gap;
    });
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass();
}

/**
 * Record how long a key takes to reach the DOM and the next frame: printed
 * with the results, not judged (the machine's speed varies).
 */
async function timeKeystroke(
  box: Locator,
  text: string
): Promise<{ dom: number; frame: number }> {
  return box.evaluate((input: HTMLInputElement, value) => {
    const setValue = Object.getOwnPropertyDescriptor(
      HTMLInputElement.prototype,
      'value'
    )!.set!;
    const start = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const dom = performance.now() - start;
    return new Promise(resolve =>
      requestAnimationFrame(() =>
        resolve({ dom, frame: performance.now() - start })
      )
    );
  }, text);
}

test.describe(`${PEOPLE} people and ${TASKS} tasks`, () => {
  test('"Show all" holds only the rows on screen, and scrolling reaches the last person', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const crew = panel.locator('[data-role="crew"]');
    const people = crew.locator('.jp-HubHelp-person');
    await crew.getByRole('button', { name: `Show all ${PEOPLE}` }).click();
    await expect(
      crew.getByRole('button', { name: 'Show fewer' })
    ).toBeVisible();
    // The list goes on where it stopped, under the first five.
    await expect(
      crew.locator('.jp-HubHelp-personName', {
        hasText: new RegExp(`^${personName(5)}$`)
      })
    ).toBeInViewport();

    const opened = await elementsIn(panel);
    test.info().annotations.push({
      type: 'elements in the panel after "Show all"',
      description: String(opened)
    });
    expect(opened).toBeLessThan(MAX_PANEL_ELEMENTS);
    expect(await people.count()).toBeLessThan(MAX_ROWS);

    const last = people.filter({ hasText: personName(PEOPLE - 1) });
    await scrollToEnd(crew.locator('ul'), last);
    await expect(last).toHaveAttribute('aria-posinset', String(PEOPLE));
    await expect(last).toHaveAttribute('aria-setsize', String(PEOPLE));
    expect(await people.count()).toBeLessThan(MAX_ROWS);
    expect(await elementsIn(panel)).toBeLessThan(MAX_PANEL_ELEMENTS);
  });

  test('the filter finds a person far down the list', async ({ page }) => {
    const panel = await openPanel(page);
    const crew = panel.locator('[data-role="crew"]');
    await crew.getByLabel('Find a person: Crew').fill(personName(PEOPLE - 2));
    await expect(crew.locator('.jp-HubHelp-personName')).toHaveText([
      personName(PEOPLE - 2)
    ]);
  });

  test('search finds the last task, and each key renders only what is shown', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const box = panel.getByLabel('What do you need help with?');
    const tasks = panel.locator('[data-task-id]');
    await box.click();

    // Every task matches "task": the results are as long as the catalogue.
    const every = await timeKeystroke(box, 'task');
    await expect(panel.getByText(`${TASKS} tasks match`)).toBeVisible();
    await panel
      .getByRole('button', { name: `Show all ${TASKS} matches` })
      .click();
    await expect(tasks.first()).toBeVisible();
    expect(await tasks.count()).toBeLessThan(MAX_ROWS);
    expect(await elementsIn(panel)).toBeLessThan(MAX_PANEL_ELEMENTS);

    const one = await timeKeystroke(box, taskTitle(TASKS - 1));
    const first = tasks.first();
    await expect(first).toHaveAttribute('data-task-id', `t${TASKS}`);
    await expect(first).toBeVisible();
    test.info().annotations.push({
      type: 'keystroke to DOM / next frame, ms',
      description: `"task" (${TASKS} matches): ${every.dom.toFixed(1)} / ${every.frame.toFixed(1)}; "${taskTitle(TASKS - 1)}": ${one.dom.toFixed(1)} / ${one.frame.toFixed(1)}`
    });
  });

  test('a category of 500 tasks opens with only the rows on screen, and scrolls to its last task', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const heading = page.getByRole('button', { name: /^Category 20\b/ });
    const group = panel
      .locator('.jp-HubHelp-category')
      .filter({ has: heading });
    await group.locator(heading).click();
    const tasks = group.locator('[data-task-id]');
    await expect(tasks.first()).toBeVisible();
    expect(await tasks.count()).toBeLessThan(MAX_ROWS);

    const last = group.locator(`[data-task-id="t${TASKS}"]`);
    await scrollToEnd(group.locator('ul'), last);
    await expect(last).toHaveText(new RegExp(taskTitle(TASKS - 1)));

    // Opening the last task keeps it where it is, with its details.
    await last.getByRole('button', { name: taskTitle(TASKS - 1) }).click();
    await expect(last.locator('.jp-HubHelp-taskDetail')).toBeVisible();
  });

  test('a long list keeps the focus while it scrolls, and has no accessibility violation', async ({
    page
  }) => {
    const panel = await openPanel(page);
    const crew = panel.locator('[data-role="crew"]');
    await crew.getByRole('button', { name: `Show all ${PEOPLE}` }).click();
    // "Show fewer" keeps the focus after the list scrolls far away.
    const fewer = crew.getByRole('button', { name: 'Show fewer' });
    const first = crew.locator('.jp-HubHelp-person').first();
    await expect(first).toContainText(personName(0));
    await first.locator('.jp-HubHelp-copyAddress').focus();
    const focused = await page.evaluate(
      () => document.activeElement?.outerHTML
    );
    await crew.locator('ul').evaluate(node => {
      node.closest('.jp-SidePanel-content')!.scrollTop += 20000;
    });
    await expect(first).toBeAttached();
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(
      focused
    );
    await expect(fewer).toBeAttached();

    expect(await axeFindings(page, PANEL)).toEqual([]);
  });
});
