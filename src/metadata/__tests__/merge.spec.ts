import { builtInDefaults } from '../defaults';
import { buildMetadata } from '../build';
import { mergeSources } from '../merge';
import { describeProblem } from '../problems';
import { englishTrans, ITrans } from '../trans';
import { IHubMetadataDocument } from '../types';
import { BUILT_IN_ROLES } from './checks';

const merge = (
  settings: IHubMetadataDocument,
  remote?: IHubMetadataDocument,
  admins?: string[],
  hasCommand?: (id: string) => boolean
) =>
  mergeSources(
    [
      { source: 'defaults', document: builtInDefaults() },
      { source: 'settings', document: settings },
      ...(remote ? [{ source: 'metadata-url' as const, document: remote }] : [])
    ],
    { admins },
    { hasCommand }
  );

const rep = (name: string, username = name.toLowerCase()) => ({
  name,
  usernames: [username],
  roles: ['community-representative']
});

describe('built-in defaults', () => {
  const { metadata, problems } = merge({ people: [rep('Ann')] });

  it('has the role catalogue', () => {
    expect([...metadata.roles.keys()]).toEqual(BUILT_IN_ROLES);
    for (const role of [...metadata.roles.values()]) {
      expect(role.description).toBeTruthy();
      expect(role.duties.length).toBeGreaterThan(0);
    }
  });

  it('covers everyday tasks and every owner of the shared responsibility model', () => {
    const ids = metadata.tasks.map(t => t.id);
    for (const id of [
      'restart-server',
      'install-package',
      'more-resources',
      'share-notebook',
      'request-package',
      'add-user',
      'report-outage'
    ]) {
      expect(ids).toContain(id);
    }
    const owners = new Set(metadata.tasks.map(t => t.owner));
    expect([...owners].sort()).toEqual([...metadata.roles.keys()].sort());
    expect(metadata.tasks.length).toBeGreaterThanOrEqual(20);
  });

  it('has six outage categories and no problem', () => {
    expect(metadata.outageCategories).toHaveLength(6);
    expect(problems).toEqual([]);
  });

  it('translates every text through the bundle it is given, keywords too', () => {
    const shouting: ITrans = {
      __: (msgid, ...args) => englishTrans.__(msgid.toUpperCase(), ...args),
      _n: (msgid, plural, n, ...args) =>
        englishTrans._n(msgid.toUpperCase(), plural.toUpperCase(), n, ...args),
      _p: (context, msgid, ...args) =>
        englishTrans._p(context, msgid.toUpperCase(), ...args)
    };
    const upper = builtInDefaults(shouting);
    expect(upper.roles!['hub-administrator'].label).toBe('HUB ADMINISTRATOR');
    const install = upper.tasks!.find(t => t.id === 'install-package')!;
    expect(install.title).toBe('INSTALL A PACKAGE FOR MYSELF');
    expect(install.keywords).toEqual([
      'PIP',
      'CONDA',
      'INSTALL',
      'LIBRARY',
      'MODULE',
      'PACKAGE',
      'IMPORT ERROR'
    ]);
  });
});

