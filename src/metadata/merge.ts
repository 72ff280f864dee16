import { RoleIDs } from '../ids';
import { atOnce, Work } from '../slices';
import { COMMUNITY_SERVICE, ROLE_ALIASES } from './defaults';
import { clampRefreshSeconds, LIMITS } from './limits';
import { IPositions } from './parse';
import { IProblem, jsonPath } from './problems';
import {
  IAnnouncement,
  IHubMetadata,
  IHubMetadataDocument,
  IOrigin,
  IPerson,
  IRole,
  IRoleEntry,
  ITaskEntry,
  SourceId
} from './types';

/**
 * One source's checked document.
 */
export interface ISourceDocument {
  source: SourceId;
  document: IHubMetadataDocument;
  /**
   * For each top-level list, the index as written of each entry (entries
   * left out by the checks shift the others).
   */
  positions?: IPositions;
}

/**
 * What the live hub adds: the usernames of its admins, when it could list them.
 */
export interface ILiveHubData {
  admins?: string[];
}

export interface IMergeOptions {
  /**
   * Whether JupyterLab has a command; when given, tasks that name a missing
   * command are reported.
   */
  hasCommand?: (id: string) => boolean;
}

export interface IMergeResult {
  metadata: IHubMetadata;
  problems: IProblem[];
}

/**
 * Merge the sources in order (each later one changes what it sets), then add
 * what the live hub discovered, which never overrides what was written.
 * Lists (people, announcements, outage categories) are replaced whole by a
 * later source; roles and tasks are merged by id, field by field.
 */
export function mergeSources(
  sources: ISourceDocument[],
  live: ILiveHubData = {},
  options: IMergeOptions = {}
): IMergeResult {
  return atOnce(merging(sources, live, options));
}

/**
 * `mergeSources` as work that pauses after each entry of the lists (people,
 * tasks), to run in slices (src/slices.ts).
 */
export function* merging(
  sources: ISourceDocument[],
  live: ILiveHubData = {},
  options: IMergeOptions = {}
): Work<IMergeResult> {
  const problems: IProblem[] = [];
  const acc = new Accumulator(problems);
  for (const source of sources) {
    yield* acc.apply(source);
  }
  const metadata = yield* acc.finish();
  yield* checkReferences(metadata, problems, options, acc.written);
  yield* addDiscoveredAdmins(metadata, live.admins ?? []);
  checkRepresentatives(metadata, problems, acc.peopleSource);
  return { metadata, problems };
}

/**
 * The fields of a role that name other roles.
 */
const REFERENCES = ['reachedThrough', 'escalatesTo', 'acceptsFrom'] as const;

const canonicalRole = (id: string) =>
  Object.prototype.hasOwnProperty.call(ROLE_ALIASES, id)
    ? ROLE_ALIASES[id]
    : id;

class Accumulator {
  constructor(private _problems: IProblem[]) {}

  peopleSource: SourceId = 'settings';
  /**
   * Where each reference was written (`role:ID:FIELD`, `task:ID:FIELD`): a
   * later source that changes another field of the entry did not write it.
   */
  readonly written = new Map<string, IOrigin>();

  *apply({
    source,
    document: doc,
    positions = {}
  }: ISourceDocument): Work<void> {
    const m = this._metadata;
    const origin = (list: string, index: number): IOrigin => ({
      source,
      path: jsonPath([list, positions[list]?.[index] ?? index])
    });
    m.hub = { ...m.hub, ...doc.hub };
    if (doc.org) {
      m.org = { ...m.org, ...doc.org };
    }
    m.operatedBy = doc.operated_by ?? m.operatedBy;
    m.fundedBy = doc.funded_by ?? m.fundedBy;
    m.designedBy = doc.designed_by ?? m.designedBy;
    m.statusPage = doc.statusPage ?? m.statusPage;
    m.metadataUrl = doc.metadataUrl ?? m.metadataUrl;
    m.refreshInterval = clampRefreshSeconds(
      doc.refreshInterval ?? m.refreshInterval
    );
    m.adminDiscovery = { ...m.adminDiscovery, ...doc.adminDiscovery };
    m.communityService = doc.communityService ?? m.communityService;
    if (doc.outageCategories) {
      const ids = new Set<string>();
      m.outageCategories = [];
      doc.outageCategories.forEach((c, i) => {
        const at = origin('outageCategories', i);
        if (ids.has(c.id)) {
          this._duplicate(at, c.id);
          return;
        }
        ids.add(c.id);
        m.outageCategories.push({
          ...c,
          recipient: c.recipient ? canonicalRole(c.recipient) : undefined,
          origin: at
        });
      });
    }
    if (doc.announcements) {
      m.announcements = doc.announcements.map(normalizeAnnouncement);
    }
    if (doc.people) {
      this.peopleSource = source;
      m.people = yield* this._people(doc.people, i => origin('people', i));
    }
    for (const [id, entry] of Object.entries(doc.roles ?? {})) {
      this._mergeRole(canonicalRole(id), entry);
      for (const field of REFERENCES) {
        if (entry[field] !== undefined) {
          this.written.set(`role:${canonicalRole(id)}:${field}`, {
            source,
            path: jsonPath(['roles', id, field])
          });
        }
      }
    }
    yield* this._mergeTasks(doc.tasks ?? [], i => origin('tasks', i));
  }

