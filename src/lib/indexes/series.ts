/**
 * Series index: per series folder, its meetings (sorted once), grouped by
 * year with the ISO weeks that had a meeting (calendar strip), prev/next of
 * each meeting, attendance per meeting, most active participants and most
 * discussed issues. One pass over the meetings plus one sort per series.
 */
import { getISOWeek, getISOWeekYear, getISOWeeksInYear } from '../date-fns.ts';
import { seriesName } from '../config.ts';
import type { ArchiveConfig, Meeting } from '../minutes/types.ts';
import { personKey } from '../person-key.ts';
import { compareMeetingsAsc, rankCounts } from './util.ts';

export interface SeriesYear {
  /** `2023`, or `undated`. */
  year: string;
  /** Newest first. */
  meetings: Meeting[];
  /**
   * Distinct ISO week numbers with a meeting, ascending. A date whose ISO week
   * belongs to the neighbouring year (1–3 January, 29–31 December) is clamped
   * into this year's strip: week 1, or the year's last week.
   */
  weeks: number[];
  /** ISO weeks in that year (52 or 53): the width of the strip. 0 for `undated`. */
  weeksInYear: number;
}

export interface SeriesEntry {
  series: string;
  /** Display name (config `seriesNames`, else the folder name capitalised). */
  name: string;
  count: number;
  /** Newest first (undated last). */
  meetings: Meeting[];
  /** Newest year first, `undated` last. */
  byYear: SeriesYear[];
  /** Date of the first / last dated meeting. */
  first: string | null;
  last: string | null;
  /** Older (`prev`) and newer (`next`) meeting of the same series. */
  neighbours(id: string): { prev: Meeting | undefined; next: Meeting | undefined };
  /** Distinct participants (canonical keys) per meeting id. */
  attendance: Map<string, number>;
  /** Largest attendance, to scale the bars (0 when no meeting lists participants). */
  maxAttendance: number;
  /** Participants by number of meetings attended in this series, most first (all of them: slice as needed). */
  topParticipants: { key: string; count: number }[];
  /** Issue keys by number of meetings of this series that mention them, most first. */
  topIssues: { key: string; count: number }[];
}

/** Place of a date on a calendar-year strip of ISO weeks. */
export function stripWeek(date: string): { year: string; week: number } {
  const d = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const year = d.getFullYear();
  const isoYear = getISOWeekYear(d);
  const week = isoYear < year ? 1 : isoYear > year ? getISOWeeksInYear(new Date(year, 6, 1)) : getISOWeek(d);
  return { year: String(year), week };
}

export function buildSeriesIndex(
  meetings: readonly Meeting[],
  config: ArchiveConfig,
  resolvePerson: (key: string) => string = personKey,
): Map<string, SeriesEntry> {
  const groups = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const g = groups.get(m.series);
    if (g) g.push(m);
    else groups.set(m.series, [m]);
  }
  const out = new Map<string, SeriesEntry>();
  for (const series of [...groups.keys()].sort()) {
    const asc = groups.get(series)!.sort(compareMeetingsAsc);
    const position = new Map<string, number>();
    const attendance = new Map<string, number>();
    const people = new Map<string, number>();
    const issues = new Map<string, number>();
    const years = new Map<string, { meetings: Meeting[]; weeks: Set<number> }>();
    let maxAttendance = 0;
    let first: string | null = null;
    let last: string | null = null;
    asc.forEach((m, i) => {
      position.set(m.id, i);
      const keys = new Set(m.participants.map((p) => resolvePerson(p.key)).filter((k) => k !== ''));
      attendance.set(m.id, keys.size);
      maxAttendance = Math.max(maxAttendance, keys.size);
      for (const k of keys) people.set(k, (people.get(k) ?? 0) + 1);
      for (const k of new Set(m.issues.map((x) => x.key))) issues.set(k, (issues.get(k) ?? 0) + 1);
      let year = 'undated';
      let week: number | undefined;
      if (m.date !== null) {
        ({ year, week } = stripWeek(m.date));
        first ??= m.date;
        last = m.date;
      }
      let y = years.get(year);
      if (!y) years.set(year, (y = { meetings: [], weeks: new Set() }));
      y.meetings.push(m);
      if (week !== undefined) y.weeks.add(week);
    });
    // Newest first, undated still last.
    const dated = asc.filter((m) => m.date !== null);
    const newestFirst = [...dated.reverse(), ...asc.filter((m) => m.date === null)];
    const byYear: SeriesYear[] = [...years]
      .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
      .map(([year, y]) => ({
        year,
        meetings: year === 'undated' ? y.meetings : [...y.meetings].reverse(),
        weeks: [...y.weeks].sort((a, b) => a - b),
        weeksInYear: year === 'undated' ? 0 : getISOWeeksInYear(new Date(Number(year), 6, 1)),
      }));
    out.set(series, {
      series,
      name: seriesName(config, series),
      count: asc.length,
      meetings: newestFirst,
      byYear,
      first,
      last,
      neighbours(id) {
        const i = position.get(id);
        if (i === undefined) return { prev: undefined, next: undefined };
        return { prev: asc[i - 1], next: asc[i + 1] };
      },
      attendance,
      maxAttendance,
      topParticipants: rankCounts(people),
      topIssues: rankCounts(issues),
    });
  }
  return out;
}
