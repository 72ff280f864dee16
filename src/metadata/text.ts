/**
 * Text that leaves the page or is cut to fit: always on whole characters;
 * and operator text set into a sentence, isolated for direction.
 */

/**
 * A lone surrogate cannot be encoded (encodeURIComponent throws on one):
 * each becomes U+FFFD.
 */
export function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd'
  );
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new (Intl as any).Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/**
 * The longest prefix of `text` of at most `max` UTF-16 units that ends
 * between two grapheme clusters (a flag, an emoji with its modifiers, a
 * letter with its accents stay whole); between code points where the
 * browser has no Intl.Segmenter.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let end = 0;
  if (segmenter) {
    // A boundary depends on what precedes it and on the next code point only:
    // segmenting more than max + 2 units would cost without changing the cut.
    const head = text.slice(0, Math.max(0, max) + 2);
    for (const { index, segment } of segmenter.segment(head) as Iterable<{
      index: number;
      segment: string;
    }>) {
      if (index + segment.length > max) {
        break;
      }
      end = index + segment.length;
    }
    return text.slice(0, end);
  }
  for (const char of text) {
    if (end + char.length > max) {
      break;
    }
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * Operator text to substitute into a translated sentence, between Unicode
 * isolates (FSI…PDI), so that it is laid out on its own ("Hours: %1" with an
 * Arabic day range and "08:00–16:00 UTC"). Shown in the page through
 * IsolatedText (components/OperatorText.tsx); as it is where only a string
 * fits (a title, an aria-label, a notification, a command label).
 */
export function isolate(text: string): string {
  // Isolates inside the text itself would end ours early.
  const inner = text.replace(/[\u2066-\u2069]/g, '');
  return inner && `\u2068${inner}\u2069`;
}
