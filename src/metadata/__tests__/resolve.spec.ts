import { buildMetadata } from '../build';
import { IRoute, Resolver } from '../resolve';
import { IHubMetadataDocument, IViewer } from '../types';

/**
 * A hub like the demo's: two representatives (Ann is also an admin), one
 * more admin, an operator desk that accepts only representatives.
 */
const settings: IHubMetadataDocument = {
  people: [
    {
      name: 'Ann',
      usernames: ['ann'],
      roles: ['community-representative', 'hub-administrator'],
      contact: { email: 'ann@example.org' }
    },
    { name: 'Tom', usernames: ['tom'], roles: ['community-representative'] },
    { name: 'Lin', usernames: ['lin'], roles: ['hub-administrator'] },
    {
      name: 'Priya',
      usernames: ['priya'],
      roles: ['site-reliability-engineer']
    }
  ],
  roles: {
    'support-triager': {
      channels: [{ kind: 'email', address: 'desk@op.example.com' }]
    }
  },
  tasks: [
    { id: 'custom-admin-task', title: 'Custom', owner: 'hub-administrator' }
  ]
};

const resolverFor = (viewer: IViewer, doc: IHubMetadataDocument = settings) =>
  new Resolver(buildMetadata({ settings: doc }).metadata, viewer);

/**
 * A route in one line: kind, whom to contact, and through whom.
 */
const summary = (route: IRoute) =>
  [
    route.kind,
    route.kind === 'self' ? '' : route.contact?.role.id,
    route.via ? `via ${route.via.role.id}` : '',
    route.fallback ? '(fallback)' : ''
  ]
    .filter(Boolean)
    .join(' ');

const viewers: { [name: string]: IViewer } = {
  user: { username: 'zoe', admin: false },
  'hub admin (API flag only)': { username: 'max', admin: true },
  'admin in the people list': { username: 'lin', admin: false },
  'representative who is admin': { username: 'ann', admin: true },
  'representative only': { username: 'tom' },
  'operator engineer': { username: 'priya' },
  'outside a hub': {}
};

/**
 * Admins (and those the hub or the list makes admins) do it; the rest ask
 * the Hub Administrators.
 */
/**
 * The operator's desk, asked through the Community Representatives.
 */
const THROUGH_REPS = 'via support-triager via community-representative';

/**
 * The operator does it: representatives ask its desk, everyone else asks
 * the representatives.
 */
const OPERATOR_DOES = [
  THROUGH_REPS,
  THROUGH_REPS,
  THROUGH_REPS,
  'direct support-triager',
  'direct support-triager',
  THROUGH_REPS,
  THROUGH_REPS
];

const ADMINS_DO = [
  'direct hub-administrator',
  'self',
  'self',
  'self',
  'direct hub-administrator',
  'direct hub-administrator',
  'direct hub-administrator'
];

