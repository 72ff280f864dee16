/**
 * The bench's own statistics (node --test bench/, run by `make bench`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { againstControl, medianWithInterval } from './stats.mjs';

// A seeded generator of the kind of noise two identical servers show.
function noise(seed, spread) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31 - 0.5) * spread;
  };
}

const rounds = (n, f) => Array.from({ length: n }, (_, i) => f(i));

test('the interval of a median holds the median', () => {
  const values = rounds(15, noise(1, 10));
  const { median, low, high } = medianWithInterval(values);
  assert.ok(low <= median && median <= high);
});

test('ours like the control holds', () => {
  const jitter = noise(2, 0.02);
  const result = againstControl(
    rounds(12, () => jitter()),
    rounds(12, () => jitter()),
    { bound: 0.03, zeroInside: true }
  );
  assert.equal(result.verdict, 'holds');
});

test('an added 100 ms is over a 50 ms budget, whatever the rounds share', () => {
  const shared = rounds(12, noise(3, 40));
  const own = noise(4, 10);
  const result = againstControl(
    shared.map(s => s + 100 + own()),
    shared.map(s => s + own()),
    { bound: 50 }
  );
  assert.equal(result.verdict, 'over');
  assert.ok(result.difference.low > 80);
});

test('a small but certain slowdown fails where none may be measured', () => {
  const jitter = noise(5, 0.002);
  const result = againstControl(
    rounds(12, () => 0.01 + jitter()),
    rounds(12, () => jitter()),
    { bound: 0.03, zeroInside: true }
  );
  assert.equal(result.verdict, 'over');
  // The same figure under a budget that allows it holds.
  const allowed = againstControl(
    rounds(12, () => 0.01 + jitter()),
    rounds(12, () => jitter()),
    { bound: 0.03 }
  );
  assert.equal(allowed.verdict, 'holds');
});

test('a control wider than the bound cannot tell anything apart', () => {
  const wide = noise(6, 0.4);
  const result = againstControl(
    rounds(12, () => wide()),
    rounds(12, () => wide()),
    { bound: 0.03, zeroInside: true }
  );
  assert.equal(result.verdict, 'noisy');
});
