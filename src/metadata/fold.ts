/**
 * Text folded for search, with accents and case ignored, and for each unit
 * of the folded text the grapheme of the original it came from: a match
 * found in the folded text maps back to whole graphemes of what is shown.
 */
export interface IFoldedText {
  text: string;
  /**
   * For each UTF-16 unit of `text`, where its grapheme starts and ends in
   * the original (NFD and lower-casing change lengths, so offsets differ).
   */
  from: number[];
  to: number[];
}

/**
 * Fold one grapheme: decompose, drop the combining accents, lower-case. The
 * final sigma "ς" is folded to "σ" as Unicode case folding does, since a
 * grapheme alone no longer knows whether it ends a word.
 */
function foldGrapheme(grapheme: string): string {
  return grapheme
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ς/g, 'σ');
}

interface ISegment {
  segment: string;
  index: number;
}

// ES2022's Intl.Segmenter, typed here since the project's lib is ES2020.
const Segmenter = (
  Intl as {
    Segmenter?: new (
      locales: undefined,
      options: { granularity: 'grapheme' }
    ) => { segment(text: string): Iterable<ISegment> };
  }
).Segmenter;
const segmenter =
  Segmenter && new Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): Iterable<ISegment> {
  if (segmenter) {
    return segmenter.segment(text);
  }
  // Browsers without Intl.Segmenter: a code point with the marks after it.
  return Array.from(text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu), match => ({
    segment: match[0],
    index: match.index!
  }));
}

/**
 * No control characters ("\r\n" is one grapheme), no accents, nothing
 * beyond ASCII.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Fold `original` grapheme by grapheme, keeping where each part came from.
 */
export function foldText(original: string): IFoldedText {
  if (PRINTABLE_ASCII.test(original)) {
    // Each unit is a grapheme of its own that folds to one unit: the same
    // answer as below, without segmenting (most of a first search's time
    // in a catalogue of thousands of tasks).
    const from = Array.from({ length: original.length }, (_, i) => i);
    return {
      text: original.toLowerCase(),
      from,
      to: from.map(i => i + 1)
    };
  }
  const folded: IFoldedText = { text: '', from: [], to: [] };
  for (const { segment, index } of graphemes(original)) {
    const part = foldGrapheme(segment);
    folded.text += part;
    for (let i = 0; i < part.length; i++) {
      folded.from.push(index);
      folded.to.push(index + segment.length);
    }
  }
  return folded;
}

/**
 * The folded text alone, as queries are compared: the same fold as titles.
 */
export function fold(text: string): string {
  return foldText(text).text;
}
