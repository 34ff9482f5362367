import type { ListItem, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { ActionItem } from './types.ts';
import { endLine, itemSource, ownLines, plainText, startLine, type Doc } from './markdown.ts';
import { handlesIn, isIndentedCode, normalizeHandle } from './participants.ts';

const H = String.raw`@(?:[A-Za-z0-9]|\\_)(?:[\w.-]|\\_)*(?:\/[A-Za-z0-9][\w.-]*)*`;
/** One or more handles: `@a`, `@a, @b`, `@a and @b`, `(@a)`, `_@a_`. */
const HL = String.raw`[_*]*${H}(?:[_*]*\s*(?:,|&|\+|\/|\band\b|\bund\b)\s*[_*]*${H})*[_*]*`;
const HANDLES = new RegExp(String.raw`^[_*]*(?:\(\s*${HL}\s*\)|${HL})`);
const LEADING_HANDLES = new RegExp(String.raw`^[_*]*${H}(?:[_*]*\s*(?:,|&|\+|\/|\band\b|\bund\b)\s*[_*]*${H})*[_*]*(?=\s*(?::|,|\s(?:will|to|shall|should|must|can|needs?|takes?|checks?|creates?|writes?)\b))`);
const TRAILING_HANDLES = new RegExp(String.raw`\s*(?:\(\s*((?:${H}(?:\s*(?:,|&|\/|\band\b)\s*)?)+)\s*\)|(?:=>|->)\s*((?:${H}(?:\s*(?:,|&|\/|\band\b)\s*)?)+))\s*[.]?$`);

/** Where a marker may start: line start, or after a sentence end / bracket / separator. */
const BEFORE = String.raw`(?:^|(?<=[.;!?)\]]\s+|\(\s*|:\s+|\s[-–]\s+|[-=]>\s*))`;
/** `AI` (upper-case; not "AIs", not "AI-based"), `TODO`/`ToDo`/`Todo`, `Action item`. */
const MARKER = new RegExp(
  String.raw`${BEFORE}([_*]{0,2})(AI|TODO|ToDo|Todo|To-?Do|todo|Action[ -]?[Ii]tems?)([_*]{0,2})(?=\s*[:(@_*]|\s+[-–]\s)`,
  'g',
);

/** Status words that open a sub-bullet (`- done: <url>`, `- in progress: …`). */
const STATUS = /^(?:done|open|closed|in[ -]progress|ongoing|on[ -]going|wip|blocked|postponed|deferred|obsolete|dropped|pending|started|cancell?ed|not done|no progress|waiting|finished|completed|moved|still open|status)\b/i;

/** `Action items`, `Todos`, `Check AIs from last time`, `AI's`, `TODO: Docs updates`. */
export function isActionHeading(text: string): boolean {
  const t = text.replace(/^[^\p{L}]+/u, '').trim();
  return /^(?:(?:check|review|open|pending|new|previous|last|outstanding|our)\s+)*(?:action[\s-]*items?|to-?dos?|to do|ais|ai['’]s|ai(?=\s*(?::|$|\(|from\b|of\b)))(?![\w-])/i.test(t);
}

interface LineInfo {
  skip: boolean;
  item?: ListItem;
}

/** Remove an emphasis opener's closing twin from the item text (`_AI @x: text_`). */
function closeEmphasis(text: string, opener: string): string {
  if (!opener) return text;
  const at = text.indexOf(opener, 1);
  if (at === -1) return text;
  return (text.slice(0, at) + text.slice(at + opener.length)).trim();
}

function uniqueKeys(keys: string[]): string[] {
  return [...new Set(keys.filter(Boolean))];
}

/** Assignees at the start (`@x will …`, `@x:`) or end (`(@x)`, `=> @x`) of an item text. */
function assigneesFromText(text: string): { assignees: string[]; text: string } {
  const lead = LEADING_HANDLES.exec(text);
  if (lead) return { assignees: uniqueKeys(handlesIn(lead[0]).map((h) => h.key)), text };
  const trail = TRAILING_HANDLES.exec(text);
  if (trail) {
    const keys = handlesIn(trail[1] ?? trail[2] ?? '').map((h) => h.key);
    if (keys.length) return { assignees: uniqueKeys(keys), text: text.slice(0, trail.index).trim() };
  }
  return { assignees: [], text };
}

/** Strip leading whitespace, block quote markers, list marker and task checkbox. */
function stripLinePrefix(line: string): string {
  return line.replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, '');
}

/** `- done: …` under an item, if any. */
function statusOf(doc: Doc, item: ListItem | undefined): string | undefined {
  if (!item) return undefined;
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    for (const sub of child.children) {
      const text = itemSource(doc.lines, sub);
      if (STATUS.test(text.replace(/^[_*]+/, ''))) return text;
    }
  }
  if (typeof item.checked === 'boolean') return item.checked ? 'done' : 'open';
  return undefined;
}

/**
 * Action items of a file:
 * - marker lines anywhere in the text: `AI @a, @b: text`, `_AI @a_: text`,
 *   `AI (@a): text`, `(AI @a)` inline, `AI: text`, `AI: @x will …`,
 *   `TODO: text (@a)`, `ToDo`, `Action item:`; also mid-line after a sentence;
 * - task list items `- [ ] text` / `- [x] text`;
 * - top-level bullets under an "Action items" / "Todos" / "Check AIs" heading.
 * Status comes from a sub-bullet (`- done: <url>`, `- open`) or a checkbox.
 */
export function extractActionItems(doc: Doc): ActionItem[] {
  const { lines } = doc;
  const info: LineInfo[] = lines.map(() => ({ skip: false }));
  const items: ActionItem[] = [];
  const taken = new Set<number>(); // lines that already hold an item from a marker

  visitParents(doc.tree as Root, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'heading' || (node.type === 'code' && !isIndentedCode(doc, node)) || (node.type === 'html' && parent?.type !== 'paragraph' && parent?.type !== 'heading' && parent?.type !== 'tableCell')) {
      for (let l = startLine(node); l <= endLine(node) && l >= 1; l++) info[l - 1]!.skip = true;
      return 'skip';
    }
    if (node.type === 'listItem') {
      const { start, end } = ownLines(node);
      for (let l = start; l <= end && l >= 1; l++) if (info[l - 1]) info[l - 1]!.item = node;
    }
    return undefined;
  });

  // 1. Marker lines.
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    if (info[i]!.skip) continue;
    const raw = lines[i]!;
    if (!/AI|todo|action/i.test(raw)) continue;
    const body = stripLinePrefix(raw);
    const item = info[i]!.item;
    const isItemStart = item !== undefined && startLine(item) === lineNo;
    for (const found of findMarkers(body)) {
      let text = found.text;
      let assignees = found.assignees;
      // A list item's own continuation lines belong to its text.
      if (found.atStart && isItemStart && item) {
        const { end } = ownLines(item);
        for (let l = lineNo + 1; l <= end; l++) {
          const next = lines[l - 1]!;
          if (findMarkers(stripLinePrefix(next)).length) break;
          text = `${text}\n${next.trim()}`;
        }
      }
      text = closeEmphasis(text.trim(), found.opener).replace(/^[_*]+$/, '').trim();
      let status: string | undefined;
      if (/\s*[-–]?\s*✅\s*$/.test(text)) {
        status = 'done';
        text = text.replace(/\s*[-–]?\s*✅\s*$/, '');
      }
      if (assignees.length === 0) {
        const fromText = assigneesFromText(text);
        assignees = fromText.assignees;
        text = fromText.text;
      }
      status ??= found.atStart && isItemStart ? statusOf(doc, item) : undefined;
      items.push({ assignees, text, line: lineNo, anchor: doc.anchorAt(lineNo), ...(status ? { status } : {}) });
      taken.add(lineNo);
    }
  }

  // 2. Task list items and bullets under an action-items heading.
  const headingAt = new Map(doc.headings.map((h) => [h.line, h]));
  const blocks = doc.tree.children;
  let inActionSection = false;
  for (const block of blocks) {
    if (block.type === 'heading') {
      inActionSection = isActionHeading(headingAt.get(startLine(block))?.text ?? plainText(block));
      continue;
    }
    if (block.type === 'list' && inActionSection) for (const item of block.children) addItem(item);
  }
  visitParents(doc.tree as Root, 'listItem', (node: ListItem) => {
    if (typeof node.checked === 'boolean') addItem(node);
  });

  function addItem(item: ListItem): void {
    const line = startLine(item);
    if (taken.has(line) || !line) return;
    const source = itemSource(lines, item);
    if (!source.trim()) return;
    const { assignees, text } = assigneesFromText(source.replace(/^[_*]+(?=@)/, ''));
    const status = statusOf(doc, item);
    items.push({ assignees, text: text.trim(), line, anchor: doc.anchorAt(line), ...(status ? { status } : {}) });
    taken.add(line);
  }

  return items.sort((a, b) => a.line - b.line);
}

