import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import { nameSeries, sharedSeriesTitles } from '../../../src/lib/indexes/series-names.ts';
import type { Meeting } from '../../../src/lib/minutes/types.ts';
import { makeMeeting } from './make-meeting.ts';

const config = { ...DEFAULT_CONFIG, seriesNames: { named: 'Configured Name' } };
const meeting = (id: string, title: string, titleSource: NonNullable<Meeting['titleSource']>) => makeMeeting({ id, title, titleSource });

describe('sharedSeriesTitles', () => {
  it.each([
    {
      name: 'most meetings share a heading title',
      meetings: [meeting('meetings/2024-01-09', 'Council Meeting', 'heading'), meeting('meetings/2024-01-23', 'Council Meeting', 'heading'), meeting('meetings/2024-02-06', 'Bootstrap Team', 'heading')],
      names: { meetings: 'Council Meeting' },
    },
    {
      name: 'dates and suffix labels do not split the vote',
      meetings: [meeting('cc/2023-08-31', 'SCS Community Call 2023-08-31 (slides)', 'frontmatter'), meeting('cc/2023-09-07', 'SCS Community Call 2023-09-07', 'frontmatter')],
      names: { cc: 'SCS Community Call' },
    },
    {
      name: 'no majority: no name',
      meetings: [meeting('b/2019-01-14', 'Progression', 'heading'), meeting('b/2020-02-12', 'Code of Conduct', 'heading')],
      names: {},
    },
    {
      name: 'one meeting is no shared title',
      meetings: [meeting('one/2019-01-14', 'Kickoff', 'heading')],
      names: {},
    },
    {
      name: 'fallback titles do not vote (they are made from the folder name)',
      meetings: [meeting('iaas/2023-05-17', 'IaaS 2023-05-17', 'series'), meeting('iaas/2023-05-24', 'IaaS 2023-05-24', 'series'), meeting('iaas/2023-05-31', 'Overflow', 'heading')],
      names: {},
    },
    {
      name: 'a configured name wins',
      meetings: [meeting('named/2024-01-09', 'Council Meeting', 'heading'), meeting('named/2024-01-23', 'Council Meeting', 'heading')],
      names: {},
    },
  ])('$name', ({ meetings, names }) => {
    expect(sharedSeriesTitles(meetings, config)).toEqual(names);
  });
});

describe('nameSeries', () => {
  it('names the series and retitles fallback titles, without changing the meetings given', () => {
    const fallback = meeting('meetings/2024-02-20', 'Meetings 2024-02-20', 'series');
    const meetings = [meeting('meetings/2024-01-09', 'Council Meeting', 'heading'), meeting('meetings/2024-01-23', 'Council Meeting', 'heading'), fallback];
    const named = nameSeries(meetings, config);
    expect(named.config.seriesNames).toEqual({ meetings: 'Council Meeting', named: 'Configured Name' });
    expect(named.meetings.map((m) => m.title)).toEqual(['Council Meeting', 'Council Meeting', 'Council Meeting 2024-02-20']);
    expect(fallback.title).toBe('Meetings 2024-02-20');
  });
});
