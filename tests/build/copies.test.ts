/**
 * A copy is not a lost URL (tests/fixtures/layouts/copies): `team/20250825.md`
 * is a byte-identical copy of `team/20250818.md` (a pad reused for the next
 * meeting). It has no page of its own, but its URLs answer: the dated one and
 * the upstream file name lead to the meeting it copies, with a note; it is
 * in meetings.json with `copyOf`, and in the build report once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BuildReport } from '../../src/lib/report.ts';
import type { MeetingsJson } from '../../src/lib/indexes/json.ts';
import { checkDist } from '../../scripts/check-dist.mjs';

const site = inject('sites').copies;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');
const meetings = (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings;
const report = JSON.parse(read('build-report.json')) as BuildReport;

describe('copies fixture', () => {
  it.each(['team/2025-08-25', 'team/20250825'])('/%s/ leads to the meeting copied, with a note', (url) => {
    const html = read(`${url}/index.html`);
    expect(html).toContain('<link rel="canonical" href="http://localhost:4321/team/2025-08-18/">');
    expect(html).toContain('url=/team/2025-08-18/');
    expect(html).toContain('team/20250825.md (2025-08-25) is a byte-identical copy of team/20250818.md');
  });

  it('is in meetings.json with its own date and source, and the meeting it copies', () => {
    const copy = meetings.find((m) => m.source === 'team/20250825.md');
    expect(copy).toMatchObject({ id: 'team/2025-08-25', date: '2025-08-25', copyOf: 'team/2025-08-18', url: '/team/2025-08-25/' });
    expect(meetings.filter((m) => !m.copyOf).map((m) => m.source)).toEqual(['team/20250818.md', 'team/20250901.md']);
  });

  it('is in the build report once, as a duplicate that keeps its URLs; an undated copy is a plain duplicate', () => {
    const entries = report.files.filter((f) => f.source === 'team/20250825.md');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 'duplicate', id: 'team/2025-08-25' });
    expect(entries[0]!.reason).toMatch(/^byte-identical copy of team\/20250818\.md; its URLs lead to that meeting/);
    expect(report.files.find((f) => f.source === 'team/notes-backup.md')).toMatchObject({ status: 'duplicate', reason: 'byte-identical copy of team/20250901.md' });
    expect(report.totals.pages).toBe(2);
  });

  it('the meeting copied names its copy, and _redirects has the copy URLs', () => {
    expect(read('team/2025-08-18/index.html')).toMatch(/Also filed as <code>team\/20250825\.md<\/code> \(2025-08-25\)/);
    expect(read('_redirects')).toContain('/team/2025-08-25/ /team/2025-08-18/ 301');
    expect(read('_redirects')).toContain('/team/20250825/ /team/2025-08-18/ 301');
  });

  it('has no broken links', () => {
    const { problems } = checkDist(site.outDir, { base: '/', site: 'http://localhost:4321' });
    expect(problems).toEqual([]);
  });
});
