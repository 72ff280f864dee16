import { localize } from '../metadata/localize';
import { ITrans } from '../metadata/trans';
import { IHubMetadata } from '../metadata/types';

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
