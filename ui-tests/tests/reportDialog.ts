import { expect } from '@jupyterlab/galata';
import { Locator, Page } from '@playwright/test';

import { runCommand } from './commands';

/**
 * The report dialog, once its form is shown and has the keyboard's focus
 * (the dialog hears Escape from then on).
 */
export async function reportDialog(page: Page): Promise<Locator> {
  const dialog = page
    .locator('.jp-Dialog')
    .filter({ has: page.locator('#jp-HubHelp-report-category') });
  await expect(dialog.getByLabel('What kind of problem is it?')).toBeFocused();
  return dialog;
}

/**
 * Open "Report a problem or outage", as the Help menu does.
 */
export async function openReport(page: Page): Promise<Locator> {
  await runCommand(page, 'hub-help:report-problem');
  return reportDialog(page);
}

/**
 * What a person fills in: the kind of problem, what they see, and who else
 * is affected; each only when given.
 */
export interface IReportAnswers {
  category?: string;
  details?: string;
  affected?: 'Only me' | 'Others too' | 'Not sure';
}

export async function fillReport(
  dialog: Locator,
  answers: IReportAnswers
): Promise<void> {
  if (answers.category) {
    await dialog
      .getByLabel('What kind of problem is it?')
      .selectOption({ label: answers.category });
  }
  if (answers.details !== undefined) {
    await dialog
      .getByLabel('What do you see, and since when?')
      .fill(answers.details);
  }
  if (answers.affected) {
    await dialog.getByLabel(answers.affected).check();
  }
}

/**
 * The dialog's footer, where the report is sent from.
 */
export function footer(dialog: Locator): Locator {
  return dialog.locator('.jp-Dialog-footer');
}

/**
 * The footer's actions, in order, by their names.
 */
export function footerActions(dialog: Locator): Promise<string[]> {
  return footer(dialog).locator('a, button').allInnerTexts();
}

/**
 * Open one of the dialog's collapsed sections ("Who receives it", ...).
 */
export async function expand(dialog: Locator, title: string): Promise<void> {
  await dialog.locator('summary', { hasText: title }).click();
}
