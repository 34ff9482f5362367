import { describe, expect, it } from 'vitest';
import { matchTopics } from '../../src/scripts/search.ts';
import type { TopicSearchData } from '../../src/lib/views/topics.ts';

const data: TopicSearchData = {
  series: [['iaas', 'IaaS'], ['community-call', 'Community Call']],
  topics: [
    ['ceph-upgrade-pacific-quincy', 'Ceph Upgrade: Pacific -> Quincy', '', 4, '2023-05-17', '2023-06-28', ['ceph-upgrade-pacific---quincy'], [[0, '2023-05-17', 0], [0, '2023-05-31', 0]]],
    ['ceph-rgw', 'Ceph RGW', '', 2, '2023-10-01', '2023-10-08', ['ceph-rgw'], [[0, '2023-10-01', 0], [1, '2023-10-08', 0]]],
    ['domain-manager', 'Domain Manager Standard', 'rfc role policy', 16, '2023-08-09', '2025-02-20', ['domain-manager'], [[0, '2023-08-09', 0]]],
    ['release-notes-r5', 'Release notes R5', '', 3, '2023-08-01', '2023-09-01', ['r5'], [[1, '2023-08-01', 0]]],
  ],
};

describe('matchTopics', () => {
  it.each([
    ['Ceph Quincy', ['ceph-upgrade-pacific-quincy']],
    ['ceph', ['ceph-rgw', 'ceph-upgrade-pacific-quincy']], // the name most made of the query first
    ['quin', ['ceph-upgrade-pacific-quincy']], // prefixes of three letters or more
    ['qu', []],
    ['domain manager role', ['domain-manager']], // words of its other headings count
    ['ceph quincy migration plans', []], // two of four words: not this topic
    ['ceph quincy upgrade migration', ['ceph-upgrade-pacific-quincy']], // all but one of a long query
    ['release notes r5', ['release-notes-r5']],
    ['release notes r50', []], // three words: all must be there
    ['ceph upgrade rgw', []],
    ['notes r50', []], // numbers match whole
    ['the and of', []], // no words left
    ['', []],
    ['pacific quin cy', []],
    ['rg w', ['ceph-rgw']], // words run together as the heading has them
  ])('%j → %j', (q, keys) => {
    expect(matchTopics(data, q).map((t) => t.key)).toEqual(keys);
  });

  it('gives what a result shows: series, meetings with their anchors, date range', () => {
    const [rgw] = matchTopics(data, 'rgw');
    expect(rgw).toMatchObject({ title: 'Ceph RGW', meetingCount: 2, first: '2023-10-01', last: '2023-10-08', series: ['IaaS', 'Community Call'], score: 1 });
    expect(rgw!.meetings[1]).toEqual({ series: 'community-call', seriesName: 'Community Call', slug: '2023-10-08', anchor: 'ceph-rgw' });
  });
});
