import type { Element } from 'hast';
import type { Heading } from 'mdast';
import GithubSlugger from 'github-slugger';
import { toString as hastToString } from 'hast-util-to-string';
import { toString as mdastToString } from 'mdast-util-to-string';
import { mark, markOf, type RenderState } from './state.ts';

/**
 * Pagefind weight (`data-pagefind-weight`) of every heading, and of the page
 * titles that the components render. Pagefind's defaults (h1 7, h2 6, h3 5,
 * h4 4, h5 3, h6 2) punish the minutes' topics, which mostly sit at h3/h4
 * below a date h1 and an "Agenda" h2: a topic heading is the strongest signal
 * we have whatever its depth, so all of them get pagefind's maximum, like the
 * title. Written into the published HTML so pagefind can read the built
 * files itself (src/integrations/pagefind.ts).
 */
export const HEADING_SEARCH_WEIGHT = 10;

/** Class of the `#` link after each heading (the site's CSS; pagefind leaves it out). */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

const HEADING_TAG = /^h[1-6]$/;

/**
 * Before rehype, given the file's headings in document order (collected by
 * the shared mdast walk, steps.ts). Minutes: every heading gets a trusted
 * mark for its anchor. Anchors come from the parser (data.hProperties.id); a
 * heading without one (a tree built elsewhere) gets a GitHub slug that does
 * not collide with the others. Fragments (excerpts shown on other pages): no ids.
 */
export function markHeadings(headings: readonly Heading[], state: RenderState): void {
  if (state.mode === 'fragment') {
    for (const h of headings) if (h.data?.hProperties) delete h.data.hProperties['id'];
    return;
  }
  const taken = new Set<string>();
  for (const h of headings) {
    const id = h.data?.hProperties?.['id'];
    if (typeof id === 'string' && id !== '') taken.add(id);
  }
  const slugger = new GithubSlugger();
  for (const h of headings) {
    const given = h.data?.hProperties?.['id'];
    let anchor = typeof given === 'string' && given !== '' ? given : '';
    if (!anchor) {
      const plain = mdastToString(h, { includeHtml: false });
      do anchor = slugger.slug(plain);
      while (taken.has(anchor));
      taken.add(anchor);
    }
    h.data = { ...h.data, hProperties: { ...(h.data?.hProperties ?? {}), id: mark(state, { kind: 'heading', anchor }) } };
  }
}

/**
 * After sanitizing, one element (a step of the shared hast walk, steps.ts): a
 * marked heading gets its anchor as id and joins `anchored`; in minutes, every
 * heading gets the search weight.
 */
export function finishHeading(el: Element, state: RenderState, anchored: Element[]): void {
  const m = markOf(state, el.properties['id']);
  if (m?.kind === 'heading') {
    delete el.properties['id'];
    el.properties['id'] = m.anchor;
    state.anchoredHeadings.add(el);
    anchored.push(el);
  }
  if (state.mode === 'minutes' && HEADING_TAG.test(el.tagName)) el.properties['dataPagefindWeight'] = String(HEADING_SEARCH_WEIGHT);
}

/** The `#` link after each anchored heading (finishHeading), once the walk is over. */
export function addAnchorLinks(anchored: readonly Element[]): void {
  for (const h of anchored) {
    const anchor = String(h.properties['id']);
    const label = hastToString(h).replace(/\s+/g, ' ').trim() || anchor;
    h.children.push(
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { className: [HEADING_ANCHOR_CLASS], href: `#${anchor}`, ariaLabel: `Link to section: ${label}` },
        children: [{ type: 'text', value: '#' }],
      },
    );
  }
}
