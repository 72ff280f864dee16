/**
 * How many typos a typed word may hold and still match: none below five
 * letters, one up to eight, two beyond. Allowing one from four letters let
 * "home" find "some" and "them" find "the": on the built-in tasks it
 * doubled the unrelated tasks a correctly spelled word brings up.
 */
export function typosAllowed(typed: string): number {
  return typed.length < 5 ? 0 : typed.length < 9 ? 1 : 2;
}

/**
 * The typos between what was typed and a word: a letter missing, extra,
 * wrong or swapped with its neighbour each count one (the optimal string
 * alignment distance, Damerau–Levenshtein without re-editing a swap).
 */
export interface ITypoMatch {
  typos: number;
  /**
   * How much of the word the typed text stands for: all of it, or its start
   * when the word may still be being typed.
   */
  length: number;
}

/**
 * `typed` against `word`, or against the best start of `word` when
 * `prefix` is set; null above `max` typos. Costs |typed| × |word| steps at
 * most, and stops early once every alignment is over the limit.
 */
export function typoMatch(
  typed: string,
  word: string,
  max: number,
  prefix: boolean
): ITypoMatch | null {
  const m = typed.length;
  const n = word.length;
  if (n < m - max || (!prefix && n > m + max)) {
    return null;
  }
  // Rows of the distance table: typed[0, i) against word[0, j), j = 0..n.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = new Array<number>(n + 1);
    row[0] = i;
    let lowest = i;
    for (let j = 1; j <= n; j++) {
      const same = typed[i - 1] === word[j - 1];
      let cost = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (same ? 0 : 1)
      );
      if (
        i > 1 &&
        j > 1 &&
        typed[i - 1] === word[j - 2] &&
        typed[i - 2] === word[j - 1]
      ) {
        cost = Math.min(cost, before[j - 2] + 1);
      }
      row[j] = cost;
      lowest = Math.min(lowest, cost);
    }
    // No later row goes below this row's lowest value: nothing can match.
    if (lowest > max) {
      return null;
    }
    before = previous;
    previous = row;
  }
  if (!prefix) {
    return previous[n] <= max ? { typos: previous[n], length: n } : null;
  }
  // The longest start of the word with the fewest typos.
  let best: ITypoMatch | null = null;
  for (let j = 1; j <= n; j++) {
    if (previous[j] <= max && (!best || previous[j] <= best.typos)) {
      best = { typos: previous[j], length: j };
    }
  }
  return best;
}
