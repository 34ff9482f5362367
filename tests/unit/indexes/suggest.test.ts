import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildPeopleIndex, suggestAliases, aliasFileSnippet } from '../../../src/lib/indexes/people.ts';
import { makeMeeting, who } from './make-meeting.ts';

const counts = (o: Record<string, number>) => Object.entries(o).map(([key, count]) => ({ key, count }));

describe('suggestAliases', () => {
  it.each<[string, Record<string, number>, string[]]>([
    ['typo (edit distance 1)', { matfechner: 25, matfecher: 1 }, ['matfecher → matfechner (edit distance 1; 1 vs 25 meetings)']],
    ['two typos of one handle', { matfechner: 25, matfecher: 1, mafechner: 2 }, [
      'mafechner → matfechner (edit distance 1; 2 vs 25 meetings)',
      'matfecher → matfechner (edit distance 1; 1 vs 25 meetings)',
    ]],
    ['transposition (edit distance 2, long key)', { josephinesei: 30, jospehinesei: 1 }, ['jospehinesei → josephinesei (edit distance 2; 1 vs 30 meetings)']],
    ['typo in a hyphenated handle', { 'artificial-intelligence': 40, 'artifical-intelligence': 7 }, ['artifical-intelligence → artificial-intelligence (edit distance 1; 7 vs 40 meetings)']],
    ['punctuation', { anjastrunk: 9, 'anja.strunk': 2 }, ['anja.strunk → anjastrunk (same apart from - . and spaces; 2 vs 9 meetings)']],
    ['plain name vs handle', { 'friederike zelke': 1, friederikezelke: 12 }, ['friederike zelke → friederikezelke (same apart from - . and spaces; 1 vs 12 meetings)']],
    ['plain name vs surname handle', { 'kurt garloff': 3, garloff: 180 }, ['kurt garloff → garloff (name matches handle; 3 vs 180 meetings)']],
    ['first name alone', { friederike: 1, friederikezelke: 12 }, ['friederike → friederikezelke (first name of; 1 vs 12 meetings)']],
    ['short handles are never paired', { b1: 3, b2: 4, tibo: 2, tibs: 1 }, []],
    ['unrelated handles', { garloff: 10, mbuechse: 10, horazont: 5 }, []],
    ['tie: a handle is preferred as canonical', { 'kurt garloff': 2, garloff: 2 }, ['kurt garloff → garloff (name matches handle; 2 vs 2 meetings)']],
  ])('%s', (_name, input, expected) => {
    expect(suggestAliases(counts(input)).map((s) => s.message).sort()).toEqual([...expected].sort());
  });

  it('leaves out pairs already aliased or declared distinct', () => {
    const { aliases } = parseAliases({ people: { matfechner: { aliases: ['matfecher'] } }, distinct: [['mafechner', 'matfechner']] });
    expect(suggestAliases(counts({ matfechner: 25, matfecher: 1, mafechner: 2 }), aliases)).toEqual([]);
  });

  it('works on a people index (counts = meetings attended)', () => {
    const index = buildPeopleIndex([
      makeMeeting({ id: 's/2023-01-01', participants: who('matfechner', 'matfecher') }),
      makeMeeting({ id: 's/2023-01-08', participants: who('MatFechner') }),
    ]);
    const [s] = suggestAliases(index);
    expect(s).toMatchObject({ a: 'matfecher', b: 'matfechner', reason: 'edit-distance', distance: 1, aCount: 1, bCount: 2 });
    expect(aliasFileSnippet(suggestAliases(index))).toEqual({ people: { matfechner: { aliases: ['matfecher'] } } });
  });

  it('bucketed mode (large inputs) finds the same typo pairs', () => {
    const input = counts({ matfechner: 25, matfecher: 1, josephinesei: 30, jospehinesei: 1, 'artificial-intelligence': 40, 'artifical-intelligence': 7 });
    const full = suggestAliases(input).map((s) => s.message);
    const bucketed = suggestAliases(input, undefined, { pairwiseLimit: 0 }).map((s) => s.message);
    expect(bucketed.sort()).toEqual(full.sort());
  });

  it('still finds typo pairs among 10,000 keys (bucketed, not all pairs)', () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const keys = new Set<string>();
    for (let tries = 0; keys.size < 10_000 && tries < 100_000; tries++) keys.add(Array.from({ length: 6 + Math.floor(rnd() * 8) }, () => letters[Math.floor(rnd() * 26)]).join(''));
    const input = [...keys].map((key, i) => ({ key, count: i % 50 }));
    input.push({ key: 'matfechner', count: 25 }, { key: 'matfecher', count: 1 });
    const out = suggestAliases(input);
    expect(out.some((s) => s.a === 'matfecher' && s.b === 'matfechner')).toBe(true);
  });
});

describe('suggestAliases: one name written with two handles', () => {
  it('suggests the two handles, never merges them', () => {
    const got = suggestAliases([{ key: 'enovak', count: 3 }, { key: 'eli-n', count: 1 }], undefined, { sameName: new Map([['eli novak', ['eli-n', 'enovak']]]) });
    expect(got.map((s) => [s.a, s.b, s.reason])).toEqual([['eli-n', 'enovak', 'same-name']]);
    expect(got[0]!.message).toBe('eli-n → enovak (one name written with both handles; 1 vs 3 meetings)');
  });
});
