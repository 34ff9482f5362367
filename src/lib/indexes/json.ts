/**
 * Shapes of the JSON API (dist/api/…): pure functions returning plain
 * objects, stable order (so builds diff cleanly). URLs come from `paths`:
 * site paths with the base (`/minutes/iaas/2023-05-17/`), as the pages link them.
 */
import type { Meeting, MeetingCopy } from '../minutes/types.ts';
import type { Paths } from '../paths.ts';
import type { IssueEntry } from './issues.ts';
import type { Person } from './people.ts';
import { personKey } from '../person-key.ts';
import { compareMeetingsAsc } from './util.ts';

export interface PeopleJson {
  people: { key: string; name: string; url: string; github?: string; meetings: string[]; mentions: string[]; actionItems: number }[];
}
export interface IssuesJson {
  issues: { key: string; github: string; url: string; meetings: { id: string; anchors: string[] }[] }[];
}
export interface IssueJson {
  key: string;
  github: string;
  url: string;
  meetings: {
    id: string;
    date: string | null;
    series: string;
    title: string;
    url: string;
    sections: { anchor: string; heading: string; url: string; line: number }[];
  }[];
}
export interface MeetingsJson {
  meetings: {
    id: string;
    series: string;
    date: string | null;
    title: string;
    url: string;
    source: string;
    participants: string[];
    issues: string[];
    actionItems: { assignees: string[]; text: string; line: number; anchor: string; status?: string }[];
    headings: { depth: number; text: string; anchor: string }[];
    /**
     * Set on a dated byte-identical copy of another meeting's file: the id of
     * that meeting. The entry has its own date, source and URL (a redirect to
     * that meeting) and no content of its own (empty lists).
     */
    copyOf?: string;
  }[];
}

type PeopleSource = ReadonlyMap<string, Person> | { people: ReadonlyMap<string, Person> };
type IssuesSource = ReadonlyMap<string, IssueEntry> | { issues: ReadonlyMap<string, IssueEntry> };
type MeetingsSource = readonly Meeting[] | { meetings: readonly Meeting[]; resolvePerson(key: string): string };

const distinct = <T>(xs: T[]) => [...new Set(xs)];

/** `api/people.json`: everyone in the people index, by key. */
export function peopleJson(index: PeopleSource, paths: Paths): PeopleJson {
  const map = index instanceof Map ? index : (index as { people: ReadonlyMap<string, Person> }).people;
  return {
    people: [...map.values()]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((p) => ({
        key: p.key,
        name: p.name,
        url: paths.person(p.key),
        ...(p.github ? { github: p.github } : {}),
        meetings: p.meetings,
        mentions: p.mentions,
        actionItems: p.actionItems.length,
      })),
  };
}

/** `api/issues.json`: every referenced issue with the meetings (and section anchors) that discuss it. */
export function issuesJson(index: IssuesSource, paths: Paths): IssuesJson {
  const map = index instanceof Map ? index : (index as { issues: ReadonlyMap<string, IssueEntry> }).issues;
  return {
    issues: [...map.values()].map((e) => ({
      key: e.key,
      github: e.github,
      url: paths.issue(e.key),
      meetings: groupByMeeting(e).map(({ id, items }) => ({ id, anchors: distinct(items.map((i) => i.anchor)) })),
    })),
  };
}

/** `api/issues/<org>/<repo>/<n>.json`: one issue's meetings with dates, titles and section links. */
export function issueJson(entry: IssueEntry, paths: Paths): IssueJson {
  return {
    key: entry.key,
    github: entry.github,
    url: paths.issue(entry.key),
    meetings: groupByMeeting(entry).map(({ id, items }) => {
      const first = items[0]!;
      const sections = new Map<string, IssueJson['meetings'][number]['sections'][number]>();
      for (const i of items) {
        if (!sections.has(i.anchor)) sections.set(i.anchor, { anchor: i.anchor, heading: i.headingText, url: paths.section(id, i.anchor), line: i.line });
      }
      return { id, date: first.date, series: first.series, title: first.title, url: paths.meeting(id), sections: [...sections.values()] };
    }),
  };
}

function groupByMeeting(e: IssueEntry) {
  const out: { id: string; items: IssueEntry['mentions'] }[] = [];
  for (const m of e.mentions) {
    const lastGroup = out[out.length - 1];
    if (lastGroup && lastGroup.id === m.meetingId) lastGroup.items.push(m);
    else out.push({ id: m.meetingId, items: [m] });
  }
  return out;
}

/**
 * `api/meetings.json`: every meeting in date order. Pass the archive indexes
 * (participants and assignees become canonical keys after aliasing), or a
 * meeting list with an optional key resolver.
 */
export function meetingsJson(source: MeetingsSource, paths: Paths, resolve?: (key: string) => string, copies: readonly MeetingCopy[] = []): MeetingsJson {
  const list = Array.isArray(source) ? (source as readonly Meeting[]) : (source as { meetings: readonly Meeting[] }).meetings;
  const r = resolve ?? (Array.isArray(source) ? personKey : (k: string) => (source as { resolvePerson(key: string): string }).resolvePerson(k));
  const copyEntries: MeetingsJson['meetings'] = copies.map((c) => ({
    id: c.id,
    series: c.series,
    date: c.date,
    title: c.title,
    url: paths.meeting(c.id),
    source: c.source,
    participants: [],
    issues: [],
    actionItems: [],
    headings: [],
    copyOf: c.copyOf,
  }));
  const meetingEntries: MeetingsJson['meetings'] = [...list].sort(compareMeetingsAsc).map((m) => ({
      id: m.id,
      series: m.series,
      date: m.date,
      title: m.title,
      url: paths.meeting(m.id),
      source: m.source,
      participants: distinct(m.participants.map((p) => r(p.key)).filter((k) => k !== '')),
      issues: distinct(m.issues.map((i) => i.key)),
      actionItems: m.actionItems.map((a) => ({
        assignees: distinct(a.assignees.map(r)),
        text: a.text,
        line: a.line,
        anchor: a.anchor,
        ...(a.status ? { status: a.status } : {}),
      })),
      headings: m.headings.map((h) => ({ depth: h.depth, text: h.text, anchor: h.anchor })),
    }));
  // Copies among the meetings by date (a stable sort keeps the meetings' own order).
  const byDate = (a: { date: string | null }, b: { date: string | null }) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1);
  return { meetings: [...meetingEntries, ...copyEntries].sort(byDate) };
}
