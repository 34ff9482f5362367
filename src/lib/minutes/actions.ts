import type { List, ListItem, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { ActionItem, Participant } from './types.ts';
import { itemSource, ownLines, plainText, startLine, endLine, type Doc } from './markdown.ts';
import { handlesIn, isIndentedCode } from './participants.ts';

const H = String.raw`@(?:[A-Za-z0-9]|\\_)(?:[\w.-]|\\_)*(?:\/[A-Za-z0-9][\w.-]*)*`;
const SEP = String.raw`(?:,|&|\+|\/|\band\b|\bund\b)`;
/** A list of handles: `@a`, `@a, @b`, `@a and @b`, `_@a_`. */
const HL = String.raw`[_*]*${H}(?:[_*]*\s*${SEP}\s*[_*]*${H})*[_*]*`;
/** Handles right after a marker, optionally in parentheses: `AI (@a):`. */
const HANDLES = new RegExp(String.raw`^[_*]*(?:\(\s*${HL}\s*\)|${HL})`);
/** `@x will …`, `@x, @y to …`, `@x: …` at the start of an item text. */
const LEADING_HANDLES = new RegExp(String.raw`^[_*]*${H}(?:[_*]*\s*${SEP}\s*[_*]*${H})*[_*]*(?=\s*(?::|,|\s+[A-Za-z]))`);
/** `… (@x)`, `… (@x, @y)`, `… => @x`, `… -> @x` at the end of an item text. */
const TRAILING_HANDLES = new RegExp(String.raw`(?:\s*\(\s*(${HL})\s*\)|\s*(?:=>|->)\s*(${HL})|(?<!\b(?:by|with|from|for|of|to|and|cc|ask|asks|ping|contact)\s*)(?:\s*[;,\-–]\s*|\s+)(${HL}))\s*[.]?$`);

const INNER_HANDLES = new RegExp(String.raw`\(\s*(${HL})\s*\)`);

/** Where a marker may start: line start, or after a sentence end / bracket / comma / separator. */
const BEFORE = String.raw`(?:^|(?<=[.;,!?)\]]\s+|\(\s*|:\s+|\s[-–]\s+|[-=]>\s*))`;
/** `AI` (upper-case, not `AIs`), `TODO`/`ToDo`/`Todo`, `Action item`. */
const MARKER = new RegExp(String.raw`${BEFORE}([_*]{0,2})(AI|TODO|ToDo|Todo|To-?Do|todo|Action[ -]?[Ii]tems?|Action[ -]?[Pp]oints?)([_*]{0,2})(?![\w'’-])`, 'g');
/** `Push this to conclusion AI @garloff`: owner at the very end of a sentence. */
const END_AI = new RegExp(String.raw`\s[_*]*AI[_*]*\s+(${HL})\s*[.!]?\s*$`);
/** A label that introduces a list of action items: `AI:`, `AI for this week:`, `=> TODO:`, `Todos`. */
const ACTION_LABEL = /^[_*]*(?:[-=]>\s*)?[_*]*(?:AI|AIs|AI['’]s|[Aa]ction[ -]?(?:[Ii]tems?|[Pp]oints?)|[Aa]ufgaben|[Tt][Oo]-?[Dd][Oo]s?)(?:\s+(?:for|from|of|until|till|this|last|next|open|pending)\b[^:@]{0,40})?\s*:?[_*]*\s*$/;

/** Status words that open a sub-bullet (`- done: <url>`, `- in progress: …`). */
const STATUS = /^(?:done|open|closed|in[ -]progress|ongoing|on[ -]going|wip|blocked|postponed|deferred|obsolete|dropped|pending|started|cancell?ed|not done|no progress|waiting|finished|completed|moved|still open|status)\b/i;
/** Entries that say there is nothing to do. */
const NOTHING = /^[_*(]*(?:none|nothing|n\/a|-+|—)[_*).]*$|^no (?:open )?(?:AIs?|action items?|to-?dos?)\b/i;

/** `Action items`, `Todos`, `Check AIs from last time`, `AI's`, `TODO: Docs updates`. */
export function isActionHeading(text: string): boolean {
  const t = text.replace(/^[^\p{L}]+/u, '').trim();
  return /^(?:(?:check|review|open|pending|new|previous|last|outstanding|our)\s+)*(?:action[\s-]*(?:items?|points?)|to-?dos?|to do|aufgaben|ais|ai['’]s|ai(?=\s*(?::|$|\(\s*@|from\b|of\b)))(?![\w-])/i.test(t);
}

/** A heading that is only `AI`: a topic (artificial intelligence) unless its items name assignees. */
function isBareAiHeading(text: string): boolean {
  return /^ai$/i.test(text.replace(/^[^\p{L}]+/u, '').trim());
}

/**
 * Remove the closing twin of an emphasis that opened before the marker
 * (`_AI @x: text_`). A closer is outside code spans, not inside a word
 * (`os_purpose`), and right after a non-space.
 */
function closeEmphasis(text: string, opener: string): string {
  if (!opener) return text;
  let inCode = false;
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    if (inCode || !text.startsWith(opener, i)) continue;
    const before = text[i - 1]!;
    const after = text[i + opener.length] ?? '';
    if (/\s/.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    return (text.slice(0, i) + text.slice(i + opener.length)).trim();
  }
  return text;
}

/** Drop a `)` that closes nothing (`(TODO: do x)` cut from its line). */
function balanceParens(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return text.slice(0, i).trim();
      depth--;
    }
  }
  return text;
}

function uniqueKeys(keys: string[]): string[] {
  return [...new Set(keys.filter(Boolean))];
}

function keysIn(text: string): string[] {
  return uniqueKeys(handlesIn(text).map((h) => h.key));
}

/**
 * The meeting's participants by the ways an item may name them: full name,
 * abbreviation written with the entry (`Jane Doe (JD)`), initials of a
 * name of two or more words (`JD`), first name when only one participant has
 * it. Keys are the participants' keys (handles stay handles).
 */
export function participantNames(participants: readonly Participant[]): Map<string, string> {
  const out = new Map<string, string>();
  const firsts = new Map<string, Set<string>>();
  // An abbreviation written for two people names neither.
  const abbreviations = new Map<string, Set<string>>();
  for (const p of participants) if (p.abbreviation) (abbreviations.get(p.abbreviation.toLowerCase()) ?? abbreviations.set(p.abbreviation.toLowerCase(), new Set()).get(p.abbreviation.toLowerCase())!).add(p.key);
  for (const p of participants) {
    const name = p.name ?? (p.abbreviationOnly || p.label.startsWith('@') ? undefined : p.label);
    if (p.abbreviation && abbreviations.get(p.abbreviation.toLowerCase())!.size === 1) out.set(p.abbreviation.toLowerCase(), p.key);
    // A handle written without its `@` (`…: tobie`).
    if (p.label.startsWith('@')) out.set(p.key, p.key);
    if (!name) continue;
    out.set(name.toLowerCase(), p.key);
    const words = name.split(/\s+/);
    if (words.length >= 2) {
      const initials = words.map((w) => w[0]!).join('');
      if (/^\p{Lu}+$/u.test(initials) && !out.has(initials.toLowerCase())) out.set(initials.toLowerCase(), p.key);
      const first = words[0]!.toLowerCase();
      (firsts.get(first) ?? firsts.set(first, new Set()).get(first)!).add(p.key);
    }
  }
  for (const [first, keys] of firsts) if (keys.size === 1 && !out.has(first)) out.set(first, [...keys][0]!);
  return out;
}

/** Participant keys for names written before `to`/`will`/`:` (`Jane Doe and JD to …`), or [] when any is no participant. */
function keysOfNames(names: string, byName: ReadonlyMap<string, string>): string[] {
  const parts = names.split(/\s*(?:,|&|\+|\/|\band\b|\bund\b)\s*/).map((x) => x.replace(/^[_*]+|[_*]+$/g, '').trim()).filter(Boolean);
  const keys = parts.map((x) => byName.get(x.toLowerCase()));
  return keys.length > 0 && keys.every((k): k is string => k !== undefined) ? uniqueKeys(keys) : [];
}

/** `Jane Doe: …`, `JD to …`, `Jane and Max will …` at the start of an item text. */
const LEADING_NAMES = /^[_*]*([\p{L}][\p{L}'’.\- ,&/+]{0,80}?)[_*]*(?=\s*:|\s+(?:to|will|should|shall|must|needs? to|takes?|is going to|wird|soll)\b)/u;

/** `… - Jane Doe`, `…: Chris`, `… (JD)` at the end of an item text. */
const TRAILING_NAMES = /(?:\s[-–—]\s*|:\s*|\s\(\s*)([\p{L}][\p{L}'’. ,&/+-]{0,60}?)\s*\)?\s*[.!]?\s*$/u;

function assigneesByName(text: string, byName: ReadonlyMap<string, string>): string[] {
  if (byName.size === 0) return [];
  const lead = LEADING_NAMES.exec(text);
  const leading = lead ? keysOfNames(lead[1]!.trim(), byName) : [];
  if (leading.length) return leading;
  const trail = TRAILING_NAMES.exec(text);
  return trail ? keysOfNames(trail[1]!.trim(), byName) : [];
}

/** Assignees at the start (`@x will …`, `@x:`) or end (`(@x)`, `=> @x`) of an item text. */
function assigneesFromText(text: string, byName: ReadonlyMap<string, string> = new Map()): { assignees: string[]; text: string } {
  const lead = LEADING_HANDLES.exec(text);
  if (lead) return { assignees: keysIn(lead[0]), text };
  const trail = TRAILING_HANDLES.exec(text);
  const closing = trail && (trail[1] ?? trail[2]);
  if (trail && closing) {
    const keys = keysIn(closing);
    if (keys.length) return { assignees: keys, text: text.slice(0, trail.index).trim() };
  }
  // `Write epic (@garloff), input @x`: an owner in brackets inside the text.
  const inner = INNER_HANDLES.exec(text);
  if (inner) return { assignees: keysIn(inner[1]!), text };
  // `finalizing Code of Conduct @FriederikeZelke`: owners named last; the text stays as written.
  if (trail?.[3]) return { assignees: keysIn(trail[3]), text };
  // `Jane Doe: book the room`, `JD to review`: participants of the meeting named first.
  return { assignees: assigneesByName(text, byName), text };
}

/** Strip leading whitespace, block quote markers, list marker and task checkbox. */
function stripLinePrefix(line: string): string {
  return line.replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, '');
}

/** Typos and shorthands normalised before matching: `@AI x` -> `AI @x`, `AI(x)` -> `AI (@x)`, `AI Name:` -> `AI @Name:`. */
function normalizeMarkers(line: string): string {
  return line
    .replace(/(^|[\s(])@AI\s+([A-Za-z][\w-]*)/g, '$1AI @$2')
    .replace(/\bAI\s*\(\s*([A-Za-z][\w-]*)\s*\)/g, 'AI (@$1)')
    .replace(/\bAI\s+([A-Z][a-z][a-z-]*)\s*:/g, 'AI @$1:');
}

export interface FoundMarker {
  assignees: string[];
  text: string;
  /** The marker opens the line (after the list marker), so continuation lines are its text. */
  atStart: boolean;
  /** Emphasis that opened before the marker or the handles (`_AI @x: …_`). */
  opener: string;
}

/**
 * All action markers in one line (list marker already stripped). Each item's
 * text runs to the next marker or the end of the line (or to the closing
 * bracket when the marker stands in brackets); an inline `(AI @x)` takes the
 * rest of the line as its text.
 */
export function findMarkers(rawLine: string, byName: ReadonlyMap<string, string> = new Map()): FoundMarker[] {
  const line = normalizeMarkers(rawLine);
  const out: FoundMarker[] = [];
  const matches = [...line.matchAll(MARKER)];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const start = m.index;
    const end = line.length;
    const tail = line.slice(start + m[0].length, end);
    const before = line.slice(0, start).trimEnd();
    const inParens = before.endsWith('(');
    const afterArrow = /[-=]>$/.test(before);
    let opener = m[1] || m[3] || '';

    let rest = tail.replace(/^\s+/, '');
    const colon = /^[_*]*\s*:[_*]*\s*/.exec(rest);
    if (colon) rest = rest.slice(colon[0].length);
    const assignees: string[] = [];
    let keepRest = false;
    const hs = HANDLES.exec(rest);
    if (hs) {
      if (!opener) opener = /^[_*]*/.exec(rest)![0];
      assignees.push(...keysIn(hs[0]));
      const afterHandles = rest.slice(hs[0].length).replace(/^\s*\(\?\)/, ''); // `AI @fkr (?):`
      if (inParens && /^[_*\s]*\)/.test(afterHandles)) {
        // Inline `(AI @a)`: the item is the rest of the line.
        const text = `${before.slice(0, -1)} ${afterHandles.replace(/^[_*\s]*\)/, '')}`.replace(/\s+/g, ' ').trim();
        out.push({ assignees, text, atStart: false, opener: '' });
        continue;
      }
      // `AI: @x will …`: the handle belongs to the sentence, keep it in the text.
      keepRest = Boolean(colon) && afterHandles.trim() !== '' && !/^[_*]*\s*[:\-–)]/.test(afterHandles);
      if (!keepRest) rest = afterHandles;
    } else if (!colon && /^\s+for\s+[^:]{1,80}:/.test(tail)) {
      // `Action item for Jane Doe: book the room`, `AI for @x: …`.
      const forWhom = /^\s+for\s+([^:]{1,80}):[_*]*\s*/.exec(tail)!;
      const handles = keysIn(forWhom[1]!);
      assignees.push(...(handles.length ? handles : keysOfNames(forWhom[1]!.trim(), byName)));
      rest = tail.slice(forWhom[0].length);
      keepRest = true;
    } else if (!colon) {
      const dash = /^\s*[-–]\s/.test(tail);
      const tokenLabel = /^\s+[A-Za-z0-9][\w-]*\s*:/.test(tail); // `AI VP04: …`
      const noted = /^to-?do/i.test(m[2]!) ? /^\s*\([^)]*\)\s*:/.exec(tail) : null; // `TODO (with R5): …`
      if (noted) rest = tail.slice(noted[0].length);
      const arrowed = afterArrow && /^\s+\w/.test(tail); // `-> AI discuss …`
      if (!dash && !tokenLabel && !arrowed && !noted) continue;
      keepRest = tokenLabel || arrowed || Boolean(noted);
    }
    if (!keepRest) rest = rest.replace(/^[_*]*\s*(?:[:\-–][_*]*\s*)?/, '');
    let text = rest.trim().replace(/^[,;.\s]+/, '');
    if (inParens) text = balanceParens(text);
    if (!text && assignees.length === 0) continue; // a bare `AI:` label: its list is handled elsewhere
    if (!text) text = before.replace(/^[_*\s]+|[\s,;:(\-–]+$/g, '');
    out.push({ assignees: uniqueKeys(assignees), text, atStart: before.replace(/[_*\s]/g, '') === '', opener });
  }
  if (out.length === 0) {
    const e = END_AI.exec(line);
    if (e) out.push({ assignees: keysIn(e[1]!), text: line.slice(0, e.index).trim(), atStart: false, opener: '' });
  }
  // One item per line: a second marker on the line (`TODO: x (AI Kurt: y)`) only adds its owners.
  if (out.length > 1) {
    const [first, ...others] = out as [FoundMarker, ...FoundMarker[]];
    return [{ ...first, assignees: uniqueKeys([...first.assignees, ...others.flatMap((o) => o.assignees)]) }];
  }
  return out;
}

interface LineInfo {
  skip: boolean;
  item?: ListItem;
}

/**
 * Action items of a file:
 * - marker lines anywhere in the text: `AI @a, @b: text`, `_AI @a_: text`,
 *   `AI (@a): text`, `(AI @a)` inline, `AI: text`, `AI: @x will …`,
 *   `TODO: text (@a)`, `ToDo`, `Action item:`; also mid-line after a sentence;
 * - task list items `- [ ] text` / `- [x] text`;
 * - the top-level bullets under an "Action items" / "Todos" / "Check AIs"
 *   heading, and the bullets under an `AI:` / `TODO:` label line or item.
 * Status comes from a sub-bullet (`- done: <url>`, `- open`) or a checkbox.
 */
export function extractActionItems(doc: Doc, participants: readonly Participant[] = []): ActionItem[] {
  const { lines } = doc;
  const byName = participantNames(participants);
  const info: LineInfo[] = lines.map(() => ({ skip: false }));
  const parentOf = new Map<ListItem, ListItem>();
  const items: ActionItem[] = [];
  const taken = new Set<number>();

  visitParents(doc.tree as Root, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    const fenced = node.type === 'code' && !isIndentedCode(doc, node);
    const blockHtml = node.type === 'html' && parent?.type !== 'paragraph' && parent?.type !== 'heading' && parent?.type !== 'tableCell';
    if (node.type === 'heading' || fenced || blockHtml) {
      for (let l = startLine(node); l >= 1 && l <= endLine(node); l++) info[l - 1]!.skip = true;
      return 'skip';
    }
    if (node.type === 'listItem') {
      const { start, end } = ownLines(node);
      for (let l = start; l >= 1 && l <= end; l++) if (info[l - 1]) info[l - 1]!.item = node;
      const up = ancestors[ancestors.length - 2];
      if (up?.type === 'listItem') parentOf.set(node, up);
    }
    return undefined;
  });

  const statusOf = (item: ListItem | undefined): string | undefined => {
    if (!item) return undefined;
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      for (const sub of child.children) {
        const text = itemSource(lines, sub);
        if (STATUS.test(text.replace(/^[_*]+/, ''))) return text;
      }
    }
    if (typeof item.checked === 'boolean') return item.checked ? 'done' : 'open';
    return undefined;
  };

  // 1. Marker lines.
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (info[i]!.skip || !/AI|todo|action/i.test(raw)) continue;
    const item = info[i]!.item;
    const isItemStart = item !== undefined && startLine(item) === lineNo;
    for (const found of findMarkers(stripLinePrefix(raw), byName)) {
      let text = found.text;
      let assignees = found.assignees;
      const ownsItem = found.atStart && isItemStart && item !== undefined;
      if (ownsItem) {
        // The item's own continuation lines belong to its text.
        for (let l = lineNo + 1; l <= ownLines(item).end; l++) {
          const next = lines[l - 1]!;
          if (!next.trim() || findMarkers(stripLinePrefix(next)).length) break;
          text = `${text}\n${next.trim()}`;
        }
      }
      text = closeEmphasis(text.trim(), found.opener).replace(/^[_*]+$/, '').trim();
      let status: string | undefined;
      if (/\s*[-–]?\s*✅\s*$/.test(text)) {
        status = 'done';
        text = text.replace(/\s*[-–]?\s*✅\s*$/, '');
      }
      if (assignees.length === 0) ({ assignees, text } = assigneesFromText(text, byName));
      if (!text && item) {
        // `- ToDo: @a and @b` under a bullet: the bullet above says what to do.
        const parent = isItemStart ? parentOf.get(item) : item;
        if (parent) text = itemSource(lines, parent);
      }
      status ??= ownsItem ? statusOf(item) : undefined;
      items.push({ assignees, text, line: lineNo, anchor: doc.anchorAt(lineNo), ...(status ? { status } : {}) });
      taken.add(lineNo);
    }
  }

  // 2. Bullets under an action heading or label; task list items.
  const addItem = (item: ListItem): void => {
    const line = startLine(item);
    if (!line || taken.has(line)) return;
    const source = itemSource(lines, item).replace(/^[_*]+(?=@)/, '');
    if (!source.trim() || NOTHING.test(source.trim())) return;
    const { assignees, text } = assigneesFromText(source, byName);
    const status = statusOf(item);
    items.push({ assignees, text: text.trim(), line, anchor: doc.anchorAt(line), ...(status ? { status } : {}) });
    taken.add(line);
  };
  const addList = (list: List | undefined) => {
    if (list) for (const item of list.children) addItem(item);
  };
  const blocks = doc.tree.children;
  let inActionSection = false;
  let onlyAssigned = false;
  const assigned = (list: List) => list.children.some((item) => assigneesFromText(itemSource(lines, item), byName).assignees.length > 0);
  blocks.forEach((block, i) => {
    if (block.type === 'heading') {
      const text = plainText(block);
      inActionSection = isActionHeading(text);
      onlyAssigned = isBareAiHeading(text);
    } else if (block.type === 'list' && inActionSection && (!onlyAssigned || assigned(block))) addList(block);
    else if (block.type === 'paragraph' && ACTION_LABEL.test(plainText(block))) {
      const next = blocks[i + 1];
      if (next?.type === 'list') addList(next);
    }
  });
  visitParents(doc.tree as Root, 'listItem', (node: ListItem, ancestors) => {
    const own = node.children.filter((c) => c.type !== 'list');
    const label = own.length > 0 && ACTION_LABEL.test(own.map((c) => plainText(c)).join(' '));
    if (label) for (const child of node.children) if (child.type === 'list') addList(child);
    if (typeof node.checked !== 'boolean') return;
    // A checkbox nested under a topic is a checklist of that topic (`- [x] Object storage`), not a task;
    // it counts when it names an assignee. Top-level checkboxes are tasks.
    const nested = ancestors.some((a) => a.type === 'listItem');
    if (!nested || assigneesFromText(itemSource(lines, node), byName).assignees.length > 0) addItem(node);
  });

  return items.sort((a, b) => a.line - b.line);
}
