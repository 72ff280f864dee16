/**
 * Property-based tests of the "I want to…" search, on arbitrary text with
 * accents, emoji, right-to-left scripts and lone surrogates: marks always
 * fall inside the title on whole graphemes, and a query present as typed is
 * never lost to the typo tolerance.
 */
import fc from 'fast-check';

import { fold, foldText } from '../fold';
import { atOnce, inSlices } from '../../slices';
import { indexing, searchableTasks, searchTasks } from '../search';
import { ITask } from '../types';

const RUNS = { seed: 20260122, numRuns: 2000 };

const PIECES = [
  'package',
  'Réinstaller',
  'e\u0301',
  'E\u0301LE\u0300VE',
  '👩🏽\u200d💻',
  '🇫🇷🇩🇪',
  'الخادم',
  'إعادة',
  'ΟΔΟΣ',
  'ς',
  'İstanbul',
  'ß',
  '\ud800',
  '\ude00',
  'क्षि',
  ' ',
  '-'
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map(p => p.join(''))
);

const tasks = fc
  .array(
    fc.record({
      title: text,
      category: text,
      keywords: fc.array(text, { maxLength: 3 })
    }),
    { minLength: 1, maxLength: 6 }
  )
  .map(entries =>
    entries.map((e, i): ITask => ({
      id: `t${i}`,
      ...e,
      owner: 'user',
      how: {},
      origin: { source: 'settings', path: `$.tasks[${i}]` }
    }))
  );

/**
 * Tasks and a query: random text, or a piece of one of the tasks' texts.
 */
const tasksAndQuery = tasks.chain(list =>
  fc.tuple(
    fc.constant(list),
    fc.oneof(
      text,
      fc
        .tuple(
          fc.constantFrom(
            ...list.flatMap(t => [
              t.title as string,
              ...(t.keywords as string[])
            ])
          ),
          fc.nat(),
          fc.nat()
        )
        .map(([s, a, b]) => s.slice(a % (s.length + 1), b % (s.length + 1)))
    )
  )
);

const segmenter = new (Intl as any).Segmenter(undefined, {
  granularity: 'grapheme'
});

function boundaries(title: string): Set<number> {
  const at = new Set<number>([title.length]);
  for (const { index } of segmenter.segment(title)) {
    at.add(index);
  }
  return at;
}

describe('search properties', () => {
  it('marks parts of the title only, sorted, apart and on whole graphemes', () => {
    fc.assert(
      fc.property(tasksAndQuery, ([list, query]) => {
        for (const match of searchTasks(searchableTasks(list, 'en'), query)) {
          const title = match.item.title;
          const edges = boundaries(title);
          let previousEnd = -1;
          for (const { start, end } of match.highlights) {
            expect(start).toBeGreaterThan(previousEnd);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(title.length);
            expect(edges.has(start) && edges.has(end)).toBe(true);
            previousEnd = end;
          }
        }
      }),
      RUNS
    );
  });

  it('finds every task that holds each word of the query as typed, and marks it in the title', () => {
    fc.assert(
      fc.property(tasksAndQuery, ([list, query]) => {
        const found = new Map(
          searchTasks(searchableTasks(list, 'en'), query).map(m => [
            m.item.task.id,
            m
          ])
        );
        const words = fold(query).split(/\s+/).filter(Boolean);
        for (const task of list) {
          const title = fold(task.title as string);
          const texts = [title, fold(task.category as string)].concat(
            (task.keywords as string[]).map(fold)
          );
          if (words.every(w => texts.some(t => t.includes(w)))) {
            const match = found.get(task.id);
            expect(match).toBeDefined();
            const marks = match!.highlights.map(r =>
              fold(match!.item.title.slice(r.start, r.end))
            );
            for (const w of words.filter(w => title.includes(w))) {
              expect(marks.some(m => m.includes(w))).toBe(true);
            }
          }
        }
      }),
      RUNS
    );
  });

  it('folds plain ASCII without segmenting, to the same text and graphemes', () => {
    // An accent after the ASCII makes foldText segment the whole string.
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map(c => String.fromCharCode(c)),
      maxLength: 40
    });
    fc.assert(
      fc.property(ascii, plain => {
        const quick = foldText(plain);
        const segmented = foldText(`${plain}é`);
        expect(segmented).toEqual({
          text: `${quick.text}e`,
          from: [...quick.from, plain.length],
          to: [...quick.to, plain.length + 1]
        });
      }),
      RUNS
    );
  });

  it('finds each task at most once, and all of them for a blank query', () => {
    fc.assert(
      fc.property(tasksAndQuery, ([list, query]) => {
        const ids = searchTasks(searchableTasks(list, 'en'), query).map(
          m => m.item.task.id
        );
        expect(new Set(ids).size).toBe(ids.length);
        if (!query.trim()) {
          expect(ids).toEqual(list.map(t => t.id));
        }
      }),
      RUNS
    );
  });

  it('builds in slices the index built at once, also for a view asking midway', async () => {
    await fc.assert(
      fc.asyncProperty(
        tasksAndQuery,
        fc.integer({ min: 1, max: 4 }),
        fc.nat(6),
        async ([list, query], budgetMs, askAt) => {
          // The same tasks in another list: an index of its own.
          const once = atOnce(indexing([...list], 'en'));
          let pauses = 0;
          let clock = 0;
          const sliced = await inSlices(indexing(list, 'en'), {
            budgetMs,
            now: () => clock++,
            pause: async () => {
              if (pauses++ === askAt) {
                // A view needs it now: whole, whatever the slices did.
                expect(searchableTasks(list, 'en')).toEqual(once);
              }
            }
          });
          expect(sliced).toEqual(once);
          expect(sliced).toBe(searchableTasks(list, 'en'));
          const ids = (index: typeof once) =>
            searchTasks(index, query).map(m => [
              m.item.task.id,
              m.highlights,
              m.keywords
            ]);
          expect(ids(sliced!)).toEqual(ids(once));
        }
      ),
      { ...RUNS, numRuns: 500 }
    );
  });
});
