/**
 * Property-based tests of the metadata layer and the report's text: for
 * arbitrary and hostile documents and texts, nothing throws, every link that
 * can reach an href is allowed, and every cut of text is on whole characters.
 */
import * as fs from 'fs';
import * as path from 'path';

import fc from 'fast-check';

import { composeReport } from '../../report/compose';
import { IDiagnostics } from '../../report/diagnostics';
import { fillTemplate, mailtoUrl } from '../../report/deliver';
import { builtInDefaults } from '../defaults';
import { LIMITS } from '../limits';
import { isSafeLink } from '../links';
import { assembling } from '../assemble';
import { buildMetadata } from '../build';
import { checking, ISchemaError, parseDocument, validating } from '../parse';
import { validateDocument } from '../../generated/validateDocument';
import { atOnce, inSlices, Work } from '../../slices';
import { cutText, wellFormed } from '../text';
import { englishTrans } from '../trans';
import { IViewer } from '../types';
import {
  BUILT_IN_ROLES,
  malformedProblems,
  unresolved,
  unsafeValues
} from './checks';

const SEED = 20260122;
const RUNS = { seed: SEED, numRuns: 10000 };
const TIMEOUT = 120000;

const HOSTILE_FILE = path.resolve(
  __dirname,
  '../../../tests/corpus/hostile-text.json'
);
const hostile: { texts: string[]; links: string[]; safeLinks: string[] } =
  fs.existsSync(HOSTILE_FILE)
    ? JSON.parse(fs.readFileSync(HOSTILE_FILE, 'utf8'))
    : { texts: [], links: [], safeLinks: [] };
const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '{user} %1 $& __proto__',
  '\ud800',
  '\ude00\ud83d',
  'مركز',
  'e\u0301',
  '👩🏽\u200d💻',
  '',
  ...hostile.texts
];
const HOSTILE_LINKS = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  '//evil.example.com',
  '/\\evil.example.com',
  '/\t/evil.example.com',
  'data:text/html,x',
  'mailto:',
  ...hostile.links
];
const SAFE_LINKS = [
  'https://example.org/a?b=c#d',
  '/hub/home',
  'mailto:desk@example.org',
  ...hostile.safeLinks
];

// ------------------------------------------------------------------ checks

const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

// ------------------------------------------------------------ arbitraries

const surrogateHalf = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map(c => String.fromCharCode(c));
const trickyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  surrogateHalf,
  fc.constantFrom(
    '\u0301',
    '\u200d',
    '\u202e',
    '\ufe0f',
    '👩',
    '🏽',
    '🇫',
    '🇷',
    '%',
    '{',
    '}',
    '@',
    ':',
    '/',
    '\\',
    '\n',
    '\u0000',
    ' '
  )
);
/**
 * Any text, lone surrogates included.
 */
const anyText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: trickyUnit, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.fullUnicodeString({ maxLength: 8 })
);
/**
 * Text without lone surrogates.
 */
const wellFormedText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS.filter(isWellFormed)),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
  fc.fullUnicodeString({ maxLength: 30 }),
  fc.string({ unit: trickyUnit, maxLength: 30 }).filter(isWellFormed)
);
const link = fc.oneof(
  fc.constantFrom(...HOSTILE_LINKS, ...SAFE_LINKS),
  anyText,
  anyText.map(t => `https://example.org/${t}`),
  anyText.map(t => `/${t}`),
  anyText.map(t => `mailto:${t}`)
);
const junk = fc.oneof(fc.anything({ maxDepth: 1, maxKeys: 2 }), anyText);
/**
 * Mostly the value, sometimes anything at all.
 */
const maybe = (arb: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: arb, weight: 12 }, { arbitrary: junk, weight: 1 });
/**
 * An object of the schema's shape, each field optional, possibly wrong, and
 * sometimes with a key the format does not know.
 */
const shaped = (
  fields: { [key: string]: fc.Arbitrary<unknown> },
  maxKeys?: number
) =>
  fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(fields).map(([k, a]) => [k, maybe(a)])
        ),
        { requiredKeys: [] }
      ),
      maxKeys === undefined
        ? fc.constant(Object.keys(fields))
        : fc.subarray(Object.keys(fields), {
            minLength: 1,
            maxLength: maxKeys
          }),
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 8 },
        { arbitrary: fc.dictionary(anyText, junk, { maxKeys: 1 }), weight: 1 }
      )
    )
    .map(([known, keys, extra]) => {
      const picked: { [key: string]: unknown } = { ...extra };
      for (const key of keys) {
        if (key in known) {
          picked[key] = (known as { [key: string]: unknown })[key];
        }
      }
      return picked;
    });
const list = (arb: fc.Arbitrary<unknown>, maxLength = 2) =>
  fc.array(maybe(arb), { maxLength });

