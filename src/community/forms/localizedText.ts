import type { LocalizedString } from '../../metadata/types';

/**
 * One language's text as the form shows it; `language` is empty for the
 * single text of a field without translations.
 */
export interface ITextRow {
  language: string;
  text: string;
}

/**
 * The rows of a field: one row without a language for plain text, one row
 * per language for a map.
 */
export function rowsOf(value: LocalizedString | undefined): ITextRow[] {
  if (value === undefined || typeof value === 'string') {
    return [{ language: '', text: value ?? '' }];
  }
  const rows = Object.entries(value).map(([language, text]) => ({
    language,
    text: String(text)
  }));
  return rows.length ? rows : [{ language: '', text: '' }];
}

/**
 * What the rows store: plain text while there is one row without a language,
 * else a map (later rows with a language already used are kept for the
 * person to fix, under their position, never merged away).
 */
export function valueOf(rows: ITextRow[]): LocalizedString | undefined {
  if (rows.length === 1 && !rows[0].language) {
    return rows[0].text === '' ? undefined : rows[0].text;
  }
  const value: { [language: string]: string } = {};
  rows.forEach((row, i) => {
    const key = row.language.trim() || `?${i + 1}`;
    value[key in value ? `${key}?${i + 1}` : key] = row.text;
  });
  return value;
}

/**
 * The rows with a translation added: the first text is given `first` as its
 * language when it had none, and the new row the first of `suggested` that
 * no row uses yet.
 */
export function addTranslation(
  rows: ITextRow[],
  first: string,
  suggested: string[]
): ITextRow[] {
  const named = rows.map((row, i) =>
    i === 0 && !row.language ? { ...row, language: first } : row
  );
  const used = new Set(named.map(r => r.language));
  const language = suggested.find(l => !used.has(l)) ?? '';
  return [...named, { language, text: '' }];
}

/**
 * The rows without row `index`; a last row keeps its text and loses its
 * language, back to plain text.
 */
export function removeTranslation(rows: ITextRow[], index: number): ITextRow[] {
  const rest = rows.filter((_, i) => i !== index);
  return rest.length === 1 ? [{ language: '', text: rest[0].text }] : rest;
}
