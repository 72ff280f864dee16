import { STATUS_ID } from '../generated/shared';
import type { CommunitySection } from '../hub/community';
import { IHubMetadata } from '../metadata/types';

/**
 * What the form starts from while the service holds nothing for a section:
 * what the panel shows now (the operator's people and announcements), so
 * that saving a first change keeps the rest of the list.
 */
export function startingValue(
  section: CommunitySection,
  metadata: IHubMetadata
): unknown {
  switch (section) {
    case 'people':
      return metadata.people
        .filter(p => !p.discovered)
        .map(({ name, usernames, roles, contact, note }) =>
          defined({ name, usernames, roles, contact, note })
        );
    case 'announcements':
      return metadata.announcements
        .filter(a => a.id !== STATUS_ID)
        .map(({ id, text, severity, start, end, link }) =>
          defined({ id, text, severity, start, end, link })
        );
    case 'status':
      return { text: '' };
    case 'tasks':
      return [];
  }
}

function defined(entry: { [key: string]: unknown }): {
  [key: string]: unknown;
} {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined)
  );
}
