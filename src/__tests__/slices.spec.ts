/**
 * Work cut into slices ends with what it gives in one go, and lets what
 * waits (a keystroke) run between its slices. Slices are timed by a counter,
 * not a clock: each reading of it is one step.
 */
import fc from 'fast-check';

import { atOnce, inSlices, Work } from '../slices';

/**
 * A clock that moves on by one at each reading.
 */
function counter(): () => number {
  let t = 0;
  return () => t++;
}

const RUNS = { seed: 20261208, numRuns: 300 };

const tick = () => new Promise<void>(resolve => setTimeout(resolve, 0));

/**
 * Sums `values`, pausing after each, and says which it read between pauses.
 */
function* summing(values: number[], log: string[]): Work<number> {
  let sum = 0;
  for (const v of values) {
    sum += v;
    log.push(`step ${v}`);
    yield;
  }
  return sum;
}

describe('work in slices', () => {
  it('gives what it gives at once, whatever the slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        async (values, budgetMs) => {
          const sliced = await inSlices(summing(values, []), {
            budgetMs,
            now: counter(),
            pause: tick
          });
          expect(sliced).toBe(atOnce(summing(values, [])));
        }
      ),
      RUNS
    );
  });

  it('lets input waiting run between two slices', async () => {
    const log: string[] = [];
    const done = inSlices(summing([1, 2, 3, 4, 5, 6], log), {
      budgetMs: 2,
      now: counter()
    }).then(() => log.push('done'));
    // Queued once the first slice has run: a keystroke arriving meanwhile.
    await tick();
    setTimeout(() => log.push('key'), 0);
    await done;
    const key = log.indexOf('key');
    expect(key).toBeGreaterThan(log.indexOf('step 1'));
    expect(key).toBeLessThan(log.indexOf('step 6'));
  });

  it('stops at a pause once the work is no longer wanted', async () => {
    const log: string[] = [];
    let wanted = true;
    const result = inSlices(summing([1, 2, 3, 4, 5, 6], log), {
      budgetMs: 2,
      now: counter(),
      pause: tick,
      wanted: () => wanted
    });
    await tick();
    wanted = false;
    expect(await result).toBeUndefined();
    expect(log.length).toBeLessThan(6);
  });
});
