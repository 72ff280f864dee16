/**
 * The one place a report is prepared: for each viewer, where it goes and
 * why, the line that says so, and what each way of sending it produces.
 */
import { readHubContext } from '../../hub';
import {
  buildMetadata,
  IHubMetadata,
  IHubMetadataDocument,
  englishTrans,
  Resolver
} from '../../metadata';
import {
  collectDiagnostics,
  IPreparedReport,
  IReportValues,
  OTHER_CATEGORY,
  prepareReport,
  ReportAction
} from '..';
import { redactSecrets } from '../../hub/redact';

const TOKEN = 'f3c1a9e2b7d84c51a0e6';

const DESK = {
  kind: 'email' as const,
  address: 'desk@op.example.com',
  responseTime: 'within one working day'
};
const FORM = {
  kind: 'url' as const,
  address: 'https://desk.op.example.com/new',
  label: 'Open a ticket',
  formTemplate: 'https://desk.op.example.com/new?c={category}&s={summary}'
};

const settings: IHubMetadataDocument = {
  hub: { name: 'River Hub' },
  people: [
    {
      name: 'Ann',
      usernames: ['ann'],
      roles: ['community-representative', 'hub-administrator'],
      contact: { email: 'ann@river.example.org' }
    },
    {
      name: 'Tom',
      usernames: ['tom'],
      roles: ['community-representative'],
      contact: { email: 'tom@river.example.org' }
    },
    {
      name: 'Lin',
      usernames: ['lin'],
      roles: ['hub-administrator'],
      contact: { email: 'lin@river.example.org' }
    },
    { name: 'Bo', usernames: ['bo'], roles: ['hub-administrator'] }
  ],
  roles: { 'support-triager': { channels: [DESK, FORM] } },
  outageCategories: [
    { id: 'servers', label: 'Servers not starting' },
    {
      id: 'infrastructure',
      label: 'Infrastructure',
      recipient: 'incident-responder'
    }
  ],
  statusPage: 'https://status.example.com'
};

const diagnostics = collectDiagnostics({
  hub: readHubContext({
    hubPrefix: '/hub/',
    hubUser: 'zoe',
    base: '/user/zoe/'
  }),
  location: { origin: 'https://hub.example.org', pathname: '/user/zoe/lab' },
  now: new Date('2026-11-21T10:00:00Z'),
  jupyterlabVersion: '4.6.4',
  extensionVersion: '0.1.0',
  userAgent: 'TestBrowser/1.0',
  language: 'en',
  hubAnswers: 'yes',
  serverAnswers: 'no',
  hubMessage: ''
});

const typed = (values: Partial<IReportValues> = {}): IReportValues => ({
  categoryId: '',
  description: 'Spinner forever since 9:00',
  affected: 'others',
  ...values
});

function prepare(
  options: {
    document?: IHubMetadataDocument;
    metadata?: IHubMetadata;
    viewer?: { username?: string; admin?: boolean };
    values?: Partial<IReportValues>;
  } = {}
): IPreparedReport {
  const metadata =
    options.metadata ??
    buildMetadata({ settings: options.document ?? settings }).metadata;
  return prepareReport({
    metadata,
    resolver: new Resolver(metadata, options.viewer ?? { username: 'zoe' }),
    language: 'en',
    values: typed(options.values),
    diagnostics,
    redact: text => redactSecrets(text, [TOKEN]),
    trans: englishTrans
  });
}

function action<K extends ReportAction['kind']>(
  report: IPreparedReport,
  kind: K
): Extract<ReportAction, { kind: K }> | undefined {
  return report.actions.find(
    (a): a is Extract<ReportAction, { kind: K }> => a.kind === kind
  );
}

/**
 * A mailto: URL's recipients, subject and body, decoded.
 */
function mail(url: string) {
  const [to, query] = url.slice('mailto:'.length).split('?');
  const params = new URLSearchParams(query.replace(/\+/g, '%2B'));
  return {
    to: to.split(',').map(decodeURIComponent),
    subject: params.get('subject'),
    body: params.get('body')
  };
}

const reached = (report: IPreparedReport) =>
  report.route.via ?? report.route.contact;

