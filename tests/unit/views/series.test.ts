import { describe, expect, it } from 'vitest';
import { seriesView } from '../../../src/lib/views/series.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();

describe('seriesView', () => {
  const alpha = seriesView(ctx, 'alpha');

  it('names, summary and feed', () => {
    expect(alpha.name).toBe('Alpha');
    expect(alpha.summary).toBe('2 meetings, 2023-05-10 – 2023-05-17');
    expect(alpha.head).toEqual({ title: 'Alpha meetings', crumbs: [{ label: 'Meetings', href: '/m/' }, { label: 'Alpha' }], feeds: [{ title: 'Alpha meetings', href: '/m/alpha/rss.xml' }] });
  });

  it('rows: a title only when it says more than the date, attendance bars scaled to the largest', () => {
    expect(alpha.years.map((y) => y.year)).toEqual(['2023']);
    expect(alpha.years[0]!.meetings).toEqual([
      { href: '/m/alpha/2023-05-17/', date: '2023-05-17', slug: '2023-05-17', title: 'Rollout review', attendance: 3, barPercent: '100' },
      { href: '/m/alpha/2023-05-10/', date: '2023-05-10', slug: '2023-05-10', attendance: 1, barPercent: '33' },
    ]);
    expect(alpha.showAttendance).toBe(true);
  });

  it('ranks participants and issues of the series', () => {
    expect(alpha.topParticipants[0]).toEqual({ person: { label: 'ada', href: '/m/people/ada/' }, count: 2 });
    expect(alpha.topIssues).toEqual([
      { label: 'acme/tool#7', href: '/m/issues/acme/tool/7/', count: 1 },
      { label: 'acme/web#2', href: '/m/issues/acme/web/2/', count: 1 },
    ]);
  });

  it('a capitalised folder name when the config names no series', () => {
    expect(seriesView(ctx, 'beta').name).toBe('Beta');
  });
});
