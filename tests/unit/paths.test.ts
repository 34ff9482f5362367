import { describe, expect, it } from 'vitest';
import { createPaths, issueRouteParams, normalizeBase, personSlug } from '../../src/lib/paths.ts';

describe('normalizeBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/minutes', '/minutes/'],
    ['/minutes/', '/minutes/'],
    ['minutes', '/minutes/'],
    ['//a/b//', '/a/b/'],
  ])('%j → %j', (base, expected) => expect(normalizeBase(base)).toBe(expected));
});

describe('createPaths', () => {
  const meeting = { id: 'iaas/2023-05-17', series: 'iaas', slug: '2023-05-17' };
  const cases: [string, (p: ReturnType<typeof createPaths>) => string, string, string][] = [
    // [name, builder, with base "/", with base "/minutes"]
    ['home', (p) => p.home(), '/', '/minutes/'],
    ['meeting by id', (p) => p.meeting('iaas/2023-05-17'), '/iaas/2023-05-17/', '/minutes/iaas/2023-05-17/'],
    ['meeting by object', (p) => p.meeting(meeting), '/iaas/2023-05-17/', '/minutes/iaas/2023-05-17/'],
    ['meeting with suffix', (p) => p.meeting('community-call/2023-07-04-special'), '/community-call/2023-07-04-special/', '/minutes/community-call/2023-07-04-special/'],
    ['section', (p) => p.section(meeting, 'ceph-upgrade-pacific---quincy'), '/iaas/2023-05-17/#ceph-upgrade-pacific---quincy', '/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy'],
    ['section before first heading', (p) => p.section('iaas/2023-05-17', ''), '/iaas/2023-05-17/', '/minutes/iaas/2023-05-17/'],
    ['series', (p) => p.series('iaas'), '/iaas/', '/minutes/iaas/'],
    ['series with a space', (p) => p.series('tech weekly'), '/tech%20weekly/', '/minutes/tech%20weekly/'],
    ['people', (p) => p.people(), '/people/', '/minutes/people/'],
    ['person handle', (p) => p.person('matfechner'), '/people/matfechner/', '/minutes/people/matfechner/'],
    ['person plain name', (p) => p.person('kurt garloff'), '/people/kurt_garloff/', '/minutes/people/kurt_garloff/'],
    ['issues', (p) => p.issues(), '/issues/', '/minutes/issues/'],
    ['issue', (p) => p.issue('sovereigncloudstack/issues#28'), '/issues/sovereigncloudstack/issues/28/', '/minutes/issues/sovereigncloudstack/issues/28/'],
    ['issue mixed case', (p) => p.issue('SovereignCloudStack/Docs#7'), '/issues/sovereigncloudstack/docs/7/', '/minutes/issues/sovereigncloudstack/docs/7/'],
    ['search', (p) => p.search(), '/search/', '/minutes/search/'],
    ['search query', (p) => p.search('standards#199 & @x'), '/search/?q=standards%23199%20%26%20%40x', '/minutes/search/?q=standards%23199%20%26%20%40x'],
    ['api', (p) => p.api('meetings.json'), '/api/meetings.json', '/minutes/api/meetings.json'],
    ['issue api', (p) => p.issueApi('osism/issues#189'), '/api/issues/osism/issues/189.json', '/minutes/api/issues/osism/issues/189.json'],
    ['asset from minutes', (p) => p.asset('iaas/my image.png'), '/_media/iaas/my%20image.png', '/minutes/_media/iaas/my%20image.png'],
    ['root asset', (p) => p.asset('favicon.svg', false), '/favicon.svg', '/minutes/favicon.svg'],
    ['file', (p) => p.file('build-report.json'), '/build-report.json', '/minutes/build-report.json'],
    ['feed', (p) => p.feed(), '/rss.xml', '/minutes/rss.xml'],
    ['series feed', (p) => p.feed('iaas'), '/iaas/rss.xml', '/minutes/iaas/rss.xml'],
    ['issue feed', (p) => p.issueFeed('osism/issues#189'), '/issues/osism/issues/189/rss.xml', '/minutes/issues/osism/issues/189/rss.xml'],
    ['about', (p) => p.about(), '/about/', '/minutes/about/'],
    ['build report', (p) => p.buildReport(), '/build-report/', '/minutes/build-report/'],
  ];
  it.each(cases)('%s', (_name, build, root, sub) => {
    expect(build(createPaths('/'))).toBe(root);
    for (const base of ['/minutes', '/minutes/', 'minutes']) expect(build(createPaths(base))).toBe(sub);
  });

  it('every path stays under the base', () => {
    const p = createPaths('/minutes');
    for (const [, build] of cases) expect(build(p).startsWith('/minutes/')).toBe(true);
  });


  it('rejects a malformed issue key', () => {
    expect(() => createPaths('/').issue('not-a-key')).toThrow();
  });
});

describe('personSlug', () => {
  it.each([
    ['matfechner', 'matfechner'],
    ['artifical-intelligence', 'artifical-intelligence'],
    ['anja.strunk', 'anja.strunk'],
    ['kurt garloff', 'kurt_garloff'],
    ['dirk loßack', 'dirk_lossack'],
    ['José Müller', 'jose_muller'],
    ['friederike zelke', 'friederike_zelke'],
    ['-odd-', 'odd'],
  ])('%j → %j', (key, slug) => expect(personSlug(key)).toBe(slug));

  it('never returns an empty or unsafe segment', () => {
    for (const key of ['', '..', '王小明', '@@@', 'a/b', 'x?y#z']) {
      const s = personSlug(key);
      expect(s).toMatch(/^[a-z0-9._-]+$/);
      expect(s).not.toBe('.');
      expect(s).not.toBe('..');
    }
  });

  it('a name slug never equals a handle slug (handles have no "_")', () => {
    expect(personSlug('kurt garloff')).not.toBe(personSlug('kurt-garloff'));
  });
});

describe('issue keys', () => {
  it('route params', () => {
    expect(issueRouteParams('osism/issues#189')).toEqual({ org: 'osism', repo: 'issues', n: '189' });
  });
});
