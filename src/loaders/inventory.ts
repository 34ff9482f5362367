import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { linkReason, PROBLEM_REASONS, SKIP_REASONS, type ReportEntry } from '../lib/report.ts';

/** Files larger than this are listed, not parsed: no minutes are this long, and remark would take seconds. */
export const MAX_MINUTES_BYTES = 2 * 1024 * 1024;

export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);

/** A Markdown file that should become a page: its bytes, read once. */
export interface MinutesFile {
  source: string;
  bytes: Buffer;
  hash: string;
}

/** A Markdown file byte-identical to an earlier one (by source order). */
export interface CopiedFile {
  source: string;
  /** The file it copies (a member of `minutes`). */
  copyOf: string;
}

export interface Inventory {
  /** Files to parse, sorted by source. */
  minutes: MinutesFile[];
  /** Byte-identical copies of files in `minutes`: the loader decides whether they keep URLs of their own. */
  copies: CopiedFile[];
  /** Every other file found (skipped or duplicate), with the reason. */
  others: ReportEntry[];
  /** Image files next to the minutes (sources), served as assets. */
  images: string[];
}

const toSource = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

/**
 * Walk MINUTES_DIR without following folder links (so link loops cannot hang
 * the build) and sort every file found into minutes to parse, images, and
 * files that are reported with a reason. Every file ends up in exactly one list.
 * Synchronous on purpose: hundreds of small files read one after another
 * cost ~0.15 s of waiting on the thread pool when read with fs/promises.
 */
export function takeInventory(
  root: string,
  isExcluded: (source: string) => boolean,
  /** Files the archive itself reads (config, aliases), with the reason they are not pages. */
  known: ReadonlyMap<string, string> = new Map(),
): Inventory {
  const minutes: MinutesFile[] = [];
  const copies: CopiedFile[] = [];
  const others: ReportEntry[] = [];
  const images: string[] = [];
  const realRoot = realpathSync(root);
  const byHash = new Map<string, string>();
  const skip = (source: string, reason: string, status: ReportEntry['status'] = 'skipped') =>
    others.push({ source, status, reason, warnings: [] });

  const found: { abs: string; link: boolean }[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      // An unreadable folder (permissions) is listed, not fatal.
      if (dir === root) throw e;
      skip(toSource(root, dir), `${PROBLEM_REASONS.unreadable}: folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    for (const e of entries) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isSymbolicLink()) found.push({ abs, link: true });
      else if (e.isFile()) found.push({ abs, link: false });
      else skip(toSource(root, abs), `${PROBLEM_REASONS.special} (a device, socket or pipe)`);
    }
  };
  walk(root);
  found.sort((a, b) => (a.abs < b.abs ? -1 : 1));

  for (const { abs, link } of found) {
    const source = toSource(root, abs);
    try {
      sortFile(abs, source, link);
    } catch (e) {
      // Permissions, a file removed during the build…: listed, never fatal.
      skip(source, `${PROBLEM_REASONS.unreadable} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  return { minutes, copies, others, images };

  function sortFile(abs: string, source: string, link: boolean): void {
    const ext = path.extname(source).toLowerCase();
    const isMarkdown = ext === '.md';
    if (link) {
      let target: string;
      try {
        target = realpathSync(abs);
      } catch {
        skip(source, PROBLEM_REASONS.brokenLink);
        return;
      }
      const info = statSync(target);
      const inside = target.startsWith(realRoot + path.sep);
      if (info.isDirectory()) skip(source, SKIP_REASONS.linkToFolder);
      else if (!inside) skip(source, PROBLEM_REASONS.outsideLink);
      else skip(source, linkReason(toSource(realRoot, target), isMarkdown), isMarkdown ? 'duplicate' : 'skipped');
      return;
    }
    const knownReason = known.get(source);
    if (knownReason) {
      skip(source, knownReason);
      return;
    }
    // `.github/`, `.DS_Store`, editor backups: repository plumbing, not minutes (still listed).
    if (source.split('/').some((part) => part.startsWith('.'))) {
      skip(source, SKIP_REASONS.hidden);
      return;
    }
    if (!isMarkdown) {
      if (IMAGE_EXTENSIONS.has(ext) && source.includes('/')) images.push(source);
      else if (ext === '.svg') skip(source, SKIP_REASONS.svg);
      else skip(source, source.includes('/') ? SKIP_REASONS.notMarkdown : SKIP_REASONS.notInSeriesNotMarkdown);
      return;
    }
    if (!source.includes('/')) {
      skip(source, SKIP_REASONS.notInSeries);
      return;
    }
    if (isExcluded(source)) {
      skip(source, SKIP_REASONS.excluded);
      return;
    }
    const info = statSync(abs);
    if (info.size > MAX_MINUTES_BYTES) {
      skip(source, `${PROBLEM_REASONS.tooLarge} (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_MINUTES_BYTES / 1048576} MB)`);
      return;
    }
    const bytes = readFileSync(abs);
    if (bytes.includes(0)) {
      skip(source, PROBLEM_REASONS.binary);
      return;
    }
    const hash = createHash('sha1').update(bytes).digest('hex');
    const first = byHash.get(hash);
    if (first !== undefined) {
      copies.push({ source, copyOf: first });
      return;
    }
    byHash.set(hash, source);
    minutes.push({ source, bytes, hash });
  }
}

/** Whether a source is excluded: its file name or its whole path is in the list (case-insensitive). */
export function excludedBy(list: string[]): (source: string) => boolean {
  const names = new Set(list.map((s) => s.toLowerCase()));
  return (source) => names.has(source.toLowerCase()) || names.has(source.split('/').pop()!.toLowerCase());
}
