/**
 * The trust defects of the first version, one test each: hostile or careless
 * documents must be named precisely and never break what is valid.
 */
import { buildMetadata } from '../build';
import { checkLink, isSafeHandle, isSafeLink } from '../links';
import { LIMITS } from '../limits';
import { parseDocument } from '../parse';
import { IProblem } from '../problems';
import { Resolver } from '../resolve';
import { cutText, wellFormed } from '../text';

const brief = (problems: IProblem[]) =>
  problems
    .filter(p => !['no-representative'].includes(p.code))
    .map(p => `${p.source} ${p.path} ${p.code} ${p.severity}`);

describe('references', () => {
  it('names an outage category whose recipient is not a role, and routes it by default', () => {
    const { metadata, problems } = buildMetadata({
      settings: {
        outageCategories: [
          { id: 'lost', label: 'Lost', recipient: 'nobody-here' },
          { id: 'ok', label: 'OK' }
        ]
      }
    });
    expect(brief(problems)).toEqual([
      'settings $.outageCategories[0].recipient unknown-role error'
    ]);
    expect(metadata.outageCategories.map(c => c.id)).toEqual(['lost', 'ok']);
    const resolver = new Resolver(metadata, { username: 'zoe' });
    const route = resolver.routeReport(metadata.outageCategories[0].recipient);
    expect(route.owner.id).toBe('hub-administrator');
  });

  it('finds only own ids: "constructor" and "toString" are not roles', () => {
    const { metadata, problems } = buildMetadata({
      settings: {
        people: [{ name: 'Ann', roles: ['constructor', 'hub-administrator'] }],
        tasks: [{ id: 'x', title: 'X', owner: 'tostring' }]
      }
    });
    expect(brief(problems)).toEqual([
      'settings $.people[0].roles unknown-role warning',
      'settings $.tasks[0].owner unknown-role error'
    ]);
    const resolver = new Resolver(metadata, {});
    expect(resolver.contactPoint('constructor')).toBeUndefined();
    expect(() => resolver.routeToRole('constructor')).not.toThrow();
    expect(() => resolver.routeToRole('__proto__')).not.toThrow();
  });

  it('accepts "constructor" as the id of a role that is defined', () => {
    const { metadata, problems } = buildMetadata({
      settings: {
        roles: { constructor: { label: 'Builders' } },
        people: [{ name: 'Bo', roles: ['constructor'] }]
      }
    });
    expect(brief(problems)).toEqual([]);
    expect(metadata.roles.get('constructor')?.label).toBe('Builders');
    expect(
      new Resolver(metadata, {}).routeToRole('constructor').contact?.people[0]
        .name
    ).toBe('Bo');
  });

  it('names entries where they were written, after earlier ones were left out', () => {
    const tasks: unknown[] = Array.from({ length: 8 }, (_, i) => ({
      id: `t${i}`,
      title: 'T',
      owner: 'user'
    }));
    tasks.push({ id: 'Not An Id', title: 'bad', owner: 'user' });
    tasks.push({ id: 'ninth', title: 'N', owner: 'nobody' });
    const { problems } = buildMetadata({ settings: { tasks } });
    expect(brief(problems)).toEqual([
      'settings $.tasks[8].id pattern error',
      'settings $.tasks[8] emptied error',
      'settings $.tasks[9].owner unknown-role error'
    ]);
  });
});

describe('limits', () => {
  it('refuses a refresh interval past a day, and clamps what it merges', () => {
    const { problems, metadata } = buildMetadata({
      settings: { refreshInterval: 86400000 }
    });
    expect(brief(problems)).toEqual([
      'settings $.refreshInterval maximum error'
    ]);
    expect(metadata.refreshInterval).toBe(LIMITS.refreshDefaultSeconds);
  });

  it('refuses a document nested 3,000 deep, without overflowing the stack', () => {
    let args: unknown = 'x';
    for (let i = 0; i < 3000; i++) {
      args = { a: args };
    }
    const { problems, metadata } = buildMetadata({
      settings: { statusPage: 'https://status.example.org' },
      remote: {
        tasks: [
          {
            id: 't',
            title: 'T',
            owner: 'user',
            how: { command: { id: 'x', args } }
          }
        ]
      }
    });
    expect(brief(problems)).toEqual(['metadata-url $ too-deep error']);
    // The settings still apply.
    expect(metadata.statusPage).toBe('https://status.example.org');
  });

  it('refuses a document over the size limit, naming its size', () => {
    const big = { hub: { description: 'x'.repeat(LIMITS.documentMaxChars) } };
    const { problems } = parseDocument(big, 'metadata-url');
    expect(problems).toEqual([
      expect.objectContaining({ path: '$', code: 'too-large' })
    ]);
    expect(Number(problems[0].params[0])).toBeGreaterThan(
      LIMITS.documentMaxChars
    );
  });

  it('names each of 8,000 invalid task ids', () => {
    const tasks = Array.from({ length: 8000 }, (_, i) => ({
      id: `Bad ${i}`,
      title: 'T',
      owner: 'user'
    }));
    const { problems, document } = parseDocument({ tasks }, 'settings');
    expect(problems.filter(p => p.code === 'pattern')).toHaveLength(8000);
    expect(problems[7999].path).toBe('$.tasks[7999].id');
    expect(document.tasks).toEqual([]);
  });
});

