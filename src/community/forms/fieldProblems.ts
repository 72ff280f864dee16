import { FORMAT_VERSION } from '../../generated/shared';
import { sectionDocument, sectionPath } from '../../hub/sections';
import type { CommunitySection } from '../../hub/community';
import { parseDocument } from '../../metadata/parse';
import { describeReason, IProblem } from '../../metadata/problems';
import { ITrans } from '../../metadata/trans';

/**
 * One problem of a draft, where the form shows it.
 */
export interface IFieldProblem {
  /**
   * The field's path in the section as the service names it
   * (`$.people[0].contact.email`, `$.status.text`).
   */
  path: string;
  reason: string;
  severity: IProblem['severity'];
}

/**
 * The draft's problems by field, checked with the format's own checks as the
 * panel reads the section, in the viewer's language. A missing field is
 * named at the field itself, not at the entry that lacks it; that an entry
 * would be left out for the problems inside it goes without saying here.
 */
export function draftProblems(
  section: CommunitySection,
  draft: unknown,
  trans: ITrans
): IFieldProblem[] {
  const document = sectionDocument(section, draft, FORMAT_VERSION);
  return parseDocument(document, 'community')
    .problems.filter(p => p.code !== 'emptied')
    .map(p => ({
      path: sectionPath(
        section,
        p.code === 'required' ? `${p.path}.${p.params[0]}` : p.path
      ),
      reason: describeReason(p, trans),
      severity: p.severity
    }));
}

/**
 * The problems at `path` exactly.
 */
export function problemsAt(
  problems: readonly IFieldProblem[],
  path: string
): IFieldProblem[] {
  return problems.filter(p => p.path === path);
}

/**
 * The problems the form shows: all of them once a save was tried, and
 * before that those of the fields the person has left (and of the entries
 * holding them), so that a field being typed or not reached yet is not
 * called wrong. Warnings are always shown: nothing the person does
 * causes them.
 */
export function shownProblems(
  problems: readonly IFieldProblem[],
  left: ReadonlySet<string>,
  saveTried: boolean
): IFieldProblem[] {
  if (saveTried) {
    return [...problems];
  }
  const inside = (path: string, outer: string) =>
    path === outer ||
    path.startsWith(`${outer}.`) ||
    path.startsWith(`${outer}[`);
  return problems.filter(
    p =>
      p.severity === 'warning' || [...left].some(field => inside(field, p.path))
  );
}
