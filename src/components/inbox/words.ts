import { TranslationBundle } from '@jupyterlab/translation';

import { isolate } from '../../metadata/text';
import type {
  InboxStatus,
  IReportEvent,
  IStoredReport,
  TriageAction
} from '../../report/inbox/session';

/**
 * The inbox's words for statuses, reporters' roles and recorded steps.
 * Names are isolated for direction (IsolatedText renders them).
 */
export function statusLabel(
  status: InboxStatus,
  trans: TranslationBundle
): string {
  switch (status) {
    case 'received':
      return trans.__('Received');
    case 'acknowledged':
      return trans.__('Acknowledged');
    case 'resolved':
      return trans.__('Resolved');
    case 'passed-on':
      return trans.__("Passed on to the operator's desk");
  }
}

/**
 * Who filed a report, as what, and when.
 */
export function filedLine(
  report: IStoredReport,
  at: (iso: string) => string,
  trans: TranslationBundle
): string {
  const name = isolate(report.reporter.name);
  const { role } = report.reporter;
  switch (role) {
    case 'admin':
      return trans.__(
        'Filed by %1, a hub admin, at %2',
        name,
        at(report.createdAt)
      );
    case 'representative':
      return trans.__(
        'Filed by %1, a Community Representative, at %2',
        name,
        at(report.createdAt)
      );
    default:
      return trans.__('Filed by %1 at %2', name, at(report.createdAt));
  }
}

/**
 * One recorded step: what was done, by whom, when.
 */
export function eventLine(
  event: IReportEvent,
  at: (iso: string) => string,
  trans: TranslationBundle
): string {
  const when = at(event.at);
  const by = isolate(event.by);
  switch (event.kind) {
    case 'filed':
      return trans.__('Filed by %1 at %2', by, when);
    case 'acknowledged':
      return trans.__('Acknowledged by %1 at %2', by, when);
    case 'note':
      return event.toReporter
        ? trans.__('Note to the reporter by %1 at %2', by, when)
        : trans.__('Internal note by %1 at %2', by, when);
    case 'resolved':
      return trans.__('Resolved by %1 at %2', by, when);
    case 'reopened':
      return trans.__('Reopened by %1 at %2', by, when);
    case 'passed-on':
      return trans.__("Passed on to the operator's desk by %1 at %2", by, when);
    case 'withdrawn':
      return trans.__('Withdrawn by %1 at %2', by, when);
    default:
      // A step a newer service records: its name, as it is.
      return trans.__('%1 by %2 at %3', event.kind, by, when);
  }
}

/**
 * A triage action's button.
 */
export function actionLabel(
  action: TriageAction,
  trans: TranslationBundle
): string {
  switch (action) {
    case 'acknowledge':
      return trans.__('Acknowledge');
    case 'resolve':
      return trans.__('Resolve');
    case 'reopen':
      return trans.__('Reopen');
    case 'note':
      return trans.__('Add note');
  }
}

/**
 * What a triage action did, once the service stored it.
 */
export function actionDone(
  action: TriageAction,
  reference: string,
  trans: TranslationBundle
): string {
  switch (action) {
    case 'acknowledge':
      return trans.__('%1 is acknowledged.', reference);
    case 'resolve':
      return trans.__('%1 is resolved.', reference);
    case 'reopen':
      return trans.__('%1 is open again.', reference);
    case 'note':
      return trans.__('The note is added to %1.', reference);
  }
}
