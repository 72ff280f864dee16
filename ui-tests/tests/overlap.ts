import { Page } from '@playwright/test';

/**
 * Pairs of visible controls inside `selector` whose boxes overlap (a button
 * painted over a field), named by their accessible labels: empty when none.
 */
export async function overlappingControls(
  page: Page,
  selector: string
): Promise<string[]> {
  return page.locator(selector).evaluate(root => {
    const controls = Array.from(
      root.querySelectorAll<HTMLElement>('button, input, textarea, select')
    )
      .map(element => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const name = (e: HTMLElement) =>
      e.getAttribute('aria-label') ||
      (e as HTMLInputElement).labels?.[0]?.textContent ||
      e.textContent ||
      e.tagName;
    const found: string[] = [];
    controls.forEach((a, i) =>
      controls.slice(i + 1).forEach(b => {
        const overlaps =
          a.box.left < b.box.right - 1 &&
          b.box.left < a.box.right - 1 &&
          a.box.top < b.box.bottom - 1 &&
          b.box.top < a.box.bottom - 1;
        // A checkbox or radio sits inside its label, never over another control.
        if (overlaps && !a.element.contains(b.element)) {
          found.push(`${name(a.element)} / ${name(b.element)}`);
        }
      })
    );
    return found;
  });
}
