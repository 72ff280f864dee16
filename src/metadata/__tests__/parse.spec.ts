import fc from 'fast-check';

import { parseDocument } from '../parse';
import { describeProblem, IProblem } from '../problems';

const describe_ = (problems: IProblem[]) =>
  problems.map(p => describeProblem(p));

describe('parseDocument', () => {
  it('accepts a valid document unchanged', () => {
    const doc = {
      hub: {
        name: { en: 'Hub', fr: 'Hub FR' },
        url: 'https://hub.example.org'
      },
      org: {
        name: 'Org',
        url: 'https://org.example.org',
        logo_url: '/hub/logo'
      },
      operated_by: { name: 'Op', url: 'https://op.example.com' },
      announcements: [
        'Hello',
        {
          id: 'a',
          text: 'Careful',
          severity: 'warning',
          start: '2026-01-01T00:00:00Z'
        }
      ],
      people: [
        {
          name: 'Ann',
          usernames: ['ann'],
          roles: ['community-representative'],
          contact: { email: 'ann@example.org' }
        }
      ],
      roles: {
        'hub-administrator': {
          label: 'Admin',
          channels: [{ kind: 'email', address: 'a@example.org' }]
        }
      },
      tasks: [
        {
          id: 'x',
          title: 'Do X',
          owner: 'user',
          how: { command: { id: 'hub:restart' } }
        }
      ],
      statusPage: 'https://status.example.com',
      refreshInterval: 60
    };
    const { document, problems } = parseDocument(doc, 'settings');
    expect(problems).toEqual([]);
    expect(document).toEqual(doc);
  });

  it('does not modify its input', () => {
    const input = { people: [{ roles: ['x'] }] };
    const copy = JSON.parse(JSON.stringify(input));
    parseDocument(input, 'settings');
    expect(input).toEqual(copy);
  });

  it.each([
    [null, '$', 'must be an object'],
    [[], '$', 'must be an object'],
    ['text', '$', 'must be an object']
  ])(
    'rejects a whole document that is not an object (%p)',
    (input, path, reason) => {
      const { document, problems } = parseDocument(input, 'metadata-url');
      expect(document).toEqual({});
      expect(describe_(problems)).toEqual([`metadata URL, ${path}: ${reason}`]);
    }
  );

  // One row per error class: the input, the message, and what is kept.
  it.each<[string, any, string, any]>([
    [
      'unknown field',
      { hub: { name: 'H' }, colour: 'red' },
      'hub help settings, $.colour: has a field "colour" that this format does not know',
      { hub: { name: 'H' } }
    ],
    [
      'wrong type',
      { statusPage: 5, hub: { name: 'H' } },
      'hub help settings, $.statusPage: must be text',
      { hub: { name: 'H' } }
    ],
    [
      'missing required field',
      {
        people: [
          { roles: ['hub-administrator'] },
          { name: 'B', roles: ['user'] }
        ]
      },
      'hub help settings, $.people[0]: is missing "name", which is required',
      { people: [{ name: 'B', roles: ['user'] }] }
    ],
    [
      'value not in the list',
      { announcements: [{ text: 'x', severity: 'loud' }] },
      'hub help settings, $.announcements[0].severity: must be one of: info, success, warning, error',
      { announcements: [{ text: 'x' }] }
    ],
    [
      'bad id',
      { tasks: [{ id: 'Bad Id', title: 't', owner: 'user' }] },
      'hub help settings, $.tasks[0].id: is not a valid id: use lowercase letters, digits and "-"',
      {}
    ],
    [
      'bad role key',
      { roles: { 'Hub Admin': {}, ok: {} } },
      'hub help settings, $.roles["Hub Admin"]: is not a valid id: use lowercase letters, digits and "-"',
      { roles: { ok: {} } }
    ],
    [
      'empty text',
      { hub: { name: '' } },
      'hub help settings, $.hub.name: must be text, or a map from language code to text',
      { hub: {} }
    ],
    [
      'bad translation',
      { hub: { name: { fr: 5, en: 'Hub' } } },
      'hub help settings, $.hub.name.fr: must be text',
      { hub: { name: { en: 'Hub' } } }
    ],
    [
      'bad announcement',
      { announcements: [{ severity: 'info' }, 'ok'] },
      'hub help settings, $.announcements[0]: must be text, or an object with a "text" field',
      { announcements: ['ok'] }
    ],
    [
      'javascript link',
      { statusPage: 'javascript:alert(1)' },
      'hub help settings, $.statusPage: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
      {}
    ],
    [
      'data link',
      {
        people: [
          {
            name: 'A',
            roles: ['user'],
            contact: { url: 'data:text/html,<b>x</b>' }
          }
        ]
      },
      'hub help settings, $.people[0].contact.url: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
      { people: [{ name: 'A', roles: ['user'], contact: {} }] }
    ],
    [
      'protocol-relative link',
      { org: { name: 'O', url: '//evil.example.com' } },
      'hub help settings, $.org.url: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
      { org: { name: 'O' } }
    ],
    [
      'unsafe metadata URL',
      { metadataUrl: 'file:///etc/passwd' },
      'hub help settings, $.metadataUrl: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
      {}
    ],
    [
      'bad date',
      { announcements: [{ text: 'x', end: 'next tuesday' }] },
      'hub help settings, $.announcements[0].end: is not an ISO 8601 date and time, such as 2026-01-31T18:00:00Z',
      { announcements: [{ text: 'x' }] }
    ],
    [
      'bad email',
      {
        people: [
          { name: 'A', roles: ['user'], contact: { email: 'not an address' } }
        ]
      },
      'hub help settings, $.people[0].contact.email: is not an email address',
      { people: [{ name: 'A', roles: ['user'], contact: {} }] }
    ],
    [
      'too small',
      { refreshInterval: 5 },
      'hub help settings, $.refreshInterval: must be at least 30',
      {}
    ],
    [
      'empty list',
      { people: [{ name: 'A', roles: [] }] },
      'hub help settings, $.people[0].roles: must not be empty',
      {}
    ]
  ])('%s: names the path and keeps the rest', (_, input, message, kept) => {
    const { document, problems } = parseDocument(input, 'settings');
    expect(describe_(problems)[0]).toBe(message);
    // Unknown keys are ignored with a warning: a newer release may add them.
    const severity = problems[0].code === 'unknown-field' ? 'warning' : 'error';
    expect(problems.every(p => p.severity === severity)).toBe(true);
    expect(document).toEqual(expect.objectContaining(kept));
  });

  it('names entries by their index in the source even after earlier ones are left out', () => {
    const { document, problems } = parseDocument(
      {
        people: [
          { roles: ['user'] },
          { name: 'B', roles: ['user'] },
          { name: 'C', roles: ['Not An Id'] },
          { name: 'D', roles: ['user'], contact: { email: 'x' } }
        ]
      },
      'settings'
    );
    expect(describe_(problems)).toEqual([
      'hub help settings, $.people[0]: is missing "name", which is required',
      'hub help settings, $.people[2].roles[0]: is not a valid id: use lowercase letters, digits and "-"',
      'hub help settings, $.people[3].contact.email: is not an email address',
      'hub help settings, $.people[2].roles: was left out because of the problems inside it',
      'hub help settings, $.people[2]: was left out because of the problems inside it'
    ]);
    expect(document.people!.map(p => p.name)).toEqual(['B', 'D']);
  });

  describe('property-based', () => {
    const anyJson = fc.jsonValue({ maxDepth: 5 });
    const validPerson = fc.record({
      name: fc.string({ minLength: 1 }),
      roles: fc.array(
        fc.constantFrom(
          'user',
          'hub-administrator',
          'community-representative'
        ),
        { minLength: 1 }
      ),
      usernames: fc.array(fc.string({ minLength: 1 }))
    });
    const validDoc = fc.record(
      {
        hub: fc.record(
          {
            name: fc.string({ minLength: 1 }),
            url: fc.constantFrom('https://a.example.org', '/hub/')
          },
          { requiredKeys: [] }
        ),
        people: fc.array(validPerson, { maxLength: 5 }),
        announcements: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
        tasks: fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b-1', 'restart-server'),
            owner: fc.constant('user')
          }),
          { maxLength: 3 }
        )
      },
      { requiredKeys: [] }
    );

    const checkResult = (input: unknown) => {
      const { document, problems } = parseDocument(input, 'metadata-url');
      for (const p of problems) {
        expect(p.path).toMatch(/^\$/);
        expect(describeProblem(p).startsWith(`metadata URL, ${p.path}: `)).toBe(
          true
        );
      }
      // What is kept is valid: parsing it again finds nothing.
      expect(parseDocument(document, 'metadata-url').problems).toEqual([]);
    };

    it('never throws on random JSON, and every rejection names a path', () => {
      fc.assert(fc.property(anyJson, checkResult), { numRuns: 300 });
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom(
              'hub',
              'people',
              'roles',
              'tasks',
              'announcements',
              'org',
              'statusPage',
              'x'
            ),
            anyJson
          ),
          checkResult
        ),
        { numRuns: 300 }
      );
    });

    it('keeps valid documents whole', () => {
      fc.assert(
        fc.property(validDoc, doc => {
          const { document, problems } = parseDocument(doc, 'settings');
          expect(problems).toEqual([]);
          expect(document).toEqual(doc);
        }),
        { numRuns: 200 }
      );
    });

    it('on mutated valid documents, reports each mutation and keeps the untouched entries', () => {
      const mutation = fc.tuple(validDoc, fc.nat(), anyJson);
      fc.assert(
        fc.property(mutation, ([doc, n, junk]) => {
          const people = (doc as any).people as any[] | undefined;
          if (!people || people.length < 2) {
            return;
          }
          const target = n % people.length;
          const mutated = JSON.parse(JSON.stringify(doc));
          mutated.people[target] = { ...mutated.people[target], roles: junk };
          const { document, problems } = parseDocument(mutated, 'settings');
          checkResult(mutated);
          const stillValid =
            parseDocument({ people: [mutated.people[target]] }, 'settings')
              .problems.length === 0;
          if (!stillValid) {
            expect(
              problems.some(p => p.path.startsWith(`$.people[${target}]`))
            ).toBe(true);
          }
          people.forEach(
            (p, i) => i !== target && expect(document.people).toContainEqual(p)
          );
        }),
        { numRuns: 200 }
      );
    });
  });
});
