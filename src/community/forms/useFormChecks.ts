import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';

import type { EditResult, SectionSession } from '../sectionSession';
import { draftProblems, IFieldProblem, shownProblems } from './fieldProblems';

/**
 * The checks of a section's form: the draft's problems as the format finds
 * them (with those the service named when it last refused a save), which of
 * them to show, and whether a save may go.
 */
export function useFormChecks(
  session: SectionSession,
  draft: unknown,
  outcome: EditResult | null,
  trans: TranslationBundle
): {
  /**
   * What the form shows beside its fields.
   */
  shown: IFieldProblem[];
  /**
   * The errors that keep the draft from being saved.
   */
  errors: IFieldProblem[];
  saveTried: boolean;
  /**
   * For the form's container: a field the person leaves is checked.
   */
  onBlur: (event: React.FocusEvent) => void;
  /**
   * The person asks to save: true when nothing stops it.
   */
  trySave: () => boolean;
  /**
   * The draft was put back: nothing is shown until it is edited again.
   */
  reset: () => void;
} {
  const [left, setLeft] = React.useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = React.useState(false);
  const checked = React.useMemo(
    () => draftProblems(session.section, draft, trans),
    [session, draft, trans]
  );
  const problems = React.useMemo(() => {
    if (outcome?.kind !== 'invalid') {
      return checked;
    }
    // The service's words only where the checks here found nothing (its
    // checks across entries, or a newer format).
    const found = new Set(checked.map(p => p.path));
    return [
      ...checked,
      ...outcome.problems
        .filter(p => !found.has(p.path))
        .map(p => ({
          path: p.path,
          reason: p.reason,
          severity: 'error' as const
        }))
    ];
  }, [checked, outcome]);
  const saveTried = tried || outcome?.kind === 'invalid';
  const errors = problems.filter(p => p.severity === 'error');
  return {
    shown: shownProblems(problems, left, saveTried),
    errors,
    saveTried,
    onBlur: event => {
      const path = (event.target as Element)
        .closest('[data-path]')
        ?.getAttribute('data-path');
      if (path && !left.has(path)) {
        setLeft(new Set(left).add(path));
      }
    },
    trySave: () => {
      setTried(true);
      return errors.length === 0;
    },
    reset: () => {
      setTried(false);
      setLeft(new Set());
    }
  };
}
