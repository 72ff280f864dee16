/**
 * The statistics the benches report: medians, and a bootstrap interval for
 * the median of pairwise ratios.
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
 * The median of `ratios` with its 95% bootstrap interval.
 */
export function medianWithInterval(ratios, resamples = 2000) {
  const next = random(13);
  const medians = [];
  for (let i = 0; i < resamples; i++) {
    medians.push(
      median(ratios.map(() => ratios[Math.floor(next() * ratios.length)]))
    );
  }
  medians.sort((a, b) => a - b);
  return {
    median: median(ratios),
    low: medians[Math.floor(resamples * 0.025)],
    high: medians[Math.floor(resamples * 0.975)]
  };
}
