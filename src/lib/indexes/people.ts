/**
 * People index: one pass over the meetings (in date order) gives, per
 * canonical person key, the meetings attended, the meetings where the person
 * is mentioned without attending, per-series counts, and their distinct
 * action items (items copied forward from meeting to meeting counted once).
 */
import type { Meeting, Participant } from '../minutes/types.ts';
import { personSlug } from '../paths.ts';
import { EMPTY_ALIASES, resolvePerson, type AliasTable } from './aliases.ts';
import { compareMeetingsAsc, compareMeetingsDesc, normalizeActionText } from './util.ts';
import { personKey } from '../person-key.ts';

export { suggestAliases, formatSuggestion, aliasFileSnippet, type AliasSuggestion, type SuggestOptions } from './suggest.ts';

export interface ActionOccurrence {
  meetingId: string;
  date: string | null;
  /** Section anchor ('' before the first heading). */
  anchor: string;
  line: number;
}

/** One action item of a person, however many meetings it was copied into. */
export interface DistinctActionItem {
  /** Normalised text (the de-duplication key). */
  key: string;
  /** Markdown text as written in the latest meeting where it appears. */
  text: string;
  /** Everyone it is assigned to (canonical keys), over all its appearances. */
  assignees: string[];
  /** Where it first appeared (first occurrence in that meeting). */
  first: ActionOccurrence;
  /** The latest meeting where it appears (first occurrence in that meeting). */
  last: ActionOccurrence;
  /** Number of distinct meetings it appears in. */
  meetings: number;
  /** Latest status given for it (`done: …`, `open`), if any. */
  status?: string;
}

export interface Person {
  /** Canonical key (after aliases). */
  key: string;
  /** URL segment: personSlug(key). */
  slug: string;
  /** Display name: from the alias file, else the name most often written with the handle, else the most frequent label in participant lists, else the key. */
  name: string;
  /** GitHub profile, when the key is a valid GitHub login. */
  github?: string;
  /** Other keys merged into this person (aliases and variants actually seen), sorted. */
  variants: string[];
  /** Ids of the meetings attended, in date order (undated last). Empty for someone only assigned action items. */
  meetings: string[];
  /** Ids of meetings where the person is @mentioned (topic owner, …) without attending, in date order. */
  mentions: string[];
  /** Meetings attended per series. */
  series: Record<string, number>;
  /** Date of the first / last meeting attended (null when none is dated). */
  first: string | null;
  last: string | null;
  /** Distinct action items assigned to the person, newest first (by last appearance, then first). */
  actionItems: DistinctActionItem[];
}

/** Valid GitHub login (case already folded). */
const GITHUB_LOGIN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/;

interface Acc {
  key: string;
  meetings: number[]; // indexes into the sorted meeting list
  mentions: number[];
  labels: Map<string, number>;
  /** Names written with the handle (`Jane Doe (@jdoe)`) or bare names resolved to it. */
  names: Map<string, number>;
  variants: Set<string>;
  series: Map<string, number>;
  items: Map<string, ItemAcc>;
}
interface ItemAcc {
  item: DistinctActionItem;
  lastIndex: number; // meeting index of `last`
  assignees: Set<string>;
}

/**
 * The people index: a Map from canonical key to Person, plus `resolve()`
 * which maps any key or variant seen in the minutes (case, alias, slug
 * collision) to the key of its Person.
 */
export class PeopleIndex extends Map<string, Person> {
  /** slug → key, for the `/people/[slug]/` route. */
  readonly bySlug = new Map<string, string>();
  /** Keys merged only because their URL slugs collide (e.g. `dirk loßack` / `dirk lossack`); for the build report. */
  readonly slugMerges: { key: string; into: string }[] = [];
  /** Names written with more than one handle (`Eli Novak (@enovak)`, `Eli Novak (@eli-n)`): not merged, suggested on the build report. */
  readonly namesWithSeveralHandles = new Map<string, string[]>();
  #identity: Identity = new Identity(EMPTY_ALIASES);

