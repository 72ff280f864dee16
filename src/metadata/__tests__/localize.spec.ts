import { formatDateTime, localize, localizeKeywords } from '../localize';
import { isDateTime, isSafeLink } from '../links';

describe('localize', () => {
  const text = { en: 'Hello', fr: 'Bonjour', 'pt-BR': 'Olá', de_DE: 'Hallo' };

  it.each([
    ['fr', 'Bonjour'],
    ['fr-FR', 'Bonjour'],
    ['fr_CA', 'Bonjour'],
    ['pt-BR', 'Olá'],
    ['pt_br', 'Olá'],
    ['de-DE', 'Hallo'],
    ['ja-JP', 'Hello'],
    ['', 'Hello']
  ])('picks %p → %p', (language, expected) => {
    expect(localize(text, language)).toBe(expected);
  });

  it('falls back to a regional English, then to the first entry', () => {
    expect(localize({ es: 'Hola', 'en-GB': 'Hello' }, 'ja')).toBe('Hello');
    expect(localize({ es: 'Hola', it: 'Ciao' }, 'ja')).toBe('Hola');
  });

  it('returns plain strings as they are, and nothing for nothing', () => {
    expect(localize('Plain', 'fr')).toBe('Plain');
    expect(localize(undefined, 'fr')).toBe('');
  });
});

describe('localizeKeywords', () => {
  const keywords = {
    en: ['printer'],
    es: ['impresora'],
    'pt-BR': ['impressora']
  };

  it.each([
    ['es', ['impresora']],
    ['es-MX', ['impresora']],
    ['pt_br', ['impressora']],
    ['ja', ['printer']]
  ])('picks %p → %p', (language, expected) => {
    expect(localizeKeywords(keywords, language)).toEqual(expected);
  });

  it('returns a plain list as it is, and nothing for nothing', () => {
    expect(localizeKeywords(['pip'], 'fr')).toEqual(['pip']);
    expect(localizeKeywords(undefined, 'fr')).toEqual([]);
    expect(localizeKeywords({ es: ['uno'], it: ['uno'] }, 'ja')).toEqual([
      'uno'
    ]);
  });
});

describe('formatDateTime', () => {
  const time = new Date('2026-01-15T12:00:00Z');
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'long',
    timeZone: 'UTC'
  };

  it.each([
    ['fr', '15 janvier 2026'],
    ['es_ES', '15 de enero de 2026'],
    ['en-US', 'January 15, 2026']
  ])('writes a date in %s', (language, expected) => {
    expect(formatDateTime(time, language, options)).toBe(expected);
  });

  it("falls back to the browser's language for a tag Intl does not know", () => {
    expect(formatDateTime(time, 'not a tag!', options)).toBe(
      new Intl.DateTimeFormat(undefined, options).format(time)
    );
  });
});

describe('isSafeLink', () => {
  it.each([
    'https://hub.example.org/path?x=1',
    'http://localhost:8000/',
    'mailto:support@example.org',
    'mailto:support@example.org?subject=Help',
    '/hub/admin',
    '/'
  ])('allows %p', link => expect(isSafeLink(link)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>1</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example.com/x',
    '/\\evil.example.com',
    ' https://padded.example.org',
    'https://',
    'mailto:',
    'relative/path',
    '',
    42
  ])('refuses %p', link => expect(isSafeLink(link)).toBe(false));
});

describe('isDateTime', () => {
  it.each([
    '2026-01-31T18:00:00Z',
    '2026-01-31T18:00:00+01:00',
    '2026-01-31',
    '2026-01-31T18:00'
  ])('accepts %p', d => expect(isDateTime(d)).toBe(true));
  it.each(['tomorrow', '2026-13-45T99:00:00Z', '31/01/2026', 5])(
    'refuses %p',
    d => expect(isDateTime(d)).toBe(false)
  );
});
