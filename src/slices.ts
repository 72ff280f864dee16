import { idle } from './idle';

/**
 * Work that can stop between any two steps: a generator that yields where a
 * pause changes nothing of what it makes, and returns its result.
 */
export type Work<T> = Generator<void, T, void>;

export interface ISliceOptions {
  /**
   * How long one slice may run, in ms; under the 50 ms of a long task with
   * room for a step that runs over.
   */
  budgetMs?: number;
  /**
   * The clock slices are timed by (tests pass a counter).
   */
  now?: () => number;
  /**
   * Waits between slices: by default until the browser is idle, so that
   * input waiting is handled first.
   */
  pause?: () => Promise<void>;
  /**
   * Checked after each pause: work no longer wanted (a newer document came)
   * stops there, and resolves undefined.
   */
  wanted?: () => boolean;
}

const BUDGET_MS = 10;

/**
 * Run `work` to its end now, in one task: what a view needs at once.
 */
export function atOnce<T>(work: Work<T>): T {
  let step = work.next();
  while (!step.done) {
    step = work.next();
  }
  return step.value;
}

/**
 * Run `work` in slices of at most about `budgetMs`, each after a pause; the
 * result is the one `atOnce` gives.
 */
export async function inSlices<T>(
  work: Work<T>,
  options: ISliceOptions = {}
): Promise<T | undefined> {
  const {
    budgetMs = BUDGET_MS,
    now = () => performance.now(),
    pause = idle,
    wanted = () => true
  } = options;
  for (;;) {
    await pause();
    if (!wanted()) {
      work.return(undefined as T);
      return undefined;
    }
    const start = now();
    let step = work.next();
    while (!step.done && now() - start < budgetMs) {
      step = work.next();
    }
    if (step.done) {
      return step.value;
    }
  }
}
