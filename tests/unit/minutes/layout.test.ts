import { describe, expect, it } from 'vitest';
import { assignSeries, isDocumentName, rootSeriesName } from '../../../src/lib/minutes/layout.ts';
import { copyOfMeeting, NOT_MINUTES, notMinutesReasons } from '../../../src/lib/minutes/classify.ts';
import { makeMeeting } from '../indexes/make-meeting.ts';

describe('assignSeries', () => {
  it.each([
    {
      name: 'first folder, as in a one-level archive',
      sources: ['iaas/20230517.md', 'iaas/notes.md', 'ops/20230518.md'],
      series: ['iaas', 'iaas', 'ops'],
    },
    {
      name: 'year folders are dates, not series',
      sources: ['meetings/2019/2019-01-01.md', 'meetings/2020/2020-02-04.md'],
      series: ['meetings', 'meetings'],
    },
    {
      name: 'year-month folders with month-name files',
      sources: ['meetings/2016-11/nov-29.md', 'meetings/2016-11/dec-1.md'],
      series: ['meetings', 'meetings'],
    },
    {
      name: 'a sub-folder of its own dated minutes is a series of its own',
      sources: ['meetings/2019/2019-01-01.md', 'meetings/breakout/2019-01-14-progress.md', 'meetings/toc.md'],
      series: ['meetings', 'breakout', 'meetings'],
    },
    {
      name: 'a sub-folder without dated minutes belongs to its series',
      sources: ['iaas/20230517.md', 'iaas/drafts/ideas.md'],
      series: ['iaas', 'iaas'],
    },
    {
      name: 'folders without dated minutes: the first folder',
      sources: ['governance/GOVERNANCE.md', 'resources/fund/2023.md', 'mentorship/2024/docs/README.md'],
      series: ['governance', 'resources', 'mentorship'],
    },
    {
      name: 'dated folders are dates: their files are in the series around them',
      sources: ['iaas/2023-03-05-hackathon/minutes.md', 'iaas/20230517.md'],
      series: ['iaas', 'iaas'],
    },
    {
      name: 'series folders of the same name get their paths as ids',
      sources: ['alpha/triage/2016-05-05.md', 'beta/triage/2016-05-06.md', 'beta/2016-05-07.md'],
      series: ['alpha-triage', 'beta-triage', 'beta'],
    },
    {
      name: 'date folders right under the minutes folder: the root series',
      sources: ['2019/2019-01-01.md', '2016-11/dec-1.md'],
      series: ['minutes', 'minutes'],
    },
  ])('$name', ({ sources, series }) => {
    const got = assignSeries(sources);
    expect(sources.map((s) => got.get(s))).toEqual(series);
  });

  it('names the root series after the minutes folder', () => {
    expect(rootSeriesName('/srv/TC Notes/')).toBe('tc-notes');
    expect(rootSeriesName('/')).toBe('minutes');
  });
});

describe('isDocumentName', () => {
  it.each([
    ['CODE_OF_CONDUCT.md', true],
    ['governance/CPC-CHARTER.md', true],
    ['conduct/COC_POLICY.md', true],
    ['README.md', true],
    ['LICENSE.md', true],
    ['docs/contributing.md', true],
    ['meetings/toc.md', true],
    ['templates/meetingTemplate.md', true],
    ['resources/npm-continuity-policy.md', true],
    ['guides/onboarding-guide.md', true],
    ['iaas/20230517.md', false],
    ['sig-standardization/scs-certification-issuing.md', false],
    ['board/kickoff.md', false],
    ['meetings/2016-11/dec-1.md', false],
    ['broken/Protokoll März ✓ (final).md', false],
  ])('%s: %s', (source, expected) => {
    expect(isDocumentName(source)).toBe(expected);
  });
});

describe('notMinutesReasons', () => {
  const m = (source: string, series: string, date: string | null) => ({ source, series, date });

  it('keeps dated files and undated files among dated minutes; lists the rest with a reason', () => {
    const reasons = notMinutesReasons([
      m('meetings/2019/2019-01-01.md', 'meetings', '2019-01-01'),
      m('meetings/ideas.md', 'meetings', null),
      m('meetings/toc.md', 'meetings', null),
      m('governance/onboarding.md', 'governance', null),
      m('governance/CHARTER.md', 'governance', null),
      m('board/kickoff.md', 'board', '2019-06-04'),
    ]);
    expect([...reasons]).toEqual([
      ['meetings/toc.md', NOT_MINUTES.document],
      ['governance/onboarding.md', NOT_MINUTES.undatedFolder],
      ['governance/CHARTER.md', NOT_MINUTES.document],
    ]);
  });

  it('a dated document is a meeting: the date decides', () => {
    expect(notMinutesReasons([m('governance/CHARTER.md', 'governance', '2020-01-01')]).size).toBe(0);
  });
});

describe('copyOfMeeting', () => {
  const original = makeMeeting({ id: 'team/2025-08-18', title: 'Team sync' });

  it('gives a dated copy its own id, leading to the meeting it copies', () => {
    expect(copyOfMeeting('team/20250825.md', 'team', original)).toEqual({
      id: 'team/2025-08-25', series: 'team', slug: '2025-08-25', date: '2025-08-25', source: 'team/20250825.md', copyOf: 'team/2025-08-18', title: 'Team sync',
    });
  });

  it('an undated copy, or a copy of no meeting, is a plain duplicate', () => {
    expect(copyOfMeeting('team/backup.md', 'team', original)).toBeUndefined();
    expect(copyOfMeeting('team/20250825.md', 'team', undefined)).toBeUndefined();
  });
});
