import type { Code, Heading as MdHeading, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { personKey } from '../person-key.ts';
import type { Participant, PersonMention } from './types.ts';
import { endLine, lineInValue, plainText, startLine, stripShortcodes, type Doc } from './markdown.ts';
import { toString } from 'mdast-util-to-string';
import { distance } from 'fastest-levenshtein';

/**
 * `@handle` not preceded by a word character, `.`, `/` or `@` (so no e-mail
 * addresses, no `medium.com/@x`). `\_` is an escaped underscore in Markdown source.
 */
const HANDLE = /(?<![\p{L}\p{N}.+\-/@\\`])@((?:[A-Za-z0-9]|\\_)(?:[A-Za-z0-9._-]|\\_)*)((?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*)/gu;

export interface HandleMatch {
  /** As written, `@` included, backslashes removed. */
  label: string;
  key: string;
  index: number;
}

/**
 * Handles in a text. Slash-joined `@joshmue/master-caster/o-otte` gives three
 * (only when the slash parts look like handles, not `@x/some/path`).
 */
export function handlesIn(text: string): HandleMatch[] {
  const out: HandleMatch[] = [];
  for (const m of text.matchAll(HANDLE)) {
    const first = m[1]!.replace(/\\/g, '');
    const key = personKey(first);
    if (!/[a-z]/.test(key) || key.length > 39) continue;
    out.push({ label: `@${first.replace(/[.\-]+$/, '')}`, key, index: m.index });
    const rest = m[2] ?? '';
    if (rest) {
      for (const part of rest.split('/').filter(Boolean)) {
        const k = personKey(part);
        if (/[a-z]/.test(k)) out.push({ label: `@${part.replace(/[.\-]+$/, '')}`, key: k, index: m.index });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Recognising the participants list

/**
 * Words that introduce an attendance list (English and German). Matched with
 * edit-distance tolerance (see `isListWord`), so misspellings such as
 * `Particpants` or `Participantst` need no listing.
 */
const LIST_WORDS = [
  'participants', 'participant', 'participation', 'attendees', 'attendee', 'attendance', 'present',
  'teilnehmer', 'teilnehmerinnen', 'teilnehmende', 'anwesend', 'anwesende', 'anwesenheit',
];
/** Short words that count only exactly and only as the whole heading / label. */
const SHORT_WORDS = new Set(['who', 'present', 'anwesend']);
/** Words that group attendees under an attendance heading or label (`### Remote`, `In-person:`). */
const GROUP_WORDS = /^(?:remote(?:ly)?|online|virtual|in[- ]?person|in[- ]presence|on[- ]?site|onsite|in the room|dial[- ]?in|phone|vor ort|präsenz|hybrid|guests?|gäste|observers?|members?|voting members?|delegates?|staff|others?)$/i;

/** Allowed edit distance for a word of this length: none below 6 letters, 1 up to 9, 2 from 10. */
function tolerance(length: number): number {
  return length >= 10 ? 2 : length >= 6 ? 1 : 0;
}

/** A word of an attendance heading or label, tolerating typos by edit distance. */
export function isListWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (w.length < 3) return false;
  return LIST_WORDS.some((target) => w === target || (Math.abs(w.length - target.length) <= tolerance(target.length) && distance(w, target) <= tolerance(target.length)));
}

/** The words of a label or heading text, emoji shortcodes and leading symbols dropped. */
function wordsOf(text: string): string[] {
  return stripShortcodes(text)
    .replace(/^[^\p{L}]+/u, '')
    .split(/[\s/]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
}

/**
 * An attendance label (heading text, or a label before a colon): its first
 * word is a list word and the rest is a note (`Participants (github handles
 * preferred)`, `Participants - use of …`); or a short label of at most three
 * words ending in one (`In-person attendees`, `Meeting attendance`); or
 * exactly `Who` / `Present`.
 */
function isAttendanceLabel(text: string): boolean {
  const t = stripShortcodes(text).replace(/^[^\p{L}]+/u, '').trim().replace(/[:?]\s*$/, '').trim();
  if (SHORT_WORDS.has(t.toLowerCase())) return true;
  const words = wordsOf(t);
  if (words.length === 0) return false;
  const first = /^([\p{L}]+)(.*)$/u.exec(t);
  if (first) {
    const rest = first[2]!.trim();
    const short = SHORT_WORDS.has(first[1]!.toLowerCase());
    if (short && /^[(:]/.test(rest)) return true;
    if (!short && isListWord(first[1]!) && (rest === '' || /^[(:\-–—]/.test(rest) || /github|handle|prefer/i.test(rest))) return true;
  }
  if (words.length <= 3 && !/^(?:who|present)$/i.test(words[words.length - 1]!) && isListWord(words[words.length - 1]!)) {
    return words.slice(0, -1).every((w) => /^(?:in|person|in-person|remote|online|virtual|meeting|call|list|of|the|all|onsite|on-site|other|additional)$/i.test(w));
  }
  return false;
}

/** A heading like `Participants (github handles preferred)` or `:family: Participants - use of …`. */
export function isParticipantsHeading(text: string): boolean {
  // A glued heading (`# 2023-07-27 ## Participants …`) ends in the participants heading.
  return text.split(/\s+#{1,6}\s+/).some((part) => isAttendanceLabel(part));
}

/** A group heading or label inside an attendance section: `Remote`, `In presence`, `Guests`. */
function isGroupLabel(text: string): boolean {
  const t = stripShortcodes(text).replace(/^[^\p{L}]+/u, '').trim().replace(/\s*:\s*$/, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  return GROUP_WORDS.test(t) || isAttendanceLabel(t);
}

/**
 * `Participants:` / `**In-person attendees:**` / `Remote:` as a label line or
 * list item, with what follows the colon (`m[1]` is the colon or '', `m[2]`
 * the rest). `group` allows group labels (`Remote:`) too, for use inside an
 * attendance section or after an attendance label.
 */
function matchLabel(line: string, group = false): RegExpExecArray | null {
  const m = /^#*\s*[_*]*\s*((?::[a-z_]+:\s*)?[\p{L}][\p{L}\s/-]{0,40}?)\s*(?:\([^)]*\))?\s*[_*]*\s*(:|$)[_*]*\s*(.*)$/su.exec(line.trim());
  if (!m) return null;
  const label = m[1]!;
  if (!(isAttendanceLabel(label) || (group && isGroupLabel(label)))) return null;
  return Object.assign([m[0], m[2]!, m[3]!], { index: m.index, input: m.input }) as unknown as RegExpExecArray;
}

/** Absentees, not attendees. */
const EXCLUDED = /^(?:not|excused|entschuldigt|apologies|absent|abwesend|regrets|missing|not present|nicht anwesend)\b/i;
/** Roles and head-counts are not entries. */
const ROLE = /^(?:minutes?(?:[- ]tak\w*)?|minute[- ]taker|moderat\w*|chair\w*|host|facilitat\w*|protocol\w*|note[- ]?tak\w*|scribe|presented by|report(?:ed)? by|presenter)\s*:/i;

const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'zu', 'du', 'la', 'le', 'da', 'di', 'del', 'ten', 'ter']);
const NOT_NAMES = new Set([
  'none', 'nobody', 'n/a', 'na', 'tbd', 'all', 'everyone', 'others', 'other', 'guests', 'guest', 'team', 'participants',
  'attendees', 'agenda', 'welcome', 'minutes', 'notes', 'and', 'more', 'etc', 'unknown', 'someone', 'anonymous',
]);

/**
 * `Summary in team call:`, `Summary & minutes transfer: @garloff`, `Minutes: @x`:
 * a label of several words (or a role word) before a colon. Single-word
 * labels (`Guests:`, `SCS:`) group attendees and are not roles.
 */
export function isRoleLabel(line: string): boolean {
  const text = line.replace(/^[\s*\-+]+/, '').trim();
  if (ROLE.test(text)) return true;
  const m = /^([^:@()]+):(?!\/\/)/.exec(text);
  if (!m) return false;
  return m[1]!.trim().split(/\s+/).length >= 2;
}

/** A plain name: 1-4 capitalised words (particles allowed), no digits. */
function asName(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[.,;:!?]+$/, '');
  if (!t || t.length > 50 || NOT_NAMES.has(t.toLowerCase())) return undefined;
  const words = t.split(' ');
  if (words.length > 4) return undefined;
  if (!words.every((w, i) => /^[\p{L}][\p{L}'’.-]*$/u.test(w) && (/^\p{Lu}/u.test(w) || (i > 0 && NAME_PARTICLES.has(w))))) {
    return undefined;
  }
  // A lone acronym (`SCS`, `OSISM`) is an organisation, not a person.
  if (words.length === 1 && t.length > 1 && t === t.toUpperCase()) return undefined;
  return t;
}

/** Index of a spaced dash (` - `, ` – `) outside brackets, or -1. */
function dashNoteIndex(text: string): number {
  let depth = 0;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === '-' || c === '–' || c === '—') && text[i - 1] === ' ' && text[i + 1] === ' ') return i - 1;
  }
  return -1;
}

/** Split on `,` and `;` that are not inside brackets: `@x (late, partially), @y` is two parts. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** `JD` / `ABBR`: an abbreviation of a person's name (2-5 capitals). */
const ABBREVIATION = /^\p{Lu}{2,5}$/u;
/** `JD` / `JDo` for `Jane Doe`: starts with the name's initial, and its letters follow each other in the name. */
export function abbreviates(abbreviation: string, name: string): boolean {
  const a = abbreviation.toLowerCase();
  const n = name.toLowerCase();
  if (a[0] !== n[0]) return false;
  let at = 0;
  for (const c of a) {
    at = n.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** e-mail addresses and URLs: never names, never handles. */
const EMAIL_OR_URL = /<?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b>?|<?\b(?:https?:\/\/|www\.)\S+>?/g;

/** A name from the text around a handle or abbreviation: notes in brackets, e-mails, links and separators removed. */
function nameAround(text: string): string | undefined {
  const t = text
    .replace(EMAIL_OR_URL, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/[()[\]<>]/g, ' ')
    .replace(/\s[-–—|].*$/, '')
    .replace(/[\s,;:\-–—|]+$/, '')
    .trim();
  return asName(t);
}

/**
 * Entries of one line of a participants list: every @handle in it (notes
 * around it ignored: `@x (late)`, `ed (@itrich)`, `(@x - struggling)`), with
 * the name written before a single handle (`Jane Doe (@jdoe)`,
 * `Jane Doe @jdoe (voting member)`, `JD: Jane Doe (@jdoe)`); else plain
 * names (comma-separated allowed; `Jane Doe (JD)` keeps the abbreviation;
 * e-mails and links dropped; role notes such as `(Guest)` stripped); else an
 * abbreviation alone (`JD`). Returns `excluded` for absentee lines.
 */
export function entriesFromLine(line: string, part = false): { entries: Participant[]; excluded: boolean } {
  const text = line.replace(/^[\s*\-+•·]+/, '').replace(/\s+/g, ' ').trim();
  if (!text) return { entries: [], excluded: false };
  if (EXCLUDED.test(text)) return { entries: [], excluded: true };
  if (ROLE.test(text)) return { entries: [], excluded: false };
  // `Jane Doe (@jdoe) - Acme, Some Board`: what follows a spaced dash is a note (affiliation, role), never more entries.
  const noteAt = dashNoteIndex(text);
  if (noteAt > 0) return entriesFromLine(text.slice(0, noteAt), part);
  // `@alice, @Carol, Dieter Krause`: each comma-separated part is a handle or a name.
  const parts = splitOutsideBrackets(text);
  if (parts.length > 1) {
    const perPart = parts.map((p) => entriesFromLine(p, true).entries);
    // `Joe, -> could move the issues over`: a sentence with a comma, not a list of people.
    // (`Jane Doe (@jdoe), coming in late` keeps its handle: the rest is a note.)
    const prose = perPart.some((e, i) => e.length === 0 && parts[i]!.split(/\s+/).length > 3);
    if (prose && !perPart.some((e) => e.some((x) => x.label.startsWith('@')))) return { entries: [], excluded: false };
    return { entries: perPart.flat(), excluded: false };
  }
  // `JD: Jane Doe (@jdoe)`: an abbreviation label before the entry.
  const prefixed = /^(\p{Lu}{2,5}):\s+(?=\S)/u.exec(text);
  const abbreviation = prefixed?.[1];
  const body = prefixed ? text.slice(prefixed[0].length) : text;
  const handles = handlesIn(body.replace(EMAIL_OR_URL, (m) => ' '.repeat(m.length)));
  if (handles.length) {
    if (handles.length > 1) return { entries: handles.map((h) => ({ key: h.key, label: h.label })), excluded: false };
    const h = handles[0]!;
    const name = nameAround(body.slice(0, h.index));
    return { entries: [{ key: h.key, label: h.label, ...(name ? { name } : {}), ...(abbreviation ? { abbreviation } : {}) }], excluded: false };
  }
  const noted = /^(.*?)\s*\((\p{Lu}{2,5})\)\s*$/u.exec(body.replace(EMAIL_OR_URL, ' ').trim());
  if (noted) {
    const name = nameAround(noted[1]!);
    // `Jane Doe (JD)` abbreviates the name; `Jane Doe (IBM)` names her organisation (a note, dropped).
    if (name && abbreviates(noted[2]!, name)) return { entries: [{ key: name.toLowerCase(), label: name, abbreviation: noted[2]! }], excluded: false };
  }
  const bare = body
    .replace(EMAIL_OR_URL, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/\s[-–—:|].*$/, '')
    .trim()
    .replace(/[.,;:]+$/, '');
  // `QA, RD, Sofia Varga (SV)`: an abbreviation alone counts in a comma list of people; alone on a line (`- OSISM`) it names an organisation.
  if (part && ABBREVIATION.test(bare) && !prefixed) {
    return { entries: [{ key: bare.toLowerCase(), label: bare, abbreviation: bare, abbreviationOnly: true }], excluded: false };
  }
  // `tibeer` alone on a line of an attendance list: a GitHub login written without its `@` (never a part of a comma list: `valid, draft`).
  if (!part && /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}$/.test(bare) && /[a-z]/.test(bare) && !NOT_NAMES.has(bare) && !prefixed) {
    return { entries: [{ key: personKey(bare), label: bare }], excluded: false };
  }
  const names: Participant[] = [];
  for (const part of bare.split(/\s*[,;&]\s*|\s+(?:and|und)\s+/)) {
    const name = asName(part);
    if (name) names.push({ key: name.toLowerCase(), label: name, ...(abbreviation && names.length === 0 ? { abbreviation } : {}) });
  }
  return { entries: names, excluded: false };
}

/** Text of a list item without its nested lists, one string per source line. */
function itemTextLines(item: ListItem): string[] {
  const parts = item.children.filter((c) => c.type !== 'list');
  return parts
    .map((c) => stripShortcodes(toString(c, { includeHtml: false, includeImageAlt: false })))
    .join('\n')
    .split('\n');
}

function codeLines(node: Code): string[] {
  return node.value.split('\n');
}

interface Collector {
  add(entries: Participant[]): void;
}

/** Header words of a table's name column. */
const NAME_COLUMN = /\bnames?\b|^(?:person|people|who|wer|member|delegate|representative|vertreter\w*)s?$/i;

/** Entries of a table: its name column (by header; else the first column), empty rows skipped. */
function readTable(table: Table, out: Collector): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const headers = header.children.map((c) => plainText(c).trim());
  let column = headers.findIndex((h) => NAME_COLUMN.test(h) || isAttendanceLabel(h));
  if (column < 0) column = 0;
  // `| Name | GitHub |`: the handle column joins the name (`Jane Doe (@jdoe)`).
  const handleColumn = headers.findIndex((h, i) => i !== column && /^(?:github|handle|github handle|user(?:name)?|login)$/i.test(h));
  const cellText = (row: Table['children'][number], i: number) => {
    const cell = row.children[i];
    return cell ? stripShortcodes(toString(cell, { includeHtml: false, includeImageAlt: false })).trim() : '';
  };
  for (const row of rows) {
    const text = cellText(row, column);
    if (!text) continue;
    const handle = handleColumn >= 0 ? cellText(row, handleColumn).replace(/^@?/, '@') : '';
    const withHandle = handle.length > 1 && handlesIn(text).length === 0 ? `${text} (${handle})` : text;
    out.add(entriesFromLine(withHandle).entries);
  }
}

/**
 * Entries of the blocks of an attendance section or label (lists, bullet-less
 * lines, tables, group sub-headings such as `### Remote`). Lists under
 * absentee labels or headings (`Regrets:`, `### Apologies`) are skipped.
 */
function readBlocks(blocks: RootContent[], out: Collector): void {
  let excluded = false;
  const readLine = (line: string): void => {
    const stripped = line.replace(/^[\s*\-+]+/, '');
    const label = matchLabel(stripped, true);
    if (label) {
      excluded = false;
      line = label[2] ?? '';
    } else if (isRoleLabel(line)) {
      // `Summary in team call:` / `Reporting …:` introduces a role, not attendees.
      if (/:\s*$/.test(line)) excluded = true;
      return;
    }
    const { entries, excluded: ex } = entriesFromLine(line);
    if (ex) {
      excluded = true;
      return;
    }
    if (!excluded) out.add(entries);
  };
  const readList = (list: List): void => {
    // `- Jane Doe, Acme` on every line of a list: one person per line with an affiliation, not two people.
    const firsts = list.children.map((item) => (itemTextLines(item)[0] ?? '').trim());
    const affiliations =
      firsts.length >= 3 &&
      firsts.every((l) => {
        const parts = splitOutsideBrackets(l);
        return parts.length >= 2 && parts.slice(1).every((p) => handlesIn(p).length === 0);
      });
    for (const item of list.children) {
      let lines = itemTextLines(item);
      if (affiliations) lines = [splitOutsideBrackets(lines[0] ?? '')[0] ?? '', ...lines.slice(1)];
      const first = (lines[0] ?? '').trim();
      if (EXCLUDED.test(first)) continue; // `- Excused:` and everything below it
      const label = matchLabel(first, true);
      if (!label && isRoleLabel(first)) continue; // `- Minutes: @x` and its sub-list
      // `- Guests:` or `- OSISM` with a nested list: a group of attendees, not an attendee.
      const hasNested = item.children.some((c) => c.type === 'list' || c.type === 'table');
      const groupLabel = handlesIn(first).length === 0 && (/:\s*$/.test(first) || (hasNested && !/\s/.test(first.replace(/[_*]/g, '').trim())));
      if (!excluded && !groupLabel) for (const l of lines) readLine(l);
      else if (!excluded) for (const l of lines.slice(1)) readLine(l);
      for (const child of item.children) {
        if (child.type === 'list' && !excluded) readList(child);
        else if (child.type === 'table' && !excluded) readTable(child, out);
      }
    }
  };
  for (const block of blocks) {
    if (block.type === 'heading') excluded = EXCLUDED.test(plainText(block).replace(/^[^\p{L}]+/u, ''));
    else if (excluded) {
      // A paragraph can open a new group (`Remote:`) after an absentee list.
      if (block.type === 'paragraph') for (const l of plainLines(block)) readLine(l);
    } else if (block.type === 'list') readList(block);
    else if (block.type === 'table') readTable(block, out);
    else if (block.type === 'paragraph') {
      // Prose (a sentence that names nobody) ends the attendance list: the section runs on into notes.
      if (plainLines(block).some(isProse)) break;
      for (const l of plainLines(block)) readLine(l);
    } else if (block.type === 'code' && !block.lang) for (const l of codeLines(block)) readLine(l);
  }
}

/** A sentence: five or more words, no entry in it, not a label (`The following people attended:`). */
function isProse(line: string): boolean {
  const t = line.trim();
  return t.split(/\s+/).length >= 5 && !/:\s*$/.test(t) && handlesIn(t).length === 0 && entriesFromLine(t).entries.length === 0;
}

function plainLines(node: Nodes): string[] {
  return stripShortcodes(toString(node, { includeHtml: false, includeImageAlt: false })).split('\n');
}

/** A list whose items are (nearly all) short attendance entries: `- @a`, `- Jane Doe (@jdoe)`, `- Kim Lee`. */
function isEntryList(block: RootContent | undefined): boolean {
  if (block?.type !== 'list' || block.children.length === 0) return false;
  const firsts = block.children.map((i) => (itemTextLines(i)[0] ?? '').trim());
  // An entry line is handles and a name, nothing more (`@a to send the mail` is a task, not an entry).
  const entryLike = (l: string) => {
    const rest = l.replace(HANDLE, ' ').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[\s,;]+/g, ' ').trim();
    return entriesFromLine(l).entries.length > 0 && (rest === '' || asName(rest) !== undefined);
  };
  const entries = firsts.filter(entryLike).length;
  return entries >= Math.ceil(firsts.length * 0.75);
}

/** A paragraph of entries after a label: a comma list of handles or names (`Jane Doe, @max, Kim Lee`). */
function isEntryParagraph(block: RootContent): boolean {
  const text = plainLines(block).join(', ');
  const parts = splitOutsideBrackets(text);
  return parts.length > 1 && parts.every((p) => entriesFromLine(p).entries.length > 0);
}

/** A list or paragraph that is (nearly) only @handles, one per line. */
function isHandleList(block: RootContent): boolean {
  const lines =
    block.type === 'list'
      ? block.children.map((i) => (itemTextLines(i)[0] ?? '').trim())
      : block.type === 'paragraph'
        ? plainLines(block).map((l) => l.trim())
        : [];
  if (lines.length === 0) return false;
  const handleOnly = lines.filter((l) => /^\(?@[\w.\\-]+(?:\/[\w.-]+)*\)?(?:\s*\([^)]*\))?[.,]?$/.test(l)).length;
  return handleOnly >= Math.max(1, Math.ceil(lines.length * 0.75));
}

export interface ParticipantsResult {
  participants: Participant[];
  /** Line ranges that form the participants list (its @handles are not mentions). */
  ranges: { start: number; end: number }[];
  /** Line of a participants heading with no entries under it. */
  emptySectionLine?: number;
}

/** The blocks of an attendance section: up to the next heading as deep or shallower, or a deeper one that is not a group (`### Remote`) or absentee heading. */
function sectionEnd(blocks: RootContent[], i: number): number {
  const depth = (blocks[i] as MdHeading).depth;
  let j = i + 1;
  while (j < blocks.length) {
    const b = blocks[j]!;
    if (b.type === 'heading') {
      const text = plainText(b);
      // `### Remote`, `### Apologies`, or a short group name (`### Acme`) over a list of attendees.
      const group = isGroupLabel(text) || EXCLUDED.test(text.replace(/^[^\p{L}]+/u, '')) || (wordsOf(text).length <= 3 && isEntryList(blocks[j + 1]));
      if (b.depth <= depth || !group) break;
    }
    j++;
  }
  return j;
}

/**
 * The attendance list of a meeting, from (in order of preference):
 * 1. sections under an attendance heading (any level, nested under another
 *    heading too, any note, glued headings, misspellings within edit
 *    distance), with group sub-headings (`### In presence`, `### Remote`);
 * 2. attendance label lines (`Participants:`, `**In-person attendees:**`,
 *    `Participation: @a, @b`) or top-level list items (not nested in a topic:
 *    that is a breakout group), with entries after the colon, on the next
 *    lines, in a nested list, or in the list or table right after; a group
 *    label (`Remote:`) right after such a block continues it;
 * 3. a bare list of @handles right under the first heading, when that is the date heading.
 */
export function extractParticipants(doc: Doc): ParticipantsResult {
  const blocks = doc.tree.children;
  const seen = new Map<string, Participant>();
  const collector: Collector = {
    add(entries) {
      for (const e of entries) {
        const before = seen.get(e.key);
        if (!before) seen.set(e.key, e);
        else if (!before.name && e.name) seen.set(e.key, { ...before, name: e.name });
      }
    },
  };
  const ranges: { start: number; end: number }[] = [];
  let emptySectionLine: number | undefined;

  // 1. Headings.
  let headingFound = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'heading' || !isParticipantsHeading(plainText(block))) continue;
    headingFound = true;
    const j = sectionEnd(blocks, i);
    const section = blocks.slice(i + 1, j);
    const before = seen.size;
    readBlocks(section, collector);
    if (seen.size === before && section.length === 0) emptySectionLine ??= startLine(block);
    ranges.push({ start: startLine(block), end: section.length ? endLine(section[section.length - 1]!) : endLine(block) });
    i = j - 1;
  }

  // 2. Label lines / top-level list items.
  if (!headingFound) {
    let open = false; // the previous block was an attendance label block: a group label (`Remote:`) continues it
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'paragraph') {
        const lines = plainLines(block);
        const first = (lines[0] ?? '').trim();
        const next = blocks[i + 1];
        const followed = next?.type === 'list' || next?.type === 'table' || (next?.type === 'paragraph' && isEntryParagraph(next));
        if (open && EXCLUDED.test(first.replace(/^[_*]+/, ''))) {
          // `**Absent:**` and its list.
          if (followed && /:[_*\s]*$/.test(first)) i++;
          continue;
        }
        const m = matchLabel(first, open);
        if (!m || (m[1] !== ':' && lines.length === 1 && !followed)) {
          open = false;
          continue;
        }
        const before = seen.size;
        for (const l of [m[2] ?? '', ...lines.slice(1)]) collector.add(entriesFromLine(l).entries);
        let end = endLine(block);
        if (followed && (m[2] ?? '').trim() === '' && lines.length === 1) {
          readBlocks([next], collector);
          end = endLine(next);
          i++;
        }
        open = true;
        if (seen.size > before) ranges.push({ start: startLine(block), end });
      } else if (block.type === 'list') {
        open = false;
        for (const item of block.children) {
          const lines = itemTextLines(item);
          const m = matchLabel((lines[0] ?? '').trim());
          if (!m) continue;
          const nested = item.children.filter((c): c is List | Table => c.type === 'list' || c.type === 'table');
          if (m[1] !== ':' && nested.length === 0) continue;
          const before = seen.size;
          for (const l of [m[2] ?? '', ...lines.slice(1)]) collector.add(entriesFromLine(l).entries);
          readBlocks(nested, collector);
          if (seen.size > before) ranges.push({ start: startLine(item), end: endLine(item) });
        }
      } else open = false;
    }
  }

  // 3. A bare @handle list right under the first heading.
  if (!headingFound && seen.size === 0) {
    const h = blocks.findIndex((b) => b.type === 'heading');
    const dated = h >= 0 && /\d{4}-\d{2}-\d{2}/.test(plainText(blocks[h]!));
    const next = dated ? blocks[h + 1] : undefined;
    if (next && isHandleList(next)) {
      readBlocks([next], collector);
      ranges.push({ start: startLine(next), end: endLine(next) });
    }
  }

  return { participants: [...seen.values()], ranges, ...(emptySectionLine ? { emptySectionLine } : {}) };
}

