/**
 * Topics in headless Chromium against the production build of the sample
 * site (base /minutes): topic results on the search page, the thread page, and
 * the note at a meeting's section; phone width without horizontal scroll.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from './served-site.ts';

const site = inject('sites').sample;
const served = useServedSite(site);

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page & { errors: string[] }> {
  const context = await served.browser.newContext(viewport ? { viewport, isMobile: true } : {});
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${served.url}${path}`);
  return page;
}

async function searchFor(page: Page, q: string) {
  await page.fill('[data-search-main]', q);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q && document.querySelector('[data-search-root]')?.getAttribute('data-state') === 'done', q);
}

describe('topics (sample site, base /minutes)', () => {
  it('answers a query that names a topic with the topic first, its meetings one click away', async () => {
    const page = await open('search/');
    await searchFor(page, 'keycloak upgrade');
    const topics = await page.$$eval('[data-topic-results] [data-topic]', (items) =>
      items.map((li) => ({
        key: li.getAttribute('data-topic'),
        title: li.querySelector('.result-title')?.textContent,
        meta: li.querySelector('.result-meta')?.textContent,
        meetings: [...li.querySelectorAll<HTMLAnchorElement>('a[data-topic-meeting]')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(topics[0]).toEqual({
      key: 'keycloak-upgrade',
      title: 'Keycloak upgrade',
      meta: expect.stringMatching(/IaaS.*3 meetings.*2024-01-17 – 2024-03-20/),
      meetings: expect.arrayContaining([expect.stringMatching(/^\/minutes\/iaas\/2024-01-17[^/]*\/#.*keycloak-upgrade/)]),
    });
    const [topicTop, firstResultTop] = await Promise.all([
      page.$eval('[data-topic="keycloak-upgrade"]', (e) => e.getBoundingClientRect().top),
      page.$eval('.search-result', (e) => e.getBoundingClientRect().top),
    ]);
    expect(topicTop).toBeLessThan(firstResultTop);

    // One click: a meeting of the thread, at its section.
    const href = topics[0]!.meetings[0]!;
    await page.click(`[data-topic="keycloak-upgrade"] a[href="${href}"]`);
    await page.waitForURL((u) => u.pathname === href.split('#')[0]);
    expect(await page.$(`[id="${decodeURIComponent(href.split('#')[1]!)}"]`)).not.toBeNull();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows no topics for a query that names none, nor for an issue reference', async () => {
    const page = await open('search/?q=quincy+everywhere+today');
    await page.waitForSelector('[data-search-root][data-state="done"]');
    expect(await page.$$('[data-topic-results] [data-topic]')).toHaveLength(0);
    expect(await page.$eval('[data-topic-results]', (e) => (e as HTMLElement).hidden)).toBe(true);
    // An issue reference finds its issue page first, no topic in between.
    await searchFor(page, 'keycloak-setup#45');
    expect(await page.$$('[data-topic-results] [data-topic]')).toHaveLength(0);
    await page.close();
  });

  it('tells the thread on the topic page, and notes it at each section with prev/next', async () => {
    const page = await open('topics/keycloak-upgrade/');
    expect(await page.textContent('h1')).toBe('Keycloak upgrade');
    expect(await page.textContent('.issue-summary')).toMatch(/Discussed in 3 meetings, first on 2024-01-17, last on 2024-03-20/);
    const sections = await page.$$eval('.story-section a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(sections).toHaveLength(3);
    // The middle meeting's section links the thread and its neighbours.
    await page.goto(`${new URL(served.url).origin}${sections[1]}`);
    const note = await page.$eval('[data-topic-note="keycloak-upgrade"]', (p) => ({
      text: p.textContent,
      links: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(note.text).toMatch(/Also discussed in 2 other meetings/);
    expect(note.links).toEqual(['/minutes/topics/keycloak-upgrade/', sections[0], sections[2]]);
    await page.close();
  });

  it.each(['topics/', 'topics/keycloak-upgrade/', 'search/?q=image+metadata'])('%s fits a 360 px phone (no horizontal scroll)', async (path) => {
    const page = await open(path, { width: 360, height: 740 });
    if (path.startsWith('search')) await page.waitForSelector('[data-search-root][data-state="done"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
