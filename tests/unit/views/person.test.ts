import { describe, expect, it } from 'vitest';
import { linkHandles, personView, plainText, shortDate } from '../../../src/lib/views/person.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();

describe('personView', () => {
  const ada = personView(ctx, 'ada');

  it('counts and spans', () => {
    expect(ada.meetingCount).toBe(3);
    expect(ada.seriesCount).toBe(2);
    expect(ada.span).toEqual({ years: '2022–23', first: '2022-01-03', last: '2023-05-17' });
    expect(ada.head.description).toBe('ada: 3 meetings attended (2022-01-03 – 2023-05-17): Alpha 2, Beta 1; 1 action items.');
  });

  it('groups meetings by series (most first) and year (newest first)', () => {
    expect(ada.series.map((s) => [s.key, s.count, s.years.map((y) => [y.year, y.meetings.map((m) => m.label)])])).toEqual([
      ['alpha', 2, [['2023', ['17 May', '10 May']]]],
      ['beta', 1, [['2022', ['3 Jan']]]],
    ]);
  });

  it('draws the timeline over the whole archive range', () => {
    expect(ada.timeline?.startYear).toBe(2022);
    expect(ada.timeline?.endYear).toBe(2023);
    expect(ada.timeline?.rows.map((r) => [r.label, r.marks.length])).toEqual([['Alpha', 2], ['Beta', 1]]);
  });

  it('action items: plain text, @handles of known people linked, co-assignees', () => {
    expect(ada.actionItems).toEqual([
      {
        text: ['Ship the tool to ', { label: '@dee', href: '/m/people/dee/' }],
        first: { label: '2023-05-17 · Alpha', href: '/m/alpha/2023-05-17/#rollout' },
        meetings: 1,
        status: 'open',
        with: [{ label: 'cyd', href: '/m/people/cyd/' }],
      },
    ]);
  });

  it('mentions without attending link the section', () => {
    const dee = personView(ctx, 'dee');
    expect(dee.mentions).toEqual([
      { date: '2023-05-17', link: { label: 'Rollout review', href: '/m/alpha/2023-05-17/' }, section: { label: 'Rollout', href: '/m/alpha/2023-05-17/#rollout' }, series: { label: 'Alpha', href: '/m/alpha/' } },
    ]);
  });

  it('throws on an unknown key', () => {
    expect(() => personView(ctx, 'nobody')).toThrow(/no person/);
  });
});

describe('helpers', () => {
  it.each([
    [{ date: '2023-05-07', slug: '2023-05-07' }, '7 May'],
    [{ date: '2023-12-31', slug: '2023-12-31' }, '31 Dec'],
    [{ date: null, slug: 'notes' }, 'notes'],
  ])('shortDate %o', (m, text) => expect(shortDate(m)).toBe(text));

  it.each([
    ['<https://x.org> and ![img](a.png)', 'https://x.org and img'],
    ['*done*', 'done'],
  ])('plainText %s', (md, text) => expect(plainText(md)).toBe(text));

  it.each([
    ['ask @ada and @zed', ['ask ', { label: '@ada', href: 'p:ada' }, ' and @zed']],
    ['mail x@ada.org', ['mail x@ada.org']],
    ['@ada', [{ label: '@ada', href: 'p:ada' }]],
  ])('linkHandles %s', (text, parts) => expect(linkHandles(text, (h) => (h === 'ada' ? `p:${h}` : undefined))).toEqual(parts));
});