  /** @internal */
  setIdentity(identity: Identity): void {
    this.#identity = identity;
  }

  /** Canonical key for any key, handle, name or abbreviation (unknown keys: normalised, unchanged). */
  resolve(key: string): string {
    const k = this.#identity.resolve(key, (x) => this.has(x));
    if (this.has(k)) return k;
    return this.bySlug.get(personSlug(k)) ?? k;
  }
}

/**
 * Who is who across the archive, learnt from how the minutes write people:
 * a name written with a handle (`Jane Doe (@jdoe)`) makes the bare name
 * `Jane Doe` elsewhere that handle's person (unless the name is written with
 * two handles: then nothing is merged); an abbreviation written with a name
 * or handle (`JD: Jane Doe (@jdoe)`, `Jane Doe (JD)`, the abbreviation file)
 * makes an abbreviation-only entry (`JD`) that person. The alias file comes
 * first and always wins.
 */
export class Identity {
  readonly handlesByName = new Map<string, Set<string>>();
  readonly targetsByAbbreviation = new Map<string, Set<string>>();
  readonly aliases: AliasTable;
  constructor(aliases: AliasTable) {
    this.aliases = aliases;
  }

  learn(p: Participant): void {
    const key = resolvePerson(this.aliases, p.key);
    if (p.name) {
      const name = personKey(p.name);
      if (name !== key) (this.handlesByName.get(name) ?? this.handlesByName.set(name, new Set()).get(name)!).add(key);
    }
    if (p.abbreviation && !p.abbreviationOnly) {
      const abbr = personKey(p.abbreviation);
      (this.targetsByAbbreviation.get(abbr) ?? this.targetsByAbbreviation.set(abbr, new Set()).get(abbr)!).add(key);
    }
  }

  /** The one handle a name is written with, else the name. */
  #byName(key: string): string {
    const handles = this.handlesByName.get(key);
    return handles && handles.size === 1 ? resolvePerson(this.aliases, [...handles][0]!) : key;
  }

  /**
   * Canonical key: aliases, then name → handle; abbreviations only for an
   * abbreviation-only entry, or a key that is no person of its own.
   */
  resolve(key: string, isPerson?: (k: string) => boolean, abbreviationOnly = false): string {
    let k = resolvePerson(this.aliases, key);
    if (isPerson?.(k)) return k;
    k = this.#byName(k);
    if (abbreviationOnly || (isPerson && !isPerson(k))) {
      const targets = this.targetsByAbbreviation.get(k);
      if (targets && targets.size === 1) {
        // Targets are names or handles; a name may have a handle, an abbreviation from the file may be a name.
        const target = resolvePerson(this.aliases, [...targets][0]!);
        k = this.#byName(target);
      }
    }
    return k;
  }
}

/**
 * Build the people index in one pass over `meetings` (any order; sorted once
 * here). People are the keys that attend or are assigned an action item;
 * @mentions alone (`@all`, `@osism`) do not make a person.
 */
