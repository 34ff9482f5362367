/**
 * Topics index: a subject that is the heading of sections in at least two
 * meetings, followed across meetings and series ("Ceph Upgrade: Pacific ->
 * Quincy" in four IaaS meetings is one thread).
 *
 * One pass over the meetings collects every heading with its normalised form
 * (`normalizeHeading`) and counts, per series, in how many meetings each form
 * stands. Then:
 *
 * 1. **Structural headings are dropped**, found by frequency, not by a list:
 *    a form is structural when it heads a section in most meetings of a
 *    series (at least `MIN_SLOT_MEETINGS`), or in a tenth of them and more
 *    often than a thread usually lasts (`RECURRING_MEETINGS`). What is structural in one series is
 *    structural everywhere ("Team IaaS" is a slot of the community call, and
 *    also a heading in the IaaS call). Variants of a structural form are
 *    structural too: same content words for the most part (Jaccard ≥ ½),
 *    only words of structural forms ("IAM SIG"), led or closed by a word
 *    that starts structural forms with three different next words ("team",
 *    "sig"), or two words in a row found in two structural forms ("who
 *    presents in the community call"). `topics.ignore` in archive.config.json adds forms.
 * 2. **Groups**: sections with the same normalised heading; sections whose
 *    heading links the same issue; and headings of close wording within
 *    `WINDOW_DAYS` of each other (in any series): one's content words
 *    contain all of the other's (at least two, at most two more, none of
 *    the extra ones a number such as a release or year) or the two share
 *    three quarters of their words (Jaccard ≥ ¾) with no differing number.
 * 3. A group with sections in at least two meetings is a topic.
 *
 * Topic keys (URL slugs) come from the normalised heading of the thread's
 * first section, so a thread keeps its URL as later meetings join it.
 */
import type { Meeting } from '../minutes/types.ts';
import { compareMeetingsAsc } from './util.ts';

/** A heading in more than this share of a series' meetings is a slot of the series' template, not a subject. */
export const STRUCTURAL_SHARE = 0.5;
/** A lower share counts too when the heading recurs more often than a thread usually lasts. */
export const RECURRING_SHARE = 0.1;
export const RECURRING_MEETINGS = 9;
/** A slot of a template recurs in at least this many meetings (fewer: a short thread in a small series). */
export const MIN_SLOT_MEETINGS = 4;
/** Headings of close wording are joined when they stand this close in time. */
export const WINDOW_DAYS = 42;

export interface TopicOptions {
  /** Extra headings that are never topics (matched after normalisation, with their variants). */
  ignore?: readonly string[];
}

/** One meeting's section in a thread. */
export interface TopicSection {
  meetingId: string;
  series: string;
  date: string | null;
  title: string;
  anchor: string;
  heading: string;
  depth: number;
  line: number;
  /** The section's anchor and those of the sections nested below it. */
  anchors: string[];
  /** Issue keys linked in the section. */
  issues: string[];
  /** Person keys (as parsed) assigned or @-mentioned in the section. */
  people: string[];
}

export interface Topic {
  /** URL-safe slug, stable as the thread grows. */
  key: string;
  title: string;
  /** Distinct heading texts of the thread, most frequent first. */
  headings: string[];
  /** Content words of all its headings (normalised and stemmed), for matching queries. */
  words: string[];
  /** Series, in order of first appearance. */
  series: string[];
  /** One per meeting, in date order. */
  sections: TopicSection[];
  meetingCount: number;
  first: string | null;
  last: string | null;
  issues: string[];
}

export interface TopicPlace {
  topic: Topic;
  /** Position of the meeting in the thread. */
  index: number;
}

export interface TopicIndex {
  /** Most discussed first (meetings, then most recent, then key). */
  topics: Topic[];
  get(key: string): Topic | undefined;
  /** The topic a section of a meeting heads, if any. */
  at(meetingId: string, anchor: string): TopicPlace | undefined;
  /** Topics per meeting id (for page keys and notes). */
  byMeeting(meetingId: string): TopicPlace[];
  /** What the builder decided, for the build log and the README's figures. */
  stats: { headings: number; structural: string[]; joinedByIssue: number; joinedByWording: number };
}

