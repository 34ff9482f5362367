import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildPeopleIndex, personMeetingsBySeries, sortPeople } from '../../../src/lib/indexes/people.ts';
import type { ActionItem, Participant } from '../../../src/lib/minutes/types.ts';
import { makeMeeting, who } from './make-meeting.ts';

const ai = (assignees: string[], text: string, line: number, extra: Partial<ActionItem> = {}): ActionItem => ({ assignees, text, line, anchor: 'check-ais', ...extra });

describe('buildPeopleIndex: identity', () => {
  const meetings = [
    // Deliberately out of order: the index sorts.
    makeMeeting({ id: 'iaas/2023-05-17', participants: who('juanptm', 'matfechner', 'Kurt Garloff') }),
    makeMeeting({ id: 'iaas/2023-05-10', participants: who('JuanPTM', 'matfecher', 'garloff') }),
    makeMeeting({ id: 'container/2023-05-15', participants: who('juanptm', 'juanptm', 'cah_hbaum') }),
    makeMeeting({ id: 'iaas/undated-notes', date: null, participants: who('juanptm') }),
  ];
  const { aliases } = parseAliases({ people: { matfechner: { name: 'Matthias Fechner', aliases: ['matfecher'] }, garloff: { aliases: ['Kurt Garloff'] } } });
  const index = buildPeopleIndex(meetings, aliases);

  it.each([
    // key, name, meetings (date order, undated last), series counts, first, last
    ['juanptm', 'juanptm', ['iaas/2023-05-10', 'container/2023-05-15', 'iaas/2023-05-17', 'iaas/undated-notes'], { container: 1, iaas: 3 }, '2023-05-10', '2023-05-17'],
    ['matfechner', 'Matthias Fechner', ['iaas/2023-05-10', 'iaas/2023-05-17'], { iaas: 2 }, '2023-05-10', '2023-05-17'],
    // The bare name that resolves to the handle (here by alias) names the person.
    ['garloff', 'Kurt Garloff', ['iaas/2023-05-10', 'iaas/2023-05-17'], { iaas: 2 }, '2023-05-10', '2023-05-17'],
    ['cahhbaum', 'cah_hbaum', ['container/2023-05-15'], { container: 1 }, '2023-05-15', '2023-05-15'],
  ])('%s', (key, name, ids, series, first, last) => {
    const p = index.get(key)!;
    expect(p).toBeDefined();
    expect(p.name).toBe(name);
    expect(p.meetings).toEqual(ids);
    expect(p.series).toEqual(series);
    expect([p.first, p.last]).toEqual([first, last]);
  });

  it('merges case variants and aliases into one key each', () => {
    expect([...index.keys()]).toEqual(['cahhbaum', 'garloff', 'juanptm', 'matfechner']);
    expect(index.get('matfechner')!.variants).toEqual(['matfecher']);
    expect(index.get('garloff')!.variants).toEqual(['kurt garloff']);
  });

  it.each([
    ['MatFecher', 'matfechner'],
    ['@Kurt Garloff', 'garloff'],
    ['JUANPTM', 'juanptm'],
    ['cah\\_hbaum', 'cahhbaum'],
    ['nobody', 'nobody'],
  ])('resolve(%j) → %j', (key, expected) => expect(index.resolve(key)).toBe(expected));

  it('github profile only for valid logins; slug for the route', () => {
    expect(index.get('juanptm')!.github).toBe('https://github.com/juanptm');
    expect(index.bySlug.get('juanptm')).toBe('juanptm');
    const named = buildPeopleIndex([makeMeeting({ id: 's/2022-01-05', participants: who('Dirk Loßack') })]);
    expect(named.get('dirk loßack')!.github).toBeUndefined();
    expect(named.get('dirk loßack')!.slug).toBe('dirk_lossack');
    expect(named.bySlug.get('dirk_lossack')).toBe('dirk loßack');
  });

  it('most frequent label is the name when the alias file gives none', () => {
    const idx = buildPeopleIndex([
      makeMeeting({ id: 's/2023-01-01', participants: who('JoshuaI96') }),
      makeMeeting({ id: 's/2023-01-08', participants: who('joshuai96') }),
      makeMeeting({ id: 's/2023-01-15', participants: who('joshuai96') }),
    ]);
    expect(idx.get('joshuai96')!.name).toBe('joshuai96');
  });

  it('keys whose slugs collide share one person (reported)', () => {
    const idx = buildPeopleIndex([
      makeMeeting({ id: 's/2022-01-05', participants: who('Dirk Loßack') }),
      makeMeeting({ id: 's/2022-01-12', participants: who('Dirk Lossack') }),
      makeMeeting({ id: 's/2022-01-19', participants: who('Dirk Lossack') }),
    ]);
    expect([...idx.keys()]).toEqual(['dirk lossack']);
    expect(idx.get('dirk lossack')!.meetings).toHaveLength(3);
    expect(idx.slugMerges).toEqual([{ key: 'dirk loßack', into: 'dirk lossack' }]);
    expect(idx.resolve('Dirk Loßack')).toBe('dirk lossack');
  });
});

