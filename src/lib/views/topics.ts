/**
 * View models of the topic pages, their JSON and feed, the search page's
 * topic data, and the notes at a meeting's sections: pure functions of the
 * indexes (plus the rendered HTML of the meetings, for the excerpts).
 */
import { seriesName } from '../config.ts';
import type { ArchiveIndexes } from '../indexes/archive-indexes.ts';
import { compareTopicsByDiscussion, compareTopicsByRecency, headingWords, normalizeHeading, type Topic } from '../indexes/topics.ts';
import type { ArchiveConfig } from '../minutes/types.ts';
import type { Paths } from '../paths.ts';
import { sectionExcerpts, type SectionExcerpt } from '../section-html.ts';
import type { Meeting } from '../minutes/types.ts';
import { siteView, type PageView } from './context.ts';
import { feedOf, type FeedView } from './feed.ts';

export interface TopicInputs {
  indexes: ArchiveIndexes;
  config: ArchiveConfig;
  paths: Paths;
}

/** A topic as listed: on /topics/ and in search results. */
export interface TopicCard {
  key: string;
  title: string;
  href: string;
  series: string[];
  meetingCount: number;
  first: string | null;
  last: string | null;
}

function card({ config, paths }: TopicInputs, t: Topic): TopicCard {
  return { key: t.key, title: t.title, href: paths.topic(t.key), series: t.series.map((s) => seriesName(config, s)), meetingCount: t.meetingCount, first: t.first, last: t.last };
}

export interface TopicsIndexView extends PageView {
  total: number;
  json: string;
  mostDiscussed: TopicCard[];
  mostRecent: TopicCard[];
  bySeries: { series: string; name: string; topics: TopicCard[] }[];
}

