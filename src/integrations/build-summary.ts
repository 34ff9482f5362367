import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatSummary, isProblemReason, type BuildReport } from '../lib/report.ts';

/**
 * The `file[:line]: message` lines strict mode fails on: every warning, and
 * every file skipped for a problem (binary or too large `.md`, broken or
 * outside links, unreadable files). Files that are simply not minutes
 * (README.md, template.md, images, other file types) are not problems.
 */
export function strictProblems(report: BuildReport): string[] {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const w of f.warnings) lines.push(`${f.source}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    if (f.status === 'skipped' && isProblemReason(f.reason)) lines.push(`${f.source}: skipped: ${f.reason}`);
  }
  return lines;
}

/**
 * Print the one-screen build summary from dist/build-report.json; in strict
 * mode (`--strict` or MINUTES_STRICT=1), fail the build (non-zero exit) when
 * any file has a warning or was skipped for a problem, so a minutes
 * repository's CI can reject it.
 */
export function buildReportSummary(opts: { strict: boolean }): AstroIntegration {
  return {
    name: 'build-report-summary',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const reportFile = fileURLToPath(new URL('build-report.json', dir));
        const report = JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
        logger.info(`\n${formatSummary(report)}`);
        if (!opts.strict) return;
        const problems = strictProblems(report);
        if (problems.length === 0) {
          logger.info('strict mode: no warnings.');
          return;
        }
        logger.error(`strict mode: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the minutes:\n${problems.map((l) => `  ${l}`).join('\n')}`);
        throw new Error(`strict mode: the minutes have ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above); full report: ${reportFile}`);
      },
    },
  };
}
