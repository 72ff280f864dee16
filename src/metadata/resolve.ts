import { RoleIDs } from '../ids';
import {
  IAnnouncement,
  IChannel,
  IHubMetadata,
  IPerson,
  IRole,
  ITask,
  IViewer
} from './types';

/**
 * Whom to contact for one role: its people and its channels.
 */
export interface IContactPoint {
  role: IRole;
  people: IPerson[];
  channels: IChannel[];
}

/**
 * Why a route goes where it goes, for the sentence that explains it.
 * - `anyone`: every user does it themselves;
 * - `own-role`: the viewer holds the role that does it;
 * - `owner`: the role that does it is contacted;
 * - `reached-through`: that role is reached through another role's contacts
 *   (the operator's engineers through its support desk);
 * - `restricted`: the contact accepts requests only from some roles, and the
 *   viewer asks one of them (`via`), who passes it on;
 * - `unlisted`: nobody is listed for the contact, and the request climbs its
 *   escalation path to the first role with someone listed (`via`).
 */
export type RouteReason =
  | 'anyone'
  | 'own-role'
  | 'owner'
  | 'reached-through'
  | 'restricted'
  | 'unlisted';

/**
 * How the person looking gets something done.
 * - `self`: they can do it themselves;
 * - `direct`: they contact `contact`, who handles it;
 * - `via`: they contact `via`, who takes it on to `contact`.
 * `reason` says why; `fallback` that `via` is not the first role asked but
 * one up its escalation path, because nobody is listed below it.
 */
export interface IRoute {
  kind: 'self' | 'direct' | 'via';
  reason: RouteReason;
  owner: IRole;
  contact?: IContactPoint;
  via?: IContactPoint;
  fallback?: boolean;
}

/**
 * The route of a problem report, and the highest role on the recipient's
 * escalation path that the viewer holds (they report as that role), if any.
 */
export interface IReportRoute extends IRoute {
  reportsAs?: IRole;
}

/**
 * The person looking, as far as the metadata and the hub know them.
 */
export interface IResolvedViewer {
  username?: string;
  /**
   * Their role ids; always includes "user".
   */
  roles: string[];
  /**
   * The people-list entry that names their username, if any.
   */
  person?: IPerson;
}

/**
 * Where problem reports go when an outage category names no recipient.
 */
export const DEFAULT_RECIPIENT = RoleIDs.hubAdministrator;

/**
 * Answers "who handles this, for the person looking?" over merged metadata.
 * Built once per change of metadata or viewer; each answer is then a few
 * map look-ups, so resolving every task stays linear in the document.
 */
export class Resolver {
  constructor(
    readonly metadata: IHubMetadata,
    viewer: IViewer
  ) {
    for (const person of metadata.people) {
      for (const role of person.roles) {
        const list = this._people.get(role) ?? [];
        list.push(person);
        this._people.set(role, list);
      }
    }
    this.viewer = resolveViewer(metadata, viewer);
  }

  readonly viewer: IResolvedViewer;

  /**
   * Whether the viewer holds a role.
   */
  holds(roleId: string): boolean {
    return this.viewer.roles.includes(roleId);
  }

  /**
   * Whether the viewer is shown configuration details (every problem, what
   * to configure): administrators and representatives, who can have them
   * fixed, and anyone outside a hub, where the JupyterLab is their own.
   */
  seesConfiguration(onHub: boolean): boolean {
    return (
      !onHub ||
      this.holds(RoleIDs.hubAdministrator) ||
      this.holds(RoleIDs.communityRepresentative)
    );
  }

  /**
   * The people who hold a role, curated ones first.
   */
  peopleWithRole(roleId: string): IPerson[] {
    return this._people.get(roleId) ?? [];
  }

  /**
   * The visible roles, in catalogue order.
   */
  roles(): IRole[] {
    return [...this.metadata.roles.values()].filter(r => !r.hidden);
  }

  /**
   * The roles the viewer must go through to reach a role: none when it takes
   * requests from anyone or from a role the viewer holds; otherwise those it
   * takes requests from (the operator's support desk takes them from the
   * Community Representatives).
   */
  mustGoThrough(roleId: string): IRole[] {
    const accepts = this.metadata.roles.get(roleId)?.acceptsFrom ?? [];
    if (accepts.length === 0 || accepts.some(r => this.holds(r))) {
      return [];
    }
    return accepts.flatMap(id => this.metadata.roles.get(id) ?? []);
  }

  contactPoint(roleId: string): IContactPoint | undefined {
    const role = this.metadata.roles.get(roleId);
    if (!role) {
      return undefined;
    }
    return {
      role,
      people: role.hidden ? [] : this.peopleWithRole(roleId),
      channels: role.channels
    };
  }

  /**
   * The route to a task: people do "user" tasks and their own roles' tasks
   * themselves; anything else goes to the task's owner.
   */
  routeTask(task: ITask): IRoute {
    return this.routeToRole(task.owner);
  }

