import type { ReportsService } from '../hub/reports';
import type { IReportHub } from './session';
import type { YourReports } from './yourReports';

/**
 * The report dialog's (and the help page's) way into the hub help service,
 * where it keeps reports: stored ones join the viewer's list, unsent ones
 * wait in this browser, and "is it just me" asks only for the categories
 * whose counts the service shares.
 */
export function reportHub(
  reports: ReportsService,
  yours: YourReports,
  shared: readonly string[]
): IReportHub {
  return {
    file: async (record, key) => {
      const result = await reports.file(record, key);
      if (result.kind === 'stored') {
        yours.stored(result.report);
      }
      return result;
    },
    queue: (record, key, text) => yours.enqueue(record, key, text),
    summarize: async category =>
      shared.includes(category) ? reports.summary(category) : undefined
  };
}
