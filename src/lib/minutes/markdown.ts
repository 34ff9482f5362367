import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, ListItem, Paragraph, Heading as MdHeading, Parents } from 'mdast';
import type { ArchiveConfig, ParseWarning } from './types.ts';

/** Emoji shortcodes like `:family:` or `:+1:` (needs a letter, so `10:00:` is no shortcode). */
const SHORTCODE = /(?<![\w/]):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{1,40}:(?![\w/])/g;

export function stripShortcodes(text: string): string {
  return text.replace(SHORTCODE, '');
}

/** Plain text of a node: no markup, no raw HTML (`<font>`), no emoji shortcodes. Not trimmed. */
export function rawPlainText(node: Nodes): string {
  return stripShortcodes(toString(node, { includeHtml: false, includeImageAlt: false }));
}

/** Plain text, whitespace collapsed and trimmed. */
export function plainText(node: Nodes): string {
  return rawPlainText(node).replace(/\s+/g, ' ').trim();
}

export interface HeadingInfo {
  node: MdHeading;
  depth: number;
  text: string;
  anchor: string;
  line: number;
  endLine: number;
}

/**
 * Everything the extractors share about one file. Lines are 1-based
 * everywhere (`lines[0]` is line 1) and refer to the original file.
 */
export interface Doc {
  source: string;
  series: string;
  config: ArchiveConfig;
  lines: string[];
  tree: Root;
  headings: HeadingInfo[];
  /** Anchor of the section a line stands in ('' before the first heading). */
  anchorAt(line: number): string;
  warnings: ParseWarning[];
}

export function startLine(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}

export function endLine(node: { position?: { end: { line: number } } | undefined }): number {
  return node.position?.end.line ?? 0;
}

/** The lines a list item owns itself: from its start to just before its first nested list. */
export function ownLines(item: ListItem): { start: number; end: number } {
  const start = startLine(item);
  let end = endLine(item);
  for (const child of item.children) {
    if (child.type === 'list') {
      end = startLine(child) - 1;
      break;
    }
  }
  return { start, end: Math.max(start, end) };
}

/** Remove the common leading indentation and the list marker / checkbox of the first line. */
function cleanBlock(lines: string[], stripMarker: boolean): string {
  const out = lines.slice();
  while (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
  if (out.length === 0) return '';
  if (stripMarker) {
    out[0] = out[0]!.replace(/^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s*/, '');
  }
  const indents = out.slice(1).filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return [out[0]!.trim(), ...out.slice(1).map((l) => l.slice(common).trimEnd())].join('\n').trim();
}

/** Markdown source of a list item's own lines (marker stripped, children left out). */
export function itemSource(lines: string[], item: ListItem): string {
  const { start, end } = ownLines(item);
  const first = lines[start - 1] ?? '';
  const col = (item.position?.start.column ?? 1) - 1;
  return cleanBlock([first.slice(col), ...lines.slice(start, end)], true);
}

/** Markdown source of a paragraph (or any block) by its lines. */
export function blockSource(lines: string[], node: Paragraph | MdHeading | Nodes): string {
  const start = startLine(node);
  const end = endLine(node);
  if (!start) return '';
  const first = lines[start - 1] ?? '';
  const col = ((node as Paragraph).position?.start.column ?? 1) - 1;
  let text = cleanBlock([first.slice(col), ...lines.slice(start, end)], false);
  if (node.type === 'heading') text = text.replace(/^#{1,6}\s*/, '').replace(/\s#+\s*$/, '').replace(/\n[=-]+$/, '');
  return text;
}

/** Innermost excerpt block among the ancestors: list item, else paragraph / heading / table row. */
export function excerptBlock(ancestors: Parents[]): Parents | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.type === 'listItem' || a.type === 'heading' || a.type === 'tableRow') return a;
  }
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.type === 'paragraph') return a;
  }
  return undefined;
}

/** Excerpt source for a block returned by `excerptBlock`. */
export function excerptOf(lines: string[], block: Parents | undefined): string {
  if (!block) return '';
  if (block.type === 'listItem') return itemSource(lines, block);
  return blockSource(lines, block);
}

/** Line of character `index` inside a text node's value (values keep the source's newlines). */
export function lineInValue(nodeStartLine: number, value: string, index: number): number {
  let line = nodeStartLine;
  for (let i = value.indexOf('\n'); i !== -1 && i < index; i = value.indexOf('\n', i + 1)) line++;
  return line;
}