describe('mergeSources', () => {
  it('lets each later source change what it sets', () => {
    const { metadata } = merge(
      {
        hub: { name: 'From settings', url: 'https://a.example.org' },
        statusPage: 'https://s1.example.org'
      },
      { hub: { name: 'From URL' } }
    );
    expect(metadata.hub).toEqual({
      name: 'From URL',
      url: 'https://a.example.org'
    });
    expect(metadata.statusPage).toBe('https://s1.example.org');
  });

  it('replaces lists whole and merges roles and tasks by id', () => {
    const { metadata } = merge(
      {
        people: [rep('Ann'), rep('Bob')],
        roles: {
          'support-triager': {
            label: 'Desk',
            channels: [{ kind: 'email', address: 'desk@example.com' }]
          }
        },
        tasks: [
          {
            id: 'restart-server',
            title: 'Reboot',
            how: { text: 'Custom text' }
          }
        ]
      },
      {
        people: [rep('Cy')],
        roles: { 'support-triager': { description: 'From URL' } }
      }
    );
    expect(metadata.people.map(p => p.name)).toEqual(['Cy']);
    const desk = metadata.roles.get('support-triager')!;
    expect(desk.label).toBe('Desk');
    expect(desk.description).toBe('From URL');
    expect(desk.acceptsFrom).toEqual(['community-representative']);
    const restart = metadata.tasks.find(t => t.id === 'restart-server')!;
    expect(restart.title).toBe('Reboot');
    expect(restart.how.text).toBe('Custom text');
    expect(restart.how.command?.id).toBe('hub:restart');
    expect(restart.owner).toBe('user');
  });

  it('adds new roles and tasks, and hides what is hidden', () => {
    const { metadata, problems } = merge({
      people: [rep('Ann'), { name: 'Dee', roles: ['data-steward'] }],
      roles: {
        'data-steward': { label: 'Data steward', party: 'community' },
        'incident-responder': { hidden: true }
      },
      tasks: [
        { id: 'dataset', title: 'Add a dataset', owner: 'data-steward' },
        { id: 'promote-hub', hidden: true }
      ]
    });
    expect(problems).toEqual([]);
    expect(metadata.roles.get('data-steward')!.label).toBe('Data steward');
    expect(metadata.roles.get('incident-responder')!.hidden).toBe(true);
    expect(metadata.tasks.find(t => t.id === 'dataset')?.owner).toBe(
      'data-steward'
    );
    expect(metadata.tasks.find(t => t.id === 'promote-hub')).toBeUndefined();
  });

  it('accepts the old role names', () => {
    const { metadata, problems } = merge({
      people: [rep('Ann'), { name: 'Eng', roles: ['hub-engineer'] }],
      roles: { 'support-steward': { label: 'Old desk' } },
      tasks: [{ id: 'x', title: 'X', owner: 'incident-commander' }]
    });
    expect(problems).toEqual([]);
    expect(metadata.people[1].roles).toEqual(['site-reliability-engineer']);
    expect(metadata.roles.get('support-triager')!.label).toBe('Old desk');
    expect(metadata.tasks.find(t => t.id === 'x')?.owner).toBe(
      'incident-responder'
    );
  });

  it('normalises announcements with stable ids', () => {
    const a = merge({
      announcements: ['Hello', { text: 'Bye', severity: 'warning' }]
    }).metadata.announcements;
    const b = merge({ announcements: [{ text: 'Bye', severity: 'warning' }] })
      .metadata.announcements;
    expect(a[0]).toEqual({
      id: expect.stringMatching(/^text-/),
      text: 'Hello',
      severity: 'info'
    });
    expect(a[1].id).toBe(b[0].id);
  });

  describe('semantic checks', () => {
    const messages = (
      doc: IHubMetadataDocument,
      hasCommand?: (id: string) => boolean
    ) =>
      merge(
        { people: [rep('Ann')], ...doc },
        undefined,
        undefined,
        hasCommand
      ).problems.map(p => [p.severity, describeProblem(p)]);

    it('reports an unknown role on a person and keeps their valid roles', () => {
      const { metadata, problems } = merge({
        people: [
          rep('Ann'),
          { name: 'B', roles: ['hub-administrator', 'wizard'] }
        ]
      });
      expect(problems.map(p => describeProblem(p))).toEqual([
        'hub help settings, $.people[1].roles: names the role "wizard", which is not defined'
      ]);
      expect(problems[0].severity).toBe('warning');
      expect(metadata.people[1].roles).toEqual(['hub-administrator']);
    });

    it('leaves out a person with no known role', () => {
      expect(
        messages({ people: [rep('Ann'), { name: 'B', roles: ['wizard'] }] })
      ).toEqual([
        [
          'error',
          'hub help settings, $.people[1].roles: names the role "wizard", which is not defined'
        ]
      ]);
    });

    it('leaves out a task whose owner is not defined', () => {
      const { metadata, problems } = merge({
        people: [rep('Ann')],
        tasks: [{ id: 'x', title: 'X', owner: 'wizard' }]
      });
      expect(problems.map(p => describeProblem(p))).toEqual([
        'hub help settings, $.tasks[0].owner: names the role "wizard", which is not defined'
      ]);
      expect(metadata.tasks.find(t => t.id === 'x')).toBeUndefined();
    });

    it('reports unknown roles in the escalation policy', () => {
      expect(
        messages({
          roles: {
            'hub-administrator': {
              escalatesTo: 'nobody',
              acceptsFrom: ['ghost']
            }
          }
        })
      ).toEqual([
        [
          'warning',
          'hub help settings, $.roles.hub-administrator.escalatesTo: names the role "nobody", which is not defined'
        ],
        [
          'warning',
          'hub help settings, $.roles.hub-administrator.acceptsFrom: names the role "ghost", which is not defined'
        ]
      ]);
    });

    it('reports duplicate ids and keeps the first', () => {
      const { metadata, problems } = merge({
        people: [rep('Ann'), { ...rep('Ann2', 'ann') }],
        tasks: [
          { id: 'x', title: 'First', owner: 'user' },
          { id: 'x', title: 'Second', owner: 'user' }
        ]
      });
      expect(problems.map(p => describeProblem(p))).toEqual([
        'hub help settings, $.people[1]: repeats the id "ann"; only the first entry with it is used',
        'hub help settings, $.tasks[1]: repeats the id "x"; only the first entry with it is used'
      ]);
      expect(metadata.people).toHaveLength(1);
      expect(metadata.tasks.find(t => t.id === 'x')?.title).toBe('First');
    });

    it('reports a new task without a title or an owner', () => {
      expect(
        messages({
          tasks: [
            { id: 'x', owner: 'user' },
            { id: 'y', title: 'Y' }
          ]
        })
      ).toEqual([
        [
          'error',
          'hub help settings, $.tasks[0]: is missing "title", which is required'
        ],
        [
          'error',
          'hub help settings, $.tasks[1]: is missing "owner", which is required'
        ]
      ]);
    });

    it('reports a task naming a command JupyterLab does not have, but not built-in ones', () => {
      const has = (id: string) => id === 'terminal:create-new';
      expect(
        messages(
          {
            tasks: [
              {
                id: 'x',
                title: 'X',
                owner: 'user',
                how: { command: { id: 'nope:nothing' } }
              }
            ]
          },
          has
        )
      ).toEqual([
        [
          'warning',
          'hub help settings, $.tasks[0].how.command.id: names the command "nope:nothing", which this JupyterLab does not have'
        ]
      ]);
    });

    it('asks for one or two Community Representatives', () => {
      expect(merge({}).problems.map(p => describeProblem(p))).toEqual([
        'hub help settings, $.people: lists no Community Representative'
      ]);
      expect(
        merge({ people: [rep('A'), rep('B'), rep('C')] }).problems.map(p =>
          describeProblem(p)
        )
      ).toEqual([
        'hub help settings, $.people: lists 3 Community Representatives; a community has one or two'
      ]);
      expect(merge({}, { people: [rep('A'), rep('B')] }).problems).toEqual([]);
    });
  });

  describe('admins discovered on the live hub', () => {
    const settings: IHubMetadataDocument = {
      people: [
        {
          name: 'Ann Curated',
          usernames: ['ann'],
          roles: ['community-representative'],
          contact: { email: 'ann@example.org' }
        }
      ],
      adminDiscovery: { exclude: ['operator-staff'] }
    };

    it('adds them as Hub Administrators, minus the exclude list', () => {
      const { metadata } = merge(settings, undefined, [
        'bob',
        'operator-staff'
      ]);
      const bob = metadata.people.find(p => p.id === 'bob')!;
      expect(bob).toMatchObject({
        name: 'bob',
        roles: ['hub-administrator'],
        discovered: true
      });
      expect(
        metadata.people.find(p => p.id === 'operator-staff')
      ).toBeUndefined();
    });

    it('keeps curated contact details for a curated person', () => {
      const { metadata } = merge(settings, undefined, ['ANN']);
      expect(metadata.people).toHaveLength(1);
      expect(metadata.people[0]).toMatchObject({
        name: 'Ann Curated',
        contact: { email: 'ann@example.org' },
        roles: ['community-representative', 'hub-administrator'],
        discovered: false
      });
    });
  });
});

describe('buildMetadata', () => {
  it('parses each source and reports problems with their source', () => {
    const { metadata, problems } = buildMetadata({
      settings: { people: [rep('Ann')], statusPage: 'ftp://x' },
      remote: {
        'jupyterlab-hub-help:plugin': { hub: { name: 'Remote hub' }, colour: 1 }
      }
    });
    expect(metadata.hub.name).toBe('Remote hub');
    expect(problems.map(p => describeProblem(p))).toEqual([
      'hub help settings, $.statusPage: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
      'metadata URL, $.colour: has a field "colour" that this format does not know'
    ]);
  });
});
