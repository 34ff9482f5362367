import { describe, expect, it } from 'vitest';
import { meetingTopicNotes, sectionsFromHtml, topicFeedView, topicsIndexView, topicsJson, topicsSearchData, topicView } from '../../../src/lib/views/topics.ts';
import { meetingView } from '../../../src/lib/views/meeting.ts';
import { makeMeeting } from '../indexes/make-meeting.ts';
import { makeContext, MEETINGS } from './fixture.ts';

// The fixture's "Rollout" section (alpha 2023-05-17) comes back in two more meetings, once with an owner and an issue number.
const later = [
  makeMeeting({ id: 'alpha/2023-05-24', headings: [{ depth: 2, text: 'Rollout (@ada) #7', anchor: 'rollout-ada-7', line: 3 }], mentions: [{ key: 'cyd', line: 4, anchor: 'rollout-ada-7' }] }),
  makeMeeting({ id: 'beta/2023-06-01', headings: [{ depth: 3, text: 'Rollout', anchor: 'rollout', line: 2 }] }),
];
const ctx = makeContext([...MEETINGS, ...later]);
const html: Record<string, string> = {
  'alpha/2023-05-17': '<h1 id="alpha-2023-05-17">Alpha</h1><h2 id="rollout">Rollout</h2><ul><li>ship it, see <a href="#x">x</a></li></ul>',
  'alpha/2023-05-24': '<h2 id="rollout-ada-7">Rollout (@ada) #7</h2><p>shipped</p><h2 id="next">Next</h2><p>not this</p>',
};
const sectionOf = sectionsFromHtml((id: string) => html[id] ?? '');

/** Only plain JSON values (page keys hash the JSON of a view). */
const roundTrips = (v: unknown) => expect(JSON.parse(JSON.stringify(v))).toEqual(v);

describe('topic views', () => {
  it('/topics/: most discussed, most recent, by series', () => {
    const view = topicsIndexView(ctx);
    expect(view.total).toBe(1);
    expect(view.mostDiscussed).toEqual([{ key: 'rollout', title: 'Rollout', href: '/m/topics/rollout/', series: ['Alpha', 'Beta'], meetingCount: 3, first: '2023-05-17', last: '2023-06-01' }]);
    expect(view.bySeries.map((s) => [s.name, s.topics.length])).toEqual([['Alpha', 1], ['Beta', 1]]);
    expect(view.head.crumbs).toEqual([{ label: 'Meetings', href: '/m/' }, { label: 'Topics' }]);
    roundTrips(view);
  });

  it('a thread: each meeting with its section, its discussion, people and issues', () => {
    const view = topicView(ctx, 'rollout', sectionOf)!;
    expect(view.entries.map((e) => [e.meetingId, e.sectionHref, e.excerpt.lead])).toEqual([
      ['alpha/2023-05-17', '/m/alpha/2023-05-17/#rollout', '<ul><li>ship it, see <a href="/m/alpha/2023-05-17/#x">x</a></li></ul>'],
      ['alpha/2023-05-24', '/m/alpha/2023-05-24/#rollout-ada-7', '<p>shipped</p>'],
      ['beta/2023-06-01', '/m/beta/2023-06-01/#rollout', ''],
    ]);
    expect(view.entries[0]!.people.map((p) => p.name)).toEqual(['ada', 'cyd', 'dee']);
    expect(view.entries[0]!.issues).toEqual([
      { key: 'acme/tool#7', href: '/m/issues/acme/tool/7/' },
      { key: 'acme/web#2', href: '/m/issues/acme/web/2/' },
    ]);
    expect(view.alsoCalled).toEqual([]); // 'Rollout (@ada) #7' shows as 'Rollout'
    expect(view.head.feeds).toEqual([{ title: 'Meetings on Rollout', href: '/m/topics/rollout/rss.xml' }]);
    expect(topicView(ctx, 'nothing', sectionOf)).toBeUndefined();
    roundTrips(view);
  });

  it('api/topics.json and the search data', () => {
    expect(topicsJson(ctx)).toEqual({
      topics: [
        {
          key: 'rollout',
          title: 'Rollout',
          url: '/m/topics/rollout/',
          series: ['alpha', 'beta'],
          meetings: [
            { id: 'alpha/2023-05-17', url: '/m/alpha/2023-05-17/#rollout', anchor: 'rollout', heading: 'Rollout' },
            { id: 'alpha/2023-05-24', url: '/m/alpha/2023-05-24/#rollout-ada-7', anchor: 'rollout-ada-7', heading: 'Rollout (@ada) #7' },
            { id: 'beta/2023-06-01', url: '/m/beta/2023-06-01/#rollout', anchor: 'rollout', heading: 'Rollout' },
          ],
        },
      ],
    });
    expect(topicsSearchData(ctx)).toEqual({
      series: [['alpha', 'Alpha'], ['beta', 'Beta']],
      topics: [['rollout', 'Rollout', '', 3, '2023-05-17', '2023-06-01', ['rollout', 'rollout-ada-7'], [[0, '2023-05-17', 0], [0, '2023-05-24', 1], [1, '2023-06-01', 0]]]],
    });
  });

  it('notes at a meeting section: the thread and its neighbours, also in the meeting view', () => {
    expect(meetingTopicNotes(ctx, 'alpha/2023-05-24')).toEqual([
      {
        anchor: 'rollout-ada-7',
        key: 'rollout',
        title: 'Rollout',
        href: '/m/topics/rollout/',
        others: 2,
        prev: { href: '/m/alpha/2023-05-17/#rollout', label: 'Alpha 2023-05-17' },
        next: { href: '/m/beta/2023-06-01/#rollout', label: 'Beta 2023-06-01' },
      },
    ]);
    expect(meetingTopicNotes(ctx, 'alpha/2023-05-10')).toEqual([]);
    const page = meetingView(ctx, { id: 'beta/2023-06-01', html: '', today: new Date('2026-01-01') });
    expect(page.topicNotes.map((n) => [n.others, n.prev?.label, n.next])).toEqual([[2, 'Alpha 2023-05-24', null]]);
  });

  it('a feed of the thread, newest first', () => {
    expect(topicFeedView(ctx, 'rollout').items.map((i) => i.link)).toEqual(['/m/beta/2023-06-01/', '/m/alpha/2023-05-24/', '/m/alpha/2023-05-17/']);
  });
});
