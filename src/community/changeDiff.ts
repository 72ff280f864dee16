/**
 * What one recorded change did to its section, entry by entry and field by
 * field, from the section's value before and after it (what the service
 * answers for `GET api/history/ID`). Pure: no React, no service; the
 * History view puts the result into words.
 *
 * A list section (people, announcements, tasks) is compared entry by entry,
 * entries matched by what identifies them (`identity`): an entry only after
 * is added, only before is removed, in both but different is changed (each
 * field that differs, nested objects as dotted names such as
 * `contact.email`), and one whose place among the others changed is moved.
 * The status (an object, or null when cleared) is set, cleared or changed,
 * field by field.
 */

import { SECTIONS } from '../generated/shared';

/**
 * One field of an entry (a dotted path for nested objects), shown as a
 * short string: lists comma-joined, long texts cut.
 */
export interface IFieldValue {
  field: string;
  value: string;
}

/**
 * One field that differs; null where the field is absent on that side.
 */
export interface IFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * Which entry of a list an item is about: what identifies it, a few words
 * that name it, and the field those words came from (none when they are the
 * whole entry, such as a plain announcement's text).
 */
export interface IEntryName {
  key: string;
  label: string;
  labelField: string | null;
}

/**
 * One thing a change did. `entry` is null for the section's value itself
 * (the status), not an entry of a list.
 */
export type ChangeItem =
  | { kind: 'added'; entry: IEntryName; fields: IFieldValue[] }
  | { kind: 'removed'; entry: IEntryName; fields: IFieldValue[] }
  | { kind: 'changed'; entry: IEntryName | null; fields: IFieldChange[] }
  | {
      kind: 'moved';
      entry: IEntryName;
      /**
       * Its place (from 0) in the list before and after the change.
       */
      from: number;
      to: number;
    }
  | { kind: 'set'; fields: IFieldValue[] }
  | { kind: 'cleared'; fields: IFieldValue[] };

export interface IDescribeOptions {
  /**
   * The words for a role id (its label); the id itself otherwise.
   */
  roleLabel?: (id: string) => string;
  /**
   * The longest value shown, in characters; longer ones are cut with "…".
   */
  maxLength?: number;
}

/**
 * The sections whose value is a list of entries: all but the status note.
 */
const LIST_SECTIONS = new Set<string>(
  SECTIONS.filter(section => section !== 'status')
);

/**
 * Fields whose values are role ids.
 */
const ROLE_FIELDS = new Set(['roles']);

const MAX_LENGTH = 80;

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/**
 * A value's JSON with its keys sorted: equal values, equal texts, whatever
 * the order of their keys (as the service compares them).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter(k => value[k] !== undefined)
      .sort();
    return `{${keys
      .map(k => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What identifies an entry of a section: a person by their id, else their
 * first hub username, else their name (as the format defaults a person's
 * id); an announcement or a task note by its id; an entry without one by
 * its whole value.
 */
export function identity(section: string, entry: unknown): string {
  if (isObject(entry)) {
    if (nonEmpty(entry.id)) {
      return `id:${entry.id}`;
    }
    if (section === 'people') {
      const usernames = Array.isArray(entry.usernames) ? entry.usernames : [];
      if (nonEmpty(usernames[0])) {
        return `id:${usernames[0]}`;
      }
      if (nonEmpty(entry.name)) {
        return `id:${entry.name}`;
      }
    }
  }
  return `value:${canonical(entry)}`;
}

/**
 * The words that name an entry: its name, else its text, else its id;
 * a localized text in English where it has it, else in its first language.
 */
function nameOf(entry: unknown, maxLength: number): [string, string | null] {
  if (isObject(entry)) {
    for (const field of ['name', 'text', 'id']) {
      const value = entry[field];
      const text = nonEmpty(value)
        ? value
        : isObject(value)
          ? [value.en, ...Object.values(value)].find(nonEmpty)
          : undefined;
      if (text !== undefined) {
        return [cut(text, maxLength), field];
      }
    }
    return [cut(canonical(entry), maxLength), null];
  }
  return [cut(show(entry), maxLength), null];
}

function cut(text: string, maxLength: number): string {
  const chars = Array.from(text);
  return chars.length > maxLength
    ? `${chars.slice(0, maxLength - 1).join('')}…`
    : text;
}

/**
 * A scalar, or any value inside a list, as text.
 */
function show(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return String(value);
  }
  return canonical(value);
}

/**
 * A value's fields as dotted names and short strings: nested objects are
 * walked (an empty one is "{}"), a list is one field, its items
 * comma-joined (role ids as their labels).
 */
