import {
  DOCUMENT_KEYS,
  validateDocument,
  validateEntry
} from '../generated/validateDocument';
import { atOnce, Work } from '../slices';
import { PLUGIN_ID } from '../ids';
import { LIMITS } from './limits';
import { IProblem, jsonPath, pointerKeys, ProblemCode } from './problems';
import { DOCUMENT_LIMITS } from '../generated/shared';
import { FORMAT_VERSION, IHubMetadataDocument, SourceId } from './types';

/**
 * An error as reported by the validator compiled from schema/plugin.json.
 */
export interface ISchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: { [key: string]: any };
  propertyName?: string;
}

/**
 * What one schema error means: where and why, and the node to leave out.
 */
interface IFinding {
  at: string[];
  code: ProblemCode;
  params: string[];
  remove: string[];
  severity: IProblem['severity'];
}

/**
 * A source's document, checked against the format: what is valid is kept,
 * each invalid field or entry is left out alone and named in `problems`.
 * `positions` gives, for each top-level list, the index as written of each
 * entry kept, so that later checks name entries where the operator wrote them.
 */
export interface IParsedDocument {
  document: IHubMetadataDocument;
  problems: IProblem[];
  positions: IPositions;
}

export type IPositions = { [list: string]: number[] };

/**
 * Each round leaves out at least one node; this bounds pathological input.
 */
const MAX_ROUNDS = DOCUMENT_LIMITS.checkMaxRounds;

const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+$';

/**
 * The metadata URL's document, checked; it may be the bare document or, as
 * in a settings overrides file, wrapped in the plugin's id.
 */
export function parseRemoteDocument(value: unknown): IParsedDocument {
  return atOnce(checkingRemote(value));
}

/**
 * `parseRemoteDocument` as work to run in slices (src/slices.ts).
 */
export function checkingRemote(value: unknown): Work<IParsedDocument> {
  return checking(unwrap(value), 'metadata-url');
}

function unwrap(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    Object.prototype.hasOwnProperty.call(value, PLUGIN_ID)
  ) {
    return (value as { [PLUGIN_ID]: unknown })[PLUGIN_ID];
  }
  return value;
}

export function parseDocument(
  input: unknown,
  source: SourceId
): IParsedDocument {
  return atOnce(checking(input, source));
}

/**
 * Nodes walked, entries copied or checked between two pauses of the work.
 */
const NODES_PER_STEP = 1000;

/**
 * `parseDocument` as work to run in slices (src/slices.ts): it pauses
 * between the entries of the long lists (people, tasks...), which are
 * copied and checked one at a time with the check the document's own runs
 * on them, so that what it finds, and in what order, is the same.
 */
