/**
 * Every translation call in src/ is one the catalogue's extractor reads:
 * jupyterlab-translate takes the texts of `trans.__`, `trans._n`, `trans._p`
 * and `trans._np` calls (also on `this.trans`, `this._trans`, `props.trans`
 * and `this.props.trans`), and only when they are written as literals. A
 * call of another shape still translates at run time, but its text is in no
 * catalogue, so it stays English in every language.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '..');

const RECEIVERS = new Set([
  'trans',
  'this.trans',
  'this._trans',
  'props.trans',
  'this.props.trans'
]);

/**
 * For each method, the arguments the extractor reads as texts.
 */
const TEXT_ARGUMENTS = new Map([
  ['__', [0]],
  ['_n', [0, 1]],
  ['_p', [0, 1]],
  ['_np', [0, 1, 2]]
]);

/**
 * For each method, where its message is (after any context).
 */
const MESSAGE_ARGUMENT = new Map([
  ['__', 0],
  ['_n', 0],
  ['_p', 1],
  ['_np', 1]
]);

function isLiteral(node: ts.Expression | undefined): boolean {
  return (
    node !== undefined &&
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
  );
}

/**
 * The calls of `source` whose texts the extractor would miss, as
 * `file:line: why`.
 */
function unextractable(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  );
  const found: string[] = [];
  const report = (node: ts.Node, why: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1}: ${why}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && TEXT_ARGUMENTS.has(callee.text)) {
        report(node, `a bare ${callee.text}() call: call it on trans`);
      } else if (
        ts.isPropertyAccessExpression(callee) &&
        TEXT_ARGUMENTS.has(callee.name.text)
      ) {
        const method = callee.name.text;
        const receiver = callee.expression.getText(file);
        const texts = TEXT_ARGUMENTS.get(method)!.map(i => node.arguments[i]);
        if (RECEIVERS.has(receiver)) {
          if (!texts.every(isLiteral)) {
            report(node, `${receiver}.${method}() with a text not written out`);
          }
        } else if (
          /(^|\.)_?trans$/.test(receiver) ||
          isLiteral(node.arguments[MESSAGE_ARGUMENT.get(method)!])
        ) {
          // A bundle, or a text written out, where the extractor does not look.
          report(
            node,
            `${receiver}.${method}(): the extractor does not read it`
          );
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(full);
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

describe('translatable texts', () => {
  it.each([
    ["__('Hello')", 'a bare __() call'],
    ["_n('One', 'Many', n)", 'a bare _n() call'],
    ['trans.__(message)', 'trans.__() with a text not written out'],
    ['trans.__(`Hello ${name}`)', 'trans.__() with a text not written out'],
    ["trans.__('Hello ' + name)", 'trans.__() with a text not written out'],
    ["trans._n('One', plural, n)", 'trans._n() with a text not written out'],
    ["trans._p(context, 'Open')", 'trans._p() with a text not written out'],
    ["options.trans.__('Hello')", 'the extractor does not read it'],
    ["bundle.__('Hello')", 'the extractor does not read it'],
    ["bundle._p('settings', 'Title')", 'the extractor does not read it']
  ])('finds %s', (call, why) => {
    const [problem, ...more] = unextractable(`${call};`, 'example.ts');
    expect(problem).toContain(why);
    expect(more).toEqual([]);
  });

  it.each([
    "trans.__('Hello %1', name)",
    'trans.__(`Hello`)',
    "this.trans._n('%1 task', '%1 tasks', n)",
    "props.trans._p('contact link', 'Email')",
    // Pass-throughs that only relay texts written out elsewhere.
    'bundle.__(msgid, ...args)',
    "bundle._p('settings', title)"
  ])('accepts %s', call => {
    expect(unextractable(`${call};`, 'example.tsx')).toEqual([]);
  });

  it('finds none in src/', () => {
    const problems = sources(SRC).flatMap(file =>
      unextractable(fs.readFileSync(file, 'utf8'), path.relative(SRC, file))
    );
    expect(problems).toEqual([]);
  });
});