const roleId = fc.oneof(
  fc.constantFrom(
    ...BUILT_IN_ROLES,
    'hub-engineer',
    'support-steward',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'ghost',
    'r-a',
    'r-b'
  ),
  anyText
);
const localized = fc.oneof(
  anyText,
  fc.dictionary(
    fc.constantFrom(
      'en',
      'fr',
      'ar',
      'pt-BR',
      'constructor',
      '__proto__',
      'x y'
    ),
    anyText,
    { maxKeys: 3 }
  )
);
const email = fc.oneof(
  fc.constantFrom('desk@example.org', 'a b@example.org', '@', 'x@y'),
  anyText.map(t => `${t}@example.org`)
);
const channel = shaped({
  kind: fc.constantFrom('email', 'url', 'chat', 'sms'),
  address: fc.oneof(link, email, anyText),
  label: localized,
  hours: localized,
  responseTime: localized,
  formTemplate: fc.oneof(
    link,
    anyText.map(t => `https://desk.example.org/?s={${t}}`)
  )
});
const role = shaped({
  label: localized,
  description: localized,
  party: fc.constantFrom('community', 'operator', 'user', 'vendor'),
  duties: list(localized, 2),
  channels: list(channel, 2),
  reachedThrough: roleId,
  acceptsFrom: list(roleId, 2),
  escalatesTo: roleId,
  hidden: fc.boolean()
});
const person = shaped({
  id: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'p1'), anyText),
  name: anyText,
  usernames: list(fc.oneof(fc.constantFrom('ann', 'constructor'), anyText), 2),
  roles: list(roleId, 3),
  contact: shaped({ email, url: link, chat: fc.oneof(link, anyText) }),
  note: localized
});
const task = shaped({
  id: fc.oneof(
    fc.constantFrom(
      'restart-server',
      'add-user',
      't1',
      'constructor',
      '__proto__'
    ),
    anyText
  ),
  title: localized,
  keywords: list(anyText, 2),
  owner: roleId,
  category: localized,
  how: shaped({
    text: localized,
    url: link,
    hubPage: fc.constantFrom('home', 'admin', 'token', 'spawn', 'settings'),
    command: shaped({
      id: anyText,
      args: fc.dictionary(anyText, junk, { maxKeys: 2 }),
      label: localized
    })
  }),
  hidden: fc.boolean()
});
const date = fc.constantFrom(
  '2026-01-01T00:00:00Z',
  '2026-12-31',
  'soon',
  '2026-13-45T99:00:00Z'
);
const announcement = fc.oneof(
  anyText,
  shaped({
    id: fc.oneof(fc.constantFrom('a', '__proto__'), anyText),
    text: localized,
    severity: fc.constantFrom('info', 'success', 'warning', 'error', 'loud'),
    start: date,
    end: date,
    link: shaped({ label: localized, url: link })
  })
);
const namedLink = shaped({ name: localized, url: link });
const hostileDocument = shaped(
  {
    formatVersion: fc.integer({ min: -1, max: 3 }),
    hub: shaped({ name: localized, url: link, description: localized }),
    org: shaped({ name: localized, url: link, logo_url: link }),
    operated_by: namedLink,
    funded_by: namedLink,
    designed_by: namedLink,
    announcements: list(announcement),
    people: list(person),
    roles: fc.dictionary(roleId, maybe(role), { maxKeys: 2 }),
    tasks: list(task),
    statusPage: link,
    outageCategories: list(
      shaped({
        id: fc.oneof(
          fc.constantFrom('slow', 'constructor', '__proto__'),
          anyText
        ),
        label: localized,
        recipient: roleId
      })
    ),
    metadataUrl: link,
    metadataUrlMaySet: list(
      fc.constantFrom('metadataUrl', 'adminDiscovery', 'commands', 'everything')
    ),
    refreshInterval: fc.oneof(fc.integer(), fc.double()),
    adminDiscovery: shaped({
      enabled: fc.boolean(),
      group: anyText,
      exclude: list(anyText, 2)
    }),
    redirect_to: anyText,
    learn_more: junk,
    enabled: fc.boolean()
  },
  5
);
const anyDocument = fc.oneof(
  { arbitrary: hostileDocument, weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }
);
const viewer: fc.Arbitrary<IViewer> = fc.record(
  {
    username: fc.oneof(fc.constantFrom('ann', 'constructor', 'p1'), anyText),
    admin: fc.boolean(),
    groups: fc.array(anyText, { maxLength: 2 })
  },
  { requiredKeys: [] }
);

