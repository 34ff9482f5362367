import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasRendered, openSectionCache, pruneRendered, readRendered, renderedFilesDir, sectionKey, writeRendered } from '../../../src/loaders/rendered-files.ts';

let cache: string;
let dir: string;
beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'rendered-files-'));
  dir = renderedFilesDir(pathToFileURL(`${cache}/`));
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

describe('rendered files', () => {
  it('live in a folder of their own inside the cache folder', () => {
    expect(path.dirname(dir)).toBe(cache);
  });

  it('read back what was written, excerpts and discussions in order', () => {
    const file = writeRendered(dir, 'abc123', { html: '<h2 id="x">X ✓</h2>', issueExcerptsHtml: ['<p>one</p>', '<p>two</p>'], issueDiscussions: [null, { lead: '<p>l</p>', rest: '' }] });
    expect(path.dirname(file)).toBe(dir);
    expect(hasRendered(file)).toBe(true);
    expect(readRendered(file)).toEqual({ html: '<h2 id="x">X ✓</h2>', issueExcerptsHtml: ['<p>one</p>', '<p>two</p>'], issueDiscussions: [null, { lead: '<p>l</p>', rest: '' }] });
  });

  it('keep a name from leaving the folder', () => {
    const file = writeRendered(dir, '../../etc/passwd', { html: '', issueExcerptsHtml: [], issueDiscussions: [] });
    expect(path.dirname(file)).toBe(dir);
  });

  it('prune every file no entry names, keep the others', () => {
    const kept = writeRendered(dir, 'kept', { html: 'a', issueExcerptsHtml: [], issueDiscussions: [] });
    const gone = writeRendered(dir, 'gone', { html: 'b', issueExcerptsHtml: [], issueDiscussions: [] });
    pruneRendered(dir, new Set([kept]));
    expect(readdirSync(dir)).toEqual([path.basename(kept)]);
    expect(hasRendered(gone)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });

  it('prune nothing when nothing was written yet', () => {
    pruneRendered(dir, new Set());
    expect(existsSync(dir)).toBe(false);
  });

  it('say how to recover when a file is missing or not a rendering', () => {
    expect(hasRendered(undefined)).toBe(false);
    expect(() => readRendered(path.join(dir, 'missing.json'))).toThrow(/missing or unreadable.*remove Astro's cache folder/);
    const other = path.join(cache, 'other.json');
    writeFileSync(other, JSON.stringify({ html: 3 }));
    expect(() => readRendered(other)).toThrow(/not a rendered minutes file/);
  });
});

describe('the section cache', () => {
  const excerpt = { lead: '<p>cut</p>', rest: '' };
  const counting = () => {
    let made = 0;
    return { make: () => (made++, { ...excerpt }), made: () => made };
  };
  const empty = { html: '', issueExcerptsHtml: [], issueDiscussions: [] };

  it('cuts a section once per build and keeps it for the next build, beside the rendered files', () => {
    const rendered = writeRendered(dir, 'abc', empty);
    const key = sectionKey(rendered, '/m/a/', 'x');
    const first = counting();
    const build1 = openSectionCache(rendered);
    expect(build1.get(key, first.make)).toEqual(excerpt);
    expect(build1.get(key, first.make)).toEqual(excerpt);
    expect(first.made()).toBe(1);
    build1.save();
    pruneRendered(dir, new Set([rendered])); // a sync leaves the cache alone
    const second = counting();
    expect(openSectionCache(rendered).get(key, second.make)).toEqual(excerpt);
    expect(second.made()).toBe(0);
  });

  it('keys name the rendering, the page the links lead to and the anchor', () => {
    const a = writeRendered(dir, 'a', empty);
    const b = writeRendered(dir, 'b', empty);
    expect(new Set([sectionKey(a, '/m/x/', 'y'), sectionKey(b, '/m/x/', 'y'), sectionKey(a, '/base/x/', 'y'), sectionKey(a, '/m/x/', 'z')]).size).toBe(4);
  });

  it('keeps only what the last build used, and cuts again what it cannot read', () => {
    const rendered = writeRendered(dir, 'abc', empty);
    const build1 = openSectionCache(rendered);
    build1.get('old', () => excerpt);
    build1.get('kept', () => excerpt);
    build1.save();
    const build2 = openSectionCache(rendered);
    build2.get('kept', () => ({ lead: 'never', rest: '' }));
    build2.save();
    const file = path.join(cache, 'minutes-sections.json');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['kept']);
    writeFileSync(file, JSON.stringify({ kept: { lead: 1 } }));
    const again = counting();
    expect(openSectionCache(rendered).get('kept', again.make)).toEqual(excerpt);
    expect(again.made()).toBe(1);
    writeFileSync(file, 'not json');
    expect(openSectionCache(rendered).get('kept', again.make)).toEqual(excerpt);
  });
});
