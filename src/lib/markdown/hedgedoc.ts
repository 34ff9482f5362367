import type { Element } from 'hast';
import type { BlockContent, Blockquote, Image, Nodes as MdastNodes, Paragraph, Parents, PhrasingContent, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isMarkId, mark, markOf, renderState, type CalloutKind, type RenderState } from './state.ts';

/**
 * HedgeDoc-isms the renderer understands: containers `:::info` … `:::`
 * (info, warning, success, danger, spoiler) and sized images
 * `![alt](url =80%x75%)`.
 *
 * Containers are a two-step protocol with source.ts: normalizeSource turns
 * each marker line into a one-line HTML comment (`<!--:::info Title-->`,
 * `<!--:::-->`) — a comment line interrupts paragraphs and lists, so the
 * container's content parses as its own blocks — and this module pairs the
 * markers into an aside (callout) or a details (spoiler).
 */

export const CONTAINER_KINDS = ['info', 'warning', 'success', 'danger', 'spoiler'] as const;
const KINDS = CONTAINER_KINDS.join('|');

/**
 * The comment that stands for a container marker line in the normalized source (`kindAndTitle` is '' for a closer).
 * `<`, `>` and `%` of the title travel percent-encoded: the comment may land inside a raw HTML block, where a
 * title holding `</script>` or `-->` would end that block or the comment early and leave its tail on the page.
 */
export function containerMarkerComment(colons: string, kindAndTitle: string): string {
  return `<!--${colons}${kindAndTitle.replace(/[%<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}-->`;
}

const decodeMarkerTitle = (title: string) => title.replace(/%(25|3C|3E)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const MARKER_RE = new RegExp(String.raw`^[ \t]*<!--:{3,}(?:[ \t]*(${KINDS})(?!\w))?(.*?)-->[ \t]*$`);

/** Class names of a callout, for the site's CSS. */
export const CALLOUT_CLASS = 'callout';

const BLOCK_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

interface Marker {
  open: boolean;
  kind: string;
  title: string;
}

function markerOf(node: MdastNodes | undefined): Marker | undefined {
  if (node?.type !== 'html' || !node.value.startsWith('<!--:::', node.value.search(/\S/))) return undefined;
  const m = MARKER_RE.exec(node.value);
  if (!m) return undefined;
  if (m[1]) return { open: true, kind: m[1], title: decodeMarkerTitle(m[2] ?? '').trim() };
  return (m[2] ?? '').trim() === '' ? { open: false, kind: '', title: '' } : undefined;
}

/** The remark transformer: pair container markers into containers, innermost parents first. */
export function remarkHedgedocContainers() {
  return (tree: MdastRoot, file: VFile): void => {
    const state = renderState(file);
    const parents: Parents[] = [];
    visit(tree, (node) => {
      if (BLOCK_PARENTS.has(node.type)) parents.push(node as Parents);
    });
    // Reverse document order: every parent's descendants are done before it.
    for (const parent of parents.reverse()) pairMarkers(parent, state);
  };
}

function pairMarkers(parent: Parents, state: RenderState): void {
  const list = parent.children as MdastNodes[];
  for (let i = 0; i < list.length; i++) {
    const open = markerOf(list[i]);
    if (!open) continue;
    if (!open.open) {
      // A closer without an opener: keep it visible as the text it was.
      list[i] = { type: 'paragraph', children: [text(':::')] };
      continue;
    }
    let depth = 0;
    let end = list.length; // unclosed: runs to the end of its parent, as in HedgeDoc
    for (let j = i + 1; j < list.length; j++) {
      const m = markerOf(list[j]);
      if (m?.open) depth++;
      else if (m && depth-- === 0) {
        end = j;
        break;
      }
    }
    const inner = list.slice(i + 1, end) as BlockContent[];
    const container = makeContainer(state, open.kind, open.title, inner);
    list.splice(i, end - i + (end < list.length ? 1 : 0), container);
    pairMarkers(container, state);
  }
}

function makeContainer(state: RenderState, kind: string, title: string, inner: BlockContent[]): Blockquote {
  if (kind === 'spoiler') {
    let open = false;
    const label = title
      .replace(/\{[^}]*\bstate\s*=\s*["']?open["']?[^}]*\}/i, () => {
        open = true;
        return '';
      })
      .replace(/\{[^}]*\}/g, '')
      .trim();
    const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: [text(label || 'Details')] };
    return {
      type: 'blockquote',
      data: { hName: 'details', hProperties: open ? { open: true } : {} },
      children: [summary, ...inner],
    };
  }
  const children: BlockContent[] = title ? [{ type: 'paragraph', children: [{ type: 'strong', children: [text(title)] }] }, ...inner] : inner;
  return { type: 'blockquote', data: { hName: 'div', hProperties: { id: mark(state, { kind: 'callout', type: kind as CalloutKind }) } }, children };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

/**
 * After sanitizing, one element (a step of the shared hast walk, steps.ts): a
 * marked container becomes an `<aside class="callout callout-info">`. Also
 * drops any mark id that does not stand for a mark (it cannot come from the
 * minutes: the nonce is secret). Heading marks are heading-ids.ts's.
 */
export function finishCallout(el: Element, state: RenderState): void {
  const id = el.properties['id'];
  if (!isMarkId(id)) return;
  const m = markOf(state, id);
  if (m?.kind === 'heading') return;
  delete el.properties['id'];
  if (m?.kind === 'callout') {
    el.tagName = 'aside';
    el.properties['className'] = [CALLOUT_CLASS, `${CALLOUT_CLASS}-${m.type}`];
  }
}

// ---------------------------------------------------------------------------
// Sized images: normalizeSource moves HedgeDoc's `=WxH` into the image title.

const SIZE_TITLE_RE = /^=(\d+(?:\.\d+)?(?:%|px)?)?x(\d+(?:\.\d+)?(?:%|px)?)?(?:\s+([\s\S]*))?$/;

/** An image titled `=WxH [title]` gets width/height and keeps the rest as its title (a step of the shared mdast walk, steps.ts). */
export function applyImageSize(node: Image): void {
  const m = node.title ? SIZE_TITLE_RE.exec(node.title) : null;
  if (!m || (!m[1] && !m[2])) return;
  const props: Record<string, string> = {};
  if (m[1]) props['width'] = m[1].replace(/px$/, '');
  if (m[2]) props['height'] = m[2].replace(/px$/, '');
  node.title = m[3] ?? null;
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), ...props } };
}
