import validateDocument from '../generated/validateDocument';
import { IProblem, jsonPath, pointerKeys, ProblemCode } from './problems';
import { IHubMetadataDocument, SourceId } from './types';

/**
 * An error as reported by the validator compiled from schema/plugin.json.
 */
interface ISchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: { [key: string]: any };
  propertyName?: string;
  message?: string;
}

/**
 * What one schema error means: where and why, and the node to leave out.
 */
interface IFinding {
  at: string[];
  code: ProblemCode;
  params: string[];
  remove: string[];
}

/**
 * A source's document, checked against the format: what is valid is kept,
 * each invalid field or entry is left out alone and named in `problems`.
 */
export interface IParsedDocument {
  document: IHubMetadataDocument;
  problems: IProblem[];
}

/**
 * Each round leaves out at least one node; this bounds pathological input.
 */
const MAX_ROUNDS = 16;

export function parseDocument(
  input: unknown,
  source: SourceId
): IParsedDocument {
  const problem = (keys: string[], code: ProblemCode, ...params: string[]) =>
    ({
      source,
      path: jsonPath(keys),
      code,
      params,
      severity: 'error'
    }) as IProblem;
  if (!isPlainObject(input)) {
    return {
      document: {},
      problems: [problem([], 'type', describeType('object'))]
    };
  }
  const document = JSON.parse(JSON.stringify(input)) as IHubMetadataDocument;
  const indices = new OriginalIndices(document);
  const problems: IProblem[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (validateDocument(document)) {
      return { document, problems };
    }
    const findings = interpret((validateDocument as any).errors);
    const reported = new Set<string>();
    for (const { at, code, params } of findings) {
      const keys = indices.original(document, at);
      // One reason per place and round: the first is the most specific.
      if (reported.has(keys.join('/'))) {
        continue;
      }
      reported.add(keys.join('/'));
      // Leaving out an invalid child can leave its parent empty or incomplete:
      // say so, rather than blame the parent for what was already reported.
      const prefix = jsonPath(keys);
      const emptied = problems.some(
        p =>
          p.path.length > prefix.length &&
          p.path.startsWith(prefix) &&
          '.['.includes(p.path[prefix.length])
      );
      const found = emptied
        ? problem(keys, 'emptied')
        : problem(keys, code, ...params);
      const key = `${found.path}\u0000${code}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(found);
      }
    }
    removeAll(
      document,
      findings.map(f => f.remove),
      indices
    );
  }
  return {
    document: {},
    problems: [...problems, problem([], 'invalid', 'too many errors')]
  };
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    default:
      return 'a number';
  }
}

/**
 * Turn the validator's errors into findings. Alternatives (`oneOf`) report an
 * error per branch: when the value took the object branch and something
 * inside it is wrong, that inner error is the useful one.
 */
function interpret(errors: ISchemaError[]): IFinding[] {
  const oneOfPaths = new Set(
    errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath)
  );
  const hasDeeper = (path: string) =>
    errors.some(
      e => e.keyword !== 'oneOf' && e.instancePath.startsWith(path + '/')
    );
  const findings: IFinding[] = [];
  for (const error of errors) {
    const keys = pointerKeys(error.instancePath);
    if (error.keyword === 'oneOf') {
      const choices = errors
        .filter(
          e => e.keyword === 'const' && e.instancePath === error.instancePath
        )
        .map(e => String(e.params.allowedValue));
      if (choices.length > 0) {
        findings.push({
          at: keys,
          code: 'enum',
          params: [choices.join(', ')],
          remove: keys
        });
      } else if (!hasDeeper(error.instancePath)) {
        const code =
          keys[0] === 'announcements' && keys.length === 2
            ? 'announcement'
            : 'localized';
        findings.push({ at: keys, code, params: [], remove: keys });
      }
    } else if (!(
      oneOfPaths.has(error.instancePath) && error.schemaPath.includes('oneOf')
    )) {
      findings.push(explain(error, keys));
    }
  }
  return findings;
}

function explain(error: ISchemaError, keys: string[]): IFinding {
  const { params } = error;
  const at = (code: ProblemCode, ...values: string[]): IFinding => ({
    at: keys,
    code,
    params: values,
    remove: keys
  });
  const inside = (name: string, code: ProblemCode, ...values: string[]) => ({
    at: [...keys, name],
    code,
    params: values,
    remove: [...keys, name]
  });
  switch (error.keyword) {
    case 'type':
      return at('type', describeType(String(params.type)));
    case 'required':
      return at('required', String(params.missingProperty));
    case 'additionalProperties':
      return inside(
        String(params.additionalProperty),
        'unknown-field',
        String(params.additionalProperty)
      );
    case 'propertyNames':
    case 'pattern': {
      const name = error.propertyName ?? params.propertyName;
      if (name !== undefined) {
        return inside(String(name), 'pattern');
      }
      if (error.schemaPath.includes('email')) {
        return at('bad-email');
      }
      return at(keys[0] === 'metadataUrl' ? 'unsafe-link' : 'pattern');
    }
    case 'enum':
      return at('enum', (params.allowedValues as unknown[]).join(', '));
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return at('empty');
    case 'minimum':
      return at('minimum', String(params.limit));
    case 'format':
      return at(params.format === 'date-time' ? 'bad-date' : 'unsafe-link');
    default:
      return at('invalid', error.message ?? error.keyword);
  }
}

/**
 * Leave out each node: children before parents and later array items before
 * earlier ones, so that no removal shifts the path of another.
 */
function removeAll(
  document: IHubMetadataDocument,
  paths: string[][],
  indices: OriginalIndices
): void {
  const unique = new Map(paths.map(p => [JSON.stringify(p), p]));
  for (const path of [...unique.values()].sort(comparePathsDescending)) {
    if (path.length === 0) {
      Object.keys(document).forEach(key => delete (document as any)[key]);
      continue;
    }
    let parent: any = document;
    for (const key of path.slice(0, -1)) {
      parent = parent?.[key];
    }
    const last = path[path.length - 1];
    if (Array.isArray(parent)) {
      parent.splice(Number(last), 1);
      indices.removed(parent, Number(last));
    } else if (isPlainObject(parent)) {
      delete parent[last];
    }
  }
}

function comparePathsDescending(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const [x, y] = [Number(a[i]), Number(b[i])];
      if (!Number.isNaN(x) && !Number.isNaN(y)) {
        return y - x;
      }
      return a[i] < b[i] ? 1 : -1;
    }
  }
  return b.length - a.length;
}

/**
 * Leaving out array items shifts the ones after them; problems found in a
 * later round must still name the item's index in the source as written.
 */
class OriginalIndices {
  constructor(document: unknown) {
    this._record(document);
  }

  removed(array: unknown[], index: number): void {
    this._map.get(array)?.splice(index, 1);
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

  private _record(node: unknown): void {
    if (Array.isArray(node)) {
      this._map.set(
        node,
        node.map((_, i) => i)
      );
      node.forEach(item => this._record(item));
    } else if (isPlainObject(node)) {
      Object.values(node).forEach(value => this._record(value));
    }
  }

  private _map = new Map<unknown[], number[]>();
}
