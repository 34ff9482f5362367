/**
 * Every internal URL of the site, built in one place so that the base path
 * (`BASE_PATH`, e.g. `/minutes`) is honoured everywhere. Pure: no Astro
 * imports; the caller passes `import.meta.env.BASE_URL`. Feeds make their
 * links absolute themselves (@astrojs/rss, with the site).
 *
 * URL scheme (all with a trailing slash, all below the base):
 *   /                                 home
 *   /<series>/                        series page           (+ rss.xml feed)
 *   /<series>/<YYYY-MM-DD>[-suffix]/  meeting page          (#anchor for a section)
 *   /people/  /people/<slug>/         people                (slug: personSlug(key))
 *   /issues/  /issues/<org>/<repo>/<n>/                     (+ rss.xml feed)
 *   /topics/  /topics/<key>/          subjects across meetings (+ rss.xml feed; search.json for the search page)
 *   /search/[?q=…]  /about/  /build-report/
 *   /api/<name>  /api/issues/<org>/<repo>/<n>.json
 *   /<ASSET_DIR>/<series>/<file>      images copied from next to the minutes
 */
import { parseIssueKey } from './github.ts';

/** Folder (below the base) that images from the minutes folder are served from. */
export const ASSET_DIR = '_media';

/** First path segments the site uses itself: a series folder must not be named like one of these. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['people', 'issues', 'topics', 'search', 'api', 'about', 'build-report', ASSET_DIR, '_astro', 'pagefind', 'rss.xml']);

/** A meeting, or its id `<series>/<slug>`. */
export type MeetingRef = string | { id: string };

/** Normalise an Astro base (`/`, `/minutes`, `/minutes/`, `minutes`, '') to `/` or `/minutes/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Encode each `/`-separated segment of a path (keeps the slashes). */
function encodePath(p: string): string {
  return p
    .split('/')
    .filter((s) => s !== '')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** Fragment part of a URL: anchors are GitHub slugs; only encode what cannot stand in an href. */
function encodeFragment(anchor: string): string {
  return anchor.replace(/[\s"<>`%#]/g, (c) => encodeURIComponent(c));
}

const TRANSLIT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

/** A GitHub-login-like key: letters, digits, `-` and `.` (invalid logins such as `anja.strunk` occur). */
const HANDLE_LIKE = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

/**
 * URL segment for a person key. Handle keys (`[a-z0-9.-]`) are used as they
 * are (`/people/matfechner/`); any other key (a plain name such as
 * `dirk loßack`) becomes ASCII words joined by `_` (`dirk_lossack`). Handle
 * keys never contain `_` (the parser removes it), so a name slug can never
 * equal a handle slug. Stable: depends only on the key. Never empty.
 */
export function personSlug(key: string): string {
  const k = key.normalize('NFC').trim().toLowerCase();
  if (HANDLE_LIKE.test(k) && !k.includes('..')) return k;
  const ascii = k
    .replace(/[ßæœøđðþłı]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (slug !== '') return slug;
  // Nothing ASCII left (e.g. a name in another script): a stable hash of the key.
  let h = 0x811c9dc5;
  for (const ch of k) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `_${h.toString(36)}`;
}

/** Route params of an issue page `/issues/[org]/[repo]/[n]/` (also the per-issue API file). */
export function issueRouteParams(key: string): { org: string; repo: string; n: string } {
  const p = parseIssueKey(key);
  if (!p) throw new Error(`not an issue key: ${key}`);
  return { org: p.org, repo: p.repo, n: String(p.number) };
}

export function createPaths(base: string) {
  const root = normalizeBase(base);
  /** Path below the base; `rel` must not start with `/`. */
  const at = (rel: string) => root + rel;
  const meetingId = (m: MeetingRef) => (typeof m === 'string' ? m : m.id);
  const issuePath = (key: string) => {
    const p = parseIssueKey(key);
    if (!p) throw new Error(`not an issue key: ${key}`);
    return `${encodeURIComponent(p.org)}/${encodeURIComponent(p.repo)}/${p.number}`;
  };

  const paths = {
    /** The normalised base: `/` or `/minutes/`. */
    base: root,
    home: () => root,
    /** `/<series>/<slug>/` from a meeting or its id `<series>/<slug>`. */
    meeting: (m: MeetingRef) => at(`${encodePath(meetingId(m))}/`),
    /** A section of a meeting: the meeting URL plus `#anchor` (no hash for the '' anchor). */
    section: (m: MeetingRef, anchor: string) => paths.meeting(m) + (anchor ? `#${encodeFragment(anchor)}` : ''),
    series: (series: string) => at(`${encodeURIComponent(series)}/`),
    people: () => at('people/'),
    person: (key: string) => at(`people/${encodeURIComponent(personSlug(key))}/`),
    issues: () => at('issues/'),
    /** `/issues/<org>/<repo>/<n>/` for a key `org/repo#N`. */
    issue: (key: string) => at(`issues/${issuePath(key)}/`),
    topics: () => at('topics/'),
    /** `/topics/<key>/`; keys are URL-safe slugs (src/lib/indexes/topics.ts). */
    topic: (key: string) => at(`topics/${encodeURIComponent(key)}/`),
    /** RSS feed of the meetings in a topic's thread. */
    topicFeed: (key: string) => at(`topics/${encodeURIComponent(key)}/rss.xml`),
    /** The small file the search page matches topic names against. */
    topicsSearch: () => at('topics/search.json'),
    /** The file the search page matches issue references against. */
    issuesSearch: () => at('issues/search.json'),
    search: (query?: string) => at('search/') + (query ? `?q=${encodeURIComponent(query)}` : ''),
    about: () => at('about/'),
    buildReport: () => at('build-report/'),
    /** `/api/<name>`, e.g. api('meetings.json'), api('issues/org/repo/1.json'). */
    api: (name: string) => at(`api/${encodePath(name)}`),
    /** The per-issue JSON file `/api/issues/<org>/<repo>/<n>.json`. */
    issueApi: (key: string) => at(`api/issues/${issuePath(key)}.json`),
    /**
     * A static file. `fromMinutes` (default) → an image copied from the minutes
     * folder (`/<ASSET_DIR>/<path>`); false → a file at the site root (`public/`).
     */
    asset: (p: string, fromMinutes = true) => at(fromMinutes ? `${ASSET_DIR}/${encodePath(p)}` : encodePath(p)),
    /** A file at the site root, e.g. file('build-report.json'). */
    file: (name: string) => at(encodePath(name)),
    /** RSS feed: all meetings (no argument) or one series. */
    feed: (series?: string) => (series === undefined ? at('rss.xml') : at(`${encodeURIComponent(series)}/rss.xml`)),
    /** RSS feed of the meetings that discuss an issue. */
    issueFeed: (key: string) => at(`issues/${issuePath(key)}/rss.xml`),
  };
  return paths;
}

export type Paths = ReturnType<typeof createPaths>;