/** /topics/: the most discussed and most recent topics, and every topic by series (most discussed first). */
export function topicsIndexView(inputs: TopicInputs, highlights = 12): TopicsIndexView {
  const { indexes, config, paths } = inputs;
  const topics = indexes.topics.topics;
  const bySeries = new Map<string, Topic[]>();
  for (const t of topics) for (const s of t.series) (bySeries.get(s) ?? bySeries.set(s, []).get(s)!).push(t);
  return {
    site: siteView(inputs),
    head: {
      title: 'Topics',
      description: `${topics.length} subjects followed across the meetings: each heads a section in two meetings or more.`,
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: 'Topics' }],
    },
    total: topics.length,
    json: paths.api('topics.json'),
    mostDiscussed: [...topics].sort(compareTopicsByDiscussion).slice(0, highlights).map((t) => card(inputs, t)),
    mostRecent: [...topics].sort(compareTopicsByRecency).slice(0, highlights).map((t) => card(inputs, t)),
    bySeries: [...bySeries]
      .map(([series, list]) => ({ series, name: seriesName(config, series), topics: list.sort(compareTopicsByDiscussion).map((t) => card(inputs, t)) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export interface ThreadEntry {
  meetingId: string;
  date: string | null;
  series: string;
  seriesName: string;
  seriesHref: string;
  meetingHref: string;
  /** Meeting title when it says more than "<series> <date>". */
  title: string | null;
  heading: string;
  sectionHref: string;
  excerpt: SectionExcerpt;
  people: { key: string; name: string; href: string | null }[];
  issues: { key: string; href: string | null }[];
}

export interface TopicView extends TopicCard, PageView {
  /** Other wordings of the subject, as the minutes wrote them. */
  alsoCalled: string[];
  feedHref: string;
  entries: ThreadEntry[];
}

/** The excerpt of one section of a meeting, as a topic page shows it (links in it lead to `meetingHref`). */
export type SectionOf = (meetingId: string, anchor: string, meetingHref: string) => SectionExcerpt;

/** SectionOf that cuts each section out of its meeting's rendered HTML (`htmlOf`). */
export function sectionsFromHtml(htmlOf: (meetingId: string) => string): SectionOf {
  return (meetingId, anchor, meetingHref) => sectionExcerpts(htmlOf(meetingId), [anchor], meetingHref).get(anchor) ?? { lead: '', rest: '' };
}

/** /topics/<key>/: the thread in date order, each meeting's section rendered (`sectionOf`, e.g. sectionsFromHtml). */
export function topicView(inputs: TopicInputs, key: string, sectionOf: SectionOf): TopicView | undefined {
  const { indexes, config, paths } = inputs;
  const topic = indexes.topics.get(key);
  if (!topic) return undefined;
  const entries: ThreadEntry[] = topic.sections.map((s) => {
    const name = seriesName(config, s.series);
    const meetingHref = paths.meeting(s.meetingId);
    const excerpt = sectionOf(s.meetingId, s.anchor, meetingHref);
    const people = [...new Set(s.people.map((k) => indexes.resolvePerson(k)))].map((k) => {
      const person = indexes.people.get(k);
      return { key: k, name: person?.name ?? k, href: person ? paths.person(k) : null };
    });
    return {
      meetingId: s.meetingId,
      date: s.date,
      series: s.series,
      seriesName: name,
      seriesHref: paths.series(s.series),
      meetingHref,
      title: s.title === `${name} ${s.date}` ? null : s.title,
      heading: s.heading,
      sectionHref: paths.section(s.meetingId, s.anchor),
      excerpt,
      people,
      issues: s.issues.map((k) => ({ key: k, href: indexes.issues.has(k) ? paths.issue(k) : null })),
    };
  });
  const c = card(inputs, topic);
  const span = topic.first ? (topic.first === topic.last ? ` on ${topic.first}` : ` from ${topic.first} to ${topic.last}`) : '';
  return {
    site: siteView(inputs),
    head: {
      title: topic.title,
      description: `${topic.title}: discussed in ${topic.meetingCount} meetings${span} (${c.series.join(', ')}).`,
      crumbs: [{ label: 'Topics', href: paths.topics() }, { label: topic.title }],
      feeds: [{ title: `Meetings on ${topic.title}`, href: paths.topicFeed(topic.key) }],
    },
    ...c,
    alsoCalled: topic.headings.filter((h) => h !== topic.title).slice(0, 8),
    feedHref: paths.topicFeed(topic.key),
    entries,
  };
}

/** The feed of a topic: the meetings of its thread, newest first. */
export function topicFeedView(inputs: TopicInputs, key: string): FeedView {
  const { indexes, config } = inputs;
  const topic = indexes.topics.get(key);
  const meetings = (topic?.sections ?? []).map((s) => indexes.byId.get(s.meetingId)).filter((m): m is Meeting => m !== undefined);
  return feedOf(inputs, `${topic?.title ?? key} · ${config.title}`, `Meetings that discuss ${topic?.title ?? key}`, meetings);
}

/** `api/topics.json`. */
export function topicsJson({ indexes, paths }: TopicInputs) {
  return {
    topics: indexes.topics.topics.map((t) => ({
      key: t.key,
      title: t.title,
      url: paths.topic(t.key),
      series: t.series,
      meetings: t.sections.map((s) => ({ id: s.meetingId, url: paths.section(s.meetingId, s.anchor), anchor: s.anchor, heading: s.heading })),
    })),
  };
}

/** Meetings of a thread listed in a search result: the first and the last ones, up to this many. */
export const SEARCH_MEETINGS = 8;

/** One topic in `topics/search.json` (arrays, not objects: the file loads with the first query). */
export type TopicSearchRecord = [
  key: string,
  title: string,
  /** Words of its other headings that the title lacks (the title's own words are computed in the browser). */
  extraWords: string,
  meetingCount: number,
  first: string,
  last: string,
  /** Distinct section anchors. */
  anchors: string[],
  /** [index into `series`, meeting slug, index into `anchors`], the first and last `SEARCH_MEETINGS` / 2. */
  meetings: [number, string, number][],
];

export interface TopicSearchData {
  /** [folder, display name] */
  series: [string, string][];
  topics: TopicSearchRecord[];
}

/**
 * What the search page matches topic names against (`topics/search.json`),
 * kept small because it loads with the first query.
 */
export function topicsSearchData({ indexes, config }: TopicInputs): TopicSearchData {
  const series = [...new Set(indexes.topics.topics.flatMap((t) => t.series))];
  const seriesIndex = new Map(series.map((s, i) => [s, i]));
  return {
    series: series.map((s) => [s, seriesName(config, s)]),
    topics: indexes.topics.topics.map((t): TopicSearchRecord => {
      const own = new Set(headingWords(normalizeHeading(t.title)));
      const shown = t.sections.length <= SEARCH_MEETINGS ? t.sections : [...t.sections.slice(0, SEARCH_MEETINGS / 2), ...t.sections.slice(-SEARCH_MEETINGS / 2)];
      const anchors = [...new Set(shown.map((s) => s.anchor))];
      return [
        t.key,
        t.title,
        t.words.filter((w) => !own.has(w)).join(' '),
        t.meetingCount,
        t.first ?? '',
        t.last ?? '',
        anchors,
        shown.map((s) => [seriesIndex.get(s.series)!, s.meetingId.slice(s.series.length + 1), anchors.indexOf(s.anchor)]),
      ];
    }),
  };
}

/** A note at a meeting's section that heads a topic: the thread, and its previous and next meetings. */
export interface SectionTopicNote {
  anchor: string;
  key: string;
  title: string;
  href: string;
  others: number;
  prev: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
}

export function meetingTopicNotes({ indexes, config, paths }: TopicInputs, meetingId: string): SectionTopicNote[] {
  const label = (s: { series: string; date: string | null; meetingId: string }) => `${seriesName(config, s.series)} ${s.date ?? s.meetingId}`;
  return indexes.topics.byMeeting(meetingId).map(({ topic, index }) => {
    const here = topic.sections[index]!;
    const prev = topic.sections[index - 1];
    const next = topic.sections[index + 1];
    return {
      anchor: here.anchor,
      key: topic.key,
      title: topic.title,
      href: paths.topic(topic.key),
      others: topic.meetingCount - 1,
      prev: prev ? { href: paths.section(prev.meetingId, prev.anchor), label: label(prev) } : null,
      next: next ? { href: paths.section(next.meetingId, next.anchor), label: label(next) } : null,
    };
  });
}
