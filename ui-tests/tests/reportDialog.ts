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

/**
 * Who receives the report, and why: the collapsed section, opened.
 */
export async function recipientOf(dialog: Locator): Promise<Locator> {
  await expand(dialog, 'Who receives it');
  return dialog.getByRole('region', { name: 'Who receives it' });
}

/**
 * Where the sample hub's Community Representatives' reports go: the
 * operator's support desk, by its shared address (not its people).
 */
export const DESK_ROUTE = {
  to: 'To: CloudHost support desk (support@cloudhost.example.com), usually answered within one working day',
  actions: ['Send by email', 'Open a support ticket', 'Copy report', 'Cancel'],
  says: [
    'As Community Representative, you take problems you cannot solve to CloudHost support desk.',
    'Expected answer: within one working day'
  ]
};

/**
 * What the dialog shows of where the report goes: the summary line
 * ("To: ..."), the footer's actions, and, under "Who receives it", what it
 * says and the people it names. Answers the opened section for further
 * checks.
 */
export async function expectRoute(
  dialog: Locator,
  route: {
    to: string | RegExp;
    actions?: string[];
    says?: string[];
    people?: string[];
  }
): Promise<Locator> {
  await expect(dialog.locator('.jp-HubHelp-reportSummary')).toHaveText(
    route.to
  );
  if (route.actions) {
    expect(await footerActions(dialog)).toEqual(route.actions);
  }
  const recipient = await recipientOf(dialog);
  for (const text of route.says ?? []) {
    await expect(recipient).toContainText(text);
  }
  for (const name of route.people ?? []) {
    await expect(recipient.getByText(name)).toBeVisible();
  }
  return recipient;
}
