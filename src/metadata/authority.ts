import { SECTIONS, TASK_NOTE } from '../generated/shared';
import { IParsedDocument } from './parse';
import { IProblem, jsonPath, ProblemCode } from './problems';
import {
  IHubMetadataDocument,
  ITaskEntry,
  RemoteGrant,
  SourceId
} from './types';

/**
 * The fields a task note may hold, on a task another source defines, and the
 * keys of each (`how: ['text']`); shared with the service.
 */
const NOTE: { readonly [key: string]: readonly string[] } = TASK_NOTE;
const isNoteField = (key: string) =>
  Object.prototype.hasOwnProperty.call(NOTE, key);

/**
 * The note's fields as a problem names them.
 */
const NOTE_FIELDS = [
  'tasks[].id (of a listed task)',
  ...NOTE['how'].map(key => `tasks[].how.${key}`)
].join(', ');

/**
 * Keys no other source may set.
 */
const SETTINGS_ONLY = ['metadataUrlMaySet', 'communityService'] as const;

/**
 * What the community help service may set: the parts a community keeps
 * current itself (its status note arrives as an announcement). The rest of
 * the document stays the operator's.
 */
export const COMMUNITY_KEYS: readonly (keyof IHubMetadataDocument)[] = [
  'formatVersion',
  ...SECTIONS.filter(
    (section): section is Exclude<typeof section, 'status'> =>
      section !== 'status'
  )
];

function ignored(
  source: SourceId,
  keys: (string | number)[],
  code: ProblemCode,
  ...params: string[]
): IProblem {
  return {
    source,
    path: jsonPath(keys),
    code,
    params,
    severity: 'warning'
  };
}

/**
 * The metadata URL may be served by someone other than the operator: its
 * document keeps contacts, tasks and announcements current, but redirecting
 * later fetches, changing admin discovery or adding command buttons needs the
 * operator's grant in the settings (`metadataUrlMaySet`). What it may not set
 * is ignored and named.
 */
export function limitRemoteAuthority(
  parsed: IParsedDocument,
  granted: readonly RemoteGrant[] = []
): IParsedDocument {
  const document = { ...parsed.document };
  const problems: IProblem[] = [];
  const refuse = (keys: (string | number)[], needed: string) =>
    problems.push(ignored('metadata-url', keys, 'not-allowed', needed));
  // Only the operator's settings grant authority, or say where the hub
  // token may be sent.
  for (const key of SETTINGS_ONLY) {
    if (document[key] !== undefined) {
      problems.push(ignored('metadata-url', [key], 'settings-only'));
      delete document[key];
    }
  }
  for (const key of ['metadataUrl', 'adminDiscovery'] as const) {
    if (document[key] !== undefined && !granted.includes(key)) {
      refuse([key], key);
      delete document[key];
    }
  }
  if (document.tasks && !granted.includes('commands')) {
    const positions = parsed.positions['tasks'] ?? [];
    document.tasks = document.tasks.map((task, i) => {
      if (!task.how?.command) {
        return task;
      }
      refuse(['tasks', positions[i] ?? i, 'how', 'command'], 'commands');
      const how = { ...task.how };
      delete how.command;
      return { ...task, how };
    });
  }
  return {
    document,
    problems: [...parsed.problems, ...problems],
    positions: parsed.positions
  };
}

/**
 * The community help service's document limited to the community's keys;
 * anything else it holds is ignored and named. Its tasks are notes on the
 * tasks the other sources define (`knownTasks`): the text of how to do them,
 * never their owner or a command.
 */
export function limitCommunityAuthority(
  parsed: IParsedDocument,
  knownTasks: ReadonlySet<string> = new Set()
): IParsedDocument {
  const document: IHubMetadataDocument = {};
  const problems: IProblem[] = [];
  const refuse = (keys: (string | number)[], allowed: string) =>
    problems.push(ignored('community', keys, 'not-community', allowed));
  const allowed = COMMUNITY_KEYS.filter(k => k !== 'formatVersion').join(', ');
  for (const [key, value] of Object.entries(parsed.document)) {
    if ((COMMUNITY_KEYS as string[]).includes(key)) {
      (document as any)[key] = value;
    } else {
      refuse([key], allowed);
    }
  }
  if (document.tasks) {
    const positions = parsed.positions['tasks'] ?? [];
    const notes: ITaskEntry[] = [];
    document.tasks.forEach((task, i) => {
      const at = ['tasks', positions[i] ?? i];
      if (!knownTasks.has(task.id)) {
        refuse([...at, 'id'], NOTE_FIELDS);
        return;
      }
      Object.keys(task)
        .filter(key => !isNoteField(key))
        .forEach(key => refuse([...at, key], NOTE_FIELDS));
      Object.keys(task.how ?? {})
        .filter(key => !NOTE['how'].includes(key))
        .forEach(key => refuse([...at, 'how', key], NOTE_FIELDS));
      if (task.how?.text !== undefined) {
        notes.push({ id: task.id, how: { text: task.how.text } });
      }
    });
    document.tasks = notes;
  }
  return {
    document,
    problems: [...parsed.problems, ...problems],
    positions: parsed.positions
  };
}
