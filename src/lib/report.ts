import type { ParseWarning } from './minutes/types.ts';

/** One file found under MINUTES_DIR, and what became of it. */
export interface ReportEntry {
  source: string;
  status: 'page' | 'skipped' | 'duplicate';
  reason?: string;
  /** Meeting id, for status 'page'. */
  id?: string;
  warnings: ParseWarning[];
}

export interface BuildReport {
  totals: { files: number; pages: number; skipped: number; duplicates: number; warnings: number; filesWithWarnings: number };
  files: ReportEntry[];
}

/** Totals over the entries; entries sorted by source so the report is stable. */
export function buildReport(entries: ReportEntry[]): BuildReport {
  const files = [...entries].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const count = (s: ReportEntry['status']) => files.filter((f) => f.status === s).length;
  return {
    totals: {
      files: files.length,
      pages: count('page'),
      skipped: count('skipped'),
      duplicates: count('duplicate'),
      warnings: files.reduce((n, f) => n + f.warnings.length, 0),
      filesWithWarnings: files.filter((f) => f.warnings.length > 0).length,
    },
    files,
  };
}

/** `file:line: message` lines, the form editors and CI logs link up. */
export function formatWarnings(report: BuildReport, limit = Infinity): string[] {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const w of f.warnings) {
      lines.push(`${f.source}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    }
    if (f.status !== 'page' && f.reason) lines.push(`${f.source}: ${f.status} (${f.reason})`);
  }
  return lines.slice(0, limit);
}

/** The one-screen summary printed at the end of a build. */
export function formatSummary(report: BuildReport, limit = 15): string {
  const t = report.totals;
  const head = `Minutes: ${t.files} files → ${t.pages} pages, ${t.skipped} skipped, ${t.duplicates} duplicates; ${t.warnings} warnings in ${t.filesWithWarnings} files.`;
  const lines = formatWarnings(report);
  const shown = lines.slice(0, limit).map((l) => `  ${l}`);
  if (lines.length > limit) shown.push(`  … and ${lines.length - limit} more: see dist/build-report.json or /build-report/`);
  return [head, ...shown].join('\n');
}
