/**
 * Sections of a meeting's rendered HTML (our renderer's sanitized output),
 * for pages that show a section away from its meeting (topic threads, issue
 * stories), and the split of a meeting's HTML after chosen headings (for
 * notes placed at a section). Pure: HTML in, HTML out.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';

/** A section's body, cut in two when long: `lead` always shows, `rest` sits behind "more" (empty when short). */
export interface SectionExcerpt {
  lead: string;
  rest: string;
}

/** Characters of text shown before "more". */
export const LEAD_CHARS = 700;

/**
 * Make a copied section stand alone on another page: no ids (they would
 * repeat), in-page links (`#x`, heading anchors, footnotes) point into the
 * meeting page.
 */
function detach(nodes: (RootContent | ElementContent)[], meetingHref: string): void {
  const walk = (n: RootContent | ElementContent) => {
    if (n.type !== 'element') return;
    if (n.properties) {
      delete n.properties['id'];
      const href = n.properties['href'];
      if (typeof href === 'string' && href.startsWith('#')) n.properties['href'] = meetingHref + href;
    }
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
}

/** Split a section's blocks after about `LEAD_CHARS` characters of text (never inside a block). */
function cut(nodes: (RootContent | ElementContent)[]): SectionExcerpt {
  let chars = 0;
  let i = 0;
  for (; i < nodes.length; i++) {
    chars += hastToString(nodes[i] as Element).length;
    if (chars > LEAD_CHARS) break;
  }
  // Keep a short tail in the lead: "more" for a line or two is not worth a click.
  const restChars = nodes.slice(i + 1).reduce((n, x) => n + hastToString(x as Element).length, 0);
  if (restChars < LEAD_CHARS / 4) i = nodes.length;
  const html = (list: (RootContent | ElementContent)[]) => toHtml({ type: 'root', children: list as RootContent[] }).trim();
  return { lead: html(nodes.slice(0, i + 1)), rest: html(nodes.slice(i + 1)) };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');

/** Where the heading with `id` opens and closes in the HTML, and its level. */
function findHeading(html: string, id: string): { open: number; close: number; depth: number } | undefined {
  const open = new RegExp(`<h([1-6])\\s[^>]*\\bid="${escapeAttr(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(html);
  if (!open) return undefined;
  const depth = Number(open[1]);
  const end = html.indexOf(`</h${depth}>`, open.index);
  if (end === -1) return undefined;
  return { open: open.index, close: end + 5, depth };
}

/**
 * The bodies of some sections of one meeting's HTML, by heading id: what
 * follows the heading up to the next heading of the same or a higher level
 * (deeper headings and their text included). Only that stretch of the HTML
 * is parsed (our renderer's output: headings never nest in each other; a
 * heading inside a list item leaves stray end tags, which the parser drops).
 */
export function sectionExcerpts(html: string, anchors: readonly string[], meetingHref: string): Map<string, SectionExcerpt> {
  const out = new Map<string, SectionExcerpt>();
  for (const anchor of anchors) {
    const heading = findHeading(html, anchor);
    if (!heading) continue;
    const next = new RegExp(`<h([1-${heading.depth}])[\\s>]`, 'g');
    next.lastIndex = heading.close;
    const end = next.exec(html)?.index ?? html.length;
    const tree = fromHtml(html.slice(heading.close, end), { fragment: true });
    // Whitespace-only text between blocks says nothing.
    const blocks = (tree.children as (RootContent | ElementContent)[]).filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'comment');
    detach(blocks, meetingHref);
    out.set(anchor, cut(blocks));
  }
  return out;
}

/**
 * Cut a meeting's HTML right after the headings with the given ids, so a
 * page can put something at those sections: `[{ html }, { html, after }…]`,
 * where `after` names the heading that the part ends with. Headings not found
 * are ignored; joining the parts' html gives the input back.
 */
export function splitAfterHeadings(html: string, anchors: readonly string[]): { html: string; after?: string }[] {
  const cuts: { at: number; anchor: string }[] = [];
  for (const anchor of new Set(anchors)) {
    const heading = findHeading(html, anchor);
    if (heading) cuts.push({ at: heading.close, anchor });
  }
  cuts.sort((a, b) => a.at - b.at);
  const parts: { html: string; after?: string }[] = [];
  let from = 0;
  for (const c of cuts) {
    parts.push({ html: html.slice(from, c.at), after: c.anchor });
    from = c.at;
  }
  parts.push({ html: html.slice(from) });
  return parts;
}
