import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { replaceGemojiShortcodes } from './emoji.ts';
import { addAnchorLinks, finishHeading, markHeadings } from './heading-ids.ts';
import { applyImageSize, finishCallout } from './hedgedoc.ts';
import { renderState } from './state.ts';

/**
 * The renderer's steps that each look at one node at a time, from several
 * modules, run in one walk per tree: a walk of unist-util-visit costs ~0.06 s
 * per SCS build whatever it does, so three separate walks cost three times
 * that. The steps do not depend on each other's work on other nodes.
 */

/** mdast, after remark-emoji: gemoji shortcodes in text (emoji.ts), sized images (hedgedoc.ts), heading marks (heading-ids.ts). */
export function remarkNodeSteps() {
  return (tree: MdastRoot, file: VFile): void => {
    const headings: Heading[] = [];
    visit(tree, (node) => {
      if (node.type === 'text') replaceGemojiShortcodes(node);
      else if (node.type === 'image') applyImageSize(node);
      else if (node.type === 'heading') headings.push(node);
    });
    markHeadings(headings, renderState(file));
  };
}

/** hast, after sanitizing: callouts (hedgedoc.ts), heading ids, weights and `#` links (heading-ids.ts). */
export function rehypeElementSteps() {
  return (tree: HastRoot, file: VFile): void => {
    const state = renderState(file);
    const anchored: Element[] = [];
    visit(tree, 'element', (el: Element) => {
      finishCallout(el, state);
      finishHeading(el, state, anchored);
    });
    addAnchorLinks(anchored);
  };
}
