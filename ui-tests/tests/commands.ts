import { expect, Page } from '@playwright/test';

/**
 * Resolves once JupyterLab has restored its layout: its plugins are active,
 * their commands registered. The test servers expose the application as
 * `window.jupyterapp` (Galata's server configuration, and the hub suite's
 * user configuration).
 */
export async function labRestored(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof (window as any).jupyterapp === 'object',
    null,
    { timeout: 120_000 }
  );
  await page.evaluate(() => (window as any).jupyterapp.restored);
}

/**
 * Run a command the way JupyterLab's menus do, once JupyterLab is restored.
 * Does not wait for the command to finish: a dialog's command finishes only
 * when the dialog is closed.
 */
export async function runCommand(
  page: Page,
  id: string,
  args: { [key: string]: unknown } = {}
): Promise<void> {
  await labRestored(page);
  await page.evaluate(
    ([command, options]) => {
      const { commands } = (window as any).jupyterapp;
      if (!commands.hasCommand(command)) {
        throw new Error(`JupyterLab has no command ${command}`);
      }
      void commands.execute(command, options);
    },
    [id, args] as const
  );
}

/**
 * Resolves once a keyboard shortcut runs `command`: shortcuts are read from
 * the settings after JupyterLab starts, and a key pressed before is lost.
 */
export async function shortcutReady(
  page: Page,
  command: string
): Promise<void> {
  await labRestored(page);
  await page.waitForFunction(
    id =>
      (window as any).jupyterapp.commands.keyBindings.some(
        (binding: { command: string }) => binding.command === id
      ),
    command
  );
}

/**
 * Run a command from the command palette, by its label, with the keyboard
 * alone. The shortcut opens the palette (again, if it did not show: opening
 * it twice is harmless); Enter runs the active item, since the palette's
 * list is re-rendered as commands change.
 */
export async function runFromPalette(page: Page, label: string): Promise<void> {
  await shortcutReady(page, 'apputils:activate-command-palette');
  const input = page.locator('#command-palette input');
  await expect(async () => {
    if (!(await input.isVisible())) {
      await page.keyboard.press('Control+Shift+C');
    }
    await expect(input).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await input.fill(label);
  await expect(
    page.locator('#command-palette .lm-CommandPalette-item.lm-mod-active')
  ).toContainText(label);
  await input.press('Enter');
  await expect(input).toBeHidden();
}
