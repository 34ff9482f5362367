import type { ParseWarning } from './minutes/types.ts';

/**
 * Why a file found under MINUTES_DIR is not a page: the one home of the
 * reasons the build report gives (the inventory and the loader use these).
 * A reason may carry details after the text (`file too large (3.1 MB; …)`).
 */
export const SKIP_REASONS = {
  config: 'site config file (read by the build)',
  aliases: 'people alias file (read by the build)',
  abbreviations: 'abbreviation list of people (read by the build)',
  image: 'image: served with the minutes that show it',
  linkToFolder: 'symbolic link to a folder (not followed)',
  hidden: 'hidden file or folder (name starts with "."): not minutes',
  svg: 'SVG image: not served (an SVG file can carry script)',
  notMarkdown: 'not a Markdown file',
  notInSeriesNotMarkdown: 'not in a series folder (not Markdown)',
  notInSeries: 'not in a series folder (minutes are <series>/<file>.md)',
  excluded: 'not minutes (excluded by name or by the config)',
  /** Undated, and named like a repository document (lib/minutes/layout.ts `isDocumentName`). */
  document: "not minutes: no date, and the name is a repository document's (README, licence, charter, policy, template, table of contents…)",
  /** Undated, in a series that holds no dated minutes. */
  undatedFolder: 'not minutes: no date, in a folder that holds no dated minutes',
} as const;

/**
 * Reasons for skipping a file that point at a problem in the minutes
 * repository (not just "this file is not minutes"): strict mode fails on them
 * like on warnings.
 */
export const PROBLEM_REASONS = {
  tooLarge: 'file too large',
  binary: 'binary file (contains NUL bytes), not Markdown',
  brokenLink: 'broken symbolic link or link loop',
  outsideLink: 'symbolic link to a file outside the minutes folder',
  unreadable: 'could not be read',
  special: 'not a regular file',
} as const;

/** Whether a skipped file's reason is a problem (see PROBLEM_REASONS). */
export function isProblemReason(reason: string | undefined): boolean {
  return reason !== undefined && Object.values(PROBLEM_REASONS).some((r) => reason.startsWith(r));
}

/** The reason of a symbolic link to another file of the minutes (a Markdown one is a duplicate). */
export function linkReason(target: string, markdown: boolean): string {
  return markdown ? `symbolic link to ${target}` : `symbolic link to ${target}; not a Markdown file`;
}

/** The reason of a file with the same bytes as one already taken. */
export function copyReason(first: string): string {
  return `byte-identical copy of ${first}`;
}

/** The reason of a dated copy of a meeting's file, whose URLs lead to that meeting. */
export function keptCopyReason(first: string, meetingId: string): string {
  return `${copyReason(first)}; its URLs lead to that meeting (${meetingId})`;
}

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

/** The images the inventory kept (next to minutes, in a series folder): the only ones the site publishes. */
export function publishedImages(report: BuildReport): string[] {
  return report.files.filter((f) => f.status === 'skipped' && f.reason === SKIP_REASONS.image).map((f) => f.source);
}

/**
 * The one-screen summary printed at the end of a build: problems first (every
 * warning and every file skipped for a problem, as `file:line: message`), then
 * the files that are simply not minutes, counted by reason, so a README or a
 * folder of images never pushes a warning off the screen.
 */
export function formatSummary(report: BuildReport, limit = 15): string {
  const t = report.totals;
  const head = `Minutes: ${t.files} files → ${t.pages} pages, ${t.skipped} skipped, ${t.duplicates} duplicates; ${t.warnings} warnings in ${t.filesWithWarnings} files.`;
  const problems: string[] = [];
  const others = new Map<string, number>();
  for (const f of report.files) {
    for (const w of f.warnings) problems.push(`${f.source}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    if (f.status === 'page' || !f.reason) continue;
    if (isProblemReason(f.reason)) problems.push(`${f.source}: ${f.status} (${f.reason})`);
    else others.set(`${f.status} (${f.reason})`, (others.get(`${f.status} (${f.reason})`) ?? 0) + 1);
  }
  const shown = problems.slice(0, limit).map((l) => `  ${l}`);
  if (problems.length > limit) shown.push(`  … and ${problems.length - limit} more problems: see dist/build-report.json or /build-report/`);
  const counted = [...others].sort((a, b) => b[1] - a[1]).map(([what, n]) => `  ${n} file${n === 1 ? '' : 's'} ${what}`);
  return [head, ...shown, ...counted].join('\n');
}
