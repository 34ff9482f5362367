import type { Code, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { personKey } from '../person-key.ts';
import type { Participant, PersonMention } from './types.ts';
import { endLine, lineInValue, plainText, startLine, stripShortcodes, type Doc } from './markdown.ts';
import { toString } from 'mdast-util-to-string';

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

/** Words that introduce an attendance list. */
const LIST_WORD = String.raw`(?:participants?|particpants?|partcipants?|participents?|attendees?|attendance|teilnehmer(?:innen)?|teilnehmende|anwesende?)`;

const HEADING_WORD = new RegExp(String.raw`^${LIST_WORD}\b(.*)$`, 'iu');
/** `Who` / `Present` count only as the whole heading. */
const SHORT_HEADING = /^(?:who|present)\s*[:?]?$/i;

/** A heading like `Participants (github handles preferred)` or `:family: Participants - use of …`. */
export function isParticipantsHeading(text: string): boolean {
  // A glued heading (`# 2023-07-27 ## Participants …`) ends in the participants heading.
  const parts = text.split(/\s+#{1,6}\s+/);
  return parts.some((part) => {
    const t = stripShortcodes(part).replace(/^[^\p{L}]+/u, '').trim();
    if (SHORT_HEADING.test(t)) return true;
    const m = HEADING_WORD.exec(t);
    if (!m) return false;
    const rest = m[1]!.trim();
    return rest === '' || /^[(:\-–—]/.test(rest) || /github|handle|prefer/i.test(rest);
  });
}

/** `Participants:` as a label line or list item, with what follows the colon. */
const LABEL = new RegExp(String.raw`^#*\s*(?::[a-z_]+:\s*)?${LIST_WORD}\s*(?:\([^)]*\))?\s*(:|$)\s*(.*)$`, 'isu');

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

/**
 * Entries of one line of a participants list: every @handle in it (notes
 * around it ignored: `@x (late)`, `ed (@itrich)`, `(@x - struggling)`), else
 * plain names (comma-separated allowed). Returns `excluded` for absentee lines.
 */
export function entriesFromLine(line: string): { entries: Participant[]; excluded: boolean } {
  const text = line.replace(/^[\s*\-+•·]+/, '').replace(/\s+/g, ' ').trim();
  if (!text) return { entries: [], excluded: false };
  if (EXCLUDED.test(text)) return { entries: [], excluded: true };
  if (ROLE.test(text)) return { entries: [], excluded: false };
  // `@alice, @Carol, Dieter Krause`: each comma-separated part is a handle or a name.
  const parts = splitOutsideBrackets(text);
  if (parts.length > 1) {
    const entries = parts.flatMap((part) => entriesFromLine(part).entries);
    return { entries, excluded: false };
  }
  const handles = handlesIn(text);
  if (handles.length) return { entries: handles.map((h) => ({ key: h.key, label: h.label })), excluded: false };
  const bare = text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s[-–—:|].*$/, '')
    .trim();
  const names: Participant[] = [];
  for (const part of bare.split(/\s*[,;&]\s*|\s+(?:and|und)\s+/)) {
    const name = asName(part);
    if (name) names.push({ key: name.toLowerCase(), label: name });
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

/** Entries of the blocks of a participants section (lists, bullet-less lines). */
function readBlocks(blocks: RootContent[], out: Collector): void {
  let excluded = false;
  const readLine = (line: string): void => {
    const label = LABEL.exec(line.replace(/^[\s*\-+]+/, ''));
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
    for (const item of list.children) {
      const lines = itemTextLines(item);
      const first = (lines[0] ?? '').trim();
      if (EXCLUDED.test(first)) continue; // `- Excused:` and everything below it
      if (!LABEL.test(first) && isRoleLabel(first)) continue; // `- Minutes: @x` and its sub-list
      const groupLabel = /:\s*$/.test(first) && handlesIn(first).length === 0;
      if (!excluded && !groupLabel) for (const l of lines) readLine(l);
      else if (!excluded) for (const l of lines.slice(1)) readLine(l);
      for (const child of item.children) if (child.type === 'list') readList(child);
    }
  };
  for (const block of blocks) {
    if (block.type === 'list') readList(block);
    else if (block.type === 'paragraph') for (const l of plainLines(block)) readLine(l);
    else if (block.type === 'code' && !block.lang) for (const l of codeLines(block)) readLine(l);
  }
}

function plainLines(node: Nodes): string[] {
  return stripShortcodes(toString(node, { includeHtml: false, includeImageAlt: false })).split('\n');
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

/**
 * The attendance list of a meeting, from (in order of preference):
 * 1. sections under a participants heading (any level, any note, glued headings);
 * 2. a `Participants:` label paragraph or top-level list item (not nested in a
 *    topic: that is a breakout group), with its entries after the colon, on the
 *    next lines, in its nested list or in the list right after it;
 * 3. a bare list of @handles right under the first heading, when that is the date heading.
 */
export function extractParticipants(doc: Doc): ParticipantsResult {
  const blocks = doc.tree.children;
  const seen = new Map<string, Participant>();
  const collector: Collector = {
    add(entries) {
      for (const e of entries) if (!seen.has(e.key)) seen.set(e.key, e);
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
    let j = i + 1;
    while (j < blocks.length && blocks[j]!.type !== 'heading') j++;
    const section = blocks.slice(i + 1, j);
    const before = seen.size;
    readBlocks(section, collector);
    if (seen.size === before && section.length === 0) emptySectionLine ??= startLine(block);
    ranges.push({ start: startLine(block), end: section.length ? endLine(section[section.length - 1]!) : endLine(block) });
  }

  // 2. Label lines / top-level list items.
  if (!headingFound) {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'paragraph') {
        const lines = plainLines(block);
        const first = (lines[0] ?? '').trim();
        const m = LABEL.exec(first);
        if (!m || (m[1] !== ':' && lines.length === 1 && blocks[i + 1]?.type !== 'list')) continue;
        const before = seen.size;
        for (const l of [m[2] ?? '', ...lines.slice(1)]) collector.add(entriesFromLine(l).entries);
        let end = endLine(block);
        const next = blocks[i + 1];
        if (next?.type === 'list' && (m[2] ?? '').trim() === '') {
          readBlocks([next], collector);
          end = endLine(next);
        }
        if (seen.size > before) ranges.push({ start: startLine(block), end });
      } else if (block.type === 'list') {
        for (const item of block.children) {
          const lines = itemTextLines(item);
          const m = LABEL.exec((lines[0] ?? '').trim());
          if (!m) continue;
          const nested = item.children.filter((c): c is List => c.type === 'list');
          if (m[1] !== ':' && nested.length === 0) continue;
          const before = seen.size;
          for (const l of [m[2] ?? '', ...lines.slice(1)]) collector.add(entriesFromLine(l).entries);
          readBlocks(nested, collector);
          if (seen.size > before) ranges.push({ start: startLine(item), end: endLine(item) });
        }
      }
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
