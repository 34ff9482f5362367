/**
 * Strict mode (`npm run build -- --strict` or MINUTES_STRICT=1): a minutes
 * repository's CI fails on warnings, and on files skipped for a problem,
 * with a readable `file:line: message` list; clean minutes pass.
 *
 * Each case builds its own site (tests/.tmp/sites/strict-*); failed builds
 * are not cached, so these take a few seconds each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, ROOT, TMP } from '../setup/sites.ts';
import { tinyPng } from './fixtures/make-hostile.ts';

const hostile = inject('sites').hostile;
const noStrictEnv = { MINUTES_STRICT: '' };
/** Tests that run two builds: each takes 10-35 s on a busy 2-core machine, more than the project's 60 s test timeout allows for two. */
const TWO_BUILDS_MS = 180_000;

/** Tiny minutes folders written by the test: one clean, one clean plus one problem file. */
const cleanDir = path.join(TMP, 'strict-minutes', 'clean');
const problemDir = path.join(TMP, 'strict-minutes', 'problem');
const settingsDir = path.join(TMP, 'strict-minutes', 'settings');

function writeClean(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const put = (rel: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  };
  put('README.md', '# Our minutes\n\nOne folder per meeting series.\n');
  put('weekly/20240110.md', '# Weekly 2024-01-10\n\n## Participants\n\n- @alice\n- @bob\n\n## Notes\n\n- Release planning, see ![board](board.png)\n- AI @alice: write the release notes\n');
  put('weekly/20240117.md', '---\ntitle: Weekly\n---\n\n# 2024-01-17\n\n## Participants\n\n- @alice\n\n## Notes\n\nNothing to report.\n');
  put('weekly/board.png', tinyPng());
  put('weekly/template.md', '# YYYY-MM-DD\n\n## Participants\n\n- @<USER>\n');
}

