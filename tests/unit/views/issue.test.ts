import { describe, expect, it } from 'vitest';
import { issuesSearchData, issueView } from '../../../src/lib/views/issue.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();
const excerpts: Record<string, string[]> = { 'alpha/2023-05-17': ['<li>a</li>', '<li>a</li>', '<li>b</li>'], 'beta/2022-01-03': ['<p>c</p>'] };

describe('issueView', () => {
  const view = issueView(ctx, 'acme/tool#7', (id) => excerpts[id]);

  it('tells the story oldest first, one chapter per meeting, one place per section', () => {
    expect(view.chapters).toEqual([
      { meetingHref: '/m/beta/2022-01-03/', date: '2022-01-03', series: { label: 'Beta', href: '/m/beta/' }, places: [{ section: { label: 'Top of the minutes', href: '/m/beta/2022-01-03/' }, excerpts: ['<p>c</p>'] }] },
      {
        meetingHref: '/m/alpha/2023-05-17/',
        date: '2023-05-17',
        series: { label: 'Alpha', href: '/m/alpha/' },
        title: 'Rollout review',
        // two mentions in one list item: the excerpt once
        places: [{ section: { label: 'Rollout', href: '/m/alpha/2023-05-17/#rollout' }, excerpts: ['<li>a</li>'] }],
      },
    ]);
  });

  it('summary, links and head', () => {
    expect(view.seriesNames).toEqual(['Beta', 'Alpha']);
    expect([view.meetingCount, view.first, view.last]).toEqual([2, '2022-01-03', '2023-05-17']);
    expect(view.feed).toBe('/m/issues/acme/tool/7/rss.xml');
    expect(view.json).toBe('/m/api/issues/acme/tool/7.json');
    expect(view.head.description).toBe('acme/tool#7 in the minutes: discussed in 2 meetings from 2022-01-03 to 2023-05-17 (Beta, Alpha).');
    expect(view.head.crumbs?.[1]).toEqual({ label: 'acme/tool', href: '/m/issues/#repo-acme-tool' });
  });

  it('shows no excerpt where the loader rendered none', () => {
    const bare = issueView(ctx, 'acme/web#2', () => undefined);
    expect(bare.chapters[0]!.places[0]!.excerpts).toEqual([]);
    expect(bare.head.description).toContain('discussed in 1 meeting on 2023-05-17');
  });
});

describe('issuesSearchData', () => {
  it('lists every issue with the summary its page shows', () => {
    const { issues } = issuesSearchData(ctx);
    expect(issues.map(([key]) => key).sort()).toEqual([...ctx.indexes.issues.keys()].sort());
    expect(issues).toContainEqual(['acme/tool#7', 'Discussed in 2 meetings from 2022-01-03 to 2023-05-17 (Beta, Alpha).']);
    expect(issues).toContainEqual(['acme/web#2', 'Discussed in 1 meeting on 2023-05-17 (Alpha).']);
  });
});
