import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasRendered, pruneRendered, readRendered, renderedFilesDir, writeRendered } from '../../../src/loaders/rendered-files.ts';

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
