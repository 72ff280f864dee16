import fc from 'fast-check';

import { canonical, ChangeItem, describeChange, identity } from '../changeDiff';

const ROLES: { [id: string]: string } = {
  'community-representative': 'Community Representative',
  'hub-administrator': 'Hub Administrator'
};
const roleLabel = (id: string) => ROLES[id] ?? id;

const AMARA = {
  name: 'Amara Okafor',
  usernames: ['amara'],
  roles: ['community-representative'],
  contact: { email: 'amara.okafor@example.org' }
};
const NIA = {
  name: 'Nia Bello',
  usernames: ['nia', 'nbello'],
  roles: ['community-representative', 'hub-administrator']
};
const ROSA = { id: 'rosa', name: 'Rosa Diaz', roles: ['hub-administrator'] };

/**
 * The items in a compact form: kind, the entry's words, then what changed.
 */
function brief(items: ChangeItem[]): string[] {
  return items.map(item => {
    switch (item.kind) {
      case 'added':
      case 'removed':
      case 'set':
      case 'cleared': {
        const who = 'entry' in item ? ` ${item.entry.label}` : '';
        const fields = item.fields.map(f => `${f.field}=${f.value}`).join('; ');
        return `${item.kind}${who}: ${fields}`;
      }
      case 'changed': {
        const who = item.entry ? ` ${item.entry.label}` : '';
        const fields = item.fields
          .map(f => `${f.field}: ${f.before} -> ${f.after}`)
          .join('; ');
        return `changed${who}: ${fields}`;
      }
      case 'moved':
        return `moved ${item.entry.label}: ${item.from} -> ${item.to}`;
    }
  });
}

describe('describeChange, people', () => {
  it('names an added person with every field, roles by their labels', () => {
    const items = describeChange('people', [AMARA], [AMARA, NIA], {
      roleLabel
    });
    expect(items).toEqual([
      {
        kind: 'added',
        entry: { key: 'id:nia', label: 'Nia Bello', labelField: 'name' },
        fields: [
          { field: 'name', value: 'Nia Bello' },
          { field: 'usernames', value: 'nia, nbello' },
          {
            field: 'roles',
            value: 'Community Representative, Hub Administrator'
          }
        ]
      }
    ]);
  });

  it('keeps role ids it has no label for, and ids when no labels are given', () => {
    const person = {
      name: 'Kim',
      roles: ['our-own-role', 'hub-administrator']
    };
    expect(
      brief(describeChange('people', null, [person], { roleLabel }))
    ).toEqual(['added Kim: name=Kim; roles=our-own-role, Hub Administrator']);
    expect(brief(describeChange('people', null, [person]))).toEqual([
      'added Kim: name=Kim; roles=our-own-role, hub-administrator'
    ]);
  });

  it('names a removed person', () => {
    expect(brief(describeChange('people', [AMARA, NIA], [NIA]))).toEqual([
      'removed Amara Okafor: name=Amara Okafor; usernames=amara; ' +
        'roles=community-representative; contact.email=amara.okafor@example.org'
    ]);
  });

  it('says which fields of a person changed, nested ones by a dotted name', () => {
    const after = {
      ...AMARA,
      roles: ['community-representative', 'hub-administrator'],
      contact: { email: 'amara@example.org', chat: '@amara:example.org' },
      note: 'Mornings only'
    };
    expect(describeChange('people', [AMARA], [after], { roleLabel })).toEqual([
      {
        kind: 'changed',
        entry: { key: 'id:amara', label: 'Amara Okafor', labelField: 'name' },
        fields: [
          {
            field: 'roles',
            before: 'Community Representative',
            after: 'Community Representative, Hub Administrator'
          },
          {
            field: 'contact.email',
            before: 'amara.okafor@example.org',
            after: 'amara@example.org'
          },
          { field: 'contact.chat', before: null, after: '@amara:example.org' },
          { field: 'note', before: null, after: 'Mornings only' }
        ]
      }
    ]);
  });

  it('notes a field taken away', () => {
    const { contact, ...without } = AMARA;
    expect(brief(describeChange('people', [AMARA], [without]))).toEqual([
      `changed Amara Okafor: contact.email: ${contact.email} -> null`
    ]);
  });

  it('knows a person by their id, else their first username, else their name', () => {
    expect(identity('people', ROSA)).toBe('id:rosa');
    expect(identity('people', AMARA)).toBe('id:amara');
    expect(identity('people', { name: 'Sam Lee', roles: [] })).toBe(
      'id:Sam Lee'
    );
    // Renamed, with the same username: the same person, changed.
    expect(
      brief(describeChange('people', [AMARA], [{ ...AMARA, name: 'Amara O.' }]))
    ).toEqual(['changed Amara O.: name: Amara Okafor -> Amara O.']);
    // Renamed, known by name only: one went, another came.
    const sam = { name: 'Sam Lee', roles: ['hub-administrator'] };
    expect(
      describeChange('people', [sam], [{ ...sam, name: 'Samuel Lee' }]).map(
        i => i.kind
      )
    ).toEqual(['added', 'removed']);
  });

  it('says who moved when only the order changed', () => {
    const items = describeChange(
      'people',
      [ROSA, AMARA, NIA],
      [NIA, ROSA, AMARA]
    );
    expect(brief(items)).toEqual(['moved Nia Bello: 2 -> 0']);
  });

  it('notes a move and a change of the same person apart', () => {
    const items = describeChange(
      'people',
      [AMARA, ROSA],
      [{ ...ROSA, name: 'Rosa D.' }, AMARA]
    );
    expect(brief(items)).toEqual([
      'changed Rosa D.: name: Rosa Diaz -> Rosa D.',
      'moved Rosa D.: 1 -> 0'
    ]);
  });

  it('lists added, then removed, then changed, then moved entries', () => {
    const items = describeChange(
      'people',
      [ROSA, AMARA],
      [{ ...AMARA, note: 'Back' }, NIA]
    );
    expect(items.map(i => i.kind)).toEqual(['added', 'removed', 'changed']);
  });

  it('reads a missing list as an empty one', () => {
    expect(brief(describeChange('people', null, [ROSA]))).toEqual([
      'added Rosa Diaz: id=rosa; name=Rosa Diaz; roles=hub-administrator'
    ]);
    expect(describeChange('people', [ROSA], null).map(i => i.kind)).toEqual([
      'removed'
    ]);
    expect(describeChange('people', null, null)).toEqual([]);
    expect(describeChange('people', null, [])).toEqual([]);
  });

  it('tells an emptied list from a missing one, and an empty object from none', () => {
    const bare = { id: 'kim', name: 'Kim', roles: ['hub-administrator'] };
    expect(
      brief(
        describeChange(
          'people',
          [bare],
          [{ ...bare, usernames: [], contact: {} }]
        )
      )
    ).toEqual(['changed Kim: usernames: null -> ; contact: null -> {}']);
  });
});

