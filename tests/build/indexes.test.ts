/**
 * People and issue indexes as built: the JSON API shapes (api/people.json,
 * api/issues.json, api/issues/<org>/<repo>/<n>.json), one page per person and
 * per issue, and on the real SCS archive the checks of the people/issues
 * issue (#28's story, people-key count, alias suggestions, a frequent
 * participant's meetings, no broken link on these pages).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { IssueJson, IssuesJson, MeetingsJson, PeopleJson } from '../../src/lib/indexes/json.ts';
import { issueRouteParams, personSlug } from '../../src/lib/paths.ts';
import { checkDist } from '../../scripts/check-dist.mjs';

const sites = inject('sites');

function reader(outDir: string) {
  const read = (p: string) => readFileSync(path.join(outDir, p), 'utf8');
  return {
    read,
    has: (p: string) => existsSync(path.join(outDir, p)),
    people: () => (JSON.parse(read('api/people.json')) as PeopleJson).people,
    issues: () => (JSON.parse(read('api/issues.json')) as IssuesJson).issues,
    issue: (key: string) => {
      const { org, repo, n } = issueRouteParams(key);
      return JSON.parse(read(`api/issues/${org}/${repo}/${n}.json`)) as IssueJson;
    },
    meetings: () => (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings,
  };
}
const issueDir = (key: string) => {
  const { org, repo, n } = issueRouteParams(key);
  return `issues/${org}/${repo}/${n}`;
};
const ISSUE_KEY = /^[^/#\s]+\/[^/#\s]+#\d+$/;

describe.each([
  ['basic', sites.basic, '/'],
  ['sample', sites.sample, '/minutes/'],
] as const)('%s site: JSON API and pages', (_name, site, base) => {
  const r = reader(site.outDir);
  const people = r.people();
  const issues = r.issues();
  const meetingIds = new Set(r.meetings().map((m) => m.id));

  it('people.json: { people: [{ key, name, url, meetings, mentions, actionItems }] }, sorted by key', () => {
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['actionItems', 'key', 'meetings', 'mentions', 'name', 'url']));
      expect(typeof p.key).toBe('string');
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.url).toBe(`${base}people/${personSlug(p.key)}/`);
      expect(typeof p.actionItems).toBe('number');
      for (const id of [...p.meetings, ...p.mentions]) expect(meetingIds).toContain(id);
      for (const id of p.mentions) expect(p.meetings).not.toContain(id);
    }
    const keys = people.map((p) => p.key);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('issues.json: { issues: [{ key, github, url, meetings: [{ id, anchors }] }] }', () => {
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.key).toMatch(ISSUE_KEY);
      expect(i.github).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/issues\/\d+$/);
      const { org, repo, n } = issueRouteParams(i.key);
      expect(i.url).toBe(`${base}issues/${org}/${repo}/${n}/`);
      expect(i.meetings.length).toBeGreaterThan(0);
      for (const m of i.meetings) {
        expect(meetingIds).toContain(m.id);
        expect(Array.isArray(m.anchors)).toBe(true);
      }
    }
  });

  it('has one JSON file per issue, agreeing with issues.json', () => {
    for (const i of issues) {
      const one = r.issue(i.key);
      expect(one.key).toBe(i.key);
      expect(one.github).toBe(i.github);
      expect(one.meetings.map((m) => m.id)).toEqual(i.meetings.map((m) => m.id));
      for (const m of one.meetings) {
        expect(m.url).toBe(`${base}${m.id}/`);
        for (const s of m.sections) expect(s.url).toBe(s.anchor ? `${base}${m.id}/#${s.anchor}` : `${base}${m.id}/`);
      }
    }
  });

  it('has a page for every person, every issue (with its feed), and the two index pages', () => {
    expect(r.has('people/index.html')).toBe(true);
    expect(r.has('issues/index.html')).toBe(true);
    for (const p of people) expect(r.has(`people/${personSlug(p.key)}/index.html`), p.key).toBe(true);
    for (const i of issues) {
      expect(r.has(`${issueDir(i.key)}/index.html`), i.key).toBe(true);
      expect(r.read(`${issueDir(i.key)}/rss.xml`)).toContain('<rss');
    }
  });

  it('lists everyone who attended on /people/ and every issue on /issues/', () => {
    const list = r.read('people/index.html');
    for (const p of people.filter((x) => x.meetings.length > 0)) expect(list).toContain(`href="${p.url}"`);
    const all = r.read('issues/index.html');
    for (const i of issues) expect(all).toContain(`href="${i.url}"`);
  });

  it('tells the story of an issue: every meeting, section links, GitHub link, issue key in the h1', () => {
    const i = [...issues].sort((a, b) => b.meetings.length - a.meetings.length)[0]!;
    const html = r.read(`${issueDir(i.key)}/index.html`);
    // Not in pagefind's index: the search page finds an issue in issues/search.json (src/scripts/search.ts).
    expect(html).not.toContain('data-pagefind-body');
    const searchData = JSON.parse(r.read('issues/search.json')) as { issues: [string, string][] };
    expect(searchData.issues.map(([key]) => key).sort()).toEqual(issues.map((x) => x.key).sort());
    expect(searchData.issues.find(([key]) => key === i.key)![1]).toMatch(new RegExp(`^Discussed in ${i.meetings.length} meetings from \\d{4}-\\d\\d-\\d\\d to `));
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
    expect(h1).toBe(i.key);
    expect(html).toContain(`href="${i.github}"`);
    for (const m of r.issue(i.key).meetings) for (const s of m.sections) expect(html).toContain(`href="${s.url}"`);
    // date order
    const positions = r.issue(i.key).meetings.map((m) => html.indexOf(`href="${m.url}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('draws the attendance timeline as inline SVG with a title and description', () => {
    const p = [...people].sort((a, b) => b.meetings.length - a.meetings.length)[0]!;
    const html = r.read(`people/${personSlug(p.key)}/index.html`);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toMatch(/<title id="[^"]+">[^<]+<\/title>\s*<desc/);
    const dated = new Set(r.meetings().filter((m) => m.date !== null).map((m) => m.id));
    expect((html.match(/class="tl-mark"/g) ?? []).length).toBe(p.meetings.filter((id) => dated.has(id)).length);
  });
});

describe('basic site: aliases', () => {
  const r = reader(sites.basic.outDir);
  it('merges variants and redirects their URL to the canonical page', () => {
    const keys = r.people().map((p) => p.key);
    expect(keys).toContain('bob-t');
    expect(keys).not.toContain('bobt');
    expect(r.read('people/bobt/index.html')).toContain('/people/bob-t/');
  });
});

describe('SCS corpus: people and issues', () => {
  const site = sites.corpus;
  const r = reader(site.outDir);
  const people = r.people();
  const issues = r.issues();

  it('tells the story of sovereigncloudstack/issues#28, including iaas 2023-05-17 with a link to its section', () => {
    const key = 'sovereigncloudstack/issues#28';
    const story = r.issue(key);
    const m = story.meetings.find((x) => x.id === 'iaas/2023-05-17')!;
    expect(m).toBeDefined();
    expect(m.sections.length).toBeGreaterThan(0);
    const section = m.sections[0]!;
    expect(section.anchor).not.toBe('');
    const html = r.read(`${issueDir(key)}/index.html`);
    expect(html).toContain(`href="/minutes/iaas/2023-05-17/#${section.anchor}"`);
    expect(html).toContain('17 May 2023');
    expect(html).toContain('href="https://github.com/sovereigncloudstack/issues/issues/28"');
    // …and the section exists on the meeting page.
    expect(r.read('iaas/2023-05-17/index.html')).toContain(`id="${section.anchor}"`);
  });

  it('has a reasonable number of people keys (case and punctuation variants merged)', () => {
    expect(people.length).toBeGreaterThan(50);
    expect(people.length).toBeLessThan(210);
  });

  it('suggests typo aliases such as matfecher → matfechner in the build report', () => {
    const keys = new Set(people.map((p) => p.key));
    const pairs = [['matfecher', 'matfechner']].filter(([a, b]) => keys.has(a!) && keys.has(b!));
    const json = JSON.parse(r.read('build-report.json')) as { aliasSuggestions?: { a: string; b: string }[] };
    const page = r.read('build-report/index.html');
    for (const [a, b] of pairs) {
      const inJson = json.aliasSuggestions?.some((s) => s.a === a && s.b === b) ?? false;
      const inPage = new RegExp(`href="/minutes/people/${a}/"[^]*?href="/minutes/people/${b}/"`).test(page.slice(page.indexOf('alias-suggestions')));
      expect(inJson || inPage, `${a} → ${b} suggested in build-report.json or on /build-report/`).toBe(true);
    }
  });

  it('has at least 1,000 distinct issue keys', () => {
    expect(new Set(issues.map((i) => i.key)).size).toBeGreaterThanOrEqual(1000);
  });

  it("lists all of a frequent participant's meetings on their page", () => {
    const frequent = [...people].sort((a, b) => b.meetings.length - a.meetings.length)[0]!;
    expect(frequent.meetings.length).toBeGreaterThan(100);
    const html = r.read(`people/${personSlug(frequent.key)}/index.html`);
    for (const id of frequent.meetings) expect(html, id).toContain(`href="/minutes/${id}/"`);
  });

  it('has no broken link on the people and issue pages', () => {
    const { problems } = checkDist(site.outDir, { base: '/minutes/', site: 'https://example.org' });
    expect(problems.filter((p) => /^\/(people|issues)\//.test(p)).slice(0, 20)).toEqual([]);
  });
});