function flatten(
  value: unknown,
  options: Required<IDescribeOptions>,
  prefix = '',
  out = new Map<string, string>()
): Map<string, string> {
  const name = prefix.split('.').pop() ?? '';
  if (isObject(value)) {
    const keys = Object.keys(value).filter(k => value[k] !== undefined);
    if (keys.length === 0 && prefix) {
      out.set(prefix, '{}');
    }
    for (const key of keys) {
      flatten(value[key], options, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (Array.isArray(value)) {
    const items = value.map(item =>
      ROLE_FIELDS.has(name) && typeof item === 'string'
        ? options.roleLabel(item)
        : show(item)
    );
    out.set(prefix, cut(items.join(', '), options.maxLength));
  } else {
    out.set(prefix, cut(show(value), options.maxLength));
  }
  return out;
}

function fieldValues(fields: Map<string, string>): IFieldValue[] {
  return Array.from(fields, ([field, value]) => ({ field, value }));
}

/**
 * The fields that differ between two values, in the order they come in
 * (those of the value after first).
 */
function fieldChanges(
  before: Map<string, string>,
  after: Map<string, string>
): IFieldChange[] {
  const fields = [...after.keys(), ...before.keys()].filter(
    (field, i, all) => all.indexOf(field) === i
  );
  return fields
    .map(field => ({
      field,
      before: before.get(field) ?? null,
      after: after.get(field) ?? null
    }))
    .filter(f => f.before !== f.after);
}

/**
 * Entries by identity; an identity met again gets its occurrence number,
 * so that the second of two equal entries is matched to the second.
 */
function keyed(section: string, entries: unknown[]): [string, unknown][] {
  const seen = new Map<string, number>();
  return entries.map(entry => {
    const key = identity(section, entry);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return [count > 1 ? `${key}#${count}` : key, entry];
  });
}

/**
 * The positions in `sequence` of a longest increasing run (not necessarily
 * contiguous) of its numbers: the entries that kept their order.
 */
function longestIncreasing(sequence: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  sequence.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    previous[i] = low > 0 ? tails[low - 1] : -1;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]) {
    kept.add(i);
  }
  return kept;
}

function describeList(
  section: string,
  before: unknown[],
  after: unknown[],
  options: Required<IDescribeOptions>
): ChangeItem[] {
  const old = keyed(section, before);
  const now = keyed(section, after);
  const oldIndex = new Map(old.map(([key], i) => [key, i]));
  const nowKeys = new Set(now.map(([key]) => key));
  const name = (key: string, entry: unknown): IEntryName => {
    const [label, labelField] = nameOf(entry, options.maxLength);
    return { key, label, labelField };
  };
  const added: ChangeItem[] = [];
  const changed: ChangeItem[] = [];
  const moved: ChangeItem[] = [];
  const removed: ChangeItem[] = old
    .filter(([key]) => !nowKeys.has(key))
    .map(([key, entry]) => ({
      kind: 'removed',
      entry: name(key, entry),
      fields: fieldValues(flatten(entry, options))
    }));

  // Of the entries in both, those outside the longest run that kept its
  // order are the ones that moved.
  const common = now
    .map(([key], to) => ({ key, to, from: oldIndex.get(key) }))
    .filter(
      (c): c is { key: string; to: number; from: number } =>
        c.from !== undefined
    );
  const kept = longestIncreasing(common.map(c => c.from));
  const movedKeys = new Map(
    common.filter((_, i) => !kept.has(i)).map(c => [c.key, c])
  );

  now.forEach(([key, entry]) => {
    const from = oldIndex.get(key);
    if (from === undefined) {
      added.push({
        kind: 'added',
        entry: name(key, entry),
        fields: fieldValues(flatten(entry, options))
      });
      return;
    }
    const was = old[from][1];
    if (canonical(was) !== canonical(entry)) {
      changed.push({
        kind: 'changed',
        entry: name(key, entry),
        fields: fieldChanges(flatten(was, options), flatten(entry, options))
      });
    }
    const move = movedKeys.get(key);
    if (move) {
      moved.push({
        kind: 'moved',
        entry: name(key, entry),
        from: move.from,
        to: move.to
      });
    }
  });
  return [...added, ...removed, ...changed, ...moved];
}

function describeValue(
  before: unknown,
  after: unknown,
  options: Required<IDescribeOptions>
): ChangeItem[] {
  if (canonical(before) === canonical(after)) {
    return [];
  }
  if (before === null || before === undefined) {
    return [{ kind: 'set', fields: fieldValues(flatten(after, options)) }];
  }
  if (after === null || after === undefined) {
    return [{ kind: 'cleared', fields: fieldValues(flatten(before, options)) }];
  }
  return [
    {
      kind: 'changed',
      entry: null,
      fields: fieldChanges(flatten(before, options), flatten(after, options))
    }
  ];
}

/**
 * What a change to `section` did, from its value `before` to `after`:
 * empty when they are equal. A list section's missing value (null: nothing
 * stored) is an empty list.
 */
export function describeChange(
  section: string,
  before: unknown,
  after: unknown,
  options: IDescribeOptions = {}
): ChangeItem[] {
  const full: Required<IDescribeOptions> = {
    roleLabel: options.roleLabel ?? (id => id),
    maxLength: options.maxLength ?? MAX_LENGTH
  };
  const asList = (value: unknown): unknown[] | undefined =>
    Array.isArray(value)
      ? value
      : value === null || value === undefined
        ? []
        : undefined;
  const old = asList(before);
  const now = asList(after);
  if (
    old !== undefined &&
    now !== undefined &&
    (LIST_SECTIONS.has(section) ||
      (Array.isArray(before) && Array.isArray(after)))
  ) {
    return describeList(section, old, now, full);
  }
  return describeValue(before, after, full);
}
