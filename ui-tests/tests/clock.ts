import { Page } from '@playwright/test';

/**
 * Move the page's clock on by `seconds`, as if that much time had passed:
 * the panel asks its sources again on opening only when their last answer is
 * old, and a test must not wait half a minute for that.
 */
export async function moveClockOn(page: Page, seconds: number): Promise<void> {
  await page.evaluate(later => {
    const Real = Date;
    class Later extends Real {
      constructor(...args: any[]) {
        super(...((args.length ? args : [Real.now() + later]) as []));
      }
      static now() {
        return Real.now() + later;
      }
    }
    (window as any).Date = Later;
  }, seconds * 1000);
}