describe('a user', () => {
  const report = prepare();

  it('reports to the Hub Administrators, and is told why', () => {
    expect(report.route.kind).toBe('direct');
    expect(reached(report)!.role.id).toBe('hub-administrator');
    expect(report.reason).toEqual({
      kind: 'user',
      target: 'Hub Administrator'
    });
  });

  it('sees one line naming the role and how many people receive it', () => {
    expect(report.summary).toEqual({
      kind: 'people',
      role: 'Hub Administrator',
      count: 3,
      responseTime: undefined
    });
    expect(reached(report)!.people.map(p => p.name)).toEqual([
      'Ann',
      'Lin',
      'Bo'
    ]);
  });

  it('sends by email first, to each administrator with an address, then copies', () => {
    expect(report.actions.map(a => a.kind)).toEqual(['email', 'copy']);
    const { to, subject, body } = mail(action(report, 'email')!.url);
    expect(to).toEqual(['ann@river.example.org', 'lin@river.example.org']);
    expect(subject).toBe('[River Hub] Servers not starting');
    expect(body).toBe(report.text.split('\n\n').slice(1).join('\n\n'));
    expect(body).toContain('Who is affected: Others too');
    expect(body).toContain('Spinner forever since 9:00');
  });

  it('copies the subject and the body with the diagnostics', () => {
    expect(report.text.split('\n')[0]).toBe('[River Hub] Servers not starting');
    expect(report.text).toContain('Signed in as: zoe');
    expect(report.text).toContain('Server answers now: no');
  });

  it('offers the categories, then "something else", and the status page', () => {
    expect(report.categories).toEqual([
      { id: 'servers', label: 'Servers not starting' },
      { id: 'infrastructure', label: 'Infrastructure' },
      { id: OTHER_CATEGORY, label: 'Something else' }
    ]);
    expect(report.values.categoryId).toBe('servers');
    expect(report.statusPage).toBe('https://status.example.com');
  });

  it('reports an infrastructure outage through the representatives, who pass it on', () => {
    const infra = prepare({ values: { categoryId: 'infrastructure' } });
    expect(infra.route.kind).toBe('via');
    expect(infra.route.reason).toBe('restricted');
    expect(infra.route.via!.role.id).toBe('community-representative');
    expect(infra.reason).toEqual({
      kind: 'user',
      target: 'Community Representative'
    });
    expect(infra.summary).toMatchObject({ kind: 'people', count: 2 });
    expect(mail(action(infra, 'email')!.url).to).toEqual([
      'ann@river.example.org',
      'tom@river.example.org'
    ]);
  });

  it('reports "something else" to the Hub Administrators under its label', () => {
    const other = prepare({ values: { categoryId: OTHER_CATEGORY } });
    expect(reached(other)!.role.id).toBe('hub-administrator');
    expect(mail(action(other, 'email')!.url).subject).toBe(
      '[River Hub] Something else'
    );
  });
});

describe('a Hub Administrator', () => {
  const report = prepare({ viewer: { username: 'lin' } });

  it('takes what they cannot solve to the Community Representatives', () => {
    expect(reached(report)!.role.id).toBe('community-representative');
    expect(report.reason).toEqual({
      kind: 'role',
      held: 'Hub Administrator',
      target: 'Community Representative'
    });
    expect(report.summary).toMatchObject({
      kind: 'people',
      role: 'Community Representative',
      count: 2
    });
  });

  it('is one when the hub says so, without being listed', () => {
    const admin = prepare({ viewer: { username: 'zoe', admin: true } });
    expect(admin.reason).toMatchObject({
      kind: 'role',
      held: 'Hub Administrator'
    });
  });
});

describe('a Community Representative', () => {
  const report = prepare({ viewer: { username: 'tom' } });

  it("reports to the operator's desk, as a representative", () => {
    expect(reached(report)!.role.id).toBe('support-triager');
    expect(report.reason).toEqual({
      kind: 'role',
      held: 'Community Representative',
      target: 'Support Triager'
    });
  });

  it("names the desk's shared address and its answer time, not its people", () => {
    expect(report.summary).toEqual({
      kind: 'shared',
      role: 'Support Triager',
      addresses: ['desk@op.example.com'],
      responseTime: 'within one working day'
    });
    expect(report.responseTimes).toEqual(['within one working day']);
  });

  it('sends by email to the desk, then offers its form filled in, then copying', () => {
    expect(report.actions.map(a => a.kind)).toEqual(['email', 'form', 'copy']);
    expect(mail(action(report, 'email')!.url).to).toEqual([
      'desk@op.example.com'
    ]);
    const form = action(report, 'form')!;
    expect(form.label).toBe('Open a ticket');
    const url = new URL(form.url);
    expect(url.origin + url.pathname).toBe('https://desk.op.example.com/new');
    expect(url.searchParams.get('c')).toBe('Servers not starting');
    expect(url.searchParams.get('s')).toBe(
      'Servers not starting: Spinner forever since 9:00'
    );
  });
});

