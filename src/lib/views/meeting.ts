/** View model of a meeting page `/<series>/<slug>/`. */
import { seriesName } from '../config.ts';
import { relativeDay } from '../format-date.ts';
import { meetingDescription } from '../describe.ts';
import type { Heading, MeetingCopy } from '../minutes/types.ts';
import { personName, personNameWithHandle, siteView, type Link, type PageView, type ViewContext } from './context.ts';
import { meetingTopicNotes, type SectionTopicNote } from './topics.ts';

export interface MeetingParticipant extends Link {
  /** Canonical person key (the search filter value). */
  key: string;
}

export interface MeetingActionItem {
  /** Section the item stands in. */
  anchor: string;
  /** Plain text (links become their text, emphasis marks dropped). */
  text: string;
  status?: string;
  /** Assignees with their pages; empty when unassigned. */
  assignees: Link[];
}

export interface MeetingPageProps extends PageView {
  id: string;
  title: string;
  /** Label of citations copied from this page ("IaaS 2023-05-17"). */
  citeLabel: string;
  series: Link & { key: string };
  date: string | null;
  /** "3 years ago", by the build's clock. */
  relativeDate?: string;
  participants: MeetingParticipant[];
  headings: Heading[];
  actionItems: MeetingActionItem[];
  /** The rendered minutes (sanitized HTML from the loader). */
  html: string;
  /**
   * The page title already says what a leading date heading says, or the first heading is the title:
   * keep its anchor, hide the repeat.
   */
  hideFirstHeading: boolean;
  /** Dated byte-identical copies of this meeting's file (their URLs lead here). */
  copies: { source: string; date: string }[];
  /** Sections that belong to a topic: "also discussed in N other meetings", prev/next in the thread. */
  topicNotes: SectionTopicNote[];
  issues: Link[];
  prev?: Link;
  next?: Link;
  sourceHref?: string;
}

/** Markdown of an action item as plain text: links become their text, emphasis marks dropped. */
export function plainActionText(md: string): string {
  return md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[_*`]/g, '');
}

export function meetingView(ctx: ViewContext, input: { id: string; html: string; today: Date; copies?: readonly MeetingCopy[] }): MeetingPageProps {
  const { indexes, config, paths } = ctx;
  const meeting = indexes.byId.get(input.id);
  if (!meeting) throw new Error(`no meeting ${input.id}`);
  const name = seriesName(config, meeting.series);
  const { prev, next } = indexes.series.get(meeting.series)?.neighbours(meeting.id) ?? { prev: undefined, next: undefined };
  const person = (key: string): Link => ({ label: personName(indexes, key), href: paths.person(key) });
  const first = meeting.headings[0];
  const date = meeting.date;
  // A title that is the series name (the meetings share it) gets the date, not the name twice.
  const title = meeting.title === `${name} ${date}` ? meeting.title : meeting.title === name ? `${name} ${meeting.slug}` : `${meeting.title} (${name} ${meeting.slug})`;
  return {
    site: siteView(ctx),
    head: {
      title,
      description: meetingDescription(meeting, name),
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: name, href: paths.series(meeting.series) }, { label: date ?? meeting.slug }],
      ogType: 'article',
      feeds: [{ title: `${name} meetings`, href: paths.feed(meeting.series) }],
    },
    id: meeting.id,
    title: meeting.title,
    citeLabel: `${name} ${meeting.slug}`,
    series: { key: meeting.series, label: name, href: paths.series(meeting.series) },
    date,
    ...(date ? { relativeDate: relativeDay(date, input.today) } : {}),
    // Two spellings of one person (an alias) are one chip.
    // Chips show the full name with the handle (`Jane Doe (@jdoe)`), however the file wrote the person.
    participants: [...new Set(meeting.participants.map((p) => indexes.resolvePerson(p.key)))].map((key) => ({ key, ...person(key), label: personNameWithHandle(indexes, key) })),
    headings: meeting.headings,
    actionItems: meeting.actionItems.map((a) => ({
      anchor: a.anchor,
      text: plainActionText(a.text),
      ...(a.status ? { status: a.status } : {}),
      assignees: a.assignees.map((k) => person(indexes.resolvePerson(k))),
    })),
    html: input.html,
    hideFirstHeading: Boolean(
      first && (first.anchor === meeting.titleHeading || (date && first.depth <= 2 && first.text.includes(date) && first.text.length <= date.length + 40)),
    ),
    copies: (input.copies ?? []).map((c) => ({ source: c.source, date: c.date })),
    topicNotes: meetingTopicNotes(ctx, meeting.id),
    issues: [...new Set(meeting.issues.map((i) => i.key))].map((key) => ({ label: key, href: paths.issue(key) })),
    ...(prev ? { prev: { label: prev.date ?? prev.slug, href: paths.meeting(prev.id) } } : {}),
    ...(next ? { next: { label: next.date ?? next.slug, href: paths.meeting(next.id) } } : {}),
    ...(config.sourceUrl ? { sourceHref: `${config.sourceUrl}/${meeting.source}` } : {}),
  };
}