/* ------------------------------------------------------------------------ */
/* Normalising headings                                                      */
/* ------------------------------------------------------------------------ */

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const OWNER_RE = /\(\s*@[^)]*\)|(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]+/gu;
const DATE_RE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b/g;
const ISSUE_RE = /[\p{L}\p{N}_.\/-]*#\d+\b/gu;
const NUMBERING_RE = /^\s*(?:\d+[.)]?(?:\d+[.)]?)*\s+)+/;

/**
 * A heading reduced to what says its subject: lower case, links, `(@owner)`
 * notes and handles, dates, issue references (`#535`, `standards/#267`),
 * list numbering, emoji and punctuation dropped, spaces collapsed.
 */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(URL_RE, ' ')
    .replace(OWNER_RE, ' ')
    .replace(DATE_RE, ' ')
    .replace(ISSUE_RE, ' ')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(NUMBERING_RE, '')
    .replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOPWORDS = new Set(
  (
    'a an and or the of in on at to for from with by is are be was we our you it its this that as vs via about into per ' +
    'der die das und oder von vom zu zum zur mit für im am an auf vor'
  ).split(' '),
);

/** English/German spelling and plural folded away: `standardisation` = `standardization`, `stacks` = `stack`. */
function stem(word: string): string {
  return word
    .replace(/isation$/, 'ization')
    .replace(/ise$/, 'ize')
    .replace(/(?<=[^s]{3})s$/, '');
}