describe('Resolver: viewer × task → contact', () => {
  // task id → expected route per viewer, in the order of `viewers`.
  const table: [string, string[]][] = [
    [
      'restart-server',
      ['self', 'self', 'self', 'self', 'self', 'self', 'self']
    ],
    [
      'install-package',
      ['self', 'self', 'self', 'self', 'self', 'self', 'self']
    ],
    ['add-user', ADMINS_DO],
    ['request-package', ADMINS_DO],
    [
      'suggest-change',
      [
        'direct community-representative',
        'direct community-representative',
        'direct community-representative',
        'self',
        'self',
        'direct community-representative',
        'direct community-representative'
      ]
    ],
    ['contact-operator', OPERATOR_DOES],
    [
      'change-configuration',
      [
        THROUGH_REPS,
        THROUGH_REPS,
        THROUGH_REPS,
        'direct support-triager',
        'direct support-triager',
        'self',
        THROUGH_REPS
      ]
    ],
    ['infrastructure-incident', OPERATOR_DOES]
  ];

  it.each(table)('%s', (taskId, expected) => {
    const actual = Object.values(viewers).map(viewer => {
      const resolver = resolverFor(viewer);
      return summary(
        resolver.routeTask(resolver.metadata.tasks.find(t => t.id === taskId)!)
      );
    });
    expect(
      Object.fromEntries(Object.keys(viewers).map((v, i) => [v, actual[i]]))
    ).toEqual(
      Object.fromEntries(Object.keys(viewers).map((v, i) => [v, expected[i]]))
    );
  });

  it('gives the viewer roles from the API flag and the people list', () => {
    expect(resolverFor(viewers['user']).viewer.roles).toEqual(['user']);
    expect(
      resolverFor(viewers['hub admin (API flag only)']).viewer.roles
    ).toEqual(['user', 'hub-administrator']);
    expect(resolverFor(viewers['representative only']).viewer).toMatchObject({
      roles: ['user', 'community-representative'],
      person: { name: 'Tom' }
    });
    expect(resolverFor({ username: 'ANN' }).viewer.roles).toEqual([
      'user',
      'community-representative',
      'hub-administrator'
    ]);
  });

  it('makes members of the configured admins group Hub Administrators', () => {
    const doc = { ...settings, adminDiscovery: { group: 'hub-admins' } };
    expect(
      resolverFor({ username: 'kim', groups: ['hub-admins'] }, doc).viewer.roles
    ).toEqual(['user', 'hub-administrator']);
    expect(
      resolverFor({ username: 'kim', groups: ['students'] }, doc).viewer.roles
    ).toEqual(['user']);
  });

  it('lists the people and channels to contact', () => {
    const resolver = resolverFor(viewers['user']);
    const route = resolver.routeToRole('hub-administrator');
    expect(route.contact!.people.map(p => p.name)).toEqual(['Ann', 'Lin']);
    const operator = resolver.routeToRole('support-triager');
    expect(operator.contact!.channels).toEqual([
      { kind: 'email', address: 'desk@op.example.com' }
    ]);
    expect(operator.via!.people.map(p => p.name)).toEqual(['Ann', 'Tom']);
  });

  it('climbs the escalation path when nobody is listed for a role', () => {
    const noAdmins = {
      ...settings,
      people: settings.people!.filter(
        p => !p.roles.includes('hub-administrator')
      )
    };
    const resolver = resolverFor(viewers['user'], noAdmins);
    expect(summary(resolver.routeToRole('hub-administrator'))).toBe(
      'via hub-administrator via community-representative (fallback)'
    );
  });

  it('contacts the operator directly when it accepts everyone', () => {
    const open = {
      ...settings,
      roles: {
        'support-triager': {
          acceptsFrom: [],
          channels: [{ kind: 'email' as const, address: 'd@x.org' }]
        }
      }
    };
    expect(
      summary(
        resolverFor(viewers['user'], open).routeToRole(
          'site-reliability-engineer'
        )
      )
    ).toBe('direct support-triager');
  });
});

describe('Resolver: problem reports', () => {
  it.each([
    ['user', 'direct hub-administrator'],
    ['hub admin (API flag only)', 'direct community-representative'],
    ['admin in the people list', 'direct community-representative'],
    ['representative who is admin', 'direct support-triager'],
    ['representative only', 'direct support-triager'],
    ['operator engineer', 'via support-triager via community-representative']
  ])('%s reports to %s', (viewer, expected) => {
    expect(summary(resolverFor(viewers[viewer]).routeReport())).toBe(expected);
  });
});

describe('Resolver: announcements', () => {
  it('shows only those within their time window', () => {
    const resolver = resolverFor(
      {},
      {
        announcements: [
          { id: 'past', text: 'p', end: '2026-01-01T00:00:00Z' },
          {
            id: 'now',
            text: 'n',
            start: '2026-01-01T00:00:00Z',
            end: '2027-01-01T00:00:00Z'
          },
          { id: 'future', text: 'f', start: '2027-01-01T00:00:00Z' },
          'always'
        ]
      }
    );
    expect(
      resolver
        .activeAnnouncements(new Date('2026-06-01T00:00:00Z'))
        .map(a => a.id)
    ).toEqual(['now', expect.stringMatching(/^text-/)]);
  });
});
