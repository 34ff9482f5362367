import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/lib/config.ts';
import { buildArchiveIndexes } from '../../src/lib/indexes/archive.ts';
import type { Meeting } from '../../src/lib/minutes/types.ts';
import { createPageKeys, type PageKeys } from '../../src/lib/page-keys.ts';
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

function keys(meetings: Meeting[], digests: Record<string, string> = {}, today = TODAY, context: unknown = {}): PageKeys {
  const indexes = buildArchiveIndexes(meetings, DEFAULT_CONFIG);
  return createPageKeys({ indexes, digests: new Map(meetings.map((m) => [m.id, digests[m.id] ?? 'same'])), today, context });
}

const replace = (meetings: Meeting[], id: string, change: Partial<Meeting>) => meetings.map((m) => (m.id === id ? { ...m, ...change } : m));

type Page = [kind: keyof PageKeys, arg: string];
const pages: Page[] = [
  ['meeting', 'iaas/2023-05-03'],
  ['meeting', 'iaas/2023-05-10'],
  ['meeting', 'iaas/2023-05-17'],
  ['meeting', 'container/2023-05-15'],
  ['person', 'alice'],
  ['person', 'bob'],
  ['person', 'carol'],
  ['issue', 'org/repo#1'],
  ['issue', 'org/repo#2'],
  ['series', 'iaas'],
  ['series', 'container'],
];
const keyOf = (k: PageKeys, [kind, arg]: Page) => (kind === 'redirect' ? k.redirect(arg, '') : k[kind](arg));
const label = ([kind, arg]: Page) => `${kind} ${arg}`;

/** Which of the pages above get a new key when the archive changes from `base()` to `after`. */
function changed(after: PageKeys): string[] {
  const before = keys(base());
  return pages.filter((p) => keyOf(before, p) !== keyOf(after, p)).map(label);
}

describe('createPageKeys', () => {
  it('is stable: same archive, same keys', () => {
    expect(changed(keys(base()))).toEqual([]);
  });

  it.each<[string, PageKeys, string[]]>([
    [
      'a meeting file changes (its digest): its page, its people, its issues, its series',
      keys(base(), { 'iaas/2023-05-10': 'edited' }),
      ['meeting iaas/2023-05-10', 'person alice', 'issue org/repo#1', 'series iaas'],
    ],
    [
      'a meeting is given another date: the neighbours that link to it too',
      keys(replace(base(), 'iaas/2023-05-10', { date: '2023-05-11' }), { 'iaas/2023-05-10': 'edited' }),
      ['meeting iaas/2023-05-03', 'meeting iaas/2023-05-10', 'meeting iaas/2023-05-17', 'person alice', 'issue org/repo#1', 'series iaas'],
    ],
    [
      'a person is renamed by their labels elsewhere: every page that names them',
      keys([...base(), ...['01', '08', '15'].map((d) => makeMeeting({ id: `ops/2023-06-${d}`, participants: [{ key: 'bob', label: 'Bob Builder' }] }))]),
      ['meeting iaas/2023-05-03', 'meeting container/2023-05-15', 'person alice', 'person bob', 'person carol', 'series iaas', 'series container'],
    ],
    [
      'the day changes but no "n days ago" does',
      keys(base(), {}, new Date('2026-11-26T12:00:00')),
      [],
    ],
    [
      'the site settings change: everything',
      keys(base(), {}, TODAY, { config: 'other' }),
      pages.map(label),
    ],
  ])('%s', (_, after, expected) => {
    expect(changed(after)).toEqual(expected);
  });

  it('a meeting page key changes with its "n days ago"', () => {
    const recent = [makeMeeting({ id: 'iaas/2026-11-20' })];
    expect(keys(recent, {}, new Date('2026-11-25T12:00:00')).meeting('iaas/2026-11-20')).not.toBe(keys(recent, {}, new Date('2026-11-26T12:00:00')).meeting('iaas/2026-11-20'));
  });

  it('redirect keys follow their target and title', () => {
    const k = keys(base());
    expect(k.redirect('/iaas/2023-05-10/', 'IaaS')).toBe(k.redirect('/iaas/2023-05-10/', 'IaaS'));
    expect(k.redirect('/iaas/2023-05-10/', 'IaaS')).not.toBe(k.redirect('/iaas/2023-05-10/', 'IaaS weekly'));
    expect(k.redirect('/iaas/2023-05-10/', 'IaaS')).not.toBe(k.redirect('/iaas/2023-05-11/', 'IaaS'));
  });
});
