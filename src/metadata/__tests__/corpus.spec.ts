/**
 * Runs the hostile corpus (tests/corpus/cases/*.json, format in
 * tests/corpus/README.md) through the metadata layer.
 */
import * as fs from 'fs';
import * as path from 'path';

import { buildMetadata } from '../build';
import { IProblem } from '../problems';
import { IHubMetadata, IPerson, IViewer } from '../types';
import { malformedProblems, unresolved, unsafeValues } from './checks';

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

      expect(malformedProblems(problems)).toEqual([]);
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

      expect(unsafeValues(metadata)).toEqual([]);

      const [withRepresentative, representativeViewer] =
        representative(metadata);
      expect([
        ...unresolved(metadata, { username: 'corpus-user' }),
        ...unresolved(metadata, { username: 'corpus-admin', admin: true }),
        ...unresolved(withRepresentative, representativeViewer)
      ]).toEqual([]);
    },
    60000
  );
});