beforeAll(() => {
  writeClean(cleanDir);
  writeClean(problemDir);
  writeClean(settingsDir);
  // Config and alias files of the wrong shape: warnings on those files, the build goes on with the valid parts.
  writeFileSync(path.join(settingsDir, 'archive.config.json'), JSON.stringify({ title: 'Kept title', seriesNames: { weekly: 5 } }));
  writeFileSync(path.join(settingsDir, 'aliases.json'), JSON.stringify({ people: { alice: { name: 'Alice A.' }, bob: 7 } }));
  // Images the inventory does not keep: not in a series folder, under node_modules.
  writeFileSync(path.join(settingsDir, 'logo.png'), tinyPng());
  mkdirSync(path.join(settingsDir, 'weekly', 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(settingsDir, 'weekly', 'node_modules', 'pkg', 'pic.png'), tinyPng());
  // A binary file named .md: no warning (it is never parsed), but a problem strict mode reports.
  writeFileSync(path.join(problemDir, 'weekly', '20240124.md'), Buffer.concat([tinyPng(), Buffer.alloc(16, 0)]));
});

describe('strict mode', () => {
  it('passes on clean minutes (exit 0), and says so', () => {
    const site = buildSite({ name: 'strict-clean', minutesDir: cleanDir, env: noStrictEnv, args: ['--strict'] });
    expect(site.exitCode, site.output.slice(-3000)).toBe(0);
    const report = JSON.parse(readFileSync(path.join(site.outDir, 'build-report.json'), 'utf8'));
    expect(report.totals).toMatchObject({ files: 5, pages: 2, warnings: 0 });
    expect(site.output).toContain('strict mode: no warnings');
  });

  it('fails on the hostile folder with --strict (non-zero exit) and lists file:line: message', () => {
    const site = buildSite({ name: 'strict-hostile-flag', minutesDir: hostile.minutesDir, env: noStrictEnv, args: ['--strict'] });
    expect(site.exitCode).not.toBe(0);
    const out = site.output;
    expect(out).toMatch(/strict mode: \d+ problems in the minutes:/);
    // The readable list: one line per problem, file and line first.
    expect(out).toMatch(/^\s+broken\/20240103\.md:8: invalid UTF-8/m);
    expect(out).toMatch(/^\s+broken\/20240111\.md:1: heading says 2023-11-01/m);
    expect(out).toMatch(/^\s+broken\/20240101\.md:\d+: invalid YAML frontmatter/m);
    expect(out).toMatch(/^\s+broken\/undated-notes\.md: no date found/m);
    // Files skipped for a problem are on the list too; files that are simply not minutes are not.
    expect(out).toMatch(/^\s+broken\/20240108\.md: skipped: binary file/m);
    expect(out).toMatch(/^\s+broken\/20240107\.md: skipped: file too large/m);
    expect(out).toMatch(/^\s+broken\/dangling\.md: skipped: broken symbolic link/m);
    const list = out.slice(out.indexOf('strict mode:'));
    expect(list).not.toMatch(/^\s+broken\/template\.md: skipped/m);
    expect(list).not.toMatch(/^\s+xss\/pixel\.png: skipped/m);
  });

  it('fails the same way with MINUTES_STRICT=1', () => {
    const site = buildSite({ name: 'strict-hostile-env', minutesDir: hostile.minutesDir, env: { MINUTES_STRICT: '1' } });
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toMatch(/^\s+broken\/20240103\.md:8: invalid UTF-8/m);
  });

  it('fails on a file skipped for a problem even without warnings', () => {
    const site = buildSite({ name: 'strict-problem', minutesDir: problemDir, env: noStrictEnv, args: ['--strict'] });
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toMatch(/strict mode: 1 problem in the minutes:\n\s+weekly\/20240124\.md: skipped: binary file/);
  });

  it('is off without the flag: the hostile folder builds (exit 0)', () => {
    expect(hostile.exitCode).toBe(0);
    expect(hostile.output).not.toMatch(/strict mode/);
  });

  it('a renderer that fails on a file: a warning with file and line in build-report.json, the page keeps the rest, strict fails', () => {
    // MINUTES_TEST_RENDER_FAULT: a test hook (src/settings.ts) that makes the link resolvers of one file throw, as a renderer bug would.
    const env = { ...noStrictEnv, MINUTES_TEST_RENDER_FAULT: 'weekly/20240110.md' };
    const site = buildSite({ name: 'strict-render-fault-report', minutesDir: cleanDir, env });
    expect(site.exitCode, site.output.slice(-3000)).toBe(0);
    const report = JSON.parse(readFileSync(path.join(site.outDir, 'build-report.json'), 'utf8'));
    const entry = report.files.find((f: { source: string }) => f.source === 'weekly/20240110.md');
    // The notes list (line 10) holds the image whose resolver threw.
    expect(entry.warnings).toEqual([{ line: 10, message: 'could not render: injected render fault (MINUTES_TEST_RENDER_FAULT)' }]);
    const page = readFileSync(path.join(site.outDir, 'weekly', '2024-01-10', 'index.html'), 'utf8');
    const article = page.slice(page.indexOf('<h2 id="participants"'));
    expect(article).toMatch(/<h2 id="participants"[^>]*>Participants/);
    expect(article).toMatch(/<h2 id="notes"[^>]*>Notes/);
    expect(article).toContain('This part of the minutes could not be rendered (line 10)');
    expect(article).toMatch(/<pre>Release planning, see board\s*AI @alice: write the release notes<\/pre>/);

    const strict = buildSite({ name: 'strict-render-fault', minutesDir: cleanDir, env, args: ['--strict'] });
    expect(strict.exitCode).not.toBe(0);
    expect(strict.output).toMatch(/strict mode: 1 problem in the minutes:\n\s+weekly\/20240110\.md:10: could not render: injected render fault/);
  }, TWO_BUILDS_MS);

  it('config and alias files of the wrong shape: file + path + message in build-report.json, the build goes on', () => {
    const site = buildSite({ name: 'strict-settings-report', minutesDir: settingsDir, env: noStrictEnv });
    expect(site.exitCode, site.output.slice(-3000)).toBe(0);
    const report = JSON.parse(readFileSync(path.join(site.outDir, 'build-report.json'), 'utf8'));
    const warningsOf = (source: string) => report.files.find((f: { source: string }) => f.source === source)?.warnings;
    expect(warningsOf('archive.config.json')).toEqual([{ message: 'seriesNames.weekly: Invalid input: expected string, received number' }]);
    expect(warningsOf('aliases.json')).toEqual([{ message: 'people.bob: must be a name, a list of aliases, or { "name", "aliases" }' }]);
    // The valid parts apply: the title, and Alice's display name.
    expect(readFileSync(path.join(site.outDir, 'index.html'), 'utf8')).toContain('Kept title');
    expect(readFileSync(path.join(site.outDir, 'people', 'alice', 'index.html'), 'utf8')).toContain('Alice A.');
    // Only the image the inventory kept is published.
    expect(readdirSync(path.join(site.outDir, '_media'), { recursive: true }).map(String).sort()).toEqual(['weekly', path.join('weekly', 'board.png')]);
  });

  it('works through the npm script exactly as documented: npm run build -- --strict', () => {
    const outDir = path.join(TMP, 'sites', 'strict-npm');
    rmSync(outDir, { recursive: true, force: true });
    const run = (minutesDir: string) =>
      spawnSync('npm', ['run', 'build', '--', '--strict', '--outDir', outDir], {
        cwd: ROOT,
        env: { ...process.env, MINUTES_DIR: minutesDir, MINUTES_STRICT: '', ASTRO_CACHE_DIR: path.join(TMP, 'cache', 'strict-npm'), ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const clean = run(cleanDir);
    expect(clean.status, `${clean.stdout}\n${clean.stderr}`.slice(-3000)).toBe(0);
    const bad = run(problemDir);
    expect(bad.status).not.toBe(0);
    expect(`${bad.stdout}\n${bad.stderr}`).toMatch(/weekly\/20240124\.md: skipped: binary file/);
  }, TWO_BUILDS_MS);
});