export function buildPeopleIndex(meetings: readonly Meeting[], aliases: AliasTable = EMPTY_ALIASES): PeopleIndex {
  const sorted = [...meetings].sort(compareMeetingsAsc);
  const identity = new Identity(aliases);
  for (const m of sorted) for (const p of m.participants) identity.learn(p);
  const resolveKey = (key: string, abbreviationOnly = false) => identity.resolve(key, undefined, abbreviationOnly);
  const accs = new Map<string, Acc>();
  const mentioned = new Map<string, number[]>();
  const acc = (key: string): Acc => {
    let a = accs.get(key);
    if (!a) {
      a = { key, meetings: [], mentions: [], labels: new Map(), names: new Map(), variants: new Set(), series: new Map(), items: new Map() };
      accs.set(key, a);
    }
    return a;
  };
  const pushOnce = (list: number[], i: number) => {
    if (list[list.length - 1] !== i) list.push(i);
  };

  sorted.forEach((m, i) => {
    const attending = new Set<string>();
    for (const p of m.participants) {
      const key = resolveKey(p.key, p.abbreviationOnly);
      if (key === '') continue;
      const a = acc(key);
      if (p.key !== key) a.variants.add(p.key);
      // The name written with a handle, or a bare name resolved to a handle, names the person.
      const writtenName = !p.abbreviationOnly && !p.label.startsWith('@') && /^\p{Lu}|\s/u.test(p.label);
      const name = p.name ?? (p.key !== key && writtenName ? p.label : undefined);
      if (name) a.names.set(name, (a.names.get(name) ?? 0) + 1);
      a.labels.set(p.label, (a.labels.get(p.label) ?? 0) + 1);
      if (!attending.has(key)) {
        attending.add(key);
        a.meetings.push(i);
        a.series.set(m.series, (a.series.get(m.series) ?? 0) + 1);
      }
    }
    for (const item of m.actionItems) {
      const text = normalizeActionText(item.text);
      const assignees = [...new Set(item.assignees.map((k) => resolveKey(k)).filter((k) => k !== ''))];
      for (const key of assignees) {
        const a = acc(key);
        const raw = item.assignees.find((k) => resolveKey(k) === key);
        if (raw !== undefined && raw !== key) a.variants.add(raw);
        const at: ActionOccurrence = { meetingId: m.id, date: m.date, anchor: item.anchor, line: item.line };
        const found = a.items.get(text);
        if (!found) {
          a.items.set(text, {
            item: { key: text, text: item.text, assignees: [], first: at, last: at, meetings: 1, ...(item.status ? { status: item.status } : {}) },
            lastIndex: i,
            assignees: new Set(assignees),
          });
          continue;
        }
        for (const k of assignees) found.assignees.add(k);
        if (found.lastIndex !== i) {
          found.lastIndex = i;
          found.item.last = at;
          found.item.text = item.text;
          found.item.meetings++;
        }
        if (item.status) found.item.status = item.status;
      }
    }
    for (const mention of m.mentions) {
      const key = resolveKey(mention.key);
      if (key === '' || attending.has(key)) continue;
      let list = mentioned.get(key);
      if (!list) mentioned.set(key, (list = []));
      pushOnce(list, i);
    }
  });
  for (const [key, list] of mentioned) accs.get(key)?.mentions.push(...list);

  // Keys whose URL slugs collide share one page: merge into the most frequent (then alphabetical first).
  const index = new PeopleIndex();
  index.setIdentity(identity);
  for (const [name, handles] of identity.handlesByName) if (handles.size > 1) index.namesWithSeveralHandles.set(name, [...handles].sort());
  const groups = new Map<string, Acc[]>();
  for (const a of accs.values()) {
    const slug = personSlug(a.key);
    const g = groups.get(slug);
    if (g) g.push(a);
    else groups.set(slug, [a]);
  }
  const people: Person[] = [];
  for (const [slug, group] of groups) {
    group.sort((x, y) => y.meetings.length - x.meetings.length || (x.key < y.key ? -1 : 1));
    const main = group[0]!;
    for (const other of group.slice(1)) {
      mergeAcc(main, other);
      index.slugMerges.push({ key: other.key, into: main.key });
    }
    people.push(toPerson(main, slug, sorted, aliases));
  }
  people.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of people) {
    index.set(p.key, p);
    index.bySlug.set(p.slug, p.key);
  }
  return index;
}

