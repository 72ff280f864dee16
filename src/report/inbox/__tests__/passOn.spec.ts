import { redactSecrets } from '../../../hub/redact';
import {
  buildMetadata,
  englishTrans,
  IHubMetadataDocument,
  Resolver
} from '../../../metadata';
import { IPassOnInputs, preparePassOn } from '../passOn';

const TOKEN = 'f3c1a9e2b7d84c51a0e6';

const settings: IHubMetadataDocument = {
  hub: { name: 'River Hub' },
  people: [
    {
      name: 'Ann',
      usernames: ['ann'],
      roles: ['community-representative'],
      contact: { email: 'ann@river.example.org' }
    },
    {
      name: 'Lin',
      usernames: ['lin'],
      roles: ['hub-administrator'],
      contact: { email: 'lin@river.example.org' }
    }
  ],
  roles: {
    'support-triager': {
      channels: [
        { kind: 'email', address: 'desk@op.example.com' },
        {
          kind: 'url',
          address: 'https://desk.op.example.com/new',
          label: 'Open a ticket',
          formTemplate: 'https://desk.op.example.com/new?s={summary}'
        }
      ]
    }
  },
  outageCategories: [{ id: 'servers', label: 'Servers not starting' }]
};

function prepare(viewer: string, patch: Partial<IPassOnInputs> = {}) {
  const { metadata } = buildMetadata({ settings });
  return preparePassOn({
    summary: {
      count: 3,
      first: '2026-12-07T09:00:00.000Z',
      last: '2026-12-07T10:30:00.000Z',
      people: 2,
      categories: { servers: 2, 'something-else': 1 },
      descriptions: [
        `Spinner at https://hub.example.org/hub/spawn?token=${TOKEN}`,
        'Kernel dies'
      ]
    },
    metadata,
    resolver: new Resolver(metadata, { username: viewer }),
    language: 'en',
    trans: englishTrans,
    redact: text => redactSecrets(text, [TOKEN]),
    hubUrl: 'https://hub.example.org/hub/home',
    user: viewer,
    ...patch
  });
}

describe('the message to the operator’s desk', () => {
  it('gives counts by category with their labels, the times, the people and some descriptions, redacted', () => {
    const { text } = prepare('ann');
    expect(text).toContain('River Hub: 3 reports passed on from the hub');
    expect(text).toContain(
      '3 reports from 2 people on River Hub, filed from Dec 7, 2026, 9:00 AM UTC to Dec 7, 2026, 10:30 AM UTC.'
    );
    expect(text).toContain('- Servers not starting: 2');
    expect(text).toContain('- Something else: 1');
    expect(text).toContain('- Kernel dies');
    expect(text).toContain('Passed on by ann');
    expect(text).not.toContain(TOKEN);
  });

  it('goes where a Community Representative’s report goes: the desk’s address, its form, or copied', () => {
    const passOn = prepare('ann');
    expect(passOn.desk).toBe('Support Triager');
    expect(passOn.through).toEqual([]);
    expect(passOn.actions.map(a => a.kind)).toEqual(['email', 'form', 'copy']);
    const email = passOn.actions[0] as { url: string };
    expect(email.url.startsWith('mailto:desk@op.example.com?')).toBe(true);
    expect(email.url).not.toContain(TOKEN);
    const form = passOn.actions[1] as { url: string; label: string };
    expect(form.label).toBe('Open a ticket');
    expect(form.url).not.toContain(TOKEN);
  });

  it('tells an admin who is no representative that the desk takes requests through them', () => {
    expect(prepare('lin').through).toEqual(['Community Representative']);
  });
});