describe('describeChange, announcements and task notes', () => {
  it('matches announcements by id, and plain ones by their text', () => {
    const gpu = { id: 'gpu', text: 'GPUs are here', severity: 'info' };
    const items = describeChange(
      'announcements',
      ['Maintenance on Friday', gpu],
      ['Maintenance on Saturday', { ...gpu, text: 'GPUs are back' }]
    );
    expect(brief(items)).toEqual([
      'added Maintenance on Saturday: =Maintenance on Saturday',
      'removed Maintenance on Friday: =Maintenance on Friday',
      'changed GPUs are back: text: GPUs are here -> GPUs are back'
    ]);
    expect(items[0]).toMatchObject({
      entry: { labelField: null, key: 'value:"Maintenance on Saturday"' }
    });
  });

  it('names a localized text in English, and each language as a field in its order', () => {
    const before = { id: 'fri', text: { fr: 'Vendredi', en: 'Friday' } };
    const after = { id: 'fri', text: { fr: 'Samedi', en: 'Saturday' } };
    expect(brief(describeChange('announcements', [before], [after]))).toEqual([
      'changed Saturday: text.fr: Vendredi -> Samedi; text.en: Friday -> Saturday'
    ]);
  });

  it('matches two equal entries one to one', () => {
    expect(
      brief(describeChange('announcements', ['Hi', 'Hi', 'Bye'], ['Hi', 'Bye']))
    ).toEqual(['removed Hi: =Hi']);
  });

  it('compares entries whatever the order of their keys', () => {
    expect(
      describeChange(
        'announcements',
        [{ id: 'a', text: 'A', severity: 'info' }],
        [{ severity: 'info', text: 'A', id: 'a' }]
      )
    ).toEqual([]);
  });

  it('says how the words for a task changed', () => {
    const before = [{ id: 'add-user', how: { text: 'Ask Rosa' } }];
    const after = [
      { id: 'add-user', how: { text: 'Ask Amara' } },
      { id: 'restart', how: { text: 'Use the Hub Control Panel' } }
    ];
    expect(brief(describeChange('tasks', before, after))).toEqual([
      'added restart: id=restart; how.text=Use the Hub Control Panel',
      'changed add-user: how.text: Ask Rosa -> Ask Amara'
    ]);
  });

  it('cuts long values and long names short', () => {
    const long = 'x'.repeat(200);
    const [item] = describeChange(
      'announcements',
      [],
      [{ id: 'l', text: long }]
    );
    expect(item).toMatchObject({
      kind: 'added',
      entry: { label: `${'x'.repeat(79)}…` },
      fields: [
        { field: 'id', value: 'l' },
        { field: 'text', value: `${'x'.repeat(79)}…` }
      ]
    });
    const [short] = describeChange('announcements', [], [long], {
      maxLength: 10
    });
    expect(short).toMatchObject({ entry: { label: 'xxxxxxxxx…' } });
  });

  it('shows lists of objects as their JSON', () => {
    const before = [
      { id: 'a', text: 'A', links: [{ url: 'https://a.example' }] }
    ];
    const after = [{ id: 'a', text: 'A', links: [] }];
    expect(brief(describeChange('announcements', before, after))).toEqual([
      'changed A: links: {"url":"https://a.example"} -> '
    ]);
  });
});

