import { describe, expect, it } from 'vitest';
import { siteView } from '../../../src/lib/views/context.ts';
import { homeView } from '../../../src/lib/views/home.ts';
import { searchFacets } from '../../../src/lib/views/search.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();

describe('homeView', () => {
  it('numbers, latest meetings with their series (unless the title names it), series by last meeting', () => {
    const view = homeView(ctx, 2);
    expect(view.totals).toEqual({ meetings: 3, series: 2, people: 4, issues: 2, topics: 0 });
    expect(view.latest).toEqual([
      { date: '2023-05-17', link: { label: 'Rollout review', href: '/m/alpha/2023-05-17/' }, series: { label: 'Alpha', href: '/m/alpha/' } },
      { date: '2023-05-10', link: { label: 'Alpha 2023-05-10', href: '/m/alpha/2023-05-10/' } }, // the title names the series: no chip
    ]);
    expect(view.series.map((s) => [s.link.label, s.count])).toEqual([['Alpha', 2], ['Beta', 1]]);
    expect(view.head.title).toBe('Acme minutes');
  });
});

describe('siteView', () => {
  it('every link below the base', () => {
    const site = siteView(ctx);
    expect([site.home, site.search, site.feed.href, site.favicon]).toEqual(['/m/', '/m/search/', '/m/rss.xml', '/m/favicon.svg']);
    expect(site.nav.map((l) => l.href).every((h) => h.startsWith('/m/'))).toBe(true);
    expect(site.footer.map((l) => l.label)).toEqual(['About this archive', 'Build report', 'RSS', 'meetings.json']);
  });
});

describe('searchFacets', () => {
  it('counts come from the indexes: series by name, years newest first, attendees by name', () => {
    const facets = searchFacets(ctx);
    expect(facets.series).toEqual([{ value: 'alpha', label: 'Alpha', count: 2 }, { value: 'beta', label: 'Beta', count: 1 }]);
    expect(facets.years).toEqual([{ value: '2023', label: '2023', count: 2 }, { value: '2022', label: '2022', count: 1 }]);
    expect(facets.people.map((p) => [p.label, p.count])).toEqual([['ada', 3], ['Bob Byte', 1], ['cyd', 1], ['dee', 1]]);
    expect(facets.seriesNames).toEqual({ alpha: 'Alpha', beta: 'Beta' });
  });

  it('writes filter values as pagefind indexes them (no commas)', () => {
    expect(searchFacets(makeContext()).people.find((p) => p.label === 'Bob Byte')?.value).toBe('bob byte');
  });
});
