import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildArchiveIndexes } from '../../../src/lib/indexes/archive-indexes.ts';
import { issueJson, issuesJson, meetingsJson, peopleJson } from '../../../src/lib/indexes/json.ts';
import { createPaths } from '../../../src/lib/paths.ts';
import type { Meeting } from '../../../src/lib/minutes/types.ts';
import { makeMeeting, who } from './make-meeting.ts';

const ref = (key: string, line: number, anchor: string) => ({ key, line, anchor, excerpt: `- see ${key}` });
const meetings: Meeting[] = [
  makeMeeting({
    id: 'iaas/2023-05-17',
    title: 'IaaS 2023-05-17',
    participants: who('MatFecher', 'garloff', 'Kurt Garloff'),
    headings: [{ depth: 2, text: 'Ceph', anchor: 'ceph', line: 5 }, { depth: 2, text: 'AOB', anchor: 'aob', line: 20 }],
    issues: [ref('sovereigncloudstack/issues#28', 6, 'ceph'), ref('sovereigncloudstack/issues#28', 7, 'ceph'), ref('sovereigncloudstack/issues#28', 21, 'aob')],
    actionItems: [{ assignees: ['matfecher', 'garloff'], text: 'Upgrade _Ceph_', line: 8, anchor: 'ceph', status: 'open' }],
  }),
  makeMeeting({ id: 'container/2023-05-15', participants: who('matfechner'), issues: [ref('sovereigncloudstack/issues#28', 3, '')] }),
  makeMeeting({ id: 'iaas/2023-05-10', participants: who('matfechner', 'garloff') }),
];
const { aliases } = parseAliases({ people: { garloff: { name: 'Kurt Garloff', aliases: ['Kurt Garloff'] } } });
const indexes = buildArchiveIndexes(meetings, DEFAULT_CONFIG, aliases);

describe('buildArchiveIndexes', () => {
  it('totals and latest', () => {
    expect(indexes.totals).toEqual({ meetings: 3, series: 2, people: 3, issues: 1, repos: 1, topics: 0, actionItems: 2 });
    expect(indexes.latest(2).map((m) => m.id)).toEqual(['iaas/2023-05-17', 'container/2023-05-15']);
    expect(indexes.latest(0)).toEqual([]);
    expect(indexes.meetings.map((m) => m.id)).toEqual(['iaas/2023-05-10', 'container/2023-05-15', 'iaas/2023-05-17']);
    expect(indexes.byId.get('iaas/2023-05-10')?.series).toBe('iaas');
  });

  it('resolves people and suggests the missing alias', () => {
    expect(indexes.resolvePerson('Kurt Garloff')).toBe('garloff');
    expect(indexes.people.get('garloff')!.meetings).toHaveLength(2); // listed twice in one meeting: counted once
    expect(indexes.aliasSuggestions().map((s) => s.message)).toEqual(['matfecher → matfechner (edit distance 1; 1 vs 2 meetings)']);
  });

  it('series entries use canonical participants', () => {
    expect(indexes.series.get('iaas')!.attendance.get('iaas/2023-05-17')).toBe(2);
  });

  it('builds the indexes of 10× the archive (9,000 meetings)', () => {
    const many: Meeting[] = [];
    for (let i = 0; i < 9000; i++) {
      const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 6))).toISOString().slice(0, 10);
      many.push(makeMeeting({
        id: `s${i % 6}/${day}`,
        participants: who(`p${i % 300}`, `p${(i * 7) % 300}`, `P${(i * 13) % 300}`),
        issues: [ref(`org/r${i % 77}#${i % 1400}`, 3, 'a'), ref(`org/r${i % 77}#${(i + 1) % 1400}`, 4, 'a')],
        headings: [{ depth: 2, text: 'A', anchor: 'a', line: 1 }],
        actionItems: [{ assignees: [`p${i % 300}`], text: `do thing ${i % 500}`, line: 5, anchor: 'a' }],
        mentions: [{ key: `p${(i + 1) % 300}`, line: 6, anchor: 'a' }],
      }));
    }
    const idx = buildArchiveIndexes(many, DEFAULT_CONFIG);
    idx.aliasSuggestions();
    expect(idx.totals.meetings).toBe(9000);
  });
});

describe('JSON API shapes (base /minutes)', () => {
  const paths = createPaths('/minutes');

  it('meetings.json: canonical participants, distinct issues', () => {
    const json = meetingsJson(indexes, paths);
    expect(json.meetings.map((m) => m.id)).toEqual(['iaas/2023-05-10', 'container/2023-05-15', 'iaas/2023-05-17']);
    expect(json.meetings[2]).toEqual({
      id: 'iaas/2023-05-17',
      series: 'iaas',
      date: '2023-05-17',
      title: 'IaaS 2023-05-17',
      url: '/minutes/iaas/2023-05-17/',
      source: 'iaas/20230517.md',
      participants: ['matfecher', 'garloff'],
      issues: ['sovereigncloudstack/issues#28'],
      actionItems: [{ assignees: ['matfecher', 'garloff'], text: 'Upgrade _Ceph_', line: 8, anchor: 'ceph', status: 'open' }],
      headings: [{ depth: 2, text: 'Ceph', anchor: 'ceph' }, { depth: 2, text: 'AOB', anchor: 'aob' }],
    });
    // A plain meeting list works too (keys normalised only).
    expect(meetingsJson(meetings, paths).meetings[2]!.participants).toEqual(['matfecher', 'garloff', 'kurt garloff']);
  });

  it('people.json', () => {
    const json = peopleJson(indexes, paths);
    expect(json.people.map((p) => p.key)).toEqual(['garloff', 'matfecher', 'matfechner']);
    expect(json.people[0]).toEqual({
      key: 'garloff', name: 'Kurt Garloff', url: '/minutes/people/garloff/', github: 'https://github.com/garloff',
      meetings: ['iaas/2023-05-10', 'iaas/2023-05-17'], mentions: [], actionItems: 1,
    });
    expect(peopleJson(indexes.people, paths)).toEqual(json);
  });

  it('issues.json and the per-issue file', () => {
    expect(issuesJson(indexes, paths)).toEqual({
      issues: [{
        key: 'sovereigncloudstack/issues#28',
        github: 'https://github.com/sovereigncloudstack/issues/issues/28',
        url: '/minutes/issues/sovereigncloudstack/issues/28/',
        meetings: [{ id: 'container/2023-05-15', anchors: [''] }, { id: 'iaas/2023-05-17', anchors: ['ceph', 'aob'] }],
      }],
    });
    expect(issueJson(indexes.issues.get('sovereigncloudstack/issues#28')!, paths).meetings[1]).toEqual({
      id: 'iaas/2023-05-17', date: '2023-05-17', series: 'iaas', title: 'IaaS 2023-05-17', url: '/minutes/iaas/2023-05-17/',
      sections: [
        { anchor: 'ceph', heading: 'Ceph', url: '/minutes/iaas/2023-05-17/#ceph', line: 6 },
        { anchor: 'aob', heading: 'AOB', url: '/minutes/iaas/2023-05-17/#aob', line: 21 },
      ],
    });
  });
});
