import path from 'node:path';
import type { createPaths } from '../lib/paths.ts';

type Paths = ReturnType<typeof createPaths>;

/** A GitHub file or folder URL: github.com/<org>/<repo>/(blob|tree)/<branch>/<path>[#anchor]. */
const GITHUB_FILE = /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/(?:blob|tree)\/[^/]+\/([^?#]*)(?:\?[^#]*)?(#.*)?$/i;
/** An upload on a HedgeDoc/CodiMD server: the file name may exist next to the minutes. */
const PAD_UPLOAD = /^https?:\/\/[^/]+\/uploads\/([^/?#]+)$/i;

/** Percent-decoding of a link path; a malformed escape (`a%zz.md`) stays as written (decodeURIComponent would throw). */
function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A link's wanted #anchor as the target has it (as written, or lower-cased), or null when the target has neither. */
export function findAnchor(anchors: Set<string> | undefined, wanted: string): string | null {
  return [wanted, wanted.toLowerCase()].find((a) => a && anchors?.has(a)) ?? null;
}

/** One anchor lookup a rendered file depends on: target meeting id, anchor wanted, anchor found. */
export type AnchorLookup = [id: string, wanted: string, found: string | null];

/**
 * Resolvers the renderer calls for links and images of one file. Pure apart
 * from the sets passed in: which sources became which meeting ids, and which
 * image files exist next to the minutes.
 */
export function createLinkResolvers(opts: {
  paths: Paths;
  idBySource: Map<string, string>;
  images: Set<string>;
  /** Heading anchors per meeting id: a link keeps its #anchor only when the target has it. */
  anchorsById: Map<string, Set<string>>;
  /** Called for every anchor looked up in another meeting (so a cached rendering can tell when it went stale). */
  onAnchorLookup?: (from: string, lookup: AnchorLookup) => void;
}) {
  const { paths, idBySource, images, anchorsById, onAnchorLookup } = opts;
  const seriesSet = new Set([...idBySource.keys()].map((s) => s.split('/')[0]!));

  const meetingFor = (from: string, source: string, hash = '') => {
    const id = idBySource.get(source) ?? idBySource.get(`${source}.md`);
    if (id === undefined) return undefined;
    // GitHub line anchors (#L57) and anchors of edited headings would not resolve here: link the meeting instead.
    const wanted = decodePath(hash.slice(1));
    const anchor = findAnchor(anchorsById.get(id), wanted);
    if (wanted) onAnchorLookup?.(from, [id, wanted, anchor]);
    return anchor ? paths.section(id, anchor) : paths.meeting(id);
  };

  return {
    /** Local copy of an image referenced by `from` (relative path, or a pad upload URL whose file is next to it). */
    asset(from: string, url: string): string | undefined {
      const dir = path.posix.dirname(from);
      const upload = PAD_UPLOAD.exec(url);
      if (upload) {
        const local = path.posix.join(dir, decodePath(upload[1]!));
        return images.has(local) ? paths.asset(local) : undefined;
      }
      if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url)) return undefined;
      const local = path.posix.normalize(path.posix.join(dir, decodePath(url.split(/[?#]/)[0]!)));
      return images.has(local) ? paths.asset(local) : undefined;
    },
    /** Internal page for a link into the minutes repository, or a relative link to another minutes file. */
    minutes(from: string, url: string): string | undefined {
      const gh = GITHUB_FILE.exec(url);
      if (gh) {
        const target = decodePath(gh[1]!).replace(/\/+$/, '');
        // The repository may keep the minutes below a folder: match on the last two segments.
        const tail = target.split('/').slice(-2).join('/');
        const page = meetingFor(from, tail, gh[2] ?? '');
        if (page) return page;
        const last = target.split('/').pop()!;
        return seriesSet.has(last) ? paths.series(last) : undefined;
      }
      if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url)) return undefined;
      const [file, hash] = url.split('#') as [string, string | undefined];
      if (!/\.md$/i.test(file)) return undefined;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodePath(file)));
      return meetingFor(from, target, hash ? `#${hash}` : '');
    },
  };
}
