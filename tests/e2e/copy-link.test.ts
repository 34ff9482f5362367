import { describe, expect, inject, it } from 'vitest';
import { useServedSite } from './served-site.ts';

// The sample content, built with BASE_PATH=/minutes.
const site = inject('sites').sample;
const served = useServedSite(site);

describe('copy link to a section', () => {
  it('copies the URL and a Markdown citation with the keyboard', async () => {
    const context = await served.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.url).origin });
    const page = await context.newPage();
    await page.goto(`${served.url}iaas/2024-01-17/`);
    const heading = page.locator('.minutes h3[id]').first();
    const anchor = await heading.getAttribute('id');
    const text = (await heading.evaluate((h) => {
      const c = h.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.heading-anchor, .copy-link').forEach((n) => n.remove());
      return c.textContent!.trim();
    }));
    const toggle = heading.locator('.copy-link-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-copy'))).toBe('url');
    await page.keyboard.press('Enter');
    const url = `${served.url}iaas/2024-01-17/#${anchor}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    await toggle.click();
    await heading.locator('[data-copy="markdown"]').click();
    const label = await page.locator('article[data-cite-label]').getAttribute('data-cite-label');
    expect(label).toMatch(/^\S.* 2024-01-17$/);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`[${label} › ${text}](${url})`);
    await context.close();
  });

  it('keeps a plain anchor link on every heading without JS', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}iaas/2024-01-17/`);
    const ids = await page.locator('.minutes :is(h2,h3)[id]').evaluateAll((hs) => hs.map((h) => [h.id, h.querySelector('a.heading-anchor')?.getAttribute('href')]));
    expect(ids.length).toBeGreaterThan(2);
    for (const [id, href] of ids) expect(href).toBe(`#${id}`);
    expect(await page.locator('.copy-link').count()).toBe(0);
    await context.close();
  });
});