describe('links', () => {
  it.each([
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '/\t\\evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,x',
    'https://',
    'mailto:'
  ])('refuses %j', link => {
    expect(isSafeLink(link)).toBe(false);
  });

  it('says whether a link leaves the hub', () => {
    expect(checkLink('/hub/home', 'https://hub.example.org')).toEqual({
      href: '/hub/home',
      external: false
    });
    expect(
      checkLink('https://hub.example.org/x', 'https://hub.example.org')
    ).toEqual({ href: 'https://hub.example.org/x', external: false });
    expect(
      checkLink('https://other.example.org/', 'https://hub.example.org')
    ).toEqual({ href: 'https://other.example.org/', external: true });
    expect(checkLink('mailto:help@example.org')).toEqual({
      href: 'mailto:help@example.org',
      external: true
    });
  });

  it('names hostile chat handles and channel addresses instead of dropping them', () => {
    const { problems, metadata } = buildMetadata({
      settings: {
        people: [
          {
            name: 'Ann',
            roles: ['hub-administrator'],
            contact: { chat: 'JaVaScRiPt:alert(1)', email: 'ann@example.org' }
          },
          {
            name: 'Bo',
            roles: ['hub-administrator'],
            contact: { chat: '@bo:example.org' }
          }
        ],
        roles: {
          'support-triager': {
            channels: [
              { kind: 'chat', address: ' javascript:alert(1)' },
              { kind: 'url', address: 'data:text/html,x' },
              { kind: 'email', address: 'not an address' },
              { kind: 'email', address: 'desk@example.org' }
            ]
          }
        }
      }
    });
    expect(brief(problems)).toEqual([
      'settings $.people[0].contact.chat unsafe-link error',
      'settings $.roles.support-triager.channels[0].address unsafe-link error',
      'settings $.roles.support-triager.channels[1].address unsafe-link error',
      'settings $.roles.support-triager.channels[2].address bad-email error',
      'settings $.roles.support-triager.channels[0] emptied error',
      'settings $.roles.support-triager.channels[1] emptied error',
      'settings $.roles.support-triager.channels[2] emptied error'
    ]);
    expect(metadata.people[0].contact).toEqual({ email: 'ann@example.org' });
    expect(metadata.people[1].contact.chat).toBe('@bo:example.org');
    expect(metadata.roles.get('support-triager')!.channels).toEqual([
      { kind: 'email', address: 'desk@example.org' }
    ]);
    expect(isSafeHandle('#help')).toBe(true);
  });
});

describe('forward compatibility', () => {
  it('ignores unknown keys with a warning and keeps the rest', () => {
    const { problems, metadata } = buildMetadata({
      settings: {
        hub: { name: 'Hub', motto: 'new in a later release' },
        somethingNew: { a: 1 },
        statusPage: 'https://status.example.org'
      }
    });
    expect(brief(problems)).toEqual([
      'settings $.somethingNew unknown-field warning',
      'settings $.hub.motto unknown-field warning'
    ]);
    expect(metadata.hub.name).toBe('Hub');
    expect(metadata.statusPage).toBe('https://status.example.org');
  });

  it('accepts a hub homepage templateVars block as it is', () => {
    const templateVars = {
      redirect_to: 'https://example.org/',
      learn_more: 'https://example.org/about',
      enabled: true,
      org: {
        name: 'Riverbend',
        url: 'https://riverbend.example.org',
        logo_url: 'https://riverbend.example.org/logo.png'
      },
      designed_by: { name: 'Design', url: 'https://design.example.org' },
      operated_by: { name: 'Op', url: 'https://op.example.org' },
      funded_by: { name: 'Fund', url: 'https://fund.example.org' },
      announcements: ['Maintenance on Friday']
    };
    const { problems, metadata } = buildMetadata({ settings: templateVars });
    expect(brief(problems)).toEqual([]);
    expect(metadata.announcements[0].text).toBe('Maintenance on Friday');
  });

  it('says when a document is written for a newer format', () => {
    const { problems } = buildMetadata({
      remote: { formatVersion: 2, hub: { name: 'H' }, shinyNewThing: true }
    });
    expect(brief(problems)).toEqual([
      'metadata-url $.shinyNewThing unknown-field warning',
      'metadata-url $.formatVersion newer-format warning'
    ]);
  });
});

