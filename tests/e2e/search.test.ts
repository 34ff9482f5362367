/**
 * The search page in headless Chromium against the production build of the
 * sample site (base path /minutes) served on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SearchPage } from './pages/SearchPage.ts';
import { useServedSite } from './served-site.ts';

const site = inject('sites').sample;
const served = useServedSite(site);
const open = (query = '') => SearchPage.open(served.browser, served.url, query);

describe('search page (sample site, base /minutes)', () => {
  it('offers the filters before anything is typed', async () => {
    const search = await open();
    expect(await search.options('series')).toEqual(expect.arrayContaining(['', 'iaas', 'container']));
    expect((await search.options('year')).length).toBeGreaterThan(2);
    expect((await search.options('participant')).length).toBeGreaterThan(2);
    expect(await search.missingIndexShown()).toBe(false);
    await search.close();
  });

  it('finds a topic and lands on its section with the terms marked', async () => {
    const search = await open();
    const found = await search.type('ceph quincy');
    expect(found.length).toBeGreaterThan(0);
    const top = found[0]!;
    expect(top.path).toBe('/minutes/iaas/2023-09-06/');
    expect(top.hash).toMatch(/^#ceph-upgrade/);
    expect(top.section).toMatch(/Ceph upgrade: Pacific -> Quincy/i);
    expect(top.series).toBe('Team IaaS');
    expect(top.date).toBe('2023-09-06');
    expect(top.marks.some((m) => m.startsWith('ceph') || m.startsWith('quincy'))).toBe(true);

    const { page } = search;
    await page.click('.search-result a.result-link');
    await page.waitForURL(/\/minutes\/iaas\/2023-09-06\//);
    const url = new URL(page.url());
    expect(url.hash).toBe(top.hash);
    // The anchor exists on the page and the query terms are marked in the content.
    expect(await page.$(`[id="${decodeURIComponent(url.hash.slice(1))}"]`)).not.toBeNull();
    await page.waitForSelector('[data-pagefind-body] mark.search-hit');
    const marked = await page.$$eval('[data-pagefind-body] mark.search-hit', (ms) => ms.map((m) => m.textContent!.toLowerCase()));
    expect(marked).toEqual(expect.arrayContaining(['quincy']));
    expect(search.errors).toEqual([]);
    await search.close();
  });

  it('keeps query, filters and order in the URL, and restores them on load', async () => {
    const search = await open();
    const all = await search.type('zuul');
    const seriesSeen = new Set(all.map((r) => r.path.split('/')[2]));
    expect(seriesSeen.size).toBeGreaterThan(1);

    const iaas = await search.choose('series', 'iaas');
    expect(iaas.length).toBeGreaterThan(0);
    expect(iaas.length).toBeLessThan(all.length);
    expect(iaas.every((r) => r.path.startsWith('/minutes/iaas/'))).toBe(true);

    const byDate = await search.choose('sort', 'date');
    const dates = byDate.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const url = new URL(search.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'zuul', series: 'iaas', sort: 'date' });

    // A fresh page with the same URL shows the same search.
    const again = await open(url.search);
    expect(await again.state()).toEqual({ q: 'zuul', series: 'iaas', year: '', participant: '', sort: 'date' });
    expect((await again.results()).map((r) => r.path + r.hash)).toEqual(byDate.map((r) => r.path + r.hash));
    await again.close();
    await search.close();
  });

  it('filters by year and by participant without a query', async () => {
    const search = await open('?year=2024');
    const y2024 = await search.results();
    expect(y2024.length).toBeGreaterThan(0);
    expect(y2024.every((r) => r.date.startsWith('2024'))).toBe(true);

    const person = (await search.options('participant'))[1]!;
    const p2 = await open(`?participant=${encodeURIComponent(person)}&sort=date`);
    const theirs = await p2.results();
    expect(theirs.length).toBeGreaterThan(0);
    // Every result is a meeting that lists this person.
    for (const r of theirs.slice(0, 3)) {
      const m = await served.browser.newPage();
      await m.goto(`${new URL(served.url).origin}${r.path}`);
      expect(await m.$$eval('[data-pagefind-filter^="participant:"]', (els, key) => els.some((e) => e.getAttribute('data-pagefind-filter') === `participant:${key}`), person)).toBe(true);
      await m.close();
    }
    await p2.close();
    await search.close();
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const search = await open('?q=keycloak+upgrade');
    const { page } = search;
    const found = await search.results();
    expect(found.length).toBeGreaterThan(1);
    await page.focus('[data-search-main]');
    // The query names a topic: it comes first, then the meetings.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-topic]')?.getAttribute('data-topic'))).toBe('keycloak-upgrade');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelector('.search-result'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(new URL(second).pathname + new URL(second).hash).toBe(found[1]!.path + found[1]!.hash);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-main'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((u) => u.pathname === found[0]!.path), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).hash).toBe(found[0]!.hash);
    await search.close();
  });

  it('"/" focuses search from any page; the header box leads to the search page', async () => {
    const search = await SearchPage.at(served.browser, `${served.url}iaas/`);
    const { page } = search;
    await page.click('body', { position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    expect(focused).toBe('q');
    await page.keyboard.type('zuul secret names');
    await Promise.all([page.waitForURL(/\/minutes\/search\/\?q=zuul/), page.keyboard.press('Enter')]);
    const found = await search.results();
    expect(found[0]!.path).toBe('/minutes/container/2024-02-26/');
    expect(found[0]!.hash).toMatch(/^#zuul-secret-names/);
    // On the search page itself, "/" goes to the main box, not the header one.
    await page.focus('body');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-main'))).toBe(true);
    await search.close();
  });

  it('normalises issue references and pasted GitHub URLs', async () => {
    const search = await open();
    expect((await search.type('ceph upgrade #214')).length).toBeGreaterThan(0);
    // The issue page comes first once the site has issue pages (they carry the tokens, see src/scripts/search.ts).
    const issuePage = existsSync(path.join(site.outDir, 'issues/examplecloud/issues/214/index.html'));
    for (const q of ['examplecloud/issues#214', 'issues#214', 'https://github.com/examplecloud/issues/issues/214#issuecomment-1893321456']) {
      const found = await search.type(q);
      expect(found.length, q).toBeGreaterThan(0);
      if (issuePage) expect(found[0]!.path, q).toBe('/minutes/issues/examplecloud/issues/214/');
    }
    await search.close();
  });
});
