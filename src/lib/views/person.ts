/**
 * View model of a person page `/people/<slug>/`: who, how often, where; the
 * attendance timeline; meetings by series and year; their distinct action
 * items (copied-forward repeats once, with first and last meeting); meetings
 * where they are mentioned without attending.
 */
import { seriesName } from '../config.ts';
import { personMeetingsBySeries } from '../indexes/people.ts';
import type { Meeting } from '../minutes/types.ts';
import { siteView, plural, type Link, type PageView, type ViewContext } from './context.ts';

/** A run of action-item text, or an @handle of somebody in the index (a link to their page). */
export type TextPart = string | { label: string; href: string };

export interface TimelineRow {
  label: string;
  /** Dated meetings of the row (undated ones cannot be placed). */
  marks: { date: string; label: string }[];
}

export interface PersonActionItem {
  text: TextPart[];
  /** Where it first appeared; `last` only when that is another meeting. */
  first: Link;
  last?: Link;
  meetings: number;
  status?: string;
  /** Other assignees. */
  with: Link[];
}

export interface PersonPageProps extends PageView {
  name: string;
  /** `@key` shown when the name does not already say it. */
  handle?: string;
  github?: string;
  variants: string[];
  meetingCount: number;
  seriesCount: number;
  /** `2021–24` and "first 2021-03-04 · last 2024-01-02" (absent when no meeting is dated). */
  span?: { years: string; first: string; last: string };
  /** Timeline over the archive's whole dated range, so pages of different people compare. */
  timeline?: { rows: TimelineRow[]; startYear: number; endYear: number; title: string; description: string };
  series: { key: string; link: Link; count: number; years: { year: string; meetings: { href: string; title: string; date: string | null; label: string }[] }[] }[];
  actionItems: PersonActionItem[];
  mentions: { date: string | null; link: Link; section?: Link; series: Link }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `17 May` (date-fns' 'd MMM', without a Date per link); the slug when undated. */
export function shortDate(m: Pick<Meeting, 'date' | 'slug'>): string {
  return m.date ? `${Number(m.date.slice(8, 10))} ${MONTHS[Number(m.date.slice(5, 7)) - 1]}` : m.slug;
}

/** Action-item text for display: links become their text, emphasis marks dropped (as on meeting pages). */
export function plainText(md: string): string {
  return md.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1').replace(/[_*`]/g, '');
}

/** Text split around @handles for which `link` gives a page (those become links; `@` kept in the label). */
export function linkHandles(text: string, link: (handle: string) => string | undefined): TextPart[] {
  const out: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/(^|[^\w@])@([A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9])/g)) {
    const href = link(m[2]!);
    if (href === undefined) continue;
    const at = m.index! + m[1]!.length;
    out.push(text.slice(last, at), { label: `@${m[2]!}`, href });
    last = at + 1 + m[2]!.length;
  }
  out.push(text.slice(last));
  return out.filter((p) => p !== '');
}

export function personView(ctx: ViewContext, key: string): PersonPageProps {
  const { indexes, config, paths } = ctx;
  const person = indexes.people.get(key);
  if (!person) throw new Error(`no person ${key}`);
  const byId = indexes.byId;
  const sname = (s: string) => seriesName(config, s);
  const groups = personMeetingsBySeries(person, byId);
  const seriesSummary = groups.map((g) => `${sname(g.series)} ${g.count}`).join(', ');
  const rows = groups.map((g) => ({
    label: sname(g.series),
    marks: g.years.flatMap((y) => y.meetings).filter((m) => m.date !== null).map((m) => ({ date: m.date!, label: `${m.date} · ${sname(m.series)}` })),
  }));
  const dated = rows.some((r) => r.marks.length > 0);
  const { first: archiveFirst, last: archiveLast } = indexes.dateRange;
  const meetingLabel = (id: string) => {
    const m = byId.get(id);
    return m ? `${m.date ?? m.slug} · ${sname(m.series)}` : id;
  };
  const handleLink = (handle: string) => {
    const k = indexes.resolvePerson(handle);
    return indexes.people.has(k) ? paths.person(k) : undefined;
  };
  /** The section of a meeting where the person is first mentioned (undefined before the first heading). */
  const mentionSection = (m: Meeting): Link | undefined => {
    const at = m.mentions.find((x) => indexes.resolvePerson(x.key) === person.key);
    if (!at || at.anchor === '') return undefined;
    const h = m.headings.find((x) => x.anchor === at.anchor);
    return h ? { label: h.text, href: paths.section(m.id, at.anchor) } : undefined;
  };
  const n = person.meetings.length;
  const firstYear = person.first?.slice(0, 4);
  const lastYear = person.last?.slice(0, 4);
  return {
    site: siteView(ctx),
    head: {
      title: person.name,
      description: `${person.name}: ${plural(n, 'meeting')} attended${person.first ? ` (${person.first} – ${person.last})` : ''}${seriesSummary ? `: ${seriesSummary}` : ''}; ${person.actionItems.length} action items.`,
      crumbs: [{ label: 'People', href: paths.people() }, { label: person.name }],
    },
    name: person.name,
    ...(person.github !== undefined && person.name.replace(/^@/, '').toLowerCase() !== person.key ? { handle: `@${person.key}` } : {}),
    ...(person.github ? { github: person.github } : {}),
    variants: person.variants,
    meetingCount: n,
    seriesCount: groups.length,
    ...(person.first && firstYear
      ? { span: { years: `${firstYear}${person.last && lastYear !== firstYear ? `–${person.last.slice(2, 4)}` : ''}`, first: person.first, last: person.last ?? '' } }
      : {}),
    ...(dated && archiveFirst && archiveLast
      ? {
          timeline: {
            rows,
            startYear: Number(archiveFirst.slice(0, 4)),
            endYear: Number(archiveLast.slice(0, 4)),
            title: `Attendance timeline of ${person.name}`,
            description: `One mark per meeting attended, one row per series: ${seriesSummary}; from ${person.first} to ${person.last}.`,
          },
        }
      : {}),
    series: groups.map((g) => ({
      key: g.series,
      link: { label: sname(g.series), href: paths.series(g.series) },
      count: g.count,
      years: g.years.map((y) => ({
        year: y.year,
        meetings: y.meetings.map((m) => ({ href: paths.meeting(m.id), title: m.title, date: m.date, label: shortDate(m) })),
      })),
    })),
    actionItems: person.actionItems.map((item) => ({
      text: linkHandles(plainText(item.text), handleLink),
      first: { label: meetingLabel(item.first.meetingId), href: paths.section(item.first.meetingId, item.first.anchor) },
      ...(item.first.meetingId !== item.last.meetingId ? { last: { label: meetingLabel(item.last.meetingId), href: paths.section(item.last.meetingId, item.last.anchor) } } : {}),
      meetings: item.meetings,
      ...(item.status ? { status: plainText(item.status) } : {}),
      with: item.assignees.filter((k) => k !== person.key).map((k) => ({ label: indexes.people.get(k)?.name ?? k, href: paths.person(k) })),
    })),
    mentions: person.mentions
      .map((id) => byId.get(id))
      .filter((m): m is Meeting => m !== undefined)
      .reverse()
      .map((m) => {
        const section = mentionSection(m);
        return { date: m.date, link: { label: m.title, href: paths.meeting(m.id) }, ...(section ? { section } : {}), series: { label: sname(m.series), href: paths.series(m.series) } };
      }),
  };
}
