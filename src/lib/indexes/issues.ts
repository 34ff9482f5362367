/**
 * Issues index: every referenced GitHub issue / PR / discussion (keyed
 * `org/repo#N`, lower-case) with the story of its mentions across meetings,
 * in date order. One pass over the meetings; heading texts come from a
 * per-meeting anchor map built once.
 */
import type { Meeting } from '../minutes/types.ts';
import { githubIssueUrl, parseIssueKey } from '../github.ts';
import { compareMeetingsAsc, headingTexts } from './util.ts';

export interface IssueStoryItem {
  meetingId: string;
  date: string | null;
  series: string;
  /** Meeting title (for the per-issue JSON and feeds). */
  title: string;
  /** Section anchor ('' before the first heading: link to the meeting itself). */
  anchor: string;
  /** Text of that section's heading ('' before the first heading). */
  headingText: string;
  line: number;
  /** Markdown source of the list item or paragraph that mentions the issue. */
  excerpt: string;
  /** Index into `meeting.issues` (and so into the loader's `issueExcerptsHtml`) for the rendered excerpt. */
  mentionIndex: number;
}

export interface IssueEntry {
  /** `org/repo#N`. */
  key: string;
  org: string;
  repo: string;
  /** `org/repo`. */
  repoKey: string;
  number: number;
  github: string;
  /** Every mention, by date (undated last), then meeting id, then line. Several per meeting possible. */
  mentions: IssueStoryItem[];
  /** Distinct meetings, in date order. */
  meetingIds: string[];
  meetingCount: number;
  /** First / last date discussed (null when no mention is dated). */
  first: string | null;
  last: string | null;
}

export interface RepoGroup {
  /** `org/repo`. */
  repoKey: string;
  org: string;
  repo: string;
  /** Issues by number. */
  issues: IssueEntry[];
  /** Distinct meetings that mention any issue of the repository. */
  meetingCount: number;
  first: string | null;
  last: string | null;
}

/** Build the issues index (sorted by repository, then number). */
export function buildIssuesIndex(meetings: readonly Meeting[]): Map<string, IssueEntry> {
  const sorted = [...meetings].sort(compareMeetingsAsc);
  const entries = new Map<string, IssueEntry>();
  for (const m of sorted) {
    if (m.issues.length === 0) continue;
    const headings = headingTexts(m);
    const seen = new Set<string>(); // key + line: one story item per place
    // In line order within the meeting (the story reads top to bottom).
    const order = m.issues.map((_, i) => i).sort((a, b) => m.issues[a]!.line - m.issues[b]!.line || a - b);
    for (const mentionIndex of order) {
      const mention = m.issues[mentionIndex]!;
      const parts = parseIssueKey(mention.key);
      if (!parts) continue;
      const key = `${parts.org}/${parts.repo}#${parts.number}`;
      const place = `${key}\u0000${mention.line}`;
      if (seen.has(place)) continue;
      seen.add(place);
      let e = entries.get(key);
      if (!e) {
        e = {
          key,
          org: parts.org,
          repo: parts.repo,
          repoKey: `${parts.org}/${parts.repo}`,
          number: parts.number,
          github: githubIssueUrl(key),
          mentions: [],
          meetingIds: [],
          meetingCount: 0,
          first: null,
          last: null,
        };
        entries.set(key, e);
      }
      e.mentions.push({
        meetingId: m.id,
        date: m.date,
        series: m.series,
        title: m.title,
        anchor: mention.anchor,
        headingText: headings.get(mention.anchor) ?? '',
        line: mention.line,
        excerpt: mention.excerpt,
        mentionIndex,
      });
      if (e.meetingIds[e.meetingIds.length - 1] !== m.id) {
        e.meetingIds.push(m.id);
        e.meetingCount++;
        if (m.date !== null) {
          e.first ??= m.date;
          e.last = m.date;
        }
      }
    }
  }
  return new Map([...entries].sort(([, a], [, b]) => compareIssues(a, b)));
}

/** By repository, then number. */
export function compareIssues(a: IssueEntry, b: IssueEntry): number {
  return a.repoKey < b.repoKey ? -1 : a.repoKey > b.repoKey ? 1 : a.number - b.number;
}

/** Issues sorted for /issues/: most discussed (meetings, then most recent) or most recent (last date, then meetings). */
export function sortIssues(issues: Iterable<IssueEntry>, by: 'discussed' | 'recent'): IssueEntry[] {
  const recent = (a: IssueEntry, b: IssueEntry) => (b.last ?? '').localeCompare(a.last ?? '');
  return [...issues].sort((a, b) =>
    by === 'discussed'
      ? b.meetingCount - a.meetingCount || recent(a, b) || compareIssues(a, b)
      : recent(a, b) || b.meetingCount - a.meetingCount || compareIssues(a, b),
  );
}

/** Issues grouped by repository (repositories alphabetically, issues by number). */
export function groupIssuesByRepo(index: ReadonlyMap<string, IssueEntry>): RepoGroup[] {
  const groups = new Map<string, { g: RepoGroup; meetings: Set<string> }>();
  for (const e of index.values()) {
    let r = groups.get(e.repoKey);
    if (!r) {
      r = { g: { repoKey: e.repoKey, org: e.org, repo: e.repo, issues: [], meetingCount: 0, first: null, last: null }, meetings: new Set() };
      groups.set(e.repoKey, r);
    }
    r.g.issues.push(e);
    for (const id of e.meetingIds) r.meetings.add(id);
    if (e.first !== null && (r.g.first === null || e.first < r.g.first)) r.g.first = e.first;
    if (e.last !== null && (r.g.last === null || e.last > r.g.last)) r.g.last = e.last;
  }
  return [...groups.values()]
    .map(({ g, meetings }) => ({ ...g, issues: g.issues.sort((a, b) => a.number - b.number), meetingCount: meetings.size }))
    .sort((a, b) => (a.repoKey < b.repoKey ? -1 : a.repoKey > b.repoKey ? 1 : 0));
}
