/**
 * Search quality on the real SCS archive (../shared/corpus/scs-minutes, built
 * with base /minutes): topic queries, chosen by reading the minutes, must show
 * their meeting and section in the top 3 of the search page. Also prints (does
 * not assert) the performance figures: bytes for the first query, median query
 * time, and pagefind's share of the build.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveDist, type DistServer } from '../e2e/browser.ts';

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
let page: Page;
const haveCorpus = existsSync(site.outDir);

beforeAll(async () => {
  if (!haveCorpus) return;
  server = await serveDist(site.outDir, site.base);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${server.url}search/`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(q: string) {
  await page.fill('[data-search-main]', q);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q && document.querySelector('[data-search-root]')?.getAttribute('data-state') === 'done', q);
  return page.$$eval('.search-result', (items) =>
    items.slice(0, 3).map((li) => {
      const a = li.querySelector<HTMLAnchorElement>('a.result-link')!;
      const url = new URL(a.href);
      return { path: url.pathname, hash: url.hash, section: li.querySelector('.result-section')?.textContent ?? '' };
    }),
  );
}

describe.skipIf(!haveCorpus)('search quality on the SCS archive', () => {
  it.each(CASES)('"$q" → $meeting', async ({ q, meeting, section }) => {
    const top = await search(q);
    const want = `${site.base}${meeting}`;
    const hit = top.find((r) => r.path === want && section.test(r.section));
    expect(hit, `top 3 for "${q}": ${JSON.stringify(top, null, 1)}`).toBeDefined();
    expect(hit!.hash.length).toBeGreaterThan(1);
  });

  it('issue references find the issue page first (when the site has issue pages)', async () => {
    const hasIssuePages = existsSync(`${site.outDir}/issues/sovereigncloudstack/standards/199/index.html`);
    if (!hasIssuePages) return;
    for (const q of ['standards#199', 'SovereignCloudStack/standards#199', 'https://github.com/SovereignCloudStack/standards/issues/199']) {
      const [first] = await search(q);
      expect(first?.path, q).toBe(`${site.base}issues/sovereigncloudstack/standards/199/`);
    }
  });

  it('measures: first query bytes, median query time, indexing share (printed, not asserted)', async () => {
    // A new context: no HTTP cache and no pagefind worker shared with the page used above.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    server.transferred.clear();
    await fresh.goto(`${server.url}search/`, { waitUntil: 'load' });
    await fresh.waitForFunction(() => document.querySelector('[data-search-root]')?.getAttribute('data-state') === 'idle');
    if (process.env['SEARCH_PERF_FILES']) console.log([...server.transferred.entries()]);
    const loadBytes = [...server.transferred.entries()].filter(([k]) => k.includes('/pagefind/')).reduce((s, [, n]) => s + n, 0);
    server.transferred.clear();
    await fresh.fill('[data-search-main]', 'ceph quincy');
    await fresh.waitForFunction(() => document.querySelector('[data-search-root]')?.getAttribute('data-state') === 'done');
    const queryFiles = [...server.transferred.entries()];
    const queryBytes = queryFiles.reduce((s, [, n]) => s + n, 0);
    if (process.env['SEARCH_PERF_FILES']) console.log(queryFiles);
    // A string, so that vitest does not rewrite the dynamic import for Node.
    const times = (await fresh.evaluate(`(async () => {
      const pf = await import(${JSON.stringify(`${server.url}pagefind/pagefind.js`)});
      const qs = ['keycloak upgrade', 'zuul secrets', 'volume backup', 'security groups', 'stackmon', 'node distribution', 'tls mozilla', 'gaia-x', 'cluster stacks', 'image manager', 'status page', 'sbom'];
      const out = [];
      for (const q of qs) {
        const t = performance.now();
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
        out.push(performance.now() - t);
      }
      return out;
    })()`)) as number[];
    await context.close();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const indexed = /indexed (\d+) of (\d+) pages in (\d+) ms/.exec(site.output);
    const built = /built site "corpus" in|\[build\] (\d+) page\(s\) built in ([\d.]+)(m?s)/.exec(site.output);
    console.log(
      [
        `search perf on the corpus: pagefind files loaded with the search page ${(loadBytes / 1024).toFixed(1)} KB;`,
        `first query "ceph quincy" ${(queryBytes / 1024).toFixed(1)} KB more (together ${((loadBytes + queryBytes) / 1024).toFixed(1)} KB, gzip for JS);`,
        `query+top-5 data median ${median.toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)});`,
        `pagefind indexing: ${indexed ? `${indexed[3]} ms for ${indexed[1]} pages` : 'n/a'}; build: ${built?.[2] ?? 'n/a'}${built?.[3] ?? ''}`,
      ].join('\n  '),
    );
  });
});
