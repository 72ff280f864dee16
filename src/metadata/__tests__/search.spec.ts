/**
 * The "I want to…" search: which tasks a query finds, in which order, and
 * which parts of each title are highlighted.
 */
import { buildMetadata } from '../build';
import { ITaskMatch, searchableTasks, searchTasks } from '../search';
import { englishTrans, ITrans } from '../trans';
import { ITask, LocalizedString } from '../types';

const builtIn = searchableTasks(buildMetadata({}).metadata.tasks, 'en');

function task(
  id: string,
  title: LocalizedString,
  keywords: string[] = [],
  category = ''
): ITask {
  return {
    id,
    title,
    keywords,
    category,
    owner: 'user',
    how: {},
    origin: { source: 'settings', path: `$.tasks[${id}]` }
  };
}

function search(tasks: ITask[], query: string): ITaskMatch[] {
  return searchTasks(searchableTasks(tasks, 'en'), query);
}

const ids = (matches: ITaskMatch[]) => matches.map(m => m.item.task.id);

/**
 * The highlighted parts of a found task's title, as shown.
 */
const marked = (match: ITaskMatch) =>
  match.highlights.map(r => match.item.title.slice(r.start, r.end));

describe('typos', () => {
  it('finds the install task first for "instal pakage", with both words marked', () => {
    const [first, ...rest] = searchTasks(builtIn, 'instal pakage');
    expect(first.item.task.id).toBe('install-package');
    expect(marked(first)).toEqual(['Instal', 'package']);
    // "Add a package for everyone" has "install" only as a keyword.
    expect(ids(rest)).toEqual(['request-package']);
    expect(rest[0].keywords).toEqual(['install']);
  });

  it.each([
    ['pacakge', 'package'],
    ['instlal', 'Install'],
    ['packagge', 'package'],
    ['paackage', 'package']
  ])(
    'finds the install task for %s (swapped or extra letter) and marks %s',
    (query, mark) => {
      const [first] = searchTasks(builtIn, query);
      expect(first.item.task.id).toBe('install-package');
      expect(marked(first)).toEqual([mark]);
    }
  );

  it('allows two typos from nine letters, not three', () => {
    expect(ids(searchTasks(builtIn, 'confgurtion'))).toEqual([
      'change-configuration'
    ]);
    expect(searchTasks(builtIn, 'cnfgurtion')).toEqual([]);
  });

  it('allows no typo below five letters', () => {
    expect(searchTasks(builtIn, 'tokn')).toEqual([]);
    expect(ids(searchTasks(builtIn, 'tokken'))).toEqual(['api-token']);
  });

  it('reads the last word as the start of a word while it is being typed', () => {
    const typing = searchTasks(builtIn, 'pakag');
    expect(ids(typing)).toContain('install-package');
    expect(marked(typing[0])).toEqual(['packag']);
    // Once a space follows, the word is complete: "pakag" is two edits from "package".
    expect(searchTasks(builtIn, 'pakag ')).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts a title match above a category match above a keyword-only match', () => {
    const tasks = [
      task('keyword', 'Get a terminal', ['server']),
      task('category', 'Stop everything', [], 'Server'),
      task('title', 'Restart my server')
    ];
    expect(ids(search(tasks, 'server'))).toEqual([
      'title',
      'category',
      'keyword'
    ]);
  });

  it('puts an exact match above one with a typo, even in the title', () => {
    const tasks = [
      task('typo', 'Clean the pakage cache'),
      task('keyword', 'Get a library', ['package'])
    ];
    expect(ids(search(tasks, 'package'))).toEqual(['keyword', 'typo']);
  });

  it.each([
    [
      'a keyword as typed to the title with a typo',
      'Clean the pakage cache',
      'package',
      'package'
    ],
    [
      'a keyword with one typo to the title with two',
      'Edit the confgurtion',
      'configuraiton',
      'configuration'
    ]
  ])('prefers %s, for the same word', (_, title, keyword, query) => {
    const [match] = search([task('t', title, [keyword])], query);
    expect(match.highlights).toEqual([]);
    expect(match.keywords).toEqual([keyword]);
  });

  it('puts a whole word above the start of a word above a word containing it', () => {
    const tasks = [
      task('inside', 'Reinstall everything'),
      task('start', 'Run the installer'),
      task('word', 'Install a package')
    ];
    expect(ids(search(tasks, 'install'))).toEqual(['word', 'start', 'inside']);
  });

  it("keeps the operator's order between equal matches", () => {
    const tasks = [task('b', 'Open a notebook'), task('a', 'Open a file')];
    expect(ids(search(tasks, 'open'))).toEqual(['b', 'a']);
  });

  it('needs every word somewhere in the task', () => {
    expect(ids(searchTasks(builtIn, 'install pip'))).toEqual([
      'install-package'
    ]);
    expect(searchTasks(builtIn, 'install zebra')).toEqual([]);
  });
});

