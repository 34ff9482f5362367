/**
 * All indexes of the archive, built once from the loaded meetings; the single
 * object every page reads (memoised by the caller, src/archive.ts). Each
 * builder is one pass over the meetings (plus sorts), so building scales
 * linearly with the archive.
 */
import type { ArchiveConfig, Meeting } from '../minutes/types.ts';
import { EMPTY_ALIASES, type AliasTable } from './aliases.ts';
import { buildIssuesIndex, groupIssuesByRepo, type IssueEntry, type RepoGroup } from './issues.ts';
import { buildPeopleIndex, type PeopleIndex } from './people.ts';
import { buildSeriesIndex, type SeriesEntry } from './series.ts';
import { suggestAliases, type AliasSuggestion } from './suggest.ts';
import { buildTopicIndex, type TopicIndex } from './topics.ts';
import { compareMeetingsAsc, compareMeetingsDesc } from './util.ts';

export interface ArchiveIndexes {
  /** All meetings in date order (undated last). */
  meetings: Meeting[];
  byId: Map<string, Meeting>;
  people: PeopleIndex;
  /** Canonical person key for any key or variant (aliases, case, slug collisions). */
  resolvePerson(key: string): string;
  issues: Map<string, IssueEntry>;
  issuesByRepo: RepoGroup[];
  series: Map<string, SeriesEntry>;
  /** Subjects followed across meetings (headings of sections in two or more meetings). */
  topics: TopicIndex;
  /** Dates of the first and last dated meeting of the whole archive (null when none is dated). */
  dateRange: { first: string | null; last: string | null };
  /** The n newest meetings across all series (undated ones never come before dated ones). */
  latest(n: number): Meeting[];
  totals: {
    meetings: number;
    series: number;
    /** People who attended at least one meeting. */
    people: number;
    issues: number;
    repos: number;
    topics: number;
    /** Distinct action items (per person and normalised text). */
    actionItems: number;
  };
  /** Likely aliases missing from the alias file (computed on first call). */
  aliasSuggestions(): AliasSuggestion[];
}

export function buildArchiveIndexes(meetings: readonly Meeting[], config: ArchiveConfig, aliases: AliasTable = EMPTY_ALIASES): ArchiveIndexes {
  const asc = [...meetings].sort(compareMeetingsAsc);
  const newest = [...meetings].sort(compareMeetingsDesc);
  const byId = new Map(asc.map((m) => [m.id, m]));
  const people = buildPeopleIndex(asc, aliases);
  const resolve = (key: string) => people.resolve(key);
  const issues = buildIssuesIndex(asc);
  const series = buildSeriesIndex(asc, config, resolve);
  const topics = buildTopicIndex(asc, { ignore: config.topics?.ignore ?? [] });
  let suggestions: AliasSuggestion[] | undefined;
  let attendees = 0;
  let actionItems = 0;
  for (const p of people.values()) {
    if (p.meetings.length > 0) attendees++;
    actionItems += p.actionItems.length;
  }
  const issuesByRepo = groupIssuesByRepo(issues);
  const dated = asc.filter((m) => m.date !== null);
  return {
    meetings: asc,
    byId,
    people,
    resolvePerson: resolve,
    issues,
    issuesByRepo,
    series,
    topics,
    dateRange: { first: dated[0]?.date ?? null, last: dated[dated.length - 1]?.date ?? null },
    latest: (n) => newest.slice(0, Math.max(0, n)),
    totals: { meetings: asc.length, series: series.size, people: attendees, issues: issues.size, repos: issuesByRepo.length, topics: topics.topics.length, actionItems },
    aliasSuggestions: () => (suggestions ??= suggestAliases(people, aliases, { sameName: people.namesWithSeveralHandles })),
  };
}
