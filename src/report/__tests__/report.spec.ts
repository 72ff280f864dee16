import { HubClient, readHubContext } from '../../hub';
import {
  buildMetadata,
  IHubMetadataDocument,
  englishTrans,
  Resolver
} from '../../metadata';
import {
  collectDiagnostics,
  composeReport,
  diagnosticsText,
  fillTemplate,
  IDiagnostics,
  IDiagnosticsSource,
  IReportInput,
  mailtoUrl
} from '..';
import { marking, WHOLE } from '../../metadata/__tests__/marking';

const settings: IHubMetadataDocument = {
  people: [
    {
      name: 'Ann',
      usernames: ['ann'],
      roles: ['community-representative', 'hub-administrator']
    },
    { name: 'Tom', usernames: ['tom'], roles: ['community-representative'] },
    { name: 'Lin', usernames: ['lin'], roles: ['hub-administrator'] }
  ],
  roles: {
    'support-triager': {
      channels: [{ kind: 'email', address: 'desk@op.example.com' }]
    }
  },
  outageCategories: [
    { id: 'servers-not-starting', label: 'User servers not starting' },
    {
      id: 'home-full',
      label: 'Home directory full',
      recipient: 'hub-administrator'
    },
    {
      id: 'infrastructure',
      label: 'Infrastructure',
      recipient: 'incident-responder'
    },
    { id: 'billing', label: 'Billing', recipient: 'community-representative' }
  ]
};

describe('report routing: viewer role × category → recipient', () => {
  const metadata = buildMetadata({ settings }).metadata;
  const viewers = {
    user: { username: 'zoe' },
    'hub administrator': { username: 'lin' },
    'representative and admin': { username: 'ann', admin: true },
    'representative only': { username: 'tom' }
  };
  const recipient = (viewer: object, category: string) => {
    const resolver = new Resolver(metadata, viewer);
    const route = resolver.routeReport(
      metadata.outageCategories.find(c => c.id === category)?.recipient
    );
    return [route.via?.role.id ?? route.contact?.role.id, route.kind].join(' ');
  };

  it.each<[string, string, string]>([
    ['user', 'servers-not-starting', 'hub-administrator direct'],
    ['user', 'home-full', 'hub-administrator direct'],
    ['user', 'infrastructure', 'community-representative via'],
    ['user', 'billing', 'community-representative direct'],
    [
      'hub administrator',
      'servers-not-starting',
      'community-representative direct'
    ],
    ['hub administrator', 'infrastructure', 'community-representative via'],
    ['hub administrator', 'billing', 'community-representative direct'],
    [
      'representative and admin',
      'servers-not-starting',
      'support-triager direct'
    ],
    ['representative and admin', 'infrastructure', 'support-triager direct'],
    ['representative and admin', 'billing', 'support-triager direct'],
    ['representative only', 'servers-not-starting', 'support-triager direct'],
    ['representative only', 'infrastructure', 'support-triager direct']
  ])('%s reporting %s → %s', (viewer, category, expected) => {
    expect(recipient(viewers[viewer as keyof typeof viewers], category)).toBe(
      expected
    );
  });
});

const source: IDiagnosticsSource = {
  hub: readHubContext({
    hubPrefix: '/hub/',
    hubUser: 'ann',
    hubServerUser: 'zoe',
    hubServerName: '',
    base: '/user/zoe/'
  }),
  location: {
    origin: 'https://hub.example.org',
    pathname: '/user/zoe/lab/tree/notes.ipynb'
  },
  now: new Date('2026-11-21T10:00:00Z'),
  jupyterlabVersion: '4.6.4',
  extensionVersion: '0.1.0',
  userAgent: 'TestBrowser/1.0',
  language: 'en',
  hubVersion: '5.4.0',
  hubAnswers: 'yes',
  serverAnswers: 'no',
  hubMessage: ''
};
const diagnostics: IDiagnostics = collectDiagnostics(source);

