/**
 * Everything of a report that leaves the page: whole characters, no secret,
 * within the limits of a mailto: link.
 */
import { LIMITS } from '../../metadata';
import {
  fillTemplate,
  IReport,
  mailtoUrl,
  prepareDelivery,
  reportTargets
} from '..';
import { redactSecrets } from '../../hub/redact';

const TOKEN = 'a1b2c3d4e5f60718293a';
const redact = (text: string) => redactSecrets(text, [TOKEN]);

const report = (body: string): IReport => ({ subject: '[Hub] Down', body });
const values = (description: string) => ({
  hubUrl: 'https://hub.example.org/hub/',
  user: 'ann',
  server: 'ann',
  category: 'Servers',
  description,
  time: '2026-11-22T10:00:00.000Z',
  categoryId: 'servers',
  affected: 'me',
  diagnostics: `Page: /user/ann/lab?token=${TOKEN}`,
  pagePath: '/user/ann/lab'
});
const decodedBody = (url: string) => decodeURIComponent(url.split('&body=')[1]);

describe('mailto links', () => {
  it('cut an emoji-filled body on whole characters, at every cut point', () => {
    for (let pad = 0; pad < 12; pad++) {
      const body = 'x'.repeat(pad) + '😀👩‍👩‍👧🇫🇷'.repeat(400);
      const { url, trimmed } = mailtoUrl(['a@x.org'], 'S', body, 'note');
      expect(trimmed).toBe(true);
      expect(url.length).toBeLessThanOrEqual(LIMITS.mailtoMaxChars);
      expect(decodedBody(url).endsWith('\n\nnote')).toBe(true);
    }
  });

  it('encode text holding a lone surrogate', () => {
    const { url } = mailtoUrl(['a@x.org'], 'S\ud800', 'a\udc00b', 'note');
    expect(decodedBody(url)).toBe('a\ufffdb');
  });

  it('keep fifty recipients within the limit and say who did not fit', () => {
    const people = Array.from(
      { length: 50 },
      (_, i) => `administrator-number-${i}@university.example.org`
    );
    const { url, omitted } = mailtoUrl(people, 'S', 'body', 'note');
    expect(url.length).toBeLessThanOrEqual(LIMITS.mailtoMaxChars);
    expect(omitted.length).toBeGreaterThan(0);
    const to = url.slice('mailto:'.length, url.indexOf('?')).split(',');
    expect([...to, ...omitted]).toEqual(people);
  });
});

describe('report targets', () => {
  const person = (email: string) => ({ contact: { email } });
  it("use the role's shared address rather than each person's", () => {
    const targets = reportTargets(
      {
        channels: [{ kind: 'email', address: 'admins@example.org' }],
        people: [person('a@example.org'), person('b@example.org')]
      },
      () => 'Form'
    );
    expect(targets.emails).toEqual(['admins@example.org']);
  });

  it("use each person's address when the role has none", () => {
    const targets = reportTargets(
      { channels: [], people: [person('a@example.org')] },
      () => 'Form'
    );
    expect(targets.emails).toEqual(['a@example.org']);
  });
});

describe('prepareDelivery', () => {
  const targets = {
    emails: ['desk@example.org'],
    forms: [
      {
        label: 'Desk',
        template: 'https://desk.example.org/new?s={summary}&d={description}',
        address: 'https://desk.example.org/'
      }
    ]
  };
  const options = { redact, trimmedNote: 'note' };

  it('redacts the token everywhere the report goes, form links included', () => {
    const pasted = `It fails at https://hub.example.org/user/ann/lab?token=${TOKEN}&x=1`;
    const delivery = prepareDelivery(
      report(`What I see:\n${pasted}`),
      targets,
      values(pasted),
      options
    );
    for (const out of [
      JSON.stringify(delivery.record),
      delivery.text,
      delivery.mail!.url,
      decodeURIComponent(delivery.forms[0].url!)
    ]) {
      expect(out).not.toContain(TOKEN);
    }
    expect(decodeURIComponent(delivery.forms[0].url!)).toContain(
      'token=[redacted]'
    );
  });

  it("redacts token parameters that are not this session's token", () => {
    expect(redactSecrets('see /lab?token=abc&x=1 and ?_xsrf=zz', [])).toBe(
      'see /lab?token=[redacted]&x=1 and ?_xsrf=[redacted]'
    );
  });

  it('fills {summary} on whole characters when position 200 is inside a surrogate pair', () => {
    const description = 'x'.repeat(199) + '😀'.repeat(10);
    const delivery = prepareDelivery(
      report('b'),
      targets,
      values(description),
      options
    );
    const url = new URL(delivery.forms[0].url!);
    const summary = url.searchParams.get('s')!;
    expect(summary).toBe(`Servers: ${'x'.repeat(199)}`);
  });

  it('refuses a form whose template or address is not an allowed link', () => {
    const delivery = prepareDelivery(
      report('b'),
      {
        emails: [],
        forms: [
          { label: 'A', template: '{description}', address: '' },
          { label: 'B', address: '/\t/evil.example/form' }
        ]
      },
      values('javascript:alert(1)'),
      options
    );
    expect(delivery.forms.map(f => f.url)).toEqual([null, null]);
    expect(delivery.mail).toBeNull();
    expect(fillTemplate('https://x.example/?a={constructor}', {})).toBe(
      'https://x.example/?a='
    );
  });
});
