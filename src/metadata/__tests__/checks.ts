/**
 * Checks on what the metadata layer gives, shared by the corpus, property and
 * merge tests. Not a suite itself: jest runs only `*.spec.ts` files.
 */
import { isSafeLink } from '../links';
import { IProblem } from '../problems';
import { Resolver } from '../resolve';
import { IHubMetadata, IViewer } from '../types';

/**
 * The built-in role catalogue, in its order. Written out rather than read from
 * the defaults, so that a role added, dropped or renamed by accident fails.
 */
export const BUILT_IN_ROLES = [
  'user',
  'community-representative',
  'hub-administrator',
  'support-triager',
  'site-reliability-engineer',
  'incident-responder'
];

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * A chat handle as the format defines it: plain text that starts with no
 * scheme, "/" or "\" and holds no control character, or else an allowed link.
 */
function isAllowedHandle(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return false;
  }
  return /^([a-z][a-z0-9+.-]*:|[/\\])/i.test(value.trim())
    ? isSafeLink(value)
    : true;
}

const isEmail = (value: unknown) =>
  typeof value === 'string' && EMAIL.test(value);

/**
 * Everything in the merged metadata that would become an href, a chat handle
 * or an email address and is not an allowed one, with where it is.
 */
export function unsafeValues(m: IHubMetadata): string[] {
  const bad: string[] = [];
  const check =
    (ok: (value: unknown) => boolean) => (where: string, value: unknown) => {
      if (value !== undefined && !ok(value)) {
        bad.push(`${where}: ${JSON.stringify(value)}`);
      }
    };
  const link = check(isSafeLink);
  const handle = check(isAllowedHandle);
  const email = check(isEmail);
  link('hub.url', m.hub.url);
  link('org.url', m.org?.url);
  link('org.logo_url', m.org?.logo_url);
  link('operatedBy.url', m.operatedBy?.url);
  link('fundedBy.url', m.fundedBy?.url);
  link('designedBy.url', m.designedBy?.url);
  link('statusPage', m.statusPage);
  if (m.metadataUrl !== '') {
    link('metadataUrl', m.metadataUrl);
  }
  m.people.forEach((p, i) => {
    link(`people[${i}].contact.url`, p.contact.url);
    handle(`people[${i}].contact.chat`, p.contact.chat);
    email(`people[${i}].contact.email`, p.contact.email);
  });
  m.announcements.forEach((a, i) => {
    if (a.link !== undefined) {
      link(`announcements[${i}].link.url`, a.link.url);
    }
  });
  m.tasks.forEach(t => link(`tasks.${t.id}.how.url`, t.how.url));
  for (const role of m.roles.values()) {
    role.channels.forEach((c, i) => {
      const where = `roles.${role.id}.channels[${i}]`;
      if (c.kind === 'url') {
        link(`${where}.address`, c.address);
      } else if (c.kind === 'chat') {
        handle(`${where}.address`, c.address);
      } else if (c.kind === 'email') {
        email(`${where}.address`, c.address);
      } else {
        bad.push(`${where}.kind: ${JSON.stringify(c.kind)}`);
      }
      link(`${where}.formTemplate`, c.formTemplate);
    });
  }
  return bad;
}

/**
 * Problems not in the shape administrators are shown: from settings or a
 * metadata URL, at a JSON path, with a code, string params and a severity.
 */
export function malformedProblems(problems: IProblem[]): string[] {
  return problems
    .filter(
      p =>
        !['settings', 'metadata-url'].includes(p.source) ||
        typeof p.path !== 'string' ||
        !/^\$($|\.|\[)/.test(p.path) ||
        typeof p.code !== 'string' ||
        !Array.isArray(p.params) ||
        !p.params.every(x => typeof x === 'string') ||
        !['error', 'warning'].includes(p.severity)
    )
    .map(p => `malformed: ${String(JSON.stringify(p))}`);
}

/**
 * Resolve every role, task and report for one viewer; returns what did not
 * reach an owner (a throw escapes).
 */
export function unresolved(m: IHubMetadata, viewer: IViewer): string[] {
  const bad: string[] = [];
  const resolver = new Resolver(m, viewer);
  resolver.roles();
  resolver.activeAnnouncements(new Date('2026-06-01T00:00:00Z'));
  for (const role of m.roles.values()) {
    resolver.contactPoint(role.id);
    resolver.peopleWithRole(role.id);
    resolver.escalationPath(role.id);
    if (!resolver.routeToRole(role.id).owner) {
      bad.push(`role ${role.id}: route without owner`);
    }
  }
  for (const task of m.tasks) {
    if (!resolver.routeTask(task).owner) {
      bad.push(`task ${task.id}: route without owner`);
    }
  }
  for (const recipient of [
    ...m.outageCategories.map(c => c.recipient),
    undefined
  ]) {
    if (!resolver.routeReport(recipient).owner) {
      bad.push(`report to ${recipient}: route without owner`);
    }
  }
  return bad;
}
