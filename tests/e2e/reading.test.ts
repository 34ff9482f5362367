import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from './served-site.ts';

// The sample content (base /minutes): main pages read well on a phone, in both themes, for everyone.
const site = inject('sites').sample;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const served = useServedSite(site);

/** The main pages: home, a meeting, a person, an issue, search (person and issue found by following links). */
async function mainPages(page: Page): Promise<string[]> {
  await page.goto(`${served.url}people/`);
  const person = await page.locator('main a[href*="/people/"]:not([href$="/people/"])').first().getAttribute('href');
  await page.goto(`${served.url}issues/`);
  const issue = await page.locator('main a[href*="/issues/"]:not([href$="/issues/"])').first().getAttribute('href');
  return [served.url, `${served.url}iaas/2024-01-17/`, new URL(person!, served.url).href, new URL(issue!, served.url).href, `${served.url}search/?q=keycloak`];
}

describe('reading experience', () => {
  it('has no horizontal scroll at 360 px on the main pages', async () => {
    const page = await served.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const url of await mainPages(page)) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('toggles the theme and keeps the choice across pages', async () => {
    const context = await served.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(served.url);
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    await page.locator('[data-theme-toggle]').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await bg()).not.toBe(light);
    await page.goto(`${served.url}iaas/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await bg()).not.toBe(light);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations (%s)', async (scheme) => {
    // bypassCSP: axe is injected by the test, which the site's CSP rightly forbids.
    const context = await served.browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    for (const url of await mainPages(page)) {
      await page.goto(url);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, url).toEqual([]);
    }
    await context.close();
  });
});
