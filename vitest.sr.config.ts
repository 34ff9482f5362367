import { defineConfig } from 'vitest/config';
const site = (name: string, outDir: string, base: string) => ({ name, minutesDir: '', outDir, base, exitCode: 0, output: process.env['SR_OUTPUT_' + name] ?? '' });
export default defineConfig({
  test: {
    include: ['tests/e2e/search.test.ts', 'tests/corpus/search-quality.test.ts'],
    testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false,
    provide: { sites: { sample: site('sample', '/tmp/sr-sample', '/minutes/'), corpus: site('corpus', '/tmp/sr-corpus', '/minutes/'), basic: site('basic', '', '/'), hostile: site('hostile', '', '/') } } as never,
  },
});
