import type { TranslationBundle } from '@jupyterlab/translation';

import type { IStoredReport } from '../report';
import { formatTime } from '../metadata/localize';
import { isolate } from '../metadata/text';

/**
 * Where a stored report stands, in words, with who and when: the same line
 * for its reporter and for those who triage it.
 */
export function reportStatusLine(
  report: IStoredReport,
  trans: TranslationBundle,
  language: string
): string {
  const when = (at: string) => formatTime(new Date(at), language);
  const { acknowledged, resolved, passedOn } = report;
  switch (report.status) {
    case 'acknowledged':
      return acknowledged
        ? trans.__(
            'Acknowledged by %1 at %2',
            isolate(acknowledged.by),
            when(acknowledged.at)
          )
        : trans.__('Acknowledged');
    case 'passed-on':
      return passedOn
        ? trans.__(
            "Passed on to the operator's desk by %1 at %2",
            isolate(passedOn.by),
            when(passedOn.at)
          )
        : trans.__("Passed on to the operator's desk");
    case 'resolved':
      return resolved
        ? trans.__(
            'Resolved by %1 at %2',
            isolate(resolved.by),
            when(resolved.at)
          )
        : trans.__('Resolved');
    case 'withdrawn':
      return trans.__('Withdrawn');
    case 'received':
      return trans.__(
        'Received at %1, not acknowledged yet',
        when(report.createdAt)
      );
  }
}
