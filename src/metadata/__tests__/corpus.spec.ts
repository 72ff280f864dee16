/**
 * Runs the hostile corpus (tests/corpus/cases/*.json, format in
 * tests/corpus/README.md) through the metadata layer.
 */
import * as fs from 'fs';
import * as path from 'path';

import { isSafeLink } from '../links';
import { buildMetadata } from '../load';
import { IProblem } from '../problems';
import { Resolver } from '../resolve';
import { IHubMetadata, IPerson, IViewer } from '../types';

const CASES = path.resolve(__dirname, '../../../tests/corpus/cases');

interface IExpectedProblem {
  source: string;
  path: string;
  code: string;
  severity: string;
  params?: string[];
}

interface ICase {
  description: string;
  settings?: unknown;
  remote?: unknown;
  generate?: {
    target: 'settings' | 'remote';
    kind: 'large' | 'deep-nesting';
    chars?: number;
    depth?: number;
  };
  problems: IExpectedProblem[];
  keeps?: {
    tasks?: string[];
    people?: string[];
    roles?: string[];
    announcements?: string[];
    outageCategories?: string[];
    hub?: { [key: string]: unknown };
    org?: { [key: string]: unknown };
    statusPage?: string;
    metadataUrl?: string;
    refreshInterval?: number;
  };
}

/**
 * Problems the corpus leaves aside unless a case lists them.
 */
const REPRESENTATIVE_CODES = ['no-representative', 'too-many-representatives'];

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

function loadCases(): [string, ICase][] {
  return fs
    .readdirSync(CASES)
    .filter(name => name.endsWith('.json'))
    .sort()
    .map(name => [
      name.replace(/\.json$/, ''),
      JSON.parse(fs.readFileSync(path.join(CASES, name), 'utf8')) as ICase
    ]);
}

/**
 * The case's sources, with any generated document built.
 */
function inputs(c: ICase): { settings?: unknown; remote?: unknown } {
  const sources: { settings?: unknown; remote?: unknown } = {};
  if ('settings' in c) {
    sources.settings = c.settings;
  }
  if ('remote' in c) {
    sources.remote = c.remote;
  }
  const g = c.generate;
  if (g) {
    const target = sources[g.target];
    const doc: { [key: string]: unknown } =
      typeof target === 'object' && target !== null && !Array.isArray(target)
        ? { ...target }
        : {};
    if (g.kind === 'large') {
      doc.announcements = ['x'.repeat(g.chars!)];
    } else {
      let nested: unknown[] = [];
      for (let i = 1; i < g.depth!; i++) {
        nested = [nested];
      }
      doc.tasks = nested;
    }
    sources[g.target] = doc;
  }
  return sources;
}

const key = (p: IExpectedProblem | IProblem) =>
  `${p.source} ${p.path} ${p.code} ${p.severity}`;
const show = (p: IExpectedProblem | IProblem) =>
  p.params === undefined ? key(p) : `${key(p)} ${JSON.stringify(p.params)}`;

/**
 * Match expected to actual problems as multisets; params only when given.
 */
function compareProblems(
  expected: IExpectedProblem[],
  actual: IProblem[]
): { missing: string[]; unexpected: string[] } {
  const listsRepresentatives = expected.some(p =>
    REPRESENTATIVE_CODES.includes(p.code)
  );
  const left = actual.filter(
    p => listsRepresentatives || !REPRESENTATIVE_CODES.includes(p.code)
  );
  const missing: string[] = [];
  // Those with params first, so that a looser expectation cannot take the
  // problem a stricter one needs.
  const ordered = [
    ...expected.filter(p => p.params !== undefined),
    ...expected.filter(p => p.params === undefined)
  ];
  for (const e of ordered) {
    const index = left.findIndex(
      a =>
        key(a) === key(e) &&
        (e.params === undefined ||
          JSON.stringify(a.params) === JSON.stringify(e.params))
    );
    if (index < 0) {
      missing.push(show(e));
    } else {
      left.splice(index, 1);
    }
  }
  return { missing, unexpected: left.map(show) };
}

/**
 * Everything in the merged metadata that would become an href, a chat handle
 * or an email address, with where it is.
 */
