import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatSummary, formatWarnings, type BuildReport } from '../lib/report.ts';

/**
 * Print the one-screen build summary from dist/build-report.json; in strict
 * mode, fail the build (non-zero exit) when any file has a warning or was
 * skipped for a problem, so a minutes repository's CI can reject it.
 */
export function buildReportSummary(opts: { strict: boolean }): AstroIntegration {
  return {
    name: 'build-report-summary',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = JSON.parse(await readFile(new URL('build-report.json', dir), 'utf8')) as BuildReport;
        logger.info(`\n${formatSummary(report)}`);
        if (opts.strict && report.totals.warnings > 0) {
          const lines = formatWarnings(report).filter((l) => !/ (skipped|duplicate) \(/.test(l));
          logger.error(`strict mode: ${report.totals.warnings} warnings\n${lines.map((l) => `  ${l}`).join('\n')}`);
          throw new Error(`strict mode: the minutes have ${report.totals.warnings} warnings (see above); report: ${fileURLToPath(new URL('build-report.json', dir))}`);
        }
      },
    },
  };
}