describe('diagnostics and report text', () => {
  it('holds the facts a support desk asks for', () => {
    const text = diagnosticsText(diagnostics, englishTrans);
    expect(text).toContain('Hub: https://hub.example.org/hub/');
    expect(text).toContain('Signed in as: ann');
    expect(text).toContain('Server owner: zoe');
    expect(text).toContain('Server name: (default)');
    expect(text).toContain('Page: /user/zoe/lab/tree/notes.ipynb');
    expect(text).toContain('Time (UTC): 2026-11-21T10:00:00.000Z');
    expect(text).toContain('JupyterLab: 4.6.4');
    expect(text).toContain('jupyterlab-hub-help: 0.1.0');
    expect(text).toContain('JupyterHub: 5.4.0');
    expect(text).toContain('Hub answers now: yes');
    expect(text).toContain('Server answers now: no');
  });

  it('writes each line as one whole sentence to translate', () => {
    const lines = diagnosticsText(diagnostics, marking).split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(12);
    for (const line of lines) {
      expect(line).toMatch(WHOLE);
    }
  });

  it("gives the local time in the reporter's language, and UTC in ISO 8601 for every recipient", () => {
    const french = collectDiagnostics({ ...source, language: 'fr' });
    const spanish = collectDiagnostics({ ...source, language: 'es_ES' });
    expect(french.timeLocal).toMatch(/novembre 2026/);
    expect(spanish.timeLocal).toMatch(/noviembre de 2026/);
    expect(french.timeUtc).toBe('2026-11-21T10:00:00.000Z');
    expect(spanish.timeUtc).toBe(french.timeUtc);
  });

  it('composes subject and body', () => {
    const input: IReportInput = {
      hubName: 'River Hub',
      categoryLabel: 'User servers not starting',
      description: 'Spinner forever since 9:00',
      affected: 'others',
      diagnostics
    };
    const report = composeReport(input, englishTrans);
    expect(report.subject).toBe('[River Hub] User servers not starting');
    const marked = composeReport(
      { ...input, affected: 'me' },
      marking
    ).body.split('\n');
    for (const line of [marked[0], marked[1], marked[3], marked[6]]) {
      expect(line).toMatch(WHOLE);
    }
    expect(report.body.split('\n').slice(0, 5)).toEqual([
      'Problem: User servers not starting',
      'Who is affected: Others too',
      '',
      'What I see:',
      'Spinner forever since 9:00'
    ]);
  });

  it('never contains the token, even when the page URL or the description carries it', async () => {
    const token = 'f3c1a9e2b7d84c51a0e6';
    const pageUrl = new URL(
      `https://hub.example.org/user/ann/lab/tree/x.ipynb?token=${token}#frag`
    );
    const d = collectDiagnostics({
      hub: readHubContext({
        hubPrefix: '/hub/',
        hubUser: 'ann',
        base: '/user/ann/'
      }),
      hubUrl: `https://hub.example.org/?token=${token}`,
      location: pageUrl,
      now: new Date(),
      jupyterlabVersion: '4.6.4',
      extensionVersion: '0.1.0',
      userAgent: 'x',
      language: 'en',
      hubAnswers: 'unknown',
      serverAnswers: 'unknown'
    });
    const client = new HubClient(readHubContext({}), token);
    const report = composeReport(
      {
        hubName: 'Hub',
        categoryLabel: 'Other',
        description: `I pasted my URL: ${pageUrl.href}`,
        affected: 'me',
        diagnostics: d
      },
      englishTrans
    );
    const text = client.redact(`${report.subject}\n${report.body}`);
    expect(text).not.toContain(token);
    expect(text).toContain('token=[redacted]');
    expect(d.pagePath).toBe('/user/ann/lab/tree/x.ipynb');
    expect(d.hubUrl).toBe('https://hub.example.org/');
  });
});

describe('delivery', () => {
  it('builds a mailto: link with encoded subject and body', () => {
    const { url, trimmed } = mailtoUrl(
      ['a@x.org', 'b+c@y.org'],
      'Hub & co: 50% down?',
      'Line 1\nLine 2 é',
      'note'
    );
    expect(trimmed).toBe(false);
    expect(url).toBe(
      'mailto:a@x.org,b%2Bc@y.org?subject=Hub%20%26%20co%3A%2050%25%20down%3F&body=Line%201%0ALine%202%20%C3%A9'
    );
  });

  it('trims long bodies to fit, on whole characters, with a note', () => {
    const body = 'é'.repeat(3000);
    const { url, trimmed } = mailtoUrl(
      ['a@x.org'],
      'S',
      body,
      'Paste the copied report.',
      1800
    );
    expect(trimmed).toBe(true);
    expect(url.length).toBeLessThanOrEqual(1800);
    const decoded = decodeURIComponent(url.split('&body=')[1]);
    expect(decoded.endsWith('\n\nPaste the copied report.')).toBe(true);
    expect(decoded.startsWith('ééé')).toBe(true);
    expect(() => decodeURIComponent(url.split('&body=')[1])).not.toThrow();
  });

  it('fills a form template with encoded values', () => {
    expect(
      fillTemplate(
        'https://desk.example.com/new?hub={hub_url}&s={summary}&who={user}&x={unknown}',
        {
          hub_url: 'https://hub.example.org/hub/',
          summary: 'Servers: "slow" & broken #1',
          user: 'ann'
        }
      )
    ).toBe(
      'https://desk.example.com/new?hub=https%3A%2F%2Fhub.example.org%2Fhub%2F&s=Servers%3A%20%22slow%22%20%26%20broken%20%231&who=ann&x='
    );
  });

  it('refuses a template that does not make an allowed link', () => {
    expect(
      fillTemplate('{summary}', { summary: 'javascript:alert(1)' })
    ).toBeNull();
    expect(fillTemplate('javascript:{x}', { x: '1' })).toBeNull();
  });
});