describe('describeChange, the status', () => {
  const slow = { text: 'Servers start slowly', severity: 'warning' };

  it('says it was set, with its fields', () => {
    expect(describeChange('status', null, slow)).toEqual([
      {
        kind: 'set',
        fields: [
          { field: 'text', value: 'Servers start slowly' },
          { field: 'severity', value: 'warning' }
        ]
      }
    ]);
  });

  it('says it was cleared, and what it said', () => {
    expect(brief(describeChange('status', slow, null))).toEqual([
      'cleared: text=Servers start slowly; severity=warning'
    ]);
  });

  it('says which of its fields changed', () => {
    expect(
      describeChange('status', slow, { text: 'All good', severity: 'success' })
    ).toEqual([
      {
        kind: 'changed',
        entry: null,
        fields: [
          { field: 'text', before: 'Servers start slowly', after: 'All good' },
          { field: 'severity', before: 'warning', after: 'success' }
        ]
      }
    ]);
  });

  it('is nothing when it stayed the same', () => {
    expect(describeChange('status', slow, { ...slow })).toEqual([]);
    expect(describeChange('status', null, null)).toEqual([]);
  });
});

/**
 * What identifies an entry for the service (diff.entry_key): its id when
 * it is a non-empty string, else its whole value.
 */
const serviceKey = (entry: unknown): string =>
  typeof entry === 'object' &&
  entry !== null &&
  typeof (entry as any).id === 'string' &&
  (entry as any).id
    ? `id:${(entry as any).id}`
    : `value:${canonical(entry)}`;

/**
 * The service's summary of a change to a list whose entries it can tell
 * apart (diff.summary_of with unique keys).
 */
function serviceSummary(before: unknown[], after: unknown[]) {
  const old = new Map(before.map(e => [serviceKey(e), canonical(e)]));
  const now = new Map(after.map(e => [serviceKey(e), canonical(e)]));
  return {
    added: [...now.keys()].filter(k => !old.has(k)).length,
    removed: [...old.keys()].filter(k => !now.has(k)).length,
    changed: [...now].filter(([k, v]) => old.has(k) && old.get(k) !== v).length
  };
}

const count = (items: ChangeItem[], kind: ChangeItem['kind']) =>
  items.filter(i => i.kind === kind).length;

const announcement = fc.oneof(
  fc.constantFrom('Hi', 'Maintenance on Friday', 'Bye'),
  fc.record(
    {
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      text: fc.oneof(
        fc.constantFrom('One', 'Two'),
        fc.record({ en: fc.constantFrom('One', 'Two'), fr: fc.constant('Un') })
      ),
      severity: fc.constantFrom('info', 'warning')
    },
    { requiredKeys: ['text'] }
  )
);
const person = fc.record({
  id: fc.constantFrom('rosa', 'sam', 'amara', 'nia'),
  name: fc.constantFrom('Rosa', 'Sam'),
  roles: fc.subarray(['community-representative', 'hub-administrator'], {
    minLength: 1
  }),
  contact: fc.option(
    fc.record({ email: fc.constantFrom('a@x.org', 'b@x.org') }),
    {
      nil: undefined
    }
  )
});
const keyedList = (entry: fc.Arbitrary<unknown>) =>
  fc.uniqueArray(entry, { selector: serviceKey, maxLength: 6 });

describe('describeChange, properties', () => {
  it('finds nothing in a change that changed nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('people', 'announcements', 'status', 'tasks', 'other'),
        fc.jsonValue(),
        (section, value) => {
          const copy = JSON.parse(JSON.stringify(value));
          expect(describeChange(section, value, copy)).toEqual([]);
        }
      )
    );
  });

  it("counts added, removed and changed entries as the service's summary does", () => {
    for (const [section, entry] of [
      ['announcements', announcement],
      ['tasks', announcement],
      ['people', person]
    ] as const) {
      fc.assert(
        fc.property(keyedList(entry), keyedList(entry), (before, after) => {
          const items = describeChange(section, before, after);
          expect({
            added: count(items, 'added'),
            removed: count(items, 'removed'),
            changed: count(items, 'changed')
          }).toEqual(serviceSummary(before, after));
          // A changed entry names at least one field that differs.
          for (const item of items) {
            if (item.kind === 'changed') {
              expect(item.fields.length).toBeGreaterThan(0);
            }
          }
        })
      );
    }
  });

  it('notes a move only for entries in both lists, and none for the same order', () => {
    fc.assert(
      fc.property(keyedList(announcement), list => {
        const shuffled = [...list].reverse();
        const moved = describeChange('announcements', list, shuffled);
        expect(moved.every(i => i.kind === 'moved')).toBe(true);
        // Reversing n entries keeps one of them in place.
        expect(moved.length).toBe(Math.max(list.length - 1, 0));
      })
    );
  });
});
