import { describe, expect, it } from 'vitest';
import { parseAbbreviationList, parseAliases, resolvePerson, withAbbreviations } from '../../../src/lib/indexes/aliases.ts';

describe('parseAliases', () => {
  const file = {
    people: {
      MatFechner: { name: 'Matthias Fechner', aliases: ['@matfecher', 'Mafechner', 'Matthias Fechner'] },
      garloff: 'Kurt Garloff',
      'cah_hbaum': ['cah-baum'],
      friederikezelke: { aliases: ['friederike', 'Friederike Zelke'] },
      friederike: { name: 'Friederike' }, // an alias with its own entry: chain/name moves to the final key
    },
    distinct: [['jonas', 'Jonas-X']],
  };
  const { aliases, problems } = parseAliases(file);

  it.each([
    ['matfechner', 'matfechner'],
    ['MatFechner', 'matfechner'],
    ['@matfecher', 'matfechner'],
    ['MATFECHER', 'matfechner'],
    ['mafechner', 'matfechner'],
    ['matthias  fechner', 'matfechner'],
    ['cah\\_hbaum', 'cahhbaum'],
    ['cah-baum', 'cahhbaum'],
    ['Friederike Zelke', 'friederikezelke'],
    ['friederike', 'friederikezelke'],
    ['JuanPTM', 'juanptm'], // unknown: normalised only
  ])('resolvePerson(%j) → %j', (key, expected) => expect(resolvePerson(aliases, key)).toBe(expected));

  it('keeps display names and distinct pairs', () => {
    expect(aliases.names.get('matfechner')).toBe('Matthias Fechner');
    expect(aliases.names.get('garloff')).toBe('Kurt Garloff');
    expect(aliases.names.get('friederikezelke')).toBe('Friederike');
    expect(aliases.distinct.size).toBe(1);
    expect(problems).toEqual([]);
  });

  it.each<[string, unknown, RegExp[]]>([
    ['no file', undefined, []],
    ['null', null, []],
    ['not an object', [1, 2], [/must be a JSON object/]],
    ['people not an object', { people: [] }, [/"people" must be an object/]],
    ['unknown top-level key', { people: {}, persons: {} }, [/unknown key "persons"/]],
    ['entry of wrong type', { people: { a: 3 } }, [/"a": must be an object/]],
    ['aliases not strings', { people: { a: { aliases: [1] } } }, [/"aliases" must be an array of strings/]],
    ['empty name', { people: { a: { name: '' } } }, [/"name" must be a non-empty string/]],
    ['alias claimed twice', { people: { a: { aliases: ['x'] }, b: { aliases: ['X'] } } }, [/"X" is an alias of both "a" and "b"/]],
    ['cycle', { people: { a: { aliases: ['b'] }, b: { aliases: ['a'] } } }, [/cycle/, /cycle/]],
    ['bad distinct', { people: {}, distinct: [['a']] }, [/not a \[key, key\] pair/]],
  ])('%s → problems', (_name, raw, expected) => {
    const { problems: got } = parseAliases(raw);
    expect(got).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(got[i]).toMatch(re));
  });

  it('a conflicting alias keeps the first owner', () => {
    const { aliases: t } = parseAliases({ people: { a: { aliases: ['x'] }, b: { aliases: ['x'] } } });
    expect(resolvePerson(t, 'x')).toBe('a');
  });
});

describe('abbreviation list', () => {
  it('reads Name (ABBR) lines, skips comments and blanks, reports the rest', () => {
    const { entries, problems } = parseAbbreviationList('# delegates\nJane Doe (JD)\n\n- Max Mustermann (MM)\nQA: Quentin Albers\nnot an entry line\n');
    expect(entries).toEqual([['JD', 'Jane Doe'], ['MM', 'Max Mustermann'], ['QA', 'Quentin Albers']]);
    expect(problems).toEqual(['abbreviations: line 6: "not an entry line" is not "Name (ABBR)"; ignored']);
  });

  it('adds each abbreviation as an alias of the name; the alias file wins', () => {
    const { aliases } = parseAliases({ people: { jdoe: { aliases: ['Jane Doe'] }, other: { aliases: ['MM'] } } });
    const table = withAbbreviations(aliases, [['JD', 'Jane Doe'], ['MM', 'Max Mustermann']]);
    expect(resolvePerson(table, 'JD')).toBe('jdoe');
    expect(resolvePerson(table, 'mm')).toBe('other');
  });
});
