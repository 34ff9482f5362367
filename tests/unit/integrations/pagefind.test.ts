import { describe, expect, it } from 'vitest';
import { indexGlob } from '../../../src/integrations/pagefind.ts';

const out = '/site/dist';
const files = (...rel: string[]) => rel.map((r) => `${out}/${r}`);

describe('indexGlob: only the folders of the indexed routes are read', () => {
  it.each([
    ['one folder', files('iaas/2023-05-17/index.html', 'iaas/2023-05-24/index.html'), 'iaas/**/*.html'],
    ['several folders, sorted, each once', files('ops/2023-01-02/index.html', 'issues/o/r/1/index.html', 'iaas/2023-05-17/index.html', 'ops/2023-01-09/index.html'), '{iaas,issues,ops}/**/*.html'],
    ['dots, dashes and underscores are plain', files('sig-std_2.x/2023-05-17/index.html'), 'sig-std_2.x/**/*.html'],
  ])('%s', (_label, list, glob) => {
    expect(indexGlob(out, list)).toBe(glob);
  });

  it.each([
    ['no files', []],
    ['a page at the top level', files('index.html', 'iaas/2023-05-17/index.html')],
    ['a folder name with glob syntax', files('a{b}/2023-05-17/index.html')],
    ['a folder name with a space', files('my series/2023-05-17/index.html')],
    ['a file outside the output folder', ['/elsewhere/iaas/index.html']],
  ])('reads everything for %s', (_label, list) => {
    expect(indexGlob(out, list)).toBeUndefined();
  });
});
