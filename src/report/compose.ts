import { ITrans } from '../metadata/trans';
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
export function composeReport(input: IReportInput, trans: ITrans): IReport {
  const description =
    input.description.trim() || trans.__('(no description given)');
  return {
    subject: trans._p(
      'report subject: hub name, kind of problem',
      '[%1] %2',
      input.hubName,
      input.categoryLabel
    ),
    body: [
      trans.__('Problem: %1', input.categoryLabel),
      affectedLine(input.affected, trans),
      '',
      trans.__('What I see:'),
      description,
      '',
      trans.__('Diagnostics:'),
      diagnosticsText(input.diagnostics, trans)
    ].join('\n')
  };
}

function affectedLine(affected: Affected, trans: ITrans): string {
  switch (affected) {
    case 'me':
      return trans.__('Who is affected: Only me');
    case 'others':
      return trans.__('Who is affected: Others too');
    default:
      return trans.__('Who is affected: Not sure');
  }
}
