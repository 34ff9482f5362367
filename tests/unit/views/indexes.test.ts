import { describe, expect, it } from 'vitest';
import { issuesIndexView, peopleIndexView, rankSeries } from '../../../src/lib/views/indexes.ts';
import { CONFIG, makeContext } from './fixture.ts';

const ctx = makeContext();

describe('rankSeries', () => {
  it('most first, ties in their order, display names', () => {
    expect(rankSeries(CONFIG, [['beta', 1], ['alpha', 3], ['gamma', 1]])).toEqual([
      { name: 'Alpha', count: 3 },
      { name: 'Beta', count: 1 },
      { name: 'Gamma', count: 1 },
    ]);
  });
});

describe('peopleIndexView', () => {
  const view = peopleIndexView(ctx);
  it('lists attendees by attendance with bars and series', () => {
    expect(view.rows.map((r) => [r.link.label, r.meetings, r.barPercent])).toEqual([
      ['ada', 3, '100.0'],
      ['Bob Byte', 1, '33.3'],
      ['cyd', 1, '33.3'],
      ['dee', 1, '33.3'],
    ]);
    expect(view.rows[0]!.series).toEqual([{ name: 'Alpha', count: 2 }, { name: 'Beta', count: 1 }]);
    expect(view.attendedCount).toBe(4);
    expect(view.meetingTotal).toBe(3);
    expect(view.assignedOnly).toEqual([]);
  });
});

describe('issuesIndexView', () => {
  const view = issuesIndexView(ctx);
  it('groups by repository, with series per issue and ranked highlights', () => {
    expect(view.issueTotal).toBe(2);
    expect(view.mostDiscussed[0]).toEqual({ label: 'acme/tool#7', href: '/m/issues/acme/tool/7/', meetings: 2 });
    expect(view.recent.map((r) => r.last)).toEqual(['2023-05-17', '2023-05-17']);
    expect(view.groups.map((g) => [g.repoKey, g.summary])).toEqual([
      ['acme/tool', '1 issue, discussed in 2 meetings · 2022-01-03 – 2023-05-17'],
      ['acme/web', '1 issue, discussed in 1 meeting · 2023-05-17 – 2023-05-17'],
    ]);
    // two mentions in alpha, one in beta: alpha first
    expect(view.groups[0]!.issues[0]!.series).toBe('Alpha, Beta');
    expect(view.repoNav.map((r) => r.href)).toEqual(['#repo-acme-tool', '#repo-acme-web']);
  });
});
