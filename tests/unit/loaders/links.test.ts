import { describe, expect, it } from 'vitest';
import { createLinkResolvers, findAnchor } from '../../../src/loaders/links.ts';
import { createPaths } from '../../../src/lib/paths.ts';

const resolvers = createLinkResolvers({
  paths: createPaths('/minutes'),
  idBySource: new Map([
    ['iaas/20230517.md', 'iaas/2023-05-17'],
    ['sig-standardization/20230704-special.md', 'sig-standardization/2023-07-04-special'],
  ]),
  images: new Set(['community-call/ed42483e.png', 'community-call/img/a b.png']),
  anchorsById: new Map([
    ['iaas/2023-05-17', new Set(['ceph-upgrade-pacific---quincy'])],
    ['sig-standardization/2023-07-04-special', new Set(['designing-a-thing'])],
  ]),
});

describe('links into the minutes repository', () => {
  it.each([
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20230517.md', '/minutes/iaas/2023-05-17/'],
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20230517.md#ceph-upgrade-pacific---quincy', '/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy'],
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20230517.md#L57', '/minutes/iaas/2023-05-17/'],
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20230517.md#Ceph-Upgrade-Pacific---Quincy', '/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy'],
    ['https://github.com/SovereignCloudStack/minutes/tree/main/iaas/20230517.md', '/minutes/iaas/2023-05-17/'],
    ['https://github.com/SovereignCloudStack/minutes/tree/main/iaas', '/minutes/iaas/'],
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20990101.md', undefined],
    ['https://github.com/SovereignCloudStack/standards/blob/main/README.md', undefined],
    ['https://example.org/iaas/20230517.md', undefined],
  ])('%s → %s', (url, expected) => {
    expect(resolvers.minutes('community-call/20230601.md', url)).toBe(expected);
  });

  it('resolves a relative link between minutes of one series, with its anchor', () => {
    expect(resolvers.minutes('sig-standardization/20230824.md', '20230704-special.md#designing-a-thing')).toBe(
      '/minutes/sig-standardization/2023-07-04-special/#designing-a-thing',
    );
    expect(resolvers.minutes('sig-standardization/20230824.md', 'notes.txt')).toBeUndefined();
  });

  it('a malformed percent escape is a path as written, not an error', () => {
    expect(resolvers.minutes('sig-standardization/20230824.md', '20230704%zz.md')).toBeUndefined();
    expect(resolvers.minutes('sig-standardization/20230824.md', '20230704-special.md#a%E0')).toBe('/minutes/sig-standardization/2023-07-04-special/');
    expect(resolvers.minutes('community-call/20230601.md', 'https://github.com/o/minutes/blob/main/iaas/%E0.md')).toBeUndefined();
  });
});

describe('images next to the minutes', () => {
  it.each([
    ['https://input.scs.community/uploads/ed42483e.png', '/minutes/_media/community-call/ed42483e.png'],
    ['https://input.scs.community/uploads/missing.png', undefined],
    ['ed42483e.png', '/minutes/_media/community-call/ed42483e.png'],
    ['./img/a%20b.png', '/minutes/_media/community-call/img/a%20b.png'],
    ['../iaas/x.png', undefined],
    ['https://example.org/ed42483e.png', undefined],
    ['img/a%zz.png', undefined],
    ['https://pad.example/uploads/%E0.png', undefined],
  ])('%s → %s', (url, expected) => {
    expect(resolvers.asset('community-call/20231221.md', url)).toBe(expected);
  });
});

describe('anchor lookups (a cached rendering is stale when one resolves differently)', () => {
  it('reports every anchor looked up in another meeting, found or not', () => {
    const seen: unknown[] = [];
    const r = createLinkResolvers({
      paths: createPaths('/'),
      idBySource: new Map([['iaas/20230517.md', 'iaas/2023-05-17']]),
      images: new Set(),
      anchorsById: new Map([['iaas/2023-05-17', new Set(['ceph'])]]),
      onAnchorLookup: (from, lookup) => seen.push([from, ...lookup]),
    });
    expect(r.minutes('iaas/20230524.md', '20230517.md#Ceph')).toBe('/iaas/2023-05-17/#ceph');
    expect(r.minutes('iaas/20230524.md', '20230517.md#budget')).toBe('/iaas/2023-05-17/');
    expect(r.minutes('iaas/20230524.md', '20230517.md')).toBe('/iaas/2023-05-17/');
    expect(seen).toEqual([
      ['iaas/20230524.md', 'iaas/2023-05-17', 'Ceph', 'ceph'],
      ['iaas/20230524.md', 'iaas/2023-05-17', 'budget', null],
    ]);
  });

  it.each<[string[], string, string | null]>([
    [['ceph'], 'ceph', 'ceph'],
    [['ceph'], 'Ceph', 'ceph'],
    [['Ceph'], 'Ceph', 'Ceph'],
    [[], 'ceph', null],
    [['ceph'], '', null],
  ])('findAnchor(%j, %j) = %j', (anchors, wanted, found) => {
    expect(findAnchor(new Set(anchors), wanted)).toBe(found);
  });
});
