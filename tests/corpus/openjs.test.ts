/**
 * Another organisation's repository (../shared/corpus/openjs-cpc-minutes),
 * built once with no configuration at all. Its own convention tells meetings
 * from the rest: minutes are `meetings/<YYYY>/<YYYY-MM-DD>.md` and
 * `meetings/<sub-folder>/<YYYY-MM-DD>-<topic>.md`, dated by their file name;
 * everything else (charter, policies, templates, READMEs, year-named files in
 * project-resources/) is not minutes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BuildReport } from '../../src/lib/report.ts';
import type { MeetingsJson } from '../../src/lib/indexes/json.ts';
import { checkDist } from '../../scripts/check-dist.mjs';
import { OPENJS_CORPUS } from '../setup/sites.ts';

const site = inject('sites').openjs;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');
const meetings = (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings;
const report = JSON.parse(read('build-report.json')) as BuildReport;

function markdownFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === '.git' ? [] : e.isDirectory() ? markdownFiles(path.join(dir, e.name), `${rel}${e.name}/`) : e.name.endsWith('.md') ? [`${rel}${e.name}`] : [],
  );
}

/** The repository's own convention: a meeting file and its date. */
const MEETING_FILE = /^meetings\/(?:[^/]+\/)*(\d{4}-\d{2}-\d{2})(?:-[^/]*)?\.md$/;

describe('openjs corpus build (zero config)', () => {
  const files = markdownFiles(OPENJS_CORPUS);
  const meetingFiles = new Map(files.flatMap((f) => {
    const m = MEETING_FILE.exec(f);
    return m ? [[f, m[1]!] as const] : [];
  }));

  it('lists every .md file exactly once in the build report', () => {
    const listed = report.files.map((f) => f.source).filter((s) => s.endsWith('.md'));
    expect(listed.sort()).toEqual([...files].sort());
  });

  it('gives every meeting file a meeting with the date of its file name', () => {
    expect(meetingFiles.size).toBeGreaterThan(200);
    const bySource = new Map(meetings.map((m) => [m.source, m]));
    const wrong = [...meetingFiles].filter(([source, date]) => bySource.get(source)?.date !== date);
    expect(wrong).toEqual([]);
  });

  it('makes no other document a meeting', () => {
    expect(meetings.map((m) => m.source).filter((s) => !meetingFiles.has(s))).toEqual([]);
    for (const f of files.filter((x) => !meetingFiles.has(x))) {
      const entry = report.files.find((r) => r.source === f);
      expect(entry?.status, f).toBe('skipped');
      expect(entry?.warnings, f).toEqual([]);
    }
  });

  it('files the year folders under one series and the breakout folder as its own', () => {
    const series = new Set(meetings.map((m) => m.series));
    expect([...series].sort()).toEqual(['breakout_meetings', 'meetings']);
    for (const m of meetings) expect(m.id).toBe(`${m.series}/${m.url.split('/').at(-2)}`);
  });

  it('titles meetings by their heading, without the date, and names the series after the title most share', () => {
    const m = meetings.find((x) => x.source === 'meetings/2024/2024-01-09.md')!;
    expect(m.title).toBe('OpenJS Foundation Cross Project Council Meeting');
    const page = read('meetings/2024-01-09/index.html');
    expect(page).toContain('data-hide-first-heading');
    expect(read('meetings/index.html')).toMatch(/<h1>OpenJS Foundation Cross Project Council Meeting<\/h1>/);
  });

  it('answers at the upstream file-name form too', () => {
    expect(read('meetings/20240109/index.html')).toContain('url=/meetings/2024-01-09/');
  });

  it('has no broken internal links or anchors', () => {
    const { problems, pages } = checkDist(site.outDir, { base: '/', site: 'http://localhost:4321' });
    expect(pages).toBeGreaterThan(200);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