const diagnostics: fc.Arbitrary<IDiagnostics> = fc.record({
  hubUrl: anyText,
  user: anyText,
  serverUser: anyText,
  serverName: anyText,
  pagePath: anyText,
  timeUtc: anyText,
  timeLocal: anyText,
  jupyterlabVersion: anyText,
  extensionVersion: anyText,
  browser: anyText,
  language: anyText,
  hubVersion: anyText,
  hubAnswers: fc.constantFrom('yes', 'no', 'unknown'),
  serverAnswers: fc.constantFrom('yes', 'no', 'unknown'),
  hubMessage: anyText
});
/**
 * Text long enough to need cutting: a mailto: link holds at most 1800
 * characters. Longer texts are the segmentation test's (below).
 */
const longText = fc.oneof(
  { arbitrary: anyText, weight: 6 },
  { arbitrary: fc.string({ unit: trickyUnit, maxLength: 300 }), weight: 1 },
  { arbitrary: fc.fullUnicodeString({ maxLength: 700 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(anyText, fc.integer({ min: 1, max: 150 }))
      .map(([t, n]) => t.repeat(n).slice(0, 2500)),
    weight: 1
  }
);

/**
 * The grapheme boundaries of a text, as UTF-16 offsets.
 */
const segmenter = new (Intl as any).Segmenter(undefined, {
  granularity: 'grapheme'
});
function boundaries(text: string): number[] {
  const ends = [0];
  for (const { index, segment } of segmenter.segment(text)) {
    ends.push(index + segment.length);
  }
  return ends;
}

// ------------------------------------------------------------------ tests

describe('metadata properties', () => {
  const defaults = builtInDefaults();

  it(
    "checked an entry at a time, a document has the whole check's errors, in its order",
    () => {
      const shown = (errors: ISchemaError[]) =>
        errors.map(e => [e.instancePath, e.keyword, e.schemaPath, e.params]);
      fc.assert(
        fc.property(hostileDocument, input => {
          // The check reads a copy through JSON, as this is.
          const document = JSON.parse(JSON.stringify(input));
          const whole = validateDocument(document)
            ? []
            : (validateDocument as any).errors;
          expect(shown(atOnce(validating(document, null)))).toEqual(
            shown(whole)
          );
        }),
        { ...RUNS, numRuns: 3000 }
      );
    },
    TIMEOUT
  );

  /**
   * Work on any document, run in slices of any number of steps (a counter
   * for a clock), ends with what it gives at once.
   */
  const slicedAsAtOnce = <T>(work: (input: unknown) => Work<T>) =>
    fc.assert(
      fc.asyncProperty(
        anyDocument,
        fc.integer({ min: 1, max: 5 }),
        async (input, budgetMs) => {
          let clock = 0;
          const sliced = await inSlices(work(input), {
            budgetMs,
            now: () => clock++,
            pause: async () => undefined
          });
          expect(sliced).toEqual(atOnce(work(input)));
        }
      ),
      { ...RUNS, numRuns: 2000 }
    );

  it(
    'metadata assembled in slices is the metadata assembled at once',
    () =>
      slicedAsAtOnce(input =>
        assembling({
          settings: parseDocument(input, 'settings'),
          live: { admins: ['ann', 'user1'] }
        })
      ),
    TIMEOUT
  );

  it(
    'a document checked in slices is the document checked at once',
    () => slicedAsAtOnce(input => checking(input, 'settings')),
    TIMEOUT
  );

  it(
    'parseDocument never throws and names every problem by a path',
    () => {
      fc.assert(
        fc.property(
          anyDocument,
          fc.constantFrom('settings', 'metadata-url') as fc.Arbitrary<
            'settings' | 'metadata-url'
          >,
          (input, source) => {
            const { document, problems } = parseDocument(input, source);
            expect(typeof document).toBe('object');
            expect(malformedProblems(problems)).toEqual([]);
            expect(problems.every(p => p.source === source)).toBe(true);
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );

  it(
    'buildMetadata never throws, leaves only allowed links and resolves for every viewer',
    () => {
      fc.assert(
        fc.property(
          anyDocument,
          fc.option(anyDocument, { nil: undefined }),
          viewer,
          (settings, remote, someone) => {
            const { metadata, problems } = buildMetadata({
              settings,
              remote,
              defaults
            });
            expect(malformedProblems(problems)).toEqual([]);
            expect(unsafeValues(metadata)).toEqual([]);
            for (const role of BUILT_IN_ROLES) {
              expect(metadata.roles.has(role)).toBe(true);
            }
            const rep = metadata.people.find(p =>
              p.roles.includes('community-representative')
            );
            for (const v of [
              { username: 'nobody-listed' },
              { username: 'admin', admin: true },
              { username: rep?.usernames[0] },
              someone
            ]) {
              expect(unresolved(metadata, v)).toEqual([]);
            }
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );
});

describe('report properties', () => {
  it(
    'composeReport and mailtoUrl never throw; the link fits and decodes',
    () => {
      fc.assert(
        fc.property(
          fc.record({
            hubName: anyText,
            categoryLabel: anyText,
            description: longText,
            affected: fc.constantFrom(
              'me',
              'others',
              'unknown'
            ) as fc.Arbitrary<'me' | 'others' | 'unknown'>,
            diagnostics
          }),
          fc.oneof(
            fc.array(fc.oneof(email, anyText), { maxLength: 6 }),
            // More than half the link's length of addresses.
            fc.constant(Array(80).fill('desk@example.org'))
          ),
          anyText,
          (input, recipients, note) => {
            const report = composeReport(input, englishTrans);
            const { url } = mailtoUrl(
              recipients,
              report.subject,
              report.body,
              note
            );
            expect(url.startsWith('mailto:')).toBe(true);
            expect(url.length).toBeLessThanOrEqual(LIMITS.mailtoMaxChars);
            expect(() => decodeURIComponent(url)).not.toThrow();
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );

  it(
    'mailtoUrl stays within any maximum length',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(email, anyText), { maxLength: 10 }),
          longText,
          longText,
          anyText,
          fc.integer({ min: 100, max: 4000 }),
          (recipients, subject, body, note, max) => {
            const { url } = mailtoUrl(recipients, subject, body, note, max);
            expect(url.length).toBeLessThanOrEqual(max);
            expect(() => decodeURIComponent(url)).not.toThrow();
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );

  it(
    'fillTemplate never throws and gives an allowed link or null',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            link,
            anyText.map(
              t => `https://desk.example.org/new?s={summary}&x={${t}}`
            ),
            fc.constantFrom(
              '{hub_url}',
              '/{user}',
              'https://{user}.example.org/',
              'https://desk.example.org/?{__proto__}{constructor}{toString}'
            )
          ),
          fc.dictionary(
            fc.constantFrom(
              'hub_url',
              'user',
              'server',
              'category',
              'summary',
              'description',
              'time',
              '__proto__',
              'constructor'
            ),
            anyText
          ),
          (template, values) => {
            const url = fillTemplate(template, values);
            if (url !== null) {
              expect(isSafeLink(url)).toBe(true);
            }
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );
});

describe('text properties', () => {
  it(
    'cutText keeps well-formed text well-formed, within max, a prefix, on a grapheme boundary',
    () => {
      fc.assert(
        fc.property(
          wellFormedText,
          fc.integer({ min: 0, max: 40 }),
          (text, max) => {
            const cut = cutText(text, max);
            expect(isWellFormed(cut)).toBe(true);
            expect(cut.length).toBeLessThanOrEqual(max);
            expect(text.startsWith(cut)).toBe(true);
            const ends = boundaries(text);
            expect(ends).toContain(cut.length);
            // The longest such prefix: the next whole character does not fit.
            const next = ends.find(e => e > cut.length);
            if (next !== undefined) {
              expect(next).toBeGreaterThan(max);
            }
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );

  it(
    'cutText on any text never throws, stays within max and is a prefix',
    () => {
      fc.assert(
        fc.property(
          longText,
          fc.integer({ min: -5, max: 2000 }),
          (text, max) => {
            const cut = cutText(text, max);
            expect(cut.length).toBeLessThanOrEqual(Math.max(0, max));
            expect(text.startsWith(cut)).toBe(true);
          }
        ),
        RUNS
      );
    },
    TIMEOUT
  );

  it(
    'wellFormed gives well-formed text of the same length, unchanged when already well-formed',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, longText, wellFormedText), text => {
          const out = wellFormed(text);
          expect(isWellFormed(out)).toBe(true);
          expect(out.length).toBe(text.length);
          if (isWellFormed(text)) {
            expect(out).toBe(text);
          }
          expect(() => encodeURIComponent(out)).not.toThrow();
        }),
        RUNS
      );
    },
    TIMEOUT
  );

  // Counted, not timed: Node's Intl.Segmenter is slow on long text, so what
  // it is given must be bounded by what is kept.
  it('cutting text segments only what can be kept, not the whole text', () => {
    const segment = jest.spyOn((Intl as any).Segmenter.prototype, 'segment');
    const huge = 'W'.repeat(1_000_000);
    expect(cutText(huge, 1000)).toBe('W'.repeat(1000));
    const { url, trimmed } = mailtoUrl(
      ['desk@example.org'],
      'Subject',
      huge.slice(0, 40000),
      'Trimmed'
    );
    expect(trimmed).toBe(true);
    expect(url.length).toBeLessThanOrEqual(LIMITS.mailtoMaxChars);
    const lengths = segment.mock.calls.map(([text]) => String(text).length);
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(
      Math.max(1000, LIMITS.mailtoMaxChars) + 2
    );
    segment.mockRestore();
  });
});
