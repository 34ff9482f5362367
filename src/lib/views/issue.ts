/**
 * View model of an issue page `/issues/<org>/<repo>/<n>/`: the issue's story
 * across meetings, oldest first. Each chapter is one meeting; each place in it
 * is a section that mentions the issue, with the rendered excerpts (sanitized
 * HTML from the loader) shown once each.
 */
import { seriesName } from '../config.ts';
import type { IssueEntry } from '../indexes/issues.ts';
import { siteView, plural, type Link, type PageView, type ViewContext } from './context.ts';
import type { SectionExcerpt } from '../section-html.ts';

export interface IssuePlace {
  /** The section (its heading, or "Top of the minutes"). */
  section: Link;
  excerpts: string[];
  /** The section's discussion, when a mention there is only the reference (a bare URL line, the heading's own link). */
  discussion?: SectionExcerpt;
}

export interface IssueChapter {
  meetingHref: string;
  date: string | null;
  series: Link;
  /** Only when it says more than "<Series> <date>". */
  title?: string;
  places: IssuePlace[];
}

export interface IssuePageProps extends PageView {
  key: string;
  org: string;
  repo: string;
  number: number;
  meetingCount: number;
  first: string | null;
  last: string | null;
  /** Names of the series that discuss it, in order of first discussion. */
  seriesNames: string[];
  github: string;
  feed: string;
  json: string;
  chapters: IssueChapter[];
}

/** Rendered excerpts of a meeting's issue mentions, by mention index (the loader's `issueExcerptsHtml`). */
export type ExcerptsOf = (meetingId: string) => readonly string[] | undefined;

/** Per mention of a meeting (by mention index), the section's discussion to show under it (lib/mention-discussion.ts); and the lines of its headings. */
export type SectionsOf = (meetingId: string) => { discussions: readonly (SectionExcerpt | null)[]; headingLines: ReadonlySet<number> } | undefined;

/** A story's mentions grouped by meeting (chapters) and section (places); repeated excerpts once. */
export function issueChapters(ctx: Pick<ViewContext, 'config' | 'paths'>, entry: IssueEntry, excerpts: ExcerptsOf, sections?: SectionsOf): IssueChapter[] {
  const { config, paths } = ctx;
  const chapters: (IssueChapter & { id: string })[] = [];
  for (const item of entry.mentions) {
    let ch = chapters[chapters.length - 1];
    if (!ch || ch.id !== item.meetingId) {
      const name = seriesName(config, item.series);
      ch = {
        id: item.meetingId,
        meetingHref: paths.meeting(item.meetingId),
        date: item.date,
        series: { label: name, href: paths.series(item.series) },
        ...(item.title !== `${name} ${item.date}` ? { title: item.title } : {}),
        places: [],
      };
      chapters.push(ch);
    }
    const href = paths.section(item.meetingId, item.anchor);
    let place = ch.places.find((p) => p.section.href === href);
    if (!place) ch.places.push((place = { section: { label: item.headingText || 'Top of the minutes', href }, excerpts: [] }));
    const html = excerpts(item.meetingId)?.[item.mentionIndex] ?? '';
    const meeting = sections?.(item.meetingId);
    const discussion = meeting?.discussions[item.mentionIndex];
    if (discussion && !place.discussion) place.discussion = discussion;
    // The heading's own link repeats the heading above it.
    const inHeading = meeting?.headingLines.has(item.line) ?? false;
    // Two mentions in one list item or paragraph give the same excerpt: show it once.
    if (html !== '' && !inHeading && !place.excerpts.includes(html)) place.excerpts.push(html);
  }
  return chapters.map(({ id: _id, ...chapter }) => chapter);
}

/** Names of the series that discuss an issue, in order of first discussion. */
function issueSeriesNames({ config }: Pick<ViewContext, 'config'>, entry: IssueEntry): string[] {
  return [...new Set(entry.mentions.map((m) => m.series))].map((s) => seriesName(config, s));
}

/** `discussed in 4 meetings from 2023-02-22 to 2023-06-07 (IaaS)`: the page's description and its search result. */
function discussedIn(entry: IssueEntry, seriesNames: readonly string[]): string {
  const span = entry.first ? (entry.first === entry.last ? `on ${entry.first}` : `from ${entry.first} to ${entry.last}`) : '';
  return `discussed in ${plural(entry.meetingCount, 'meeting')}${span ? ` ${span}` : ''} (${seriesNames.join(', ')})`;
}

export function issueView(ctx: ViewContext, key: string, excerpts: ExcerptsOf, sections?: SectionsOf): IssuePageProps {
  const { indexes, paths } = ctx;
  const entry = indexes.issues.get(key);
  if (!entry) throw new Error(`no issue ${key}`);
  const chapters = issueChapters(ctx, entry, excerpts, sections);
  const seriesNames = issueSeriesNames(ctx, entry);
  return {
    site: siteView(ctx),
    head: {
      title: entry.key,
      description: `${entry.key} in the minutes: ${discussedIn(entry, seriesNames)}.`,
      crumbs: [{ label: 'Issues', href: paths.issues() }, { label: entry.repoKey, href: `${paths.issues()}#${repoAnchor(entry.org, entry.repo)}` }, { label: `#${entry.number}` }],
      feeds: [{ title: `Meetings discussing ${entry.key}`, href: paths.issueFeed(entry.key) }],
    },
    key: entry.key,
    org: entry.org,
    repo: entry.repo,
    number: entry.number,
    meetingCount: entry.meetingCount,
    first: entry.first,
    last: entry.last,
    seriesNames,
    github: entry.github,
    feed: paths.issueFeed(entry.key),
    json: paths.issueApi(entry.key),
    chapters,
  };
}

/** One issue in `issues/search.json`: [key `org/repo#N`, what its search result says under the key]. */
export type IssueSearchRecord = [key: string, summary: string];

export interface IssueSearchData {
  issues: IssueSearchRecord[];
}

/**
 * What the search page matches issue references against (`issues/search.json`,
 * fetched with the first query that names an issue, src/scripts/search.ts): an
 * issue is a reference, not a text, so issue pages stay out of pagefind's index.
 */
export function issuesSearchData(ctx: Pick<ViewContext, 'indexes' | 'config'>): IssueSearchData {
  return {
    issues: [...ctx.indexes.issues.values()].map((entry): IssueSearchRecord => {
      const text = discussedIn(entry, issueSeriesNames(ctx, entry));
      return [entry.key, `${text[0]!.toUpperCase()}${text.slice(1)}.`];
    }),
  };
}

/** Id of a repository's section on /issues/. */
export function repoAnchor(org: string, repo: string): string {
  return `repo-${org}-${repo}`;
}