describe('buildPeopleIndex: mentions', () => {
  const meetings = [
    makeMeeting({ id: 'iaas/2023-01-01', participants: who('a'), mentions: [{ key: 'b', line: 9, anchor: 'topic' }, { key: 'a', line: 10, anchor: 'x' }] }),
    makeMeeting({ id: 'iaas/2023-01-08', participants: who('b'), mentions: [{ key: 'a', line: 3, anchor: 'x' }, { key: 'a', line: 4, anchor: 'x' }, { key: 'all', line: 5, anchor: '' }] }),
  ];
  const index = buildPeopleIndex(meetings);

  it.each([
    ['a', ['iaas/2023-01-01'], ['iaas/2023-01-08']],
    ['b', ['iaas/2023-01-08'], ['iaas/2023-01-01']],
  ])('%s: meetings %j, mentioned without attending %j', (key, attended, mentioned) => {
    expect(index.get(key)!.meetings).toEqual(attended);
    expect(index.get(key)!.mentions).toEqual(mentioned);
  });

  it('an @mention alone does not make a person', () => {
    expect(index.has('all')).toBe(false);
  });
});

describe('buildPeopleIndex: carried-forward action items', () => {
  const meetings = [
    makeMeeting({ id: 'sig/2023-11-30', actionItems: [ai(['mbuechse'], '_Bring this forward._', 20, { status: 'open' })] }),
    makeMeeting({ id: 'sig/2023-11-23', participants: who('mbuechse'), actionItems: [ai(['mbuechse', 'fdobrovolny'], 'move [issues/#332](https://github.com/SovereignCloudStack/issues/issues/332) forward', 12), ai(['mbuechse'], 'bring this forward', 13)] }),
    makeMeeting({ id: 'sig/2023-12-07', actionItems: [
      ai(['mbuechse'], 'Bring [this](https://example.org) forward', 14, { status: 'done: https://example.org/pr/1' }),
      ai(['MBuechse', 'fdobrvolny'], '*move issues/#332   forward*', 15, { anchor: 'pending' }),
      ai(['mbuechse'], 'Write the ADR', 30),
    ] }),
    makeMeeting({ id: 'sig/2023-12-14', actionItems: [ai(['mbuechse'], 'move issues/#332 forward!', 8), ai(['mbuechse'], 'move issues/#332 forward', 40)] }),
  ];
  const { aliases } = parseAliases({ people: { fdobrovolny: { aliases: ['fdobrvolny'] } } });
  const index = buildPeopleIndex(meetings, aliases);
  const items = index.get('mbuechse')!.actionItems;

  it('each distinct item once, newest first', () => {
    expect(items.map((i) => i.key)).toEqual(['move issues 332 forward', 'write the adr', 'bring this forward']);
  });

  it.each([
    // key, first (meeting, line), last (meeting, line), meetings, status, text
    ['move issues 332 forward', ['sig/2023-11-23', 12], ['sig/2023-12-14', 8], 3, undefined, 'move issues/#332 forward!'],
    ['bring this forward', ['sig/2023-11-23', 13], ['sig/2023-12-07', 14], 3, 'done: https://example.org/pr/1', 'Bring [this](https://example.org) forward'],
    ['write the adr', ['sig/2023-12-07', 30], ['sig/2023-12-07', 30], 1, undefined, 'Write the ADR'],
  ])('%s', (key, [firstId, firstLine], [lastId, lastLine], count, status, text) => {
    const item = items.find((i) => i.key === key)!;
    expect([item.first.meetingId, item.first.line]).toEqual([firstId, firstLine]);
    expect([item.last.meetingId, item.last.line]).toEqual([lastId, lastLine]);
    expect(item.meetings).toBe(count);
    expect(item.status).toBe(status);
    expect(item.text).toBe(text);
  });

  it('shared items appear for every (aliased) assignee', () => {
    const other = index.get('fdobrovolny')!;
    expect(other.meetings).toEqual([]); // assigned but never attended: still a person (links from action items resolve)
    expect(other.actionItems).toHaveLength(1);
    expect(other.actionItems[0]!.first.meetingId).toBe('sig/2023-11-23');
    expect(other.actionItems[0]!.last.meetingId).toBe('sig/2023-12-07');
    expect(other.actionItems[0]!.assignees).toEqual(['fdobrovolny', 'mbuechse']);
  });
});

