/**
 * What the renderer made of one minutes file (its HTML, the HTML of its
 * issue excerpts and the sections shown under bare issue mentions) is kept
 * in a file of its own in Astro's cache folder, and
 * the collection entry names that file; the content layer's data store keeps
 * only the parsed meeting.
 *
 * Why not in the data store, as `rendered.html`: the store is serialised whole
 * (devalue) after every sync, Vite embeds it as one JSON string literal in the
 * prerender bundle, and while pages render it is in memory twice (the
 * loader's store and the bundle's copy) besides that literal. The rendered
 * HTML is ~70 % of it. On 10× the SCS archive (5,610 files, a 58 MB store)
 * moving it out took peak RSS from ~2.7 to ~1.9 GB and the build from 74 to
 * 63 s (bench/README.md). Read back by src/archive.ts, once per build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionExcerpt } from '../lib/section-html.ts';

export interface RenderedMinutes {
  html: string;
  /** Rendered excerpt per entry of `meeting.issues` (same order). */
  issueExcerptsHtml: string[];
  /** Per entry of `meeting.issues`: the section's discussion that an issue page shows under a bare mention (lib/mention-discussion.ts), or null. */
  issueDiscussions: (SectionExcerpt | null)[];
}

/** The folder of rendered files below Astro's cache folder (`cacheDir`, private per site: tests and the bench build side by side). */
export function renderedFilesDir(cacheDir: URL): string {
  return path.join(fileURLToPath(cacheDir), 'minutes-rendered');
}

/** Write one file's rendering under a name that changes whenever the rendering may (a digest of the source and the entry); returns its path. */
export function writeRendered(dir: string, name: string, rendered: RenderedMinutes): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w-]/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(rendered));
  return file;
}

/** Whether an earlier build's rendering is still there (a cache folder can be cleaned by hand). */
export function hasRendered(file: string | undefined): file is string {
  return file !== undefined && existsSync(file);
}

/** A rendering written by writeRendered. */
export function readRendered(file: string): RenderedMinutes {
  let data: Partial<RenderedMinutes>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<RenderedMinutes>;
  } catch (e) {
    throw new Error(`a rendered minutes file is missing or unreadable (${(e as Error).message}): remove Astro's cache folder (node_modules/.astro) and build again`);
  }
  if (typeof data.html !== 'string' || !Array.isArray(data.issueExcerptsHtml) || !Array.isArray(data.issueDiscussions)) throw new Error(`not a rendered minutes file: ${file}`);
  return { html: data.html, issueExcerptsHtml: data.issueExcerptsHtml, issueDiscussions: data.issueDiscussions };
}

/** Remove the renderings no entry names any more (edited, removed or renamed files). */
export function pruneRendered(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // nothing written yet
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}

/**
 * Sections that topic pages cut out of the rendered HTML (src/archive.ts),
 * kept between builds in one file beside the rendered files' folder: every
 * build computes every topic page's view model (its cache key is a hash of
 * it, src/lib/page-keys.ts), and cutting ~1,500 sections with parse5 took
 * ~0.3 s of each SCS rebuild. A rebuild now cuts only the sections of files
 * rendered again. Keys name the rendered file (a digest of the rendering),
 * so a kept section is never stale; the file keeps only what the last build used.
 */
export interface SectionCache {
  /** The section under `key`: kept from the last build, else made (and kept). */
  get(key: string, make: () => SectionExcerpt): SectionExcerpt;
  /** Write what this build used, if it differs from what was read. */
  save(): void;
}

/** The key of a section of the meeting rendered into `renderedFile`, shown with links to `meetingHref`. */
export function sectionKey(renderedFile: string, meetingHref: string, anchor: string): string {
  return `${path.basename(renderedFile)} ${meetingHref}#${anchor}`;
}

/** The section cache that goes with the rendered files (`renderedFile`: any one of them). */
export function openSectionCache(renderedFile: string): SectionCache {
  const file = path.join(path.dirname(path.dirname(renderedFile)), 'minutes-sections.json');
  let kept: Record<string, unknown> = {};
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first build, or removed by hand: every section is cut again
  }
  const used = new Map<string, SectionExcerpt>();
  let made = 0;
  const isExcerpt = (v: unknown): v is SectionExcerpt =>
    typeof v === 'object' && v !== null && typeof (v as SectionExcerpt).lead === 'string' && typeof (v as SectionExcerpt).rest === 'string';
  return {
    get(key, make) {
      let section = used.get(key);
      if (section) return section;
      const old = Object.hasOwn(kept, key) ? kept[key] : undefined;
      if (isExcerpt(old)) section = old;
      else {
        section = make();
        made++;
      }
      used.set(key, section);
      return section;
    },
    save() {
      if (made === 0 && used.size === Object.keys(kept).length) return;
      writeFileSync(file, JSON.stringify(Object.fromEntries(used)));
    },
  };
}