  /**
   * The route to a role, following where it is reached through, whom it
   * accepts requests from, and its escalation path when nobody is listed.
   */
  routeToRole(roleId: string): IRoute {
    // The merge drops references to unknown roles; a command's arguments
    // are not checked there, so an unknown id goes where reports go.
    const owner =
      this.metadata.roles.get(roleId) ??
      this.metadata.roles.get(DEFAULT_RECIPIENT)!;
    if (owner.id === RoleIDs.user) {
      return { kind: 'self', reason: 'anyone', owner };
    }
    if (this.holds(owner.id)) {
      return { kind: 'self', reason: 'own-role', owner };
    }
    const contact =
      this.contactPoint(owner.reachedThrough ?? owner.id) ??
      this.contactPoint(owner.id)!;
    const direct: IRoute = {
      kind: 'direct',
      reason: contact.role.id === owner.id ? 'owner' : 'reached-through',
      owner,
      contact
    };
    const through = this.mustGoThrough(contact.role.id);
    if (through.length > 0) {
      const via = this._reachable(through[0].id);
      return via
        ? {
            kind: 'via',
            reason: 'restricted',
            owner,
            contact,
            via: via.point,
            fallback: via.fallback || undefined
          }
        : direct;
    }
    if (isEmptyContactPoint(contact)) {
      const via = this._reachable(contact.role.escalatesTo);
      if (via) {
        return {
          kind: 'via',
          reason: 'unlisted',
          owner,
          contact,
          via: via.point,
          fallback: true
        };
      }
    }
    return direct;
  }

  /**
   * The route for a problem report: along the recipient's escalation path,
   * to the role just above the highest one the viewer holds. A user reports
   * to the Hub Administrators, an administrator to the representatives, a
   * representative to the operator's support desk.
   */
  routeReport(recipient: string = DEFAULT_RECIPIENT): IReportRoute {
    // An unknown id (from a document built elsewhere) goes where reports go.
    const start = this.metadata.roles.has(recipient)
      ? recipient
      : DEFAULT_RECIPIENT;
    const path = this.escalationPath(start);
    const highest = this.highestHeld(path);
    return {
      ...this.routeToRole(path[Math.min(highest + 1, path.length - 1)]),
      reportsAs:
        highest < 0 ? undefined : this.metadata.roles.get(path[highest])
    };
  }

  /**
   * A role and the roles it escalates to, in order.
   */
  escalationPath(roleId: string): string[] {
    const path = new Set<string>();
    for (let id: string | undefined = roleId; id && !path.has(id);) {
      path.add(id);
      id = this.metadata.roles.get(id)?.escalatesTo;
    }
    return [...path];
  }

  /**
   * The index of the last role on `path` the viewer holds, or -1.
   */
  highestHeld(path: string[]): number {
    return path.reduce(
      (highest, id, index) => (this.holds(id) ? index : highest),
      -1
    );
  }

  /**
   * Announcements within their time window.
   */
  activeAnnouncements(now: Date = new Date()): IAnnouncement[] {
    const t = now.getTime();
    return this.metadata.announcements.filter(
      a =>
        (!a.start || Date.parse(a.start) <= t) &&
        (!a.end || t < Date.parse(a.end))
    );
  }

  /**
   * The first role from `roleId` up the escalation path that has someone to
   * contact; `fallback` says whether it is not `roleId` itself.
   */
  private _reachable(
    roleId: string | undefined
  ): { point: IContactPoint; fallback: boolean } | undefined {
    const visited = new Set<string>();
    let fallback = false;
    while (roleId && !visited.has(roleId)) {
      visited.add(roleId);
      const point = this.contactPoint(roleId);
      if (!point) {
        return undefined;
      }
      if (!isEmptyContactPoint(point)) {
        return { point, fallback };
      }
      roleId = point.role.escalatesTo;
      fallback = true;
    }
    return undefined;
  }

  private _people = new Map<string, IPerson[]>();
}

/**
 * Whether nobody and nothing is listed to reach a role.
 */
export function isEmptyContactPoint(point: IContactPoint): boolean {
  return point.people.length === 0 && point.channels.length === 0;
}

/**
 * The viewer's roles: "user", the roles of the people entry that names their
 * username, and Hub Administrator when the hub says they are an admin or a
 * member of the configured admins group.
 */
export function resolveViewer(
  metadata: IHubMetadata,
  viewer: IViewer
): IResolvedViewer {
  const username = viewer.username?.toLowerCase();
  const person = username
    ? metadata.people.find(p =>
        p.usernames.some(u => u.toLowerCase() === username)
      )
    : undefined;
  const roles = new Set([RoleIDs.user, ...(person?.roles ?? [])]);
  const adminsGroup = metadata.adminDiscovery.group;
  if (viewer.admin || (adminsGroup && viewer.groups?.includes(adminsGroup))) {
    roles.add(RoleIDs.hubAdministrator);
  }
  return { username: viewer.username, roles: [...roles], person };
}
