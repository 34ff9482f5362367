import { describe, expect, it } from 'vitest';
import { FEED_LENGTH, issueFeedView, seriesFeedView, siteFeedView } from '../../../src/lib/views/feed.ts';
import { makeMeeting } from '../indexes/make-meeting.ts';
import { MEETINGS, makeContext } from './fixture.ts';

describe('feed views', () => {
  const ctx = makeContext();
  it('newest first, undated left out', () => {
    const withUndated = makeContext([...MEETINGS, makeMeeting({ id: 'beta/notes', date: null })]);
    expect(siteFeedView(withUndated).items.map((i) => i.link)).toEqual(['/m/alpha/2023-05-17/', '/m/alpha/2023-05-10/', '/m/beta/2022-01-03/']);
  });

  it('titles and items of a series and an issue feed', () => {
    const series = seriesFeedView(ctx, 'alpha');
    expect(series.title).toBe('Alpha meetings · Acme minutes');
    expect(series.items[0]).toEqual({
      title: 'Alpha 2023-05-17: Rollout review',
      link: '/m/alpha/2023-05-17/',
      date: '2023-05-17',
      description: 'Alpha meeting on 2023-05-17. Topics: Rollout',
      categories: ['Alpha'],
    });
    expect(issueFeedView(ctx, 'acme/tool#7').items.map((i) => i.date)).toEqual(['2023-05-17', '2022-01-03']);
  });

  it(`keeps the ${FEED_LENGTH} newest`, () => {
    const many = Array.from({ length: FEED_LENGTH + 5 }, (_, i) => makeMeeting({ id: `alpha/2020-01-${String((i % 28) + 1).padStart(2, '0')}${i >= 28 ? `-${i}` : ''}` }));
    expect(siteFeedView(makeContext(many)).items).toHaveLength(FEED_LENGTH);
  });
});