describe('what a match shows', () => {
  it('names the keyword behind a word the title lacks', () => {
    const [match] = searchTasks(builtIn, 'install pip');
    expect(marked(match)).toEqual(['Install']);
    expect(match.keywords).toEqual(['pip']);
  });

  it('names a keyword of several words once', () => {
    const [match] = searchTasks(builtIn, 'import error');
    expect(match.item.task.id).toBe('install-package');
    expect(match.highlights).toEqual([]);
    expect(match.keywords).toEqual(['import error']);
  });

  it('names no keyword for a word found in the category', () => {
    const [match] = search(
      [task('t', 'Stop everything', ['server'], 'Server')],
      'server'
    );
    expect(match.keywords).toEqual([]);
  });

  it('joins marks that touch or overlap, in title order', () => {
    const [match] = search(
      [task('t', 'Restart my server')],
      'server restart rest'
    );
    expect(match.highlights).toEqual([
      { start: 0, end: 7 },
      { start: 11, end: 17 }
    ]);
  });
});

describe('case, accents and scripts', () => {
  it('ignores case and accents both ways', () => {
    const tasks = [task('fr', 'Réinitialiser le mot de passe')];
    expect(marked(search(tasks, 'REINITIALISER')[0])).toEqual([
      'Réinitialiser'
    ]);
    expect(ids(search([task('plain', 'Cafe menu')], 'café'))).toEqual([
      'plain'
    ]);
  });

  it('maps marks back to the title when folding changes lengths', () => {
    // Decomposed accents: each "é" is two units in the title, one when folded.
    const title = 'E\u0301le\u0300ve\u0301 : installer un paquet';
    const [match] = search([task('t', title)], 'eleve paquet');
    expect(marked(match)).toEqual(['E\u0301le\u0300ve\u0301', 'paquet']);
  });

  it('uses the title of the viewer language', () => {
    const tasks = [
      task('t', { en: 'Install a package', fr: 'Installer un paquet' })
    ];
    const [match] = searchTasks(searchableTasks(tasks, 'fr'), 'paquet');
    expect(marked(match)).toEqual(['paquet']);
  });

  it('marks right-to-left titles in their own offsets', () => {
    const title = 'إعادة تشغيل الخادم';
    const [match] = search([task('ar', title)], 'الخادم');
    expect(match.highlights).toEqual([
      { start: title.indexOf('الخادم'), end: title.length }
    ]);
  });

  it('folds the final sigma as any other', () => {
    const [match] = search([task('el', 'Εγκατάσταση πακέτου')], 'ΠΑΚΕΤΟΥ');
    expect(marked(match)).toEqual(['πακέτου']);
    expect(ids(search([task('el', 'Νέος κωδικός')], 'κωδικοσ'))).toEqual([
      'el'
    ]);
  });

  it('marks after emoji in the right place, and never half an emoji', () => {
    const title = '🚀 Start 👩🏽‍💻 my server';
    const [after] = search([task('t', title)], 'server');
    expect(marked(after)).toEqual(['server']);
    // The laptop ends a person-with-laptop sequence: the whole of it is marked.
    const [inside] = search([task('t', title)], '💻');
    expect(marked(inside)).toEqual(['👩🏽‍💻']);
  });
});