/** Content words of a normalised heading (stopwords dropped, stemmed), in order, without repeats. */
export function headingWords(normalized: string): string[] {
  const out: string[] = [];
  for (const w of normalized.split(' ')) {
    if (!w || STOPWORDS.has(w)) continue;
    const s = stem(w);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Heading text for display: links, owner notes and trailing issue numbers dropped. */
export function displayHeading(text: string): string {
  return text
    .replace(URL_RE, ' ')
    .replace(/\(\s*@[^)]*\)/g, ' ')
    .replace(/\(\s*[\p{L}\p{N}_.\/-]*#\d+\s*\)/gu, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/(?:\s*[\p{L}\p{N}_.\/-]*#\d+\b[,;]?)+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.)\-–]+|[\s:;,.(\-–]+$/g, '')
    .trim();
}

/** URL slug of a normalised heading: ASCII letters and digits joined by `-`, at most 60 characters. */
export function topicSlug(normalized: string): string {
  const ascii = normalized
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= 60) return ascii;
  const cut = ascii.slice(0, 61);
  const i = cut.lastIndexOf('-');
  return (i > 20 ? cut.slice(0, i) : ascii.slice(0, 60)).replace(/-+$/, '');
}

/* ------------------------------------------------------------------------ */
/* Structural headings                                                       */
/* ------------------------------------------------------------------------ */

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(b);
  let shared = 0;
  for (const w of a) if (set.has(w)) shared++;
  return shared / (a.length + b.length - shared);
}

/**
 * Structural forms from per-series counts (`counts`: series → form → meetings,
 * `sizes`: series → meetings), plus the ignored ones; returns a predicate for
 * any form (a variant of a structural form is structural too).
 */
export function structuralHeadings(
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  sizes: ReadonlyMap<string, number>,
  ignore: readonly string[] = [],
): { forms: string[]; isStructural(form: string): boolean } {
  const forms = new Set<string>();
  for (const [series, perForm] of counts) {
    const size = sizes.get(series) ?? 0;
    for (const [form, n] of perForm) {
      if (form === '') continue;
      if (n >= MIN_SLOT_MEETINGS && (n > STRUCTURAL_SHARE * size || (n >= RECURRING_MEETINGS && n >= RECURRING_SHARE * size))) forms.add(form);
    }
  }
  for (const raw of ignore) {
    const form = normalizeHeading(raw);
    if (form) forms.add(form);
  }
  const wordLists = [...forms].map(headingWords).filter((w) => w.length > 0);
  const vocabulary = new Set(wordLists.flat());
  // A word that starts structural forms followed by three different words leads a family of slots ("team iaas", "team ops", …).
  const followers = new Map<string, Set<string>>();
  for (const w of wordLists) {
    if (w.length < 2) continue;
    let set = followers.get(w[0]!);
    if (!set) followers.set(w[0]!, (set = new Set()));
    set.add(w[1]!);
  }
  const leads = new Set([...followers].filter(([, next]) => next.size >= 3).map(([w]) => w));
  // Two words in a row that stand in two structural forms name a slot however it is worded ("community call": who reports there).
  const pairCount = new Map<string, number>();
  for (const w of wordLists) for (const pair of new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`))) pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
  const pairs = new Set([...pairCount].filter(([, n]) => n >= 2).map(([p]) => p));
  const memo = new Map<string, boolean>();
  const isStructural = (form: string): boolean => {
    let v = memo.get(form);
    if (v !== undefined) return v;
    const words = headingWords(form);
    v =
      words.length === 0 ||
      forms.has(form) ||
      words.every((w) => vocabulary.has(w) || /^\d+$/.test(w)) ||
      leads.has(words[0]!) ||
      leads.has(words[words.length - 1]!) ||
      words.slice(1).some((x, i) => pairs.has(`${words[i]} ${x}`)) ||
      wordLists.some((s) => jaccard(s, words) >= 0.5);
    memo.set(form, v);
    return v;
  };
  return { forms: [...forms].sort(), isStructural };
}

/* ------------------------------------------------------------------------ */
/* Close wording                                                             */
/* ------------------------------------------------------------------------ */

const hasDigit = (w: string) => /\d/.test(w);

/** Whether two headings' content words say the same subject (see the module comment for the rule). */
export function closeWording(a: readonly string[], b: readonly string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length < 2) return false;
  const inLarge = new Set(large);
  const inSmall = new Set(small);
  const missing = small.filter((w) => !inLarge.has(w));
  const extra = large.filter((w) => !inSmall.has(w));
  if (missing.length === 0) return extra.length <= 2 && !extra.some(hasDigit);
  if (missing.some(hasDigit) || extra.some(hasDigit)) return false;
  return jaccard(small, large) >= 0.75;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Whether any date of `a` lies within `days` of any date of `b` (both sorted ascending). */
function withinDays(a: readonly number[], b: readonly number[], days: number): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.abs(a[i]! - b[j]!) <= days) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* The builder                                                               */
/* ------------------------------------------------------------------------ */

interface Occurrence {
  meeting: Meeting;
  headingIndex: number;
  form: string;
  issues: string[];
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = this.parent.get(x) ?? x;
    if (root === x) return x;
    root = this.find(root);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller id wins: the same input gives the same roots whatever the order of unions.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }
}

/** The anchors a section covers: its own and those of the deeper headings that follow it. */
function sectionAnchors(meeting: Meeting, headingIndex: number): string[] {
  const h = meeting.headings[headingIndex]!;
  const out = [h.anchor];
  for (let i = headingIndex + 1; i < meeting.headings.length; i++) {
    const next = meeting.headings[i]!;
    if (next.depth <= h.depth) break;
    out.push(next.anchor);
  }
  return out;
}

/** Build the topics of an archive: one pass over the meetings, then grouping (see the module comment). */
export function buildTopicIndex(meetings: readonly Meeting[], options: TopicOptions = {}): TopicIndex {
  const sorted = [...meetings].sort(compareMeetingsAsc);
  const counts = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  const occurrences: Occurrence[] = [];
  for (const m of sorted) {
    sizes.set(m.series, (sizes.get(m.series) ?? 0) + 1);
    let perForm = counts.get(m.series);
    if (!perForm) counts.set(m.series, (perForm = new Map()));
    const seen = new Set<string>();
    const headingIssues = new Map<number, string[]>();
    const lineToHeading = new Map(m.headings.map((h, i) => [h.line, i]));
    for (const mention of m.issues) {
      const i = lineToHeading.get(mention.line);
      if (i === undefined || m.headings[i]!.anchor !== mention.anchor) continue;
      const list = headingIssues.get(i) ?? [];
      if (!list.includes(mention.key)) list.push(mention.key);
      headingIssues.set(i, list);
    }
    m.headings.forEach((h, headingIndex) => {
      const form = normalizeHeading(h.text);
      if (!seen.has(form)) {
        seen.add(form);
        perForm.set(form, (perForm.get(form) ?? 0) + 1);
      }
      const issues = headingIssues.get(headingIndex) ?? [];
      // A heading that is only a date (the meeting's title line) or says nothing without its issue link is no subject of its own.
      if (form === '' && issues.length === 0) return;
      occurrences.push({ meeting: m, headingIndex, form, issues });
    });
  }
  const structural = structuralHeadings(counts, sizes, options.ignore);
  const kept = occurrences.filter((o) => (o.form === '' ? true : !structural.isStructural(o.form)));

  // Nodes of the grouping: each form, and each heading-only-issue-link occurrence by itself.
  const nodeOf = (o: Occurrence) => (o.form === '' ? `\u0001${o.meeting.id}#${o.meeting.headings[o.headingIndex]!.anchor}` : o.form);
  const groups = new UnionFind();
  let joinedByIssue = 0;
  let joinedByWording = 0;
  const byIssue = new Map<string, string>();
  for (const o of kept) {
    for (const issue of o.issues) {
      const other = byIssue.get(issue);
      if (other === undefined) byIssue.set(issue, nodeOf(o));
      else if (groups.union(other, nodeOf(o))) joinedByIssue++;
    }
  }
  // Close wording: compare forms that share one of their two rarest words, within the time window.
  const formDays = new Map<string, number[]>();
  for (const o of kept) {
    if (o.form === '' || o.meeting.date === null) continue;
    const days = formDays.get(o.form) ?? [];
    days.push(dayNumber(o.meeting.date));
    formDays.set(o.form, days);
  }
  const forms = [...formDays.keys()].sort();
  const wordsOf = new Map(forms.map((f) => [f, headingWords(f)]));
  const formsByWord = new Map<string, string[]>();
  for (const f of forms) for (const w of wordsOf.get(f)!) (formsByWord.get(w) ?? formsByWord.set(w, []).get(w)!).push(f);
  for (const f of forms) {
    const words = wordsOf.get(f)!;
    if (words.length < 2) continue;
    const rarest = [...words].sort((a, b) => formsByWord.get(a)!.length - formsByWord.get(b)!.length || (a < b ? -1 : 1)).slice(0, 2);
    const candidates = new Set(rarest.flatMap((w) => formsByWord.get(w)!));
    for (const g of candidates) {
      if (g <= f) continue;
      if (!closeWording(words, wordsOf.get(g)!)) continue;
      if (!withinDays(formDays.get(f)!, formDays.get(g)!, WINDOW_DAYS)) continue;
      if (groups.union(f, g)) joinedByWording++;
    }
  }

  // Collect the groups, in date order of their occurrences (the occurrences are already in date order).
  const grouped = new Map<string, Occurrence[]>();
  for (const o of kept) {
    const root = groups.find(nodeOf(o));
    const list = grouped.get(root);
    if (list) list.push(o);
    else grouped.set(root, [o]);
  }
  const topics: Topic[] = [];
  for (const list of grouped.values()) {
    const sections: TopicSection[] = [];
    const formMeetings = new Map<string, number>();
    const textCount = new Map<string, number>();
    const words = new Set<string>();
    for (const o of list) {
      const m = o.meeting;
      const h = m.headings[o.headingIndex]!;
      if (o.form) for (const w of headingWords(o.form)) words.add(w);
      const last = sections[sections.length - 1];
      if (last && last.meetingId === m.id) continue; // one section per meeting: the first
      formMeetings.set(o.form, (formMeetings.get(o.form) ?? 0) + 1);
      const text = displayHeading(h.text);
      if (text) textCount.set(text, (textCount.get(text) ?? 0) + 1);
      const anchors = sectionAnchors(m, o.headingIndex);
      const inSection = new Set(anchors);
      const issues = [...new Set([...o.issues, ...m.issues.filter((i) => inSection.has(i.anchor)).map((i) => i.key)])];
      const people = [
        ...new Set([
          ...m.actionItems.filter((a) => inSection.has(a.anchor)).flatMap((a) => a.assignees),
          ...m.mentions.filter((p) => inSection.has(p.anchor)).map((p) => p.key),
        ]),
      ];
      sections.push({ meetingId: m.id, series: m.series, date: m.date, title: m.title, anchor: h.anchor, heading: h.text, depth: h.depth, line: h.line, anchors, issues, people });
    }
    if (sections.length < 2) continue;
    const dated = sections.filter((s) => s.date !== null);
    // The most frequent wording names the topic; of equally frequent ones, the shortest (the least decorated).
    const headings = [...textCount].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length).map(([t]) => t);
    const issues = [...new Set(sections.flatMap((s) => s.issues))];
    const firstForm = list.find((o) => o.form !== '')?.form ?? '';
    topics.push({
      key: topicSlug(firstForm) || (issues[0] ? topicSlug(issues[0].replace(/[/#]/g, ' ')) : '') || 'topic',
      title: headings[0] ?? issues[0] ?? 'Untitled',
      headings,
      words: [...words].sort(),
      series: [...new Set(sections.map((s) => s.series))],
      sections,
      meetingCount: sections.length,
      first: dated[0]?.date ?? null,
      last: dated[dated.length - 1]?.date ?? null,
      issues,
    });
  }
  // Unique keys: in order of first discussion, a repeated slug gets -2, -3.
  topics.sort((a, b) => (a.first ?? '9999') .localeCompare(b.first ?? '9999') || a.sections[0]!.meetingId.localeCompare(b.sections[0]!.meetingId) || a.sections[0]!.line - b.sections[0]!.line);
  const taken = new Set<string>();
  for (const t of topics) {
    let key = t.key;
    for (let n = 2; taken.has(key); n++) key = `${t.key}-${n}`;
    taken.add(key);
    t.key = key;
  }
  topics.sort(compareTopicsByDiscussion);

  const byKey = new Map(topics.map((t) => [t.key, t]));
  const byPlace = new Map<string, TopicPlace>();
  const perMeeting = new Map<string, TopicPlace[]>();
  for (const topic of topics) {
    topic.sections.forEach((s, index) => {
      const place = { topic, index };
      byPlace.set(`${s.meetingId}#${s.anchor}`, place);
      const list = perMeeting.get(s.meetingId) ?? [];
      list.push(place);
      perMeeting.set(s.meetingId, list);
    });
  }
  return {
    topics,
    get: (key) => byKey.get(key),
    at: (meetingId, anchor) => byPlace.get(`${meetingId}#${anchor}`),
    byMeeting: (meetingId) => perMeeting.get(meetingId) ?? [],
    stats: { headings: occurrences.length, structural: structural.forms, joinedByIssue, joinedByWording },
  };
}

/** Most discussed first: meetings, then most recent, then key. */
export function compareTopicsByDiscussion(a: Topic, b: Topic): number {
  return b.meetingCount - a.meetingCount || (b.last ?? '').localeCompare(a.last ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Most recent first: last discussed, then meetings, then key. */
export function compareTopicsByRecency(a: Topic, b: Topic): number {
  return (b.last ?? '').localeCompare(a.last ?? '') || b.meetingCount - a.meetingCount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
