import { atOnce, Work } from '../slices';
import { foldText, IFoldedText } from './fold';
import { localize, localizeKeywords } from './localize';
import { ITask } from './types';
import { typoMatch, typosAllowed } from './typos';

/**
 * Where in a task a word was found, best first.
 */
const enum Place {
  Title = 0,
  Category = 1,
  Keyword = 2
}

/**
 * How closely a word matched, best first.
 */
const enum Closeness {
  Word = 0,
  WordStart = 1,
  Inside = 2
}

interface IField {
  place: Place;
  text: string;
  folded: IFoldedText;
  /**
   * The words of the folded text, as [start, end) offsets into it.
   */
  words: [number, number][];
}

/**
 * A task with its text in the viewer's language, folded once, so that each
 * keystroke only compares strings.
 */
export interface ISearchableTask {
  task: ITask;
  title: string;
  category: string;
  fields: IField[];
  /**
   * The fields' folded texts, one per line: a word of the query (never a
   * line break) that is in none of them is told at once.
   */
  folded: string;
}

/**
 * A part of a title, in UTF-16 offsets into the title as shown.
 */
export interface ITextRange {
  start: number;
  end: number;
}

/**
 * A task the query found, and why.
 */
export interface ITaskMatch {
  readonly item: ISearchableTask;
  /**
   * The parts of the title that matched: sorted, apart, on whole graphemes.
   */
  readonly highlights: ITextRange[];
  /**
   * The keywords that matched the words the title and category lack.
   */
  readonly keywords: string[];
}

/**
 * The index of each task list, per language: a document's tasks are folded
 * once, whoever asks and however often the panel renders. Weak, so an
 * index goes with the document it was built for. An index is kept while it
 * is built, so that slices and a view that needs it at once share the work.
 */
const indexes = new WeakMap<readonly ITask[], Map<string, ISearchableTask[]>>();

/**
 * Every task localised and folded, built once per task list and language.
 */
export function searchableTasks(
  tasks: readonly ITask[],
  language: string
): ISearchableTask[] {
  return atOnce(indexing(tasks, language));
}

/**
 * `searchableTasks` as work that pauses after each task (`inSlices`), to
 * build the index before a view asks for it without a long task.
 */
export function* indexing(
  tasks: readonly ITask[],
  language: string
): Work<ISearchableTask[]> {
  let byLanguage = indexes.get(tasks);
  if (!byLanguage) {
    byLanguage = new Map();
    indexes.set(tasks, byLanguage);
  }
  let index = byLanguage.get(language);
  if (!index) {
    index = [];
    byLanguage.set(language, index);
  }
  // Read again after each pause: `searchableTasks` may have finished it.
  while (index.length < tasks.length) {
    index.push(searchable(tasks[index.length], language));
    yield;
  }
  return index;
}

function searchable(task: ITask, language: string): ISearchableTask {
  const title = localize(task.title, language);
  const category = localize(task.category, language);
  const fields = [
    field(Place.Title, title),
    field(Place.Category, category),
    ...localizeKeywords(task.keywords, language).map(keyword =>
      field(Place.Keyword, keyword)
    )
  ];
  const folded = fields.map(f => f.folded.text).join('\n');
  return { task, title, category, fields, folded };
}

function field(place: Place, text: string): IField {
  const folded = foldText(text);
  const words = Array.from(
    folded.text.matchAll(/[\p{L}\p{N}\p{M}]+/gu),
    (w): [number, number] => [w.index!, w.index! + w[0].length]
  );
  return { place, text, folded, words };
}

/**
 * One word of the query found in one field.
 */
interface IWordMatch {
  field: IField;
  typos: number;
  closeness: Closeness;
  start: number;
  end: number;
}

/**
 * Orders a word's matches: without typos first, then title, category,
 * keyword, then a whole word, its start, inside it. Each part is below the
 * step of the one before, so one number compares them all.
 */
function cost(match: IWordMatch): number {
  return match.typos * 9 + match.field.place * 3 + match.closeness;
}

/**
 * The tasks whose title, category or keywords hold every word of the query,
 * ignoring case and accents, best first: each word is found as typed
 * (a whole word, the start of one, or anywhere) or else with a few typos
 * (`typosAllowed`); the last word may be the start of a word still being
 * typed. Tasks with fewer words matched only with typos come first, then
 * those with more words found in the title, then closer matches, then the
 * operator's order. Costs one pass over the tasks.
 */
