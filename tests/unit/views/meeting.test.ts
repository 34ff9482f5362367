import { describe, expect, it } from 'vitest';
import { meetingView, plainActionText } from '../../../src/lib/views/meeting.ts';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildArchiveIndexes } from '../../../src/lib/indexes/archive-indexes.ts';
import { createPaths } from '../../../src/lib/paths.ts';
import { makeMeeting, who } from '../indexes/make-meeting.ts';
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