  *finish(): Work<IHubMetadata> {
    const m = this._metadata;
    m.roles = new Map(
      [...this._roles].map(([id, entry]) => [id, completeRole(id, entry)])
    );
    for (const [id, { entry, origin }] of this._tasks) {
      yield;
      if (entry.hidden) {
        continue;
      }
      const missing = !entry.title ? 'title' : !entry.owner ? 'owner' : null;
      if (missing) {
        this._problems.push({
          ...at(origin),
          code: 'required',
          params: [missing],
          severity: 'error'
        });
        continue;
      }
      m.tasks.push({
        id,
        title: entry.title!,
        keywords: entry.keywords ?? [],
        owner: canonicalRole(entry.owner!),
        category: entry.category,
        how: entry.how ?? {},
        origin
      });
    }
    return m;
  }

  private *_people(
    entries: NonNullable<IHubMetadataDocument['people']>,
    originOf: (index: number) => IOrigin
  ): Work<IPerson[]> {
    const seen = new Set<string>();
    const people: IPerson[] = [];
    for (let index = 0; index < entries.length; index++) {
      yield;
      const entry = entries[index];
      const origin = originOf(index);
      const id = entry.id ?? entry.usernames?.[0] ?? entry.name;
      if (seen.has(id)) {
        this._duplicate(origin, id);
        continue;
      }
      seen.add(id);
      people.push({
        id,
        name: entry.name,
        usernames: entry.usernames ?? [],
        roles: [...new Set(entry.roles.map(canonicalRole))],
        contact: entry.contact ?? {},
        note: entry.note,
        discovered: false,
        origin
      });
    }
    return people;
  }

  private _mergeRole(id: string, entry: IRoleEntry): void {
    const mapped: IRoleEntry = { ...entry };
    if (entry.reachedThrough) {
      mapped.reachedThrough = canonicalRole(entry.reachedThrough);
    }
    if (entry.escalatesTo) {
      mapped.escalatesTo = canonicalRole(entry.escalatesTo);
    }
    if (entry.acceptsFrom) {
      mapped.acceptsFrom = entry.acceptsFrom.map(canonicalRole);
    }
    this._roles.set(id, { ...this._roles.get(id), ...mapped });
  }

  private *_mergeTasks(
    entries: ITaskEntry[],
    originOf: (index: number) => IOrigin
  ): Work<void> {
    const seen = new Set<string>();
    for (let index = 0; index < entries.length; index++) {
      yield;
      const entry = entries[index];
      const origin = originOf(index);
      if (seen.has(entry.id)) {
        this._duplicate(origin, entry.id);
        continue;
      }
      seen.add(entry.id);
      if (entry.owner !== undefined) {
        this.written.set(`task:${entry.id}:owner`, {
          ...origin,
          path: `${origin.path}.owner`
        });
      }
      if (entry.how?.command !== undefined) {
        this.written.set(`task:${entry.id}:command`, {
          ...origin,
          path: `${origin.path}.how.command.id`
        });
      }
      const previous = this._tasks.get(entry.id);
      const how = entry.how
        ? { ...previous?.entry.how, ...entry.how }
        : previous?.entry.how;
      this._tasks.set(entry.id, {
        entry: { ...previous?.entry, ...entry, how },
        origin
      });
    }
  }

  private _duplicate(origin: IOrigin, id: string): void {
    this._problems.push({
      ...at(origin),
      code: 'duplicate-id',
      params: [id],
      severity: 'error'
    });
  }

  private _metadata: IHubMetadata = {
    hub: {},
    announcements: [],
    people: [],
    roles: new Map(),
    tasks: [],
    outageCategories: [],
    metadataUrl: '',
    refreshInterval: LIMITS.refreshDefaultSeconds,
    adminDiscovery: { enabled: true, group: '', exclude: [] },
    communityService: COMMUNITY_SERVICE
  };
  private _roles = new Map<string, IRoleEntry>();
  private _tasks = new Map<string, { entry: ITaskEntry; origin: IOrigin }>();
}

function at(origin: IOrigin): Pick<IProblem, 'source' | 'path'> {
  return { source: origin.source, path: origin.path };
}

function completeRole(id: string, entry: IRoleEntry): IRole {
  return {
    id,
    label: entry.label ?? id,
    description: entry.description,
    party: entry.party ?? 'community',
    duties: entry.duties ?? [],
    channels: entry.channels ?? [],
    reachedThrough: entry.reachedThrough,
    acceptsFrom: entry.acceptsFrom ?? [],
    escalatesTo: entry.escalatesTo,
    hidden: entry.hidden ?? false
  };
}

