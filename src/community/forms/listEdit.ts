/**
 * Edits of a section's draft that the forms share, each returning a new
 * value (the session keeps drafts immutable).
 */

type Entry = { [key: string]: unknown };

/**
 * `entry` with `keys` set to `value`; an empty value (undefined, '' or an
 * empty object) removes the key, and an object left empty by it goes too,
 * so that clearing a field never stores `""` the format would refuse.
 */
export function setField(entry: Entry, keys: string[], value: unknown): Entry {
  const [key, ...rest] = keys;
  const next: Entry = { ...entry };
  const inner = rest.length
    ? setField(asEntry(entry[key]), rest, value)
    : value;
  if (isEmpty(inner)) {
    delete next[key];
  } else {
    next[key] = inner;
  }
  return next;
}

/**
 * `list` with the item at `from` moved to `to`.
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) {
    return [...list];
  }
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * `list` with the item at `index` replaced by `item`.
 */
export function replaceItem<T>(
  list: readonly T[],
  index: number,
  item: T
): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

/**
 * `list` without the item at `index`.
 */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/**
 * A stored list entry as an object (an announcement may be plain text).
 */
export function asEntry(value: unknown): Entry {
  if (typeof value === 'string') {
    return { text: value };
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Entry)
    : {};
}

/**
 * A stored section value as a list (what the service holds is checked, but a
 * form must not break on anything else).
 */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === '' ||
    (typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length === 0)
  );
}