describe('a role at scale', () => {
  const fifty = Array.from({ length: 50 }, (_, i) => ({
    name: `Admin ${i}`,
    usernames: [`admin${i}`],
    roles: ['hub-administrator'],
    contact: { email: `administrator-number-${i}@university.example.org` }
  }));

  it('with a shared channel: the report goes to the channel, not to fifty people', () => {
    const report = prepare({
      document: {
        ...settings,
        people: fifty,
        roles: {
          'hub-administrator': {
            channels: [{ kind: 'email', address: 'admins@example.org' }]
          }
        }
      }
    });
    expect(report.summary).toEqual({
      kind: 'shared',
      role: 'Hub Administrator',
      addresses: ['admins@example.org'],
      responseTime: undefined
    });
    expect(reached(report)!.people).toEqual([]);
    expect(reached(report)!.channels.map(c => c.address)).toEqual([
      'admins@example.org'
    ]);
    const email = action(report, 'email')!;
    expect(mail(email.url).to).toEqual(['admins@example.org']);
    expect(email.omitted).toEqual([]);
  });

  it('without one: fifty people are counted, and those the link cannot hold are named', () => {
    const report = prepare({ document: { ...settings, people: fifty } });
    expect(report.summary).toMatchObject({ kind: 'people', count: 50 });
    const email = action(report, 'email')!;
    expect(email.omitted.length).toBeGreaterThan(0);
    expect([...mail(email.url).to, ...email.omitted]).toEqual(
      fifty.map(p => p.contact.email)
    );
  });
});

describe('recipients the metadata does not support', () => {
  it('sends a category whose recipient is unknown where reports go by default', () => {
    const metadata = buildMetadata({ settings }).metadata;
    const odd = {
      ...metadata,
      outageCategories: [
        { ...metadata.outageCategories[0], recipient: 'no-such-role' }
      ]
    };
    for (const viewer of [{ username: 'zoe' }, { username: 'lin' }]) {
      const usual = prepare({ viewer, values: { categoryId: 'servers' } });
      const report = prepare({ metadata: odd, viewer });
      expect(reached(report)!.role.id).toBe(reached(usual)!.role.id);
      expect(report.reason).toEqual(usual.reason);
    }
  });

  it('shows the first category when the chosen one is no longer offered', () => {
    const report = prepare({ values: { categoryId: 'gone-since' } });
    expect(report.values.categoryId).toBe('servers');
    expect(report.text.split('\n')[0]).toBe('[River Hub] Servers not starting');
  });

  it('with nobody and nothing listed, says so and offers copying alone', () => {
    const report = prepare({ document: { hub: { name: 'Bare' } } });
    expect(report.route.kind).toBe('direct');
    expect(report.summary).toEqual({
      kind: 'nobody',
      role: 'Hub Administrator'
    });
    expect(report.actions).toEqual([{ kind: 'copy' }]);
    expect(report.responseTimes).toEqual([]);
    expect(report.text.split('\n')[0]).toBe('[Bare] Hub URL unavailable');
  });

  it('a role reached only through a form: the form comes first', () => {
    const report = prepare({
      document: {
        ...settings,
        people: [],
        roles: { 'hub-administrator': { channels: [FORM] } }
      }
    });
    expect(report.summary).toEqual({
      kind: 'role',
      role: 'Hub Administrator',
      responseTime: undefined
    });
    expect(report.actions.map(a => a.kind)).toEqual(['form', 'copy']);
  });

  it('leaves out a form whose filled link is not allowed', () => {
    // The checks refuse such a template; a document built elsewhere may not.
    const metadata = buildMetadata({ settings }).metadata;
    const roles = new Map(metadata.roles);
    const admins = roles.get('hub-administrator')!;
    roles.set('hub-administrator', {
      ...admins,
      channels: [{ ...FORM, formTemplate: '{description}' }]
    });
    const report = prepare({
      metadata: { ...metadata, roles },
      values: { description: 'javascript:alert(1)' }
    });
    expect(report.actions.map(a => a.kind)).toEqual(['email', 'copy']);
  });
});

describe('a viewer who handles such reports', () => {
  it('is told so; nothing is sent anywhere, the text can still be copied', () => {
    const report = prepare({
      document: {
        ...settings,
        people: [
          {
            name: 'Sam',
            usernames: ['sam'],
            roles: [
              'hub-administrator',
              'community-representative',
              'support-triager',
              'site-reliability-engineer',
              'incident-responder'
            ]
          }
        ]
      },
      viewer: { username: 'sam' }
    });
    expect(report.route.kind).toBe('self');
    expect(report.reason).toEqual({ kind: 'self' });
    expect(report.summary).toEqual({ kind: 'self' });
    expect(report.actions).toEqual([{ kind: 'copy' }]);
  });
});

describe('what leaves the page', () => {
  it('holds no token, in the text, the email or the form', () => {
    const pasted = `see https://hub.example.org/user/zoe/lab?token=${TOKEN}`;
    const report = prepare({
      viewer: { username: 'tom' },
      values: { description: pasted }
    });
    const out = [
      report.text,
      ...report.actions.map(a => ('url' in a ? decodeURIComponent(a.url) : ''))
    ];
    for (const text of out) {
      expect(text).not.toContain(TOKEN);
    }
    expect(report.text).toContain('token=[redacted]');
  });
});
