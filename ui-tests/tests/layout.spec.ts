import {
  expect,
  galata,
  IJupyterLabPageFixture,
  test
} from '@jupyterlab/galata';

import { axeFindings } from './axe';
import { labRestored, runCommand } from './commands';
import { PANEL } from './urls';

/**
 * The panel at the widths people give a sidebar, and the report dialog, in
 * both themes: everything fits the width (nothing cut off or scrolling
 * sideways), the toolbar keeps its actions, and axe finds nothing.
 */
test.use({ viewport: { width: 1400, height: 900 } });

/**
 * Give the right sidebar `width` pixels, as dragging its edge would.
 */
async function setSidebarWidth(page: IJupyterLabPageFixture, width: number) {
  await page.evaluate(target => {
    const split = (window as any).jupyterapp.shell._hsplitPanel;
    const total = split.node.clientWidth;
    const [left] = split.relativeSizes();
    const right = target / total;
    split.setRelativeSizes([left, 1 - left - right, right]);
  }, width);
  await expect
    .poll(async () =>
      Math.round((await page.locator(PANEL).boundingBox())?.width ?? 0)
    )
    .toBeGreaterThanOrEqual(width - 2);
}

/**
 * Elements of `selector` wider than their box: text or controls that would
 * be cut off or scroll sideways.
 */
async function overflowing(page: IJupyterLabPageFixture, selector: string) {
  return page
    .locator(selector)
    .evaluate(root =>
      [root, ...Array.from(root.querySelectorAll('*'))]
        .filter(
          node =>
            node instanceof HTMLElement &&
            node.offsetParent !== null &&
            getComputedStyle(node).overflowX !== 'visible' &&
            node.scrollWidth > node.clientWidth + 1
        )
        .map(node => `${node.tagName.toLowerCase()}.${node.className}`)
    );
}

for (const theme of ['light', 'dark']) {
  for (const width of [250, 400, 800]) {
    test(`the panel at ${width} pixels in the ${theme} theme`, async ({
      page
    }) => {
      if (theme === 'dark') {
        await page.theme.setDarkTheme();
      }
      await labRestored(page);
      await page.sidebar.openTab(PANEL.slice(1));
      const panel = page.locator(PANEL);
      await expect(
        panel.getByRole('heading', { name: 'Riverbend Climate Hub' })
      ).toBeVisible();
      await setSidebarWidth(page, width);

      // The toolbar: the refresh and the report actions stay reachable.
      const toolbar = panel.locator('.jp-SidePanel-toolbar');
      await expect(
        toolbar.getByRole('button', { name: 'Report a problem or outage' })
      ).toBeVisible();
      await expect(
        toolbar.getByTitle('Check the hub and its help information again')
      ).toBeVisible();
      // On one line: no item spills out of the toolbar over the content.
      const bar = (await toolbar.boundingBox())!;
      for (const item of await toolbar.locator('.jp-Toolbar-item').all()) {
        const box = (await item.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height + 1);
      }

      // Searching opens a category, so that its tasks are checked too.
      await panel.getByLabel('What do you need help with?').fill('package');
      await expect(panel.locator('.jp-HubHelp-task').first()).toBeVisible();

      expect(await overflowing(page, PANEL)).toEqual([]);
      expect(await axeFindings(page, PANEL)).toEqual([]);
    });
  }

  test(`the report dialog in the ${theme} theme`, async ({ page }) => {
    if (theme === 'dark') {
      await page.theme.setDarkTheme();
    }
    await runCommand(page, 'hub-help:report-problem');
    const dialog = page.locator('.jp-Dialog-content');
    await expect(
      dialog.getByLabel('What do you see, and since when?')
    ).toBeVisible();
    // Wide enough to read the report: at least 600 pixels on this screen.
    expect((await dialog.boundingBox())!.width).toBeGreaterThanOrEqual(600);
    expect(await overflowing(page, '.jp-Dialog-content')).toEqual([]);
    expect(await axeFindings(page, '.jp-Dialog')).toEqual([]);
  });
}

/**
 * An operator's button label of 125 characters, nearly all without a space.
 */
const LONG_LABEL = `${'Open-the-Riverbend-shared-climate-data-catalogue-'.repeat(3).slice(0, 121)} now`;
const INSTRUCTIONS = 'Read the catalogue terms before you open it.';

test.describe('a long operator label', () => {
  test.use({
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyterlab-hub-help:plugin': {
        tasks: [
          {
            id: 'long-label',
            title: 'Open the data catalogue',
            category: 'Data',
            owner: 'user',
            keywords: ['catalogue'],
            how: {
              text: INSTRUCTIONS,
              command: { id: 'help:about', label: LONG_LABEL }
            }
          }
        ]
      }
    }
  });

  test('wraps inside its button, below the instructions, at 400 pixels', async ({
    page
  }) => {
    expect(LONG_LABEL).toHaveLength(125);
    await labRestored(page);
    await page.sidebar.openTab(PANEL.slice(1));
    const panel = page.locator(PANEL);
    await panel.getByLabel('What do you need help with?').fill('catalogue');
    await panel
      .getByRole('button', { name: 'Open the data catalogue' })
      .click();
    await setSidebarWidth(page, 400);

    const instructions = panel.getByText(INSTRUCTIONS);
    const button = panel.getByRole('button', { name: LONG_LABEL });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    const above = (await instructions.boundingBox())!;
    // The text's own box: every line of the label, inside the button's.
    const text = await button.evaluate(node => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const { left, top, right, bottom } = range.getBoundingClientRect();
      return { left, top, right, bottom };
    });
    expect(text.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(text.right).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(text.top).toBeGreaterThanOrEqual(box.y - 1);
    expect(text.bottom).toBeLessThanOrEqual(box.y + box.height + 1);
    // Several lines, all below the instructions, within the panel's width.
    expect(box.height).toBeGreaterThan(40);
    expect(box.y).toBeGreaterThanOrEqual(above.y + above.height);
    expect(box.x + box.width).toBeLessThanOrEqual(
      (await panel.boundingBox())!.x + 400 + 1
    );
  });
});
