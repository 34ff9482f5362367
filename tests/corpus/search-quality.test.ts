/**
 * Search quality on the real SCS archive (../shared/corpus/scs-minutes, built
 * with base /minutes): topic queries, chosen by reading the minutes, must show
 * their meeting and section in the top 3 of the search page. Also prints (does
 * not assert) the performance figures: bytes for the first query, median query
 * time, and pagefind's share of the build.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDist, type DistServer } from '../e2e/browser.ts';
import { SearchPage } from '../e2e/pages/SearchPage.ts';

const site = inject('sites').corpus;

interface Case {
  q: string;
  /** Meeting path below the base. */
  meeting: string;
  /** The section's heading, as shown in the result. */
  section: RegExp;
}

// Each query is phrased the way someone would search, not copied from the heading.
const CASES: Case[] = [
  { q: 'Ceph Quincy', meeting: 'iaas/2023-05-17/', section: /^Ceph Upgrade: Pacific -> Quincy$/ },
  { q: 'zuul secrets prefix', meeting: 'ops/2023-11-02/', section: /prefix for Zuul secrets/ },
  { q: 'central keycloak', meeting: 'ops/2023-12-21/', section: /central Keycloak Instance/ },
  { q: 'volume backup standard', meeting: 'iaas/2024-09-11/', section: /^Volume Backup Standard/ },
  { q: 'security groups standard', meeting: 'iaas/2024-03-06/', section: /^Security Groups Standard/ },
  { q: 'stackmon decision', meeting: 'ops/2024-07-04/', section: /Decision regarding StackMon/ },
  { q: 'node distribution policy', meeting: 'community-call/2024-11-28/', section: /^Node distribution policy$/ },
  { q: 'mozilla TLS recommendations', meeting: 'sig-standardization/2024-05-16/', section: /TLS recommendations from Mozilla/ },
];

let server: DistServer;
let browser: Browser;
let searchPage: SearchPage;

beforeAll(async () => {
  server = await serveDist(site.outDir, site.base);
  browser = await launchBrowser();
  searchPage = await SearchPage.open(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The top 3 results for a query. */
const search = async (q: string) => (await searchPage.search(q)).slice(0, 3).map(({ path, hash, section }) => ({ path, hash, section }));

describe('search quality on the SCS archive', () => {
  it.each(CASES)('"$q" → $meeting', async ({ q, meeting, section }) => {
    const top = await search(q);
    const want = `${site.base}${meeting}`;
    const hit = top.find((r) => r.path === want && section.test(r.section));
    expect(hit, `top 3 for "${q}": ${JSON.stringify(top, null, 1)}`).toBeDefined();
    expect(hit!.hash.length).toBeGreaterThan(1);
  });

  it('"Ceph Quincy" shows the Ceph Pacific -> Quincy thread on the first screen, iaas 2023-05-17 one click away', async () => {
    await search('Ceph Quincy');
    const topics = JSON.parse(await (await fetch(`${server.url}api/topics.json`)).text()) as { topics: { key: string; meetings: { id: string }[] }[] };
    const shown = await searchPage.topics();
    const ceph = shown.find((t) => topics.topics.find((x) => x.key === t.key)?.meetings.some((m) => m.id === 'iaas/2023-05-17'));
    expect(ceph, JSON.stringify(shown)).toBeDefined();
    expect(ceph!.top).toBeLessThan(searchPage.page.viewportSize()!.height);
    expect(ceph!.meetings).toContain(`${site.base}iaas/2023-05-17/#ceph-upgrade-pacific---quincy`);
    // Topics come before the meeting results.
    expect(ceph!.top).toBeLessThan(await searchPage.firstResultTop());
  });

  it('shows no topic for a query that names none', async () => {
    await search('mozilla TLS recommendations');
    expect(await searchPage.topics()).toEqual([]);
  });

  it('issue references find the issue page first', async () => {
    for (const q of ['standards#199', 'SovereignCloudStack/standards#199', 'https://github.com/SovereignCloudStack/standards/issues/199']) {
      const [first] = await search(q);
      expect(first?.path, q).toBe(`${site.base}issues/sovereigncloudstack/standards/199/`);
    }
  });
});
