/**
 * Problem reports: diagnostics, text, and delivery by email, form or
 * clipboard. Pure TypeScript, like the metadata layer.
 */
export * from './diagnostics';
export * from './compose';
export * from './deliver';
export * from './prepare';
export * from './session';
export * from './categories';
export * from './yourReports';
export * from './reportHub';
// What the views render of the reports the hub help service keeps.
export type {
  IReportSummary,
  IStoredReport,
  StoredReportStatus
} from '../hub/reports';
