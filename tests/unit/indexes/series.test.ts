import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import { buildSeriesIndex, stripWeek } from '../../../src/lib/indexes/series.ts';
import { makeMeeting, who } from './make-meeting.ts';

const ref = (key: string, line = 1) => ({ key, line, anchor: '', excerpt: '' });
const meetings = [
  makeMeeting({ id: 'iaas/2023-05-17', participants: who('a', 'B', 'c'), issues: [ref('o/r#1'), ref('o/r#1', 2), ref('o/r#2')] }),
  makeMeeting({ id: 'iaas/2022-12-28', participants: who('a') }),
  makeMeeting({ id: 'iaas/2023-05-10', participants: who('a', 'b', 'b'), issues: [ref('o/r#1')] }),
  makeMeeting({ id: 'iaas/2023-05-17-special', participants: who('c') }),
  makeMeeting({ id: 'iaas/template-notes', date: null }),
  makeMeeting({ id: 'container/2023-01-02' }),
];
const config = { ...DEFAULT_CONFIG, seriesNames: { iaas: 'IaaS' } };
const index = buildSeriesIndex(meetings, config);
const iaas = index.get('iaas')!;

describe('buildSeriesIndex', () => {
  it('one entry per series, named from the config', () => {
    expect([...index.keys()]).toEqual(['container', 'iaas']);
    expect([iaas.name, index.get('container')!.name]).toEqual(['IaaS', 'Container']);
    expect([iaas.count, iaas.first, iaas.last]).toEqual([5, '2022-12-28', '2023-05-17']);
  });

  it('meetings newest first, undated last', () => {
    expect(iaas.meetings.map((m) => m.id)).toEqual(['iaas/2023-05-17-special', 'iaas/2023-05-17', 'iaas/2023-05-10', 'iaas/2022-12-28', 'iaas/template-notes']);
  });

  it.each([
    ['iaas/2022-12-28', undefined, 'iaas/2023-05-10'],
    ['iaas/2023-05-10', 'iaas/2022-12-28', 'iaas/2023-05-17'],
    ['iaas/2023-05-17', 'iaas/2023-05-10', 'iaas/2023-05-17-special'],
    ['iaas/2023-05-17-special', 'iaas/2023-05-17', 'iaas/template-notes'],
    ['iaas/template-notes', 'iaas/2023-05-17-special', undefined],
    ['container/2023-01-02', undefined, undefined], // not in this series
  ])('neighbours(%s): prev %s, next %s', (id, prev, next) => {
    const n = iaas.neighbours(id);
    expect([n.prev?.id, n.next?.id]).toEqual([prev, next]);
  });

  it('byYear: newest year first, weeks for the strip', () => {
    expect(iaas.byYear.map((y) => [y.year, y.meetings.map((m) => m.slug), y.weeks, y.weeksInYear])).toEqual([
      ['2023', ['2023-05-17-special', '2023-05-17', '2023-05-10'], [19, 20], 52],
      ['2022', ['2022-12-28'], [52], 52],
      ['undated', ['template-notes'], [], 0],
    ]);
  });

  it('attendance, top participants and issues', () => {
    expect(Object.fromEntries(iaas.attendance)).toEqual({ 'iaas/2023-05-17': 3, 'iaas/2022-12-28': 1, 'iaas/2023-05-10': 2, 'iaas/2023-05-17-special': 1, 'iaas/template-notes': 0 });
    expect(iaas.maxAttendance).toBe(3);
    expect(iaas.topParticipants).toEqual([{ key: 'a', count: 3 }, { key: 'b', count: 2 }, { key: 'c', count: 2 }]);
    expect(iaas.topIssues).toEqual([{ key: 'o/r#1', count: 2 }, { key: 'o/r#2', count: 1 }]);
  });

  it('participants are counted under their canonical key', () => {
    const idx = buildSeriesIndex(meetings, config, (k) => (k === 'b' ? 'a' : k));
    expect(idx.get('iaas')!.topParticipants[0]).toEqual({ key: 'a', count: 3 });
    expect(idx.get('iaas')!.attendance.get('iaas/2023-05-10')).toBe(1);
  });
});

describe('stripWeek', () => {
  it.each([
    ['2023-05-17', '2023', 20],
    ['2023-01-02', '2023', 1],
    ['2021-01-01', '2021', 1], // ISO week 53 of 2020 → first cell of 2021
    ['2024-12-30', '2024', 52], // ISO week 1 of 2025 → last cell of 2024
    ['2020-12-31', '2020', 53], // 2020 has 53 ISO weeks
  ])('%s → %s week %i', (date, year, week) => expect(stripWeek(date)).toEqual({ year, week }));
});