describe('helpers for the people pages', () => {
  const meetings = [
    makeMeeting({ id: 'iaas/2022-03-01', participants: who('a', 'b') }),
    makeMeeting({ id: 'iaas/2023-03-01', participants: who('a') }),
    makeMeeting({ id: 'container/2023-04-01', participants: who('a', 'Zed') }),
  ];
  const index = buildPeopleIndex(meetings);
  const byId = new Map(meetings.map((m) => [m.id, m]));

  it.each([
    ['name', ['a', 'b', 'zed']],
    ['attendance', ['a', 'b', 'zed']],
  ] as const)('sortPeople by %s', (by, keys) => expect(sortPeople(index.values(), by).map((p) => p.key)).toEqual(keys));

  it('groups a person’s meetings by series and year', () => {
    const groups = personMeetingsBySeries(index.get('a')!, byId);
    expect(groups.map((g) => [g.series, g.count, g.years.map((y) => [y.year, y.meetings.map((m) => m.id)])])).toEqual([
      ['iaas', 2, [['2023', ['iaas/2023-03-01']], ['2022', ['iaas/2022-03-01']]]],
      ['container', 1, [['2023', ['container/2023-04-01']]]],
    ]);
  });
});

describe('buildPeopleIndex: one person per identity (names, handles, abbreviations)', () => {
  const p = (key: string, label: string, extra: Partial<Participant> = {}): Participant => ({ key, label, ...extra });
  const meetings = [
    makeMeeting({ id: 'cpc/2024-01-09', participants: [p('afonseca', '@afonseca', { name: 'Abel Fonseca' }), p('enovak', '@enovak', { name: 'Eli Novak' }), p('qalbers', '@qalbers', { name: 'Quentin Albers', abbreviation: 'QA' })] }),
    makeMeeting({ id: 'cpc/2024-01-23', participants: [p('abel fonseca', 'Abel Fonseca'), p('eli novak', 'Eli Novak'), p('qa', 'QA', { abbreviation: 'QA', abbreviationOnly: true }), p('rosa delgado', 'Rosa Delgado', { abbreviation: 'RD' })] }),
    makeMeeting({
      id: 'cpc/2024-02-06',
      participants: [p('eli-n', '@eli-n', { name: 'Eli Novak' }), p('rd', 'RD', { abbreviation: 'RD', abbreviationOnly: true }), p('zz', 'ZZ', { abbreviation: 'ZZ', abbreviationOnly: true })],
      actionItems: [{ assignees: ['abel fonseca'], text: 'send the budget', line: 9, anchor: '' }],
    }),
  ];
  const index = buildPeopleIndex(meetings);

  it.each([
    ['afonseca', 'Abel Fonseca', ['cpc/2024-01-09', 'cpc/2024-01-23']],
    ['qalbers', 'Quentin Albers', ['cpc/2024-01-09', 'cpc/2024-01-23']],
    ['rosa delgado', 'Rosa Delgado', ['cpc/2024-01-23', 'cpc/2024-02-06']],
    // One name written with two handles: nothing merged.
    ['enovak', 'Eli Novak', ['cpc/2024-01-09']],
    ['eli-n', 'Eli Novak', ['cpc/2024-02-06']],
    ['eli novak', 'Eli Novak', ['cpc/2024-01-23']],
    // An abbreviation nobody wrote out stays as written.
    ['zz', 'ZZ', ['cpc/2024-02-06']],
  ])('%s is "%s", attending %j', (key, name, ids) => {
    expect(index.get(key)?.name).toBe(name);
    expect(index.get(key)?.meetings).toEqual(ids);
  });

  it('has no separate page for a bare name or abbreviation that resolves', () => {
    expect([...index.keys()].sort()).toEqual(['afonseca', 'eli novak', 'eli-n', 'enovak', 'qalbers', 'rosa delgado', 'zz']);
    expect(index.resolve('Abel Fonseca')).toBe('afonseca');
    expect(index.resolve('qa')).toBe('qalbers');
    expect(index.resolve('rd')).toBe('rosa delgado');
  });

  it('gives a name assignee the handle person', () => {
    expect(index.get('afonseca')?.actionItems.map((a) => a.text)).toEqual(['send the budget']);
  });

  it('lists names written with several handles for the report', () => {
    expect([...index.namesWithSeveralHandles]).toEqual([['eli novak', ['eli-n', 'enovak']]]);
  });

  it('the alias file wins over what the minutes write', () => {
    const { aliases } = parseAliases({ people: { 'abel-f': { name: 'Abel F.', aliases: ['afonseca', 'Abel Fonseca'] } } });
    const aliased = buildPeopleIndex(meetings, aliases);
    expect(aliased.get('abel-f')?.name).toBe('Abel F.');
    expect(aliased.get('abel-f')?.meetings).toEqual(['cpc/2024-01-09', 'cpc/2024-01-23']);
  });
});
