/**
 * Page keys are hashes of the view models the pages render: these cases check
 * that an edit changes the keys of exactly the pages that show it (and only
 * those, so an incremental build renders no more than it must).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/lib/config.ts';
import { buildArchiveIndexes } from '../../src/lib/indexes/archive-indexes.ts';
import type { Meeting } from '../../src/lib/minutes/types.ts';
import { pageKey } from '../../src/lib/page-keys.ts';
import { createPaths } from '../../src/lib/paths.ts';
import type { ViewContext } from '../../src/lib/views/context.ts';
import { issueView } from '../../src/lib/views/issue.ts';
import { meetingView } from '../../src/lib/views/meeting.ts';
import { personView } from '../../src/lib/views/person.ts';
import { seriesView } from '../../src/lib/views/series.ts';
import { makeMeeting, who } from './indexes/make-meeting.ts';

const ref = (key: string) => ({ key, line: 3, anchor: '', excerpt: `- see ${key}` });
const TODAY = new Date('2026-11-25T12:00:00');

/** The archive every case starts from: three iaas meetings and one container meeting. */
function base(): Meeting[] {
  return [
    makeMeeting({ id: 'iaas/2023-05-03', participants: who('alice', 'bob') }),
    makeMeeting({ id: 'iaas/2023-05-10', participants: who('alice'), issues: [ref('org/repo#1')] }),
    makeMeeting({ id: 'iaas/2023-05-17', participants: who('carol'), actionItems: [{ assignees: ['alice'], text: 'upgrade', line: 4, anchor: '', status: 'open' }] }),
    makeMeeting({ id: 'container/2023-05-15', participants: who('bob'), issues: [ref('org/repo#2')] }),
  ];
}

interface Build {
  meetings: Meeting[];
  /** Rendered HTML per meeting id (default: the same for every build). */
  html?: Record<string, string>;
  today?: Date;
  base?: string;
  context?: unknown;
}

/** Key of every page of the archive, by `kind id`. */
function keys({ meetings, html = {}, today = TODAY, base: basePath = '/', context = null }: Build): Map<string, string> {
  const ctx: ViewContext = { indexes: buildArchiveIndexes(meetings, DEFAULT_CONFIG), config: DEFAULT_CONFIG, paths: createPaths(basePath) };
  const out = new Map<string, string>();
  const excerpts = (id: string) => ctx.indexes.byId.get(id)?.issues.map((i) => `<li>${i.excerpt}</li>`);
  for (const m of ctx.indexes.meetings) out.set(`meeting ${m.id}`, pageKey(meetingView(ctx, { id: m.id, html: html[m.id] ?? '<p>same</p>', today }), context));
  for (const p of ctx.indexes.people.values()) out.set(`person ${p.key}`, pageKey(personView(ctx, p.key), context));
  for (const k of ctx.indexes.issues.keys()) out.set(`issue ${k}`, pageKey(issueView(ctx, k, excerpts), context));
  for (const s of ctx.indexes.series.keys()) out.set(`series ${s}`, pageKey(seriesView(ctx, s), context));
  return out;
}

const replace = (meetings: Meeting[], id: string, change: Partial<Meeting>) => meetings.map((m) => (m.id === id ? { ...m, ...change } : m));

/** Pages of the base archive whose key differs in `after` (pages that appear or vanish count too). */
function changed(after: Build): string[] {
  const before = keys({ meetings: base() });
  const now = keys(after);
  return [...new Set([...before.keys(), ...now.keys()])].filter((page) => before.get(page) !== now.get(page)).sort();
}

describe('pageKey', () => {
  it('is stable: same archive, same keys', () => {
    expect(changed({ meetings: base() })).toEqual([]);
  });

  it.each<[string, Build, string[]]>([
    ['a meeting renders differently: its page only', { meetings: base(), html: { 'iaas/2023-05-10': '<p>edited</p>' } }, ['meeting iaas/2023-05-10']],
    [
      'a meeting is retitled: every page that shows its title',
      { meetings: replace(base(), 'iaas/2023-05-10', { title: 'Storage day' }) },
      ['issue org/repo#1', 'meeting iaas/2023-05-10', 'person alice', 'series iaas'],
    ],
    [
      'a meeting is given another date: the neighbours that link to it too',
      { meetings: replace(base(), 'iaas/2023-05-10', { date: '2023-05-11' }) },
      ['issue org/repo#1', 'meeting iaas/2023-05-03', 'meeting iaas/2023-05-10', 'meeting iaas/2023-05-17', 'person alice', 'series iaas'],
    ],
    [
      'a person is renamed by their labels elsewhere: every page that names them',
      { meetings: [...base(), ...['01', '08', '15'].map((d) => makeMeeting({ id: `ops/2023-06-${d}`, participants: [{ key: 'bob', label: 'Bob Builder' }] }))] },
      // bob's meetings, his page and the series that rank him; not alice's or carol's pages (they never name bob)
      [
        'meeting container/2023-05-15', 'meeting iaas/2023-05-03', 'meeting ops/2023-06-01', 'meeting ops/2023-06-08', 'meeting ops/2023-06-15',
        'person bob', 'series container', 'series iaas', 'series ops',
      ],
    ],
    [
      'the archive grows into a new year: person timelines (they span the whole archive)',
      { meetings: [...base(), makeMeeting({ id: 'ops/2024-01-10', participants: who('dan') })] },
      ['meeting ops/2024-01-10', 'person alice', 'person bob', 'person carol', 'person dan', 'series ops'],
    ],
    ['the day changes but no "n days ago" does', { meetings: base(), today: new Date('2026-11-26T12:00:00') }, []],
    [
      'another base path: every page',
      { meetings: base(), base: '/minutes/' },
      [...keys({ meetings: base() }).keys()].sort(),
    ],
    ['another site origin (a layout input): every page', { meetings: base(), context: { site: 'https://example.org' } }, [...keys({ meetings: base() }).keys()].sort()],
  ])('%s', (_, after, expected) => {
    expect(changed(after)).toEqual(expected);
  });

  it('a meeting page key changes with its "n days ago"', () => {
    const recent = [makeMeeting({ id: 'iaas/2026-11-20' })];
    const key = (today: Date) => keys({ meetings: recent, today }).get('meeting iaas/2026-11-20');
    expect(key(new Date('2026-11-25T12:00:00'))).not.toBe(key(new Date('2026-11-26T12:00:00')));
  });

  it('redirect pages: target and title', () => {
    const redirect = (to: string, title: string) => pageKey({ redirect: true, page: { to, title } });
    expect(redirect('/iaas/2023-05-10/', 'IaaS')).toBe(redirect('/iaas/2023-05-10/', 'IaaS'));
    expect(redirect('/iaas/2023-05-10/', 'IaaS')).not.toBe(redirect('/iaas/2023-05-10/', 'IaaS weekly'));
    expect(redirect('/iaas/2023-05-10/', 'IaaS')).not.toBe(redirect('/iaas/2023-05-11/', 'IaaS'));
  });
});