describe('the metadata URL has only the authority the operator gives it', () => {
  const remote = {
    metadataUrl: 'https://evil.example/next.json',
    adminDiscovery: { group: 'their-friends' },
    tasks: [
      { id: 'Bad Id', title: 'x', owner: 'user' },
      {
        id: 'run',
        title: 'Run this',
        owner: 'user',
        how: { command: { id: 'terminal:create-new' }, text: 'kept' }
      }
    ]
  };

  it('ignores metadataUrl, adminDiscovery and command buttons, and names them', () => {
    const { problems, metadata } = buildMetadata({
      settings: { metadataUrl: 'https://hub.example.org/help.json' },
      remote
    });
    expect(brief(problems)).toEqual([
      'metadata-url $.tasks[0].id pattern error',
      'metadata-url $.tasks[0] emptied error',
      'metadata-url $.metadataUrl not-allowed warning',
      'metadata-url $.adminDiscovery not-allowed warning',
      'metadata-url $.tasks[1].how.command not-allowed warning'
    ]);
    expect(metadata.metadataUrl).toBe('https://hub.example.org/help.json');
    expect(metadata.adminDiscovery.group).toBe('');
    const run = metadata.tasks.find(t => t.id === 'run')!;
    expect(run.how).toEqual({ text: 'kept' });
  });

  it('allows what the settings grant, and nothing the document grants itself', () => {
    const { problems, metadata } = buildMetadata({
      settings: { metadataUrlMaySet: ['commands', 'adminDiscovery'] },
      remote: { ...remote, metadataUrlMaySet: ['metadataUrl'] }
    });
    expect(brief(problems)).toEqual([
      'metadata-url $.tasks[0].id pattern error',
      'metadata-url $.tasks[0] emptied error',
      'metadata-url $.metadataUrlMaySet settings-only warning',
      'metadata-url $.metadataUrl not-allowed warning'
    ]);
    expect(metadata.adminDiscovery.group).toBe('their-friends');
    expect(metadata.tasks.find(t => t.id === 'run')!.how.command?.id).toBe(
      'terminal:create-new'
    );
  });
});

describe('text cuts', () => {
  it('never splits an emoji, a flag or a letter and its accent', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('a🇫🇷', 4)).toBe('a');
    expect(cutText('e\u0301e\u0301', 3)).toBe('e\u0301');
    expect(cutText('short', 10)).toBe('short');
  });

  it('replaces lone surrogates so that the text can be encoded', () => {
    expect(wellFormed('a\ud800b\udc00😀')).toBe('a\ufffdb\ufffd😀');
    expect(() => encodeURIComponent(wellFormed('\udfff'))).not.toThrow();
  });
});

describe('one place for limits', () => {
  it('the schema states the same refresh bounds as the code', () => {
    const schema = require('../../../schema/plugin.json');
    const interval = schema.properties.refreshInterval;
    expect([interval.minimum, interval.maximum, interval.default]).toEqual([
      LIMITS.refreshMinSeconds,
      LIMITS.refreshMaxSeconds,
      LIMITS.refreshDefaultSeconds
    ]);
  });
});

describe('grants', () => {
  it('names a grant that does not exist and keeps the others', () => {
    const { problems, metadata } = buildMetadata({
      settings: { metadataUrlMaySet: ['commands', 'everything'] },
      remote: {
        tasks: [
          { id: 'x', title: 'X', owner: 'user', how: { command: { id: 'c' } } }
        ]
      }
    });
    expect(brief(problems)).toEqual([
      'settings $.metadataUrlMaySet[1] enum error'
    ]);
    expect(metadata.tasks.find(t => t.id === 'x')!.how.command?.id).toBe('c');
  });
});
