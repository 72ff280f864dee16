import { buildMetadata } from '../build';
import {
  FILTER_ABOVE,
  filterPeople,
  listPeople,
  PEOPLE_SHOWN
} from '../people';
import { Resolver } from '../resolve';
import { IHubMetadataDocument, IPerson, IViewer } from '../types';

function person(name: string, usernames: string[] = []): IPerson {
  return {
    id: name,
    name,
    usernames,
    roles: ['hub-administrator'],
    contact: {},
    discovered: false,
    origin: { source: 'settings', path: '$.people' }
  };
}

const team = [
  person('Amara Okafor', ['amara']),
  person('Tomás Ruiz', ['tomas']),
  person('Lin Wei', ['lwei']),
  person('Ørjan Håland', ['orjan'])
];

const names = (people: IPerson[]) => people.map(p => p.name);

/**
 * `n` people; the first is Amara Okafor.
 */
const many = (n: number) => [
  team[0],
  ...Array.from({ length: n - 1 }, (_, i) => person(`Person ${i + 2}`))
];

describe('filterPeople', () => {
  it.each([
    ['Okafor', ['Amara Okafor']],
    ['okafor', ['Amara Okafor']],
    ['TOMAS', ['Tomás Ruiz']],
    ['tomás ruiz', ['Tomás Ruiz']],
    ['ruiz tom', ['Tomás Ruiz']],
    ['lwei', ['Lin Wei']],
    ['haland', ['Ørjan Håland']],
    ['a', ['Amara Okafor', 'Tomás Ruiz', 'Ørjan Håland']],
    ['okafor ruiz', []],
    ['zz', []]
  ])('%p finds %p', (query, expected) => {
    expect(names(filterPeople(team, query))).toEqual(expected);
  });

  it.each(['', '   '])('keeps everyone for the blank query %p', query => {
    expect(filterPeople(team, query)).toBe(team);
  });
});

describe('listPeople', () => {
  it('shows the first few of 50 people and hides the rest', () => {
    const list = listPeople(many(50), '', false);
    expect(list.shown).toHaveLength(PEOPLE_SHOWN);
    expect(list.shown[0].name).toBe('Amara Okafor');
    expect(list).toMatchObject({
      matching: 50,
      hidden: 50 - PEOPLE_SHOWN,
      collapsible: true,
      filterable: true
    });
  });

  it('shows everyone once opened', () => {
    const list = listPeople(many(50), '', true);
    expect(list.shown).toHaveLength(50);
    expect(list).toMatchObject({ hidden: 0, collapsible: true });
  });

  it('filters a large role before cutting it short', () => {
    const list = listPeople(many(50), 'okafor', false);
    expect(names(list.shown)).toEqual(['Amara Okafor']);
    expect(list).toMatchObject({ matching: 1, hidden: 0, collapsible: false });
  });

  it('offers no filter up to a handful of people, and ignores a query there', () => {
    const list = listPeople(many(FILTER_ABOVE), 'okafor', false);
    expect(list.filterable).toBe(false);
    expect(list.matching).toBe(FILTER_ABOVE);
    expect(listPeople(many(FILTER_ABOVE + 1), '', false).filterable).toBe(true);
  });

  it('neither hides nor collapses a short list', () => {
    const list = listPeople(team, '', false);
    expect(list.shown).toEqual(team);
    expect(list).toMatchObject({ hidden: 0, collapsible: false });
  });
});

describe('Resolver.mustGoThrough', () => {
  const settings: IHubMetadataDocument = {
    people: [
      { name: 'Tom', usernames: ['tom'], roles: ['community-representative'] },
      { name: 'Lin', usernames: ['lin'], roles: ['hub-administrator'] }
    ]
  };
  const through = (viewer: IViewer, roleId: string) =>
    new Resolver(buildMetadata({ settings }).metadata, viewer)
      .mustGoThrough(roleId)
      .map(role => role.id);

  it.each([
    ['a user', { username: 'zoe' }],
    ['a Hub Administrator', { username: 'lin' }],
    ['someone outside a hub', {}]
  ])(
    'sends %s to the support desk through the representatives',
    (_, viewer) => {
      expect(through(viewer, 'support-triager')).toEqual([
        'community-representative'
      ]);
    }
  );

  it('lets a representative reach the support desk', () => {
    expect(through({ username: 'tom' }, 'support-triager')).toEqual([]);
  });

  it.each(['hub-administrator', 'site-reliability-engineer', 'no-such-role'])(
    'lets anyone reach %s, which takes requests from everyone',
    roleId => {
      expect(through({ username: 'zoe' }, roleId)).toEqual([]);
    }
  );
});
