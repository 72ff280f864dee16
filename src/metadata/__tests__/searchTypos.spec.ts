/**
 * The typo count behind the search's tolerance.
 */
import { typoMatch, typosAllowed } from '../typos';

describe('typoMatch', () => {
  it.each([
    ['package', 'package', 0],
    ['pakage', 'package', 1],
    ['packagee', 'package', 1],
    ['pacakge', 'package', 1],
    ['packege', 'package', 1],
    ['pcakgae', 'package', 2]
  ])('counts %s against %s as %i', (typed, word, typos) => {
    expect(typoMatch(typed, word, 2, false)).toEqual({
      typos,
      length: word.length
    });
  });

  it('gives up above the limit', () => {
    expect(typoMatch('pcakgae', 'package', 1, false)).toBeNull();
    expect(typoMatch('pack', 'package', 2, false)).toBeNull();
  });

  it('matches the start of a word, as long as the typos allow', () => {
    expect(typoMatch('pakag', 'package', 1, true)).toEqual({
      typos: 1,
      length: 6
    });
    expect(typoMatch('servr', 'servers', 1, true)).toEqual({
      typos: 1,
      length: 6
    });
    expect(typoMatch('pakag', 'package', 1, false)).toBeNull();
  });
});

describe('typosAllowed', () => {
  it('allows none below five letters, one to eight, two from nine', () => {
    expect(
      ['tokn', 'admin', 'packages', 'checkpint'].map(typosAllowed)
    ).toEqual([0, 1, 1, 2]);
  });
});
