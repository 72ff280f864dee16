import fc from 'fast-check';

import { englishTrans } from '../../metadata/trans';
import { clearedAt, fromPicker, toPicker } from '../forms/dateTime';
import { draftProblems, shownProblems } from '../forms/fieldProblems';
import { moveItem, setField } from '../forms/listEdit';
import {
  addTranslation,
  removeTranslation,
  rowsOf,
  valueOf
} from '../forms/localizedText';

const NOW = Date.parse('2026-12-07T10:00:00Z');

describe('text in several languages', () => {
  it('is one field for plain text, and a map once a translation is added', () => {
    const rows = addTranslation(rowsOf('Servers are slow'), 'en', [
      'en',
      'es',
      'fr'
    ]);
    expect(rows).toEqual([
      { language: 'en', text: 'Servers are slow' },
      { language: 'es', text: '' }
    ]);
    rows[1].text = 'Los servidores van lentos';
    expect(valueOf(rows)).toEqual({
      en: 'Servers are slow',
      es: 'Los servidores van lentos'
    });
    expect(valueOf(removeTranslation(rows, 1))).toBe('Servers are slow');
  });

  it('keeps a translation whose language is not typed yet, for the check to name', () => {
    const value = valueOf([
      { language: 'en', text: 'Hello' },
      { language: '', text: 'Hola' }
    ]);
    expect(Object.values(value as object)).toEqual(['Hello', 'Hola']);
    const problems = draftProblems('status', { text: value }, englishTrans);
    expect(problems.map(p => p.path)).toContain('$.status.text');
  });

  it('stores what it reads back unchanged', () => {
    const language = fc.constantFrom('en', 'es', 'fr', 'pt-BR');
    const text = fc.string({ minLength: 1 });
    fc.assert(
      fc.property(
        fc.oneof(text, fc.dictionary(language, text, { minKeys: 1 })),
        value => {
          expect(valueOf(rowsOf(value))).toEqual(value);
        }
      )
    );
  });
});

describe('times', () => {
  it('clears a status note 1 hour, 4 hours or a day after it is posted, or keeps it', () => {
    expect(clearedAt('1h', NOW)).toBe('2026-12-07T11:00:00.000Z');
    expect(clearedAt('4h', NOW)).toBe('2026-12-07T14:00:00.000Z');
    expect(clearedAt('1d', NOW)).toBe('2026-12-08T10:00:00.000Z');
    expect(clearedAt('keep', NOW)).toBeUndefined();
    expect(clearedAt('date', NOW, '')).toBeUndefined();
  });

  it('shows a stored time in the picker and stores the picked time, to the minute', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2000-01-01'),
          max: Date.parse('2100-01-01')
        }),
        ms => {
          const minute = Math.floor(ms / 60_000) * 60_000;
          const iso = new Date(minute).toISOString();
          expect(fromPicker(toPicker(iso))).toBe(iso);
        }
      )
    );
    expect(toPicker('not a time')).toBe('');
    expect(fromPicker('')).toBeUndefined();
  });
});

describe('edits of a draft', () => {
  it('drops a field that is emptied, and an object it leaves empty', () => {
    const person = {
      name: 'Ana',
      roles: ['user'],
      contact: { email: 'a@b.c' }
    };
    expect(setField(person, ['contact', 'email'], '')).toEqual({
      name: 'Ana',
      roles: ['user']
    });
    expect(setField(person, ['contact', 'url'], 'https://a.example')).toEqual({
      ...person,
      contact: { email: 'a@b.c', url: 'https://a.example' }
    });
    expect(person.contact).toEqual({ email: 'a@b.c' });
  });

  it('moves an entry and keeps every entry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1 }),
        fc.nat(),
        fc.nat(),
        (list, a, b) => {
          const from = a % list.length;
          const to = b % list.length;
          const moved = moveItem(list, from, to);
          expect(moved[to]).toBe(list[from]);
          expect([...moved].sort()).toEqual([...list].sort());
        }
      )
    );
  });
});

describe("a draft's problems", () => {
  it('are named at the field that has them, as the service names them', () => {
    const problems = draftProblems(
      'people',
      [
        {
          name: 'Ana',
          roles: ['hub-administrator'],
          contact: { email: 'ana' }
        },
        { roles: ['hub-administrator'] }
      ],
      englishTrans
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: '$.people[0].contact.email',
          reason: 'is not an email address',
          severity: 'error'
        },
        expect.objectContaining({ path: '$.people[1].name', severity: 'error' })
      ])
    );
  });

  it('of the status note are under $.status', () => {
    const problems = draftProblems(
      'status',
      { text: '', end: 'soon' },
      englishTrans
    );
    expect(problems.map(p => p.path).sort()).toEqual([
      '$.status.end',
      '$.status.text'
    ]);
  });

  it('are none for a valid draft', () => {
    expect(
      draftProblems(
        'announcements',
        [
          {
            text: { en: 'Hi', fr: 'Salut' },
            severity: 'info',
            end: clearedAt('1h', NOW)
          }
        ],
        englishTrans
      )
    ).toEqual([]);
  });
});

describe('the problems a form shows', () => {
  const problems = [
    {
      path: '$.people[1].name',
      reason: 'must not be empty',
      severity: 'error' as const
    },
    {
      path: '$.people[1]',
      reason: 'repeats the id',
      severity: 'error' as const
    },
    {
      path: '$.people[0].roles[0]',
      reason: 'names the role',
      severity: 'warning' as const
    }
  ];

  it('are those of the fields left, and of the entries holding them, and warnings', () => {
    expect(shownProblems(problems, new Set(), false)).toEqual([problems[2]]);
    expect(
      shownProblems(problems, new Set(['$.people[1].name']), false)
    ).toEqual(problems);
    expect(
      shownProblems(problems, new Set(['$.people[10].name']), false)
    ).toEqual([problems[2]]);
  });

  it('are all of them once a save was tried', () => {
    expect(shownProblems(problems, new Set(), true)).toEqual(problems);
  });
});