function checkLinks(m: IHubMetadata): string[] {
  const bad: string[] = [];
  const link = (where: string, value: unknown) => {
    if (value !== undefined && !isSafeLink(value)) {
      bad.push(`${where}: ${JSON.stringify(value)}`);
    }
  };
  const handle = (where: string, value: unknown) => {
    if (value !== undefined && !isAllowedHandle(value)) {
      bad.push(`${where}: ${JSON.stringify(value)}`);
    }
  };
  const email = (where: string, value: unknown) => {
    if (
      value !== undefined &&
      !(typeof value === 'string' && EMAIL.test(value))
    ) {
      bad.push(`${where}: ${JSON.stringify(value)}`);
    }
  };
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

function checkProblemShapes(problems: IProblem[]): string[] {
  return problems
    .filter(
      p =>
        !['settings', 'metadata-url'].includes(p.source) ||
        typeof p.path !== 'string' ||
        !p.path.startsWith('$') ||
        typeof p.code !== 'string' ||
        !Array.isArray(p.params) ||
        !p.params.every(x => typeof x === 'string') ||
        !['error', 'warning'].includes(p.severity)
    )
    .map(p => `malformed: ${String(JSON.stringify(p))}`);
}

/**
 * A Community Representative viewer: a listed one with a username, or one
 * added for the check when none is listed.
 */
function representative(m: IHubMetadata): [IHubMetadata, IViewer] {
  const listed = m.people.find(
    p => p.roles.includes('community-representative') && p.usernames.length > 0
  );
  if (listed) {
    return [m, { username: listed.usernames[0] }];
  }
  const added: IPerson = {
    id: 'corpus-representative',
    name: 'Corpus Representative',
    usernames: ['corpus-representative'],
    roles: ['community-representative'],
    contact: {},
    discovered: false,
    origin: { source: 'settings', path: '$' }
  };
  return [
    { ...m, people: [...m.people, added] },
    { username: 'corpus-representative' }
  ];
}

/**
 * Resolve everything for one viewer; returns what did not resolve.
 */
function resolveAll(m: IHubMetadata, viewer: IViewer): string[] {
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

const cases = loadCases();

describe('hostile corpus', () => {
  it('has at least 150 cases, each with a description and problems', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const [, c] of cases) {
      expect(typeof c.description).toBe('string');
      expect(Array.isArray(c.problems)).toBe(true);
    }
  });

  it.each(cases)(
    '%s',
    (_, c) => {
      const { metadata, problems } = buildMetadata(inputs(c));

      expect(checkProblemShapes(problems)).toEqual([]);
      expect(compareProblems(c.problems, problems)).toEqual({
        missing: [],
        unexpected: []
      });

      const keeps = c.keeps ?? {};
      const ids = (list: { id: string }[]) => list.map(x => x.id);
      const contains = (actual: string[], wanted: string[] = []) =>
        expect(actual).toEqual(expect.arrayContaining(wanted));
      contains(ids(metadata.tasks), keeps.tasks);
      contains(
        metadata.people.map(p => p.name),
        keeps.people
      );
      contains([...metadata.roles.keys()], keeps.roles);
      contains(ids(metadata.announcements), keeps.announcements);
      contains(ids(metadata.outageCategories), keeps.outageCategories);
      if (keeps.hub) {
        expect(metadata.hub).toEqual(expect.objectContaining(keeps.hub));
      }
      if (keeps.org) {
        expect(metadata.org).toEqual(expect.objectContaining(keeps.org));
      }
      for (const field of [
        'statusPage',
        'metadataUrl',
        'refreshInterval'
      ] as const) {
        if (field in keeps) {
          expect(metadata[field]).toEqual(keeps[field]);
        }
      }

      expect(checkLinks(metadata)).toEqual([]);

      const [withRepresentative, representativeViewer] =
        representative(metadata);
      expect([
        ...resolveAll(metadata, { username: 'corpus-user' }),
        ...resolveAll(metadata, { username: 'corpus-admin', admin: true }),
        ...resolveAll(withRepresentative, representativeViewer)
      ]).toEqual([]);
    },
    60000
  );
});
