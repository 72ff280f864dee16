import { localize } from '../metadata/localize';
import { ITrans } from '../metadata/trans';
import { IHubMetadata } from '../metadata/types';
import type { Affected } from './compose';

/**
 * The category offered after the operator's, for anything else.
 */
export const OTHER_CATEGORY = 'something-else';

/**
 * A stored report's category in the viewer's language: the operator's
 * label, "Something else", or the id itself for a category a newer or
 * older document no longer has.
 */
export function reportCategoryLabel(
  id: string,
  metadata: IHubMetadata,
  language: string,
  trans: ITrans
): string {
  if (id === OTHER_CATEGORY) {
    return trans.__('Something else');
  }
  const category = metadata.outageCategories.find(c => c.id === id);
  return (category && localize(category.label, language)) || id;
}

/**
 * The categories a report is filed under, in the viewer's language: the
 * operator's, then "something else".
 */
export function reportCategories(
  metadata: IHubMetadata,
  language: string,
  trans: ITrans
): { id: string; label: string }[] {
  return [...metadata.outageCategories.map(c => c.id), OTHER_CATEGORY].map(
    id => ({ id, label: reportCategoryLabel(id, metadata, language, trans) })
  );
}

/**
 * The answers to "Who is affected?", in the viewer's language, in the
 * order the form offers them.
 */
export function affectedChoices(trans: ITrans): [Affected, string][] {
  return [
    ['me', trans.__('Only me')],
    ['others', trans.__('Others too')],
    ['unknown', trans.__('Not sure')]
  ];
}

/**
 * A stored report's answer in words; text kept by another release as it is.
 */
export function affectedLabel(affected: string, trans: ITrans): string {
  return (
    affectedChoices(trans).find(([id]) => id === affected)?.[1] ?? affected
  );
}
