import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';

/**
 * What axe finds wrong inside `selector`, one line per rule with the
 * elements it names: empty when nothing is.
 */
export async function axeFindings(
  page: Page,
  selector: string
): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include(selector)
    .analyze();
  return violations.map(
    v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`
  );
}