function normalizeAnnouncement(
  entry: NonNullable<IHubMetadataDocument['announcements']>[number]
): IAnnouncement {
  const value = typeof entry === 'string' ? { text: entry } : entry;
  return {
    ...value,
    id: value.id ?? `text-${hash(JSON.stringify(value.text))}`,
    severity: value.severity ?? 'info'
  };
}

/**
 * FNV-1a: a short, stable id for announcements written without one, so that
 * dismissing one survives reloads and edits to others.
 */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/**
 * Role ids named by people, tasks and roles must exist. A person keeps the
 * roles that do; a task whose owner does not exist is left out.
 */
function* checkReferences(
  m: IHubMetadata,
  problems: IProblem[],
  options: IMergeOptions,
  written: ReadonlyMap<string, IOrigin>
): Work<void> {
  const where = (key: string, fallback: IOrigin) =>
    written.get(key) ?? fallback;
  const known = (id: string) => m.roles.has(id);
  const warn = (
    source: SourceId,
    path: string,
    role: string,
    severity: IProblem['severity'] = 'warning'
  ) =>
    problems.push({
      source,
      path,
      code: 'unknown-role',
      params: [role],
      severity
    });

  const people: IPerson[] = [];
  for (const person of m.people) {
    yield;
    const valid = person.roles.filter(known);
    person.roles
      .filter(r => !known(r))
      .forEach(role =>
        warn(
          person.origin.source,
          `${person.origin.path}.roles`,
          role,
          valid.length ? 'warning' : 'error'
        )
      );
    person.roles = valid;
    if (valid.length > 0) {
      people.push(person);
    }
  }
  m.people = people;

  const tasks: typeof m.tasks = [];
  for (const task of m.tasks) {
    yield;
    if (!known(task.owner)) {
      const at = where(`task:${task.id}:owner`, task.origin);
      warn(at.source, at.path, task.owner, 'error');
      continue;
    }
    const command = task.how.command?.id;
    const at = where(`task:${task.id}:command`, task.origin);
    if (
      command &&
      options.hasCommand &&
      at.source !== 'defaults' &&
      !options.hasCommand(command)
    ) {
      problems.push({
        source: at.source,
        path: at.path,
        code: 'missing-command',
        params: [command],
        severity: 'warning'
      });
    }
    tasks.push(task);
  }
  m.tasks = tasks;

  for (const category of m.outageCategories) {
    if (category.recipient && !known(category.recipient)) {
      warn(
        category.origin.source,
        `${category.origin.path}.recipient`,
        category.recipient,
        'error'
      );
      category.recipient = undefined;
    }
  }

  for (const role of m.roles.values()) {
    const at = (field: (typeof REFERENCES)[number]) =>
      where(`role:${role.id}:${field}`, {
        source: 'settings',
        path: jsonPath(['roles', role.id, field])
      });
    for (const field of ['reachedThrough', 'escalatesTo'] as const) {
      const target = role[field];
      if (target && !known(target)) {
        warn(at(field).source, at(field).path, target);
        role[field] = undefined;
      }
    }
    role.acceptsFrom
      .filter(r => !known(r))
      .forEach(r => warn(at('acceptsFrom').source, at('acceptsFrom').path, r));
    role.acceptsFrom = role.acceptsFrom.filter(known);
  }
}

/**
 * Admins the hub reported are listed as Hub Administrators, minus the
 * exclude list. A curated person with the same username keeps their own name
 * and contacts and gains the role.
 */
function* addDiscoveredAdmins(m: IHubMetadata, admins: string[]): Work<void> {
  const exclude = new Set(m.adminDiscovery.exclude.map(u => u.toLowerCase()));
  const byUsername = new Map<string, IPerson>();
  for (const p of m.people) {
    yield;
    p.usernames.forEach(u => byUsername.set(u.toLowerCase(), p));
  }
  for (const username of admins) {
    const key = username.toLowerCase();
    if (exclude.has(key)) {
      continue;
    }
    const curated = byUsername.get(key);
    if (curated) {
      if (!curated.roles.includes(RoleIDs.hubAdministrator)) {
        curated.roles.push(RoleIDs.hubAdministrator);
      }
      continue;
    }
    const person: IPerson = {
      id: username,
      name: username,
      usernames: [username],
      roles: [RoleIDs.hubAdministrator],
      contact: {},
      discovered: true,
      origin: { source: 'hub', path: '$' }
    };
    byUsername.set(key, person);
    m.people.push(person);
  }
}

/**
 * The shared responsibility model asks for one or two Community Representatives.
 */
function checkRepresentatives(
  m: IHubMetadata,
  problems: IProblem[],
  source: SourceId
): void {
  const count = m.people.filter(p =>
    p.roles.includes(RoleIDs.communityRepresentative)
  ).length;
  if (count === 0) {
    problems.push({
      source,
      path: '$.people',
      code: 'no-representative',
      params: [],
      severity: 'warning'
    });
  } else if (count > 2) {
    problems.push({
      source,
      path: '$.people',
      code: 'too-many-representatives',
      params: [String(count)],
      severity: 'warning'
    });
  }
}
