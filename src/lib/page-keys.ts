/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and code are unchanged since the last build is copied, not
 * rendered again. So a key must change whenever anything the page shows
 * changes — a key that misses an input silently publishes a stale page
 * (tests/build/incremental.test.ts compares an incremental rebuild with a
 * clean build, file by file).
 *
 * What each key is made of, besides `context` (site config, alias file,
 * minutes folder: anything every page may show):
 * - a meeting's **digest** from the content store: its file, parsed and
 *   rendered (the loader's digest also covers the pipeline version, the site
 *   config and the list of files);
 * - the **display names** of the people a page names (a person's name is the
 *   most frequent label over all their meetings, so editing one meeting can
 *   rename someone on the pages of others);
 * - whatever else a page shows that comes from outside those meetings
 *   (prev/next, the date range of the archive, "3 years ago").
 */
import { createHash } from 'node:crypto';
import type { ArchiveIndexes } from './indexes/archive.ts';
import { relativeDay } from './dates.ts';

export interface PageKeyInputs {
  indexes: ArchiveIndexes;
  /** Content digest of each meeting (by meeting id). */
  digests: ReadonlyMap<string, string>;
  /** The build's clock ("3 years ago" on meeting pages). */
  today: Date;
  /** Anything every page may show: site config, aliases, settings. */
  context: unknown;
}

export interface PageKeys {
  meeting(id: string): string;
  person(key: string): string;
  issue(key: string): string;
  series(series: string): string;
  /** A topic page: its thread's meetings (their sections are shown) and the names of the people it names. */
  topic(key: string): string;
  /** A redirect page: its target and the title it shows. */
  redirect(target: string, title: string): string;
}

function hash(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

export function createPageKeys({ indexes, digests, today, context }: PageKeyInputs): PageKeys {
  const global = hash(context);
  const digest = (id: string) => [id, digests.get(id) ?? ''];
  const name = (key: string) => [key, indexes.people.get(key)?.name ?? null];
  // Person pages link every @handle that is somebody in the index: they depend on who exists and their names.
  let everyone: string | undefined;
  const people = () => (everyone ??= hash([...indexes.people.values()].map((p) => [p.key, p.name])));

  return {
    meeting(id) {
      const m = indexes.byId.get(id);
      if (!m) return hash([global, 'meeting', id]);
      const { prev, next } = indexes.series.get(m.series)?.neighbours(id) ?? {};
      const named = new Set([...m.participants.map((p) => p.key), ...m.actionItems.flatMap((a) => a.assignees)].map(indexes.resolvePerson));
      // "Also discussed in N other meetings" and prev/next within each thread at the sections.
      const threads = indexes.topics.byMeeting(id).map(({ topic, index }) => [
        topic.key,
        topic.title,
        topic.meetingCount,
        [topic.sections[index - 1], topic.sections[index], topic.sections[index + 1]].map((s) => s && [s.meetingId, s.anchor, s.date]),
      ]);
      return hash([
        global,
        'meeting',
        digest(id),
        threads,
        prev && [prev.id, prev.date, prev.slug],
        next && [next.id, next.date, next.slug],
        [...named].map(name),
        m.date ? relativeDay(m.date, today) : null,
      ]);
    },
    person(key) {
      const p = indexes.people.get(key);
      if (!p) return hash([global, 'person', key]);
      const ids = new Set([...p.meetings, ...p.mentions, ...p.actionItems.flatMap((a) => [a.first.meetingId, a.last.meetingId])]);
      return hash([global, 'person', p, indexes.dateRange, [...ids].map(digest), people()]);
    },
    issue(key) {
      const entry = indexes.issues.get(key);
      return hash([global, 'issue', key, entry ? entry.meetingIds.map(digest) : null]);
    },
    series(series) {
      const entry = indexes.series.get(series);
      if (!entry) return hash([global, 'series', series]);
      return hash([global, 'series', series, entry.meetings.map((m) => digest(m.id)), entry.topParticipants.map((t) => name(t.key))]);
    },
    topic(key) {
      const t = indexes.topics.get(key);
      if (!t) return hash([global, 'topic', key]);
      const named = new Set(t.sections.flatMap((s) => s.people.map(indexes.resolvePerson)));
      return hash([global, 'topic', t, t.sections.map((s) => digest(s.meetingId)), [...named].map(name), [...new Set(t.issues)].map((k) => indexes.issues.has(k))]);
    },
    redirect(target, title) {
      return hash([global, 'redirect', target, title]);
    },
  };
}
