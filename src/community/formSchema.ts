import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { STATUS_ID } from '../generated/shared';
import type { CommunitySection } from '../hub/community';
import { IHubMetadata } from '../metadata/types';

type Schema = { [key: string]: any };

/**
 * The form of one community section, built from the settings schema as
 * JupyterLab holds it (translated, and without the checks only our own
 * validator knows): the same fields and words as the Settings Editor's.
 * What is valid is decided by the service, with the format's checks.
 */
export function sectionSchema(
  schema: ISettingRegistry.ISchema,
  section: CommunitySection,
  tasks: { id: string; title: string }[] = []
): Schema {
  const properties = (schema.properties ?? {}) as Schema;
  const definitions = (schema.definitions ?? {}) as Schema;
  if (section === 'tasks') {
    // A note on one of the listed tasks: which task, and how to do it here.
    const task = definitions.task?.properties ?? {};
    return {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: {
            ...task.id,
            oneOf: tasks.map(t => ({ const: t.id, title: t.title }))
          },
          how: {
            ...task.how,
            properties: { text: task.how?.properties?.text },
            required: ['text']
          }
        },
        required: ['id', 'how']
      },
      definitions
    };
  }
  if (section !== 'status') {
    const { title, description, items } = properties[section] ?? {};
    return { type: 'array', title, description, items, definitions };
  }
  // The status note is an announcement the service shows first; it has no
  // id or time window of its own.
  const announcement: Schema = (definitions.announcement?.oneOf ?? []).find(
    (s: Schema) => s.type === 'object'
  ) ?? { type: 'object' };
  const properties_ = Object.fromEntries(
    Object.entries(announcement.properties ?? {}).filter(
      ([key]) => !['id', 'start', 'end'].includes(key)
    )
  );
  return { ...announcement, properties: properties_, definitions };
}

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
        .filter(a => a.id !== COMMUNITY_STATUS)
        .map(({ id, text, severity, start, end, link }) =>
          defined({ id, text, severity, start, end, link })
        );
    case 'status':
      return { text: '' };
    case 'tasks':
      return [];
  }
}

/**
 * The announcement the service serves its status note as.
 */
export const COMMUNITY_STATUS = STATUS_ID;

function defined(entry: { [key: string]: unknown }): {
  [key: string]: unknown;
} {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined)
  );
}
