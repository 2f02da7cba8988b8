import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: the rules the desk keeps at zero on every screen and dialog. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now and fails with each violation's rule, impact and first targets.
 * The map canvas is left out: it is one labelled image whose pixels axe cannot judge.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    // Experimental in axe, so off by default: a speech-input user must be able to say what they see (WCAG 2.5.3).
    // options() before withTags(): options() replaces the run options, withTags() then restricts them.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .withTags(WCAG_TAGS)
    .exclude('.ol-viewport canvas')
    .analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
  expect(summary, `axe on ${screen}`).toEqual([]);
}
