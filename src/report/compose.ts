import { Gettext } from '../metadata/types';
import { diagnosticsText, IDiagnostics } from './diagnostics';

export type Affected = 'me' | 'others' | 'unknown';

export interface IReportInput {
  hubName: string;
  categoryLabel: string;
  description: string;
  affected: Affected;
  diagnostics: IDiagnostics;
}

export interface IReport {
  subject: string;
  body: string;
}

/**
 * The report's subject and body, in the reporter's language.
 */
export function composeReport(input: IReportInput, __: Gettext): IReport {
  const affected =
    input.affected === 'me'
      ? __('Only me')
      : input.affected === 'others'
        ? __('Others too')
        : __('Not sure');
  const description = input.description.trim() || __('(no description given)');
  return {
    subject: __('[%1] %2', input.hubName, input.categoryLabel),
    body: [
      __('Problem: %1', input.categoryLabel),
      __('Who is affected: %1', affected),
      '',
      __('What I see:'),
      description,
      '',
      __('Diagnostics:'),
      diagnosticsText(input.diagnostics, __)
    ].join('\n')
  };
}
