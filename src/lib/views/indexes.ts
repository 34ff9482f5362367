/** View models of the index pages: `/people/` and `/issues/`. */
import { seriesName } from '../config.ts';
import { sortIssues, type IssueEntry } from '../indexes/issues.ts';
import { sortPeople } from '../indexes/people.ts';
import type { ArchiveConfig } from '../minutes/types.ts';
import { siteView, plural, type Link, type PageView, type ViewContext } from './context.ts';
import { repoAnchor } from './issue.ts';

export interface SeriesCount {
  name: string;
  count: number;
}

/** Series with a count each, most first (ties keep their order), by display name. */
export function rankSeries(config: ArchiveConfig, counts: Iterable<[string, number]>): SeriesCount[] {
  return [...counts].sort(([, a], [, b]) => b - a).map(([s, count]) => ({ name: seriesName(config, s), count }));
}

/** Meetings that mention an issue, per series (one count per mention). */
function issueSeriesCounts(e: IssueEntry): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of e.mentions) counts.set(m.series, (counts.get(m.series) ?? 0) + 1);
  return counts;
}

export interface PeopleRow {
  link: Link;
  /** Name without a leading `@` (the sort value). */
  sortName: string;
  /** `@key` when the name does not already say it. */
  handle?: string;
  meetings: number;
  /** Count bar width, percent of the most meetings anyone attended. */
  barPercent: string;
  series: SeriesCount[];
  first: string | null;
  last: string | null;
}

export interface PeopleIndexProps extends PageView {
  attendedCount: number;
  meetingTotal: number;
  json: string;
  rows: PeopleRow[];
  /** People assigned action items who never attended. */
  assignedOnly: Link[];
}

export function peopleIndexView(ctx: ViewContext): PeopleIndexProps {
  const { indexes, config, paths } = ctx;
  const all = sortPeople(indexes.people.values(), 'attendance');
  const attended = all.filter((p) => p.meetings.length > 0);
  const max = Math.max(1, ...attended.map((p) => p.meetings.length));
  return {
    site: siteView(ctx),
    head: {
      title: 'People',
      description: `${attended.length} people who attended the meetings, with their meetings, series and action items.`,
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: 'People' }],
    },
    attendedCount: attended.length,
    meetingTotal: indexes.totals.meetings,
    json: paths.api('people.json'),
    rows: attended.map((p) => ({
      link: { label: p.name, href: paths.person(p.key) },
      sortName: p.name.replace(/^@/, ''),
      ...(p.github && p.name.replace(/^@/, '').toLowerCase() !== p.key ? { handle: `@${p.key}` } : {}),
      meetings: p.meetings.length,
      barPercent: ((p.meetings.length / max) * 100).toFixed(1),
      series: rankSeries(config, Object.entries(p.series)),
      first: p.first,
      last: p.last,
    })),
    assignedOnly: sortPeople(
      all.filter((p) => p.meetings.length === 0),
      'name',
    ).map((p) => ({ label: p.name, href: paths.person(p.key) })),
  };
}

export interface IssueRow {
  key: string;
  number: number;
  href: string;
  meetings: number;
  /** Series names, most mentions first, comma-separated. */
  series: string;
  first: string | null;
  last: string | null;
}

export interface RepoGroupView {
  org: string;
  repo: string;
  repoKey: string;
  anchor: string;
  github: string;
  /** "3 issues, discussed in 5 meetings · 2023-01-04 – 2024-02-01". */
  summary: string;
  issues: IssueRow[];
}

export interface IssuesIndexProps extends PageView {
  issueTotal: number;
  repoTotal: number;
  json: string;
  mostDiscussed: (Link & { meetings: number })[];
  recent: (Link & { last: string })[];
  /** Repositories by number of issues (chips). */
  repoNav: (Link & { count: number })[];
  groups: RepoGroupView[];
}

export function issuesIndexView(ctx: ViewContext): IssuesIndexProps {
  const { indexes, config, paths } = ctx;
  const { issues: issueTotal, repos: repoTotal } = indexes.totals;
  const link = (e: IssueEntry): Link => ({ label: e.key, href: paths.issue(e.key) });
  return {
    site: siteView(ctx),
    head: {
      title: 'Issues',
      description: `${issueTotal} GitHub issues, pull requests and discussions referenced in the minutes, in ${repoTotal} repositories.`,
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: 'Issues' }],
    },
    issueTotal,
    repoTotal,
    json: paths.api('issues.json'),
    mostDiscussed: sortIssues(indexes.issues.values(), 'discussed')
      .slice(0, 10)
      .map((e) => ({ ...link(e), meetings: e.meetingCount })),
    recent: sortIssues(indexes.issues.values(), 'recent')
      .slice(0, 10)
      .map((e) => ({ ...link(e), last: e.last ?? 'undated' })),
    repoNav: [...indexes.issuesByRepo]
      .sort((a, b) => b.issues.length - a.issues.length || a.repoKey.localeCompare(b.repoKey))
      .map((g) => ({ label: g.repoKey, href: `#${repoAnchor(g.org, g.repo)}`, count: g.issues.length })),
    groups: indexes.issuesByRepo.map((g) => ({
      org: g.org,
      repo: g.repo,
      repoKey: g.repoKey,
      anchor: repoAnchor(g.org, g.repo),
      github: `https://github.com/${g.org}/${g.repo}`,
      summary: `${plural(g.issues.length, 'issue')}, discussed in ${plural(g.meetingCount, 'meeting')}${g.first ? ` · ${g.first} – ${g.last}` : ''}`,
      issues: g.issues.map((e) => ({
        key: e.key,
        number: e.number,
        href: paths.issue(e.key),
        meetings: e.meetingCount,
        series: rankSeries(config, issueSeriesCounts(e))
          .map((s) => s.name)
          .join(', '),
        first: e.first,
        last: e.last,
      })),
    })),
  };
}