export function searchTasks(
  tasks: ISearchableTask[],
  query: string
): ITaskMatch[] {
  const words = foldText(query).text.split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return tasks.map(item => new TaskMatch(item, []));
  }
  const typing = !/\s$/.test(query);
  const found: IFound[] = [];
  tasks.forEach((item, index) => {
    const matches: IWordMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const best = bestMatch(item, words[i], typing && i === words.length - 1);
      if (!best) {
        return;
      }
      matches.push(best);
    }
    let withTypos = 0;
    let outsideTitle = 0;
    let total = 0;
    for (const m of matches) {
      withTypos += m.typos > 0 ? 1 : 0;
      outsideTitle += m.field.place !== Place.Title ? 1 : 0;
      total += cost(m);
    }
    found.push({
      match: new TaskMatch(item, matches),
      withTypos,
      outsideTitle,
      total,
      index
    });
  });
  return found.sort(compare).map(f => f.match);
}

/**
 * A found task with what ranks it, compared field by field: no list to
 * allocate per match.
 */
interface IFound {
  match: ITaskMatch;
  withTypos: number;
  outsideTitle: number;
  total: number;
  index: number;
}

function compare(a: IFound, b: IFound): number {
  return (
    a.withTypos - b.withTypos ||
    a.outsideTitle - b.outsideTitle ||
    a.total - b.total ||
    a.index - b.index
  );
}

function bestMatch(
  item: ISearchableTask,
  word: string,
  typing: boolean
): IWordMatch | null {
  const max = typosAllowed(word);
  // Most tasks lack most words: without typos to look for, one search says so.
  if (max === 0 && !item.folded.includes(word)) {
    return null;
  }
  let best: IWordMatch | null = null;
  for (const f of item.fields) {
    best = better(best, exactMatch(f, word));
  }
  if (best || max === 0) {
    return best;
  }
  for (const f of item.fields) {
    best = better(best, typoInField(f, word, max, typing));
  }
  return best;
}

function better(
  best: IWordMatch | null,
  match: IWordMatch | null
): IWordMatch | null {
  return match && (!best || cost(match) < cost(best)) ? match : best;
}

/**
 * `word` as typed in the field: a whole word, else the start of one, else
 * anywhere (inside a word, or across two).
 */
function exactMatch(f: IField, word: string): IWordMatch | null {
  const text = f.folded.text;
  const anywhere = text.indexOf(word);
  if (anywhere < 0) {
    return null;
  }
  let wordStart = -1;
  for (const [start, end] of f.words) {
    if (text.startsWith(word, start)) {
      if (start + word.length === end) {
        return typed(f, start, word, Closeness.Word);
      }
      if (wordStart < 0) {
        wordStart = start;
      }
    }
  }
  return wordStart < 0
    ? typed(f, anywhere, word, Closeness.Inside)
    : typed(f, wordStart, word, Closeness.WordStart);
}

function typed(
  field: IField,
  start: number,
  word: string,
  closeness: Closeness
): IWordMatch {
  return { field, typos: 0, closeness, start, end: start + word.length };
}

/**
 * The field's word closest to `word` within `max` typos; with `typing`, the
 * closest start of a word.
 */
function typoInField(
  f: IField,
  word: string,
  max: number,
  typing: boolean
): IWordMatch | null {
  let best: IWordMatch | null = null;
  for (const [start, end] of f.words) {
    const found = typoMatch(word, f.folded.text.slice(start, end), max, typing);
    if (found && (!best || found.typos < best.typos)) {
      best = {
        field: f,
        typos: found.typos,
        closeness:
          found.length === end - start ? Closeness.Word : Closeness.WordStart,
        start,
        end: start + found.length
      };
    }
  }
  return best;
}

/**
 * What to show for a found task: the title's matched parts, in the title's
 * own offsets, and the keywords behind the other words. Worked out when a
 * row reads them, so that a keystroke costs the rows shown, not every match;
 * the getters are the class's, not a closure per match.
 */
class TaskMatch implements ITaskMatch {
  constructor(
    readonly item: ISearchableTask,
    matches: IWordMatch[]
  ) {
    this._matches = matches;
  }

  get highlights(): ITextRange[] {
    return this._explained().highlights;
  }

  get keywords(): string[] {
    return this._explained().keywords;
  }

  private _explained(): { highlights: ITextRange[]; keywords: string[] } {
    this._explanation ??= explain(this._matches);
    return this._explanation;
  }

  private readonly _matches: IWordMatch[];
  private _explanation?: { highlights: ITextRange[]; keywords: string[] };
}

function explain(matches: IWordMatch[]): {
  highlights: ITextRange[];
  keywords: string[];
} {
  const ranges: ITextRange[] = [];
  const keywords = new Set<string>();
  for (const m of matches) {
    if (m.field.place === Place.Title) {
      const { from, to } = m.field.folded;
      ranges.push({ start: from[m.start], end: to[m.end - 1] });
    } else if (m.field.place === Place.Keyword) {
      keywords.add(m.field.text);
    }
  }
  return { highlights: merge(ranges), keywords: [...keywords] };
}

/**
 * Sorted ranges, with those that overlap or touch joined.
 */
function merge(ranges: ITextRange[]): ITextRange[] {
  const out: ITextRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}
