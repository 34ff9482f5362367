import { describe, expect, it } from 'vitest';
import { buildIssuesIndex, groupIssuesByRepo, sortIssues } from '../../../src/lib/indexes/issues.ts';
import type { IssueMention } from '../../../src/lib/minutes/types.ts';
import { makeMeeting } from './make-meeting.ts';

const ref = (key: string, line: number, anchor = '', excerpt = `- about ${key}`): IssueMention => ({ key, line, anchor, excerpt });
const h = (anchor: string, text: string, line: number) => ({ depth: 2, text, anchor, line });

const meetings = [
  makeMeeting({
    id: 'iaas/2023-05-17',
    headings: [h('ceph-upgrade-pacific---quincy', 'Ceph Upgrade: Pacific -> Quincy', 10), h('aob', 'AOB', 30)],
    issues: [ref('sovereigncloudstack/issues#28', 31, 'aob'), ref('sovereigncloudstack/issues#28', 12, 'ceph-upgrade-pacific---quincy'), ref('sovereigncloudstack/issues#28', 12, 'ceph-upgrade-pacific---quincy'), ref('osism/issues#189', 13, 'ceph-upgrade-pacific---quincy')],
  }),
  makeMeeting({ id: 'container/2023-05-15', issues: [ref('sovereigncloudstack/issues#28', 3)] }),
  makeMeeting({ id: 'iaas/2023-06-07', headings: [h('status', 'Status', 1)], issues: [ref('sovereigncloudstack/issues#28', 5, 'status'), ref('sovereigncloudstack/standards#580', 6, 'status')] }),
  makeMeeting({ id: 'iaas/notes', date: null, issues: [ref('sovereigncloudstack/issues#28', 2)] }),
  makeMeeting({ id: 'iaas/2023-05-24', issues: [ref('not-a-key', 1)] }),
];
const index = buildIssuesIndex(meetings);

describe('buildIssuesIndex', () => {
  it('keys sorted by repository, then number; malformed keys dropped', () => {
    expect([...index.keys()]).toEqual(['osism/issues#189', 'sovereigncloudstack/issues#28', 'sovereigncloudstack/standards#580']);
  });

  it('tells the story of an issue in date order (lines in order within a meeting, undated last, one item per place)', () => {
    const e = index.get('sovereigncloudstack/issues#28')!;
    expect(e.mentions.map((m) => [m.meetingId, m.line, m.anchor, m.headingText])).toEqual([
      ['container/2023-05-15', 3, '', ''],
      ['iaas/2023-05-17', 12, 'ceph-upgrade-pacific---quincy', 'Ceph Upgrade: Pacific -> Quincy'],
      ['iaas/2023-05-17', 31, 'aob', 'AOB'],
      ['iaas/2023-06-07', 5, 'status', 'Status'],
      ['iaas/notes', 2, '', ''],
    ]);
    // mentionIndex points back into meeting.issues (for the rendered excerpt)
    expect(e.mentions[1]!.mentionIndex).toBe(1);
    expect(e.mentions[2]!.mentionIndex).toBe(0);
  });

  it.each([
    ['sovereigncloudstack/issues#28', 4, '2023-05-15', '2023-06-07', 'https://github.com/sovereigncloudstack/issues/issues/28'],
    ['osism/issues#189', 1, '2023-05-17', '2023-05-17', 'https://github.com/osism/issues/issues/189'],
    ['sovereigncloudstack/standards#580', 1, '2023-06-07', '2023-06-07', 'https://github.com/sovereigncloudstack/standards/issues/580'],
  ])('%s: %i meetings, %s – %s', (key, count, first, last, github) => {
    const e = index.get(key)!;
    expect([e.meetingCount, e.meetingIds.length, e.first, e.last, e.github]).toEqual([count, count, first, last, github]);
  });
});

describe('grouping and sorting', () => {
  it('groups by repository', () => {
    expect(groupIssuesByRepo(index).map((g) => [g.repoKey, g.issues.map((i) => i.number), g.meetingCount, g.first, g.last])).toEqual([
      ['osism/issues', [189], 1, '2023-05-17', '2023-05-17'],
      ['sovereigncloudstack/issues', [28], 4, '2023-05-15', '2023-06-07'],
      ['sovereigncloudstack/standards', [580], 1, '2023-06-07', '2023-06-07'],
    ]);
  });

  it.each([
    ['discussed', ['sovereigncloudstack/issues#28', 'sovereigncloudstack/standards#580', 'osism/issues#189']],
    ['recent', ['sovereigncloudstack/issues#28', 'sovereigncloudstack/standards#580', 'osism/issues#189']],
  ] as const)('sortIssues by %s', (by, keys) => expect(sortIssues(index.values(), by).map((e) => e.key)).toEqual(keys));

  it('recent puts the last discussed first even when discussed less', () => {
    const idx = buildIssuesIndex([
      makeMeeting({ id: 's/2023-01-01', issues: [ref('a/b#1', 1)] }),
      makeMeeting({ id: 's/2023-01-08', issues: [ref('a/b#1', 1)] }),
      makeMeeting({ id: 's/2023-02-01', issues: [ref('a/b#2', 1)] }),
    ]);
    expect(sortIssues(idx.values(), 'recent').map((e) => e.key)).toEqual(['a/b#2', 'a/b#1']);
    expect(sortIssues(idx.values(), 'discussed').map((e) => e.key)).toEqual(['a/b#1', 'a/b#2']);
  });
});
