import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BuildReport } from '../../src/lib/report.ts';
import type { MeetingsJson } from '../../src/lib/indexes/json.ts';
import { checkDist } from '../../scripts/check-dist.mjs';
import { CORPUS } from '../setup/sites.ts';

// The real SCS minutes (../shared/corpus/scs-minutes), built once with BASE_PATH=/minutes.
const site = inject('sites').corpus;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');
const meetings = (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings;
const report = JSON.parse(read('build-report.json')) as BuildReport;

function markdownFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(path.join(dir, e.name), `${rel}${e.name}/`) : e.name.endsWith('.md') ? [`${rel}${e.name}`] : [],
  );
}

describe('SCS corpus build', () => {
  const files = markdownFiles(CORPUS);

  it('lists every .md file exactly once in the build report', () => {
    const listed = report.files.map((f) => f.source).filter((s) => s.endsWith('.md'));
    expect(listed.sort()).toEqual([...files].sort());
  });

  it('gives every dated minutes file a meeting', () => {
    const sources = new Set(meetings.map((m) => m.source));
    const dated = files.filter((f) => /\/\d{4}-?\d{2}-?\d{2}[^/]*\.md$/.test(f));
    expect(dated.length).toBeGreaterThan(500);
    for (const f of dated) expect(sources.has(f), f).toBe(true);
  });

  it('keeps meeting ids unique and urls under the base', () => {
    expect(new Set(meetings.map((m) => m.id)).size).toBe(meetings.length);
    for (const m of meetings) expect(m.url.startsWith('/minutes/')).toBe(true);
  });

  it('parses iaas/20230517.md as expected', () => {
    const m = meetings.find((x) => x.source === 'iaas/20230517.md')!;
    expect(m.date).toBe('2023-05-17');
    expect(m.participants).toHaveLength(17);
    expect([...m.issues].sort()).toEqual(
      [
        'sovereigncloudstack/issues#28', 'sovereigncloudstack/issues#168', 'sovereigncloudstack/issues#234', 'sovereigncloudstack/issues#268',
        'sovereigncloudstack/issues#269', 'sovereigncloudstack/issues#280', 'sovereigncloudstack/issues#320', 'sovereigncloudstack/standards#199',
        'sovereigncloudstack/standards#268', 'osism/openstack-image-manager#567', 'osism/issues#525',
      ].sort(),
    );
    expect(m.actionItems.map((a) => a.line).sort((a, b) => a - b)).toEqual([56, 61, 70, 71, 94]);
    const at = (line: number) => m.actionItems.find((a) => a.line === line)!;
    expect([...at(56).assignees].sort()).toEqual(['berendt', 'fkr']);
    expect(at(61).assignees).toEqual(['fkr']);
    expect(at(70).assignees).toEqual([]);
    expect(at(94).assignees).toEqual(['tibeer']);
  });

  it('warns about heading dates that contradict the file name', () => {
    const f = report.files.find((x) => x.source === 'community-call/20230216.md')!;
    expect(f.warnings.some((w) => w.message.includes('2023-02-02'))).toBe(true);
  });

  it('has no broken internal links or anchors, and nothing escapes the base', () => {
    const { problems, pages } = checkDist(site.outDir, { base: '/minutes/', site: 'https://example.org' });
    expect(pages).toBeGreaterThan(1000);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
