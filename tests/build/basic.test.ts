import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { basicMeetings } from './fixtures/basic-expected.ts';
import type { BuildReport } from '../../src/lib/report.ts';
import type { MeetingsJson } from '../../src/lib/indexes/json.ts';

// Built once by tests/setup/build-sites.ts from tests/build/fixtures/basic.
const site = inject('sites').basic;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');
const meetings = (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings;
const report = JSON.parse(read('build-report.json')) as BuildReport;
const byId = new Map(meetings.map((m) => [m.id, m]));

describe('basic fixture: meetings.json', () => {
  it('has exactly the expected meetings', () => {
    expect(meetings.map((m) => m.id).sort()).toEqual(basicMeetings.map((m) => m.id).sort());
  });

  describe.each(basicMeetings)('$id', (expected) => {
    const m = byId.get(expected.id)!;
    it('has series, date, source and url', () => {
      expect(m.series).toBe(expected.series);
      expect(m.date).toBe(expected.date);
      expect(m.source).toBe(expected.source);
      expect(m.url).toBe(`/${expected.id}/`);
    });
    it('has the participants (after aliases)', () => {
      expect([...m.participants].sort()).toEqual(expected.participantsCanonical);
    });
    it('has the issue keys, and none of the non-issues', () => {
      expect([...m.issues].sort()).toEqual(expected.issues);
      for (const not of expected.notIssues) expect(m.issues).not.toContain(not);
    });
    it('has the action items with lines, assignees and anchors', () => {
      const got = m.actionItems.map((a) => ({ line: a.line, assignees: [...a.assignees].sort(), anchor: a.anchor }));
      expect(got).toEqual(expected.actionItems.map((a) => ({ line: a.line, assignees: [...a.assignees].sort(), anchor: a.anchor })));
      expected.actionItems.forEach((a, i) => expect(m.actionItems[i]!.text.toLowerCase()).toContain(a.textIncludes.toLowerCase()));
    });
    it('has every action-item anchor among its headings, and a page with those ids', () => {
      const anchors = new Set(m.headings.map((h) => h.anchor));
      const html = read(`${expected.id}/index.html`);
      for (const a of m.actionItems) {
        if (!a.anchor) continue;
        expect(anchors).toContain(a.anchor);
        expect(html).toContain(`id="${a.anchor}"`);
      }
    });
  });
});

describe('basic fixture: build report', () => {
  it('lists every file found exactly once', () => {
    const sources = report.files.map((f) => f.source);
    expect(new Set(sources).size).toBe(sources.length);
    expect(report.totals.files).toBe(sources.length);
    expect(report.totals.pages).toBe(meetings.length);
    for (const m of meetings) expect(report.files.find((f) => f.source === m.source)?.status).toBe('page');
  });
  it('skips README-like files, templates and config files with a reason, and reports duplicates', () => {
    const status = (s: string) => report.files.find((f) => f.source === s);
    expect(status('alpha/template.md')).toMatchObject({ status: 'skipped' });
    expect(status('beta/copy-of-20240112.md')).toMatchObject({ status: 'duplicate' });
    expect(status('beta/copy-of-20240112.md')!.reason).toContain('beta/20240112.md');
    for (const f of report.files.filter((x) => x.status !== 'page')) expect(f.reason).toBeTruthy();
  });
  it('warns on a heading date that contradicts the file name, with the line', () => {
    for (const e of basicMeetings.filter((x) => x.warns)) {
      const f = report.files.find((x) => x.source === e.source)!;
      expect(f.warnings.length, e.source).toBeGreaterThan(0);
    }
    const mismatch = report.files.find((f) => f.source === 'alpha/2024-01-24.md')!;
    expect(mismatch.warnings.some((w) => /2024-01-17/.test(w.message) && typeof w.line === 'number')).toBe(true);
  });
  it('has a readable /build-report/ page', () => {
    expect(read('build-report/index.html')).toContain('alpha/2024-01-24.md');
  });
});

describe('basic fixture: pages', () => {
  it('renders a page per meeting with title, date, participants and prev/next', () => {
    const html = read('alpha/2024-01-10/index.html');
    expect(html).toContain('<h1');
    expect(html).toMatch(/Wednesday, 10 January 2024/);
    expect(html).toContain('href="/people/alice-ng/"');
    expect(html).toMatch(/rel="next" href="\/alpha\/2024-01-10-overflow\/"/);
  });
  it('redirects the upstream file name to the meeting page', () => {
    const html = read('alpha/20240110/index.html');
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain('/alpha/2024-01-10/');
  });
  it('lists series meetings and the home page', () => {
    expect(read('alpha/index.html')).toContain('href="/alpha/2024-01-24/"');
    expect(read('index.html')).toContain('href="/beta/"');
  });
  it('produces the search index in the same build', () => {
    expect(existsSync(path.join(site.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });
});
