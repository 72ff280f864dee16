import { englishTrans, ITrans } from '../trans';

/**
 * A bundle that marks each text it translates with ⟦ ⟧, so that a test sees
 * which parts of a string are whole texts of the catalogue and which are
 * glued on around them.
 */
export const marking: ITrans = {
  __: (msgid, ...args) => `⟦${englishTrans.__(msgid, ...args)}⟧`,
  _n: (msgid, msgidPlural, n, ...args) =>
    `⟦${englishTrans._n(msgid, msgidPlural, n, ...args)}⟧`,
  _p: (msgctxt, msgid, ...args) =>
    `⟦${englishTrans._p(msgctxt, msgid, ...args)}⟧`
};

/**
 * One text of the catalogue, with nothing around it and no other
 * translated text inside it.
 */
export const WHOLE = /^⟦[^⟦⟧]*⟧$/;