describe('what a match shows', () => {
  it('is worked out when a row reads it, once, with no function per match', () => {
    const [match] = searchTasks(builtIn, 'install pip');
    // Nothing explained yet: a keystroke costs the rows shown.
    expect(Object.values(match).some(v => typeof v === 'function')).toBe(false);
    expect(Object.keys(match)).not.toContain('highlights');
    expect(match.keywords).toEqual(['pip']);
    expect(match.highlights).toBe(match.highlights);
  });
});

describe('no query, no match', () => {
  it('lists every task in order, unmarked, for an empty or blank query', () => {
    for (const query of ['', '   ']) {
      const all = searchTasks(builtIn, query);
      expect(ids(all)).toEqual(builtIn.map(t => t.task.id));
      expect(all.every(m => m.highlights.length === 0)).toBe(true);
      expect(all.every(m => m.keywords.length === 0)).toBe(true);
    }
  });

  it('finds nothing for a query that matches nothing', () => {
    expect(searchTasks(builtIn, 'zzz no such task')).toEqual([]);
  });
});

describe('keywords in the viewer language', () => {
  /**
   * A catalogue holding a few translations, as JupyterLab's bundle for a
   * language pack would: anything else stays in English.
   */
  function catalogue(translations: { [msgid: string]: string }): ITrans {
    const t = (msgid: string) => translations[msgid] ?? msgid;
    return {
      __: (msgid, ...args) => englishTrans.__(t(msgid), ...args),
      _n: (msgid, plural, n, ...args) =>
        englishTrans._n(t(msgid), t(plural), n, ...args),
      _p: (context, msgid, ...args) =>
        englishTrans._p(context, t(msgid), ...args)
    };
  }

  it('finds a built-in task by its translated keywords', () => {
    const spanish = catalogue({
      'Install a package for myself': 'Instalar un paquete para mí',
      'pip, conda, install, library, module, package, import error':
        'instalar, paquete, pip, conda, biblioteca, módulo, error de importación'
    });
    const tasks = searchableTasks(
      buildMetadata({ trans: spanish }).metadata.tasks,
      'es'
    );
    const [first] = searchTasks(tasks, 'instalar paquete');
    expect(first.item.task.id).toBe('install-package');
    const [byKeyword] = searchTasks(tasks, 'biblioteca');
    expect(byKeyword.item.task.id).toBe('install-package');
    expect(byKeyword.keywords).toEqual(['biblioteca']);
    // The English words are the catalogue's to keep or replace.
    expect(ids(searchTasks(tasks, 'library'))).not.toContain('install-package');
  });

  it('splits translated keywords at the comma of any script', () => {
    const japanese = catalogue({
      'pip, conda, install, library, module, package, import error':
        'インストール、パッケージ，ライブラリ'
    });
    const tasks = buildMetadata({ trans: japanese }).metadata.tasks;
    const install = tasks.find(t => t.id === 'install-package')!;
    expect(install.keywords).toEqual([
      'インストール',
      'パッケージ',
      'ライブラリ'
    ]);
  });

  const printer = {
    ...task('printer', 'Use the printer'),
    keywords: { en: ['toner'], es: ['imprimir'], 'fr-CA': ['imprimer'] }
  };

  it.each([
    ['es', 'imprimir', true],
    ['es-MX', 'imprimir', true],
    ['en', 'imprimir', false],
    ['fr_CA', 'imprimer', true],
    ['de', 'toner', true],
    ['es', 'toner', false]
  ])(
    "reads an operator's keywords for %s: %s found %p",
    (language, query, found) => {
      const matches = searchTasks(searchableTasks([printer], language), query);
      expect(ids(matches)).toEqual(found ? ['printer'] : []);
    }
  );
});
