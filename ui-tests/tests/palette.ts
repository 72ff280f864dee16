import { expect, Page } from '@playwright/test';

/**
 * Run a command from JupyterLab's command palette, by its label, with the
 * keyboard: the palette's list is re-rendered as commands change, so Enter
 * is steadier than a click on an item.
 */
export async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+C');
  const input = page.locator('#command-palette input');
  await input.fill(label);
  await expect(
    page.locator('#command-palette .lm-CommandPalette-item.lm-mod-active')
  ).toContainText(label);
  await input.press('Enter');
}
