import { TranslationBundle } from '@jupyterlab/translation';

import type {
  IReportEvent,
  IStoredReport,
  TriageAction
} from '../../hub/reports';
import type { InboxStatus } from '../../report/inbox/session';

/**
 * The inbox's words for statuses, reporters' roles and recorded steps. The
 * names and times are filled in; names stay text (the views render every
 * string as text).
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
      return trans.__('Passed on to the operator');
  }
}

/**
 * Where a report stands, with who moved it there and when.
 */
export function statusLine(
  report: IStoredReport,
  at: (iso: string) => string,
  trans: TranslationBundle
): string {
  const { acknowledged, resolved, passedOn } = report;
  switch (report.status) {
    case 'resolved':
      return resolved
        ? trans.__('Resolved by %1 at %2', resolved.by, at(resolved.at))
        : trans.__('Resolved');
    case 'passed-on':
      return passedOn
        ? trans.__(
            'Passed on to the operator by %1 at %2',
            passedOn.by,
            at(passedOn.at)
          )
        : trans.__('Passed on to the operator');
    case 'acknowledged':
      return acknowledged
        ? trans.__(
            'Acknowledged by %1 at %2',
            acknowledged.by,
            at(acknowledged.at)
          )
        : trans.__('Acknowledged');
    case 'withdrawn':
      return trans.__('Withdrawn by the reporter');
    case 'received':
      return trans.__('Received, not acknowledged yet');
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
  const { name, role } = report.reporter;
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
  switch (event.kind) {
    case 'filed':
      return trans.__('Filed by %1 at %2', event.by, when);
    case 'acknowledged':
      return trans.__('Acknowledged by %1 at %2', event.by, when);
    case 'note':
      return event.toReporter
        ? trans.__('Note to the reporter by %1 at %2', event.by, when)
        : trans.__('Internal note by %1 at %2', event.by, when);
    case 'resolved':
      return trans.__('Resolved by %1 at %2', event.by, when);
    case 'reopened':
      return trans.__('Reopened by %1 at %2', event.by, when);
    case 'passed-on':
      return trans.__('Passed on to the operator by %1 at %2', event.by, when);
    case 'withdrawn':
      return trans.__('Withdrawn by %1 at %2', event.by, when);
    default:
      // A step a newer service records: its name, as it is.
      return trans.__('%1 by %2 at %3', event.kind, event.by, when);
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
