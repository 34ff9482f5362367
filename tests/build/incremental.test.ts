/**
 * Incremental builds (Astro's `experimental.incrementalBuild` with the page
 * keys of src/lib/page-keys.ts, dist kept by src/integrations/output.ts) must
 * publish exactly what a clean build publishes: build, edit the minutes,
 * build again on top, and compare every file with a clean build of the edited
 * minutes. A page key that misses something a page shows fails here.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesBelow } from '../files.ts';
import { linkHrefs } from '../html.ts';
import { buildSite, ROOT, TMP, type BuiltSite } from '../setup/sites.ts';

const minutesDir = path.join(TMP, 'incremental-minutes');

/** Output files that differ between two builds (missing on one side, or other bytes). */
function differences(a: string, b: string): string[] {
  const fa = filesBelow(a);
  const fb = filesBelow(b);
  const names = new Set([...fa.keys(), ...fb.keys()]);
  return [...names].filter((n) => !fa.has(n) || !fb.has(n) || !fa.get(n)!.equals(fb.get(n)!)).sort();
}

/** The build's log without colours (Astro colours it when it thinks it runs in CI or a terminal). */
const log = (site: BuiltSite) => site.output.replace(/\u001b\[[0-9;]*m/g, '');
const reused = (site: BuiltSite) => (log(site).match(/\((?:cached|restored)\)/g) ?? []).length;
const rendered = (site: BuiltSite) => log(site).split('\n').filter((l) => l.includes('├─') && !/\((?:cached|restored)\)/.test(l)).length;

/** A clean build, never one cached from an earlier test run (the minutes folder is the same path every run). */
function cleanBuild(name: string): BuiltSite {
  rmSync(path.join(TMP, 'sites', `${name}.json`), { force: true });
  return buildSite({ name, minutesDir });
}

function edit(file: string, change: (text: string) => string) {
  const p = path.join(minutesDir, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

describe('incremental rebuild', () => {
  let first: BuiltSite;
  let edited: BuiltSite;
  let editedClean: BuiltSite;
  let editedDiff: string[];
  let editedTopics: string[];
  let changedSetNote: string;
  let relinked: BuiltSite;
  let relinkedDiff: string[];
  /** Links of the meeting page that links a section of the relinked meeting. */
  let relinkedHrefs: string[];
  let changedSet: BuiltSite;
  let changedSetClean: BuiltSite;
  let changedSetDiff: string[];
  let changedSetBeta: string[];
  let withoutDist: BuiltSite;
  let withoutDistDiff: string[];
  /** Files of an issue that round 1 adds and round 3 removes, present after each round. */
  let editedIssue99: string[];
  let changedSetIssue99: string[];
  const ISSUE_99 = ['issues/example/issues/99/rss.xml', 'api/issues/example/issues/99.json'];
  const present = (dir: string, files: string[]) => files.filter((f) => existsSync(path.join(dir, f)));

  beforeAll(() => {
    rmSync(minutesDir, { recursive: true, force: true });
    cpSync(path.join(ROOT, 'tests/build/fixtures/basic'), minutesDir, { recursive: true });
    first = cleanBuild('incremental');

    // Round 1, edits only: a new participant and a new issue in one meeting; in another, a participant
    // label that changes how carol is named on every page that names her (pages of other meetings too).
    // It also links a section of another meeting that does not exist yet (the link keeps no anchor).
    edit('alpha/20240110.md', (t) => t.replace('- Dieter Krause\n', '- Dieter Krause\n- @erin\n') + '\n### Quota review\n\n- see example/issues#99\n- budget: [follow-ups](2024-01-24.md#budget)\n');
    // Both meetings now have a "Quota review" section: a new topic, with notes at both sections.
    edit('alpha/2024-01-24.md', (t) => t.replace('* @carol\n', '* @Carol\n') + '\n## Quota review\n\n- @dave checks the numbers\n');
    edited = buildSite({ name: 'incremental', minutesDir, rebuild: true });
    editedClean = cleanBuild('incremental-clean-1');
    editedDiff = differences(edited.outDir, editedClean.outDir); // now: the next round rebuilds the same folder
    editedTopics = readdirSync(path.join(edited.outDir, 'topics'));
    editedIssue99 = present(edited.outDir, ISSUE_99);

    // Round 2: only the linked meeting changes, and gets the section: the unchanged meeting that links it must
    // be rendered again with the anchor.
    edit('alpha/2024-01-24.md', (t) => `${t}\n## Budget\n\n- approved\n`);
    relinked = buildSite({ name: 'incremental', minutesDir, rebuild: true });
    relinkedDiff = differences(relinked.outDir, cleanBuild('incremental-clean-relinked').outDir);
    relinkedHrefs = linkHrefs(readFileSync(path.join(relinked.outDir, 'alpha/2024-01-10/index.html'), 'utf8'));

    // Round 3, the set of files changes: one meeting removed, one added (new prev/next neighbours); and the
    // issue added in round 1 is no longer referenced (its feed and JSON file, written by src/integrations/bulk-files.ts, must go).
    rmSync(path.join(minutesDir, 'beta/sync-notes.md'));
    edit('alpha/20240110.md', (t) => t.replace('- see example/issues#99\n', ''));
    // It joins the "Quota review" thread: the unchanged 2024-01-24 gets a next meeting in the thread.
    writeFileSync(path.join(minutesDir, 'alpha/20240207.md'), '# 2024-02-07\n\n## Participants\n\n- @alice-ng\n\n## Ceph\n\n- Quincy everywhere now\n\n## Quota review (@dave)\n\n- done\n');
    changedSet = buildSite({ name: 'incremental', minutesDir, rebuild: true });
    changedSetClean = cleanBuild('incremental-clean-2');
    changedSetDiff = differences(changedSet.outDir, changedSetClean.outDir);
    changedSetBeta = readdirSync(path.join(changedSet.outDir, 'beta'));
    changedSetNote = readFileSync(path.join(changedSet.outDir, 'alpha/2024-01-24/index.html'), 'utf8');
    changedSetIssue99 = present(changedSet.outDir, ISSUE_99);

    // Round 4, only the caches are kept (a CI job that restores node_modules/.astro, not dist): Astro copies
    // the pages it skips back from its cache.
    rmSync(changedSet.outDir, { recursive: true, force: true });
    edit('beta/20240112.md', (t) => `${t}\n- one more line\n`);
    withoutDist = buildSite({ name: 'incremental', minutesDir, rebuild: true });
    withoutDistDiff = differences(withoutDist.outDir, cleanBuild('incremental-clean-4').outDir);
  }, 300_000);

  it('builds every time', () => {
    for (const site of [first, edited, editedClean, relinked, changedSet, changedSetClean, withoutDist]) expect(site.exitCode, site.output.slice(-2000)).toBe(0);
  });

  it('reuses the pages an edit does not touch, and renders the ones it does', () => {
    expect(reused(first)).toBe(0);
    // The fixture is small and most pages name carol or the edited meetings: 21 of 54 outputs stay as they were.
    expect(reused(edited)).toBeGreaterThan(15);
    expect(rendered(edited)).toBeGreaterThan(10);
    expect(log(edited)).toMatch(/├─ \/alpha\/2024-01-10\/index\.html(?! \((?:cached|restored)\))/);
    expect(log(edited)).toMatch(/├─ \/people\/erin\/index\.html(?! \((?:cached|restored)\))/);
    expect(log(edited)).toMatch(/├─ \/beta\/[^ ]*index\.html \((?:cached|restored)\)/);
  });

  it('publishes exactly what a clean build publishes after an edit', () => {
    expect(editedDiff).toEqual([]);
    expect(editedTopics).toContain('quota-review');
  });

  it('renders an unchanged meeting again when a section it links to appears in another one', () => {
    expect(log(relinked)).toMatch(/1 parsed, 1 rendered again for their links/);
    expect(relinkedHrefs).toContain('/alpha/2024-01-24/#budget');
    expect(relinkedDiff).toEqual([]);
  });

  it('publishes exactly what a clean build publishes after a file is removed and one added', () => {
    expect(changedSetDiff).toEqual([]);
    expect(editedIssue99).toEqual(ISSUE_99);
    expect(changedSetIssue99).toEqual([]);
    expect(log(edited)).toMatch(/wrote \d+ feeds, JSON files and redirect pages/);
    expect(changedSetBeta).not.toContain('sync-notes');
    expect(changedSetBeta).toContain('2024-01-12');
    expect(changedSetNote).toContain('href="/alpha/2024-02-07/#quota-review-dave"');
  });

  it('restores the pages it skips from its cache when only the cache was kept', () => {
    expect(log(withoutDist)).toMatch(/\(restored\)/);
    expect(withoutDistDiff).toEqual([]);
  });
});
