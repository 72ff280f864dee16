import type { TranslationBundle } from '@jupyterlab/translation';

import type { IFieldProblem } from './fieldProblems';
import { problemsAt } from './fieldProblems';

/**
 * What every part of a section's form shares: the words, the draft's
 * problems, and where its fields' ids start.
 */
export interface IFormContext {
  trans: TranslationBundle;
  language: string;
  problems: readonly IFieldProblem[];
  idPrefix: string;
}

/**
 * The id of the field at `path` (a JSON path): unique in the page, stable
 * for tests and for focusing the first problem.
 */
export function fieldId(context: IFormContext, path: string): string {
  return `${context.idPrefix}${path.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/**
 * A field of the form: where it is in the section, its id, its problems.
 */
export interface IFieldAt {
  path: string;
  id: string;
  problems: IFieldProblem[];
}

/**
 * The field at `path`: its id and the problems shown beside it.
 */
export function fieldAt(context: IFormContext, path: string): IFieldAt {
  return {
    path,
    id: fieldId(context, path),
    problems: problemsAt(context.problems, path)
  };
}
