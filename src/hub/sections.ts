import { FORMAT_VERSION, STATUS_ID } from '../generated/shared';
import type { CommunitySection } from './community';

type Document = { [key: string]: unknown };

const STATUS_AT = '$.announcements[0]';

/**
 * The document a section's value stands for, as the service checks it (its
 * validation.py): the status note as the first announcement, with its id.
 */
export function sectionDocument(
  section: CommunitySection,
  value: unknown,
  formatVersion: number = FORMAT_VERSION
): Document {
  if (section === 'status') {
    const note =
      value && typeof value === 'object' ? { ...value, id: STATUS_ID } : value;
    return { formatVersion, announcements: [note] };
  }
  return { formatVersion, [section]: value };
}

/**
 * A path in `sectionDocument`'s document as a path in the section, as the
 * service names it (`$.announcements[0].text` is `$.status.text`).
 */
export function sectionPath(section: CommunitySection, path: string): string {
  if (section === 'status') {
    return path.startsWith(STATUS_AT)
      ? `$.status${path.slice(STATUS_AT.length)}`
      : '$.status';
  }
  return path;
}

/**
 * The service's document (as it serves it to every panel) with `section`
 * holding `value`: what the panels will read once it is saved.
 */
export function withSection(
  document: Document,
  section: CommunitySection,
  value: unknown
): Document {
  const announcements = Array.isArray(document.announcements)
    ? document.announcements
    : [];
  const isStatus = (a: unknown) =>
    !!a && typeof a === 'object' && (a as Document).id === STATUS_ID;
  const status = announcements.filter(isStatus);
  const others = announcements.filter(a => !isStatus(a));
  switch (section) {
    case 'status':
      return {
        ...document,
        announcements: [
          ...(value === null || value === undefined
            ? []
            : [{ ...(value as Document), id: STATUS_ID }]),
          ...others
        ]
      };
    case 'announcements':
      return {
        ...document,
        announcements: [...status, ...(Array.isArray(value) ? value : [])]
      };
    default:
      return { ...document, [section]: value };
  }
}
