/**
 * src/archive.ts, the one module that reads the collection, with `astro:content`
 * mocked (as Starlight's __tests__/basics/routing.test.ts does): the routes it
 * hands to the pages, from a small invented collection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeRendered } from '../../src/loaders/rendered-files.ts';
import type { SourceRecord } from '../../src/loaders/minutes.ts';
import { makeMeeting, who } from './indexes/make-meeting.ts';

const entries = vi.hoisted(() => ({ list: [] as { id: string; data: unknown; digest?: string }[] }));
vi.mock('astro:content', () => ({ getCollection: async (name: string) => (name === 'minutes' ? entries.list : []) }));
vi.mock('../../src/settings.ts', () => ({
  loadSettings: () => ({
    minutesDir: '/nowhere',
    config: { title: 'Test minutes', seriesNames: { alpha: 'Alpha' }, defaultRepos: {}, exclude: [] },
    aliases: { people: { ada: { name: 'Ada L.', aliases: ['ada-l'] } } },
    problems: [],
    strict: false,
  }),
}));

const { getArchive, meetingRoutes, personRoutes, issueRoutes, issueJsonRoutes, seriesRoutes, redirectRules, bulkFiles, sourceRecord } = await import('../../src/archive.ts');

const renderedDir = mkdtempSync(path.join(tmpdir(), 'archive-test-'));
afterAll(() => rmSync(renderedDir, { recursive: true, force: true }));

function page(source: string, meeting: ReturnType<typeof makeMeeting>, html = `<p>${meeting.id}</p>`) {
  const renderedFile = writeRendered(renderedDir, source, {
    html,
    issueExcerptsHtml: meeting.issues.map((i) => `<li>${i.key}</li>`),
    issueDiscussions: meeting.issues.map((i) => ({ lead: `<p>about ${i.key}</p>`, rest: '' })),
  });
  const data: SourceRecord = { report: { source, status: 'page', id: meeting.id, warnings: [] }, meeting, renderedFile };
  return { id: source, data, digest: `d-${source}` };
}

beforeEach(() => {
  entries.list = [
    page('alpha/20240110.md', makeMeeting({ id: 'alpha/2024-01-10', participants: who('ada', 'ada-l'), issues: [{ key: 'acme/tool#3', line: 4, anchor: '', excerpt: '- acme/tool#3' }] })),
    page('alpha/2024-01-24.md', makeMeeting({ id: 'alpha/2024-01-24', source: 'alpha/2024-01-24.md', participants: who('bo') })),
    { id: 'README.md', data: { report: { source: 'README.md', status: 'skipped', reason: 'not minutes', warnings: [] } } },
  ];
});

describe('archive.ts', () => {
  it('reads every entry once: pages become meetings, every file is in the report', async () => {
    const archive = await getArchive();
    expect([...archive.meetingEntries.keys()]).toEqual(['alpha/2024-01-10', 'alpha/2024-01-24']);
    expect(archive.report.files.map((f) => [f.source, f.status])).toEqual([
      ['README.md', 'skipped'],
      ['alpha/2024-01-24.md', 'page'],
      ['alpha/20240110.md', 'page'],
    ]);
    expect(archive.indexes.resolvePerson('ada-l')).toBe('ada');
  });

  it('meeting routes carry the page view, and the upstream file name as a redirect', async () => {
    const routes = await meetingRoutes();
    // Pages first, then the redirects (files' own names before computed forms: see meetingRoutes).
    expect(routes.map((r) => [r.params.meeting, r.props.redirect])).toEqual([
      ['2024-01-10', false],
      ['2024-01-24', false],
      ['20240110', true],
      ['20240124', true],
    ]);
    const first = routes[0]!.props;
    if (first.redirect) throw new Error('expected a page');
    expect(first.page.html).toBe('<p>alpha/2024-01-10</p>');
    expect(first.page.participants.map((p) => p.label)).toEqual(['Ada L. (@ada)']); // two spellings, one person, shown with the handle
    expect(routes.find((r) => r.params.meeting === '20240110')!.props.page).toEqual({ to: '/alpha/2024-01-10/', title: 'alpha 2024-01-10' });
    expect(new Set(routes.map((r) => r.cacheKey)).size).toBe(routes.length);
    expect(await redirectRules()).toBe('/alpha/20240110/ /alpha/2024-01-10/ 301\n/alpha/20240124/ /alpha/2024-01-24/ 301');
  });

  it('person routes: one page per person, a redirect from each merged variant', async () => {
    const routes = await personRoutes();
    expect(routes.map((r) => [r.params.person, r.props.redirect])).toEqual([
      ['ada', false],
      ['bo', false],
      ['ada-l', true],
    ]);
  });

  it('issue routes: the page with its excerpts, and the JSON file', async () => {
    const [issue] = await issueRoutes();
    expect(issue!.params).toEqual({ org: 'acme', repo: 'tool', n: '3' });
    expect(issue!.props.chapters[0]!.places[0]!.excerpts).toEqual(['<li>acme/tool#3</li>']);
    expect(issue!.props.chapters[0]!.places[0]!.discussion).toEqual({ lead: '<p>about acme/tool#3</p>', rest: '' }); // worked out by the loader
    const [json] = await issueJsonRoutes();
    expect(json!.props.meetings.map((m) => m.id)).toEqual(['alpha/2024-01-10']);
    expect((await seriesRoutes()).map((r) => r.props.name)).toEqual(['Alpha']);
  });

  it('bulk files: issue feeds (their view models) and JSON, and the redirect pages of meetings and people, with their paths below dist', async () => {
    const bundle = new Map(await bulkFiles(new URL('https://example.org')));
    const files = new Map([...bundle].filter((e): e is [string, string] => typeof e[1] === 'string'));
    expect([...bundle.keys()].sort()).toEqual([
      'alpha/20240110/index.html',
      'alpha/20240124/index.html',
      'api/issues/acme/tool/3.json',
      'issues/acme/tool/3/rss.xml',
      'people/ada-l/index.html',
    ]);
    const feed = bundle.get('issues/acme/tool/3/rss.xml');
    expect(typeof feed === 'object' && feed.items.map((i) => i.link)).toEqual(['/alpha/2024-01-10/']);
    expect(files.get('alpha/20240110/index.html')).toContain('<link rel="canonical" href="https://example.org/alpha/2024-01-10/">');
    expect(files.get('people/ada-l/index.html')).toContain('<meta http-equiv="refresh" content="0; url=/people/ada/">');
    expect(JSON.parse(files.get('api/issues/acme/tool/3.json')!).meetings.map((m: { id: string }) => m.id)).toEqual(['alpha/2024-01-10']);
  });

  it('a changed meeting changes its page key, and only the pages that show it', async () => {
    const before = new Map((await meetingRoutes()).map((r) => [r.params.meeting, r.cacheKey]));
    entries.list[1] = page('alpha/2024-01-24.md', makeMeeting({ id: 'alpha/2024-01-24', source: 'alpha/2024-01-24.md', participants: who('bo') }), '<p>edited</p>');
    entries.list[1]!.digest = 'd-edited';
    const after = new Map((await meetingRoutes()).map((r) => [r.params.meeting, r.cacheKey]));
    expect(after.get('2024-01-24')).not.toBe(before.get('2024-01-24'));
    expect(after.get('2024-01-10')).toBe(before.get('2024-01-10'));
  });

  it('a dated copy of a meeting file answers at its URLs, leading to that meeting with a note', async () => {
    const copy = { id: 'alpha/2024-01-17', series: 'alpha', slug: '2024-01-17', date: '2024-01-17', source: 'alpha/20240117.md', copyOf: 'alpha/2024-01-10', title: 'alpha 2024-01-10' };
    entries.list.push({ id: copy.source, data: { report: { source: copy.source, status: 'duplicate', id: copy.id, reason: 'byte-identical copy of alpha/20240110.md', warnings: [] }, copy } satisfies SourceRecord });
    const routes = await meetingRoutes();
    for (const slug of ['2024-01-17', '20240117']) {
      const route = routes.find((r) => r.params.meeting === slug)!;
      expect(route.props).toEqual({
        redirect: true,
        page: { to: '/alpha/2024-01-10/', title: 'alpha 2024-01-10', note: 'alpha/20240117.md (2024-01-17) is a byte-identical copy of alpha/20240110.md: the minutes of that file are shown.' },
      });
    }
    const page = routes.find((r) => r.params.meeting === '2024-01-10')!.props;
    if (page.redirect) throw new Error('expected a page');
    expect(page.page.copies).toEqual([{ source: 'alpha/20240117.md', date: '2024-01-17' }]);
    expect((await getArchive()).report.files.map((f) => f.source)).toContain('alpha/20240117.md');
  });

  it('an entry of another shape fails naming it', () => {
    expect(() => sourceRecord({ id: 'x.md', data: { meeting: {} } })).toThrow(/entry "x.md" is not a source record/);
    expect(sourceRecord({ id: 'README.md', data: { report: { source: 'README.md', status: 'skipped', warnings: [] } } }).report.source).toBe('README.md');
  });
});