export function* checking(
  input: unknown,
  source: SourceId
): Work<IParsedDocument> {
  const problem = (
    keys: string[],
    code: ProblemCode,
    params: string[] = [],
    severity: IProblem['severity'] = 'error'
  ): IProblem => ({ source, path: jsonPath(keys), code, params, severity });
  const refused = (found: IProblem) => ({
    document: {},
    problems: [found],
    positions: {}
  });
  if (!isPlainObject(input)) {
    return refused(problem([], 'type', ['object']));
  }
  // Checked before anything recursive reads the document.
  if (yield* depthExceeds(input, LIMITS.documentMaxDepth)) {
    return refused(problem([], 'too-deep', [String(LIMITS.documentMaxDepth)]));
  }
  const { document, length } = yield* copied(input);
  if (length > LIMITS.documentMaxChars) {
    return refused(
      problem([], 'too-large', [
        String(length),
        String(LIMITS.documentMaxChars)
      ])
    );
  }
  const indices = new OriginalIndices();
  const problems: IProblem[] = [];
  const seen = new Set<string>();
  // Paths with a problem somewhere inside them.
  const holdsProblem = new Set<string>();
  // The entries found wrong in the last round: only they can change.
  let suspects: Map<string, Set<unknown>> | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const errors = yield* validating(document, suspects);
    if (errors.length === 0) {
      return {
        document,
        problems: [...problems, ...checkVersion(document, problem)],
        positions: indices.topLevel(document)
      };
    }
    suspects = entriesOf(document, errors);
    const findings = interpret(errors);
    const reported = new Set<string>();
    for (const { at, code, params, severity } of findings) {
      const keys = indices.original(document, at);
      const path = jsonPath(keys);
      // One reason per place and round: the first is the most specific.
      if (reported.has(path)) {
        continue;
      }
      reported.add(path);
      // Leaving out an invalid child can leave its parent empty or incomplete:
      // say so, rather than blame the parent for what was already reported.
      const found = holdsProblem.has(path)
        ? problem(keys, 'emptied')
        : problem(keys, code, params, severity);
      const key = `${found.path}\u0000${found.code}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(found);
        for (let i = 0; i < keys.length; i++) {
          holdsProblem.add(jsonPath(keys.slice(0, i)));
        }
      }
    }
    removeAll(
      document,
      findings.map(f => f.remove),
      indices
    );
    yield;
  }
  return {
    document: {},
    problems: [...problems, problem([], 'too-many-problems')],
    positions: {}
  };
}

/**
 * The document's lists of entries that are checked an entry at a time.
 */
function entryLists(document: {
  [key: string]: unknown;
}): [string, unknown[]][] {
  return Object.keys(validateEntry)
    .map((key): [string, unknown] => [key, document[key]])
    .filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
}

/**
 * A copy of the document (through JSON, as the format is), an entry of the
 * long lists at a time, and the length of its JSON text.
 */
function* copied(input: {
  [key: string]: unknown;
}): Work<{ document: IHubMetadataDocument; length: number }> {
  const lists = entryLists(input);
  const shell = { ...input };
  for (const [key] of lists) {
    shell[key] = [];
  }
  const text = JSON.stringify(shell);
  const document = JSON.parse(text);
  let length = text.length;
  for (const [key, entries] of lists) {
    const copies: unknown[] = document[key];
    for (const entry of entries) {
      // As in a list: what JSON has no value for is null there.
      const entryText = JSON.stringify(entry) ?? 'null';
      length += entryText.length + (copies.length > 0 ? 1 : 0);
      copies.push(JSON.parse(entryText));
      yield;
    }
  }
  return { document, length };
}

/**
 * The validator's errors for the whole document, in the order its own check
 * of the whole gives them: the document without its lists of entries, then
 * each entry alone, its errors placed where its list's are. `suspects`, when
 * given, are the only entries that may have changed since the last round.
 */
export function* validating(
  document: IHubMetadataDocument,
  suspects: Map<string, Set<unknown>> | null
): Work<ISchemaError[]> {
  const whole = document as { [key: string]: unknown };
  const lists = entryLists(whole);
  const shell = { ...whole };
  for (const [key] of lists) {
    shell[key] = [];
  }
  const errors: ISchemaError[] = validateDocument(shell)
    ? []
    : [...(validateDocument as any).errors];
  for (const [key, entries] of lists) {
    const check = (validateEntry as { [key: string]: any })[key];
    const found: ISchemaError[] = [];
    for (let i = 0; i < entries.length; i++) {
      if (suspects && !suspects.get(key)?.has(entries[i])) {
        continue;
      }
      if (!check(entries[i])) {
        for (const e of check.errors as ISchemaError[]) {
          found.push({ ...e, instancePath: `/${key}/${i}${e.instancePath}` });
        }
      }
      yield;
    }
    // After the errors of the document's keys before this list.
    const rank = propertyRank(key);
    const at = errors.findIndex(e => rankOf(e) > rank);
    errors.splice(at < 0 ? errors.length : at, 0, ...found);
  }
  return errors;
}

/**
 * The entries of the lists that the errors are in.
 */
function entriesOf(
  document: IHubMetadataDocument,
  errors: ISchemaError[]
): Map<string, Set<unknown>> {
  const lists = new Map(entryLists(document as { [key: string]: unknown }));
  const entries = new Map<string, Set<unknown>>();
  for (const e of errors) {
    const [key, index] = pointerKeys(e.instancePath);
    const list = lists.get(key);
    if (list && index !== undefined) {
      const set = entries.get(key) ?? new Set();
      set.add(list[Number(index)]);
      entries.set(key, set);
    }
  }
  return entries;
}

/**
 * Where the validator checks a key of the document: unknown keys (and the
 * document itself) first, then its properties in the schema's order.
 */
function propertyRank(key: string | undefined): number {
  return key === undefined ? -1 : DOCUMENT_KEYS.indexOf(key);
}

function rankOf(error: ISchemaError): number {
  return propertyRank(pointerKeys(error.instancePath)[0]);
}

/**
 * Whether any list or object is nested deeper than `max`, without recursion
 * (a document nested 10,000 deep would overflow the stack).
 */
function* depthExceeds(root: unknown, max: number): Work<boolean> {
  const stack: [unknown, number][] = [[root, 1]];
  for (let walked = 1; stack.length > 0; walked++) {
    const [node, depth] = stack.pop()!;
    if (depth > max) {
      return true;
    }
    if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) {
        if (typeof child === 'object' && child !== null) {
          stack.push([child, depth + 1]);
        }
      }
    }
    if (walked % NODES_PER_STEP === 0) {
      yield;
    }
  }
  return false;
}

/**
 * A document for a newer format is still read; the unknown keys it holds
 * are named by the schema check, and this says why they are there.
 */
function checkVersion(
  document: IHubMetadataDocument,
  problem: (
    keys: string[],
    code: ProblemCode,
    params: string[],
    severity: IProblem['severity']
  ) => IProblem
): IProblem[] {
  const version = document.formatVersion;
  return version !== undefined && version > FORMAT_VERSION
    ? [
        problem(
          ['formatVersion'],
          'newer-format',
          [String(version), String(FORMAT_VERSION)],
          'warning'
        )
      ]
    : [];
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turn the validator's errors into findings. Alternatives (`oneOf`) report an
 * error per branch: when the value took the object branch and something
 * inside it is wrong, that inner error is the useful one. `if` only says
 * that its `then` failed, which has its own error.
 */
function interpret(errors: ISchemaError[]): IFinding[] {
  const oneOfPaths = new Set<string>();
  const constsAt = new Map<string, string[]>();
  // Paths under which a specific (not oneOf) error lies.
  const deeper = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf') {
      oneOfPaths.add(e.instancePath);
    } else {
      if (e.keyword === 'const') {
        const list = constsAt.get(e.instancePath) ?? [];
        list.push(String(e.params.allowedValue));
        constsAt.set(e.instancePath, list);
      }
      if (e.keyword === 'additionalProperties') {
        // An unknown key of a value that took an alternative's object
        // branch: the object is right, and only the key is named.
        deeper.add(e.instancePath);
      }
      let path = e.instancePath;
      for (let cut = path.lastIndexOf('/'); cut >= 0;) {
        path = path.slice(0, cut);
        if (deeper.has(path)) {
          break;
        }
        deeper.add(path);
        cut = path.lastIndexOf('/');
      }
    }
  }
  const findings: IFinding[] = [];
  for (const error of errors) {
    const keys = pointerKeys(error.instancePath);
    if (error.keyword === 'if') {
      continue;
    }
    if (error.keyword === 'oneOf') {
      const choices = constsAt.get(error.instancePath);
      if (choices) {
        findings.push(finding(keys, 'enum', [choices.join(', ')]));
      } else if (!deeper.has(error.instancePath)) {
        findings.push(finding(keys, alternativesCode(keys), []));
      }
    } else if (
      error.keyword === 'additionalProperties' ||
      !(
        oneOfPaths.has(error.instancePath) && error.schemaPath.includes('oneOf')
      )
    ) {
      findings.push(explain(error, keys));
    }
  }
  return findings;
}

/**
 * What a value that fits none of its alternatives must be, by where it is.
 */
function alternativesCode(keys: string[]): ProblemCode {
  if (keys[0] === 'announcements' && keys.length === 2) {
    return 'announcement';
  }
  if (keys[0] === 'tasks' && keys.length === 3 && keys[2] === 'keywords') {
    return 'keywords';
  }
  return 'localized';
}

function finding(
  keys: string[],
  code: ProblemCode,
  params: string[],
  severity: IProblem['severity'] = 'error'
): IFinding {
  return { at: keys, code, params, remove: keys, severity };
}

function explain(error: ISchemaError, keys: string[]): IFinding {
  const { params } = error;
  const at = (code: ProblemCode, ...values: string[]) =>
    finding(keys, code, values);
  switch (error.keyword) {
    case 'type':
      return at('type', String(params.type));
    case 'required':
      return at('required', String(params.missingProperty));
    case 'additionalProperties': {
      // Ignored, not an error: a newer release's key must not hide the rest.
      const name = String(params.additionalProperty);
      return finding([...keys, name], 'unknown-field', [name], 'warning');
    }
    case 'propertyNames':
    case 'pattern': {
      const name = error.propertyName ?? params.propertyName;
      if (name !== undefined) {
        return finding([...keys, String(name)], 'pattern', []);
      }
      if (params.pattern === EMAIL_PATTERN) {
        return at('bad-email');
      }
      return at('pattern');
    }
    case 'enum':
      return at('enum', (params.allowedValues as unknown[]).join(', '));
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return at('empty');
    case 'minimum':
      return at('minimum', String(params.limit));
    case 'maximum':
      return at('maximum', String(params.limit));
    case 'format':
      return at(params.format === 'date-time' ? 'bad-date' : 'unsafe-link');
    case 'uniqueItems':
      return at('repeated-item');
    default:
      return at('invalid', error.keyword);
  }
}

/**
 * Leave out each node: objects lose keys; each list is filtered once, so
 * that thousands of invalid entries cost one pass, not one shift each.
 */
function removeAll(
  document: IHubMetadataDocument,
  paths: string[][],
  indices: OriginalIndices
): void {
  const fromLists = new Map<unknown[], Set<number>>();
  // Deepest first: a child is removed before its parent might be.
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  for (const path of sorted) {
    if (path.length === 0) {
      Object.keys(document).forEach(key => delete (document as any)[key]);
      return;
    }
    let parent: any = document;
    for (const key of path.slice(0, -1)) {
      parent = parent?.[key];
    }
    const last = path[path.length - 1];
    if (Array.isArray(parent)) {
      const set = fromLists.get(parent) ?? new Set<number>();
      set.add(Number(last));
      fromLists.set(parent, set);
    } else if (isPlainObject(parent)) {
      delete parent[last];
    }
  }
  for (const [list, removed] of fromLists) {
    indices.removed(list, removed);
    const kept = list.filter((_, i) => !removed.has(i));
    list.length = 0;
    kept.forEach(item => list.push(item));
  }
}

/**
 * Leaving out list entries shifts the ones after them; problems found in a
 * later round, and later checks, must still name the entry's index in the
 * source as written.
 */
class OriginalIndices {
  /**
   * Only lists that lost entries are kept: any other holds its entries
   * where they were written.
   */
  removed(list: unknown[], removed: Set<number>): void {
    const map = this._map.get(list) ?? list.map((_, i) => i);
    this._map.set(
      list,
      map.filter((_, i) => !removed.has(i))
    );
  }

  /**
   * The source's keys for a path in the current document.
   */
  original(document: unknown, keys: string[]): string[] {
    let node: any = document;
    return keys.map(key => {
      const map = Array.isArray(node) ? this._map.get(node) : undefined;
      node = node?.[key];
      return map?.[Number(key)] !== undefined ? String(map[Number(key)]) : key;
    });
  }

  /**
   * For each top-level list, the original index of each entry kept.
   */
  topLevel(document: IHubMetadataDocument): IPositions {
    const positions: IPositions = {};
    for (const [key, value] of Object.entries(document)) {
      if (Array.isArray(value)) {
        positions[key] = this._map.get(value) ?? value.map((_, i) => i);
      }
    }
    return positions;
  }

  private _map = new Map<unknown[], number[]>();
}
