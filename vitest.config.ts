import { defineConfig } from 'vitest/config';

// `npm test` runs all three projects: unit (pure code), build (fixture sites
// built once in globalSetup, assertions on dist), e2e (headless Chromium
// against those builds served on 127.0.0.1).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/build/fixtures/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/corpus/**/*.test.ts'],
          exclude: ['tests/build/fixtures/**'],
          globalSetup: ['tests/setup/build-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/build-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
