import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../../src/lib/report.ts';
import { buildReportView, notFoundView } from '../../../src/lib/views/site-pages.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();

describe('notFoundView', () => {
  it('slugs per series for the guess, and the base', () => {
    const view = notFoundView(ctx);
    expect(view.slugsBySeries).toEqual({ alpha: ['2023-05-17', '2023-05-10'], beta: ['2022-01-03'] });
    expect(view.base).toBe('/m/');
    expect(view.head.noindex).toBe(true);
  });
});

describe('buildReportView', () => {
  const report: BuildReport = {
    totals: { files: 3, pages: 2, skipped: 1, duplicates: 0, warnings: 1, filesWithWarnings: 1 },
    files: [
      { source: 'alpha/20230517.md', status: 'page', id: 'alpha/2023-05-17', warnings: [] },
      { source: 'alpha/20230510.md', status: 'page', id: 'alpha/2023-05-10', warnings: [{ line: 3, message: 'odd date' }] },
      { source: 'README.md', status: 'skipped', reason: 'not minutes', warnings: [] },
    ],
  };

  it('lists only files with a problem, linking those that became pages', () => {
    expect(buildReportView(ctx, report).problems).toEqual([
      { source: 'alpha/20230510.md', href: '/m/alpha/2023-05-10/', status: 'page', warnings: [{ line: 3, message: 'odd date' }] },
      { source: 'README.md', status: 'skipped', reason: 'not minutes', warnings: [] },
    ]);
  });
});
