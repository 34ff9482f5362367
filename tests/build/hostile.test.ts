/**
 * The hostile fixture (tests/build/fixtures/make-hostile.ts), built once by
 * tests/setup/build-sites.ts: the build finishes, every file of the folder is
 * in build-report.json exactly once with the expected outcome, warnings name
 * file and line, and nothing from the minutes reaches the HTML in working
 * form (scripts, handlers, dangerous URLs, embeds, forms, meta refresh,
 * styles). Every inline script or style must be one the site ships: its
 * hash is in the page's Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { expectationsFor, type HostileExpectation } from './fixtures/make-hostile.ts';
import type { BuildReport, ReportEntry } from '../../src/lib/report.ts';
import { ASSET_DIR } from '../../src/lib/paths.ts';

const site = inject('sites').hostile;
const base = site.base; // '/' for this site
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');

/** Every file and link under dir, `/`-separated, never following links. */
function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (lstatSync(path.join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

const folderFiles = walk(site.minutesDir).sort();
const expectations = expectationsFor(folderFiles);
const report = JSON.parse(read('build-report.json')) as BuildReport;
const bySource = new Map(report.files.map((f) => [f.source, f]));
const meetings = (JSON.parse(read('api/meetings.json')) as { meetings: { id: string; date: string | null; source: string }[] }).meetings;
const meetingBySource = new Map(meetings.map((m) => [m.source, m]));
const htmlFiles = (readdirSync(site.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/')).sort();

/** Reasons the report should give, beyond the status (documented behaviour). */
const REASONS: Record<string, RegExp> = {
  'stray.md': /not in a series folder/,
  'notes.txt': /not in a series folder/,
  'image.png': /not in a series folder/,
  'README.md': /not in a series folder|not minutes/,
  'broken/20240107.md': /^file too large/,
  'broken/20240108.md': /^binary file/,
  'broken/20240112.md': /^symbolic link to broken\/20240105\.md/,
  'broken/20240113.md': /^byte-identical copy of broken\/20240102\.md/,
  'broken/loop': /symbolic link to a folder/,
  'broken/dangling.md': /broken symbolic link/,
  'broken/ping.md': /link loop/,
  'broken/pong.md': /link loop/,
  'broken/outside.md': /outside the minutes folder/,
  'broken/notes.txt': /not a Markdown file/,
  'broken/.DS_Store': /^hidden file or folder/,
  '.github/pull_request_template.md': /^hidden file or folder/,
  'broken/template.md': /not minutes/,
  'deep/a/b/c/d/e/f/g/h/up': /symbolic link to a folder/,
  'xss/diagram.svg': /SVG.*not served/,
};

describe('hostile fixture: the build', () => {
  it('finishes', () => {
    expect(site.exitCode, site.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(site.outDir, 'index.html'))).toBe(true);
  });

  it('has an expectation for every file the fixture wrote', () => {
    expect(expectations.map((e) => e.file).sort()).toEqual(folderFiles);
  });
});

describe('hostile fixture: build-report.json', () => {
  it('lists every file of the folder exactly once, and nothing else', () => {
    const sources = report.files.map((f) => f.source);
    expect(new Set(sources).size, 'a file is listed twice').toBe(sources.length);
    expect([...sources].sort()).toEqual(folderFiles);
  });

  it('has consistent totals', () => {
    const t = report.totals;
    expect(t.files).toBe(report.files.length);
    expect(t.pages + t.skipped + t.duplicates).toBe(t.files);
    expect(t.warnings).toBe(report.files.reduce((n, f) => n + f.warnings.length, 0));
  });

  describe.each(expectations.map((e) => [e.file, e] as [string, HostileExpectation]))('%s', (file, e) => {
    const entry = bySource.get(file) as ReportEntry;
    const allowed = [e.status, ...(e.also ?? [])];

    it(`is ${allowed.join(' or ')} (${e.reason})`, () => {
      expect(entry, 'missing from the report').toBeDefined();
      // An image served next to the minutes is in the report as 'skipped', reason 'image: …'.
      const got = entry.status === 'skipped' && /^image:/.test(entry.reason ?? '') ? 'asset' : entry.status;
      expect(allowed, `status ${entry.status} (${entry.reason})`).toContain(got);
      if (entry.status !== 'page') expect(entry.reason, 'a skipped file needs a reason').toMatch(/\S/);
      const reason = REASONS[file];
      if (reason && entry.status !== 'page') expect(entry.reason).toMatch(reason);
    });

    if (e.status === 'asset') {
      it('is served as an image under /_media/', () => {
        expect(existsSync(path.join(site.outDir, ASSET_DIR, ...file.split('/')))).toBe(true);
      });
    }

    if (e.status === 'page' && !e.also) {
      it('is a page with the expected id and date', () => {
        expect(entry.id).toBeTruthy();
        if (e.id) expect(entry.id).toBe(e.id);
        const m = meetingBySource.get(file);
        expect(m, 'missing from api/meetings.json').toBeDefined();
        if (e.date !== undefined) expect(m!.date).toBe(e.date);
        expect(existsSync(path.join(site.outDir, ...entry.id!.split('/'), 'index.html')), 'page HTML').toBe(true);
      });
    }

    if (e.warns) {
      it('has a warning', () => {
        expect(entry.warnings.length).toBeGreaterThan(0);
      });
    }
  });

  it('gives the two files claiming the same meeting two pages, with a warning on the second', () => {
    expect(bySource.get('broken/2024-01-10.md')?.id).toBe('broken/2024-01-10');
    const second = bySource.get('broken/20240110.md')!;
    if (second.status === 'page') {
      expect(second.id).toBe('broken/2024-01-10-2');
      expect(second.warnings.map((w) => w.message).join('\n')).toMatch(/broken\/2024-01-10\.md/);
    }
  });

  it('publishes exactly the images the inventory kept under /_media/ (not the root-level one, no link, no SVG)', () => {
    const published = walk(path.join(site.outDir, ASSET_DIR)).sort();
    const kept = report.files.filter((f) => f.status === 'skipped' && /^image:/.test(f.reason ?? '')).map((f) => f.source).sort();
    expect(kept.length).toBeGreaterThan(0);
    expect(published).toEqual(kept);
    expect(published).not.toContain('image.png');
  });

  it('publishes nothing of the skipped files (no page, no /etc/passwd, no SVG, no stray script)', () => {
    expect(existsSync(path.join(site.outDir, 'stray'))).toBe(false);
    expect(existsSync(path.join(site.outDir, ASSET_DIR, 'xss', 'diagram.svg'))).toBe(false);
    for (const f of htmlFiles) {
      const html = read(f);
      expect(html, f).not.toContain('root:x:0:0');
      expect(html, f).not.toContain('A file with no series folder');
    }
  });
});

describe('hostile fixture: warnings name file and line', () => {
  const lineOf = (source: string, re: RegExp) => bySource.get(source)?.warnings.find((w) => re.test(w.message))?.line;

  it('puts the line of the problem on line-specific warnings', () => {
    expect(lineOf('broken/20240101.md', /YAML/)).toBeGreaterThanOrEqual(2); // inside the frontmatter (lines 2–5)
    expect(lineOf('broken/20240101.md', /YAML/)).toBeLessThanOrEqual(5);
    expect(lineOf('broken/20240103.md', /UTF-8/)).toBe(8);
    expect(lineOf('broken/20240111.md', /2023-11-01/)).toBe(1);
  });

  it('prints them as file:line: message in the build summary', () => {
    expect(site.output).toMatch(/broken\/20240103\.md:8: .*UTF-8/);
    expect(site.output).toMatch(/broken\/20240111\.md:1: .*2023-11-01/);
    expect(site.output).toMatch(/Minutes: \d+ files → \d+ pages, \d+ skipped, \d+ duplicates; \d+ warnings in \d+ files\./);
  });

  it('has a message on every warning, and a line number on every warning that has one', () => {
    for (const f of report.files) {
      for (const w of f.warnings) {
        expect(w.message, f.source).toMatch(/\S/);
        if (w.line !== undefined) expect(Number.isInteger(w.line) && w.line >= 1, `${f.source}: ${w.message}`).toBe(true);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// The HTML

interface Page {
  file: string;
  doc: ReturnType<typeof parseDocument>;
  all: Element[];
  csp: string;
}

const pages: Page[] = htmlFiles.map((file) => {
  const doc = parseDocument(read(file));
  const all = DomUtils.findAll(() => true, doc.children) as Element[];
  const meta = all.filter((e) => e.name === 'meta' && (e.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy');
  return { file, doc, all, csp: meta.length === 1 ? meta[0]!.attribs['content'] ?? '' : '' };
});
const meetingPages = pages.filter((p) => p.all.some((e) => hasClass(e, 'minutes')));

function hasClass(e: Element, cls: string): boolean {
  return (e.attribs['class'] ?? '').split(/\s+/).includes(cls);
}
function inside(e: Element, test: (a: Element) => boolean): boolean {
  for (let p = e.parent; p && p.type !== 'root'; p = p.parent as Element | null) if (test(p as Element)) return true;
  return false;
}
// The site's own note at a section that belongs to a topic (components/MinutesWithTopics.astro) stands in the
// minutes' flow, right after the section's heading.
const topicNote = (a: Element) => a.name === 'p' && hasClass(a, 'topic-note') && a.attribs['data-topic-note'] !== undefined && a.prev?.type === 'tag' && /^h[1-6]$/.test((a.prev as Element).name);
/** Elements that hold HTML rendered from minutes: the meeting body and issue excerpts (without the topic notes). */
const fromMinutes = (e: Element) => !topicNote(e) && !inside(e, topicNote) && inside(e, (a) => hasClass(a, 'minutes') || hasClass(a, 'excerpt'));
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const directive = (csp: string, name: string) =>
  csp.split(';').map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name)?.split(/\s+/).slice(1) ?? undefined;

/** A URL attribute value as a browser would see the scheme (entities are already decoded by the parser). */
const scheme = (v: string) => v.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase().match(/^([a-z][a-z0-9+.-]*):/)?.[1];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'xlink:href', 'srcdoc', 'ping', 'manifest', 'codebase', 'dynsrc', 'lowsrc']);

describe('hostile fixture: the HTML', () => {
  it('has pages for every meeting, and scanned them', () => {
    expect(meetingPages.length).toBeGreaterThanOrEqual(report.totals.pages);
    expect(pages.length).toBeGreaterThan(meetingPages.length);
  });

  it.each(pages.map((p) => [p.file, p] as [string, Page]))('%s: one CSP meta in <head>, forbidding inline script', (_, p) => {
    const metas = p.all.filter((e) => e.name === 'meta' && (e.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy');
    expect(metas).toHaveLength(1);
    expect(inside(metas[0]!, (a) => a.name === 'head')).toBe(true);
    // Redirect pages (src/lib/redirect-page.ts) carry a stricter policy than the site's: default-src 'none' and one hashed script.
    const effective = (name: string) => directive(p.csp, name) ?? directive(p.csp, 'default-src');
    const script = effective('script-src')!;
    expect(script.length).toBeGreaterThan(0);
    for (const source of script) expect(source).toMatch(/^'self'$|^'wasm-unsafe-eval'$|^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(effective('object-src')).toEqual(["'none'"]);
    expect([["'self'"], ["'none'"]]).toContainEqual(directive(p.csp, 'base-uri'));
    const styleElem = effective('style-src-elem') ?? effective('style-src')!;
    expect(styleElem).not.toContain("'unsafe-inline'");
  });

  it.each(pages.map((p) => [p.file, p] as [string, Page]))('%s: only the site\'s own scripts and styles', (_, p) => {
    const scriptHashes = directive(p.csp, 'script-src-elem') ?? directive(p.csp, 'script-src') ?? [];
    const styleHashes = directive(p.csp, 'style-src-elem') ?? directive(p.csp, 'style-src') ?? [];
    for (const e of p.all) {
      if (e.name === 'script') {
        const src = e.attribs['src'];
        if (src !== undefined) {
          expect(src, 'external script').toMatch(new RegExp(`^${base}_astro/[\\w.-]+\\.js$`));
          expect(e.attribs['type']).toBe('module');
        } else {
          const body = DomUtils.textContent(e);
          expect(body, 'inline script').not.toContain('__pwned');
          expect(scriptHashes, `inline script not hashed in the CSP: ${body.slice(0, 80)}`).toContain(sha256(body));
        }
        expect(fromMinutes(e), 'script inside the minutes').toBe(false);
      }
      if (e.name === 'style') {
        const body = DomUtils.textContent(e);
        expect(styleHashes, `<style> not hashed in the CSP: ${body.slice(0, 80)}`).toContain(sha256(body));
        expect(fromMinutes(e), '<style> inside the minutes').toBe(false);
      }
      if (e.name === 'link' && (e.attribs['rel'] ?? '').toLowerCase().includes('stylesheet')) {
        expect(e.attribs['href']).toMatch(new RegExp(`^${base}_astro/`));
      }
    }
  });

  it.each(pages.map((p) => [p.file, p] as [string, Page]))('%s: no handlers, dangerous URLs, embeds, forms, meta refresh or base from minutes', (_, p) => {
    const problems: string[] = [];
    const say = (e: Element, what: string) => problems.push(`<${e.name}> ${what}`);
    for (const e of p.all) {
      for (const [name, value] of Object.entries(e.attribs)) {
        const n = name.toLowerCase();
        if (n.startsWith('on')) say(e, `event handler ${name}="${value}"`);
        if (URL_ATTRIBUTES.has(n) || n === 'srcset') {
          const s = scheme(value);
          if (s && !['http', 'https', 'mailto'].includes(s)) say(e, `${name}="${value}"`);
        }
        if (n === 'style' && fromMinutes(e)) say(e, `style="${value}" from minutes`);
        if (n === 'style' && /position|url\(|expression|behavior|display\s*:\s*none/i.test(value)) say(e, `style="${value}"`);
      }
      // Never on any page:
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'fencedframe'].includes(e.name)) say(e, 'element');
      // The site uses some of these itself (SVG charts, a <noscript> note, buttons); never inside the minutes:
      if (['svg', 'math', 'template', 'noscript', 'textarea', 'select', 'button', 'dialog', 'link', 'meta', 'title'].includes(e.name) && fromMinutes(e)) say(e, 'from minutes');
      if (e.name === 'input' && fromMinutes(e) && !(e.attribs['type'] === 'checkbox' && e.attribs['disabled'] !== undefined)) say(e, 'input from minutes');
      if (e.name === 'form') {
        if (fromMinutes(e) || e.attribs['role'] !== 'search' || e.attribs['action'] !== `${base}search/`) say(e, `form action="${e.attribs['action']}"`);
      }
      if (e.name === 'meta') {
        const equiv = (e.attribs['http-equiv'] ?? '').toLowerCase();
        if (!inside(e, (a) => a.name === 'head')) say(e, 'outside <head>');
        if (equiv === 'refresh') {
          // The site's own redirect pages (old file-name URLs): to a page of the site.
          const url = /url=(.*)$/i.exec(e.attribs['content'] ?? '')?.[1]?.trim() ?? '';
          if (!url.startsWith(base) || url.startsWith('//')) say(e, `refresh to ${url}`);
        } else if (equiv && equiv !== 'content-security-policy') say(e, `http-equiv=${equiv}`);
      }
      if (e.name === 'link' && !inside(e, (a) => a.name === 'head')) say(e, 'outside <head>');
      if (e.name === 'link' && /evil|javascript|data:/i.test(e.attribs['href'] ?? '')) say(e, `href=${e.attribs['href']}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(meetingPages.map((p) => [p.file, p] as [string, Page]))('%s: minutes cannot take the site\'s classes or ids', (_, p) => {
    const ours = /^(heading-anchor|issue-page-link|callout|callout-(info|warning|success|danger)|missing-image|contains-task-list|task-list-item|footnotes|sr-only|data-footnote-backref|language-[\w+#.-]+)$/;
    const problems: string[] = [];
    for (const e of p.all) {
      if (!fromMinutes(e)) continue;
      for (const c of (e.attribs['class'] ?? '').split(/\s+/).filter(Boolean)) if (!ours.test(c)) problems.push(`<${e.name} class="${c}">`);
      const id = e.attribs['id'];
      // Heading anchors come from the parser (slugs); every other id or name from minutes is prefixed.
      if (id !== undefined && !/^h[1-6]$/.test(e.name) && !id.startsWith('user-content-')) problems.push(`<${e.name} id="${id}">`);
      const name = e.attribs['name'];
      if (name !== undefined && !name.startsWith('user-content-')) problems.push(`<${e.name} name="${name}">`);
    }
    expect(problems).toEqual([]);
  });

  it.each(meetingPages.map((p) => [p.file, p] as [string, Page]))('%s: ids are unique (minutes cannot clobber the site\'s ids)', (_, p) => {
    const ids = p.all.map((e) => e.attribs['id']).filter((id): id is string => id !== undefined);
    const seen = new Set<string>();
    const dupes = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it('keeps the text of the payload pages (sanitized, not dropped)', () => {
    const text = (id: string) => DomUtils.textContent(pages.find((p) => p.file === `${id}/index.html`)!.doc);
    expect(text('xss/2024-02-04')).toContain('This overlay covers the whole site.');
    expect(text('xss/2024-02-02')).toContain('javascript link');
    expect(text('xss/2024-02-07')).toContain('<USER onmouseover="window.__pwned=1">');
    expect(text('broken/2024-01-03')).toContain('After the bad bytes: Grüße, €, 🐱.');
  });
});
