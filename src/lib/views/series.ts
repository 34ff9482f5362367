/** View model of a series page `/<series>/`. */
import { seriesName } from '../config.ts';
import { siteView, plural, type Link, type PageView, type ViewContext } from './context.ts';

export interface SeriesMeetingRow {
  href: string;
  date: string | null;
  /** Shown instead of the date when the meeting is undated. */
  slug: string;
  /** Only when it says more than "<Series> <date>". */
  title?: string;
  attendance: number;
  /** Attendance bar width, percent of the series' largest attendance ("0"–"100"). */
  barPercent: string;
}

export interface SeriesYearView {
  year: string;
  /** ISO weeks with a meeting (calendar strip); empty with `weeksInYear` 0 for `undated`. */
  weeks: number[];
  weeksInYear: number;
  meetings: SeriesMeetingRow[];
}

export interface SeriesPageProps extends PageView {
  key: string;
  name: string;
  /** "12 meetings, 2023-01-04 – 2024-05-02". */
  summary: string;
  feed: string;
  /** Whether any meeting lists participants (else no attendance bars). */
  showAttendance: boolean;
  years: SeriesYearView[];
  topParticipants: { person: Link | string; count: number }[];
  topIssues: (Link & { count: number })[];
  count: number;
}

export function seriesView(ctx: ViewContext, series: string): SeriesPageProps {
  const { indexes, config, paths } = ctx;
  const entry = indexes.series.get(series);
  if (!entry) throw new Error(`no series ${series}`);
  const name = seriesName(config, series);
  const maxAtt = Math.max(1, entry.maxAttendance);
  /** Minutes titled just "<Series> <date>" need no title next to the date link. */
  const isDefaultTitle = (m: { title: string; date: string | null; slug: string }) => {
    const t = m.title.toLowerCase().replace(/\s+/g, ' ').trim();
    return m.date !== null && (t === name.toLowerCase() || t === `${name} ${m.date}`.toLowerCase() || t === `${series} ${m.date}`.toLowerCase() || t === m.date || t === `${name} ${m.slug}`.toLowerCase());
  };
  return {
    site: siteView(ctx),
    head: {
      title: `${name} meetings`,
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: name }],
      feeds: [{ title: `${name} meetings`, href: paths.feed(series) }],
    },
    key: series,
    name,
    count: entry.count,
    summary: `${plural(entry.count, 'meeting')}${entry.first ? `, ${entry.first} – ${entry.last}` : ''}`,
    feed: paths.feed(series),
    showAttendance: entry.maxAttendance > 0,
    years: entry.byYear.map(({ year, meetings, weeks, weeksInYear }) => ({
      year,
      weeks,
      weeksInYear,
      meetings: meetings.map((m) => {
        const n = entry.attendance.get(m.id) ?? 0;
        return {
          href: paths.meeting(m.id),
          date: m.date,
          slug: m.slug,
          ...(isDefaultTitle(m) ? {} : { title: m.title }),
          attendance: n,
          barPercent: ((n / maxAtt) * 100).toFixed(0),
        };
      }),
    })),
    topParticipants: entry.topParticipants.slice(0, 15).map((p) => {
      const person = indexes.people.get(p.key);
      return { person: person ? { label: person.name, href: paths.person(p.key) } : p.key, count: p.count };
    }),
    topIssues: entry.topIssues
      .filter((i) => indexes.issues.has(i.key))
      .slice(0, 12)
      .map((i) => ({ label: i.key, href: paths.issue(i.key), count: i.count })),
  };
}