/** Participants given in frontmatter: a list, or one comma-separated string. */
export function participantsFromFrontmatter(value: unknown): Participant[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/) : undefined;
  if (!items) return undefined;
  const seen = new Map<string, Participant>();
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const text = /^[\w.-]+$/.test(item.trim()) && !/^\p{Lu}/u.test(item.trim()) ? `@${item.trim()}` : item;
    for (const e of entriesFromLine(text).entries) if (!seen.has(e.key)) seen.set(e.key, e);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------
// Mentions

/**
 * @handles outside the participants list (topic owners, assignees, …), from
 * text in the tree: never from link URLs, code or e-mail addresses.
 */
export function extractMentions(doc: Doc, exclude: { start: number; end: number }[]): PersonMention[] {
  const out: PersonMention[] = [];
  const seen = new Set<string>();
  const inExcluded = (line: number) => exclude.some((r) => line >= r.start && line <= r.end);
  const add = (key: string, line: number) => {
    if (inExcluded(line)) return;
    const id = `${key}\n${line}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ key, line, anchor: doc.anchorAt(line) });
  };
  visitParents(doc.tree as Root, (node) => {
    if (node.type === 'text') {
      const base = startLine(node);
      for (const h of handlesIn(node.value)) add(h.key, lineInValue(base, node.value, h.index));
    } else if (node.type === 'code' && isIndentedCode(doc, node)) {
      // Accidentally indented text (4 spaces) is still minutes text.
      const base = startLine(node);
      node.value.split('\n').forEach((l, k) => {
        for (const h of handlesIn(l)) add(h.key, base + k);
      });
    }
  });
  return out;
}

/** Indented (not fenced) code: usually text indented by accident in minutes. */
export function isIndentedCode(doc: Doc, node: Code): boolean {
  const first = doc.lines[startLine(node) - 1] ?? '';
  return !/^\s*(```|~~~)/.test(first);
}
