import { describe, expect, it } from 'vitest';
import { meetingView, plainActionText } from '../../../src/lib/views/meeting.ts';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildArchiveIndexes } from '../../../src/lib/indexes/archive-indexes.ts';
import { createPaths } from '../../../src/lib/paths.ts';
import { makeMeeting, who } from '../indexes/make-meeting.ts';
import type { Meeting, MeetingCopy } from '../../../src/lib/minutes/types.ts';
import { CONFIG, makeContext } from './fixture.ts';

const ctx = makeContext();
const today = new Date('2026-05-17T10:00:00Z');

describe('meetingView', () => {
  const view = meetingView(ctx, { id: 'alpha/2023-05-17', html: '<p>x</p>', today });

  it('titles the page with the series when the title does not say it', () => {
    expect(view.head.title).toBe('Rollout review (Alpha 2023-05-17)');
    expect(view.title).toBe('Rollout review');
    expect(view.citeLabel).toBe('Alpha 2023-05-17');
    expect(view.head.crumbs).toEqual([{ label: 'Meetings', href: '/m/' }, { label: 'Alpha', href: '/m/alpha/' }, { label: '2023-05-17' }]);
    expect(view.head.feeds).toEqual([{ title: 'Alpha meetings', href: '/m/alpha/rss.xml' }]);
  });

  it('keeps a default title as it is', () => {
    expect(meetingView(ctx, { id: 'alpha/2023-05-10', html: '', today }).head.title).toBe('Alpha 2023-05-10');
  });

  it('dates relative to the clock it is given', () => {
    expect(view.relativeDate).toBe('3 years ago');
    expect(meetingView(ctx, { id: 'alpha/2023-05-17', html: '', today: new Date('2023-05-18T10:00:00Z') }).relativeDate).toBe('yesterday');
  });

  it('links participants by canonical key with display names', () => {
    expect(view.participants).toEqual([
      { key: 'ada', label: 'ada', href: '/m/people/ada/' },
      { key: 'bob byte', label: 'Bob Byte', href: '/m/people/bob_byte/' },
      { key: 'cyd', label: 'cyd', href: '/m/people/cyd/' },
    ]);
  });

  it('plain action items with their assignees, issues once, neighbours and source', () => {
    expect(view.actionItems).toEqual([
      { anchor: 'rollout', text: 'Ship the tool to @dee', status: 'open', assignees: [{ label: 'ada', href: '/m/people/ada/' }, { label: 'cyd', href: '/m/people/cyd/' }] },
    ]);
    expect(view.issues.map((i) => i.label)).toEqual(['acme/tool#7', 'acme/web#2']);
    expect(view.prev).toEqual({ label: '2023-05-10', href: '/m/alpha/2023-05-10/' });
    expect(view.next).toBeUndefined();
    expect(view.sourceHref).toBe('https://example.org/src/alpha/20230517.md');
  });

  it('hides a leading heading that repeats the date', () => {
    expect(view.hideFirstHeading).toBe(true);
    expect(meetingView(ctx, { id: 'beta/2022-01-03', html: '', today }).hideFirstHeading).toBe(false);
  });

  it('throws on an unknown id', () => {
    expect(() => meetingView(ctx, { id: 'alpha/1999-01-01', html: '', today })).toThrow(/no meeting/);
  });
});

describe('plainActionText', () => {
  it.each([
    ['[a link](https://x.org) and `code`', 'a link and code'],
    ['**bold** _em_', 'bold em'],
    ['nothing to do', 'nothing to do'],
  ])('%s', (md, text) => expect(plainActionText(md)).toBe(text));
});

describe('meetingView participants', () => {
  it('lists a person written two ways once', () => {
    const { aliases } = parseAliases({ people: { ada: { name: 'Ada', aliases: ['ada-l'] } } });
    const indexes = buildArchiveIndexes([makeMeeting({ id: 'alpha/2024-01-10', participants: who('ada', 'ada-l', 'bo') })], CONFIG, aliases);
    const view = meetingView({ indexes, config: CONFIG, paths: createPaths('/') }, { id: 'alpha/2024-01-10', html: '', today });
    expect(view.participants.map((p) => p.label)).toEqual(['Ada', 'bo']);
  });
});

describe('meetingView titles and copies (issue 12)', () => {
  const council = (extra: Partial<Meeting>) =>
    makeMeeting({
      id: 'council/2024-01-09',
      title: 'Council Meeting',
      titleSource: 'heading',
      headings: [{ depth: 1, text: 'Council Meeting 2024-01-09', anchor: 'council-meeting-2024-01-09', line: 1 }],
      ...extra,
    });
  const view = (m: Meeting, config = { ...CONFIG, seriesNames: { council: 'Council Meeting' } }, copies: MeetingCopy[] = []) =>
    meetingView({ indexes: buildArchiveIndexes([m], config, parseAliases({}).aliases), config, paths: createPaths('/') }, { id: m.id, html: '', today, copies });

  it('hides the first heading when the title is that heading', () => {
    // Longer than a date heading: only the title rule hides it.
    const long = [{ depth: 1, text: 'Riverside Foundation Cross Project Council Meeting 2024-01-09', anchor: 'long', line: 1 }];
    expect(view(council({ headings: long, titleHeading: 'long' })).hideFirstHeading).toBe(true);
    expect(view(council({ headings: long })).hideFirstHeading).toBe(false);
  });

  it('a title that is the series name gets the date in the page title, not the name twice', () => {
    expect(view(council({})).head.title).toBe('Council Meeting 2024-01-09');
    expect(view(council({}), { ...CONFIG, seriesNames: { council: 'Council' } }).head.title).toBe('Council Meeting (Council 2024-01-09)');
  });

  it('names the dated copies of its file', () => {
    const copy: MeetingCopy = { id: 'council/2024-01-16', series: 'council', slug: '2024-01-16', date: '2024-01-16', source: 'council/20240116.md', copyOf: 'council/2024-01-09', title: 'Council Meeting' };
    expect(view(council({}), undefined, [copy]).copies).toEqual([{ source: 'council/20240116.md', date: '2024-01-16' }]);
    expect(view(council({})).copies).toEqual([]);
  });
});

describe('meetingView participant chips: name with handle', () => {
  it('shows the full name with the handle, also where the file wrote the name alone', () => {
    const indexes = buildArchiveIndexes(
      [
        makeMeeting({ id: 'alpha/2024-01-10', participants: [{ key: 'jdoe', label: '@jdoe', name: 'Jane Doe' }] }),
        makeMeeting({ id: 'alpha/2024-01-17', participants: [{ key: 'jane doe', label: 'Jane Doe' }, { key: 'bo', label: '@bo' }] }),
      ],
      CONFIG,
    );
    const view = meetingView({ indexes, config: CONFIG, paths: createPaths('/') }, { id: 'alpha/2024-01-17', html: '', today });
    expect(view.participants.map((p) => [p.label, p.href])).toEqual([
      ['Jane Doe (@jdoe)', '/people/jdoe/'],
      ['@bo', '/people/bo/'],
    ]);
  });
});