interface FoundMarker {
  assignees: string[];
  text: string;
  /** The marker opens the line (after the list marker), so continuation lines are its text. */
  atStart: boolean;
  /** Emphasis that opened before the marker or the handles (`_AI @x: …_`). */
  opener: string;
}

/**
 * All action markers in one line (list marker already stripped). Each item's
 * text runs to the next marker or the end of the line; an inline `(AI @x)`
 * takes the rest of the line as its text.
 */
export function findMarkers(line: string): FoundMarker[] {
  const out: FoundMarker[] = [];
  const matches = [...line.matchAll(MARKER)];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const word = m[2]!;
    // "AI" needs a handle or a colon after it: "AI topics" is not an item.
    const start = m.index;
    const afterMarker = m.index + m[0].length;
    const end = k + 1 < matches.length ? matches[k + 1]!.index : line.length;
    let tail = line.slice(afterMarker, end);
    let opener = m[1] || m[3] || '';
    const assignees: string[] = [];

    let rest = tail.replace(/^\s*/, '');
    const colonFirst = /^[_*]*:\s*/.exec(rest);
    if (colonFirst) rest = rest.slice(colonFirst[0].length);
    const hs = HANDLES.exec(rest);
    if (hs) {
      if (!opener) opener = /^[_*]*/.exec(rest)![0];
      for (const h of handlesIn(hs[0])) assignees.push(normalizeHandle(h.key));
      const afterHandles = rest.slice(hs[0].length).replace(/^\s*\(\?\)/, ''); // `AI @fkr (?):`
      // `AI: @x will …`: the handle is part of the sentence, keep it in the text.
      const sentence = colonFirst && afterHandles.trim() !== '' && !/^[_*]*\s*[:\-–)]/.test(afterHandles);
      if (!sentence) rest = afterHandles;
    }
    const wrapped = line.slice(0, start).trimEnd().endsWith('(') && /^\s*[_*]*\)/.test(rest);
    if (wrapped) {
      // Inline `(AI @a)`: the text is the line without the marker.
      const before = line.slice(0, start).trimEnd().slice(0, -1);
      const after = rest.replace(/^\s*[_*]*\)/, '');
      out.push({ assignees: uniqueKeys(assignees), text: `${before} ${after}`.replace(/\s+/g, ' ').trim(), atStart: false, opener: '' });
      continue;
    }
    if (!hs && !colonFirst) {
      // `AI - text` / `TODO (…)`: accept only a dash separator or a parenthesis.
      if (!/^\s*[-–]\s|^\s*\(/.test(tail)) continue;
    }
    if (word === 'AI' && !hs && !colonFirst) continue;
    rest = rest.replace(/^[_*]*\s*(?:[:\-–]\s*)?/, '');
    tail = rest;
    if (!tail.trim() && assignees.length === 0) continue;
    out.push({
      assignees: uniqueKeys(assignees),
      text: tail.trim(),
      atStart: line.slice(0, start).replace(/[_*\s]/g, '') === '',
      opener,
    });
  }
  return out;
}
