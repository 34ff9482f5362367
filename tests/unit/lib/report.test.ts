import { describe, expect, it } from 'vitest';
import { buildReport, formatSummary, PROBLEM_REASONS, type ReportEntry } from '../../../src/lib/report.ts';

const entries: ReportEntry[] = [
  { source: 'README.md', status: 'skipped', reason: 'not minutes', warnings: [] },
  { source: 'a/1.png', status: 'skipped', reason: 'image', warnings: [] },
  { source: 'a/2.png', status: 'skipped', reason: 'image', warnings: [] },
  { source: 'a/20240101.md', status: 'page', id: 'a/2024-01-01', warnings: [{ line: 3, message: 'heading says 2024-01-02' }] },
  { source: 'a/big.md', status: 'skipped', reason: PROBLEM_REASONS.tooLarge, warnings: [] },
];

describe('formatSummary', () => {
  it('lists problems first as file:line lines, then counts the files that are simply not minutes', () => {
    expect(formatSummary(buildReport(entries)).split('\n')).toEqual([
      'Minutes: 5 files → 1 pages, 4 skipped, 0 duplicates; 1 warnings in 1 files.',
      '  a/20240101.md:3: heading says 2024-01-02',
      `  a/big.md: skipped (${PROBLEM_REASONS.tooLarge})`,
      '  2 files skipped (image)',
      '  1 file skipped (not minutes)',
    ]);
  });

  it('cuts long problem lists and points at the full report', () => {
    const many = Array.from({ length: 4 }, (_, i): ReportEntry => ({ source: `a/2024010${i + 1}.md`, status: 'page', id: `a/${i}`, warnings: [{ message: 'no participants' }] }));
    const lines = formatSummary(buildReport(many), 2).split('\n');
    expect(lines.slice(1)).toEqual(['  a/20240101.md: no participants', '  a/20240102.md: no participants', '  … and 2 more problems: see dist/build-report.json or /build-report/']);
  });
});
