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
 * How the person looking gets something done.
 * - `self`: they can do it themselves;
 * - `direct`: they contact `contact`, who handles it;
 * - `via`: they contact `via`, who takes it on to `contact`. This happens when
 *   `contact` accepts requests only from some roles (the operator's support
 *   desk and Community Representatives), or when nobody is listed for
 *   `contact` and the request climbs its escalation path (`fallback`).
 */
export interface IRoute {
  kind: 'self' | 'direct' | 'via';
  owner: IRole;
  contact?: IContactPoint;
  via?: IContactPoint;
  fallback?: boolean;
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
export const DEFAULT_RECIPIENT = 'hub-administrator';

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
    if (owner.id === 'user' || this.holds(owner.id)) {
      return { kind: 'self', owner };
    }
    const contact =
      this.contactPoint(owner.reachedThrough ?? owner.id) ??
      this.contactPoint(owner.id)!;
    const accepted =
      contact.role.acceptsFrom.length === 0 ||
      contact.role.acceptsFrom.some(r => this.holds(r));
    if (!accepted) {
      const via = this._reachable(contact.role.acceptsFrom[0]);
      return via
        ? {
            kind: 'via',
            owner,
            contact,
            via: via.point,
            fallback: via.fallback || undefined
          }
        : { kind: 'direct', owner, contact };
    }
    if (isEmpty(contact)) {
      const via = this._reachable(contact.role.escalatesTo);
      if (via) {
        return { kind: 'via', owner, contact, via: via.point, fallback: true };
      }
    }
    return { kind: 'direct', owner, contact };
  }

  /**
   * The route for a problem report: along the recipient's escalation path,
   * to the role just above the highest one the viewer holds. A user reports
   * to the Hub Administrators, an administrator to the representatives, a
   * representative to the operator's support desk.
   */
  routeReport(recipient: string = DEFAULT_RECIPIENT): IRoute {
    const path = this.escalationPath(recipient);
    const highest = this.highestHeld(path);
    return this.routeToRole(path[Math.min(highest + 1, path.length - 1)]);
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
      if (!isEmpty(point)) {
        return { point, fallback };
      }
      roleId = point.role.escalatesTo;
      fallback = true;
    }
    return undefined;
  }

  private _people = new Map<string, IPerson[]>();
}

function isEmpty(point: IContactPoint): boolean {
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
  const roles = new Set(['user', ...(person?.roles ?? [])]);
  const adminsGroup = metadata.adminDiscovery.group;
  if (viewer.admin || (adminsGroup && viewer.groups?.includes(adminsGroup))) {
    roles.add('hub-administrator');
  }
  return { username: viewer.username, roles: [...roles], person };
}
