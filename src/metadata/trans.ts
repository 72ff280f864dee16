/**
 * The translation calls the pure layers make. The shape is JupyterLab's
 * TranslationBundle's, so that a plugin passes its bundle straight through
 * while these layers import nothing from JupyterLab.
 *
 * Call `__`, `_n` and `_p` on a parameter named `trans`, with the texts
 * written out as string literals: jupyterlab-translate, which builds the
 * catalogue, reads no other receiver and no variable or template with
 * `${}` (src/__tests__/translatable.spec.ts checks every call). `%1`,
 * `%2`... are filled in with the values after the texts; in `_n`, `%1` is
 * the count.
 */
export interface ITrans {
  __(msgid: string, ...args: any[]): string;
  _n(msgid: string, msgidPlural: string, n: number, ...args: any[]): string;
  _p(msgctxt: string, msgid: string, ...args: any[]): string;
}

/**
 * `%1`-style substitution as JupyterLab's: `%%` is a percent sign; a number
 * with no value stays as written.
 */
function substitute(text: string, args: unknown[]): string {
  return text.replace(/%%|%(\d+)/g, (match, n?: string) =>
    n === undefined ? '%' : String(args[Number(n) - 1] ?? match)
  );
}

/**
 * The texts as written, in English: for the validator's mirror, tests and
 * benchmarks, and wherever no translation is loaded.
 */
export const englishTrans: ITrans = {
  __: (msgid, ...args) => substitute(msgid, args),
  _n: (msgid, msgidPlural, n, ...args) =>
    substitute(n === 1 ? msgid : msgidPlural, [n, ...args]),
  _p: (msgctxt, msgid, ...args) => substitute(msgid, args)
};
