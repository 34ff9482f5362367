import { describe, expect, it } from 'vitest';
import { validateAliasFile } from '../../src/lib/alias-file.ts';
import { DEFAULT_CONFIG, resolveConfig, seriesName } from '../../src/lib/config.ts';

describe('archive.config.json (resolveConfig)', () => {
  it('takes every valid field', () => {
    const { config, problems } = resolveConfig({
      $schema: './schema.json',
      title: 'Our minutes',
      sourceUrl: 'https://github.com/o/minutes/blob/main/',
      seriesNames: { iaas: 'Team IaaS' },
      defaultRepos: { iaas: 'O/Issues' },
      exclude: ['drafts/x.md'],
      topics: { ignore: ['Other items'] },
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      title: 'Our minutes',
      sourceUrl: 'https://github.com/o/minutes/blob/main',
      seriesNames: { iaas: 'Team IaaS' },
      defaultRepos: { iaas: 'o/issues' },
      exclude: [...DEFAULT_CONFIG.exclude, 'drafts/x.md'],
      topics: { ignore: ['Other items'] },
    });
  });

  it.each([
    { name: 'no file', raw: undefined, problems: [] },
    { name: 'not an object', raw: [1], problems: [{ path: '', message: 'the config must be a JSON object' }] },
    { name: 'wrong title', raw: { title: 3 }, problems: [{ path: 'title', message: 'Invalid input: expected string, received number' }] },
    { name: 'one bad series name', raw: { seriesNames: { iaas: 4 } }, problems: [{ path: 'seriesNames.iaas', message: 'Invalid input: expected string, received number' }] },
    { name: 'a repo that is not org/repo', raw: { defaultRepos: { iaas: 'issues' } }, problems: [{ path: 'defaultRepos.iaas', message: 'must be "org/repo"' }] },
    { name: 'exclude not a list', raw: { exclude: 'a.md' }, problems: [{ path: 'exclude', message: 'Invalid input: expected array, received string' }] },
    { name: 'topics without ignore', raw: { topics: {} }, problems: [{ path: 'topics.ignore', message: 'Invalid input: expected array, received undefined' }] },
    { name: 'one bad ignored heading', raw: { topics: { ignore: ['x', 1] } }, problems: [{ path: 'topics.ignore[1]', message: 'Invalid input: expected string, received number' }] },
    { name: 'one bad exclude entry', raw: { exclude: ['a.md', 2] }, problems: [{ path: 'exclude[1]', message: 'Invalid input: expected string, received number' }] },
  ])('$name', ({ raw, problems }) => {
    expect(resolveConfig(raw).problems).toEqual(problems);
  });

  it('a wrong field falls back to its default, the others still apply', () => {
    const { config } = resolveConfig({ title: 'Kept', seriesNames: { iaas: 4 }, exclude: 'x' });
    expect(config.title).toBe('Kept');
    expect(config.seriesNames).toEqual({});
    expect(config.exclude).toEqual(DEFAULT_CONFIG.exclude);
  });
});

describe('aliases.json (validateAliasFile)', () => {
  it('keeps every form of a valid file', () => {
    const raw = { people: { a: 'Alice', b: ['bee'], c: { name: 'Cee', aliases: ['see'] } }, distinct: [['a', 'b']] };
    expect(validateAliasFile(raw)).toEqual({ data: { people: raw.people, distinct: [['a', 'b']] }, problems: [] });
  });

  it.each([
    { name: 'not an object', raw: 'x', problems: [{ path: '', message: 'Invalid input: expected object, received string' }], people: undefined },
    { name: 'unknown top-level key', raw: { people: {}, extra: 1 }, problems: [{ path: '', message: 'Unrecognized key: "extra"' }], people: {} },
    { name: 'people not an object', raw: { people: 3 }, problems: [{ path: 'people', message: 'Invalid input: expected record, received number' }], people: {} },
    {
      name: 'a person of no known form',
      raw: { people: { a: 5, b: 'Bee' } },
      problems: [{ path: 'people.a', message: 'must be a name, a list of aliases, or { "name", "aliases" }' }],
      people: { b: 'Bee' },
    },
    {
      name: 'an empty name and a bad alias',
      raw: { people: { a: { name: ' ', aliases: ['x', 1] } } },
      problems: [
        { path: 'people.a.name', message: 'must be a non-empty string' },
        { path: 'people.a.aliases[1]', message: 'Invalid input: expected string, received number' },
      ],
      people: {},
    },
    {
      name: 'an unknown field is ignored, the person kept',
      raw: { people: { a: { name: 'Alice', note: 'x' } } },
      problems: [{ path: 'people.a.note', message: 'unknown field, ignored (a person has "name" and "aliases")' }],
      people: { a: { name: 'Alice' } },
    },
  ])('$name', ({ raw, problems, people }) => {
    const result = validateAliasFile(raw);
    expect(result.problems).toEqual(problems);
    expect(result.data?.people).toEqual(people);
  });

  it('a malformed pair is left out of distinct', () => {
    expect(validateAliasFile({ distinct: [['a'], ['a', 'b'], 'c'] })).toEqual({
      data: { people: {}, distinct: [['a', 'b']] },
      problems: [
        { path: 'distinct[0]', message: 'must be a [key, key] pair of strings' },
        { path: 'distinct[2]', message: 'must be a [key, key] pair of strings' },
      ],
    });
  });
});

describe('seriesName', () => {
  it.each([
    ['iaas', 'IaaS'],
    ['paas-team', 'PaaS Team'],
    ['sig-standardization', 'SIG Standardization'],
    ['ops', 'OPS'],
    ['openops', 'Openops'],
    ['community_call', 'Community Call'],
    ['k8s-sig', 'K8s SIG'],
    ['api', 'API'],
    ['weekly', 'Weekly'],
  ])('%s → %s', (folder, name) => {
    expect(seriesName(DEFAULT_CONFIG, folder)).toBe(name);
  });

  it('the config wins', () => {
    expect(seriesName({ ...DEFAULT_CONFIG, seriesNames: { iaas: 'Team IaaS' } }, 'iaas')).toBe('Team IaaS');
  });
});
