/**
 * The statistics the benches report: medians, a bootstrap interval for a
 * median, and the verdict of a figure of ours read against the A/A control.
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A seeded generator, so that one run's interval can be reproduced.
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The median of `values` with its 95% bootstrap interval.
 */
export function medianWithInterval(values, resamples = 2000) {
  const next = random(13);
  const medians = [];
  for (let i = 0; i < resamples; i++) {
    medians.push(
      median(values.map(() => values[Math.floor(next() * values.length)]))
    );
  }
  medians.sort((a, b) => a - b);
  return {
    median: median(values),
    low: medians[Math.floor(resamples * 0.025)],
    high: medians[Math.floor(resamples * 0.975)]
  };
}

/**
 * Ours against the A/A control, round by round. `ours` and `control` are
 * each round's figure over plain (the same plain load for both), so their
 * difference leaves out what the round shared, the machine's mood included.
 *
 * - `difference`: the median of ours minus control, with its interval;
 * - `noise`: the control over plain, with its interval: what two identical
 *   servers differ by on this machine now;
 * - `verdict`: 'noisy' when the noise's interval is wider than `bound`
 *   (nothing that small can be told apart: not a failure, said as such);
 *   otherwise 'holds' when the difference's upper end is under `bound` (and,
 *   with `zeroInside`, its interval contains 0: no measurable difference at
 *   all), else 'over'.
 */
export function againstControl(ours, control, { bound, zeroInside = false }) {
  const difference = medianWithInterval(ours.map((o, i) => o - control[i]));
  const noise = medianWithInterval(control);
  let verdict;
  if (noise.high - noise.low > bound) {
    verdict = 'noisy';
  } else {
    const zero = !zeroInside || (difference.low <= 0 && difference.high >= 0);
    verdict = zero && difference.high < bound ? 'holds' : 'over';
  }
  return { difference, noise, verdict };
}