function mergeAcc(into: Acc, from: Acc): void {
  const union = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);
  into.meetings = union(into.meetings, from.meetings);
  into.mentions = union(into.mentions, from.mentions).filter((i) => !into.meetings.includes(i));
  into.variants.add(from.key);
  for (const v of from.variants) into.variants.add(v);
  for (const [l, n] of from.labels) into.labels.set(l, (into.labels.get(l) ?? 0) + n);
  for (const [l, n] of from.names) into.names.set(l, (into.names.get(l) ?? 0) + n);
  // Series counts: recount is not possible without the meetings, so add (a meeting listing both spellings is counted twice; rare).
  for (const [s, n] of from.series) into.series.set(s, (into.series.get(s) ?? 0) + n);
  for (const [k, it] of from.items) {
    const mine = into.items.get(k);
    if (!mine) {
      into.items.set(k, it);
      continue;
    }
    for (const a of it.assignees) mine.assignees.add(a);
    if (it.lastIndex > mine.lastIndex) {
      mine.lastIndex = it.lastIndex;
      mine.item.last = it.item.last;
      mine.item.text = it.item.text;
      if (it.item.status) mine.item.status = it.item.status;
    }
    if (compareOcc(it.item.first, mine.item.first) < 0) mine.item.first = it.item.first;
    mine.item.meetings = Math.max(mine.item.meetings, it.item.meetings);
  }
}

function compareOcc(a: ActionOccurrence, b: ActionOccurrence): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : a.line - b.line;
}

function toPerson(a: Acc, slug: string, sorted: Meeting[], aliases: AliasTable): Person {
  let name = aliases.names.get(a.key);
  if (name === undefined) {
    let best = 0;
    for (const [label, n] of a.names.size ? a.names : a.labels) {
      if (n > best) {
        best = n;
        name = label;
      }
    }
  }
  const dated = a.meetings.map((i) => sorted[i]!.date).filter((d): d is string => d !== null);
  const items = [...a.items.values()].map(({ item, assignees }) => ({ ...item, assignees: [...assignees].sort() }));
  items.sort((x, y) => newestFirst(x.last, y.last) || newestFirst(x.first, y.first) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const variants = [...a.variants].filter((v) => v !== a.key).sort();
  return {
    key: a.key,
    slug,
    name: name ?? a.key,
    ...(GITHUB_LOGIN.test(a.key) ? { github: `https://github.com/${a.key}` } : {}),
    variants,
    meetings: a.meetings.map((i) => sorted[i]!.id),
    mentions: a.mentions.map((i) => sorted[i]!.id),
    series: Object.fromEntries([...a.series].sort(([x], [y]) => (x < y ? -1 : 1))),
    first: dated[0] ?? null,
    last: dated[dated.length - 1] ?? null,
    actionItems: items,
  };
}

/** Newest occurrence first; undated ones last. */
function newestFirst(a: ActionOccurrence, b: ActionOccurrence): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.meetingId < b.meetingId ? 1 : a.meetingId > b.meetingId ? -1 : b.line - a.line;
}

/** People sorted for the /people/ list: by name (case-insensitive) or by attendance (most first). */
export function sortPeople(people: Iterable<Person>, by: 'name' | 'attendance' = 'name'): Person[] {
  const list = [...people];
  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.key < b.key ? -1 : 1);
  return by === 'name' ? list.sort(byName) : list.sort((a, b) => b.meetings.length - a.meetings.length || byName(a, b));
}

/** A person's attended meetings grouped by series, then year (newest year first), meetings newest first. */
export function personMeetingsBySeries(
  person: Person,
  byId: ReadonlyMap<string, Meeting>,
): { series: string; count: number; years: { year: string; meetings: Meeting[] }[] }[] {
  const bySeries = new Map<string, Map<string, Meeting[]>>();
  for (const id of person.meetings) {
    const m = byId.get(id);
    if (!m) continue;
    const year = m.date?.slice(0, 4) ?? 'undated';
    let years = bySeries.get(m.series);
    if (!years) bySeries.set(m.series, (years = new Map()));
    const list = years.get(year);
    if (list) list.push(m);
    else years.set(year, [m]);
  }
  return [...bySeries]
    .map(([series, years]) => ({
      series,
      count: [...years.values()].reduce((n, l) => n + l.length, 0),
      years: [...years]
        .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
        .map(([year, list]) => ({ year, meetings: list.sort(compareMeetingsDesc) })),
    }))
    .sort((a, b) => b.count - a.count || a.series.localeCompare(b.series));
}
