import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { issueRefFromUrl } from '../github.ts';
import { HEADING_ANCHOR_CLASS } from './heading-ids.ts';
import { renderState, type RenderState } from './state.ts';

/**
 * After sanitizing: links and images as the site publishes them. Links into
 * the minutes repository and to files next to the minutes become site URLs,
 * in-page anchors are checked against the ids on the page, relative links to
 * what the archive does not publish lose their href (they would be broken),
 * external links get rel=noopener, and a GitHub issue link gets a `↗` link to
 * the archive's page of meetings that discussed it.
 */

export const ISSUE_PAGE_LINK_CLASS = 'issue-page-link';
export const MISSING_IMAGE_CLASS = 'missing-image';

const ABSOLUTE_URL_RE = /^[a-z][a-z\d+.-]*:/i;

/** The rehype transformer (runs after the heading ids are final). */
export function rehypeLinks() {
  return (tree: HastRoot, file: VFile): void => {
    const state = renderState(file);
    const ids = pageIds(tree, state);
    visit(tree, 'element', (el: Element, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const list = parent.children as ElementContent[];
      if (el.tagName === 'a' && !isOurs(el)) {
        const extra = finishLink(el, ids, state);
        if (extra === 'remove') {
          list.splice(index, 1, ...el.children);
          return [SKIP, index + el.children.length];
        }
        if (extra) {
          list.splice(index + 1, 0, ...extra);
          return index + 1 + extra.length;
        }
      } else if (el.tagName === 'img') {
        const replacement = finishImage(el, state);
        if (replacement) {
          list[index] = replacement;
          return [SKIP, index + 1];
        }
      }
      return undefined;
    });
  };
}

/**
 * Every in-page target: element ids, and the names of `<a name>`. An id must
 * be unique on the page: a repeat from raw HTML (`<h2 id="x">` twice, or one
 * equal to a heading anchor) loses its id; the heading anchors always keep theirs.
 */
function pageIds(tree: HastRoot, { anchoredHeadings }: RenderState): Set<string> {
  const ids = new Set([...anchoredHeadings].map((h) => String(h.properties['id'])));
  visit(tree, 'element', (el: Element) => {
    const id = el.properties['id'];
    if (typeof id === 'string' && !anchoredHeadings.has(el)) {
      if (ids.has(id)) delete el.properties['id'];
      else ids.add(id);
    }
    const name = el.tagName === 'a' ? el.properties['name'] : undefined;
    if (typeof name === 'string') ids.add(name);
  });
  return ids;
}

function isOurs(el: Element): boolean {
  const cls = el.properties['className'];
  return Array.isArray(cls) && (cls.includes(HEADING_ANCHOR_CLASS) || cls.includes(ISSUE_PAGE_LINK_CLASS));
}

/** Returns sibling nodes to insert after the link, or 'remove' to unwrap it. */
function finishLink(el: Element, ids: Set<string>, { options, mode }: RenderState): ElementContent[] | 'remove' | undefined {
  const props = el.properties;
  // An empty link (`[](https://)`) has no accessible name and nothing to click;
  // an empty `<a name>` / `<a id>` stays as an in-page target.
  if (!hasContent(el)) {
    if (props['id'] === undefined && props['name'] === undefined) return 'remove';
    delete props['href'];
    return undefined;
  }
  const raw = props['href'];
  if (typeof raw !== 'string' || raw === '') return undefined;
  const href = raw.trim();

  if (href.startsWith('#')) {
    const target = safeDecode(href.slice(1));
    if (mode === 'minutes' && ids.has(target)) return undefined;
    if (mode === 'minutes' && ids.has(`user-content-${target}`)) {
      props['href'] = `#user-content-${target}`;
      return undefined;
    }
    // Dangling in-page anchor (or an excerpt shown on another page): keep the text only.
    delete props['href'];
    return undefined;
  }

  const internal = answer(options.resolveMinutesLink(href)) ?? answer(options.resolveAsset(href));
  if (internal !== undefined) {
    props['href'] = internal;
    return undefined;
  }
  const external = ABSOLUTE_URL_RE.test(href) || href.startsWith('//');
  if (!external) {
    // A relative link to something the archive does not publish would be a broken link.
    delete props['href'];
    props['title'] = `Not in the archive: ${href}`;
    return undefined;
  }
  if (!/^(?:https?:)?\/\//i.test(href)) return undefined; // mailto:
  props['rel'] = ['noopener'];
  const page = answer(options.issuePageUrl(href));
  if (page === undefined) return undefined;
  const key = issueRefFromUrl(href)?.key ?? 'this issue';
  const label = `Meetings that discussed ${key}`;
  return [
    { type: 'text', value: ' ' },
    {
      type: 'element',
      tagName: 'a',
      properties: { className: [ISSUE_PAGE_LINK_CLASS], href: page, title: label, ariaLabel: label },
      children: [{ type: 'text', value: '↗' }],
    },
  ];
}

function finishImage(el: Element, { options }: RenderState): ElementContent | undefined {
  const props = el.properties;
  if (typeof props['alt'] !== 'string') props['alt'] = '';
  const src = typeof props['src'] === 'string' ? props['src'].trim() : '';
  if (!src) return imagePlaceholder(props['alt'] || 'image');
  const local = answer(options.resolveAsset(src));
  if (local !== undefined) props['src'] = local;
  else if (!ABSOLUTE_URL_RE.test(src) && !src.startsWith('//')) {
    // A relative image that does not exist next to the minutes: show what it was.
    return imagePlaceholder(props['alt'] || src);
  }
  props['loading'] = 'lazy';
  return undefined;
}

function imagePlaceholder(label: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [MISSING_IMAGE_CLASS] },
    children: [{ type: 'text', value: `[image: ${label}]` }],
  };
}

function hasContent(el: Element): boolean {
  if (hastToString(el).trim() !== '') return true;
  let found = false;
  visit(el, 'element', (e: Element) => {
    if (e.tagName === 'img') found = true;
  });
  return found;
}

/** A resolver's answer: a non-empty string, else "no answer". A resolver that throws is a render failure (render.ts reports it). */
function answer(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
